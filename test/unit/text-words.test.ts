import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateInput } from '../../shared/edit/input';
import { alignedText, displayWidth } from '../../shared/export/text-table';
import { DATE_FORMATS, textWords } from '../../shared/export/text-words';
import { LANGS } from '../../shared/i18n/languages';
import { parseAmount } from '../../shared/i18n/numbers';
import { Decimal } from '../../shared/model/decimal';
import { dateFormatOf, ENTRIES } from '../../renderer/src/locale-list';

// Issue 11: the CLI's text tables write figures and days in the language; what they write must read back exactly
// (money is exact, R3) and line up in a terminal whatever the script.

const amount = fc
  .tuple(fc.bigInt({ min: -(10n ** 18n), max: 10n ** 18n }), fc.integer({ min: 0, max: 4 }))
  .map(([n, places]) =>
    places === 0 ? n.toString() : new Decimal(n.toString()).div(new Decimal(10).pow(places)).toFixed(places),
  );
const day = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('figures and days in a table, in every language', () => {
  it('R3: an amount as a table writes it reads back to the same exact decimal', () => {
    fc.assert(
      fc.property(amount, fc.constantFrom(...LANGS), (d, lang) => {
        const read = parseAmount(textWords(lang).amount(d), { locale: lang, style: 'locale' });
        expect(read.ok && new Decimal(read.value).toFixed()).toBe(new Decimal(d).toFixed());
      }),
      { numRuns: 1000 },
    );
  });

  it('R25: a day as a table writes it reads back to the same day in the app’s date field', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...LANGS), (iso, lang) => {
        const f = DATE_FORMATS[lang];
        expect(parseDateInput(textWords(lang).date(iso), f)).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it('English keeps what scripts read: 1,234,567.50 and ISO days; 28 February 2026 in words', () => {
    const w = textWords('en');
    expect(w.amount('-1234567.50')).toBe('-1,234,567.50');
    expect(w.date('2026-02-28')).toBe('2026-02-28');
    expect(w.longDate('2026-02-28')).toBe('28 February 2026');
    expect(textWords('fr').longDate('2026-02-28')).toBe('28 février 2026');
    expect(textWords('fa').longDate('2026-02-28')).toMatch(/2026/); // Gregorian, Latin digits
  });
});

describe('aligned text in a terminal', () => {
  const cell = fc
    .array(fc.constantFrom('a', 'Z', '1', ',', ' ', '中', '国', 'ب', 'ی', '\u064e', 'é', 'Ж'), { maxLength: 8 })
    .map((cs) => cs.join('').trim());
  // A line ending in an empty cell is trimmed (no trailing spaces); every other line is as wide as the rule.
  it('every line ending in a figure is as wide as its rule, whatever the script', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 4 })
          .chain((n) =>
            fc.tuple(
              fc.array(cell, { minLength: n, maxLength: n }),
              fc.array(fc.array(cell, { minLength: n, maxLength: n }), { maxLength: 6 }),
              fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            ),
          ),
        ([head, rows, right]) => {
          right[right.length - 1] = true;
          const lines = alignedText(head, rows, right);
          const width = displayWidth(lines[1]);
          const cells = [head, [], ...rows];
          lines.forEach((l, i) => {
            if (cells[i].at(-1) !== '') expect(displayWidth(l), JSON.stringify(lines)).toBe(width);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('one list of how a language writes days (R25)', () => {
  it('the app’s locale list, for each language alone, writes days as the tables do (0–9 digits)', () => {
    for (const lang of LANGS) {
      const entry = ENTRIES.find((e) => e.id === lang);
      expect(entry, lang).toBeDefined();
      expect(dateFormatOf(entry!, false), lang).toEqual(DATE_FORMATS[lang]);
    }
  });

  it('a table’s day reads back in the app’s date field of its language, native digits or not', () => {
    fc.assert(
      fc.property(day, fc.constantFrom(...LANGS), fc.boolean(), (iso, lang, native) => {
        const app = dateFormatOf(
          ENTRIES.find((e) => e.id === lang)!,
          native,
        );
        expect(parseDateInput(textWords(lang).date(iso), app)).toEqual({ ok: true, value: iso });
      }),
      { numRuns: 1000 },
    );
  });

  it('Persian tables write the year first, as the app does (2026/12/31), not ISO', () => {
    expect(textWords('fa').date('2026-12-31')).toBe('2026/12/31');
    expect(textWords('ar').date('2026-12-31')).toBe('31/12/2026');
  });
});
