import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memberCellCommand, pasteBlock, type BlockCell } from '../../shared/edit/paste-block';
import { assessBudgetYear } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, openApp, totalCell, type OpenApp } from './harness';

// Issue 14 item 2, end to end: a range selected with Shift+arrows or the mouse, copied as the grid shows it (TSV),
// pasted elsewhere as one undoable step, a refused cell shown in the preview first, and Ctrl+D filling down.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const table = assessBudgetYear(example, BUDGET, YEAR);
const rows = table.rows;
// Where the copied block goes: three rows whose classes all differ from the first three's, so all 6 cells change.
const target = rows.findIndex(
  (_, t) => t > 3 && t + 2 < 20 && [0, 1, 2].every((i) => rows[t + i].class !== rows[i].class),
);

let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();
const hasClass = (sel: string, c: string) =>
  page
    .locator(sel)
    .first()
    .evaluate((el, c) => el.classList.contains(c), c);
const six = (t: number) =>
  Promise.all([0, 1, 2].flatMap((i) => [text(cell(rows[t + i].code, 'name')), text(cell(rows[t + i].code, 'class'))]));
const sixOf = (t: number, r = rows) => [0, 1, 2].flatMap((i) => [r[t + i].name, r[t + i].class]);

/** The pictures in docs/ are retaken when E2E_DOCS is set (a run of the suite leaves docs/ as it is). */
const shot = async (name: string) => {
  if (process.env.E2E_DOCS) await page.screenshot({ path: `docs/${name}.png` });
};

/** Pastes `tsv` at the focused element, as the browser does on Ctrl+V. */
const paste = (tsv: string) =>
  page.evaluate(`{
    const dt = new DataTransfer();
    dt.setData('text/plain', ${JSON.stringify(tsv)});
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }`);

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850, budget: BUDGET, year: YEAR });
  page = app.page;
  // What Ctrl+C puts on the clipboard, read where the copy event ends (after the app's handler wrote it).
  await page.evaluate(
    `window.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); })`,
  );
  await page.waitForSelector(cell(rows[0].code, 'name'));
});

afterAll(async () => {
  await app?.close();
});

