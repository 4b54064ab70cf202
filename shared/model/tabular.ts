// `#csv-parse` is csv-parse's sync API, picked by package.json "imports": its Node build in Node (the CLI, the
// tests) and its browser build only under the bundler's "browser" condition (the renderer), whose Buffer polyfill
// is ~3x slower (bench/tabular). shared/ itself imports no node: module.
import { parse } from '#csv-parse';
import { say, type Message, type MessageValues } from '../i18n/intl';
import { V } from './problems';

// R25 one reader for every table a user brings: members files (CSV, TSV, the rows of an XLSX sheet), bank
// statements and the CLI's --members. It takes bytes, decodes them, splits them into rows with their line numbers
// and reports what it cannot read as { file, line, field, message }: never a guess, never a silent change.

export type Delimiter = ',' | ';' | '\t';
export type Encoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'Windows-1252' | 'XLSX';

export interface TabularProblem {
  file: string;
  /** 1-based line of a text file, or row of a sheet. */
  line: number;
  /** The column concerned, by its header name, when there is one. */
  field?: string;
  /** The English text of `msg` (the CLI's and the tests'), or text from elsewhere that has no message yet. */
  message: string;
  /** The message as data (issue 11): a display says it in the reader's language. */
  msg?: Message;
}

export interface TabularRow {
  /** Where the row starts (a quoted field may run over several lines). */
  line: number;
  /** Fields as written, trimmed. */
  cells: string[];
}

export interface Tabular {
  file: string;
  /** How a place in the file is named to the user: a line of a text file, a row of a sheet. */
  unit: 'line' | 'row';
  encoding: Encoding;
  /** Null for a sheet. */
  delimiter: Delimiter | null;
  /** Non-empty rows, the first being the header line (R25) when the file has one. */
  rows: TabularRow[];
  /** Lines refused; an import shows them and goes through only when there are none. */
  problems: TabularProblem[];
  /** What the user is told though nothing is refused (a Windows-1252 file). */
  notices: string[];
  /** The same notices as data, in the same order, to be said in the reader's language. */
  noticeMsgs?: Message[];
}

/** Larger files are refused before they are read: 200,000 members take 7 MB. */
export const MAX_TABULAR_BYTES = 64 * 1024 * 1024;

const DELIMITER_NAMES: Record<Delimiter, 'comma' | 'semicolon' | 'tab'> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

// Messages as data (issue 11): what the reader refuses or notices is a message of the catalog area `validation`,
// ids `validation.table.*`, shown by the import preview and printed by the CLI.

/** A message of the reader: `validation.table.<id>`. */
export const tableMsg = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message =>
  V(`table.${id}`, values, parts);

/** A line's problem: its message as data and its English text, said only when read (200,000 refused lines). */
export function lineProblem(file: string, line: number, m: Message, field?: string): TabularProblem {
  let text: string | undefined;
  const p: TabularProblem = {
    file,
    line,
    get message(): string {
      return (text ??= say(m));
    },
    msg: m,
  };
  if (field !== undefined) p.field = field;
  return p;
}

// --- bytes to text ---------------------------------------------------------------------------------------------

export interface Decoded {
  text: string;
  encoding: Encoding;
  notices: string[];
  noticeMsgs: Message[];
  problems: TabularProblem[];
}

