import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayInWords, keyDates } from '../../renderer/src/liquidity/words';
import { setExpectedDate, setNotPaying, type Done } from '../../shared/edit';
import {
  compareLiquidity,
  liquidityBasis,
  projectLiquidity,
  type LiquidityProjection,
} from '../../shared/engine/liquidity';
import { translator } from '../../shared/i18n/intl';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { openApp, clickToolbar, revealToolbar, type OpenApp } from './harness';

// R24 the Liquidity view in browser mode, on the bundled example (its unitary budget holds cash on 1 January 2027):
// the dates in words and the month-ends are the engine's, a member's date set and undone, "not paying", a what-if
// side by side with the baseline, and the export. Expected figures come from the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'unitary';
const YEAR = 2027;
// Screenshots: kept in E2E_SHOTS when set (docs/ keeps liquidity.png and liquidity-whatif.png), else a temp folder.
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-liquidity-'));

let app: OpenApp;
let page: Page;

const basis = liquidityBasis(example, BUDGET, YEAR);
const baseline = projectLiquidity(basis);
const t = translator('en');
const sentences = (p: LiquidityProjection) => keyDates(p, t, groupThousands, (iso) => dayInWords(iso, 'en'));
const text = (sel: string) => page.locator(sel).first().textContent();
const cell = (code: string, col: string) =>
  `[data-testid=liq-expected] .ag-row[row-id="${code}"] .ag-cell[col-id="${col}"]`;

