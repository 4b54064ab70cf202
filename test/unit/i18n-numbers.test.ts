import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAmount, NUMBER_STYLES, parseAmount, type NumberFormatChoice } from '../../shared/i18n/numbers';
import { LANGS } from '../../shared/i18n/languages';

const choices: NumberFormatChoice[] = [];
for (const locale of [...LANGS, 'de-CH', 'fr-CH'])
  for (const style of NUMBER_STYLES)
    for (const nativeDigits of [false, true]) choices.push({ locale, style, nativeDigits });

const decimal = fc
  .tuple(
    fc.boolean(),
    fc.bigInt({ min: 0n, max: 10n ** 22n }),
    fc.integer({ min: 0, max: 6 }),
    fc.bigInt({ min: 0n, max: 999999n }),
  )
  .map(([neg, int, places, frac]) => {
    const f = places === 0 ? '' : `.${(frac % 10n ** BigInt(places)).toString().padStart(places, '0')}`;
    const s = `${int}${f}`;
    return neg && /[1-9]/.test(s) ? `-${s}` : s;
  });

describe('amounts in every language and format (issue 11)', () => {
  it('the examples the issue names', () => {
    expect(formatAmount('5828', { locale: 'fr', style: 'locale' })).toBe('5\u202f828');
    expect(formatAmount('666666.67', { locale: 'fr', style: 'locale' })).toBe('666\u202f666,67');
    expect(formatAmount('1234.50', { locale: 'en', style: 'dot-comma' })).toBe('1.234,50');
    expect(formatAmount('1234.50', { locale: 'en', style: 'apos-dot' })).toBe("1'234.50");
    expect(formatAmount('1234.50', { locale: 'fa', style: 'locale', nativeDigits: true })).toBe('۱٬۲۳۴٫۵۰');
    expect(formatAmount('1234.50', { locale: 'ar', style: 'locale', nativeDigits: true })).toBe('١٬٢٣٤٫٥٠');
  });

  it('keeps every digit of a long amount (never through a JS number)', () => {
    expect(formatAmount('12345678901234567890.123456789', { locale: 'ru', style: 'locale' })).toBe(
      '12\u00a0345\u00a0678\u00a0901\u00a0234\u00a0567\u00a0890,123456789',
    );
  });

  it('format then parse gives the same exact decimal, in every locale and format', () => {
    fc.assert(
      fc.property(decimal, fc.constantFrom(...choices), (d, c) => {
        const r = parseAmount(formatAmount(d, c), c);
        expect(r).toEqual({ ok: true, value: d });
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses what can be read two ways, naming both readings', () => {
    expect(parseAmount('1.234', { locale: 'fr', style: 'locale' })).toEqual({
      ok: false,
      reason: 'ambiguous',
      readings: ['1.234', '1234'],
    });
    expect(parseAmount('1,234', { locale: 'fr', style: 'comma-dot' })).toEqual({ ok: true, value: '1234' });
    expect(parseAmount('1,5', { locale: 'en', style: 'locale' })).toEqual({ ok: true, value: '1.5' });
    expect(parseAmount('1234.5', { locale: 'fr', style: 'locale' })).toEqual({ ok: true, value: '1234.5' });
    expect(parseAmount('12 34,5', { locale: 'fr', style: 'locale' })).toEqual({ ok: false, reason: 'not-a-number' });
    expect(parseAmount('1,2,3', { locale: 'en', style: 'locale' })).toEqual({ ok: false, reason: 'not-a-number' });
  });

  it('reads spaces of any width as the French group mark', () => {
    for (const t of ['666 666,67', '666\u00a0666,67', '666\u202f666,67'])
      expect(parseAmount(t, { locale: 'fr', style: 'locale' })).toEqual({ ok: true, value: '666666.67' });
  });
});
