import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenApp } from './harness';

// Issue 11: the contributions, voting status and scales views in Arabic, Chinese, Russian, French, Kazakh and Persian
// at 1440×900, written to docs/lang/<lang>-<view>.png (read them: cut labels, mirrored icons, boxes). Checked here:
// the page's language and direction, the bundled face of the script loaded (no empty boxes), and no label cut short
// (a button, tab, header or field label whose text is wider than its box).

const LANGS = ['ar', 'zh', 'ru', 'fr', 'kk', 'fa'] as const;
// The Conference budget's contributions (the Convention's classes, ألف/باء/جيم in Arabic); the Special Fund's scale.
const VIEWS = [
  { name: 'contributions', key: 'Alt+1', ready: '[data-testid=members-grid] .ag-row', budget: 'conference' },
  { name: 'status', key: 'Alt+3', ready: '[data-testid=status-grid] .ag-row', budget: undefined },
  { name: 'scales', key: 'Alt+7', ready: '[data-testid=scales]', budget: 'special-fund' },
] as const;
const FACE: Record<string, string> = { ar: 'Noto Sans Arabic', fa: 'Noto Sans Arabic', zh: 'Noto Sans SC' };
const OUT = 'docs/lang';

// A string, run in the page (no DOM types here): visible labels whose text does not fit their box.
const CUT = `[...document.querySelectorAll('nav.view-tabs [role=tab], [role=toolbar] button, .ag-header-cell-text, label > span, h2, h3, .export-menu label')]
  .filter((el) => el.checkVisibility() && el.scrollWidth > el.clientWidth + 1)
  .map((el) => (el.getAttribute('data-testid') || el.className || el.tagName) + ': ' + el.textContent.trim())`;

let app: OpenApp;
const seen: Record<string, { cut: string[]; lang: string; dir: string; face: boolean }> = {};

describe('every language at 1440×900: contributions, status, scales (issue 11)', () => {
  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    app = await openApp({ width: 1440, height: 900, query: '?lang=en' });
    const { page } = app;
    for (const lang of LANGS) {
      await page.goto(`${app.url}?lang=${lang}`);
      await page.waitForSelector('.ag-row[row-index="0"]');
      for (const v of VIEWS) {
        await page.keyboard.press(v.key);
        if (v.budget) await page.selectOption('[data-testid=budget-select]', v.budget);
        await page.waitForSelector(v.ready);
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(500);
        await page.screenshot({ path: `${OUT}/${lang}-${v.name}.png` });
        const [l, dir] = (await page.evaluate(
          '[document.documentElement.lang, document.documentElement.dir]',
        )) as string[];
        const face = FACE[lang]
          ? ((await page.evaluate(
              `document.fonts.check('16px "${FACE[lang]}"', document.body.innerText.slice(0, 2000))`,
            )) as boolean)
          : true;
        seen[`${lang}-${v.name}`] = { cut: (await page.evaluate(CUT)) as string[], lang: l, dir, face };
      }
    }
  }, 600_000);

  afterAll(async () => {
    await app?.close();
  });

  it('each page is in its language and direction, with its script’s face loaded', () => {
    for (const [shot, s] of Object.entries(seen)) {
      const lang = shot.split('-')[0];
      expect([s.lang, s.dir], shot).toEqual([lang, lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr']);
      expect(s.face, shot).toBe(true);
    }
    expect(Object.keys(seen)).toHaveLength(LANGS.length * VIEWS.length);
  });

  it('no label is cut short', () => {
    const cut = Object.entries(seen).flatMap(([shot, s]) => s.cut.map((c) => `${shot}: ${c}`));
    expect(cut).toEqual([]);
  });
});
