import {
  deriveScale,
  type BaseRate,
  type DerivedScale,
  type ScaleMember,
  type ScaleRounding,
  type ScaleSettings,
  type ScaleStep,
} from '../../shared/engine/scale';
import { isRate } from '../../shared/model/fields';
import { MAX_TABULAR_BYTES, readNumbers, readTabular, type TabularProblem } from '../../shared/model/tabular';
import { csvField } from '../../shared/export/contribution-table';
import { alignedText } from '../../shared/export/text-table';
import { amountFlag, output, readBytes } from '../files';
import { C, cliLanguage, format, InputProblems, noticeLine, parse, UsageError, type Io } from '../io';
import { textWords } from '../../shared/export/text-words';
import { say, type Message, type MessageValues } from '../../shared/i18n/intl';
import type { Lang } from '../../shared/i18n/languages';

// Every sentence of the command is a catalog message (issue 11, area cli: `cli.scale.*`): usage errors and line
// problems are said in the language of --lang or LANG, the table for people is written in it.
const S = (id: string, values?: MessageValues) => C(`scale.${id}`, values);

/** A line problem with its message as data (its English text for `message`, as the tests and scripts read it). */
function problem(file: string, line: number, m: Message, field?: string): TabularProblem {
  return { file, line, ...(field ? { field } : {}), message: say(m), msg: m };
}

interface Read<T> {
  rows: T[];
  problems: TabularProblem[];
  notices: string[];
}

/**
 * R25 a CSV or TSV file with a header, through the shared reader: the named columns (header matched case-blind),
 * rate columns read as numbers (decimal commas where the delimiter is not a comma), codes unique.
 */
function readRates(
  file: string,
  want: { required: string[]; optional: string[]; rates: string[]; why: Record<string, string> },
  lang: Lang,
): Read<{ line: number; cells: Record<string, string> }> {
  const table = readTabular(readBytes(file, MAX_TABULAR_BYTES), file, { comments: true });
  const problems: TabularProblem[] = [...table.problems];
  const notices = [...table.notices];
  if (table.rows.length === 0)
    return {
      rows: [],
      problems: problems.length ? problems : [problem(file, 1, S('noHeader'))],
      notices,
    };
  const head = table.rows[0];
  const header = head.cells.map((h) => h.toLowerCase());
  const col = new Map<string, number>();
  for (const name of [...want.required, ...want.optional]) {
    const i = header.indexOf(name);
    if (i >= 0 && header.indexOf(name, i + 1) >= 0)
      problems.push(problem(file, head.line, S('columnTwice', { column: name })));
    if (i >= 0) col.set(name, i);
    else if (want.required.includes(name))
      problems.push(problem(file, head.line, S('noColumn', { column: name, why: want.why[name] ?? 'members' })));
  }
  // "Fixed rate" or "fixed-rate" for fixed_rate: refused, never left out as a column nobody reads.
  const squash = (h: string) => h.replace(/[^a-z]/g, '');
  const known = [...want.required, ...want.optional];
  header.forEach((h, i) => {
    const meant = known.find((k) => k !== h && squash(k) === squash(h) && !col.has(k));
    if (meant)
      problems.push(
        problem(file, head.line, S('columnSpelled', { n: String(i + 1), got: head.cells[i], want: meant })),
      );
  });
  if (problems.length > 0) return { rows: [], problems, notices };
  const unread = head.cells.filter((c, i) => c !== '' && ![...col.values()].includes(i));
  if (unread.length > 0)
    notices.push(
      say(
        S('unread', { count: unread.length, columns: unread.map((c) => `"${c}"`).join(', '), known: known.join(', ') }),
        lang,
      ),
    );
  const read = readNumbers(
    table,
    want.rates.filter((r) => col.has(r)).map((r) => col.get(r)!),
  );
  problems.push(...read.problems);
  const refused = new Set(read.problems.map((p) => p.line));
  const rows: { line: number; cells: Record<string, string> }[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of read.rows.slice(1)) {
    const get = (name: string) => (col.has(name) ? (cells[col.get(name)!] ?? '') : '');
    const code = get('code');
    if (code === '') {
      problems.push(problem(file, line, S('emptyCode')));
      continue;
    }
    if (seen.has(code)) problems.push(problem(file, line, S('codeTwice', { code, line: String(seen.get(code)!) })));
    else seen.set(code, line);
    const out: Record<string, string> = {};
    for (const name of col.keys()) out[name] = get(name);
    for (const r of want.rates) {
      const v = out[r];
      if (v === undefined || (v === '' && !want.required.includes(r))) continue;
      if (!isRate(v) && !refused.has(line))
        problems.push(problem(file, line, S('notRate', { code, column: r, got: v })));
    }
    rows.push({ line, cells: out });
  }
  return { rows, problems, notices };
}

