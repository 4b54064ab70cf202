import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../shared/i18n/languages';
import { ENTRIES as LOCALES } from '../../renderer/src/locale-list';
import { openApp, type OpenApp } from './harness';

// Issue 11: the pseudo-locale run. With ?lang=en-XA every message of the catalogs reads ⟦…⟧, so a visible text with
// letters outside ⟦…⟧ that is not the workbook's own data (member codes and names, budget and scenario names, file
// names…) was written without the catalog. Every view is visited (the app's tabs and the tabs inside them); text
// nodes (the whole visible text of their element where it holds other elements too) and the placeholder, title and
// aria-label attributes of visible elements are read. Words Intl writes in the language (month names) are marked
// ⟦…⟧ by the pseudo-locale too (liquidity/words.ts).
//
// test/e2e/pseudo-allow.json lists, per view, the texts not converted yet, so the run passes while views are being
// converted. It may only shrink: a listed text that no longer shows fails the run too (take it off the list).
// UPDATE_PSEUDO_ALLOW=1 writes the list as the app is now (for a first list only: review the diff).

const ALLOW_FILE = 'test/e2e/pseudo-allow.json';
const WORKBOOK = 'examples/example-workbook.json';

/** Every string of the example workbook, and what else is data rather than words: file and language names. */
function dataStrings(): Set<string> {
  // File formats are named alike in every language.
  const out = new Set<string>(['example-workbook.json', 'Contribution Calculator', 'CSV', 'XLSX', 'PDF', 'JSON']);
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(readFileSync(WORKBOOK, 'utf8')));
  for (const l of LANGUAGES) out.add(l.name);
  for (const l of LOCALES) out.add(l.name);
  return out;
}

