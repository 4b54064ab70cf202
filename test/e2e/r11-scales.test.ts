import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Workbook } from '../../shared/model/types';
import { cell, type OpenApp, openApp } from './harness';

// R11: a special union's members show their Paris class read-only, marked "from Paris Union", and typing there is
// refused with the reason. R2 with R21–R23: a hand-entered percent scale that misses 100 is shown with its sum and a
// warning, when the file opens and under the grid's total, with the declared rate beside the share assessed.

const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-'));
const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-files-'));
let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850, budget: 'locarno', year: 2026 });
  page = app.page;
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('R11 special unions in the app', () => {
  it('R11: a Locarno member shows its Paris class read-only, from Paris Union, citing the treaty', async () => {
    await expect.poll(() => text(cell('AT', 'class'))).toBe('IV from Paris Union');
    expect(await page.locator(`${cell('AT', 'class')} span[title]`).getAttribute('title')).toContain(
      'Locarno Agreement Art. 7(4)(a)',
    );
    expect(await text('[data-testid=class-changes-linked]')).toContain(
      'a notice of a change of class is filed with Paris Union',
    );
    expect(await page.locator('[data-testid=class-changes] form').isHidden()).toBe(true);
  });

  it('R11: typing in the class refuses with the reason, and nothing changes', async () => {
    await page.click(cell('AT', 'class'));
    await page.keyboard.press('V');
    await expect
      .poll(() => text('[data-testid=cell-error]'))
      .toContain('Locarno Union (special union) takes its classes from Paris Union: AT holds class IV there');
    expect(await text('[data-testid=cell-error]')).toContain('Locarno Agreement Art. 7(4)(a)');
    expect(await text(cell('AT', 'class'))).toBe('IV from Paris Union');
    expect(await page.locator('[data-testid=undo]').isDisabled()).toBe(true);
    await page.screenshot({ path: join(shots, 'r11-linked-class.png') });
    await page.keyboard.press('Escape');
  });
});

describe('R2 a percent scale off 100', () => {
  it('R2: opening the file warns with the sum; the grid shows the declared rate beside the share assessed and the sum under the total', async () => {
    const wb = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8')) as Workbook;
    wb.schemes.push({ id: 'un', name: 'UN-style scale', kind: 'scale', percent: true });
    wb.budgets.push({
      id: 'fund',
      name: 'Special Fund',
      schemeId: 'un',
      currency: 'CHF',
      roundingUnit: '1',
      rounding: 'half-up',
      years: [{ year: 2026, method: 'total', amount: '1000000', adopted: true }],
    });
    for (const [member, weight] of [
      ['FR', '60'],
      ['DE', '30'],
      ['CH', '9.99'],
    ])
      wb.participations.push({ member, budget: 'fund', from: '2026-01-01', classes: [{ year: 2026, weight }] });
    const file = join(dir, 'scale.json');
    writeFileSync(file, JSON.stringify(wb, null, 2));

    await page.click('[data-testid=notice] .close').catch(() => undefined);
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
    await chooser.setFiles(file);
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/Opened scale\.json, with 1 warning/);
    expect(await text('[data-testid=notice]')).toContain(
      'Special Fund, 2026: the declared rates sum to 99.99 %, not 100 %',
    );
    expect(await page.locator('[data-testid=notice]').getAttribute('class')).toContain('warning');

    await page.selectOption('[data-testid=budget-select]', 'fund');
    await page.selectOption('[data-testid=year-select]', '2026');
    await expect
      .poll(() => text('[data-testid=scale-sum]'))
      .toBe('Warning: the declared rates sum to 99.99 %, not 100 %; each member is assessed on its rate ÷ 99.99 × 100');
    expect(await text('.ag-header-cell[col-id="units"]')).toContain('Declared rate %');
    expect(await text('.ag-header-cell[col-id="percent"]')).toContain('Share assessed %');
    expect(await text(cell('CH', 'units'))).toBe('9.99');
    expect(await text(cell('CH', 'percent'))).toBe('9.9910');
    expect(await text('.ag-row-pinned[row-id="total"] .ag-cell[col-id="units"]')).toBe('99.99');
    await page.screenshot({ path: join(shots, 'r2-percent-scale.png') });

    // Typing CH's rate so the scale sums to 100: the warning gives way to the sum.
    await page.dblclick(cell('CH', 'units'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('[data-testid=scale-sum]')).toBe('The declared rates sum to 100 %.');
  });
});
