import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, setClass, setScenarioClass, type Done } from '../../shared/edit';
import { assessBudgetYear, type ContributionTable } from '../../shared/engine';
import { compareCodePoints } from '../../shared/engine/exact';
import { compareAmounts, groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';
import { cell, type OpenApp, openApp, totalCell } from './harness';

// Issue 14 items 1 and 3: typing edits as in a spreadsheet, and every header sorts (amounts exactly). At 1280×800 in
// browser mode; the figures expected come from the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const before = assessBudgetYear(example, BUDGET, YEAR);
const FIRST = before.rows[0];
// VI, unless the first member already holds it.
const TO = FIRST.class === 'VI' ? 'VII' : 'VI';
const after = assessBudgetYear(
  (setClass(example, { budget: BUDGET, member: FIRST.code, year: YEAR, value: TO }) as Done).workbook,
  BUDGET,
  YEAR,
);

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();
const amountShown = (t: ContributionTable, code: string) => groupThousands(t.rows.find((r) => r.code === code)!.amount);
/** The focused cell: its row's member code and its column. */
const focused = () =>
  page.$eval('.ag-cell-focus', (c) => `${c.closest('.ag-row')!.getAttribute('row-id')}:${c.getAttribute('col-id')}`);
/** The member codes in the order the grid shows them (the rows it has drawn). */
const shownOrder = () =>
  page.$$eval('.ag-row:not(.ag-row-pinned)[row-id]', (rows) =>
    [...new Map(rows.map((r) => [Number(r.getAttribute('row-index')), r.getAttribute('row-id')!])).entries()]
      .sort((a, b) => a[0] - b[0])
      .map((r) => r[1]),
  );
/** The engine's rows sorted as the grid must sort them (stable: equal keys keep the table's order). */
const sortedBy = (
  t: ContributionTable,
  cmp: (a: ContributionTable['rows'][number], b: ContributionTable['rows'][number]) => number,
) =>
  t.rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => cmp(a.r, b.r) || a.i - b.i)
    .map(({ r }) => r.code);

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 800, budget: BUDGET, year: YEAR });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('typing edits (issue 14 item 1)', () => {
  it('typing vi on the first member’s class lists the classes starting with it; Enter takes VI, the total stays exact', async () => {
    expect(await text(`.ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="name"]`)).toBe(FIRST.name);
    await page.click(cell(FIRST.code, 'class'));
    await page.keyboard.type(TO.toLowerCase());
    const options = page.locator('.cc-class-list [role=option]');
    await expect.poll(() => options.allTextContents()).toEqual(TO === 'VI' ? ['VI', 'VII'] : ['VII']);
    expect(await page.locator('.cc-class-list [aria-selected=true]').textContent()).toBe(TO);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(cell(FIRST.code, 'class'))).toBe(TO);
    await expect.poll(() => text(cell(FIRST.code, 'amount'))).toBe(amountShown(after, FIRST.code));
    // R5 the shares still sum exactly to the budget's total, as the engine computes it.
    expect(await text(totalCell)).toBe(groupThousands(after.total));
    expect(after.total).toBe(before.total);
    // Enter moved down, as in a spreadsheet.
    expect(await focused()).toBe(`${before.rows[1].code}:class`);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(cell(FIRST.code, 'class'))).toBe(FIRST.class);
    expect(await text(totalCell)).toBe(groupThousands(before.total));
  });

  it('a text no class starts with says so, and Escape leaves the class as it was', async () => {
    await page.click(cell(FIRST.code, 'class'));
    await page.keyboard.type('x');
    await expect.poll(() => text('.cc-class-list .cc-class-none')).toBe('No class starts with “x”');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.cc-class-list').count()).toBe(0);
    expect(await text(cell(FIRST.code, 'class'))).toBe(FIRST.class);
  });

  it('typing on a name cell starts editing with what was typed; Tab takes it and moves right, Shift+Tab back', async () => {
    const second = before.rows[1];
    await page.click(cell(second.code, 'name'));
    await page.keyboard.type('Atlantis');
    await page.keyboard.press('Tab');
    await expect.poll(() => text(cell(second.code, 'name'))).toBe('Atlantis');
    expect(await focused()).toBe(`${second.code}:class`);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe(`${second.code}:name`);
    // An arrow takes what was typed and moves (Excel's "enter" mode).
    await page.keyboard.type('Lemuria');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => text(cell(second.code, 'name'))).toBe('Lemuria');
    expect(await focused()).toBe(`${before.rows[2].code}:name`);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(cell(second.code, 'name'))).toBe(second.name);
  });

  it('Delete on a name or a class is refused with the reason next to the cell; both stay', async () => {
    await page.click(cell(FIRST.code, 'name'));
    await page.keyboard.press('Delete');
    await expect.poll(() => text('[data-testid=cell-error]')).toMatch(/name/i);
    expect(await text(cell(FIRST.code, 'name'))).toBe(FIRST.name);
    await page.click('[data-testid=cell-error]');
    await page.click(cell(FIRST.code, 'class'));
    await page.keyboard.press('Delete');
    // The reason lists the scheme's classes (R1).
    await expect.poll(() => text('[data-testid=cell-error]')).toContain('I, II, III, IV, V, VI, VII');
    expect(await text(cell(FIRST.code, 'class'))).toBe(FIRST.class);
    expect(await text(totalCell)).toBe(groupThousands(before.total));
    await page.click('[data-testid=cell-error]');
  });
});