const SEPARATORS = /[\s.,;:!?()[\]{}"'«»“”‘’/\\|+*=<>–—…·•×#%&@~^_$€£¥-]+/u;
const data = dataStrings();
const dataTokens = new Set([...data].flatMap((s) => s.split(SEPARATORS)).filter((t) => /\p{L}/u.test(t)));

/**
 * A text that did not come through the catalog: letters outside ⟦…⟧ that are not workbook data. A message whose
 * values are elements (<b>, <bdi>) is split over several text nodes: "⟦Paid" and "by AL⟧" are inside it too.
 */
export function bypassesCatalog(text: string): boolean {
  let rest = text;
  for (let prev = ''; prev !== rest;) {
    prev = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  rest = rest
    .replace(/^[^⟦]*⟧/, ' ')
    .replace(/⟦[^⟧]*$/, ' ')
    .trim();
  if (!/\p{L}/u.test(rest) || data.has(rest)) return false;
  return rest.split(SEPARATORS).some((t) => /\p{L}/u.test(t) && !dataTokens.has(t));
}

/** The visible texts of the page: text nodes and placeholder/title/aria-label of visible elements ("title: …"). */
// A string, run in the page (this file is type-checked without the DOM's types).
const VISIBLE_TEXTS = `(() => {
  const out = [];
  const visible = (el) => !!el && el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const own = (n.textContent || '').replace(/\\s+/g, ' ').trim();
    if (!own || !el || el.closest('script, style') || !visible(el.closest('select') || el)) continue;
    // A message with elements inside (<b>, <bdi>) is split over text nodes: its middle parts ("· owed") carry no
    // bracket. The element's whole visible text is read instead: ⟦Established <b>X</b> · owed <b>Y</b>⟧ is one.
    const text = el.childElementCount > 0 && !el.closest('select') ? (el.innerText || '').replace(/\\s+/g, ' ').trim() : own;
    out.push(text || own);
  }
  for (const el of document.body.querySelectorAll('[placeholder], [title], [aria-label]')) {
    if (!visible(el)) continue;
    for (const a of ['placeholder', 'title', 'aria-label']) {
      const v = (el.getAttribute(a) || '').replace(/\\s+/g, ' ').trim();
      if (v) out.push(a + ': ' + v);
    }
  }
  return out;
})()`;

const visibleTexts = (page: Page) => page.evaluate(VISIBLE_TEXTS) as Promise<string[]>;

/** The tabs inside the view shown (the scenario bar's members, comparison, charts) that can be clicked. */
const INNER_TABS = `[...document.querySelectorAll('[role=tab][data-testid^="view-"]')]
  .filter((t) => !t.closest('nav.view-tabs') && !t.disabled && t.checkVisibility())
  .map((t) => t.getAttribute('data-testid'))`;

const bypassing = async (page: Page) =>
  [
    ...new Set(
      (await visibleTexts(page)).filter((t) => bypassesCatalog(t.replace(/^(placeholder|title|aria-label): /, ''))),
    ),
  ].sort();

let app: OpenApp;
const seen: Record<string, string[]> = {};

describe('pseudo-locale: every visible text comes from the catalog (issue 11)', () => {
  beforeAll(async () => {
    app = await openApp({ width: 1280, height: 800, query: '?lang=en-XA' });
    const { page } = app;
    const settle = async () => {
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(700);
    };
    await settle();
    const top = await page.$$eval('nav.view-tabs [role=tab]', (tabs) =>
      tabs.map((t) => t.getAttribute('data-testid')!),
    );
    for (const tab of top) {
      await page.click(`[data-testid=${tab}]`);
      await settle();
      seen[tab] = await bypassing(page);
      // Tabs inside the view (the scenario bar's members, comparison, charts).
      const inner = (await page.evaluate(INNER_TABS)) as string[];
      for (const sub of inner) {
        await page.click(`[data-testid=${sub}]`);
        await settle();
        seen[`${tab}/${sub}`] = await bypassing(page);
      }
      if (inner[0]) await page.click(`[data-testid=${inner[0]}]`);
    }
    if (process.env.UPDATE_PSEUDO_ALLOW) writeFileSync(ALLOW_FILE, `${JSON.stringify(seen, null, 2)}\n`);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('visits the app’s views', () => {
    expect(Object.keys(seen)).toEqual(
      expect.arrayContaining(['view-contributions', 'view-payments', 'view-status', 'view-wcf', 'view-advances']),
    );
  });

  it('each view shows no text outside the catalog but those still listed in pseudo-allow.json, and every listed one still shows', () => {
    const allow: Record<string, string[]> = existsSync(ALLOW_FILE) ? JSON.parse(readFileSync(ALLOW_FILE, 'utf8')) : {};
    const problems: string[] = [];
    // AG Charts writes some accessibility texts itself, whatever locale it is given, and only once a chart has drawn
    // (lazily: present in one run, not yet in another). Known and listed in the note; neither flagged nor required.
    const chartsOwn = (t: string) =>
      /^(aria-label: )?(Legend|Legend Pagination|interactive chart|chart, \d+ series)$|^(Next|Previous) Legend Page$|Press Space or Enter/.test(
        t,
      );
    for (const view of new Set([...Object.keys(seen), ...Object.keys(allow)])) {
      const now = new Set((seen[view] ?? []).filter((t) => !chartsOwn(t)));
      const listed = new Set((allow[view] ?? []).filter((t) => !chartsOwn(t)));
      for (const t of now) if (!listed.has(t)) problems.push(`${view}: not from the catalog: ${JSON.stringify(t)}`);
      for (const t of listed)
        if (!now.has(t)) problems.push(`${view}: converted, take it off pseudo-allow.json: ${JSON.stringify(t)}`);
    }
    expect(problems).toEqual([]);
  });

  it('the checker tells data and ⟦catalog⟧ text from words written around the catalog', () => {
    expect(bypassesCatalog('⟦Total⟧')).toBe(false);
    expect(bypassesCatalog('⟦Paid 5,000 by AL⟧')).toBe(false);
    expect(bypassesCatalog('Paris Union')).toBe(false);
    expect(bypassesCatalog('5,828.00')).toBe(false);
    expect(bypassesCatalog('2026-01-01')).toBe(false);
    expect(bypassesCatalog('Total')).toBe(true);
    expect(bypassesCatalog('⟦Budget⟧ for')).toBe(true);
    expect(bypassesCatalog('⟦⟦Cash⟧, legend item 1 of 3⟧')).toBe(false);
    expect(bypassesCatalog('⟦Organization-wide on 2026-11-27:')).toBe(false);
    expect(bypassesCatalog('members⟧')).toBe(false);
    expect(bypassesCatalog('· owed')).toBe(true);
  });
});
