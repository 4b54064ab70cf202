import { say, type Message } from '../i18n/intl';
import { isAmount } from './fields';
import {
  lineProblem,
  readNumbers,
  readTabular,
  scanTabular,
  tableMsg,
  type ReadOptions,
  type Tabular,
  type TabularProblem,
  type TabularRow,
} from './tabular';

export interface MemberLine {
  /** 1-based line in the file (row of a sheet). */
  line: number;
  code: string;
  name: string;
  class?: string;
  weight?: string;
}

export interface LineProblem {
  line: number;
  message: string;
  field?: string;
}

export interface MembersRead {
  members: MemberLine[];
  /** Lines refused (R25: the import goes through only when there are none). */
  problems: TabularProblem[];
  /** Said to the user though nothing is refused: the encoding read, the columns left out. */
  notices: string[];
  /** The same notices as data, in the same order. */
  noticeMsgs?: Message[];
  /** How a place in the file is named: a line of a CSV, a row of a sheet. */
  unit: 'line' | 'row';
  /** The header has a "name" column (the CLI needs one: every member it apportions is new, and needs its name). */
  named?: boolean;
}

const KNOWN = ['code', 'name', 'class', 'weight'];

/** One letter off (damaged, dropped or added): "nÿme", "nme", "naame" for "name". */
function oneOff(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * Members from a CSV or TSV file (R25, see readTabular): a header naming `code` and `class` (or `weight` for a
 * scale), `name` optional, other columns left out (and said so), lines starting with # ignored. Weights are read
 * as numbers, with decimal commas where the delimiter is not a comma.
 */
export function readMembersFile(bytes: Uint8Array, file: string, want: 'class' | 'weight'): MembersRead {
  return readMembers(readTabular(bytes, file, { comments: true }), want);
}

/** Members from rows already read (a CSV, or an XLSX sheet's rows). */
export function readMembers(table: Tabular, want: 'class' | 'weight'): MembersRead {
  const { file, unit } = table;
  const notices = [...table.notices];
  const noticeMsgs = [...(table.noticeMsgs ?? [])];
  const fail = (problems: TabularProblem[]): MembersRead => ({ members: [], problems, notices, noticeMsgs, unit });
  if (table.rows.length === 0)
    return fail(table.problems.length ? table.problems : [lineProblem(file, 1, tableMsg('members.empty'))]);
  const head = table.rows[0];
  const columns = headerColumns(file, head, want, notices, noticeMsgs);
  if (!('iCode' in columns)) return fail([...table.problems, ...columns].sort((a, b) => a.line - b.line));
  const read = want === 'weight' ? readNumbers(table, [columns.iValue]) : table;
  const problems: TabularProblem[] = [];
  for (const p of read.problems) problems.push(p); // not push(...): 200,000 problems would overflow the stack
  // A cell already refused (two readings, damaged text) is not refused a second time.
  const refused = new Set(read.problems.filter((p) => p.field !== undefined).map((p) => `${p.line}\u0000${p.field}`));
  const fieldOk = (line: number, col: number) => !refused.has(`${line}\u0000${head.cells[col]}`);
  const member = memberOfRow(file, unit, want, columns, problems, fieldOk);
  const members: MemberLine[] = [];
  for (const { line, cells } of read.rows.slice(1)) {
    const m = member(line, cells);
    if (m) members.push(m);
  }
  if (members.length === 0 && problems.length === 0) problems.push(membersProblem(file, head.line, 'none'));
  problems.sort((a, b) => a.line - b.line);
  return { members, problems, notices, noticeMsgs, unit, named: columns.iName >= 0 };
}

/** A problem of a members file, as data (issue 11): `validation.table.members.*`, English in `message`. */
function membersProblem(file: string, line: number, id: string, values?: Message['values']): TabularProblem {
  return lineProblem(file, line, tableMsg(`members.${id}`, values));
}

interface MemberColumns {
  iCode: number;
  iName: number;
  iValue: number;
}

/** Where the header line puts code, name and the class or weight; or what is wrong with it. */
function headerColumns(
  file: string,
  head: TabularRow,
  want: 'class' | 'weight',
  notices: string[],
  noticeMsgs: Message[],
): MemberColumns | TabularProblem[] {
  const header = head.cells.map((h) => h.toLowerCase());
  const problems: TabularProblem[] = [];
  const refuse = (id: string, values?: Message['values']) => problems.push(membersProblem(file, head.line, id, values));
  const at = (n: string) => header.indexOf(n);
  for (const [i, h] of header.entries()) {
    const twice = header.indexOf(h, i + 1);
    if (KNOWN.includes(h) && twice > i) refuse('headerTwice', { name: h, first: i + 1, second: twice + 1 });
    const near = KNOWN.find((k) => !header.includes(k) && oneOff(h, k));
    // R25 a damaged header is refused naming the column, never read as a column to leave out.
    if (!KNOWN.includes(h) && near) refuse('headerNear', { n: i + 1, text: head.cells[i], near });
  }
  const iCode = at('code');
  const iName = at('name');
  const iValue = at(want);
  if (iCode < 0) refuse('noColumn', { want: 'code' });
  if (iValue < 0) refuse('noColumn', { want });
  if (problems.length > 0) return problems;
  const unread = head.cells.filter((_, i) => i !== iCode && i !== iName && i !== iValue && head.cells[i] !== '');
  if (unread.length > 0) {
    const names = unread.map((text) => tableMsg('quoted', { text }));
    const columns = names.reduceRight((rest, first) => tableMsg('list', undefined, { first, rest }));
    const m = tableMsg('members.unread', { count: unread.length, want }, { columns });
    notices.push(say(m));
    noticeMsgs.push(m);
  }
  return { iCode, iName, iValue };
}

/** Reads one member's line after the header: its member, or none (its problems pushed to `problems`). */
function memberOfRow(
  file: string,
  unit: 'line' | 'row',
  want: 'class' | 'weight',
  { iCode, iName, iValue }: MemberColumns,
  problems: TabularProblem[],
  fieldOk: (line: number, col: number) => boolean,
): (line: number, cells: string[]) => MemberLine | undefined {
  const seen = new Map<string, number>();
  return (line, cells) => {
    const code = cells[iCode] ?? '';
    const value = cells[iValue] ?? '';
    if (code === '') {
      problems.push(membersProblem(file, line, 'codeEmpty'));
      return undefined;
    }
    if (seen.has(code))
      problems.push(membersProblem(file, line, 'codeTwice', { code, unit, first: String(seen.get(code)) }));
    else seen.set(code, line);
    const m: MemberLine = { line, code, name: iName >= 0 ? (cells[iName] ?? '') : '' };
    if (want === 'class') {
      if (value === '') problems.push(membersProblem(file, line, 'classEmpty', { code }));
      m.class = value;
    } else {
      if (!isAmount(value) && fieldOk(line, iValue))
        problems.push(membersProblem(file, line, 'weightNotNumber', { code, text: cells[iValue] ?? '' }));
      m.weight = value;
    }
    return m;
  };
}

/**
 * Members as columns (issue 13: 10^6 members, no object per member): member i is on line `lines[i]`, with
 * `codes[i]`, `names[i]` and its class or weight as written, `values[i]` (one string per distinct text).
 */
export interface MembersColumns extends Omit<MembersRead, 'members'> {
  lines: number[];
  codes: string[];
  names: string[];
  values: string[];
}

/**
 * readMembersFile as columns: the same members, problems and notices. A class file is read row by row as it is
 * split (scanTabular), so neither its rows nor its members are ever held as objects; weights are read as one
 * column of numbers (readNumbers) first, so a scale's file is read whole and then turned into columns.
 */
export function readMembersColumns(
  bytes: Uint8Array,
  file: string,
  want: 'class' | 'weight',
  opts: Pick<ReadOptions, 'block'> = {},
): MembersColumns {
  const columns: MembersColumns = {
    lines: [],
    codes: [],
    names: [],
    values: [],
    problems: [],
    notices: [],
    noticeMsgs: [],
    unit: 'line',
  };
  const keep = (m: MemberLine, value: string) => {
    columns.lines.push(m.line);
    columns.codes.push(m.code);
    columns.names.push(m.name);
    columns.values.push(value);
  };
  if (want === 'weight') {
    const read = readMembersFile(bytes, file, want);
    for (const m of read.members) keep(m, m.weight!);
    return Object.assign(columns, {
      problems: read.problems,
      notices: read.notices,
      noticeMsgs: read.noticeMsgs,
      unit: read.unit,
      ...(read.named !== undefined ? { named: read.named } : {}),
    });
  }
  const notices: string[] = [];
  const noticeMsgs: Message[] = [];
  const problems: TabularProblem[] = [];
  let head: TabularRow | undefined;
  let header: MemberColumns | TabularProblem[] | undefined;
  let member: ((line: number, cells: string[]) => MemberLine | undefined) | undefined;
  const texts = new Map<string, string>(); // one string per class as written, not one per member
  const table = scanTabular(bytes, file, { ...opts, comments: true }, (row) => {
    if (!head) {
      head = row;
      header = headerColumns(file, row, want, notices, noticeMsgs);
      if ('iCode' in header) member = memberOfRow(file, 'line', want, header, problems, () => true);
      return;
    }
    const m = member?.(row.line, row.cells);
    if (!m) return;
    let text = texts.get(m.class!);
    if (text === undefined) texts.set(m.class!, (text = m.class!));
    keep(m, text);
  });
  columns.notices = [...table.notices, ...notices];
  columns.noticeMsgs = [...(table.noticeMsgs ?? []), ...noticeMsgs];
  const fail = (list: TabularProblem[]) => Object.assign(columns, { problems: list });
  if (!head) return fail(table.problems.length ? table.problems : [membersProblem(file, 1, 'empty')]);
  if (!member) return fail([...table.problems, ...(header as TabularProblem[])].sort((a, b) => a.line - b.line));
  // As readMembers: the reader's problems first, then the members', each line's in that order.
  const all: TabularProblem[] = [];
  for (const p of table.problems) all.push(p);
  for (const p of problems) all.push(p);
  if (columns.codes.length === 0 && all.length === 0) all.push(membersProblem(file, head.line, 'none'));
  all.sort((a, b) => a.line - b.line);
  return Object.assign(columns, { problems: all, named: header !== undefined && (header as MemberColumns).iName >= 0 });
}

/** Members from CSV text (UTF-8): kept for callers holding text rather than the file's bytes. */
export function parseMembersCsv(
  text: string,
  want: 'class' | 'weight',
  file = 'members.csv',
): { members: MemberLine[]; problems: LineProblem[] } {
  return readMembersFile(new TextEncoder().encode(text), file, want);
}
