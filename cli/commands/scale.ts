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
import { amountFlag, format, InputProblems, output, parse, readBytes, UsageError, type Io } from '../io';

export const SCALE_USAGE = `  contrib scale derive --base BASE.csv --members MEMBERS.csv [--exclude-below RATE] [--ceiling RATE]
                       [--floor RATE] [--decimals D] [--rounding half-up|largest-remainder]
                       [--format csv|json|table] [--out FILE]
      BASE.csv: code,name,rate (the base scale as printed); MEMBERS.csv: code,name and, for a member not on the
      base scale, fixed_rate`;

/** Every sentence this command says, in one place (to move to the message catalog). */
const messages = {
  what: 'scale needs a subcommand: derive',
  unknown: (s: string) => `unknown scale subcommand "${s}" (expected derive)`,
  needBase: '--base BASE.csv is required',
  needMembers: '--members MEMBERS.csv is required',
  positionals: 'scale derive takes no positional arguments',
  decimals: (v: string) => `--decimals must be a whole number from 0 to 12 (got "${v}")`,
  rounding: (v: string) => `--rounding must be half-up or largest-remainder (got "${v}")`,
  format: (v: string) => `--format must be csv, json or table (got "${v}")`,
  noHeader: 'the file has no header line',
  noColumn: (col: string, why: string) => `the header has no "${col}" column (${why})`,
  columnTwice: (col: string) => `the header names "${col}" twice`,
  columnSpelled: (i: number, got: string, want: string) => `column ${i + 1} is headed "${got}": write "${want}"`,
  unread: (cols: string[], known: string[]) =>
    `the column${cols.length > 1 ? 's' : ''} ${cols.map((c) => `"${c}"`).join(', ')} ${cols.length > 1 ? 'are' : 'is'} not read (only ${known.join(', ')}).`,
  emptyCode: 'code is empty',
  codeTwice: (code: string, line: number) => `code ${code} appears twice (also on line ${line})`,
  notRate: (code: string, col: string, v: string) => `${code}: ${col} "${v}" is not a rate written like 0.125`,
  noRows: 'the file lists no rates',
  noMembersListed: 'the file lists no members',
  notOnBase: (code: string, base: string) => `${code} is not on the base scale (${base}) and has no fixed_rate`,
  fixedOnBase: (code: string, rate: string, base: string) =>
    `${code} is on the base scale (${base}, rate ${rate}): a fixed_rate is only for a member that is not on it`,
  why: {
    base: 'the base scale needs each code',
    rate: 'the base scale needs each rate',
    members: 'the members file needs each code',
  },
  title: (n: number) => `Scale derived for ${n} member${n === 1 ? '' : 's'}`,
  head: ['Code', 'Name', 'Base rate', 'Rate', 'Note'],
  total: 'Total',
  steps: {
    membership: (s: Extract<ScaleStep, { step: 'membership' }>) =>
      `Membership: ${s.onBase} on the base scale${s.fixed.length ? `, ${s.fixed.length} at a fixed rate (${s.fixed.map((f) => `${f.code} ${f.rate}`).join(', ')}; together ${s.sumFixed})` : ''}${s.notMembers ? `; ${s.notMembers} on the base scale not members` : ''}`,
    exclusion: (s: Extract<ScaleStep, { step: 'exclusion' }>) =>
      `Excluded below ${s.threshold}: ${s.excluded.length ? s.excluded.map((e) => `${e.code} (${e.baseRate})`).join(', ') : 'none'}`,
    renormalization: (s: Extract<ScaleStep, { step: 'renormalization' }>) =>
      `Factor: ${s.share} / ${s.sumBase} = ${s.factor.fraction} = ${s.factor.decimal}`,
    ceiling: (s: Extract<ScaleStep, { step: 'ceiling' }>) =>
      `Ceiling ${s.ceiling}: ${s.members.map((m) => `${m.code} (${m.before})`).join(', ')} set to it; the excess ${s.excess} spread over the others (× ${s.othersMultipliedBy.decimal})`,
    floor: (s: Extract<ScaleStep, { step: 'floor' }>) =>
      `Floor ${s.floor}: ${s.members.map((m) => `${m.code} (${m.before})`).join(', ')} raised to it; the difference ${s.difference} taken from the others (× ${s.othersMultipliedBy.decimal})`,
    rounding: (s: Extract<ScaleStep, { step: 'rounding' }>) =>
      `Rounded to ${s.decimals} decimal${s.decimals === 1 ? '' : 's'} ${s.rounding === 'half-up' ? 'half-up' : 'by largest remainder'}: the rates sum to ${s.sum}`,
  },
} as const;

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
): Read<{ line: number; cells: Record<string, string> }> {
  const table = readTabular(readBytes(file, MAX_TABULAR_BYTES), file, { comments: true });
  const problems: TabularProblem[] = [...table.problems];
  const notices = [...table.notices];
  if (table.rows.length === 0)
    return {
      rows: [],
      problems: problems.length ? problems : [{ file, line: 1, message: messages.noHeader }],
      notices,
    };
  const head = table.rows[0];
  const header = head.cells.map((h) => h.toLowerCase());
  const col = new Map<string, number>();
  for (const name of [...want.required, ...want.optional]) {
    const i = header.indexOf(name);
    if (i >= 0 && header.indexOf(name, i + 1) >= 0)
      problems.push({ file, line: head.line, message: messages.columnTwice(name) });
    if (i >= 0) col.set(name, i);
    else if (want.required.includes(name))
      problems.push({ file, line: head.line, message: messages.noColumn(name, want.why[name] ?? '') });
  }
  // "Fixed rate" or "fixed-rate" for fixed_rate: refused, never left out as a column nobody reads.
  const squash = (h: string) => h.replace(/[^a-z]/g, '');
  const known = [...want.required, ...want.optional];
  header.forEach((h, i) => {
    const meant = known.find((k) => k !== h && squash(k) === squash(h) && !col.has(k));
    if (meant) problems.push({ file, line: head.line, message: messages.columnSpelled(i, head.cells[i], meant) });
  });
  if (problems.length > 0) return { rows: [], problems, notices };
  const unread = head.cells.filter((c, i) => c !== '' && ![...col.values()].includes(i));
  if (unread.length > 0) notices.push(messages.unread(unread, known));
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
      problems.push({ file, line, message: messages.emptyCode });
      continue;
    }
    if (seen.has(code)) problems.push({ file, line, message: messages.codeTwice(code, seen.get(code)!) });
    else seen.set(code, line);
    const out: Record<string, string> = {};
    for (const name of col.keys()) out[name] = get(name);
    for (const r of want.rates) {
      const v = out[r];
      if (v === undefined || (v === '' && !want.required.includes(r))) continue;
      if (!isRate(v) && !refused.has(line)) problems.push({ file, line, message: messages.notRate(code, r, v) });
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
  if (!/^\d{1,2}$/.test(d) || Number(d) > 12) throw new UsageError(messages.decimals(d));
  s.decimals = Number(d);
  const rounding = (values.rounding as string | undefined) ?? 'half-up';
  if (rounding !== 'half-up' && rounding !== 'largest-remainder') throw new UsageError(messages.rounding(rounding));
  s.rounding = rounding as ScaleRounding;
  return s;
}

