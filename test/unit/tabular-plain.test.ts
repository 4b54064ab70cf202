import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readTabular, splitPlain } from '../../shared/model/tabular';

// Issue 13: a record without a quote is split by hand, not by csv-parse; the fields must be csv-parse's, exactly.
const csvParse = (text: string, delimiter: string): string[] =>
  (parse(text, { delimiter, record_delimiter: '\n', relax_column_count: true, trim: true }) as string[][])[0] ?? [];

describe('a record without quotes is read as csv-parse reads it (trim)', () => {
  for (const d of [',', ';', '\t'] as const) {
    it(`delimiter ${JSON.stringify(d)}`, () => {
      const piece = fc.constantFrom(
        'a',
        'Z',
        'é',
        '1',
        '.',
        ' ',
        '\t',
        '\f',
        ',',
        ';',
        '#',
        'ß',
        '\u00a0',
        '\u2003',
        '\u3000',
      );
      const record = fc
        .array(piece, { minLength: 1, maxLength: 24 })
        .map((cs) => cs.join(''))
        .filter((s) => s.trim() !== '');
      fc.assert(
        fc.property(record, (text) => {
          expect(splitPlain(text, d)).toEqual(csvParse(text, d));
        }),
        { numRuns: 2000 },
      );
    });
  }

  it('a file mixing quoted and plain lines keeps every line in place, with its number', () => {
    const text = 'code,name,class\nA,"Côte d""Ivoire",I\n  B , Bee ,II\n\nC,"x, y",III\nD,Dee,IV\n';
    const t = readTabular(new TextEncoder().encode(text), 'm.csv');
    expect(t.problems).toEqual([]);
    expect(t.rows.map((r) => [r.line, ...r.cells])).toEqual([
      [1, 'code', 'name', 'class'],
      [2, 'A', 'Côte d"Ivoire', 'I'],
      [3, 'B', 'Bee', 'II'],
      [5, 'C', 'x, y', 'III'],
      [6, 'D', 'Dee', 'IV'],
    ]);
  });
});