/** 1-based line of a byte offset (line feeds before it; UTF-16 is counted on the text). */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that breaks UTF-8, or -1 when all of it is UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array, from = 0): number {
  const n = bytes.length;
  let i = from;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * R25 encodings: UTF-8 with or without BOM, UTF-16 LE/BE with BOM; anything else is Windows-1252 only when it is
 * not valid UTF-8, and then the notice says so. A NUL byte is refused (not text, or UTF-16 without its BOM).
 */
export function decodeText(bytes: Uint8Array, file: string, limit = MAX_TABULAR_BYTES): Decoded {
  const fail = (line: number, m: Message): Decoded => ({
    text: '',
    encoding: 'UTF-8',
    notices: [],
    noticeMsgs: [],
    problems: [lineProblem(file, line, m)],
  });
  if (bytes.length > limit) return fail(1, tooLargeMsg(bytes.length, limit));
  const [b0, b1, b2] = bytes;
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    let text: string;
    try {
      text = new TextDecoder(encoding.toLowerCase(), { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      return fail(1, tableMsg('bomBroken', { encoding }));
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return fail(lineOfText(text, nul), tableMsg('nulChar'));
    return { text, encoding, notices: [], noticeMsgs: [], problems: [] };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail(lineOfByte(bytes, nul), tableMsg('nulByte', { at: String(nul) }));
  const bom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
  try {
    // The native decoder checks the common case; the byte at fault is looked for only when there is one.
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'UTF-8',
      notices: [],
      noticeMsgs: [],
      problems: [],
    };
  } catch {
    // not UTF-8
  }
  const bad = Math.max(0, firstInvalidUtf8(bytes, bom ? 3 : 0));
  if (bom) return fail(lineOfByte(bytes, bad), tableMsg('utf8BomBroken', { at: String(bad), byte: hex(bytes[bad]) }));
  const text = new TextDecoder('windows-1252').decode(bytes);
  const line = lineOfByte(bytes, bad);
  const shown = text.split(/\r\n|\r|\n/, line)[line - 1] ?? '';
  const notice = tableMsg('windows1252', { line: String(line), text: shown.trim().slice(0, 80) });
  return { text, encoding: 'Windows-1252', notices: [say(notice)], noticeMsgs: [notice], problems: [] };
}

function lineOfText(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Megabytes, to one decimal under 10 MB: a number, which a catalog writes in its language's digits. */
const mb = (n: number) => Number((n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0));

/** The refusal of a file over the size limit, the same in the app and the CLI. */
export function tooLargeMsg(size: number, limit: number): Message {
  return tableMsg('tooLarge', { size: mb(size), limit: mb(limit) });
}

/** tooLargeMsg in English. */
export function tooLarge(size: number, limit: number): string {
  return say(tooLargeMsg(size, limit));
}

// --- text to rows ----------------------------------------------------------------------------------------------

interface RecordText {
  line: number;
  text: string;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/** Where the splitting of a text into records stands: the next character and its line. */
interface Cursor {
  i: number;
  line: number;
}

/** The start of a text: after its byte order mark, line 1. */
const startOf = (text: string): Cursor => ({ i: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 });

/**
 * Splits the text into records (a newline inside quotes stays in its field) with the line each starts on, from
 * `at` on, at most `stopAfter` of them; `at` is moved past them. A quote opens a field only at the field's start,
 * as csv-parse reads it; anywhere else csv-parse refuses the record. `isDelimiter` says where a field starts.
 */
function records(
  text: string,
  isDelimiter: (c: number) => boolean,
  comments: boolean,
  at: Cursor,
  stopAfter = Infinity,
): RecordText[] {
  const out: RecordText[] = [];
  const n = text.length;
  let i = at.i;
  let line = at.line;
  while (i < n && out.length < stopAfter) {
    const start = i;
    const startLine = line;
    if (comments) {
      // A comment runs to the end of its line, quotes and all.
      let j = i;
      while (text.charCodeAt(j) === 0x20 || text.charCodeAt(j) === 0x09) j++;
      if (text.charCodeAt(j) === 0x23) {
        while (i < n && text.charCodeAt(i) !== LF && text.charCodeAt(i) !== CR) i++;
        i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
        line++;
        continue;
      }
    }
    let inQuotes = false;
    let fieldStart = true;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (inQuotes) {
        if (c === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) i++;
          else inQuotes = fieldStart = false;
        } else if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) line++;
        continue;
      }
      if (c === LF || c === CR) break;
      if (c === QUOTE && fieldStart) inQuotes = true;
      else if (isDelimiter(c)) fieldStart = true;
      else if (c !== 0x20 && c !== 0x09) fieldStart = false;
    }
    const body = text.slice(start, i);
    if (i < n) {
      i += text.charCodeAt(i) === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
    }
    const trimmed = body.trim();
    if (trimmed === '' || (comments && trimmed.startsWith('#'))) continue;
    out.push({ line: startLine, text: body });
  }
  at.i = i;
  at.line = line;
  return out;
}

/** The delimiter outside quotes in the header line (R25): the one used most, if one is. */
function delimiterOf(header: string): Delimiter | { tie: Delimiter[] } {
  const counts: Record<Delimiter, number> = { '\t': 0, ';': 0, ',': 0 };
  let inQuotes = false;
  for (let i = 0; i < header.length; i++) {
    const c = header[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\t' || c === ';' || c === ',')) counts[c]++;
  }
  const ranked = (Object.keys(counts) as Delimiter[])
    .filter((d) => counts[d] > 0)
    .sort((a, b) => counts[b] - counts[a]);
  if (ranked.length === 0) return ',';
  if (ranked.length > 1 && counts[ranked[0]] === counts[ranked[1]])
    return { tie: ranked.filter((d) => counts[d] === counts[ranked[0]]) };
  return ranked[0];
}

type Parse = (input: string, options: Record<string, unknown>) => string[][];
const parseCsv = parse as unknown as Parse;

/** csv-parse's error codes, in words (`validation.table.quote.*`). */
const CSV_WORDS: Record<string, string> = {
  INVALID_OPENING_QUOTE: 'quote.opening',
  CSV_INVALID_CLOSING_QUOTE: 'quote.closing',
  CSV_QUOTE_NOT_CLOSED: 'quote.notClosed',
};

/** Reads the fields of each record with csv-parse; a record it refuses is named by its own line. */
function fields(
  recs: RecordText[],
  delimiter: Delimiter,
  file: string,
  problems: TabularProblem[],
): (string[] | null)[] {
  // A record without a quote is split here, as csv-parse would with `trim` (a tested equivalence): most files have
  // few quoted names, and csv-parse over a million records cost most of the reading's time and memory (issue 13).
  const out: (string[] | null)[] = new Array(recs.length);
  const quoted: number[] = [];
  for (let k = 0; k < recs.length; k++) {
    const text = recs[k].text;
    if (text.indexOf('"') >= 0) quoted.push(k);
    else out[k] = splitPlain(text, delimiter);
  }
  if (quoted.length > 0) {
    const got = quotedFields(
      quoted.map((k) => recs[k]),
      delimiter,
      file,
      problems,
    );
    quoted.forEach((k, j) => (out[k] = got[j]));
  }
  return out;
}

/** csv-parse's `trim`: spaces, tabs and form feeds at a field's start; any white space (trimEnd) at its end. */
function trimField(s: string): string {
  let a = 0;
  while (a < s.length && isTrim(s.charCodeAt(a))) a++;
  return (a === 0 ? s : s.slice(a)).trimEnd();
}
const isTrim = (c: number) => c === 0x20 || c === 0x09 || c === 0x0c;

/** The fields of a record that holds no quote: split at the delimiter, each trimmed. */
export function splitPlain(text: string, delimiter: Delimiter): string[] {
  const cells = text.split(delimiter);
  for (let i = 0; i < cells.length; i++) cells[i] = trimField(cells[i]);
  return cells;
}

/** Reads the fields of quoted records with csv-parse; a record it refuses is named by its own line. */
function quotedFields(
  recs: RecordText[],
  delimiter: Delimiter,
  file: string,
  problems: TabularProblem[],
): (string[] | null)[] {
  const options = { delimiter, record_delimiter: '\n', relax_column_count: true, trim: true, quote: '"', escape: '"' };
  const all = (rs: RecordText[]) => parseCsv(rs.map((r) => r.text).join('\n'), options);
  try {
    const out = all(recs);
    if (out.length === recs.length) return out;
  } catch {
    // Found below, record by record, so that each bad line is named and none hides the next.
  }
  const out: (string[] | null)[] = [];
  const CHUNK = 512;
  for (let k = 0; k < recs.length; k += CHUNK) {
    const chunk = recs.slice(k, k + CHUNK);
    try {
      const got = all(chunk);
      if (got.length === chunk.length) {
        out.push(...got);
        continue;
      }
    } catch {
      // a bad record in this chunk
    }
    for (const r of chunk) {
      try {
        const got = all([r]);
        out.push(got.length === 1 ? got[0] : null);
        if (got.length !== 1) problems.push(lineProblem(file, r.line, tableMsg('notOneRow')));
      } catch (e) {
        const code = (e as { code?: string }).code ?? '';
        const words = CSV_WORDS[code];
        // csv-parse's own words for an error this does not know: English, as the library gives them.
        const m = words ? tableMsg(words) : tableMsg('unreadable', { detail: (e as Error).message });
        problems.push(lineProblem(file, r.line, m));
        out.push(null);
      }
    }
  }
  return out;
}

export interface ReadOptions {
  /** Lines whose first character is # are comments (members files). */
  comments?: boolean;
  /** How many records are split and read at a time (scanTabular); the rows never depend on it (tests vary it). */
  block?: number;
}

/**
 * R25 a CSV or TSV file as rows: decoded (see decodeText), the delimiter found from the header line (tab, semicolon
 * or comma), quoted fields holding any delimiter or newline. A row with more fields than the header line is refused
 * (an unquoted delimiter inside a name would shift the columns after it).
 */
export function readTabular(bytes: Uint8Array, file: string, opts: ReadOptions = {}): Tabular {
  const rows: TabularRow[] = [];
  const t = scanTabular(bytes, file, opts, (row) => rows.push(row));
  t.rows = rows;
  return t;
}

/** Records split and read this many at a time by scanTabular, unless told. */
const BLOCK = 8192;

/**
 * readTabular's rows one at a time, in order, each checked as readTabular checks it, for a caller that keeps only
 * part of each row (issue 13: the members of a 10^6-line file, never held as objects per record and row). Returns
 * the table with no rows; its problems and notices are readTabular's, in the same order.
 */
export function scanTabular(
  bytes: Uint8Array,
  file: string,
  opts: ReadOptions,
  onRow: (row: TabularRow) => void,
): Tabular {
  const decoded = decodeText(bytes, file);
  const t: Tabular = {
    file,
    unit: 'line',
    encoding: decoded.encoding,
    delimiter: ',',
    rows: [],
    problems: decoded.problems,
    notices: decoded.notices,
    noticeMsgs: decoded.noticeMsgs,
  };
  if (decoded.problems.length > 0) return t;
  const text = decoded.text;
  const comments = opts.comments ?? false;
  const any = (c: number) => c === 0x2c || c === 0x3b || c === 0x09;
  const [head] = records(text, any, comments, startOf(text), 1);
  if (!head) return t;
  const d = delimiterOf(head.text);
  if (typeof d !== 'string') {
    const names = d.tie.map((x) => tableMsg('delimiter', { name: DELIMITER_NAMES[x] }));
    const either = names.slice(1).reduce((first, rest) => tableMsg('orAt', undefined, { first, rest }), names[0]);
    t.problems.push(lineProblem(file, head.line, tableMsg('delimiterTie', undefined, { either })));
    return t;
  }
  t.delimiter = d;
  const code = d.charCodeAt(0);
  const at = startOf(text);
  const block = opts.block ?? BLOCK;
  const isDelimiter = (c: number) => c === code;
  // The checks' problems follow the quotes' problems, as when the whole file was read before it was checked.
  const checked: TabularProblem[] = [];
  let header: TabularRow | undefined;
  let k = 0;
  for (let recs = records(text, isDelimiter, comments, at, block); recs.length > 0;) {
    const got = fields(recs, d, file, t.problems);
    for (let j = 0; j < recs.length; j++) {
      const cells = got[j];
      if (!cells || cells.every((c) => c === '')) continue;
      const row = { line: recs[j].line, cells };
      header ??= row;
      checkRow(t, header, k++, row, checked);
      onRow(row);
    }
    recs = records(text, isDelimiter, comments, at, block);
  }
  for (const p of checked) t.problems.push(p); // not push(...): a million problems would overflow the stack
  return t;
}

/** The rows of a sheet (an XLSX file's first sheet), numbered by the sheet's rows, checked as a text file's are. */
export function tabularFromSheet(rows: TabularRow[], file: string): Tabular {
  const t: Tabular = {
    file,
    unit: 'row',
    encoding: 'XLSX',
    delimiter: null,
    rows: rows
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .map((r) => ({ line: r.line, cells: r.cells.map((c) => c.trim()) })),
    problems: [],
    notices: [],
    noticeMsgs: [],
  };
  checkRows(t);
  return t;
}

/** The name of column i, for messages: its header, else its number. */
export function columnName(t: Tabular, i: number): string {
  return t.rows[0]?.cells[i] || `column ${i + 1}`;
}

/** Rows wider than the header line, and text that arrived damaged (R25: never a � unannounced). */
function checkRows(t: Tabular): void {
  for (const [k, row] of t.rows.entries()) checkRow(t, t.rows[0], k, row, t.problems);
}

/** checkRows for the k-th row (0: the header line, `head`). */
function checkRow(
  t: Pick<Tabular, 'file' | 'unit' | 'delimiter'>,
  head: TabularRow,
  k: number,
  row: TabularRow,
  problems: TabularProblem[],
): void {
  const width = head.cells.length;
  const sep = t.delimiter === '\t' ? 'tab' : (t.delimiter ?? '');
  // A sheet has no delimiter to misplace: cells beyond its header are columns without a name, left as they are.
  if (t.delimiter && k > 0 && row.cells.length > width) {
    const extra = row.cells.slice(width);
    if (extra.some((c) => c !== '')) {
      problems.push(
        lineProblem(t.file, row.line, tableMsg('wider', { unit: t.unit, n: row.cells.length, width, sep })),
      );
    }
    row.cells.length = width;
  }
  for (let i = 0; i < row.cells.length; i++) {
    const damage = damaged(row.cells[i]);
    if (damage)
      problems.push(lineProblem(t.file, row.line, damage, k > 0 ? head.cells[i] || `column ${i + 1}` : undefined));
  }
}

// Controls other than tab and newline (C0, DEL, C1: Windows-1252's unassigned bytes decode to C1) and U+FFFD.
// eslint-disable-next-line no-control-regex
const DAMAGE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

function damaged(s: string): Message | null {
  const m = DAMAGE.exec(s);
  if (!m) return null;
  if (m[0] === '\ufffd') return tableMsg('replacementChar', { text: s });
  return tableMsg('controlChar', { text: s, code: m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') });
}

// --- numbers ---------------------------------------------------------------------------------------------------

/** What a cell of a number column says: a plain decimal, two readings, or not a number at all. */
export type NumberReading = { value: string } | { readings: [string, string] } | { notNumber: true };

const GROUP = "[ \u00a0\u202f'’]";
const SPACED = new RegExp(`^(\\d{1,3}(?:(${GROUP})\\d{3})(?:\\2\\d{3})*)(?:([.,])(\\d+))?$`);
const MIXED = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*)([.,])(\d+)$/;
const REPEATED = /^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})+$/;
const SINGLE = /^(\d+)([.,])(\d+)$/;
const GROUPS = /^[1-9]\d{0,2}$/;

/**
 * R25 one cell of a column that holds numbers, as a plain decimal string (digits kept as written: "0,020" is
 * "0.020"). `decimal` is the column's decimal mark when its other cells show it; `,` is never a decimal mark in a
 * comma-separated file. A cell that could be read two ways gives both readings.
 */
export function readNumber(text: string, delimiter: Delimiter | null, decimal?: '.' | ','): NumberReading {
  const t = text.trim();
  const sign = t[0] === '-' || t[0] === '+' ? t[0] : '';
  const m = sign ? t.slice(1) : t;
  const signed = (v: string) => ({ value: sign === '-' ? `-${v}` : v });
  const commaDecimal = delimiter !== ',';
  if (/^\d+$/.test(m)) return signed(m);
  let s = SPACED.exec(m);
  if (s) {
    const [, int, group, mark, frac] = s;
    if (mark === ',' && !commaDecimal) return { notNumber: true };
    const whole = int.split(group).join('');
    return signed(frac === undefined ? whole : `${whole}.${frac}`);
  }
  s = MIXED.exec(m);
  if (s && s[2] !== s[3]) {
    const [, int, group, mark, frac] = s;
    if (mark === ',' && !commaDecimal) return { notNumber: true };
    return signed(`${int.split(group).join('')}.${frac}`);
  }
  s = REPEATED.exec(m);
  if (s) return s[1] === '.' && !commaDecimal ? { notNumber: true } : signed(m.split(s[1]).join(''));
  s = SINGLE.exec(m);
  if (!s) return { notNumber: true };
  const [, int, mark, frac] = s;
  const asGroup = `${int}${frac}`;
  const asDecimal = `${int}.${frac}`;
  const couldGroup = frac.length === 3 && GROUPS.test(int);
  if (!commaDecimal) return mark === '.' ? signed(asDecimal) : couldGroup ? signed(asGroup) : { notNumber: true };
  if (!couldGroup) return signed(asDecimal);
  if (decimal) return signed(decimal === mark ? asDecimal : asGroup);
  const neg = sign === '-' ? '-' : '';
  return { readings: [`${neg}${asDecimal}`, `${neg}${asGroup}`] };
}

/** Digits only, or digits and a point that cannot be a thousands separator: nothing to read. */
const PLAIN = /^\d+$|^\d+\.\d{1,2}$|^\d+\.\d{4,}$|^0\.\d+$/;

/** The decimal mark a column's unambiguous cells show, if they all agree. */
function decimalMarkOf(
  rows: readonly TabularRow[],
  first: number,
  col: number,
  delimiter: Delimiter | null,
): '.' | ',' | undefined {
  if (delimiter === ',') return '.';
  const seen = new Set<'.' | ','>();
  for (let k = first; k < rows.length && seen.size < 2; k++) {
    const c = rows[k].cells[col];
    if (c === undefined || c === '' || /^[-+]?\d+$/.test(c)) continue;
    const m = c.trim().replace(/^[-+]/, '');
    const single = SINGLE.exec(m);
    if (single) {
      const [, int, mark, frac] = single;
      if (!(frac.length === 3 && GROUPS.test(int))) seen.add(mark as '.' | ',');
      continue;
    }
    const mixed = MIXED.exec(m);
    if (mixed && mixed[2] !== mixed[3]) seen.add(mixed[3] as '.' | ',');
    const spaced = SPACED.exec(m);
    if (spaced?.[3]) seen.add(spaced[3] as '.' | ',');
    const repeated = REPEATED.exec(m);
    if (repeated) seen.add(repeated[1] === '.' ? ',' : '.');
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

/**
 * R25 the given columns hold numbers: their cells become plain decimals ("0,02" → "0.02" where the delimiter is not
 * a comma); a cell that could be read two ways is refused with its line and both readings. Cells that are not
 * numbers are left as written for the caller's own message; the header row is left as it is.
 */
export function readNumbers(
  t: Tabular,
  columns: readonly number[],
  opts: { header?: boolean } = { header: true },
): Tabular {
  const first = opts.header === false ? 0 : 1;
  // Rows are copied only where a cell changes: the table read stays as it was.
  const rows = t.rows.slice();
  const problems = [...t.problems];
  for (const col of columns) {
    const mark = decimalMarkOf(rows, first, col, t.delimiter);
    for (let k = first; k < rows.length; k++) {
      const c = rows[k].cells[col];
      if (c === undefined || c === '' || PLAIN.test(c)) continue;
      const n = readNumber(c, t.delimiter, mark);
      if ('value' in n) {
        if (n.value === c) continue;
        const cells = [...rows[k].cells];
        cells[col] = n.value;
        rows[k] = { line: rows[k].line, cells };
      } else if ('readings' in n) {
        const mark = c.includes(',') ? 'comma' : 'point';
        const m = tableMsg('twoReadings', { text: c, first: n.readings[0], second: n.readings[1], mark });
        problems.push(lineProblem(t.file, rows[k].line, m, columnName(t, col)));
      }
    }
  }
  return { ...t, rows, problems };
}

/** A problem as the user reads it: "line 4, weight: …" (a sheet says "row"); its own text when it has no message. */
export function problemMsg(t: Pick<Tabular, 'unit'>, p: TabularProblem): Message {
  const reason: Pick<Message, 'values' | 'parts'> = p.msg
    ? { parts: { reason: p.msg } }
    : { values: { reason: p.message } };
  return tableMsg(
    p.field ? 'atField' : 'at',
    { unit: t.unit, line: String(p.line), field: p.field, ...reason.values },
    reason.parts,
  );
}

/** problemMsg in English. */
export function problemText(t: Pick<Tabular, 'unit'>, p: TabularProblem): string {
  return say(problemMsg(t, p));
}
