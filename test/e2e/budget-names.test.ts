import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetName } from '../../shared/model/budget-name';
import { parseWorkbook } from '../../shared/model/validate';
import { openApp, type OpenApp } from './harness';

// Issue 14: budgets are named by their names, not their ids, in the ledger views (the rows keep the ids).

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 800, dir: process.env.E2E_RENDERER });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('budget names in the ledger views', () => {
  it('the voting status, payments and WCF grids name each budget', async () => {
    expect(budgetName(example, 'paris')).toBe('Paris Union');
    await page.keyboard.press('Alt+3');
    const status = '[data-testid=status-grid] .ag-row[row-id="AL|paris"] .ag-cell[col-id="budget"]';
    await expect.poll(() => text(status), { timeout: 15000 }).toBe('Paris Union');
    const conference = '[data-testid=status-grid] .ag-row[row-id="AF|conference"] .ag-cell[col-id="budget"]';
    if (await page.locator(conference).count()) expect(await text(conference)).toBe(budgetName(example, 'conference'));

    await page.keyboard.press('Alt+2');
    await page.waitForSelector('[data-testid=view-payments][aria-selected=true]');
    const marked = example.payments.find((p) => p.budget)!;
    const cell = `[data-testid=payments-grid] .ag-row[row-id="${marked.id}"] .ag-cell[col-id="budget"]`;
    if (await page.locator(cell).count()) expect(await text(cell)).toBe(budgetName(example, marked.budget!));
    const anyBudgetCells = await page
      .locator('[data-testid=payments-grid] .ag-row:not([row-id="new"]) .ag-cell[col-id="budget"]')
      .allTextContents();
    const ids = new Set(example.budgets.map((b) => b.id));
    expect(anyBudgetCells.filter((c) => ids.has(c))).toEqual([]);

    await page.keyboard.press('Alt+4');
    await page.waitForSelector('[data-testid=view-wcf][aria-selected=true]');
    const wcfCells = await page.locator('.ag-cell[col-id="budget"]').allTextContents();
    expect(wcfCells.length).toBeGreaterThan(0);
    expect(wcfCells.filter((c) => ids.has(c))).toEqual([]);
    expect(wcfCells.every((c) => example.budgets.some((b) => b.name === c))).toBe(true);
  });
});
