import { describe, expect, it } from 'vitest';
import { setYearScale } from '../../shared/edit/scales';
import { assessBudgetYear } from '../../shared/engine/assess';
import { contributionCsv } from '../../shared/export/contribution-table';
import { toPrintHtml } from '../../shared/export/print-html';
import { contributionExport } from '../../shared/export/table-model';
import { example, ok } from './edit-helpers';

// R21/R22 the Special Fund's contribution table as exported: every column (gross, credit, net) and the line saying
// how its rates were derived, in the export's language; the derivation changed by the command shows in the export.

const ctx = { organization: 'Org', produced: '2026-11-27' };
const FUND = 'special-fund';

describe('R21 R22 the exports of a derived budget with a credit', () => {
  it('XLSX/PDF table: gross, credit and net columns whose totals are the engine’s, net = gross − credit per member', () => {
    const t = assessBudgetYear(example(), FUND, 2026);
    const x = contributionExport(t, ctx);
    expect(x.columns.map((c) => c.key)).toEqual([
      'code',
      'name',
      'class',
      'units',
      'percent',
      'amount',
      'credit',
      'net',
    ]);
    expect(x.columns.find((c) => c.key === 'amount')!.header).toBe('Gross (CHF)');
    expect(x.total).toMatchObject({ amount: '1200000', credit: '240000', net: '960000' });
    for (const r of x.rows) expect(BigInt(r.net!)).toBe(BigInt(r.amount!) - BigInt(r.credit!));
    const info = new Map(x.info);
    expect(info.get('Derivation')).toBe(
      'Rates derived from Base scale 2025–2027 (illustrative rates, not an official scale: derived from the unitary classes and rescaled to sum to 100 %): factor 8.30758954663104 (99500/11977), excluded below 0.015 %, ceiling 15 %, floor 0.5 %, 3 decimals by largest remainder',
    );
    expect(info.get('Credit')).toBe('Gross 1,200,000, credit 240,000, net 960,000');
    const html = toPrintHtml(x);
    expect(html).toContain('99500/11977');
    expect(html).toContain('960,000');
  });

  it('in French: the lines and headers in French, amounts written the French way', () => {
    const t = assessBudgetYear(example(), FUND, 2026);
    const x = contributionExport(t, { ...ctx, locale: 'fr' });
    const info = new Map(x.info);
    expect(info.get('Dérivation')).toMatch(/^Taux dérivés de Base scale 2025–2027 .*plafond 15 %/);
    expect(info.get('Crédit')).toMatch(/^Brut 1\s200\s000, crédit 240\s000, net 960\s000$/);
    expect(x.columns.find((c) => c.key === 'amount')!.header).toBe('Brut (CHF)');
  });

  it('a budget without a credit or derivation exports as before (no extra column, no line)', () => {
    const wb = example();
    const t = assessBudgetYear(wb, wb.budgets[0].id, 2026);
    const x = contributionExport(t, ctx);
    expect(x.columns.map((c) => c.key)).toEqual(['code', 'name', 'class', 'units', 'percent', 'amount']);
    expect(x.info.map(([k]) => k)).not.toContain('Derivation');
  });

  it('R21 the ceiling lowered by the command: the export says the new ceiling and its rates respect it; the CSV keeps its contract', () => {
    const wb = example();
    const s = wb.budgets.find((b) => b.id === FUND)!.years[0].scale!;
    const d = ok(setYearScale(wb, { budget: FUND, year: 2026, settings: { ...s, ceiling: '12' } }));
    const t = assessBudgetYear(d.workbook, FUND, 2026);
    expect(new Map(contributionExport(t, ctx).info).get('Derivation')).toContain('ceiling 12 %');
    expect(t.rows.every((r) => Number(r.units) <= 12)).toBe(true);
    expect(contributionCsv(t).split('\n')[0]).toBe('code,name,class,units,percent,amount,declared_rate,credit,net');
  });
});
