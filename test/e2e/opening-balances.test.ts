import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOpeningBalance, type Done } from '../../shared/edit';
import { VotingStatusBook } from '../../shared/engine';
import { parseWorkbook } from '../../shared/model/validate';
import { openApp, type OpenApp } from './harness';

// R17a opening balances and R17b the combined test, in browser mode on the example. The figures expected come from
// the engine in Node; the test checks the app shows them and that each edit is one undoable step.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
let app: OpenApp;
let page: Page;

const statusCell = (code: string, budget: string, col: string) =>
  `[data-testid=status-grid] .ag-row[row-id="${code}|${budget}"] .ag-cell[col-id="${col}"]`;
const text = (sel: string) => page.locator(sel).first().textContent();

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900 });
  page = app.page;
});
afterAll(async () => app?.close());

describe('R17a/R17b in the app', () => {
  it('R17a an opening balance entered beside the voting status counts in the member’s arrears; undo takes it back', async () => {
    // AL, without a vote in Paris, also left 5,000 unpaid of 2021: its arrears grow by as much.
    const withBalance = (
      setOpeningBalance(example, {
        member: 'AL',
        budget: 'paris',
        year: '2021',
        assessed: '5000',
        unpaid: '5000',
      }) as Done
    ).workbook;
    const today = new Date().toISOString().slice(0, 10);
    const expected = new VotingStatusBook(withBalance).budgetStatus(
      'AL',
      withBalance.budgets.find((b) => b.id === 'paris')!,
      today,
    );
    const before = new VotingStatusBook(example).budgetStatus(
      'AL',
      example.budgets.find((b) => b.id === 'paris')!,
      today,
    );
    expect(expected.arrears).not.toBe(before.arrears);

    await page.keyboard.press('Alt+3');
    await page.waitForSelector('[data-testid=status-grid] .ag-row');
    await page.click(statusCell('AL', 'paris', 'name'));
    await page.click('[data-testid=opening-balances] summary');
    await expect.poll(() => page.inputValue('[data-testid=ob-member]')).toBe('AL');
    await page.selectOption('[data-testid=ob-budget]', 'paris');
    // A year of data is refused at the field, saying why.
    await page.fill('[data-testid=ob-year]', '2022');
    await page.fill('[data-testid=ob-assessed]', '5000');
    await page.fill('[data-testid=ob-unpaid]', '5000');
    await page.click('[data-testid=ob-submit]');
    await expect.poll(() => text('[data-testid=opening-balances] .cell-error')).toMatch(/data start in 2022/);
    await page.fill('[data-testid=ob-year]', '2021');
    await page.click('[data-testid=ob-submit]');
    await expect
      .poll(() => text(statusCell('AL', 'paris', 'arrears')))
      .toBe(Number(expected.arrears).toLocaleString('en-US'));
    expect(await page.locator('[data-testid=opening-balances] li', { hasText: '5,000 unpaid of 5,000' }).count()).toBe(
      1,
    );
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => text(statusCell('AL', 'paris', 'arrears')))
      .toBe(Number(before.arrears).toLocaleString('en-US'));
  });

  it('R17b the combined test, chosen in the settings, is said in the voting status; one undoable step', async () => {
    expect(await page.locator('[data-testid=combined-test]').count()).toBe(0);
    await page.keyboard.press('Alt+1');
    await page.waitForSelector('[data-testid=members-grid] .ag-row');
    await page.click('[data-testid=workbook-settings] summary');
    await page.selectOption('[data-testid=voting-test]', 'combined');
    await page.keyboard.press('Alt+3');
    await page.waitForSelector('[data-testid=status-grid] .ag-row');
    await expect.poll(() => text('[data-testid=combined-test]')).toContain('UN Charter Art. 19');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid=combined-test]').count()).toBe(0);
  });
});
