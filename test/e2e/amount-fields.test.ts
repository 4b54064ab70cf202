import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decimal, groupThousands } from '../../shared/model/decimal';
import { openApp, totalCell, type OpenApp } from './harness';

// R3 a minus typed in an amount that cannot be negative is refused at the field, saying how to adjust; =+500 /
// =-500 adjust the figure shown. Run against another build with E2E_RENDERER=<dir>.

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();
const plain = (shown: string) => shown.replace(/,/g, '');

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900, budget: 'paris', year: 2026, dir: process.env.E2E_RENDERER });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('amount fields (R3)', () => {
  it('R3: -5 typed in the Total cell is refused with how to lower it; =-5 lowers it by exactly 5', async () => {
    const before = (await text(totalCell))!;
    await page.dblclick(totalCell);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('-5');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text('[data-testid=cell-error]'))
      .toMatch(/^The total cannot be negative\. To lower it by 5, type =-5 \(it becomes [\d,.]+\)$/);
    expect(await text(totalCell)).toBe(before); // refused, not lowered

    await page.dblclick(totalCell);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('=-5');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text(totalCell))
      .toBe(groupThousands(new Decimal(plain(before)).minus(5).toFixed(before.split('.')[1]?.length ?? 0)));
    expect(await page.locator('[data-testid=cell-error]').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(totalCell)).toBe(before);
  });

  it('R3: the budget panel’s Total field refuses -5 next to itself; +5 over a figure is refused naming both readings', async () => {
    const figure = await page.inputValue('[data-testid=budget-figure]');
    await page.fill('[data-testid=budget-figure]', '-5');
    await page.press('[data-testid=budget-figure]', 'Enter');
    await expect
      .poll(() => text('[data-testid=budget-figure-error]'))
      .toMatch(/^The total cannot be negative\. To lower it by 5, type =-5/);
    await page.fill('[data-testid=budget-figure]', '+5');
    await page.press('[data-testid=budget-figure]', 'Enter');
    await expect
      .poll(() => text('[data-testid=budget-figure-error]'))
      .toMatch(/^“\+5” could mean 5 or the total raised by 5: type 5, or =\+5 to raise it/);
    await page.press('[data-testid=budget-figure]', 'Escape');
    expect(await page.inputValue('[data-testid=budget-figure]')).toBe(figure);
  });

  it('R15: a payment of -500 is refused at the amount, in the form and in the grid’s new row, saying to type it without the sign', async () => {
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=payments-grid] .ag-row');
    await page.fill('[data-testid=pay-member]', 'AL');
    await page.fill('[data-testid=pay-date]', '2026-06-01');
    await page.fill('[data-testid=pay-amount]', '-500');
    await page.click('[data-testid=pay-record]');
    await expect
      .poll(() => text('[data-testid=pay-error]'))
      .toMatch(/^Amount: The amount cannot be negative: type it without the minus sign/);

    const newCell = (col: string) =>
      `[data-testid=payments-grid] .ag-row-pinned[row-id="new-payment"] .ag-cell[col-id="${col}"]`;
    await page.click(newCell('amount'));
    await page.keyboard.type('-500');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text('[data-testid=payments-grid] [data-testid=cell-error]'))
      .toMatch(/^The amount cannot be negative: type it without the minus sign/);
    expect(await text(newCell('amount'))).toBe('amount'); // still the empty cell's hint
    await page.keyboard.press('Escape');
  });

  it('R19: a WCF amount of -500 is refused with the same words', async () => {
    await page.keyboard.press('Alt+4');
    await page.fill('[data-testid=wcf-year]', '2026');
    await page.selectOption('[data-testid=wcf-basis]', 'amount');
    await page.fill('[data-testid=wcf-value]', '-500');
    await page.click('[data-testid=wcf-submit]');
    await expect
      .poll(() => text('[data-testid=wcf-form] .cell-error'))
      .toMatch(/^The amount cannot be negative: type it without the minus sign/);
    await page.keyboard.press('Alt+1');
  });
});
