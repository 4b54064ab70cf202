import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScenario, type Done } from '../../shared/edit';
import { levelEntry } from '../../shared/engine/years';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';
import { cell, openApp, type OpenApp } from './harness';

// R14 × R21 in browser mode: a what-if on the example's Special Fund changes its derivation (a ceiling of 12 % instead
// of 15 %) in the scenario panel; the preview shows the new steps, the grid the scenario's figures, the comparison who
// gains and who loses; a ceiling that cannot be met is refused beside its field; the baseline is untouched.
// Expected figures come from the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const FUND = 'special-fund';
const YEAR = 2026;
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-scales-whatif-'));

const settings = levelEntry(
  example.budgets.find((b) => b.id === FUND)!,
  YEAR,
)!.scale!;
const withScenario = (createScenario(example, { name: 'Scenario 1' }) as Done).workbook;
const c = compareScenario(
  withScenario,
  {
    name: 'Scenario 1',
    overrides: [{ kind: 'derivation', budget: FUND, year: YEAR, scale: { ...settings, ceiling: '12' } }],
  },
  FUND,
  YEAR,
);
const loser = [...c.rows].sort((a, b) => Number(a.difference) - Number(b.difference))[0];
const gainer = [...c.rows].sort((a, b) => Number(b.difference) - Number(a.difference))[0];

let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();

beforeAll(async () => {
  app = await openApp({ width: 1280, height: 800, budget: FUND, year: YEAR, dir: process.env.E2E_RENDERER });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('R14 R21 a what-if on the derivation settings', () => {
  it('the figures the test expects: the ceiling moves money from the largest members to the others', () => {
    expect(settings.ceiling).toBe('15');
    expect(Number(loser.difference)).toBeLessThan(0);
    expect(Number(gainer.difference)).toBeGreaterThan(0);
    expect(c.totalDifference).toBe('0');
  });

  it('a ceiling of 12 % in the scenario: preview, grid and the change listed; the baseline keeps 15 %', async () => {
    await page.click('[data-testid=scenario-new]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-name]')).toBe('Scenario 1');
    await page.click('[data-testid=scenario-derivation] summary');
    const field = '[data-testid=scenario-derivation] [data-testid=scales-ceiling]';
    expect(await page.inputValue(field)).toBe('15');
    // Infeasible: refused beside the field, nothing recorded.
    await page.fill(field, '1');
    await expect
      .poll(() => text('[data-testid=scenario-derivation] [data-testid=scales-error-ceiling]'))
      .toMatch(/1 %/);
    expect(await page.locator('[data-testid=scenario-overrides]').count()).toBe(0);
    await page.fill(field, '12');
    await expect
      .poll(() => text(`[data-testid=scenario-derivation] [data-testid=scales-rate-${loser.code}]`))
      .toBe('12.000');
    await page.screenshot({ path: join(shots, 'scales-whatif.png') });
    await page.click('[data-testid=scenario-derivation] [data-testid=scales-apply]');
    await expect.poll(() => text('[data-testid=scenario-overrides]')).toContain('ceiling 12 %');
    await expect.poll(() => text(cell(loser.code, 'amount'))).toBe(groupThousands(loser.amountAfter!));
    expect(await text('[data-testid=total-difference]')).toBe('0');
    // The baseline is unchanged.
    await page.selectOption('[data-testid=scenario-select]', '');
    await expect.poll(() => text(cell(loser.code, 'amount'))).toBe(groupThousands(loser.amountBefore!));
    await page.selectOption('[data-testid=scenario-select]', 'scenario-1');
  });

  it('the comparison says who gains and who loses', async () => {
    await page.click('[data-testid=view-compare]');
    const row = (code: string, col: string) =>
      `[data-testid=comparison-grid] .ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    await page.waitForSelector(row(loser.code, 'scenario-1:difference'));
    expect(await text(row(loser.code, 'scenario-1:difference'))).toBe(groupThousands(loser.difference));
    expect(await text(row(gainer.code, 'scenario-1:difference'))).toBe(`+${groupThousands(gainer.difference)}`);
    // The biggest mover first: the member brought down to the ceiling.
    const first = page.locator('[data-testid=comparison-grid] .ag-row[row-index="0"]:not(.ag-row-pinned)').first();
    const biggest = [...c.rows].sort((a, b) => Math.abs(Number(b.difference)) - Math.abs(Number(a.difference)))[0];
    expect(await first.getAttribute('row-id')).toBe(biggest.code);
  });
});

describe('R22 gross, credit and net in Arabic at 1280', () => {
  it('the three columns fit beside the pinned code and name: no horizontal scrolling to read the net', async () => {
    await page.goto(`${app.url}?lang=ar`);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.selectOption('[data-testid=budget-select]', FUND);
    await page.waitForSelector('.ag-header-cell[col-id="net"]');
    const grid = (await page.locator('[data-testid=members-grid] .ag-root').boundingBox())!;
    const boxes = await Promise.all(
      ['amount', 'credit', 'net'].map(
        async (c) => (await page.locator(`.ag-header-cell[col-id="${c}"]`).boundingBox())!,
      ),
    );
    await page.screenshot({ path: join(shots, 'scales-whatif-ar.png') });
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(grid.x);
      expect(b.x + b.width).toBeLessThanOrEqual(grid.x + grid.width);
    }
  });
});
