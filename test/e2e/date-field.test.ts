import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { VotingStatusBook } from '../../shared/engine';
import { parseWorkbook } from '../../shared/model/validate';
import { openApp, type OpenApp } from './harness';

// R25 one date field for the whole app: the user's format (ISO in English, 31.12.2026 in German, 31/12/2026 in
// French), ISO always, refused at the field with a message next to it when it cannot be read one way only or its
// year is outside 1900–2200. No native date input (mm/dd/yyyy) anywhere. Screenshots of both go to docs/.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const noVote = (date: string) => String(new VotingStatusBook(example).organizationReport(date).counts['no vote']);

let app: OpenApp | undefined;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();

async function open(o: { query?: string; locale?: string } = {}) {
  await app?.close();
  app = await openApp({ width: 1440, height: 900, dir: process.env.E2E_RENDERER, ...o });
  page = app.page;
}

/** The ledger's top: the "As of" field (and a refusal under it), the figures computed for the date taken. */
async function shot(path: string) {
  mkdirSync('docs', { recursive: true });
  const box = (await page.locator('.ledger').boundingBox())!;
  await page.screenshot({ path, clip: { x: box.x, y: box.y, width: Math.min(box.width, 1100), height: 120 } });
}

async function type(testId: string, value: string) {
  await page.fill(`[data-testid=${testId}]`, value);
  await page.press(`[data-testid=${testId}]`, 'Enter');
}

afterAll(async () => {
  await app?.close();
});

