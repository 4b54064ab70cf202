import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClass, type Done } from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, launchChromium, serveStatic } from './harness';

// Files never lost (browser mode): unsaved work is kept as a draft and offered back when the app opens again.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('autosave and recovery in browser mode', () => {
  it('a class change left unsaved is offered back in a new window, and Recover shows the same figures', async () => {
    const after = assessBudgetYear(
      (setClass(example, { budget: 'paris', member: 'AL', year: 2026, value: 'I' }) as Done).workbook,
      'paris',
      2026,
    );
    const page = await context.newPage();
    await page.goto(server.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.selectOption('[data-testid=budget-select]', 'paris');
    await page.selectOption('[data-testid=year-select]', '2026');
    await page.click(cell('AL', 'name'));
    await page.keyboard.press('Tab');
    await page.keyboard.press('F2');
    await page.keyboard.press('ArrowDown');
    await page.locator('.ag-select-list').getByRole('option', { name: 'I', exact: true }).click();
    await expect
      .poll(() => page.locator(cell('AL', 'amount')).textContent())
      .toBe(groupThousands(after.rows.find((r) => r.code === 'AL')!.amount));
    // The draft is written a second after the last change.
    await expect
      .poll(() => page.evaluate("localStorage.getItem('contribution-calculator.draft') !== null"), { timeout: 5000 })
      .toBe(true);

    // A second window of the same browser, as after a crash: the draft is offered, not applied unasked.
    const again = await context.newPage();
    await again.goto(server.url);
    await again.waitForSelector('[data-testid=recover]');
    expect(await again.locator('[data-testid=recover]').textContent()).toContain('example-workbook.json');
    await again.click('[data-testid=recover-draft]');
    await expect
      .poll(() => again.locator('[data-testid=notice]').textContent())
      .toMatch(/Recovered unsaved work on example-workbook\.json/);
    await again.selectOption('[data-testid=budget-select]', 'paris');
    await again.selectOption('[data-testid=year-select]', '2026');
    for (const code of ['AL', 'DZ', 'AD']) {
      await expect
        .poll(() => again.locator(cell(code, 'amount')).first().textContent(), { message: code })
        .toBe(groupThousands(after.rows.find((r) => r.code === code)!.amount));
    }
    expect(await again.locator('[data-testid=doc-title]').textContent()).toMatch(/^●/); // still unsaved
    await page.close();
    await again.close();
  });
});