describe('header sorting (issue 14 item 3)', () => {
  it('a click on Amount sorts by exact amount, again the other way; a third click gives the table’s order', async () => {
    const header = '.ag-header-cell[col-id="amount"]';
    const asc = sortedBy(before, (a, b) => compareAmounts(a.amount, b.amount));
    await page.click(`${header} .ag-header-cell-label`);
    await expect.poll(async () => (await shownOrder()).slice(0, 12)).toEqual(asc.slice(0, 12));
    const desc = sortedBy(before, (a, b) => compareAmounts(b.amount, a.amount));
    await page.click(`${header} .ag-header-cell-label`);
    await expect.poll(async () => (await shownOrder()).slice(0, 12)).toEqual(desc.slice(0, 12));
    // The amounts drawn really are in order, as figures (not as text).
    const drawn = await page.$$eval('.ag-row:not(.ag-row-pinned)[row-id]', (rows) =>
      rows
        .filter((r) => r.querySelector('[col-id="amount"]'))
        .sort((a, b) => Number(a.getAttribute('row-index')) - Number(b.getAttribute('row-index')))
        .map((r) => r.querySelector('[col-id="amount"]')!.textContent!.replace(/,/g, '')),
    );
    for (let i = 1; i < drawn.length; i++) expect(compareAmounts(drawn[i - 1], drawn[i])).toBeGreaterThanOrEqual(0);
    await page.click(`${header} .ag-header-cell-label`);
    await expect
      .poll(async () => (await shownOrder()).slice(0, 12))
      .toEqual(before.rows.slice(0, 12).map((r) => r.code));
  });

  it('Enter on a header sorts from the keyboard: Class by units, then Code by code point', async () => {
    await page.click(cell(FIRST.code, 'class'));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    const units = sortedBy(
      before,
      (a, b) => compareAmounts(a.units, b.units) || compareCodePoints(a.class ?? '', b.class ?? ''),
    );
    await expect.poll(async () => (await shownOrder()).slice(0, 12)).toEqual(units.slice(0, 12));
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const codes = sortedBy(before, (a, b) => compareCodePoints(b.code, a.code));
    await expect.poll(async () => (await shownOrder()).slice(0, 12)).toEqual(codes.slice(0, 12));
  });

  it('the Scales view: a base scale’s rates sort by exact rate, then the other way, then in the scale’s order', async () => {
    const scale = example.baseScales![0];
    await page.keyboard.press('Alt+7');
    const codes = () => page.locator('[data-testid=base-scale-rates] tbody tr td:first-child').allTextContents();
    await expect.poll(async () => (await codes()).length).toBe(scale.rates.length);
    const order = (desc: boolean) =>
      scale.rates
        .map((r, i) => ({ r, i }))
        .sort((a, b) => (desc ? -1 : 1) * compareAmounts(a.r.rate, b.r.rate) || a.i - b.i)
        .map(({ r }) => r.code);
    await page.click('[data-testid=rates-sort-rate] button');
    await expect.poll(codes).toEqual(order(false));
    expect(await page.getAttribute('[data-testid=rates-sort-rate]', 'aria-sort')).toBe('ascending');
    await page.click('[data-testid=rates-sort-rate] button');
    await expect.poll(codes).toEqual(order(true));
    await page.click('[data-testid=rates-sort-rate] button');
    await expect.poll(codes).toEqual(scale.rates.map((r) => r.code));
  });

  it('Payments: a click on Amount sorts the recorded payments by exact amount, a second click the other way', async () => {
    await page.keyboard.press('Alt+2');
    const grid = '[data-testid=payments-grid]';
    await page.waitForSelector(`${grid} .ag-row:not(.ag-row-pinned)[row-id]`);
    const order = () =>
      page.$$eval(`${grid} .ag-row:not(.ag-row-pinned)[row-id]`, (rows) =>
        [...new Map(rows.map((r) => [Number(r.getAttribute('row-index')), r.getAttribute('row-id')!])).entries()]
          .sort((a, b) => a[0] - b[0])
          .map((r) => r[1])
          .slice(0, 12),
      );
    const byAmount = (desc: boolean) =>
      example.payments
        .map((p, i) => ({ p, i }))
        .sort((a, b) => (desc ? -1 : 1) * compareAmounts(a.p.amount, b.p.amount) || a.i - b.i)
        .map(({ p }) => p.id)
        .slice(0, 12);
    await page.click(`${grid} .ag-header-cell[col-id="amount"] .ag-header-cell-label`);
    await expect.poll(order).toEqual(byAmount(false));
    await page.click(`${grid} .ag-header-cell[col-id="amount"] .ag-header-cell-label`);
    await expect.poll(order).toEqual(byAmount(true));
  });

  it('Payments: typing w on a recorded payment’s purpose offers wcf; Enter records it, undoably', async () => {
    // Among the rows drawn (the grid is sorted by amount, largest first): one recorded with no purpose.
    const id = [...example.payments]
      .sort((a, b) => compareAmounts(b.amount, a.amount))
      .slice(0, 12)
      .find((p) => !p.purpose)!.id;
    const purpose = `[data-testid=payments-grid] .ag-row[row-id="${id}"] .ag-cell[col-id="purpose"]`;
    await page.click(purpose);
    await page.keyboard.type('w');
    await expect.poll(() => page.locator('.cc-class-list [role=option]').allTextContents()).toEqual(['wcf']);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(purpose)).toBe('wcf');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(purpose)).toBe('');
  });
});

