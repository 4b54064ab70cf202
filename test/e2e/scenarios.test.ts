import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyScenarioToBaseline, createScenario, setScenarioClass, type Done } from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';
import { cell, launchChromium, serveStatic, totalCell } from './harness';

// R14 in the app, end to end in Chromium (browser mode): a scenario is created, a class changed in it, compared
// with the baseline, exported and applied. Expected figures come from the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const MEMBER = 'AL';
const TO = 'I';
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-scen-'));
const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-scen-files-'));

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();

// The same steps through the engine, for the expected figures.
const withScenario = (createScenario(example, { name: 'Scenario 1' }) as Done).workbook;
const edited = (setScenarioClass(withScenario, { scenario: 'scenario-1', budget: BUDGET, member: MEMBER, year: YEAR, value: TO }) as Done).workbook;
const comparison = compareScenario(edited, edited.scenarios[0], BUDGET, YEAR);
const baseline = assessBudgetYear(example, BUDGET, YEAR);
const applied = assessBudgetYear((applyScenarioToBaseline(edited, 'scenario-1') as Done).workbook, BUDGET, YEAR);

async function chooseClass(code: string, cls: string) {
  await page.click(cell(code, 'name'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowDown');
  await page.locator('.ag-select-list').getByRole('option', { name: cls, exact: true }).click();
}

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1500, height: 900 }, acceptDownloads: true });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url);
  await page.waitForSelector('.ag-row[row-index="0"]');
  await page.selectOption('[data-testid=budget-select]', BUDGET);
  await page.selectOption('[data-testid=year-select]', String(YEAR));
  await page.click('[data-testid=notice] .close');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('R14 scenarios in the app', () => {
  it('creates a scenario and changes a member’s class in it; the baseline is unchanged and the changed cells are marked', async () => {
    expect(comparison.rows.find((r) => r.code === MEMBER)!.classBefore).not.toBe(TO);
    await page.click('[data-testid=scenario-new]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-name]')).toBe('Scenario 1');
    await chooseClass(MEMBER, TO);
    await expect.poll(() => text(cell(MEMBER, 'amount'))).toBe(groupThousands(comparison.rows.find((r) => r.code === MEMBER)!.amountAfter!));
    await expect.poll(() => text(totalCell)).toBe(groupThousands(comparison.after.total));
    expect(comparison.after.total).toBe(baseline.total); // R5 the total stays exact
    expect(await page.locator(cell(MEMBER, 'class')).getAttribute('class')).toMatch(/scenario-changed/);
    expect(await text('[data-testid=scenario-overrides]')).toContain(`${MEMBER} class ${TO} from ${YEAR}`);
    expect(await text('[data-testid=total-difference]')).toBe(groupThousands(comparison.totalDifference)); // 0: the total is the budget's
    await page.screenshot({ path: join(shots, 'scenario-editor.png') });
    // Back on the baseline: nothing changed there.
    await page.selectOption('[data-testid=scenario-select]', '');
    await expect.poll(() => text(cell(MEMBER, 'amount'))).toBe(groupThousands(baseline.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(cell(MEMBER, 'class'))).toBe(baseline.rows.find((r) => r.code === MEMBER)!.class);
    await page.selectOption('[data-testid=scenario-select]', 'scenario-1');
  });

  it('shows the comparison, biggest movers first, with the budget’s old and new totals', async () => {
    await page.click('[data-testid=view-compare]');
    await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
    const biggest = [...comparison.rows].sort((a, b) => Math.abs(Number(b.difference)) - Math.abs(Number(a.difference)))[0];
    expect(biggest.code).toBe(MEMBER);
    const first = page.locator('[data-testid=comparison-grid] .ag-row[row-index="0"]:not(.ag-row-pinned)').first();
    expect(await first.getAttribute('row-id')).toBe(MEMBER);
    const row = (code: string, col: string) => `[data-testid=comparison-grid] .ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    const r = comparison.rows.find((x) => x.code === MEMBER)!;
    expect(await text(row(MEMBER, 'amountBefore'))).toBe(groupThousands(r.amountBefore!));
    expect(await text(row(MEMBER, 'scenario-1:amountAfter'))).toBe(groupThousands(r.amountAfter!));
    expect(await text(row(MEMBER, 'scenario-1:difference'))).toBe(`+${groupThousands(r.difference)}`);
    expect(await text(row(MEMBER, 'scenario-1:percentChange'))).toBe(r.percentChange);
    expect(await text('[data-testid=levels-scenario-1] [data-testid=level-total]')).toBe(groupThousands(comparison.after.total));
    expect(await text('[data-testid=levels-scenario-1] [data-testid=level-unit-value]')).toBe(groupThousands(comparison.after.unitValue));
    await page.screenshot({ path: join(shots, 'comparison.png') });
  });

  it('applies the scenario to the baseline in one undoable step', async () => {
    await page.click('[data-testid=view-members]');
    await page.click('[data-testid=scenario-apply]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-select]')).toBe('');
    await expect.poll(() => text(cell(MEMBER, 'class'))).toBe(TO);
    await expect.poll(() => text(cell(MEMBER, 'amount'))).toBe(groupThousands(applied.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(totalCell)).toBe(groupThousands(applied.total));
    await page.click(cell('AD', 'code'));
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(cell(MEMBER, 'amount'))).toBe(groupThousands(baseline.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(cell(MEMBER, 'class'))).toBe(baseline.rows.find((r) => r.code === MEMBER)!.class);
    expect(await text('[data-testid=notice]')).toMatch(/Undid: Apply scenario “Scenario 1”/);
  });
});
