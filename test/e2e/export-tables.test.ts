import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { comparisonSource, inDisplayedOrder, membersSource } from '../../renderer/src/export/exports';
import { assessBudgetYear } from '../../shared/engine';
import { COMPARISON_CSV_HEADER, comparisonCsv } from '../../shared/export/comparison-table';
import { CONTRIBUTION_CSV_HEADER } from '../../shared/export/contribution-table';
import { toXlsx } from '../../shared/export/xlsx';
import { decimalPlaces } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';

// The app's export tables (renderer/src/export/exports.ts) in Node: what the user sees (displayed order, filter,
// several scenarios side by side) placed through shared/export with the engine's figures, never recomputed.

const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const ctx = { organization: wb.organization.name, produced: '2026-11-22' };
const places = decimalPlaces(wb.budgets.find((b) => b.id === BUDGET)!.roundingUnit);

async function sheetRows(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const ws = book.worksheets[0];
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'Code') header = n;
  });
  const rows: ExcelJS.CellValue[][] = [];
  for (let n = header; n <= ws.rowCount; n++) rows.push((ws.getRow(n).values as ExcelJS.CellValue[]).slice(1));
  const info = new Map<string, ExcelJS.CellValue>();
  for (let n = 2; n < header; n++) info.set(String(ws.getCell(`A${n}`).value), ws.getCell(`B${n}`).value);
  return { head: rows[0], body: rows.slice(1, -1), total: rows.at(-1)!, info };
}

const money = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : (v as number).toFixed(places));

describe('the app’s export tables', () => {
  it('R14 two scenarios side by side: every cell of the XLSX equals the engine, in the displayed order, and the totals are exact', async () => {
    const c1 = compareScenario(
      wb,
      { name: 'AL to I', overrides: [{ kind: 'class', member: 'AL', budget: BUDGET, fromYear: YEAR, class: 'I' }] },
      BUDGET,
      YEAR,
    );
    const c2 = compareScenario(
      wb,
      {
        name: 'Higher total',
        overrides: [{ kind: 'level', budget: BUDGET, year: YEAR, method: 'total', amount: '3641000' }],
      },
      BUDGET,
      YEAR,
    );
    // The grid showed a filtered subset in its own order.
    const codes = c1.rows
      .filter((r) => r.classBefore === 'I')
      .map((r) => r.code)
      .reverse();
    const src = comparisonSource([c1, c2], codes, ctx);
    expect(src.landscape).toBe(true);
    const { head, body, total, info } = await sheetRows(toXlsx([src.table], ctx.produced));
    expect(head).toEqual([
      'Code',
      'Member',
      'Class before',
      'Before (CHF)',
      'AL to I: class',
      'AL to I (CHF)',
      'AL to I: difference',
      'AL to I: change %',
      'Higher total: class',
      'Higher total (CHF)',
      'Higher total: difference',
      'Higher total: change %',
    ]);
    expect(body.map((r) => r[0])).toEqual(codes);
    for (const row of body) {
      const a = c1.rows.find((r) => r.code === row[0])!;
      const b = c2.rows.find((r) => r.code === row[0])!;
      expect([
        row[1],
        row[2],
        money(row[3]),
        row[4],
        money(row[5]),
        money(row[6]),
        (row[7] as number).toFixed(2),
        row[8],
        money(row[9]),
        money(row[10]),
        (row[11] as number).toFixed(2),
      ]).toEqual([
        a.name,
        a.classBefore,
        a.amountBefore,
        a.classAfter,
        a.amountAfter,
        a.difference,
        a.percentChange,
        b.classAfter,
        b.amountAfter,
        b.difference,
        b.percentChange,
      ]);
    }
    expect([money(total[3]), money(total[5]), money(total[6]), money(total[9]), money(total[10])]).toEqual([
      c1.before.total,
      c1.after.total,
      c1.totalDifference,
      c2.after.total,
      c2.totalDifference,
    ]);
    expect(c2.after.total).toBe('3641000');
    expect(info.get('Scenarios')).toBe('AL to I; Higher total');
    expect(info.get('Shown')).toBe(
      `${codes.length} of ${c1.rows.length} members (filtered); the total row is the whole budget’s`,
    );
    // CSV: the CLI's single-scenario column names, the after side suffixed with [scenario name]; the same rows.
    const lines = src.csv.trimEnd().split('\n');
    expect(lines[0]).toBe(
      'code,name,class_before,amount_before,class_after[AL to I],amount_after[AL to I],difference[AL to I],percent_change[AL to I],class_after[Higher total],amount_after[Higher total],difference[Higher total],percent_change[Higher total]',
    );
    expect(lines.slice(1)).toEqual(
      codes.map((code) => {
        const a = c1.rows.find((r) => r.code === code)!;
        const b = c2.rows.find((r) => r.code === code)!;
        return [
          code,
          a.name,
          a.classBefore,
          a.amountBefore,
          a.classAfter,
          a.amountAfter,
          a.difference,
          a.percentChange,
          b.classAfter,
          b.amountAfter,
          b.difference,
          b.percentChange,
        ]
          .map((v) => v ?? '')
          .join(',');
      }),
    );
  });

  it('R14 several scenarios in CSV: names with a comma are quoted, a name used twice is told apart, one scenario keeps the CLI’s header', () => {
    const s = {
      name: 'AL to I, then II',
      overrides: [{ kind: 'class' as const, member: 'AL', budget: BUDGET, fromYear: YEAR, class: 'I' }],
    };
    const c = compareScenario(wb, s, BUDGET, YEAR);
    const header = comparisonSource([c, c], null, ctx).csv.split('\n')[0];
    expect(header).toBe(
      'code,name,class_before,amount_before,"class_after[AL to I, then II]","amount_after[AL to I, then II]","difference[AL to I, then II]","percent_change[AL to I, then II]","class_after[AL to I, then II (2)]","amount_after[AL to I, then II (2)]","difference[AL to I, then II (2)]","percent_change[AL to I, then II (2)]"',
    );
    expect(comparisonSource([c], null, ctx).csv).toBe(comparisonCsv(c));
    expect(comparisonSource([c], null, ctx).csv.split('\n')[0]).toBe(COMPARISON_CSV_HEADER.join(','));
  });

  it('the members table in the grid’s order keeps the CLI’s CSV contract and the whole budget’s total', async () => {
    const t = assessBudgetYear(wb, BUDGET, YEAR);
    const codes = [...t.rows].sort((a, b) => Number(b.amount) - Number(a.amount)).map((r) => r.code);
    const src = membersSource(t, codes, { ...ctx, scenario: 'AL to I' });
    expect(src.stem).toBe(`${BUDGET}-${YEAR}-al-to-i`);
    const lines = src.csv.trimEnd().split('\n');
    expect(lines[0]).toBe(CONTRIBUTION_CSV_HEADER.join(','));
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(codes);
    const { body, total, info } = await sheetRows(toXlsx([src.table], ctx.produced));
    expect(body.map((r) => [r[0], money(r[5])])).toEqual(
      inDisplayedOrder(t.rows, codes).map((r) => [r.code, r.amount]),
    );
    expect(money(total[5])).toBe(t.total);
    expect(info.get('Scenario')).toBe('AL to I');
    expect(info.has('Shown')).toBe(false);
  });
});
