// R25 the tabular reader (shared/model/tabular.ts) round trip: rows are generated (names holding delimiters,
// quotes, newlines and accents; a column of numbers), written as a spreadsheet would (tab, semicolon or comma;
// quoted when needed or always; decimal point or decimal comma, with or without thousands separators; UTF-8 with
// or without BOM, UTF-16 LE/BE, Windows-1252; LF or CRLF), sometimes damaged, and read back. The oracle: the same
// values at the same lines exactly, or a refusal naming lines of the file; never a value silently different, never
// a replacement character or Windows-1252 unannounced.
import fc from 'fast-check';
import { firstInvalidUtf8, readNumbers, readTabular, type Delimiter } from '../../shared/model/tabular';
import { badWords } from './gen';
import type { FuzzTarget, Verdict } from './harness';

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

interface Num {
  sign: '' | '-';
  int: string;
  frac: string;
}

interface Input {
  delimiter: Delimiter;
  quoteAll: boolean;
  /** The decimal mark the file uses, and what separates its thousands (none when empty). */
  mark: '.' | ',';
  group: '' | '.' | ',' | ' ' | "'";
  encoding: Encoding;
  crlf: boolean;
  width: number;
  rows: { text: string[]; num: Num }[];
  /** Damage: a byte changed, a NUL put in, the end cut off. */
  damage: { kind: 'none' | 'byte' | 'nul' | 'cut'; at: number; byte: number };
}

const HEADERS = ['code', 'name', 'note', 'place'];

// Letters a budget officer's file holds, the delimiters and quotes, a newline; no leading or trailing blank
// (a reader trims those, as it should); now and then a character no file should hold.
const char = fc.oneof(
  { weight: 400, arbitrary: fc.constantFrom('a', 'B', 'z', '0', '7', '.', '-', '/', '(', ')', '&', "'") },
  { weight: 80, arbitrary: fc.constantFrom(',', ';', '\t', '"', ' ', '\n') },
  { weight: 80, arbitrary: fc.constantFrom('é', 'ô', 'Ö', 'ü', 'ß', 'ñ', '’', '€', 'Ç') },
  { weight: 20, arbitrary: fc.constantFrom('Қ', 'д', 'ع', '中', '😀') },
  // Rare: one in ~600 characters, so most files hold none.
  { weight: 1, arbitrary: fc.constantFrom('\u0001', '\u0081', '\ufffd') },
);
const text = fc
  .array(char, { maxLength: 12 })
  .map((cs) => cs.join(''))
  .map((s) => s.replace(/^[\s]+|[\s]+$/g, ''));
const code = fc.stringMatching(/^[A-Z][A-Z0-9]{0,3}$/);
const num: fc.Arbitrary<Num> = fc.record({
  sign: fc.constantFrom<'' | '-'>('', '', '', '-'),
  int: fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9][0-9]{0,8}$/)),
  frac: fc.stringMatching(/^[0-9]{0,4}$/),
});

const inputArb: fc.Arbitrary<Input> = fc
  .record({
    delimiter: fc.constantFrom<Delimiter>(',', ';', '\t'),
    quoteAll: fc.boolean(),
    mark: fc.constantFrom<'.' | ','>('.', ','),
    group: fc.constantFrom<Input['group']>('', '', '.', ',', ' ', "'"),
    encoding: fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
    crlf: fc.boolean(),
    width: fc.integer({ min: 2, max: 4 }),
    rows: fc.array(fc.record({ code, text: fc.array(text, { minLength: 2, maxLength: 2 }), num }), {
      minLength: 1,
      maxLength: 8,
    }),
    damage: fc.oneof(
      { weight: 8, arbitrary: fc.constant({ kind: 'none' as const, at: 0, byte: 0 }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constantFrom('byte' as const, 'nul' as const, 'cut' as const),
          at: fc.nat(),
          byte: fc.integer({ min: 0, max: 255 }),
        }),
      },
    ),
  })
  .map((r) => {
    // A decimal comma only where the delimiter is not a comma (R25); the grouping differs from the decimal mark.
    const mark = r.delimiter === ',' ? '.' : r.mark;
    const group = r.group === mark ? '' : r.group;
    return { ...r, mark, group, rows: r.rows.map((x) => ({ text: [x.code, ...x.text], num: x.num })) };
  });

