import { say, type Message } from '../i18n/intl';
import { isAmount } from './fields';
import { lineProblem, readNumbers, readTabular, tableMsg, type Tabular, type TabularProblem } from './tabular';

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
  const header = head.cells.map((h) => h.toLowerCase());
  const problems: TabularProblem[] = [];
  // Messages as data (issue 11): `validation.table.members.*`, English in `message`.
  const refuse = (line: number, id: string, values?: Message['values']) =>
    problems.push(lineProblem(file, line, tableMsg(`members.${id}`, values)));
  const at = (n: string) => header.indexOf(n);
  for (const [i, h] of header.entries()) {
    const twice = header.indexOf(h, i + 1);
    if (KNOWN.includes(h) && twice > i) refuse(head.line, 'headerTwice', { name: h, first: i + 1, second: twice + 1 });
    const near = KNOWN.find((k) => !header.includes(k) && oneOff(h, k));
    // R25 a damaged header is refused naming the column, never read as a column to leave out.
    if (!KNOWN.includes(h) && near) refuse(head.line, 'headerNear', { n: i + 1, text: head.cells[i], near });
  }
  const iCode = at('code');
  const iName = at('name');
  const iValue = at(want);
  if (iCode < 0) refuse(head.line, 'noColumn', { want: 'code' });
  if (iValue < 0) refuse(head.line, 'noColumn', { want });
  if (problems.length > 0) return fail([...table.problems, ...problems].sort((a, b) => a.line - b.line));
  const unread = head.cells.filter((_, i) => i !== iCode && i !== iName && i !== iValue && head.cells[i] !== '');
  if (unread.length > 0) {
    const names = unread.map((text) => tableMsg('quoted', { text }));
    const columns = names.reduceRight((rest, first) => tableMsg('list', undefined, { first, rest }));
    const m = tableMsg('members.unread', { count: unread.length, want }, { columns });
    notices.push(say(m));
    noticeMsgs.push(m);
  }

  const read = want === 'weight' ? readNumbers(table, [iValue]) : table;
  for (const p of read.problems) problems.push(p); // not push(...): 200,000 problems would overflow the stack
  // A cell already refused (two readings, damaged text) is not refused a second time.
  const refused = new Set(read.problems.filter((p) => p.field !== undefined).map((p) => `${p.line}\u0000${p.field}`));
  const fieldOk = (line: number, col: number) => !refused.has(`${line}\u0000${head.cells[col]}`);
  const members: MemberLine[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of read.rows.slice(1)) {
    const code = cells[iCode] ?? '';
    const value = cells[iValue] ?? '';
    if (code === '') {
      refuse(line, 'codeEmpty');
      continue;
    }
    if (seen.has(code)) refuse(line, 'codeTwice', { code, unit, first: String(seen.get(code)) });
    else seen.set(code, line);
    const m: MemberLine = { line, code, name: iName >= 0 ? (cells[iName] ?? '') : '' };
    if (want === 'class') {
      if (value === '') refuse(line, 'classEmpty', { code });
      m.class = value;
    } else {
      if (!isAmount(value) && fieldOk(line, iValue))
        refuse(line, 'weightNotNumber', { code, text: cells[iValue] ?? '' });
      m.weight = value;
    }
    members.push(m);
  }
  if (members.length === 0 && problems.length === 0) refuse(head.line, 'none');
  problems.sort((a, b) => a.line - b.line);
  return { members, problems, notices, noticeMsgs, unit, named: iName >= 0 };
}

/** Members from CSV text (UTF-8): kept for callers holding text rather than the file's bytes. */
export function parseMembersCsv(
  text: string,
  want: 'class' | 'weight',
  file = 'members.csv',
): { members: MemberLine[]; problems: LineProblem[] } {
  return readMembersFile(new TextEncoder().encode(text), file, want);
}
