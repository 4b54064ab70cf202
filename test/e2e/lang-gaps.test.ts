import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { assessBudgetYear, VotingStatusBook } from '../../shared/engine';
import { latin } from '../../shared/i18n/numbers';
import { parseWorkbook } from '../../shared/model/validate';
import { clickToolbar, openApp, type OpenApp } from './harness';

// Issue 11's last gaps in Chromium: the find box reads the classes as Arabic shows them (ألف), a switch to Chinese
// draws nothing before its face is loaded (and a PDF made right after embeds it), Persian dates in Persian digits.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const YEAR = 2026;
const noVote = (date: string) => String(new VotingStatusBook(example).organizationReport(date).counts['no vote']);

let app: OpenApp | undefined;
let page: Page;

async function open(o: { query?: string; budget?: string; year?: number; downloads?: boolean }) {
  await app?.close();
  app = await openApp({ width: 1440, height: 900, ...o });
  page = app.page;
}

/** The members the grid shows (a row is drawn once per pinned side: each code once). */
const rowIds = async () => [
  ...new Set(
    await page.$$eval('[data-testid=members-grid] .ag-row:not(.ag-row-pinned)', (rows) =>
      rows.map((r) => r.getAttribute('row-id')),
    ),
  ),
];

afterAll(async () => {
  await app?.close();
});

describe('the app in every language: the last gaps (issue 11)', () => {
  it('Arabic: typing ألف (or الف) in the find box shows the Convention’s class A members only', async () => {
    const table = assessBudgetYear(example, 'conference', YEAR);
    const classA = table.rows.filter((r) => r.class === 'A').map((r) => r.code);
    expect(classA.length).toBeGreaterThan(0);
    expect(classA.length).toBeLessThan(table.rows.length);
    await open({ query: '?lang=ar', budget: 'conference', year: YEAR });
    await page.fill('[data-testid=find-member]', 'ألف');
    await expect.poll(async () => (await rowIds()).sort()).toEqual([...classA].sort());
    await page.fill('[data-testid=find-member]', 'الف');
    await expect.poll(async () => (await rowIds()).length).toBe(classA.length);
    await page.fill('[data-testid=find-member]', '');
    await expect.poll(async () => (await rowIds()).length).toBeGreaterThan(classA.length);
  });

  it('a switch to Chinese draws its words with the Chinese face already loaded; the PDF right after embeds it', async () => {
    await open({ query: '?lang=en', downloads: true });
    const face = '16px "Noto Sans SC"';
    expect(await page.evaluate(`document.fonts.check('${face}', '会费')`)).toBe(false);
    // Watch the page as it changes: the first moment the view speaks Chinese (the language menu names 中文 from the
    // start, so the Export menu's words are watched), is the face there for those words?
    await page.evaluate(`(() => {
      window.__faceAtFirstChinese = null;
      new MutationObserver((_, o) => {
        if (/[\\u4e00-\\u9fff]/.test(document.querySelector('[data-testid=export-csv]')?.textContent ?? '')) {
          const words = document.querySelector('.export-menu').textContent;
          window.__faceAtFirstChinese = document.fonts.check('${face}', words);
          o.disconnect();
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);
    const select = page.locator('[data-testid=language-select]');
    if (!(await select.isVisible())) await page.click('[data-testid=toolbar-more]');
    await select.selectOption('zh');
    await expect.poll(() => page.evaluate('document.documentElement.lang')).toBe('zh');
    expect(await page.evaluate('window.__faceAtFirstChinese')).toBe(true);
    await clickToolbar(page, 'export-pdf');
    // The print layout (the PDF) holds the Chinese face embedded, whatever the machine has installed.
    const frame = page.locator('iframe[data-testid=print-frame]');
    await expect.poll(() => frame.count()).toBe(1);
    const html = (await frame.getAttribute('srcdoc')) ?? '';
    expect(html).toMatch(/<html lang="zh"/);
    expect(html).toMatch(/@font-face\s*{[^}]*font-family:\s*["']?Noto Sans SC/);
    expect(html).toContain('data:font/woff2;base64,');
    // Only the Chinese face: the Arabic one (whose stylesheet declares no range) is not taken for Chinese characters.
    expect(html).not.toMatch(/@font-face\s*{[^}]*font-family:\s*["']?Noto Sans Arabic/);
  });

  it('Persian: the ledger’s dates year first (Gregorian), in Persian digits where chosen; typed in Persian digits; two readings refused', async () => {
    // Persian digits as the user chose them (the number format's native digits; 0–9 by default).
    await open({ query: '?lang=fa' });
    const asOf0 = page.locator('[data-testid=as-of]');
    await page.keyboard.press('Alt+3');
    await expect.poll(() => asOf0.inputValue()).toMatch(/^\d{4}\/\d{2}\/\d{2}$/);
    await page.evaluate(
      `localStorage.setItem('contribution-calculator.numbers', '{"style":"locale","nativeDigits":true}')`,
    );
    await page.reload();
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.keyboard.press('Alt+3');
    const asOf = page.locator('[data-testid=as-of]');
    await expect.poll(() => asOf.inputValue()).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(await asOf.getAttribute('placeholder')).toBe('سال\u200e/ماه\u200e/روز\u200e');
    await asOf.fill('۲۰۲۶/۰۶/۳۰');
    await asOf.press('Enter');
    await expect
      .poll(async () => latin((await page.locator('[data-testid=count-no-vote]').textContent()) ?? ''))
      .toBe(noVote('2026-06-30'));
    expect(await asOf.inputValue()).toBe('۲۰۲۶/۰۶/۳۰');
    // The grid's dates (loses its vote on…) are written the same way: no Latin digit in a date cell.
    const dates = await page.$$eval('[data-testid=status-grid] .ag-cell[col-id=losesVoteOn]', (cells) =>
      cells.map((c) => c.textContent ?? '').filter((t) => t.trim() !== ''),
    );
    for (const d of dates) expect(d).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    await asOf.fill('۰۳/۰۴/۲۰۲۶');
    await asOf.press('Enter');
    const error = page.locator('[data-testid=as-of-error]');
    await expect.poll(() => error.textContent()).toContain('آوریل');
    expect(await error.textContent()).toContain('مارس');
    mkdirSync('docs/lang', { recursive: true });
    await page.screenshot({ path: 'docs/lang/fa-dates.png', clip: { x: 0, y: 0, width: 1440, height: 420 } });
    await asOf.press('Escape');
  });

  it('the shortcuts (F1) name keys as the language’s keyboards print them (Maj, Entrée in French), from the catalog', async () => {
    const keys = async () => {
      await page.keyboard.press('F1');
      await page.waitForSelector('[data-testid=shortcuts] kbd');
      const list = await page.$$eval('[data-testid=shortcuts] kbd', (k) => k.map((e) => e.textContent ?? ''));
      await page.keyboard.press('Escape');
      return list;
    };
    await open({ query: '?lang=fr' });
    const fr = await keys();
    expect(fr).toEqual(
      expect.arrayContaining(['Entrée', 'Tab, Maj+Tab', 'Ctrl+Maj+Z, Ctrl+Y', 'Suppr, Retour arrière']),
    );
    expect(fr.join(' ')).not.toMatch(/Shift|Enter|Delete|Escape/);
    // The pseudo-locale: no key's name is written around the catalog.
    await open({ query: '?lang=en-XA' });
    const pseudo = (await keys()).map((k) => k.replace(/⟦[^⟦⟧]*⟧/g, ''));
    expect(pseudo.join(' ')).not.toMatch(/\b(Ctrl|Shift|Alt|Enter|Tab|Delete|Backspace|Escape)\b/);
  });
});