/** The number as the file writes it. */
function written(n: Num, mark: string, group: string): string {
  let int = n.int;
  if (group) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${n.sign}${int}${n.frac ? `${mark}${n.frac}` : ''}`;
}

/** The number as the reader should give it: plain digits, a point, the digits as written. */
const plain = (n: Num) => `${n.sign}${n.int}${n.frac ? `.${n.frac}` : ''}`;

function field(s: string, d: string, all: boolean): string {
  const needs = s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r') || /^\s|\s$/.test(s);
  return all || needs ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The cells of each row as the columns are laid out: code, texts…, the number last. */
function layout(input: Input): { header: string[]; rows: { cells: string[]; num: Num }[] } {
  const header = [...HEADERS.slice(0, input.width - 1), 'amount'];
  const rows = input.rows.map((r) => ({ cells: [...r.text.slice(0, input.width - 1)], num: r.num }));
  return { header, rows };
}

function encode(s: string, e: Encoding): Uint8Array | null {
  if (e === 'utf-8') return new TextEncoder().encode(s);
  if (e === 'utf-8-bom') return new TextEncoder().encode(`\ufeff${s}`);
  if (e === 'windows-1252') {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const b = c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : CP1252_HIGH.get(c);
      if (b === undefined) return null;
      out[i] = b;
    }
    return out;
  }
  const le = e === 'utf-16le';
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + 2 * i] = le ? c & 0xff : c >> 8;
    out[3 + 2 * i] = le ? c >> 8 : c & 0xff;
  }
  return out;
}

// Windows-1252's letters above 0x7F outside Latin-1 (€, ’…).
const CP1252_HIGH = new Map<number, number>([
  [0x20ac, 0x80],
  [0x2019, 0x92],
  [0x2018, 0x91],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x0152, 0x8c],
  [0x0153, 0x9c],
  [0x0160, 0x8a],
  [0x0161, 0x9a],
  [0x017d, 0x8e],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

export function roundTrip(input: Input): Verdict {
  const { header, rows } = layout(input);
  const d = input.delimiter;
  const eol = input.crlf ? '\r\n' : '\n';
  const lines: string[] = [header.join(d)];
  const expectedLines: number[] = [1];
  let line = 2;
  for (const r of rows) {
    expectedLines.push(line);
    const cells = [
      ...r.cells.map((c) => field(c, d, input.quoteAll)),
      field(written(r.num, input.mark, input.group), d, input.quoteAll),
    ];
    const text = cells.join(d);
    lines.push(text);
    line += 1 + (text.match(/\n/g)?.length ?? 0);
  }
  const source = lines.join(eol) + eol;
  let bytes = encode(source, input.encoding) ?? encode(source, 'utf-8')!;
  const encoding = encode(source, input.encoding) ? input.encoding : 'utf-8';
  const { kind, at, byte } = input.damage;
  if (kind !== 'none' && bytes.length > 0) {
    const i = at % bytes.length;
    bytes =
      kind === 'cut'
        ? bytes.slice(0, i)
        : Uint8Array.from(bytes, (b, k) => (k === i ? (kind === 'nul' ? 0 : byte) : b));
  }
  const lineCount = source.split('\n').length;
  const col = header.length - 1;
  const t = readNumbers(readTabular(bytes, 'f.csv'), [col]);

  // Whatever was read: no � and no control character in a cell unless a problem names its line (R25).
  const refusedLines = new Set(t.problems.map((p) => p.line));
  for (const r of t.rows) {
    for (const c of r.cells) {
      // eslint-disable-next-line no-control-regex
      if (/[\ufffd\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(c) && !refusedLines.has(r.line))
        return { defect: `line ${r.line}: “${c}” arrived damaged, unannounced` };
    }
  }
  if (t.encoding === 'Windows-1252' && t.notices.length === 0)
    return { defect: 'read as Windows-1252 without a notice' };
  if (t.problems.length > 0) {
    for (const p of t.problems) {
      if (p.file !== 'f.csv') return { defect: `a problem names ${p.file}` };
      if (!Number.isInteger(p.line) || p.line < 1 || p.line > lineCount + 1)
        return { defect: `a problem at line ${p.line} of ${lineCount}: ${p.message}` };
      const bad = badWords(p.message);
      if (bad) return { defect: `${bad}: ${p.message}` };
    }
    (globalThis as { lastRefusal?: string }).lastRefusal = t.problems[0].message;
    return 'refused';
  }
  if (kind !== 'none') return 'accepted'; // damaged bytes read without complaint: checked above for what matters

  // An undamaged file read without refusal: exactly what was written, at the lines it was written on.
  // R25 reads a file as Windows-1252 only when it is not valid UTF-8: a Windows-1252 file whose letters happen to
  // form UTF-8 (Ö€ is D6 80, which is U+0580) is UTF-8 by that rule, and its letters are not the ones written.
  const ascii = ![...source].some((c) => c.charCodeAt(0) > 0x7f);
  if (encoding === 'windows-1252' && !ascii && firstInvalidUtf8(bytes) < 0)
    return t.encoding === 'UTF-8' ? 'accepted' : { defect: `valid UTF-8 read as ${t.encoding}` };
  const expectEncoding = {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8',
    'utf-16le': 'UTF-16LE',
    'utf-16be': 'UTF-16BE',
    'windows-1252': ascii ? 'UTF-8' : 'Windows-1252',
  }[encoding];
  if (t.encoding !== expectEncoding) return { defect: `read as ${t.encoding}, written as ${encoding}` };
  if (t.delimiter !== d)
    return { defect: `delimiter ${JSON.stringify(t.delimiter)}, written with ${JSON.stringify(d)}` };
  const want = [
    { line: 1, cells: header },
    ...rows.map((r, k) => ({ line: expectedLines[k + 1], cells: [...r.cells, plain(r.num)] })),
  ].filter((r) => r.cells.some((c) => c !== ''));
  const got = t.rows;
  if (got.length !== want.length) return { defect: `${got.length} rows read, ${want.length} written` };
  for (let k = 0; k < want.length; k++) {
    if (got[k].line !== want[k].line)
      return { defect: `row ${k} read at line ${got[k].line}, written at line ${want[k].line}` };
    for (let c = 0; c < want[k].cells.length; c++) {
      if ((got[k].cells[c] ?? '') !== want[k].cells[c])
        return {
          defect: `line ${want[k].line}, column ${c + 1}: read ${JSON.stringify(got[k].cells[c])}, written ${JSON.stringify(want[k].cells[c])}`,
        };
    }
  }
  return 'accepted';
}

export default {
  name: 'tabular',
  arbitrary: inputArb,
  run: roundTrip,
} satisfies FuzzTarget<Input>;
