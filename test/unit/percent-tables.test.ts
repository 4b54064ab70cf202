import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear, type ContributionTable } from '../../shared/engine/assess';
import { compareCodePoints } from '../../shared/engine/exact';
import { percentShares, percentTotal, sumPercents } from '../../shared/engine/percent';
import { deriveScale } from '../../shared/engine/scale';
import { contributionCsv, contributionText } from '../../shared/export/contribution-table';
import { toPrintHtml } from '../../shared/export/print-html';
import { contributionExport, type ExportTable } from '../../shared/export/table-model';
import { toXlsx } from '../../shared/export/xlsx';
import { formatScaled } from '../../shared/model/decimal';
import { PARIS, WIPO_UNITARY } from '../../shared/model/schemes';
import { parseWorkbook } from '../../shared/model/validate';
import { membersSource } from '../../renderer/src/export/exports';
import { budget, takesPart, workbook } from './helpers';

// Issue 14 "tables that add up": every column of shares shown to 4 decimals sums to exactly 100.0000, in the app's
// table and in every export (CSV, XLSX, PDF, text), or the table says it does not.

/** A plain reference: every member's exact remainder, all members sorted (R5 largest remainder, R6 ties). */
function reference(weights: bigint[], codes: string[]): string[] {
  const U = weights.reduce((a, b) => a + b, 0n);
  if (U === 0n) return weights.map(() => '0.0000');
  const floors = weights.map((w) => (w * 1_000_000n) / U);
  const rem = weights.map((w) => (w * 1_000_000n) % U);
  let missing = 1_000_000n - floors.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((i, j) =>
      rem[i] !== rem[j]
        ? rem[j] > rem[i]
          ? 1
          : -1
        : weights[i] !== weights[j]
          ? weights[j] > weights[i]
            ? 1
            : -1
          : compareCodePoints(codes[i], codes[j]),
    );
  for (const i of order) if (missing-- > 0n) floors[i] += 1n;
  return floors.map((f) => formatScaled(f, 4));
}

const weightsArb = fc.uniqueArray(
  fc.record({
    code: fc.string({ minLength: 1, maxLength: 3 }),
    weight: fc.oneof(fc.bigInt({ min: 0n, max: 40n }), fc.bigInt({ min: 0n, max: 10n ** 15n })),
  }),
  { minLength: 1, maxLength: 60, selector: (m) => m.code },
);

