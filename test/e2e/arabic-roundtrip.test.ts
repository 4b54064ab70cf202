import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine';
import { formatAmount, type NumberFormatChoice } from '../../shared/i18n/numbers';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, clickToolbar, openApp, type OpenApp } from './harness';

// Issue 11: a workbook round trip in Arabic changes no figure. With ?lang=ar and Arabic-Indic digits, a payment's
// amount is typed as the user reads numbers (١٢٬٣٤٥٫٦٧), recorded, the workbook saved (browser mode: a download) and
// reopened: the file holds the exact decimal string, every assessed figure is as it was, and the reopened app
// writes the amounts in Arabic-Indic digits again.

const ARABIC: NumberFormatChoice = { locale: 'ar', style: 'locale', nativeDigits: true };
const NUMBERS = JSON.stringify({ style: 'locale', nativeDigits: true });
const AMOUNT = '12345.67';
const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-ar-'));

let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();
/** The workbook as the app holds it: saved (browser mode: a download) and read back. */
let before: Workbook;

async function save(name: string): Promise<{ file: string; workbook: Workbook }> {
  const [download] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'save')]);
  const file = join(dir, `${name}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const read = parseWorkbook(readFileSync(file, 'utf8'));
  expect(read.problems).toEqual([]);
  return { file, workbook: read.workbook! };
}

/** Arabic-Indic digits chosen, as the settings keep them, before the app reads its formats. */
async function arabicDigits(p: Page) {
  await p.evaluate(`localStorage.setItem('contribution-calculator.numbers', ${JSON.stringify(NUMBERS)})`);
  await p.reload();
  await p.waitForSelector('.ag-row[row-index="0"]');
}

/** Every budget's contributions for the years the example holds. */
const assessed = (wb: Workbook) =>
  wb.budgets.flatMap((b) =>
    [2024, 2025, 2026, 2027].map((y) => {
      try {
        return assessBudgetYear(wb, b.id, y);
      } catch (e) {
        return String(e);
      }
    }),
  );

describe('a workbook round trip in Arabic with Arabic-Indic digits (issue 11)', () => {
  beforeAll(async () => {
    app = await openApp({ width: 1280, height: 800, downloads: true, query: '?lang=ar' });
    page = app.page;
    await arabicDigits(page);
    // The example as the app bundles it (the file on disk may be newer than the build under test).
    before = (await save('before')).workbook;
  });

  afterAll(async () => {
    await app?.close();
  });

  let saved: Workbook;

  it('the page is Arabic, right to left, and an amount typed in Arabic-Indic digits is recorded exactly', async () => {
    expect(await page.evaluate('[document.documentElement.lang, document.documentElement.dir]')).toEqual(['ar', 'rtl']);
    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=payments-grid] .ag-row');
    const typed = formatAmount(AMOUNT, ARABIC);
    expect(typed).toMatch(/^[٠-٩٬٫]+$/); // nothing but Arabic-Indic digits and their separators
    await page.fill('[data-testid=pay-member]', 'AL');
    await page.fill('[data-testid=pay-date]', '2026-06-01');
    await page.fill('[data-testid=pay-amount]', typed);
    await page.selectOption('[data-testid=pay-budget]', 'paris');
    await page.keyboard.press('Enter');
    // Recorded: the form clears the amount for the next line (a refusal would keep it and say why).
    await expect.poll(() => page.inputValue('[data-testid=pay-amount]')).toBe('');
    expect(await page.locator('[data-testid=pay-error]').count()).toBe(0);
  });

  it('saved (a download): the file holds the exact decimal string and every figure as before', async () => {
    const { file, workbook } = await save('after');
    saved = workbook;
    expect(saved.payments.length).toBe(before.payments.length + 1);
    const added = saved.payments.at(-1)!;
    expect(added).toMatchObject({ member: 'AL', date: '2026-06-01', amount: AMOUNT, budget: 'paris' });
    // Nothing else moved: the other payments as they were, and every budget's contributions the same.
    expect(saved.payments.slice(0, -1)).toEqual(before.payments);
    expect(assessed(saved)).toEqual(assessed(before));

    // Reopened in a fresh page, in Arabic with Arabic-Indic digits.
    const fresh = await app.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const first = page;
    page = fresh;
    await page.goto(`${app.url}?lang=ar`);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await arabicDigits(page);
    await page.click('[data-testid=notice] .close');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), clickToolbar(page, 'open')]);
    await chooser.setFiles(file);
    await expect.poll(() => page.locator('[data-testid=notice]').count()).toBe(1);
    await first.close();

    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=payments-grid] .ag-row');
    const row = (id: string) => `[data-testid=payments-grid] .ag-row[row-id="${id}"] .ag-cell[col-id="amount"]`;
    const other = before.payments[0];
    await expect.poll(() => text(row(other.id))).toBe(formatAmount(other.amount, ARABIC));
    // The payment added is the grid's last row (the grid draws only the rows near the view): Ctrl+End goes to it.
    await page.click(row(other.id));
    await page.keyboard.press('Control+End');
    await expect.poll(() => text(row(added.id))).toBe(formatAmount(AMOUNT, ARABIC));

    // Saved again from the reopened file: the same workbook, figure for figure.
    const back = (await save('again')).workbook;
    expect(back.payments).toEqual(saved.payments);
    expect(assessed(back)).toEqual(assessed(saved));
  }, 180_000);

  it('the contributions grid shows the Convention’s classes as the Arabic text names them (ألف / باء / جيم)', async () => {
    await page.keyboard.press('Alt+1');
    await page.selectOption('[data-testid=budget-select]', 'conference');
    await page.waitForSelector('.ag-row[row-index="0"]');
    const classes = before.participations.filter((p) => p.budget === 'conference');
    const af = classes.find((p) => p.member === 'AF')!.classes!.at(-1)!.class!;
    const word = { A: 'ألف', B: 'باء', C: 'جيم' }[af as 'A' | 'B' | 'C'];
    await expect.poll(() => text(cell('AF', 'class'))).toBe(word);
  });
});