const ALL = ['receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;
const SIDES = ['receipts', 'cash', 'wcf', 'advances', 'shortfall'] as const;

/** Every month-end figure the table shows, row by row: the baseline's, or a side of the comparison. */
async function monthTable(cols: readonly string[] = ALL, suffix = ''): Promise<string[][]> {
  const out: string[][] = [];
  for (let i = 0; i < 12; i++)
    out.push(await Promise.all(cols.map(async (c) => (await text(`[data-testid=liq-m-${i}-${c}${suffix}]`)) ?? '')));
  return out;
}
const engineTable = (p: LiquidityProjection, cols: readonly (typeof ALL)[number][] = ALL) =>
  p.months.map((m) => cols.map((c) => groupThousands(m[c])));

beforeAll(async () => {
  app = await openApp({
    width: 1280,
    height: 800,
    downloads: true,
    budget: BUDGET,
    year: YEAR,
    dir: process.env.E2E_RENDERER,
  });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('R24 the Liquidity view in browser mode', () => {
  it('R24 shows the engine’s dates in words, opening figures and month-ends for the toolbar’s budget and year (Alt+6)', async () => {
    const words = sentences(baseline);
    // The example makes a point: the fund is drawn in the year, advances are needed, and nothing is left unpaid.
    expect(baseline.firstWcfDraw).not.toBeNull();
    expect(words.wcf).toMatch(/^The fund is first drawn on \d+ [A-Z][a-z]+\.$/);
    await page.keyboard.press('Alt+6');
    await page.waitForSelector('[data-testid=liq-dates]');
    expect(await text('[data-testid=liq-date-wcf]')).toBe(words.wcf);
    expect(await text('[data-testid=liq-date-advances]')).toBe(words.advances);
    expect(await text('[data-testid=liq-date-shortfall]')).toBe(words.shortfall);
    expect(await page.inputValue('[data-testid=liq-cash]')).toBe(groupThousands(baseline.opening.cash));
    expect(baseline.opening.cash).toBe('500000');
    expect(await monthTable()).toEqual(engineTable(baseline));
    // The members expected: one row each, with the engine's date.
    await page.waitForSelector('[data-testid=liq-expected] .ag-row');
    await page.waitForSelector('[data-testid=liq-chart] canvas');
    await page.screenshot({ path: join(shots, 'liquidity.png') });
  });

  // Of the first rows (the grid draws only the rows in view), the largest receipt expected on its usual date.
  const big = baseline.expected
    .slice(0, 8)
    .filter((e) => e.basis === 'usual' && e.date !== null && e.date < `${YEAR}-11-30`)
    .sort((a, b) => Number(b.amount) - Number(a.amount))[0];
  const LATE = `${YEAR}-11-30`;

  it('R24 a member’s date typed in its cell moves the projection as the engine says; Undo puts it back; Delete clears it', async () => {
    const moved = projectLiquidity(
      liquidityBasis(
        (setExpectedDate(example, { member: big.code, budget: BUDGET, year: YEAR, date: LATE }) as Done).workbook,
        BUDGET,
        YEAR,
      ),
    );
    expect(moved.months.map((m) => m.cash)).not.toEqual(baseline.months.map((m) => m.cash));
    await page.dblclick(cell(big.code, 'override'));
    await page.keyboard.type(LATE);
    await page.keyboard.press('Enter');
    await expect.poll(() => text(cell(big.code, 'override'))).toBe(LATE);
    expect(await text(cell(big.code, 'basis'))).toBe('date set');
    expect(await monthTable()).toEqual(engineTable(moved));
    expect(await text('[data-testid=liq-date-wcf]')).toBe(sentences(moved).wcf);
    // One step of the undo history.
    await page.click('[data-testid=undo]');
    await expect.poll(() => text(cell(big.code, 'override'))).toBe('');
    expect(await monthTable()).toEqual(engineTable(baseline));
    await page.click('[data-testid=redo]');
    await expect.poll(() => text(cell(big.code, 'override'))).toBe(LATE);
    // Delete on the cell clears the date: back to the usual one.
    await page.click(cell(big.code, 'override'));
    await page.keyboard.press('Delete');
    await expect.poll(() => text(cell(big.code, 'override'))).toBe('');
    expect(await text(cell(big.code, 'basis'))).toBe('usual date');
    expect(await monthTable()).toEqual(engineTable(baseline));
  });

  it('R24 a date outside the year is refused beside the cell and changes nothing', async () => {
    await page.dblclick(cell(big.code, 'override'));
    await page.keyboard.type(`${YEAR + 1}-01-15`);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text('[data-testid=cell-error]'))
      .toBe(`The expected date ${YEAR + 1}-01-15 is not in ${YEAR}`);
    expect(await text(cell(big.code, 'override'))).toBe('');
    expect(await monthTable()).toEqual(engineTable(baseline));
    // The refusal closes when clicked.
    await page.click('[data-testid=cell-error]');
    await expect.poll(() => page.locator('[data-testid=cell-error]').count()).toBe(0);
  });

  it('R24 "not paying" leaves the member out (its receipts gone from the year), one undoable step', async () => {
    const without = projectLiquidity(
      liquidityBasis(
        (setNotPaying(example, { member: big.code, budget: BUDGET, year: YEAR, notPaying: true }) as Done).workbook,
        BUDGET,
        YEAR,
      ),
    );
    await page.click(`[data-testid=liq-not-paying-${big.code}]`);
    await expect.poll(() => text(cell(big.code, 'basis'))).toBe('not paying');
    expect(await text(cell(big.code, 'amount'))).toBe('0');
    expect(await monthTable()).toEqual(engineTable(without));
    await page.click('[data-testid=undo]');
    await expect.poll(() => text(cell(big.code, 'basis'))).toBe('usual date');
    expect(await page.isChecked(`[data-testid=liq-not-paying-${big.code}]`)).toBe(false);
    expect(await monthTable()).toEqual(engineTable(baseline));
  });

  it('R24 the cash on 1 January typed in the field is one undoable step', async () => {
    const before = await text('[data-testid=liq-m-0-cash]');
    await page.fill('[data-testid=liq-cash]', '750000');
    await page.press('[data-testid=liq-cash]', 'Enter');
    await expect.poll(() => page.inputValue('[data-testid=liq-cash]')).toBe('750,000');
    expect(await text('[data-testid=liq-m-0-cash]')).not.toBe(before);
    await page.click('[data-testid=undo]');
    await expect.poll(() => page.inputValue('[data-testid=liq-cash]')).toBe('500,000');
    expect(await text('[data-testid=liq-m-0-cash]')).toBe(before);
  });

  it('R24 what-if: the 10 largest contributors pay 6 months late, side by side with the baseline as the engine compares them', async () => {
    const c = compareLiquidity(basis, { lateLargest: { count: 10, months: 6 } });
    expect(c.whatIf.maxAdvances).not.toBe(c.baseline.maxAdvances);
    await page.fill('[data-testid=liq-largest-count]', '10');
    await page.fill('[data-testid=liq-largest-months]', '6');
    await page.waitForSelector('[data-testid=liq-summary]');
    expect(await text('[data-testid=liq-whatif-dates] h4')).toBe(
      'What if the 10 largest contributors pay 6 months late',
    );
    const alt = sentences(c.whatIf);
    expect([
      await text('[data-testid=liq-whatif-wcf]'),
      await text('[data-testid=liq-whatif-advances]'),
      await text('[data-testid=liq-whatif-shortfall]'),
    ]).toEqual([alt.wcf, alt.advances, alt.shortfall]);
    // The baseline's sentences stay beside the what-if's.
    expect(await text('[data-testid=liq-date-wcf]')).toBe(sentences(baseline).wcf);
    expect(await text('[data-testid=liq-summary-maxAdvances]')).toBe(groupThousands(c.baseline.maxAdvances));
    expect(await text('[data-testid=liq-summary-maxAdvances-whatif]')).toBe(groupThousands(c.whatIf.maxAdvances));
    expect(await monthTable(SIDES, '-whatif')).toEqual(engineTable(c.whatIf, SIDES));
    expect(await monthTable(SIDES)).toEqual(engineTable(c.baseline, SIDES));
    // The notice of the last undo is dismissed for the screenshot; the chart redraws its dashed what-if lines.
    if (await page.locator('[data-testid=notice] .close').count()) await page.click('[data-testid=notice] .close');
    await page.evaluate("document.querySelector('.liquidity .ledger-main').scrollTop = 0"); // a string: no DOM types here
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(shots, 'liquidity-whatif.png') });

    // Export: the month-ends of both sides, with the machine names of contrib liquidity by default, headers in
    // words where the user asks for them (issue 11).
    const exported = async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'export-csv')]);
      expect(download.suggestedFilename()).toBe(`${BUDGET}-${YEAR}-liquidity-whatif.csv`);
      return readFileSync((await download.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\n');
    };
    const machine = await exported();
    expect(machine[0]).toBe(
      'date,spending,receipts,receipts_what_if,cash,cash_what_if,wcf,wcf_what_if,advances,advances_what_if,shortfall,shortfall_what_if',
    );
    await (await revealToolbar(page, 'export-headers-language')).check();
    const lines = await exported();
    expect(lines.slice(1)).toEqual(machine.slice(1));
    expect(lines[0]).toBe(
      'Month-end,Spending,Receipts,Receipts (what-if),Cash,Cash (what-if),WCF,WCF (what-if),Advances,Advances (what-if),Shortfall,Shortfall (what-if)',
    );
    expect(lines.slice(1)).toEqual(
      c.months.map((m) =>
        [
          m.date,
          m.baseline.spending,
          ...(['receipts', 'cash', 'wcf', 'advances', 'shortfall'] as const).flatMap((k) => [
            m.baseline[k],
            m.whatIf[k],
          ]),
        ].join(','),
      ),
    );

    // A refused field says so and is left out; back to the baseline.
    await page.fill('[data-testid=liq-collect]', '120');
    await expect
      .poll(() => text('[data-testid=liq-whatif-collect-error]'))
      .toBe('A percentage from 0 to 100, such as 80 or 92.5');
    await page.click('[data-testid=liq-whatif-clear]');
    await expect.poll(() => page.locator('[data-testid=liq-summary]').count()).toBe(0);
    expect(await monthTable()).toEqual(engineTable(baseline));
  });
});
