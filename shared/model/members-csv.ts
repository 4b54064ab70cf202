import { parse } from 'csv-parse/browser/esm/sync';
import { isDecimalString } from './decimal';

export interface MemberLine {
  /** 1-based line in the file. */
  line: number;
  code: string;
  name: string;
  class?: string;
  weight?: string;
}

export interface LineProblem {
  line: number;
  message: string;
}

/**
 * Members from CSV: UTF-8 with or without BOM, comma or semicolon separated, a header naming `code` and `class`
 * (or `weight` for a scale), `name` optional, other columns ignored, lines starting with # ignored.
 */
export function parseMembersCsv(text: string, want: 'class' | 'weight'): { members: MemberLine[]; problems: LineProblem[] } {
  const problems: LineProblem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';'],
      comment: '#',
      comment_no_infix: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    return { members: [], problems: [{ line, message: `the file cannot be read as CSV: ${(e as Error).message}` }] };
  }
  records = records.filter((r) => r.record.some((f) => f !== ''));
  if (records.length === 0) return { members: [], problems: [{ line: 1, message: 'the file has no header and no members' }] };
  const header = records[0].record.map((h) => h.toLowerCase());
  const col = (n: string) => header.indexOf(n);
  const iCode = col('code');
  const iName = col('name');
  const iValue = col(want);
  const headerLine = records[0].info.lines;
  if (iCode < 0) problems.push({ line: headerLine, message: 'the header has no "code" column' });
  if (iValue < 0) problems.push({ line: headerLine, message: `the header has no "${want}" column${want === 'weight' ? ' (a scale needs each member’s weight)' : ''}` });
  if (problems.length > 0) return { members: [], problems };

  const members: MemberLine[] = [];
  const seen = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const code = record[iCode] ?? '';
    const value = record[iValue] ?? '';
    if (code === '') {
      problems.push({ line, message: 'code is empty' });
      continue;
    }
    if (seen.has(code)) problems.push({ line, message: `code ${code} appears twice (also on line ${seen.get(code)})` });
    else seen.set(code, line);
    const m: MemberLine = { line, code, name: iName >= 0 ? (record[iName] ?? '') : '' };
    if (want === 'class') {
      if (value === '') problems.push({ line, message: `${code}: class is empty` });
      m.class = value;
    } else {
      if (!isDecimalString(value) || value.startsWith('-')) problems.push({ line, message: `${code}: weight "${value}" is not a number written like 0.125` });
      m.weight = value;
    }
    members.push(m);
  }
  if (members.length === 0 && problems.length === 0) problems.push({ line: headerLine, message: 'the file lists no members' });
  return { members, problems };
}
