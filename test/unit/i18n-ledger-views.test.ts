import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDITING_ORDERS, VOTING_TESTS } from '../../shared/edit';
import { CATALOGS } from '../../shared/i18n/catalogs';
import { intlFor } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';

// Issue 11 for the budgets, settings, ledger views and charts: every id they ask for is in the English catalog, every
// id of their areas is asked for, every message formats in every language with its selects' and plurals' branches,
// and Arabic and Persian keep article numbers in an isolate (11(5) would read 5(11) right to left).

const FILES = [
  'renderer/src/BudgetManager.tsx',
  'renderer/src/BudgetPanel.tsx',
  'renderer/src/WorkbookSettings.tsx',
  'renderer/src/articles.ts',
  ...readdirSync('renderer/src/ledger')
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join('renderer/src/ledger', f)),
  ...readdirSync('renderer/src/charts')
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join('renderer/src/charts', f)),
];
const AREAS = ['budgets', 'ledger'] as const;
const source = FILES.map((f) => readFileSync(f, 'utf8')).join('\n');
const english = Object.assign({}, ...AREAS.map((a) => CATALOGS.en[a])) as Record<string, string>;
// Ids built at run time: the settings' pickers name their choice by its code.
const dynamic = [
  ...CREDITING_ORDERS.map(([o]) => `budgets.settings.order.${o}`),
  ...VOTING_TESTS.map(([t]) => `budgets.settings.test.${t}`),
];
const asked = new Set([...source.matchAll(/'((?:budgets|ledger)\.[\w.-]+)'/g)].map((m) => m[1]));
// The advance-agreement corrections (shared/edit/advances.ts) name their ids through A('id') = ledger.advances.id.
for (const m of readFileSync('shared/edit/advances.ts', 'utf8').matchAll(/\bA\('([\w.-]+)'/g))
  asked.add(`ledger.advances.${m[1]}`);

/** Values for every argument of a message: plural → a count, select → each option in turn, tag → a function. */
function valuesFor(
  elements: MessageFormatElement[],
  choice: string | null,
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const e of elements) {
    if (e.type === TYPE.argument) out[e.value] ??= `‹${e.value}›`;
    if (e.type === TYPE.plural) {
      out[e.value] = 3;
      for (const o of Object.values(e.options)) valuesFor(o.value, choice, out);
    }
    if (e.type === TYPE.select) {
      out[e.value] = choice !== null && choice in e.options ? choice : 'other';
      for (const o of Object.values(e.options)) valuesFor(o.value, choice, out);
    }
    if (e.type === TYPE.tag) {
      out[e.value] = (chunks: unknown[]) => chunks.join('');
      valuesFor(e.children, choice, out);
    }
  }
  return out;
}

function selectOptions(elements: MessageFormatElement[], out = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.select)
      for (const [k, o] of Object.entries(e.options)) {
        out.add(k);
        selectOptions(o.value, out);
      }
    if (e.type === TYPE.plural) for (const o of Object.values(e.options)) selectOptions(o.value, out);
    if (e.type === TYPE.tag) selectOptions(e.children, out);
  }
  return out;
}

describe('the budgets and ledger views speak from the catalogs (issue 11)', () => {
  it('every id the views ask for is in the English catalog', () => {
    expect([...asked, ...dynamic].filter((id) => !(id in english))).toEqual([]);
  });

  it('every id of the budgets and ledger areas is asked for by a view', () => {
    expect(Object.keys(english).filter((id) => !asked.has(id) && !dynamic.includes(id))).toEqual([]);
  });

  for (const lang of LANGS)
    it(`${lang}: every message formats with each branch of its selects and plurals`, () => {
      const intl = intlFor(lang);
      for (const area of AREAS)
        for (const [id, text] of Object.entries(CATALOGS[lang][area] as Record<string, string>)) {
          const ast = parse(text);
          for (const choice of [null, ...selectOptions(ast)]) {
            const out = intl.formatMessage({ id }, valuesFor(ast, choice) as never) as unknown;
            const words = Array.isArray(out) ? out.join('') : String(out);
            expect(words, `${lang} ${id}`).not.toBe(id);
            expect(words, `${lang} ${id}`).not.toMatch(/[{}]/);
          }
        }
    });

  it('Arabic and Persian isolate article numbers such as 11(4)(a), so they do not reverse right to left', () => {
    for (const lang of ['ar', 'fa'] as const)
      for (const area of AREAS)
        for (const [id, text] of Object.entries(CATALOGS[lang][area] as Record<string, string>)) {
          const bare = text.replace(/\u2066[^\u2069]*\u2069/g, '');
          expect(bare, `${lang} ${id}`).not.toMatch(/\d\(/);
        }
  });

  it('the English wording stays as the end-to-end tests read it', () => {
    const t = (id: string, v?: Record<string, unknown>) => intlFor('en').formatMessage({ id }, v as never) as string;
    expect(t('ledger.payments.count', { count: 1014, n: '1014' })).toBe('1014 payments');
    expect(t('ledger.payments.count', { count: 1, n: '1' })).toBe('1 payment');
    expect(t('ledger.status.value.noVote')).toBe('no vote');
    expect(t('budgets.panel.carriedOver', { year: '2027', source: '2026', method: 'unit-value' })).toBe(
      'Carried over: not adopted before 2027 began, so 2026’s unit value applies.',
    );
    const item = intlFor('en').formatMessage({ id: 'ledger.decisions.item' }, {
      member: 'HT',
      budget: 'all budgets',
      body: 'GA',
      date: '2025-10-09',
      reference: 'd1',
      from: '2025-10-09',
      to: '',
      until: 'open',
      b: (c: unknown[]) => c.join(''),
      bdi: (c: unknown[]) => c.join(''),
    } as never) as unknown;
    expect(Array.isArray(item) ? item.join('') : item).toBe('HT all budgets: GA, 2025-10-09 (d1), 2025-10-09 on');
  });
});
