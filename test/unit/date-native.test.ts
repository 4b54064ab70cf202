import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, parseDateInput, type DateFormat } from '../../shared/edit';
import { translator } from '../../shared/i18n/intl';
import { dateFormatOf, ENTRIES } from '../../renderer/src/locale-list';

// R25 dates in Persian and Arabic: Gregorian always (the treaties' dates), Persian year first (۲۰۲۶/۱۲/۳۱), in the
// language's own digits where the user has them; typed in those digits or in 0–9, never guessed.

/** A locale's dates as the app makes them, with the digits the user chose (native or 0–9). */
const dates = (id: string, native: boolean) =>
  dateFormatOf(
    ENTRIES.find((e) => e.id === id)!,
    native,
  );
const FA = dates('fa', true);
const AR = dates('ar', false);
const FA_LATIN = dates('fa', false);
const AR_NATIVE = dates('ar', true);
const read = (text: string, f: DateFormat) => {
  const p = parseDateInput(text, f);
  return p.ok ? p.value : `refused: ${p.msg?.id}`;
};

describe('Persian and Arabic dates (R25)', () => {
  it('Persian: year first, in Persian digits where chosen; Arabic: day first, in Arabic-Indic digits where chosen', () => {
    expect(FA).toEqual({ order: 'ymd', separator: '/', digits: 'arabext' });
    expect(FA_LATIN).toEqual({ order: 'ymd', separator: '/' });
    expect(formatDate('2026-12-31', FA)).toBe('۲۰۲۶/۱۲/۳۱');
    expect(formatDate('2026-03-05', FA_LATIN)).toBe('2026/03/05');
    expect(datePattern(FA)).toBe('YYYY/MM/DD');
    expect(formatDate('2026-12-31', AR)).toBe('31/12/2026');
    expect(formatDate('2026-12-31', AR_NATIVE)).toBe('٣١/١٢/٢٠٢٦');
    // As Intl writes the Gregorian date in Persian (not the Solar Hijri ۱۴۰۵/۱۰/۱۰ of plain 'fa').
    const intl = new Intl.DateTimeFormat('fa-IR-u-ca-gregory', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      timeZone: 'UTC',
    });
    expect(formatDate('2026-12-31', FA)).toBe(intl.format(new Date('2026-12-31T00:00:00Z')));
  });

  it('a date inside a Persian message is Gregorian too (ICU {d, date}), never the Solar Hijri calendar', () => {
    const since = new Date('2026-12-31T12:00:00Z');
    const said = translator('fa')('merge.lock.held', { kind: 'user', user: 'x', machine: 'm', since });
    expect(said).toContain('۲۰۲۶');
    expect(said).not.toContain('۱۴۰۵');
  });

  it('reads Persian and Arabic-Indic digits, and ISO, in either locale; bidi marks of pasted text are ignored', () => {
    expect(read('۲۰۲۶/۱۲/۳۱', FA)).toBe('2026-12-31');
    expect(read('2026/12/31', FA)).toBe('2026-12-31');
    expect(read('۲۰۲۶-۱۲-۳۱', FA)).toBe('2026-12-31');
    expect(read('٢٠٢٦/١٢/٣١', FA)).toBe('2026-12-31');
    expect(read('٣١/١٢/٢٠٢٦', AR)).toBe('2026-12-31');
    expect(read('\u200f31\u200f/12\u200f/2026', AR)).toBe('2026-12-31');
    expect(read('۲۰۲۶۱۲۳۱', FA)).toBe('2026-12-31');
  });

  it('refuses what Persian could read two ways (day and month after the year, or before it), naming both', () => {
    // Year last in a year-first locale: ۰۳/۰۴/۲۰۲۶ is 3 April or 4 March.
    const p = parseDateInput('۰۳/۰۴/۲۰۲۶', FA);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.msg?.id).toBe('app.input.dateTwoWays');
    const said = translator('fa')(p.msg!.id, p.msg!.values);
    expect(said).toContain('آوریل');
    expect(said).toContain('مارس');
    expect(said).toContain('۲۰۲۶/۰۴/۰۳');
    expect(said).toContain('۲۰۲۶/۰۳/۰۴');
    // One reading only (13 is no month): taken.
    expect(read('۱۳/۰۴/۲۰۲۶', FA)).toBe('2026-04-13');
    expect(read('۱۴۰۵/۱۰/۱۰', FA)).toBe('refused: app.input.yearOutside');
    expect(read('۳۱/۱۲/۲۶', FA)).toBe('refused: app.input.yearInFull');
  });

  it('format then parse gives the same date, in fa and ar, with either digits (property)', () => {
    const day = fc
      .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const formats = [FA, FA_LATIN, AR, AR_NATIVE, { ...AR, digits: 'arabext' as const }];
    fc.assert(
      fc.property(day, fc.constantFrom(...formats), (iso, f) => {
        const shown = formatDate(iso, f);
        expect(shown).not.toMatch(f.digits ? /[0-9]/ : /[^0-9/.-]/);
        expect(read(shown, f)).toBe(iso);
        // And the other way round: what an Arabic user sees is read by a Persian one (and back).
        expect(read(shown, f === FA || f === FA_LATIN ? FA : AR)).toBe(iso);
      }),
      { numRuns: 500 },
    );
  });
});
