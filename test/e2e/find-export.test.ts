import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine';
import { sumPercents } from '../../shared/engine/percent';
import { parseWorkbook } from '../../shared/model/validate';
import { clickToolbar, openApp, type OpenApp } from './harness';

// Issue 14 in Chromium (browser mode): the find box ignores case and accents, and the Export menu's CSV is for
// Excel (a byte-order mark; ; and a decimal comma where the locale writes one) with a share column that adds up.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const table = assessBudgetYear(example, BUDGET, YEAR);

/** The members the grid shows (a row is drawn once per pinned side: each code once). */
const rowIds = async (page: Page) => [
  ...new Set(
    await page.$$eval('[data-testid=members-grid] .ag-row:not(.ag-row-pinned)', (rows) =>
      rows.map((r) => r.getAttribute('row-id')),
    ),
  ),
];

async function csvOf(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'export-csv')]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  return readFileSync((await download.path())!, 'utf8');
}

describe('find and export (issue 14)', () => {
  let app: OpenApp;
  let page: Page;
  beforeAll(async () => {
    app = await openApp({ width: 1280, height: 800, downloads: true, budget: BUDGET, year: YEAR });
    page = app.page;
  }, 60_000);
  afterAll(async () => app?.close());

  it('typing cote finds Côte d’Ivoire, TURKIYE finds Türkiye', async () => {
    const ci = table.rows.find((r) => r.name === "Côte d'Ivoire")!;
    const tr = table.rows.find((r) => r.name === 'Türkiye')!;
    expect(ci && tr).toBeTruthy();
    await page.fill('[data-testid=find-member]', 'cote');
    await expect.poll(() => rowIds(page)).toEqual([ci.code]);
    await expect.poll(() => page.locator('[data-testid=find-count]').textContent()).toContain('1');
    await page.fill('[data-testid=find-member]', 'TURKIYE');
    await expect.poll(() => rowIds(page)).toEqual([tr.code]);
    await page.fill('[data-testid=find-member]', '');
    await expect.poll(async () => (await rowIds(page)).length).toBeGreaterThan(1);
  });

  it('the CSV for Excel starts with a byte-order mark, keeps accented names and its shares sum to 100.0000', async () => {
    expect(await page.locator('[data-testid=export-csv]').textContent()).toBe('CSV for Excel');
    const csv = await csvOf(page);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).trimEnd().split('\n');
    expect(lines[0]).toBe('code,name,class,units,percent,amount');
    expect(csv).toContain("Côte d'Ivoire");
    expect(lines).toHaveLength(table.rows.length + 1);
    // The percent column (5th; names holding a comma are quoted, so read from the right).
    const percents = lines.slice(1).map((l) => l.split(',').at(-2)!);
    expect(sumPercents(percents)).toBe('100.0000');
  });

  it('in French: fields separated by ; and figures with a decimal comma', async () => {
    const fr = await openApp({
      width: 1280,
      height: 800,
      downloads: true,
      budget: BUDGET,
      year: YEAR,
      query: '?lang=fr',
    });
    try {
      const csv = await csvOf(fr.page);
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      const lines = csv.slice(1).trimEnd().split('\n');
      expect(lines[0]).toBe('code;name;class;units;percent;amount');
      const first = table.rows[0];
      expect(lines[1]).toBe(
        [
          first.code,
          first.name,
          first.class,
          first.units,
          first.percent.replace('.', ','),
          first.amount.replace('.', ','),
        ].join(';'),
      );
    } finally {
      await fr.close();
    }
  }, 60_000);
});
