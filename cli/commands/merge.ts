import { mergeWorkbooks, type Conflict, type Renamed } from '../../shared/merge/merge';
import type { Problem } from '../../shared/model/types';
import { loadWorkbook, output, parse, UsageError, type Io } from '../io';

// `contrib merge BASE OURS THEIRS [--out FILE]`: the three-way merge of shared/merge, usable as a git merge driver
// (docs/team.md): exit 0 with the merged workbook, 1 with the conflicts listed and nothing written, 2 for bad input.

export const MERGE_USAGE = `  contrib merge BASE.json OURS.json THEIRS.json [--out FILE]
                    (as a git merge driver: contrib merge %O %A %B --out %A)`;

/** Every sentence this command prints, in one place (for the message catalog). */
const messages = {
  needsThree: 'merge needs three workbooks: BASE.json OURS.json THEIRS.json',
  removed: 'removed',
  conflict: (c: Conflict, show: (v: unknown) => string) => `${c.path}: ours ${show(c.ours)} theirs ${show(c.theirs)}`,
  conflicts: (n: number) =>
    `${n} conflict${n === 1 ? '' : 's'}: both sides changed the same thing differently; nothing was written`,
  problem: (p: Problem) => `merged: ${p.message}`,
  invalid: (n: number) =>
    `the merged workbook would not be valid (${n} problem${n === 1 ? '' : 's'}): nothing was written`,
  renamed: (r: Renamed, files: { ours: string; theirs: string }) =>
    `${r.list}: ${r.from} of ${files[r.side]} is now ${r.to} (both sides added a record numbered ${r.from})`,
};

/** A value as the conflict line shows it: JSON on one line; a record one side removed says so. */
function show(v: unknown): string {
  return v === undefined ? messages.removed : JSON.stringify(v);
}

export function merge(args: string[], io: Io): number {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length !== 3) throw new UsageError(messages.needsThree);
  const [, oursFile, theirsFile] = positionals;
  // Each input is read and checked first: a damaged file is exit 2 with its line, before anything is merged.
  const [base, ours, theirs] = positionals.map((f) => loadWorkbook(f));
  const r = mergeWorkbooks(base, ours, theirs);
  if (r.kind === 'conflicts') {
    for (const c of r.conflicts) io.out(`${messages.conflict(c, show)}\n`);
    io.err(`${messages.conflicts(r.conflicts.length)}\n`);
    return 1;
  }
  if (r.kind === 'invalid') {
    for (const p of r.problems) io.out(`${messages.problem(p)}\n`);
    io.err(`${messages.invalid(r.problems.length)}\n`);
    return 1;
  }
  for (const x of r.renamed) io.err(`${messages.renamed(x, { ours: oursFile, theirs: theirsFile })}\n`);
  // Written as the app writes a workbook (renderer/src/document/reducer.ts serialize).
  return output(`${JSON.stringify(r.workbook, null, 2)}\n`, values.out as string | undefined, io);
}
