import type { ColDef, GetQuickFilterTextParams } from 'ag-grid-community';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIND_OPTIONS, findShown } from '../../renderer/src/grid/find';
import { classLabel, LETTERED_SCHEME } from '../../shared/i18n/classes';
import { translator } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';
import { formatAmount, NUMBER_STYLES } from '../../shared/i18n/numbers';

// Issue 11: the members grid's find reads each cell as it is shown in the user's language (ألف for class A in
// Arabic, 1 234,50 for an amount in French), as well as the value it holds.

interface Row {
  code: string;
  class: string;
  amount: string;
}

/** The row's text as AG Grid's quick filter builds it: each column's quick-filter text or value, upper-cased. */
function rowText(cols: ColDef<Row>[], data: Row): string {
  return cols
    .map((c) => {
      const value = data[c.field as keyof Row];
      const text = c.getQuickFilterText
        ? c.getQuickFilterText({ value, data, colDef: c } as GetQuickFilterTextParams<Row>)
        : value;
      return String(text).toUpperCase();
    })
    .join('\n');
}

const found = (cols: ColDef<Row>[], data: Row, query: string) =>
  FIND_OPTIONS.quickFilterMatcher(FIND_OPTIONS.quickFilterParser(query), rowText(cols, data));

function columns(lang: string, number: Parameters<typeof formatAmount>[1]): ColDef<Row>[] {
  const t = translator(lang);
  return [
    { field: 'code' },
    { field: 'class', valueFormatter: (p) => classLabel(LETTERED_SCHEME, String(p.value), t) },
    { field: 'amount', valueFormatter: (p) => formatAmount(String(p.value), number) },
  ];
}

describe('find reads the text shown (issue 11)', () => {
  const row: Row = { code: 'DZ', class: 'A', amount: '666666.67' };

  it('ألف finds a class A member in Arabic, الف (without hamza) too; باء does not', () => {
    const ar = columns('ar', { locale: 'ar', style: 'locale' });
    // The grid's own text (the value only) does not hold the Arabic letter: the test fails without findShown.
    expect(found(ar, row, 'ألف')).toBe(false);
    expect(found(findShown(ar), row, 'ألف')).toBe(true);
    expect(found(findShown(ar), row, 'الف')).toBe(true);
    expect(found(findShown(ar), row, 'باء')).toBe(false);
    // The stored code and the plain amount are still found.
    expect(found(findShown(ar), row, 'dz 666666.67')).toBe(true);
  });

  it('an amount is found as French writes it (1 234,50 with its narrow space)', () => {
    const fr = findShown(columns('fr', { locale: 'fr', style: 'locale' }));
    const shown = formatAmount('666666.67', { locale: 'fr', style: 'locale' });
    expect(shown).not.toBe('666666.67');
    expect(found(fr, row, shown)).toBe(true);
    expect(found(fr, row, '666,67')).toBe(true);
  });

  it('a column with its own quick-filter text or no formatter is left as it is', () => {
    const own: ColDef<Row> = { field: 'class', valueFormatter: () => 'x', getQuickFilterText: () => 'y' };
    const plain: ColDef<Row> = { field: 'code' };
    expect(findShown([own, plain])).toEqual([own, plain]);
  });

  it('every cell is found by the text it shows, in every language and number format (property)', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 4 }))
      .map(([n, places]) => {
        const s = (n < 0n ? -n : n).toString().padStart(places + 1, '0');
        const body = places ? `${s.slice(0, -places)}.${s.slice(-places)}` : s;
        return n < 0n ? `-${body}` : body;
      });
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGS),
        fc.constantFrom(...NUMBER_STYLES),
        fc.boolean(),
        fc.constantFrom('A', 'B', 'C'),
        amount,
        (lang, style, nativeDigits, cls, plain) => {
          const number = { locale: lang, style, nativeDigits };
          const cols = findShown(columns(lang, number));
          const data = { code: 'QQ', class: cls, amount: plain };
          const t = translator(lang);
          expect(found(cols, data, classLabel(LETTERED_SCHEME, cls, t))).toBe(true);
          expect(found(cols, data, formatAmount(plain, number))).toBe(true);
          expect(found(cols, data, plain)).toBe(true);
        },
      ),
    );
  });
});
