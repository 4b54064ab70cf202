import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPayment, type Done } from '../../shared/edit';
import { parseWorkbook } from '../../shared/model/validate';
import { clickToolbar, openApp, type OpenApp } from './harness';

// Issue 16: the payments grid says who recorded each payment, from the workbook's journal, once it keeps one; the
// voting status says who recorded a decision in the decision's tooltip. Browser build (names given in the panel).

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
let app: OpenApp;

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900, dir: process.env.E2E_RENDERER });
});
afterAll(async () => app?.close());

describe('Recorded by', () => {
  it('no column without a journal; with one, a payment recorded shows its recorder, with when in the tooltip', async () => {
    const { page } = app;
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=payments-grid] .ag-row');
    expect(await page.locator('[data-testid=payments-grid] .ag-header-cell[col-id=recordedBy]').count()).toBe(0);

    await clickToolbar(page, 'history-open');
    await page.fill('[data-testid=history-user]', 'ana');
    await page.fill('[data-testid=history-machine]', 'PC-2');
    await page.click('[data-testid=history-start]');
    await page.click('[data-testid=history-close]');
    await page.waitForSelector('[data-testid=payments-grid] .ag-header-cell[col-id=recordedBy]');
    expect(
      (await page.locator('[data-testid=payments-grid] .ag-header-cell[col-id=recordedBy]').textContent())?.trim(),
    ).toBe('Recorded by');

    await page.fill('[data-testid=pay-member]', 'AL');
    await page.fill('[data-testid=pay-date]', '2026-06-01');
    await page.fill('[data-testid=pay-amount]', '100');
    await page.keyboard.press('Enter');
    const id = (
      recordPayment(example, { member: 'AL', date: '2026-06-01', amount: '100' }) as Done
    ).workbook.payments.at(-1)!.id;
    // The new payment is the last of a thousand: scrolled into view (the grid draws only the rows in view).
    await expect
      .poll(async () => {
        // Whichever part of the grid scrolls vertically, scrolled to its end.
        await page.evaluate(
          `document.querySelectorAll('[data-testid=payments-grid] *').forEach((v) => { if (v.scrollHeight > v.clientHeight + 50) v.scrollTop = v.scrollHeight; })`,
        );
        return page.locator(`[data-testid=payments-grid] .ag-row[row-id="${id}"]`).count();
      })
      .toBe(1);
    const cell = `[data-testid=payments-grid] .ag-row[row-id="${id}"] .ag-cell[col-id=recordedBy]`;
    await expect.poll(() => page.locator(cell).textContent()).toBe('ana');
    await page.hover(cell);
    await expect
      .poll(() => page.locator('.ag-tooltip').textContent(), { timeout: 5000 })
      .toMatch(new RegExp(`^Recorded by ana on PC-2, .+: Record payment ${id}`));
  });
});
