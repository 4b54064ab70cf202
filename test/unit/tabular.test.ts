import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMembersCsv, readMembersFile } from '../../shared/model/members-csv';
import {
  decodeText,
  readNumber,
  readNumbers,
  readTabular,
  tabularFromSheet,
  MAX_TABULAR_BYTES,
} from '../../shared/model/tabular';

// R25 input files: one reader for members files, bank statements and the CLI.

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) =>
  Uint8Array.from([...s].map((c) => ({ é: 0xe9, ô: 0xf4, Ö: 0xd6, ü: 0xfc, ÿ: 0xff })[c] ?? c.charCodeAt(0)));
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 + i * 2] = le ? c & 0xff : c >> 8;
    out[3 + i * 2] = le ? c >> 8 : c & 0xff;
  }
  return out;
};
const cells = (bytes: Uint8Array, comments = false) =>
  readTabular(bytes, 'f.csv', { comments }).rows.map((r) => r.cells);

describe('R25 delimiter and quotes', () => {
  it('R25: the delimiter is found from the header line: tab, semicolon or comma', () => {
    expect(cells(utf8('code\tname\tclass\nP\tPatria, Rep.\tA\n'))).toEqual([
      ['code', 'name', 'class'],
      ['P', 'Patria, Rep.', 'A'],
    ]);
    expect(cells(utf8('code;name;class\nP;Patria, Rep.;A\n'))).toEqual([
      ['code', 'name', 'class'],
      ['P', 'Patria, Rep.', 'A'],
    ]);
    expect(cells(utf8('code,name,class\nP,"Patria; Rep.",A\n'))).toEqual([
      ['code', 'name', 'class'],
      ['P', 'Patria; Rep.', 'A'],
    ]);
    expect(readTabular(utf8('code\tname\n'), 'f.tsv').delimiter).toBe('\t');
  });

  it('R25: F043;Germany, Fed. Rep. of;9.04 is three fields in a semicolon file', () => {
    const r = parseMembersCsv('code;name;weight\nF043;Germany, Fed. Rep. of;9.04\n', 'weight');
    expect(r.problems).toEqual([]);
    expect(r.members).toEqual([{ line: 2, code: 'F043', name: 'Germany, Fed. Rep. of', weight: '9.04' }]);
  });

  it('R25: quoted fields may hold any delimiter, doubled quotes and newlines; lines are where each row starts', () => {
    const t = readTabular(
      utf8('# note, "quoted\ncode;name;class\r\n\r\nA;"x;y,z\r\nsecond line";I\r\nB;"Cote d""Ivoire";II\r\n'),
      'f.csv',
      { comments: true },
    );
    expect(t.problems).toEqual([]);
    expect(t.rows).toEqual([
      { line: 2, cells: ['code', 'name', 'class'] },
      { line: 4, cells: ['A', 'x;y,z\r\nsecond line', 'I'] },
      { line: 6, cells: ['B', 'Cote d"Ivoire', 'II'] },
    ]);
  });

  it('R25: a header that can be split two ways is refused, naming the line', () => {
    const t = readTabular(utf8('code;name,class\n'), 'f.csv');
    expect(t.problems).toEqual([
      {
        file: 'f.csv',
        line: 1,
        message: expect.stringMatching(/header line can be split at a semicolon or at a comma/),
        msg: expect.objectContaining({ id: 'validation.table.delimiterTie' }),
      },
    ]);
  });

  it('R25: a row with more fields than the header (an unquoted comma in a comma file) is refused, not shifted', () => {
    const r = parseMembersCsv('code,class,name\nF043,I,Germany, Fed. Rep. of\nFR,I,France\n', 'class');
    expect(r.problems).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/4 fields where the header has 3: a name holding a “,” must be in quotes/),
      }),
    ]);
  });

  it('R25: every bad line is reported, and one bad quote does not hide the lines after it', () => {
    const t = readTabular(utf8('code;name;class\nA;Co"te;I\nB;"abc"d;II\nC;Fine;III\nD;"open;IV\nE;x;V\n'), 'f.csv');
    expect(t.problems.map((p) => p.line)).toEqual([2, 3, 5]);
    expect(t.problems[0].message).toMatch(/quote \("\) inside a field/);
    expect(t.problems[2].message).toMatch(/never closed/);
    expect(t.rows.map((r) => r.cells[0])).toEqual(['code', 'C']);
  });
});

