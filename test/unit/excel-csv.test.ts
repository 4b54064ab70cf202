import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine/assess';
import { contributionCsv, csvField } from '../../shared/export/contribution-table';
import { excelCsv, records } from '../../shared/export/excel-csv';
import { parseWorkbook } from '../../shared/model/validate';

// Issue 14: the app's CSV is for people opening it in Excel; the CLI's stays as its contract says.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const paris = assessBudgetYear(example, 'paris', 2026);

describe('CSV for Excel', () => {
  it('starts with a byte-order mark; in English it is the machine CSV otherwise', () => {
    const machine = contributionCsv(paris);
    expect(machine.startsWith('code,name,class,units,percent,amount\n')).toBe(true); // the CLI's contract
    const out = excelCsv(machine, { decimalComma: false });
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out.slice(1)).toBe(machine);
    expect(out).toContain("Côte d'Ivoire");
  });

  it('where the decimal comma is used: fields separated by ; and figures with a decimal comma', () => {
    const machine =
      'code,name,class,units,percent,amount\nCI,"Korea, Republic of",VI,3,1.7241,1.50\nFR,France; métropole,I,25,14.3678,-1234.50\n';
    const out = excelCsv(machine, { decimalComma: true });
    expect(out).toBe(
      '\uFEFFcode;name;class;units;percent;amount\n' +
        'CI;Korea, Republic of;VI;3;1,7241;1,50\n' +
        'FR;"France; métropole";I;25;14,3678;-1234,50\n',
    );
  });

  it('a column is figures only when every cell is one: codes or classes that look like numbers keep their point', () => {
    const out = excelCsv('code,class,amount\n1.5,I,10.00\nAB,2.5,20.00\n', { decimalComma: true });
    expect(out).toBe('\uFEFFcode;class;amount\n1.5;I;10,00\nAB;2.5;20,00\n');
  });

  it('reads back to the same fields and figures (property)', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const figure = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => {
      const s = (n < 0n ? -n : n).toString().padStart(3, '0');
      return `${n < 0n ? '-' : ''}${s.slice(0, -2)}.${s.slice(-2)}`;
    });
    const table = fc.array(fc.tuple(text, figure), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(table, fc.boolean(), (rows, comma) => {
        const machine = `name,amount\n${rows.map(([n, a]) => `${csvField(n)},${a}`).join('\n')}\n`;
        const out = excelCsv(machine, { decimalComma: comma });
        expect(out.startsWith('\uFEFF')).toBe(true);
        // Read as Excel would: split on its separator, with quotes.
        const read = readWith(out.slice(1), comma ? ';' : ',');
        expect(read[0]).toEqual(['name', 'amount']);
        expect(read.slice(1)).toEqual(
          rows.map(([n, a]) => [records(`${csvField(n)}\n`)[0]?.[0] ?? '', comma ? a.replace('.', ',') : a]),
        );
      }),
      { numRuns: 300 },
    );
  });
});

/** The file read back as a spreadsheet would, with its separator (csv-parse, RFC 4180 quoting). */
function readWith(text: string, sep: string): string[][] {
  return parse(text, { delimiter: sep, relax_column_count: true }) as string[][];
}
