import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { votingStatus } from '../../shared/engine/arrears';
import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import { paymentsExport, statusExport, statusLines, wcfExport } from '../../shared/export/ledger-export';
import { statusCsv } from '../../shared/export/ledger-tables';
import { budgetName, budgetNames } from '../../shared/model/budget-name';
import { createScenario, describeOverride, overrideMessage, setScenarioOverride, type Done } from '../../shared/edit';
import { say } from '../../shared/i18n/intl';
import { example } from './edit-helpers';

// Issue 14: budgets named to people by their names; ids stay in files and machine CSV.

describe('budget names', () => {
  const wb = example();
  const nameOf = budgetNames(wb);

  it('budgetName and budgetNames: the name, or the id for a budget the workbook does not hold', () => {
    expect(budgetName(wb, 'paris')).toBe('Paris Union');
    expect(budgetName(wb, 'gone')).toBe('gone');
    for (const b of wb.budgets) expect(nameOf(b.id)).toBe(b.name);
    expect([nameOf('gone'), nameOf(undefined), nameOf(null)]).toEqual(['gone', '', '']);
  });

  it('the tables for people name each budget when given names; machine CSV and tables without names keep ids', () => {
    const date = '2027-01-01';
    const report = votingStatus(wb, date);
    const lines = statusLines(report);
    const named = statusExport(report, lines, { organization: 'x', produced: date, budgetName: nameOf });
    const plain = statusExport(report, lines, { organization: 'x', produced: date });
    expect(named.rows.map((r) => r.budget)).toEqual(lines.map((l) => nameOf(l.budget)));
    expect(plain.rows.map((r) => r.budget)).toEqual(lines.map((l) => l.budget));
    expect(new Set(named.rows.map((r) => r.budget))).toContain('Paris Union');
    const paris = votingStatus(wb, date, 'paris');
    expect(statusCsv(paris)).toContain(',paris,');
    expect(statusCsv(paris)).not.toContain('Paris Union');

    const pays = paymentsExport(wb.payments, { organization: 'x', produced: date, budgetName: nameOf });
    const marked = wb.payments.findIndex((p) => p.budget);
    expect(pays.rows[marked].budget).toBe(nameOf(wb.payments[marked].budget));
    const unmarked = wb.payments.findIndex((p) => !p.budget);
    if (unmarked >= 0) expect(pays.rows[unmarked].budget).toBeNull();

    const wcf = wcfExport(wcfReport(new Ledger(wb), date), { organization: 'x', produced: date, budgetName: nameOf });
    const ids = new Set(wb.budgets.map((b) => b.id));
    expect(wcf.rows.length).toBeGreaterThan(0);
    expect(wcf.rows.filter((r) => ids.has(String(r.budget)))).toEqual([]);
  });

  it('contrib status --format xlsx names the budgets; --format csv keeps the ids', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'contrib-names-')), 's.xlsx');
    const args = ['status', 'examples/example-workbook.json', '--date', '2027-01-01', '--budget', 'paris'];
    let csv = '';
    expect(await run([...args, '--format', 'xlsx', '--out', out], { out: () => {}, err: () => {} })).toBe(0);
    expect(await run([...args, '--format', 'csv'], { out: (t) => void (csv += t), err: () => {} })).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const cells: string[] = [];
    book.worksheets[0].eachRow((row) => cells.push(String(row.values)));
    expect(cells.some((c) => c.includes('Albania') && c.includes('Paris Union'))).toBe(true);
    expect(csv).toMatch(/^AL,Albania,paris,/m);
  });

  it('a scenario’s changes name the budget, in the panel and in the undo label', () => {
    const leave = { kind: 'leave' as const, member: 'AD', budget: 'paris', until: '2025-12-31' };
    expect(say(overrideMessage(leave, nameOf))).toBe('AD leaves Paris Union on 2025-12-31');
    expect(describeOverride(leave)).toBe('AD leaves paris on 2025-12-31'); // no names given: the id
    const s = (createScenario(wb, { name: 'S' }) as Done).workbook;
    const d = setScenarioOverride(s, s.scenarios.at(-1)!.id, leave) as Done;
    expect(d.label).toContain('AD leaves Paris Union on 2025-12-31');
  });
});
