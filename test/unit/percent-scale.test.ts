import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine';
import { contributionCsv, contributionJson, contributionText } from '../../shared/export/contribution-table';
import { contributionExport } from '../../shared/export/table-model';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { workbookWarnings } from '../../shared/engine/warnings';
import { budget, workbook } from './helpers';
import { contrib } from './cli-helpers';

// R2 with R21–R23: a percent scale entered by hand that does not sum to 100 is shown with its sum and a warning;
// the declared rates stay beside the shares actually assessed. A scale is a percent scale when its scheme says so
// (`percent: true`); plain weights (no flag) are never warned about.

const rates = (weights: Record<string, string>, percent = true, years = [2026]): Workbook =>
  workbook({
    schemes: [{ id: 'un', name: 'UN-style scale', kind: 'scale', ...(percent ? { percent: true } : {}) }],
    members: Object.keys(weights).map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget(
        'fund',
        'un',
        years.map((year) => ({ year, method: 'total' as const, amount: '1000000.00', adopted: true })),
        { name: 'Special Fund' },
      ),
    ],
    participations: Object.entries(weights).map(([member, weight]) => ({
      member,
      budget: 'fund',
      classes: [{ year: 2000, weight }],
    })),
  });

describe('R2 percent scales: the warning', () => {
  it('R2: a percent scale summing to 99.99 gives one warning with its sum, naming the budget and the year', () => {
    const w = workbookWarnings(rates({ P: '60', Q: '30', R: '9.99' }));
    expect(w).toEqual([
      expect.objectContaining({
        path: 'budgets[0]',
        severity: 'warning',
        message:
          'Special Fund, 2026: the declared rates sum to 99.99 %, not 100 %; each member is assessed on its rate ÷ 99.99 × 100',
      }),
    ]);
  });

  it('R2: 105 is warned about too; consecutive years with the same sum are one warning', () => {
    const w = workbookWarnings(rates({ P: '60', Q: '45' }, true, [2025, 2026, 2027]));
    expect(w.map((p) => p.message)).toEqual([
      'Special Fund, 2025–2027: the declared rates sum to 105 %, not 100 %; each member is assessed on its rate ÷ 105 × 100',
    ]);
  });

  it('R2: a percent scale summing to exactly 100 (100.000 included) and plain weights are not warned about', () => {
    expect(workbookWarnings(rates({ P: '60.000', Q: '30.500', R: '9.500' }))).toEqual([]);
    expect(workbookWarnings(rates({ P: '3', Q: '1' }, false))).toEqual([]);
  });

  it('R2: the percent flag is optional (version-1 files open unchanged) and must be true or false', () => {
    expect(validateWorkbook(rates({ P: '100' }))).toEqual([]);
    expect(validateWorkbook(rates({ P: '3' }, false))).toEqual([]);
    const wb = rates({ P: '100' }) as unknown as { schemes: Record<string, unknown>[] };
    wb.schemes[0].percent = 'yes';
    expect(validateWorkbook(wb).map((p) => p.path)).toEqual(['schemes[0].percent']);
  });
});

describe('R2 percent scales: the declared rate beside the share assessed', () => {
  const table = () => assessBudgetYear(rates({ P: '60', Q: '30', R: '9.99' }), 'fund', 2026);

  it('R2: the table knows it is a percent scale; units are the declared rates, percent the shares assessed', () => {
    const t = table();
    expect(t.percentScale).toBe(true);
    expect(t.totalUnits).toBe('99.99');
    expect(t.rows.map((r) => [r.units, r.percent])).toEqual([
      ['60', '60.0060'],
      ['30', '30.0030'],
      ['9.99', '9.9910'],
    ]);
    expect(assessBudgetYear(rates({ P: '3', Q: '1' }, false), 'fund', 2026).percentScale).toBeUndefined();
  });

  it('R2: CSV keeps its columns and adds declared_rate; JSON carries the declared rate and its sum', () => {
    const csv = contributionCsv(table()).split('\n');
    expect(csv[0]).toBe('code,name,class,units,percent,amount,declared_rate');
    expect(csv[1]).toMatch(/^P,State P,,60,60\.0060,\d+\.\d\d,60$/);
    const j = JSON.parse(contributionJson(table()));
    expect(j.declaredRateSum).toBe('99.99');
    expect(j.rows[2]).toMatchObject({ code: 'R', declaredRate: '9.99', percent: '9.9910' });
  });

  it('R2: the text, XLSX and print tables show "Declared rate %" next to "Share assessed %", with the warning', () => {
    const text = contributionText(table());
    expect(text).toMatch(/Declared rate %\s+Share assessed %/);
    expect(text).toContain('the declared rates sum to 99.99 %, not 100 %');
    const x = contributionExport(table(), { organization: 'Org', produced: '2026-01-01' });
    const keys = x.columns.map((c) => c.header);
    expect(keys.slice(keys.indexOf('Declared rate %'), keys.indexOf('Declared rate %') + 2)).toEqual([
      'Declared rate %',
      'Share assessed %',
    ]);
    expect(x.info.find(([k]) => k === 'Declared rates')?.[1]).toContain('99.99 %, not 100 %');
  });
});

describe('R2 percent scales: the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contrib-scale-'));

  it('R2: contrib validate prints the warning as FILE:LINE: warning: … and exits 0', async () => {
    const file = join(dir, 'scale.json');
    writeFileSync(file, JSON.stringify(rates({ P: '60', Q: '30', R: '9.99' }), null, 2));
    const r = await contrib('validate', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      new RegExp(`^${file}:\\d+: warning: Special Fund, 2026: the declared rates sum to 99\\.99 %`, 'm'),
    );
    expect(r.out).toMatch(/valid.*1 warning/);
  });

  it('R2: contrib apportion prints the warning to stderr and the table to stdout', async () => {
    const file = join(dir, 'scale2.json');
    writeFileSync(file, JSON.stringify(rates({ P: '60', Q: '45' }), null, 2));
    const r = await contrib('apportion', file, '--budget', 'fund', '--year', '2026', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: Special Fund, 2026: the declared rates sum to 105 %/);
    expect(r.out.split('\n')[0]).toBe('code,name,class,units,percent,amount,declared_rate');
  });

  it('R2: apportion --members with --scheme percent-scale warns on stderr; --scheme scale does not', async () => {
    const csv = join(dir, 'rates.csv');
    writeFileSync(csv, 'code,name,weight\nP,Patria,60\nQ,Quintia,39.99\n');
    const r = await contrib(
      'apportion',
      '--members',
      csv,
      '--scheme',
      'percent-scale',
      '--total',
      '1000',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: the declared rates sum to 99\.99 %, not 100 %/);
    const plain = await contrib(
      'apportion',
      '--members',
      csv,
      '--scheme',
      'scale',
      '--total',
      '1000',
      '--format',
      'csv',
    );
    expect(plain.err).toBe('');
  });
});
