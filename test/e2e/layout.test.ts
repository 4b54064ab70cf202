import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbar, openApp, type OpenApp } from './harness';

// Issue 14: layouts that fit 1280×800 and use 1920×1080. The toolbar is one row (what does not fit is in its ⋯
// menu), each view's key columns are in view without scrolling, a wide window widens the grids, the side panel can be
// hidden, and a notice belongs to the view it was raised in.

type Box = { x: number; y: number; width: number; height: number };
const box = async (page: Page, sel: string): Promise<Box> => {
  const b = await page.locator(sel).first().boundingBox();
  if (!b) throw new Error(`${sel} is not shown`);
  return b;
};

/**
 * How far apart the middles of the items left in the toolbar's row are, and how many there are: one row has them all
 * on one line (a string: no DOM types in the Node type-check).
 */
const rowSpread = async (page: Page) => {
  const mids = await page.evaluate<number[]>(
    `[...document.querySelectorAll('[data-testid=toolbar] > .tb-item:not(.off)')].map((e) => { const b = e.getBoundingClientRect(); return b.top + b.height / 2; })`,
  );
  return { count: mids.length, spread: Math.max(...mids) - Math.min(...mids) };
};

/** The header cells that must be in view, per view, at 1280×800 (the scales view's rates are a table). */
const KEY_COLUMNS: { view: string; open(page: Page): Promise<void>; cells: string[] }[] = [
  {
    view: 'contributions',
    open: async () => {},
    cells: ['code', 'name', 'amount'].map((c) => `.ag-header-cell[col-id="${c}"]`),
  },
  {
    view: 'comparison',
    open: async (page) => {
      await page.click('[data-testid=scenario-new]');
      await page.click('[data-testid=view-compare]');
      await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
    },
    cells: ['"code"', '"name"', '"amountBefore"', '$=":amountAfter"', '$=":difference"'].map(
      (c) => `[data-testid=comparison-grid] .ag-header-cell[col-id${c.startsWith('$') ? c : `=${c}`}]`,
    ),
  },
  {
    view: 'status',
    open: async (page) => {
      await page.click('[data-testid=view-status]');
      await page.waitForSelector('.ag-header-cell[col-id="status"]');
    },
    cells: ['code', 'name', 'arrears', 'status'].map((c) => `.ag-header-cell[col-id="${c}"]`),
  },
  {
    view: 'payments',
    open: async (page) => {
      await page.click('[data-testid=view-payments]');
      await page.waitForSelector('.ag-header-cell[col-id="amount"]');
    },
    cells: ['id', 'member', 'date', 'amount'].map((c) => `.ag-header-cell[col-id="${c}"]`),
  },
  {
    view: 'liquidity',
    open: async (page) => {
      await page.click('[data-testid=view-liquidity]');
      await page.waitForSelector('[data-testid=liq-expected] .ag-header-cell[col-id="amount"]');
      await page.locator('[data-testid=liq-expected]').scrollIntoViewIfNeeded();
    },
    cells: ['code', 'name', 'owed', 'amount'].map((c) => `[data-testid=liq-expected] .ag-header-cell[col-id="${c}"]`),
  },
  {
    view: 'scales',
    open: async (page) => {
      await page.click('[data-testid=view-scales]');
      await page.waitForSelector('[data-testid=base-scale-rates] th');
    },
    cells: [1, 2, 3].map((n) => `[data-testid=base-scale-rates] tr:first-child th:nth-child(${n})`),
  },
];

