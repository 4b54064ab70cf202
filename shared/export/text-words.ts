import { formatDate, ISO_DATES, type DateFormat } from '../edit/input';
import { translator, type MessageValues } from '../i18n/intl';
import type { Lang } from '../i18n/languages';
import { formatAmount } from '../i18n/numbers';
import { groupThousands } from '../model/decimal';

// The CLI's text tables in a language (issue 11): words from the catalog, amounts and dates as the language writes
// them. English writes amounts 1,234.50 and dates as ISO, as these tables always have (scripts read them).

/**
 * R25 how each language writes a day: the CLI's tables, and the app's locale list for the language alone (one list of
 * facts: renderer/src/locale-list.ts reads it). Digits are 0–9 here; the app adds the native ones where chosen.
 */
export const DATE_FORMATS: Record<Lang, DateFormat> = {
  en: ISO_DATES,
  fr: { order: 'dmy', separator: '/' },
  es: { order: 'dmy', separator: '/' },
  ru: { order: 'dmy', separator: '.' },
  ar: { order: 'dmy', separator: '/' },
  zh: ISO_DATES,
  kk: { order: 'dmy', separator: '.' },
  // Gregorian, year first as Persian writes dates (2026/12/31); never the Solar Hijri calendar: treaty dates are Gregorian.
  fa: { order: 'ymd', separator: '/' },
};

export interface TextWords {
  lang: Lang;
  /** A catalog message by its full id, in the language. */
  t(id: string, values?: MessageValues): string;
  /** An exact decimal string for people ('' for none): 1,234.50 in English, 1 234,50 in French. */
  amount(plain: string | null | undefined): string;
  /** An ISO day for people ('' for none): 2026-12-31 in English, 31/12/2026 in French. */
  date(iso: string | null | undefined): string;
  /** An ISO day in words: 28 February 2026, 28 février 2026, 2026年2月28日 (Gregorian, Latin digits). */
  longDate(iso: string): string;
}

const made = new Map<Lang, TextWords>();

export function textWords(lang: Lang = 'en'): TextWords {
  let w = made.get(lang);
  if (!w) {
    const tr = translator(lang);
    const dates = DATE_FORMATS[lang];
    const long = new Intl.DateTimeFormat(`${lang === 'en' ? 'en-GB' : lang}-u-ca-gregory-nu-latn`, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    w = {
      lang,
      t: (id, values) => tr(id, values),
      amount: (plain) =>
        plain == null || plain === ''
          ? ''
          : lang === 'en'
            ? groupThousands(plain)
            : formatAmount(plain, { locale: lang, style: 'locale' }),
      date: (iso) => (iso == null ? '' : formatDate(iso, dates)),
      longDate: (iso) => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
        return m ? long.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))) : iso;
      },
    };
    made.set(lang, w);
  }
  return w;
}