describe('ranges, copy, block paste, fill down', () => {
  it('the grid shows the example in the engine’s order', async () => {
    expect(target).toBeGreaterThan(3);
    const ids = await page.$$eval('.ag-row[row-index]:not(.ag-row-pinned)', (els) =>
      els.map((e) => [Number(e.getAttribute('row-index')), e.getAttribute('row-id')] as const),
    );
    const byIndex = new Map(ids);
    for (let i = 0; i < 6; i++) expect(byIndex.get(i)).toBe(rows[i].code);
  });

  it('Shift+arrows select a 3×2 block, drawn; Ctrl+C copies it as the grid shows it', async () => {
    await page.click(cell(rows[0].code, 'name'));
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    for (let i = 0; i < 3; i++)
      for (const col of ['name', 'class']) expect(await hasClass(cell(rows[i].code, col), 'cell-range')).toBe(true);
    expect(await hasClass(cell(rows[3].code, 'name'), 'cell-range')).toBe(false);
    expect(await hasClass(cell(rows[0].code, 'units'), 'cell-range')).toBe(false);
    expect(await hasClass(cell(rows[0].code, 'name'), 'cell-range-top')).toBe(true);
    expect(await hasClass(cell(rows[2].code, 'class'), 'cell-range-bottom')).toBe(true);
    await shot('range-selection');
    await page.keyboard.press('Control+c');
    const copied = await page.evaluate('window.__copied');
    expect(copied).toBe(
      rows
        .slice(0, 3)
        .map((r) => `${r.name}\t${r.class}\n`)
        .join(''),
    );
  });

  it('the block pastes into another place as one undoable step; Ctrl+Z restores all 6 cells', async () => {
    const copied = (await page.evaluate('window.__copied')) as string;
    const before = await six(target);
    expect(before).toEqual(sixOf(target));
    // The figures the app must show: the same block pasted by the engine in Node.
    const cells: BlockCell[] = [0, 1, 2].flatMap((i) => [
      { row: rows[target + i].code, col: 'name', value: rows[i].name },
      { row: rows[target + i].code, col: 'class', value: rows[i].class! },
    ]);
    const o = pasteBlock(example, { cells, command: memberCellCommand({ budget: BUDGET, year: YEAR }), kind: 'paste' });
    if (!o.ok) throw new Error('paste refused in Node');
    const after = assessBudgetYear(o.workbook, BUDGET, YEAR);
    await page.click(cell(rows[target].code, 'name'));
    await paste(copied);
    await expect.poll(() => six(target)).toEqual(sixOf(0));
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/Paste 6 cells/);
    for (let i = 0; i < 3; i++)
      expect(await text(cell(rows[target + i].code, 'amount'))).toBe(
        groupThousands(after.rows.find((r) => r.code === rows[target + i].code)!.amount),
      );
    expect(await text(totalCell)).toBe(groupThousands(table.total)); // R5 the total stays exact
    // The cells written are selected.
    expect(await hasClass(cell(rows[target + 2].code, 'class'), 'cell-range')).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => six(target)).toEqual(before);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => six(target)).toEqual(sixOf(0));
    await page.keyboard.press('Control+z');
    await expect.poll(() => six(target)).toEqual(before);
  });

  it('a refused cell shows in the preview (which cell, why); Cancel changes nothing, “Paste the others” applies', async () => {
    const r = rows[target + 4];
    await page.click(cell(r.code, 'name'));
    await paste('Atlantis\tZ\n');
    await page.waitForSelector('[data-testid=paste-preview]');
    expect(await text('[data-testid=paste-preview] h2')).toBe('1 cell of 2 cannot be pasted');
    const refused = await text('[data-testid=paste-refused]');
    expect(refused).toContain(`${r.code} · Class`);
    expect(refused).toMatch(/“Z” is not a class/);
    await shot('range-paste-preview');
    await page.click('[data-testid=paste-cancel]');
    await page.waitForSelector('[data-testid=paste-preview]', { state: 'detached' });
    expect(await text(cell(r.code, 'name'))).toBe(r.name);
    await paste('Atlantis\tZ\n');
    await page.click('[data-testid=paste-apply]');
    await expect.poll(() => text(cell(r.code, 'name'))).toBe('Atlantis');
    expect(await text(cell(r.code, 'class'))).toBe(r.class);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(cell(r.code, 'name'))).toBe(r.name);
  });

  it('Ctrl+D fills the first row of the range down, one undoable step', async () => {
    const t = target + 6;
    const first = rows[t];
    const below = [rows[t + 1], rows[t + 2]];
    await page.click(cell(first.code, 'class'));
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    for (const r of below) await expect.poll(() => text(cell(r.code, 'class'))).toBe(first.class);
    await page.keyboard.press('Control+z');
    for (const r of below) await expect.poll(() => text(cell(r.code, 'class'))).toBe(r.class);
  });

  it('R15 in the payments grid, Ctrl+D fills a recorded payment’s reference down, one undoable step', async () => {
    await page.keyboard.press('Alt+2');
    const at = (i: number, col: string) =>
      `[data-testid=payments-grid] .ag-row[row-index="${i}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    await page.waitForSelector(at(1, 'reference'));
    const [first, second] = [await text(at(0, 'reference')), await text(at(1, 'reference'))];
    expect(first).not.toBe(second);
    await page.click(at(0, 'reference'));
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Control+d');
    await expect.poll(() => text(at(1, 'reference'))).toBe(first);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(at(1, 'reference'))).toBe(second);
    await page.keyboard.press('Alt+1');
    await page.waitForSelector(cell(rows[0].code, 'name'));
  });

  it('the mouse selects a range: drag from one cell to another, Shift+click extends it', async () => {
    const a = page.locator(cell(rows[1].code, 'name'));
    const b = page.locator(cell(rows[3].code, 'class'));
    const box = async (l: typeof a) => {
      const r = (await l.boundingBox())!;
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    };
    const p1 = await box(a);
    const p2 = await box(b);
    await page.mouse.move(p1.x, p1.y);
    await page.mouse.down();
    await page.mouse.move(p2.x, p2.y, { steps: 5 });
    await page.mouse.up();
    for (let i = 1; i <= 3; i++)
      for (const col of ['name', 'class']) expect(await hasClass(cell(rows[i].code, col), 'cell-range')).toBe(true);
    expect(await hasClass(cell(rows[4].code, 'name'), 'cell-range')).toBe(false);
    await page.click(cell(rows[5].code, 'class'), { modifiers: ['Shift'] });
    expect(await hasClass(cell(rows[5].code, 'name'), 'cell-range')).toBe(true);
    expect(await hasClass(cell(rows[1].code, 'name'), 'cell-range-top')).toBe(true);
    // A plain arrow starts again from the cell focused.
    await page.keyboard.press('ArrowDown');
    expect(await hasClass(cell(rows[1].code, 'name'), 'cell-range')).toBe(false);
  });
});

describe('ranges in a right-to-left grid (Arabic)', () => {
  let ar: OpenApp;
  afterAll(async () => {
    await ar?.close();
  });

  it('Shift+← extends to the next column (drawn to the left), the edges by logical side; the copy reads in column order', async () => {
    ar = await openApp({ width: 1400, height: 850, budget: BUDGET, year: YEAR, query: '?lang=ar' });
    const p = ar.page;
    const has = (sel: string, c: string) =>
      p
        .locator(sel)
        .first()
        .evaluate((el, c) => el.classList.contains(c), c);
    await p.evaluate(
      `window.addEventListener('copy', (e) => { window.__copied = e.clipboardData.getData('text/plain'); })`,
    );
    await p.click(cell(rows[0].code, 'name'));
    await p.keyboard.press('Shift+ArrowLeft');
    await p.keyboard.press('Shift+ArrowDown');
    const name = (await p.locator(cell(rows[0].code, 'name')).boundingBox())!;
    const cls = (await p.locator(cell(rows[0].code, 'class')).boundingBox())!;
    expect(cls.x).toBeLessThan(name.x); // the next column is on the left
    for (const i of [0, 1])
      for (const col of ['name', 'class']) expect(await has(cell(rows[i].code, col), 'cell-range')).toBe(true);
    expect(await has(cell(rows[0].code, 'name'), 'cell-range-start')).toBe(true);
    expect(await has(cell(rows[0].code, 'class'), 'cell-range-end')).toBe(true);
    // inline-start is the right-hand side in a right-to-left grid
    const side = (code: string, css: string) =>
      p.locator(cell(code, 'name')).evaluate(
        // Runs in the page: its window, typed here by hand (the Node type-check has no DOM).
        (el, css) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(p: string): string } })
            .getComputedStyle(el)
            .getPropertyValue(css),
        css,
      );
    expect(await side(rows[1].code, 'border-right-color')).toBe('rgb(33, 110, 220)');
    expect(await side(rows[1].code, 'border-left-color')).not.toBe('rgb(33, 110, 220)');
    await p.keyboard.press('Control+c');
    expect(await p.evaluate('window.__copied')).toBe(
      rows
        .slice(0, 2)
        .map((r) => `${r.name}\t${r.class}\n`)
        .join(''),
    );
  });
});