describe('R25 numbers', () => {
  it('R25: decimal commas are read where the delimiter is not a comma, in a column that holds numbers', () => {
    const r = parseMembersCsv('code;name;weight\nF043;Germany, Fed. Rep. of;9,04\nX;Ex;0,02\n', 'weight');
    expect(r.problems).toEqual([]);
    expect(r.members.map((m) => m.weight)).toEqual(['9.04', '0.02']);
    // A name with a comma is not a number column: it is left as written.
    expect(r.members[0].name).toBe('Germany, Fed. Rep. of');
  });

  it('R25: a decimal comma is never read in a comma file (it is refused, not read as 2)', () => {
    const r = parseMembersCsv('code,weight\nX,"0,02"\n', 'weight');
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 2, message: 'X: weight "0,02" is not a number written like 0.125' }),
    ]);
  });

  it('R25: an amount that could be read two ways is refused with the line and both readings', () => {
    const r = parseMembersCsv('code;weight\nX;1,234\nY;7\n', 'weight');
    expect(r.problems).toEqual([
      {
        file: 'members.csv',
        line: 2,
        field: 'weight',
        message: expect.stringMatching(/“1,234” can be read as 1\.234 .* or as 1234 /),
        msg: expect.objectContaining({ id: 'validation.table.twoReadings' }),
      },
    ]);
    const dot = readNumbers(readTabular(utf8('a;amount\nx;1.234\n'), 's.csv'), [1]);
    expect(dot.problems[0]).toMatchObject({
      line: 2,
      field: 'amount',
      message: expect.stringMatching(/1\.234 .* or as 1234 /),
    });
  });

  it('R25: the column decides an ambiguous cell when its other cells show the decimal mark', () => {
    const r = parseMembersCsv('code;weight\nX;1,234\nY;0,5\n', 'weight');
    expect(r.problems).toEqual([]);
    expect(r.members.map((m) => m.weight)).toEqual(['1.234', '0.5']);
    const amounts = readNumbers(readTabular(utf8('m;amount\nA;1.234\nB;1.234,50\nC;-12.000,00\n'), 's.csv'), [1]);
    expect(amounts.rows.slice(1).map((r) => r.cells[1])).toEqual(['1234', '1234.50', '-12000.00']);
  });

  it('R25: readNumber, one cell at a time', () => {
    expect(readNumber('0,125', ';')).toEqual({ value: '0.125' });
    expect(readNumber('1.234,56', ';')).toEqual({ value: '1234.56' });
    expect(readNumber('1,234.56', ',')).toEqual({ value: '1234.56' });
    expect(readNumber('1 234 567,5', '\t')).toEqual({ value: '1234567.5' });
    expect(readNumber("1'234.50", ';')).toEqual({ value: '1234.50' });
    expect(readNumber('1.234.567', ';')).toEqual({ value: '1234567' });
    expect(readNumber('1,234', ',')).toEqual({ value: '1234' });
    expect(readNumber('1,234', ';')).toEqual({ readings: ['1.234', '1234'] });
    expect(readNumber('1,234', null)).toEqual({ readings: ['1.234', '1234'] });
    expect(readNumber('0,02', ',')).toEqual({ notNumber: true });
    expect(readNumber('1.234,5', ',')).toEqual({ notNumber: true });
    expect(readNumber('1.2.3', ';')).toEqual({ notNumber: true });
    expect(readNumber('12,5', ';')).toEqual({ value: '12.5' });
  });
});

