import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '../../shared/edit/input';
import { say } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';
import { formatAmount, NUMBER_STYLES, type NumberFormatChoice } from '../../shared/i18n/numbers';
import { Decimal } from '../../shared/model/decimal';

// R3/R25 amounts typed in the user's number format (issue 11): read exactly through shared/i18n/numbers, and what
// can be read two ways is refused at the field naming both readings, in the user's language.

const FR: NumberFormatChoice = { locale: 'fr', style: 'locale' };
const total = { places: 2, what: 'The total' };
const refused = (p: ReturnType<typeof parseAmountInput>) => (p.ok ? `accepted ${p.value}` : p.message);

describe('amount input in the user’s number format', () => {
  it('R25: French amounts, grouped with spaces and a decimal comma, are read exactly; =+ adjusts in the same form', () => {
    expect(parseAmountInput('1 234,5', undefined, { what: 'The amount' }, FR)).toEqual({ ok: true, value: '1234.5' });
    expect(parseAmountInput('1\u202f500\u202f000,00', '1.00', total, FR)).toEqual({ ok: true, value: '1500000' });
    expect(parseAmountInput('=+1 000,5', '3310000', { what: 'The total' }, FR)).toEqual({
      ok: true,
      value: '3311000.5',
    });
    expect(
      parseAmountInput("1'234.50", undefined, { what: 'The amount' }, { locale: 'fr', style: 'apos-dot' }),
    ).toEqual({ ok: true, value: '1234.5' });
  });

  it('R25: 1.234 in French could be 1,234 or 1 234: refused naming both, never guessed; the message is data too', () => {
    const p = parseAmountInput('1.234', undefined, { what: 'The amount' }, FR);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.message).toBe(
      '“1.234” can be read as 1,234 or 1\u202f234: type it as your number format writes it, such as 1\u202f234,5',
    );
    expect(p.msg?.id).toBe('app.input.ambiguous');
    expect(say(p.msg!, 'fr')).toBe(
      '« 1.234 » peut se lire 1,234 ou 1\u202f234 : tapez-le comme l’écrit votre format de nombres, par exemple 1\u202f234,5',
    );
    // Without a format the behaviour is as before: the plain reading, 1.234.
    expect(parseAmountInput('1.234', undefined, { what: 'The amount' })).toEqual({ ok: true, value: '1.234' });
  });

  it('R3: the refusals keep their rules in every format, figures written as the user reads them', () => {
    expect(refused(parseAmountInput('-5', '1500000.00', total, FR))).toBe(
      'The total cannot be negative. To lower it by 5, type =-5 (it becomes 1\u202f499\u202f995,00)',
    );
    expect(refused(parseAmountInput('abc', '1', total, FR))).toBe(
      '“abc” is not an amount: type digits such as 1\u202f500\u202f000,00, or =+500 / =-500 to adjust the figure shown',
    );
    expect(refused(parseAmountInput('1 234,567', '1', total, FR))).toBe(
      'The total must be a whole number of the rounding unit (2 decimals at most)',
    );
    // The English reading of a choice in English is the one the app had: 1,234.50.
    expect(parseAmountInput('1,234.50', undefined, total, { locale: 'en', style: 'locale' })).toEqual({
      ok: true,
      value: '1234.5',
    });
  });

  it('R25: any positive amount written in any language and format reads back to the same exact decimal', () => {
    const choices: NumberFormatChoice[] = LANGS.flatMap((locale) =>
      NUMBER_STYLES.flatMap((style) => [false, true].map((nativeDigits) => ({ locale, style, nativeDigits }))),
    );
    const positive = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 18n }), fc.integer({ min: 0, max: 4 }))
      .map(([n, places]) =>
        places === 0 ? n.toString() : new Decimal(n.toString()).div(new Decimal(10).pow(places)).toFixed(places),
      );
    fc.assert(
      fc.property(positive, fc.constantFrom(...choices), (d, c) => {
        const p = parseAmountInput(formatAmount(d, c), undefined, { what: 'The amount' }, c);
        expect(p).toEqual({ ok: true, value: new Decimal(d).toFixed() });
      }),
      { numRuns: 2000 },
    );
  });
});