describe('issue 14 layouts at 1280×800', () => {
  let app: OpenApp;
  let page: Page;
  beforeAll(async () => {
    app = await openApp({ width: 1280, height: 800, dir: process.env.E2E_RENDERER });
    page = app.page;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the toolbar is one row: as high as one of its items, every item shown on the same line', async () => {
    const bar = await box(page, '[data-testid=toolbar]');
    const save = await box(page, '[data-testid=save]');
    // One item's height and the bar's padding (6 px each side) and border: not two rows.
    expect(bar.height).toBeLessThan(save.height + 16);
    const row = await rowSpread(page);
    expect(row.count).toBeGreaterThan(4);
    expect(row.spread).toBeLessThan(3);
    // At 1280 some items are in the ⋯ menu.
    expect(await page.locator('[data-testid=toolbar-more]').isVisible()).toBe(true);
  });

  it('the ⋯ menu shows what does not fit, by keyboard too: ↓ opens it on its first item, Escape closes it', async () => {
    // The first item put away, and its first button (or field).
    const inMenu = page.locator('[data-testid=toolbar] > .tb-item.off').first().locator('button, select').first();
    expect(await inMenu.isVisible()).toBe(false);
    await page.focus('[data-testid=toolbar-more]');
    await page.keyboard.press('ArrowDown');
    expect(await page.getAttribute('[data-testid=toolbar-more]', 'aria-expanded')).toBe('true');
    expect(await inMenu.isVisible()).toBe(true);
    // The focus is in the menu, on an item put away.
    expect(await page.evaluate('!!document.activeElement.closest(".tb-item.off")')).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate('!!document.activeElement.closest(".tb-item.off")')).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('[data-testid=toolbar-more]', 'aria-expanded')).toBe('false');
    expect(await inMenu.isVisible()).toBe(false);
    expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('toolbar-more');
    // History is in the menu in a narrower window (at 1280 it has the room Export left when it became one button):
    // its button works, the menu closes and the dialog it opened stays open.
    await page.setViewportSize({ width: 1100, height: 800 });
    await page.waitForSelector('[data-testid=history-open]', { state: 'hidden' });
    await clickToolbar(page, 'history-open');
    await page.waitForSelector('[data-testid=history]', { state: 'visible' });
    expect(await page.getAttribute('[data-testid=toolbar-more]', 'aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=history]', { state: 'hidden' });
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  for (const v of KEY_COLUMNS)
    it(`${v.view}: the key columns' headers are in view without scrolling`, async () => {
      await page.goto(app.url);
      await page.waitForSelector('.ag-row[row-index="0"]');
      await v.open(page);
      for (const sel of v.cells) {
        const b = await box(page, sel);
        expect(b.x, sel).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, sel).toBeLessThanOrEqual(1280);
        expect(b.width, sel).toBeGreaterThan(30);
      }
    });

  it('a notice belongs to its view: an information goes when the view changes, Escape dismisses one', async () => {
    await page.goto(app.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    expect(await page.textContent('[data-testid=notice]')).toContain('Opened');
    await page.click('[data-testid=view-payments]');
    await page.waitForSelector('[data-testid=notice]', { state: 'detached' });
    await page.click('[data-testid=view-contributions]');
    expect(await page.locator('[data-testid=notice]').count()).toBe(0);
    await page.click('[data-testid=scenario-new]');
    await page.waitForSelector('[data-testid=notice]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid=notice]', { state: 'detached' });
  });

  it('the side panel hides and shows again, and the grid takes its room', async () => {
    await page.selectOption('[data-testid=scenario-select]', '');
    await page.click('[data-testid=view-members]');
    const before = await box(page, '.ag-root-wrapper');
    expect(await page.locator('.body > .side').isVisible()).toBe(true);
    await page.click('[data-testid=panel-toggle]');
    expect(await page.locator('.body > .side').isVisible()).toBe(false);
    expect((await box(page, '.ag-root-wrapper')).width).toBeGreaterThan(before.width + 200);
    // Remembered for the view, across a reload.
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"]');
    expect(await page.locator('.body > .side').isVisible()).toBe(false);
    await page.click('[data-testid=panel-toggle]');
    expect(await page.locator('.body > .side').isVisible()).toBe(true);
  });
});

describe('the toolbar keeps the edit commands in its row at 1280 and 1400', () => {
  for (const width of [1280, 1400])
    it(`at ${width}: Add member is in the row (Remove member too at 1400); Export is one button whose list opens and closes`, async () => {
      const app = await openApp({ width, height: 800, dir: process.env.E2E_RENDERER });
      try {
        const { page } = app;
        expect(await page.locator('[data-testid=add-member]').isVisible()).toBe(true);
        // Remove member (as wide as Add member and Import) has the room at 1400.
        if (width >= 1400) expect(await page.locator('[data-testid=remove-member]').isVisible()).toBe(true);
        expect((await rowSpread(page)).spread).toBeLessThan(3);
        // Export's formats are under its button: shown when it opens (↓ on it, the focus on the first), gone on Escape.
        expect(await page.locator('[data-testid=export-csv]').isVisible()).toBe(false);
        if (await page.locator('[data-testid=export-open]').isVisible()) {
          await page.focus('[data-testid=export-open]');
          await page.keyboard.press('ArrowDown');
          expect(await page.getAttribute('[data-testid=export-open]', 'aria-expanded')).toBe('true');
          expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('export-csv');
          await page.keyboard.press('ArrowDown');
          expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('export-xlsx');
          await page.keyboard.press('Escape');
          expect(await page.locator('[data-testid=export-csv]').isVisible()).toBe(false);
          expect(await page.evaluate('document.activeElement.dataset.testid')).toBe('export-open');
        }
        // Through the ⋯ menu too, when it is put away there: the list opens in the menu and a format exports.
        const [download] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'export-csv')]);
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        expect(await page.locator('[data-testid=export-csv]').isVisible()).toBe(false);
      } finally {
        await app.close();
      }
    }, 180_000);
});

describe('issue 14 layouts in Arabic at 1280×800', () => {
  it('the toolbar is one row and the code column is pinned at the right, where an Arabic line starts', async () => {
    const app = await openApp({ width: 1280, height: 800, query: '?lang=ar', dir: process.env.E2E_RENDERER });
    try {
      const { page } = app;
      expect((await rowSpread(page)).spread).toBeLessThan(3);
      const code = await box(page, '.ag-header-cell[col-id="code"]');
      const amount = await box(page, '.ag-header-cell[col-id="amount"]');
      expect(code.x).toBeGreaterThan(amount.x);
      expect(code.x + code.width).toBeLessThanOrEqual(1280);
      expect(amount.x).toBeGreaterThanOrEqual(0);
    } finally {
      await app.close();
    }
  }, 180_000);
});

describe('issue 14 layouts at 1920×1080', () => {
  it('the grid is wider than at 1280, with no band left empty beside the comparison', async () => {
    const narrow = await openApp({ width: 1280, height: 800, dir: process.env.E2E_RENDERER });
    const at1280 = (await box(narrow.page, '.ag-root-wrapper')).width;
    await narrow.close();
    const app = await openApp({ width: 1920, height: 1080, dir: process.env.E2E_RENDERER });
    try {
      const { page } = app;
      expect((await box(page, '.ag-root-wrapper')).width).toBeGreaterThan(at1280 + 500);
      // The comparison's columns fill its grid: the last header cell ends at the grid's end.
      await page.click('[data-testid=scenario-new]');
      await page.click('[data-testid=view-compare]');
      await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
      const grid = await box(page, '[data-testid=comparison-grid] .ag-root-wrapper');
      const last = await box(page, '[data-testid=comparison-grid] .ag-header-cell[col-id$=":percentChange"]');
      expect(grid.x + grid.width - (last.x + last.width)).toBeLessThan(40);
      // The toolbar is one row here too.
      expect((await rowSpread(page)).spread).toBeLessThan(3);
    } finally {
      await app.close();
    }
  }, 180_000);
});