function settingsFrom(values: Record<string, unknown>): ScaleSettings {
  const s: ScaleSettings = {};
  const rate = (flag: string) => amountFlag(flag, values[flag] as string | undefined);
  const ex = rate('exclude-below');
  const ceiling = rate('ceiling');
  const floor = rate('floor');
  if (ex !== undefined) s.excludeBelow = ex;
  if (ceiling !== undefined) s.ceiling = ceiling;
  if (floor !== undefined) s.floor = floor;
  const d = (values.decimals as string | undefined) ?? '3';
  if (!/^\d{1,2}$/.test(d) || Number(d) > 12) throw new UsageError(S('decimals', { got: d }));
  s.decimals = Number(d);
  const rounding = (values.rounding as string | undefined) ?? 'half-up';
  if (rounding !== 'half-up' && rounding !== 'largest-remainder')
    throw new UsageError(S('rounding', { got: rounding }));
  s.rounding = rounding as ScaleRounding;
  return s;
}

/** `contrib scale derive`: R21 a scale derived from a base scale, with each step's figures. */
export function scale(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub === undefined) throw new UsageError(S('what'));
  if (sub !== 'derive') throw new UsageError(S('unknown', { got: sub }));
  const { values, positionals } = parse(rest, {
    base: { type: 'string' },
    members: { type: 'string' },
    'exclude-below': { type: 'string' },
    ceiling: { type: 'string' },
    floor: { type: 'string' },
    decimals: { type: 'string' },
    rounding: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const lang = cliLanguage(values.lang);
  if (positionals.length > 0) throw new UsageError(S('positionals'));
  const baseFile = values.base as string | undefined;
  const membersFile = values.members as string | undefined;
  if (!baseFile) throw new UsageError(S('needBase'));
  if (!membersFile) throw new UsageError(S('needMembers'));
  const fmtFlag = (values.format as string | undefined) ?? 'table';
  if (fmtFlag !== 'csv' && fmtFlag !== 'json' && fmtFlag !== 'table')
    throw new UsageError(S('format', { got: fmtFlag }));
  const fmt = format(fmtFlag);
  const settings = settingsFrom(values);

  const base = readRates(
    baseFile,
    {
      required: ['code', 'rate'],
      optional: ['name'],
      rates: ['rate'],
      why: { code: 'base', rate: 'rate' },
    },
    lang,
  );
  const mem = readRates(
    membersFile,
    {
      required: ['code'],
      optional: ['name', 'fixed_rate'],
      rates: ['fixed_rate'],
      why: { code: 'members' },
    },
    lang,
  );
  for (const n of base.notices) io.err(noticeLine(baseFile, n, lang));
  for (const n of mem.notices) io.err(noticeLine(membersFile, n, lang));
  const problems = [...base.problems, ...mem.problems];
  if (base.rows.length === 0 && base.problems.length === 0) problems.push(problem(baseFile, 1, S('noRows')));
  if (mem.rows.length === 0 && mem.problems.length === 0) problems.push(problem(membersFile, 1, S('noMembersListed')));
  // A member's own mistakes are named by its line; what the settings cannot meet is said by the engine.
  const onBase = new Map(base.rows.map((r) => [r.cells.code, r.cells.rate]));
  if (base.problems.length === 0) {
    for (const r of mem.rows) {
      const fixed = r.cells.fixed_rate ?? '';
      if (fixed === '' && !onBase.has(r.cells.code))
        problems.push(problem(membersFile, r.line, S('notOnBase', { code: r.cells.code, base: baseFile })));
      if (fixed !== '' && onBase.has(r.cells.code))
        problems.push(
          problem(
            membersFile,
            r.line,
            S('fixedOnBase', { code: r.cells.code, rate: onBase.get(r.cells.code)!, base: baseFile }),
            'fixed_rate',
          ),
        );
    }
  }
  if (problems.length > 0) throw new InputProblems(problems, lang);

  const baseRates: BaseRate[] = base.rows.map((r) => ({
    code: r.cells.code,
    name: r.cells.name ?? '',
    rate: r.cells.rate,
  }));
  const members: ScaleMember[] = mem.rows.map((r) => ({
    code: r.cells.code,
    name: r.cells.name ?? '',
    ...(r.cells.fixed_rate ? { fixedRate: r.cells.fixed_rate } : {}),
  }));
  const derived = deriveScale(baseRates, members, settings);
  const text =
    fmt === 'csv' ? scaleCsv(derived) : fmt === 'json' ? scaleJson(derived, settings) : scaleText(derived, lang);
  return output(text, values.out as string | undefined, io);
}

/** The contract scripts depend on: `code,name,base_rate,rate,note`, one row per member in the members' order. */
export function scaleCsv(s: DerivedScale): string {
  const lines = ['code,name,base_rate,rate,note'];
  for (const r of s.rates) lines.push([csvField(r.code), csvField(r.name), r.baseRate ?? '', r.rate, r.note].join(','));
  return `${lines.join('\n')}\n`;
}

export function scaleJson(s: DerivedScale, settings: ScaleSettings): string {
  const out = {
    settings: {
      excludeBelow: settings.excludeBelow ?? null,
      ceiling: settings.ceiling ?? null,
      floor: settings.floor ?? null,
      decimals: s.decimals,
      rounding: s.rounding,
    },
    factor: s.factor,
    sum: s.sum,
    steps: s.steps,
    rates: s.rates,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** For people: each step in a line, then the rates and their sum, in `lang` (rates as the language writes them). */
export function scaleText(s: DerivedScale, lang: Lang = 'en'): string {
  const w = textWords(lang);
  const t = (id: string, values?: MessageValues) => w.t(`cli.scale.${id}`, values);
  const rate = w.amount;
  const them = (list: { code: string; before: string }[]) =>
    list.map((m) => `${m.code} (${rate(m.before)})`).join(', ');
  const step = (st: ScaleStep): string => {
    switch (st.step) {
      case 'membership':
        return t('step.membership', {
          onBase: String(st.onBase),
          fixedCount: String(st.fixed.length),
          fixed: st.fixed.length ? st.fixed.map((f) => `${f.code} ${rate(f.rate)}`).join(', ') : 'none',
          sumFixed: rate(st.sumFixed),
          notMembers: st.notMembers ? String(st.notMembers) : 'none',
        });
      case 'exclusion':
        return t('step.exclusion', {
          threshold: rate(st.threshold),
          excluded: st.excluded.length ? st.excluded.map((e) => `${e.code} (${rate(e.baseRate)})`).join(', ') : 'none',
        });
      case 'renormalization':
        return t('step.renormalization', {
          share: rate(st.share),
          sumBase: rate(st.sumBase),
          fraction: st.factor.fraction,
          decimal: rate(st.factor.decimal),
        });
      case 'ceiling':
        return t('step.ceiling', {
          ceiling: rate(st.ceiling),
          members: them(st.members),
          excess: rate(st.excess),
          factor: rate(st.othersMultipliedBy.decimal),
        });
      case 'floor':
        return t('step.floor', {
          floor: rate(st.floor),
          members: them(st.members),
          difference: rate(st.difference),
          factor: rate(st.othersMultipliedBy.decimal),
        });
      case 'rounding':
        return t('step.rounding', {
          decimals: st.decimals,
          d: String(st.decimals),
          rounding: st.rounding === 'half-up' ? 'halfUp' : 'largest',
          sum: rate(st.sum),
        });
    }
  };
  const head = [
    w.t('export.file.col.code'),
    w.t('export.file.col.name'),
    t('col.baseRate'),
    t('col.rate'),
    t('col.note'),
  ];
  const body = s.rates.map((r) => [
    r.code,
    r.name,
    rate(r.baseRate),
    rate(r.rate),
    t('note', { note: r.note || 'none' }),
  ]);
  const foot = [w.t('export.file.total'), '', '', rate(s.sum), ''];
  const title = t('title', { count: s.rates.length, n: String(s.rates.length) });
  return `${[title, ...s.steps.map((st) => `  ${step(st)}`), '', ...alignedText(head, body, [false, false, true, true, false], foot)].join('\n')}\n`;
}