describe('the date field (R25)', () => {
  it('R25: no native date input anywhere: the browser’s mm/dd/yyyy picker is never shown', async () => {
    await open();
    for (const key of ['Alt+1', 'Alt+2', 'Alt+3', 'Alt+4', 'Alt+5']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(100);
      expect(await page.locator('input[type=date]').count(), key).toBe(0);
    }
    await page.keyboard.press('Alt+1');
  });

  it('R25: in English “As of” is ISO; 31122026 is refused next to the field (never the year 2202), 03/04/2026 names both readings', async () => {
    await page.keyboard.press('Alt+3');
    await type('as-of', '2026-06-30');
    await expect.poll(() => text('[data-testid=count-no-vote]')).toBe(noVote('2026-06-30'));
    expect(await page.getAttribute('[data-testid=as-of]', 'placeholder')).toBe('YYYY-MM-DD');

    await type('as-of', '31122026');
    await expect
      .poll(() => text('[data-testid=as-of-error]'))
      .toBe('“31122026” is not a date: type it as YYYY-MM-DD, such as 2026-12-31');
    expect(await page.getAttribute('[data-testid=as-of]', 'aria-invalid')).toBe('true');
    expect(await text('[data-testid=status-counts]')).toContain('on 2026-06-30'); // still computed for the date taken
    expect(await text('[data-testid=count-no-vote]')).toBe(noVote('2026-06-30'));
    await shot('docs/date-field-en.png');

    // Escape goes back to the date taken.
    await page.press('[data-testid=as-of]', 'Escape');
    expect(await page.inputValue('[data-testid=as-of]')).toBe('2026-06-30');
    expect(await page.locator('[data-testid=as-of-error]').count()).toBe(0);

    await type('as-of', '03/04/2026');
    await expect
      .poll(() => text('[data-testid=as-of-error]'))
      .toBe(
        '“03/04/2026” can be read as 3 April 2026 or 4 March 2026: type it as YYYY-MM-DD (2026-04-03 or 2026-03-04)',
      );
    await type('as-of', '2202-12-31');
    await expect
      .poll(() => text('[data-testid=as-of-error]'))
      .toBe('The year 2202 is outside 1900–2200: check the date');
    await type('as-of', '12/31/2026'); // one reading only
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toBe('2026-12-31');
    await expect.poll(() => text('[data-testid=count-no-vote]')).toBe(noVote('2026-12-31'));
    expect(await page.locator('[data-testid=as-of-error]').count()).toBe(0);
  });

  it('R25: a form refuses an unreadable date at the field and records nothing (a voting decision)', async () => {
    const before = await page.locator('[data-testid=voting-decisions] li').count();
    await page.fill('[data-testid=vd-member]', 'AL');
    await page.fill('[data-testid=vd-body]', 'Assembly');
    await page.fill('[data-testid=vd-reference]', 'A/1');
    await page.fill('[data-testid=vd-date]', '31122026');
    await page.click('[data-testid=vd-submit]');
    await expect.poll(() => text('[data-testid=vd-date-error]')).toMatch(/^“31122026” is not a date/);
    expect(await page.locator('[data-testid=voting-decisions] li').count()).toBe(before);
  });

  it('R25: with ?locale=de every date shows and is typed 31.12.2026; 31122026 reads as 31.12.2026, a year 2202 is refused', async () => {
    await open({ query: '?locale=de' });
    await page.keyboard.press('Alt+3');
    await type('as-of', '30.06.2026');
    await expect.poll(() => text('[data-testid=status-counts]')).toContain('on 30.06.2026');
    expect(await text('[data-testid=count-no-vote]')).toBe(noVote('2026-06-30'));
    expect(await page.getAttribute('[data-testid=as-of]', 'placeholder')).toBe('DD.MM.YYYY');
    // The shortcut buttons set the date; the field shows it in German.
    await page.click('[data-testid=eve-january]');
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toBe('31.12.2026');

    await type('as-of', '30.06.2026');
    await type('as-of', '31122026');
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toBe('31.12.2026');
    await expect.poll(() => text('[data-testid=count-no-vote]')).toBe(noVote('2026-12-31'));
    await type('as-of', '2026-06-30'); // ISO is read in every locale
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toBe('30.06.2026');

    // The screenshot: the date taken, shown in German, beside the figures computed for it.
    await shot('docs/date-field-de.png');

    await type('as-of', '31.12.2202');
    await expect
      .poll(() => text('[data-testid=as-of-error]'))
      .toBe('The year 2202 is outside 1900–2200: check the date');
    expect(await text('[data-testid=count-no-vote]')).toBe(noVote('2026-06-30'));
    await page.press('[data-testid=as-of]', 'Escape');

    // The payments grid shows its dates in German and reads 1.6.2026 in the new row (recorded in ISO).
    await page.keyboard.press('Alt+2');
    const first = example.payments[0];
    const [y, m, d] = first.date.split('-');
    await expect
      .poll(() => text(`[data-testid=payments-grid] .ag-row[row-id="${first.id}"] .ag-cell[col-id="date"]`))
      .toBe(`${d}.${m}.${y}`);
    const newCell = (col: string) =>
      `[data-testid=payments-grid] .ag-row-pinned[row-id="new-payment"] .ag-cell[col-id="${col}"]`;
    expect(await text(newCell('date'))).toBe('DD.MM.YYYY');
    await page.click(newCell('date'));
    await page.keyboard.type('1.6.2026');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(newCell('date'))).toBe('01.06.2026');
    await page.dblclick(newCell('date'));
    await page.keyboard.press('Control+a');
    await page.keyboard.type('31.06.2026');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => text('[data-testid=payments-grid] [data-testid=cell-error]'))
      .toBe('“31.06.2026” is not a date: type it as DD.MM.YYYY, such as 31.12.2026');
    expect(await text(newCell('date'))).toBe('01.06.2026');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
  });

  it('R25: the browser’s language is the default (fr: 31/12/2026); the settings choice is kept in this browser', async () => {
    await open({ locale: 'fr-FR' });
    await page.keyboard.press('Alt+3');
    await type('as-of', '31/12/2026');
    await expect.poll(() => text('[data-testid=status-counts]')).toContain('31/12/2026');
    await page.keyboard.press('Alt+1');
    await page.click('[data-testid=workbook-settings] summary');
    expect(await page.inputValue('[data-testid=locale-select]')).toBe('fr');
    await page.selectOption('[data-testid=locale-select]', 'de');
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    await page.keyboard.press('Alt+1');
    await page.click('[data-testid=workbook-settings] summary');
    await page.selectOption('[data-testid=locale-select]', 'en');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => page.inputValue('[data-testid=as-of]')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
