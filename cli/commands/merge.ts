import { mergeWorkbooks } from '../../shared/merge/merge';
import { say, type MessageValues } from '../../shared/i18n/intl';
import type { Lang } from '../../shared/i18n/languages';
import { output } from '../files';
import { C, cliLanguage, parse, UsageError, words, type Io } from '../io';
import { loadWorkbook } from '../workbook';

// `contrib merge BASE OURS THEIRS [--out FILE]`: the three-way merge of shared/merge, usable as a git merge driver
// (docs/team.md): exit 0 with the merged workbook, 1 with the conflicts listed and nothing written, 2 for bad input.

/** A value as the conflict line shows it: JSON on one line; a record one side removed says so. */
function show(v: unknown, lang: Lang): string {
  return v === undefined ? say(C('merge.removed'), lang) : JSON.stringify(v);
}

export function merge(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { out: { type: 'string' }, lang: { type: 'string' } });
  const lang = cliLanguage(values.lang);
  // Every sentence of the command is a catalog message (issue 11, `cli.merge.*`); the merged workbook is data.
  const said = (id: string, v?: MessageValues) => say(C(`merge.${id}`, v), lang);
  if (positionals.length !== 3) throw new UsageError(C('merge.needsThree'));
  const [, oursFile, theirsFile] = positionals;
  // Each input is read and checked first: a damaged file is exit 2 with its line, before anything is merged.
  const [base, ours, theirs] = positionals.map((f) => loadWorkbook(f));
  const r = mergeWorkbooks(base, ours, theirs);
  if (r.kind === 'conflicts') {
    for (const c of r.conflicts)
      io.out(`${said('conflict', { path: c.path, ours: show(c.ours, lang), theirs: show(c.theirs, lang) })}\n`);
    const n = r.conflicts.length;
    io.err(`${said('conflicts', { count: n, n: String(n) })}\n`);
    return 1;
  }
  if (r.kind === 'invalid') {
    for (const p of r.problems) io.out(`${said('problem', { problem: words(p, lang) })}\n`);
    const n = r.problems.length;
    io.err(`${said('invalid', { count: n, n: String(n) })}\n`);
    return 1;
  }
  const files = { ours: oursFile, theirs: theirsFile };
  for (const x of r.renamed)
    io.err(`${said('renamed', { list: x.list, from: x.from, to: x.to, file: files[x.side] })}\n`);
  // Written as the app writes a workbook (renderer/src/document/reducer.ts serialize).
  return output(`${JSON.stringify(r.workbook, null, 2)}\n`, values.out as string | undefined, io);
}
