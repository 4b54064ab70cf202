import type { LiquidityProjection, LiquidityWhatIf } from '../../../shared/engine/liquidity';
import { languageOf, PSEUDO } from '../../../shared/i18n/languages';
import type { MessageValues } from '../../../shared/i18n/intl';

// R24 the view's sentences, shared by the view and its export (no React here): every text is a catalog message of
// the area `liquidity`; dates are written by Intl in the language, amounts by the caller's writer (exact).

export type Say = (id: string, values?: MessageValues) => string;

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * "28 February" / "28 février" / "2月28日" of an ISO day: the year is the view's, so it is left out. English is
 * written the British way (day first), as the organizations' documents write it; the Gregorian calendar always
 * (Persian's default is the Solar Hijri calendar), native digits only where the user asked for them.
 */
export function dayInWords(
  iso: string,
  locale: string,
  nativeDigits = false,
  month: 'long' | 'short' = 'long',
): string {
  const lang = languageOf(locale);
  const tag = !lang || lang === 'en' ? 'en-GB' : locale;
  const key = `${tag}|${nativeDigits}|${month}`;
  let f = formats.get(key);
  if (!f) {
    const native = lang === 'fa' ? 'arabext' : lang === 'ar' ? 'arab' : 'latn'; // as shared/i18n/numbers writes amounts
    f = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month,
      timeZone: 'UTC',
      calendar: 'gregory',
      numberingSystem: nativeDigits ? native : 'latn',
    });
    formats.set(key, f);
  }
  const words = f.format(new Date(`${iso}T00:00:00Z`));
  // The month's name is the language's (Intl's), not the catalog's: the pseudo-locale marks it as translated too.
  return locale === PSEUDO ? `⟦${words}⟧` : words;
}

/** The three sentences that answer "when does the fund run dry, and how much must we draw on the host state?". */
export function keyDates(
  p: LiquidityProjection,
  t: Say,
  amount: (plain: string) => string,
  day: (iso: string) => string,
): { wcf: string; advances: string; shortfall: string } {
  return {
    wcf:
      p.firstWcfDraw === null
        ? t('liquidity.dates.wcfNotDrawn')
        : t('liquidity.dates.wcfDrawn', { date: day(p.firstWcfDraw) }),
    advances:
      p.firstAdvance === null
        ? t('liquidity.dates.noAdvance')
        : t('liquidity.dates.advance', { date: day(p.firstAdvance), amount: amount(p.maxAdvances) }),
    shortfall:
      p.firstShortfall === null
        ? t('liquidity.dates.noShortfall')
        : t('liquidity.dates.shortfall', { date: day(p.firstShortfall), amount: amount(p.shortfall) }),
  };
}

/** A what-if in words ("BR pays 3 months late; only 80 % is collected"), or null for the baseline. */
export function whatIfWords(w: LiquidityWhatIf, t: Say, amount: (plain: string) => string): string | null {
  const parts = [
    ...(w.late ?? []).map((l) => t('liquidity.whatIf.describeLate', { member: l.member, months: l.months })),
    ...(w.lateLargest
      ? [t('liquidity.whatIf.describeLargest', { count: w.lateLargest.count, months: w.lateLargest.months })]
      : []),
    ...(w.collect !== undefined ? [t('liquidity.whatIf.describeCollect', { percent: amount(w.collect) })] : []),
  ];
  return parts.length === 0 ? null : parts.join(t('liquidity.whatIf.separator'));
}
