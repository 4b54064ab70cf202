import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from './harness';

// Issue 14 leftovers: Ctrl+V over the payments grid. A block narrower than a payment, on selected cells, changes those
// cells (one undoable step, refused cells listed first); whole payment rows still add payments.

let app: OpenApp;
let page: Page;
const body = (row: number, col: string) =>
  `[data-testid=payments-grid] .ag-row:not(.ag-row-pinned)[row-index="${row}"] .ag-cell[col-id="${col}"]`;
const text = async (sel: string) => ((await page.textContent(sel)) ?? '').trim();
const paste = (tsv: string) =>
  page.evaluate(`{
    const dt = new DataTransfer();
    dt.setData('text/plain', ${JSON.stringify(tsv)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }`);
beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850, dir: process.env.E2E_RENDERER });
  page = app.page;
  await page.click('[data-testid=view-payments]');
  await page.waitForSelector(body(1, 'amount'));
});
afterAll(async () => {
  await app?.close();
});

describe('pasting over the payments grid', () => {
  it('a 2×2 block on a selected range changes those cells in one step; the refused cell is listed first', async () => {
    const [d0, a0, d1, a1] = [
      await text(body(0, 'date')),
      await text(body(0, 'amount')),
      await text(body(1, 'date')),
      await text(body(1, 'amount')),
    ];
    await page.click(body(0, 'date'));
    await page.click(body(1, 'amount'), { modifiers: ['Shift'] });
    await paste(`${d1}\t10.25\n${d0}\tnot an amount`);
    await page.waitForSelector('[data-testid=paste-preview]');
    expect(await text('#paste-preview-title')).toBe(
      'Pasting into cells, not adding payments: 1 cell of 4 cannot be pasted',
    );
    expect(await page.locator('[data-testid=paste-refused]').count()).toBe(1);
    expect(await text('[data-testid=paste-refused]')).toContain('Amount');
    await page.click('[data-testid=paste-apply]');
    await page.waitForSelector('[data-testid=paste-preview]', { state: 'detached' });
    expect(await text(body(0, 'date'))).toBe(d1);
    expect(await text(body(0, 'amount'))).toBe('10.25');
    expect(await text(body(1, 'date'))).toBe(d0);
    expect(await text(body(1, 'amount'))).toBe(a1); // refused: unchanged
    // One step, of cells (no payment added): a single undo puts every cell back.
    expect(await page.getAttribute('[data-testid=undo]', 'title')).toBe('Paste 3 cells');
    await page.click('[data-testid=undo]');
    expect([
      await text(body(0, 'date')),
      await text(body(0, 'amount')),
      await text(body(1, 'date')),
      await text(body(1, 'amount')),
    ]).toEqual([d0, a0, d1, a1]);
  });

  it('a whole payment row pasted on a cell adds a payment', async () => {
    const before = await page.getAttribute('[data-testid=undo]', 'title');
    await page.click(body(0, 'date'));
    await paste(
      ['member', 'date', 'amount', 'currency', 'budget', 'year', 'purpose', 'reference'].join('\t') +
        '\n' +
        ['AL', '2026-03-01', '5', 'CHF', '', '', '', 'pasted row'].join('\t'),
    );
    const after = await page.getAttribute('[data-testid=undo]', 'title');
    expect(after).not.toBe(before);
    expect(after).toBe('Paste: 1 payment');
  });
});