/** `contrib scale derive`: R21 a scale derived from a base scale, with each step's figures. */
export function scale(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (sub === undefined) throw new UsageError(messages.what);
  if (sub !== 'derive') throw new UsageError(messages.unknown(sub));
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
  });
  if (positionals.length > 0) throw new UsageError(messages.positionals);
  const baseFile = values.base as string | undefined;
  const membersFile = values.members as string | undefined;
  if (!baseFile) throw new UsageError(messages.needBase);
  if (!membersFile) throw new UsageError(messages.needMembers);
  const fmtFlag = (values.format as string | undefined) ?? 'table';
  if (fmtFlag !== 'csv' && fmtFlag !== 'json' && fmtFlag !== 'table') throw new UsageError(messages.format(fmtFlag));
  const fmt = format(fmtFlag);
  const settings = settingsFrom(values);

  const base = readRates(baseFile, {
    required: ['code', 'rate'],
    optional: ['name'],
    rates: ['rate'],
    why: { code: messages.why.base, rate: messages.why.rate },
  });
  const mem = readRates(membersFile, {
    required: ['code'],
    optional: ['name', 'fixed_rate'],
    rates: ['fixed_rate'],
    why: { code: messages.why.members },
  });
  for (const n of base.notices) io.err(`${baseFile}: warning: ${n}\n`);
  for (const n of mem.notices) io.err(`${membersFile}: warning: ${n}\n`);
  const problems = [...base.problems, ...mem.problems];
  if (base.rows.length === 0 && base.problems.length === 0)
    problems.push({ file: baseFile, line: 1, message: messages.noRows });
  if (mem.rows.length === 0 && mem.problems.length === 0)
    problems.push({ file: membersFile, line: 1, message: messages.noMembersListed });
  // A member's own mistakes are named by its line; what the settings cannot meet is said by the engine.
  const onBase = new Map(base.rows.map((r) => [r.cells.code, r.cells.rate]));
  if (base.problems.length === 0) {
    for (const r of mem.rows) {
      const fixed = r.cells.fixed_rate ?? '';
      if (fixed === '' && !onBase.has(r.cells.code))
        problems.push({ file: membersFile, line: r.line, message: messages.notOnBase(r.cells.code, baseFile) });
      if (fixed !== '' && onBase.has(r.cells.code))
        problems.push({
          file: membersFile,
          line: r.line,
          field: 'fixed_rate',
          message: messages.fixedOnBase(r.cells.code, onBase.get(r.cells.code)!, baseFile),
        });
    }
  }
  if (problems.length > 0) throw new InputProblems(problems);

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
  const text = fmt === 'csv' ? scaleCsv(derived) : fmt === 'json' ? scaleJson(derived, settings) : scaleText(derived);
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

/** For people: each step in a line, then the rates and their sum. */
export function scaleText(s: DerivedScale): string {
  const stepLines = s.steps.map((st) => (messages.steps[st.step] as (x: ScaleStep) => string)(st));
  const body = s.rates.map((r) => [r.code, r.name, r.baseRate ?? '', r.rate, r.note]);
  const foot = [messages.total, '', '', s.sum, ''];
  return `${[messages.title(s.rates.length), ...stepLines.map((l) => `  ${l}`), '', ...alignedText([...messages.head], body, [false, false, true, true, false], foot)].join('\n')}\n`;
}