describe('header sorting in the comparison (R14)', () => {
  it('a scenario made by typing i on a class; % change sorts exactly, Class by units', async () => {
    const withScenario = (createScenario(example, { name: 'Scenario 1' }) as Done).workbook;
    const edited = (
      setScenarioClass(withScenario, {
        scenario: 'scenario-1',
        budget: BUDGET,
        member: FIRST.code,
        year: YEAR,
        value: 'I',
      }) as Done
    ).workbook;
    const c = compareScenario(edited, edited.scenarios[0], BUDGET, YEAR);
    const stable = (cmp: (a: (typeof c.rows)[number], b: (typeof c.rows)[number]) => number) =>
      c.rows
        .map((r, i) => ({ r, i }))
        .sort((a, b) => cmp(a.r, b.r) || a.i - b.i)
        .map(({ r }) => r.code)
        .slice(0, 12);
    await page.keyboard.press('Alt+1');
    await page.click('[data-testid=scenario-new]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-name]')).toBe('Scenario 1');
    await page.click(cell(FIRST.code, 'class'));
    await page.keyboard.type('i');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(cell(FIRST.code, 'class'))).toBe('I');
    await page.click('[data-testid=view-compare]');
    const grid = '[data-testid=comparison-grid]';
    await page.waitForSelector(`${grid} .ag-row[row-index="0"]`);
    const order = () =>
      page.$$eval(`${grid} .ag-row:not(.ag-row-pinned)[row-id]`, (rows) =>
        [...new Map(rows.map((r) => [Number(r.getAttribute('row-index')), r.getAttribute('row-id')!])).entries()]
          .sort((a, b) => a[0] - b[0])
          .map((r) => r[1])
          .slice(0, 12),
      );
    const header = (col: string) => `${grid} .ag-header-cell[col-id="${col}"] .ag-header-cell-label`;
    await page.click(header('scenario-1:percentChange'));
    await expect.poll(order).toEqual(stable((a, b) => compareAmounts(a.percentChange, b.percentChange)));
    await page.click(header('scenario-1:percentChange'));
    await expect.poll(order).toEqual(stable((a, b) => compareAmounts(b.percentChange, a.percentChange)));
    expect((await order())[0]).toBe(FIRST.code);
    await page.click(header('classBefore'));
    await expect.poll(order).toEqual(stable((a, b) => compareAmounts(a.unitsBefore, b.unitsBefore)));
  });
});