describe('R25 encodings', () => {
  const text = 'code;name;class\nCI;Côte d’Ivoire;VII\n';
  const expected = [
    ['code', 'name', 'class'],
    ['CI', 'Côte d’Ivoire', 'VII'],
  ];

  it('R25: UTF-8 with and without BOM, UTF-16 LE and BE with BOM read the same rows', () => {
    expect(cells(utf8(text))).toEqual(expected);
    expect(cells(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual(expected);
    expect(cells(utf16(text, true))).toEqual(expected);
    expect(cells(utf16(text, false))).toEqual(expected);
    for (const b of [utf8(text), utf16(text, true)]) expect(readTabular(b, 'f.csv').notices).toEqual([]);
  });

  it('R25: a file that is not UTF-8 is read as Windows-1252, and the import says so', () => {
    const t = readTabular(cp1252("code;name;class\nFR;France;I\nCI;Côte d'Ivoire;VII\n"), 'm.csv');
    expect(t.encoding).toBe('Windows-1252');
    expect(t.rows[2].cells[1]).toBe("Côte d'Ivoire");
    expect(t.notices).toEqual([
      expect.stringMatching(/^not UTF-8: read as Windows-1252 .*line 3: “CI;Côte d'Ivoire;VII”/),
    ]);
  });

  it('R25: a UTF-8 file is never read as Windows-1252 (no mojibake)', () => {
    const t = readTabular(utf8('code;name\nCI;Côte\n'), 'f.csv');
    expect(t.encoding).toBe('UTF-8');
    expect(t.rows[1].cells[1]).toBe('Côte');
  });

  it('R25: a NUL byte is refused with its line (not text, or UTF-16 without a BOM)', () => {
    const t = readTabular(Uint8Array.from([...utf8('code;name\nA;x'), 0, ...utf8('y\n')]), 'f.csv');
    expect(t.rows).toEqual([]);
    expect(t.problems).toEqual([
      { file: 'f.csv', line: 2, message: expect.stringMatching(/NUL byte/), msg: expect.anything() },
    ]);
    const noBom = utf16(text, true).slice(2);
    expect(readTabular(noBom, 'f.csv').problems[0].message).toMatch(/UTF-16 without the mark \(BOM\)/);
  });

  it('R25: a damaged header is refused naming the column, not dropped', () => {
    const bytes = Uint8Array.from([...utf8('code;n'), 0xff, ...utf8('me;class\nFR;France;I\n')]);
    const r = readMembersFile(bytes, 'm.csv', 'class');
    expect(r.members).toEqual([]);
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 1, message: expect.stringMatching(/column 2 is headed “nÿme”: is it “name”/) }),
    ]);
  });

  it('R25: no name arrives with a replacement character (�) or a control character unannounced', () => {
    const r = parseMembersCsv('code;name;class\nCI;C\uFFFDte d’Ivoire;VII\nSN;S\u0081n;VII\n', 'class');
    expect(r.problems).toEqual([
      expect.objectContaining({ line: 2, field: 'name', message: expect.stringMatching(/replacement character/) }),
      expect.objectContaining({
        line: 3,
        field: 'name',
        message: expect.stringMatching(/control character \(U\+0081\)/),
      }),
    ]);
  });

  it('R25: a UTF-8 BOM followed by bytes that are not UTF-8 is refused as damaged', () => {
    const d = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('a\nb'), 0xe9]), 'f.csv');
    expect(d.problems).toEqual([
      {
        file: 'f.csv',
        line: 2,
        message: expect.stringMatching(/starts as UTF-8 .* not UTF-8/),
        msg: expect.anything(),
      },
    ]);
  });

  it('R25: a file larger than the limit is refused before it is decoded', () => {
    const d = decodeText(new Uint8Array(MAX_TABULAR_BYTES + 1), 'big.csv');
    expect(d.problems[0].message).toMatch(/larger than the 64 MB this reads/);
  });
});

describe('R25 the fixture: semicolon, decimal commas, Windows-1252', () => {
  it('R25: is read exactly: names with commas and accents, weights with decimal commas', () => {
    const r = readMembersFile(readFileSync('test/fixtures/r25-members-1252.csv'), 'r25-members-1252.csv', 'weight');
    expect(r.problems).toEqual([]);
    expect(r.notices).toEqual([expect.stringMatching(/read as Windows-1252/)]);
    expect(r.members.map((m) => [m.line, m.code, m.name, m.weight])).toEqual([
      [3, 'F043', 'Germany, Fed. Rep. of', '9.04'],
      [4, 'CI', "Côte d'Ivoire", '0.02'],
      [5, 'SN', 'Sénégal', '0.005'],
      [6, 'AT', 'Österreich', '0.679'],
      [7, 'FR', 'France; République française', '4.318'],
      [8, 'CH', 'Schweiz/Suisse', '1.134'],
    ]);
  });

  it('R25: 200,000 refused lines are all reported (no stack overflow collecting them)', () => {
    const r = parseMembersCsv(
      `code;weight\n${Array.from({ length: 200_000 }, (_, i) => `M${i};1,234`).join('\n')}\n`,
      'weight',
    );
    expect(r.problems.length).toBe(200_000);
    expect(r.problems[199_999].line).toBe(200_001);
  });

  it('R25: a sheet’s rows are checked as a file’s lines are (rows numbered as the sheet’s)', () => {
    const t = tabularFromSheet(
      [
        { line: 1, cells: ['code', 'weight'] },
        { line: 3, cells: ['X', '1,234'] },
      ],
      'm.xlsx',
    );
    expect(readNumbers(t, [1]).problems).toEqual([expect.objectContaining({ line: 3, field: 'weight' })]);
    expect(t.unit).toBe('row');
  });
});