describe('percentShares', () => {
  it('E1: 10, 3, 1, 1 units give 66.6667, 20.0000, 6.6667, 6.6666 (R6: R before S)', () => {
    expect(percentShares([10n, 3n, 1n, 1n], ['P', 'Q', 'R', 'S'])).toEqual(['66.6667', '20.0000', '6.6667', '6.6666']);
    // Rounded one by one they were 100.0001.
    expect(sumPercents(['66.6667', '20.0000', '6.6667', '6.6667'])).toBe('100.0001');
  });

  it('sums to exactly 100.0000, each within a ten-thousandth of its exact share, as the plain reference (property)', () => {
    fc.assert(
      fc.property(weightsArb, (ms) => {
        const w = ms.map((m) => m.weight);
        const codes = ms.map((m) => m.code);
        const U = w.reduce((a, b) => a + b, 0n);
        const p = percentShares(w, codes);
        expect(p).toEqual(reference(w, codes));
        expect(sumPercents(p)).toBe(U === 0n ? '0.0000' : '100.0000');
        if (U > 0n)
          p.forEach((s, i) => {
            // |s − 100·w/U| < 0.0001, in integers: |s·10^4·U − 10^6·w| < U.
            const d = BigInt(s.replace('.', '')) * U - 1_000_000n * w[i];
            expect(d < 0n ? -d : d).toBeLessThan(U);
          });
      }),
      { numRuns: 400 },
    );
  });

  it('reordering the members changes no share (property)', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((ms) =>
          fc.record({ ms: fc.constant(ms), shuffled: fc.shuffledSubarray(ms, { minLength: ms.length }) }),
        ),
        ({ ms, shuffled }) => {
          const byCode = (list: typeof ms) => {
            const p = percentShares(
              list.map((m) => m.weight),
              list.map((m) => m.code),
            );
            return new Map(list.map((m, i) => [m.code, p[i]]));
          };
          expect(byCode(shuffled)).toEqual(byCode(ms));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('the total row says what the column sums to', () => {
    expect(percentTotal('15')).toBe('100.0000');
    expect(percentTotal('0.000')).toBe('0.0000');
  });
});

// --- every export of a contribution table -------------------------------------------------------------------------

const ctx = { organization: 'Test', produced: '2026-11-27' };

function csvColumn(csv: string, header: string): string[] {
  const rows = parse(csv, { columns: true }) as Record<string, string>[];
  return rows.map((r) => r[header]);
}

/** The percent column of the text table, cut where its header rule says. */
function textColumn(text: string, header: string): { body: string[]; total: string } {
  const lines = text.split('\n');
  const at = lines.findIndex((l, i) => /^-+( +-+)+$/.test(lines[i + 1] ?? '') && l.includes(header));
  const rule = lines[at + 1];
  const spans = [...rule.matchAll(/-+/g)].map((m): [number, number] => [m.index, m.index + m[0].length]);
  const k = spans.findIndex(([a, b]) => lines[at].slice(a, b).trim() === header);
  const cell = (l: string) => l.slice(spans[k][0], spans[k][1]).trim();
  const end = lines.findIndex((l, i) => i > at + 1 && /^-+( +-+)+$/.test(l));
  return { body: lines.slice(at + 2, end).map(cell), total: cell(lines[end + 1]) };
}

function htmlColumn(html: string, index: number): { body: string[]; total: string } {
  const cells = (tr: string) => [...tr.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  const foot = html.slice(html.indexOf('<tfoot'));
  return {
    body: [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => cells(m[1])[index]),
    total: cells(foot)[index],
  };
}

async function xlsxColumn(t: ExportTable, header: string): Promise<{ body: string[]; total: string }> {
  const bytes = toXlsx([t], '2026-11-27');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[0];
  let head = 0;
  let col = 0;
  ws.eachRow((row, n) => {
    row.eachCell((c, k) => {
      if (!head && c.value === header) [head, col] = [n, k];
    });
  });
  const values: string[] = [];
  for (let n = head + 1; n <= ws.rowCount; n++) values.push(String(ws.getRow(n).getCell(col).value));
  return { body: values.slice(0, -1), total: values.at(-1)! };
}

/** Every export of one table: its column of shares sums to exactly what its total row says, 100.0000. */
function checkSyncExports(table: ContributionTable) {
  const expected = '100.0000';
  expect(sumPercents(table.rows.map((r) => r.percent))).toBe(expected);
  const csv = contributionCsv(table);
  expect(sumPercents(csvColumn(csv, 'percent'))).toBe(expected);
  const t = contributionExport(table, ctx);
  expect(sumPercents(t.rows.map((r) => r.percent))).toBe(expected);
  expect(t.total!.percent).toBe(expected);
  const pi = t.columns.findIndex((c) => c.key === 'percent');
  const pdf = htmlColumn(toPrintHtml(t), pi);
  expect(pdf.body).toHaveLength(table.rows.length);
  expect(sumPercents(pdf.body)).toBe(expected);
  expect(pdf.total).toBe(expected);
  const text = textColumn(contributionText(table), table.percentScale ? 'Share assessed %' : '%');
  expect(text.body).toHaveLength(table.rows.length);
  expect(sumPercents(text.body)).toBe(expected);
  expect(text.total).toBe(expected);
  return t;
}

describe('the percent column of every export sums to 100.0000', () => {
  const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
  const cases = example.budgets.flatMap((b) => b.years.map((y) => [b.id, y.year] as const));

  it('the example workbook: every budget and year, CSV, the table model, the print layout (PDF), text and XLSX', async () => {
    expect(cases.length).toBeGreaterThan(5);
    let paris = false;
    for (const [id, year] of cases) {
      const table = assessBudgetYear(example, id, year);
      const t = checkSyncExports(table);
      const x = await xlsxColumn(t, t.columns.find((c) => c.key === 'percent')!.header);
      expect(x.body).toHaveLength(table.rows.length);
      expect(sumPercents(x.body)).toBe('100.0000');
      expect(x.total).toBe('100');
      if (id === 'paris') paris = true;
    }
    expect(paris).toBe(true);
  });

  it('the issue’s case: the Paris Union of the example summed to 100.0062 rounded one by one, 100.0000 now', () => {
    const table = assessBudgetYear(example, 'paris', 2026);
    const oneByOne = table.rows.map((r) => {
      const U = BigInt(table.totalUnits);
      const u = BigInt(r.units);
      const q = u * 1_000_000n;
      return formatScaled(q / U + ((q % U) * 2n >= U ? 1n : 0n), 4);
    });
    expect(sumPercents(oneByOne)).toBe('100.0062');
    expect(sumPercents(table.rows.map((r) => r.percent))).toBe('100.0000');
  });

  it('generated workbooks: any classes and members, by total or by unit value (property)', () => {
    const schemes = [PARIS, WIPO_UNITARY];
    const arb = fc.record({
      scheme: fc.constantFrom(0, 1),
      byTotal: fc.boolean(),
      classes: fc.array(fc.nat(13), { minLength: 1, maxLength: 80 }),
    });
    fc.assert(
      fc.property(arb, ({ scheme, byTotal, classes }) => {
        const s = schemes[scheme];
        const codes = classes.map((_, i) => `M${String(i).padStart(3, '0')}`);
        const wb = workbook({
          members: codes.map((code) => ({ code, name: `State ${code}` })),
          budgets: [
            budget('b', s.id, [
              {
                year: 2026,
                method: byTotal ? 'total' : 'unit-value',
                amount: byTotal ? '1000000.00' : '45579',
                adopted: true,
              },
            ]),
          ],
          participations: codes.map((c, i) => takesPart(c, 'b', s.classes[classes[i] % s.classes.length].code)),
        });
        checkSyncExports(assessBudgetYear(wb, 'b', 2026));
      }),
      { numRuns: 60 },
    );
  });

  it('a filtered export says it shows some members; the total row stays that of all of them', () => {
    const table = assessBudgetYear(example, 'paris', 2026);
    const codes = table.rows.slice(0, 5).map((r) => r.code);
    const src = membersSource(table, codes, ctx);
    expect(src.table.rows).toHaveLength(5);
    expect(src.table.info.find(([k]) => k === 'Shown')?.[1]).toMatch(/5\D+174/);
    expect(src.table.total!.percent).toBe('100.0000');
  });

  it('the Scales view: its rates are data, not rounded for display; the total row (the scale’s sum) is their exact sum', () => {
    const base = [
      { code: 'A', name: 'A', rate: '22' },
      { code: 'B', name: 'B', rate: '0.001' },
      { code: 'C', name: 'C', rate: '7.333' },
      { code: 'D', name: 'D', rate: '1.5' },
    ];
    const members = base.map((b) => ({ code: b.code, name: b.name }));
    for (const rounding of ['half-up', 'largest-remainder'] as const) {
      // renderer/src/scales/export.ts writes s.rates as rows and s.sum in the total row.
      const s = deriveScale(base, members, { decimals: 3, rounding });
      expect(sumPercents([s.sum], 3)).toBe(
        sumPercents(
          s.rates.map((r) => r.rate),
          3,
        ),
      );
    }
  });
});
