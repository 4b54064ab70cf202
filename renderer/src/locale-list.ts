import type { DateFormat } from '../../shared/edit/input';
import { DATE_FORMATS as LANGUAGE } from '../../shared/export/text-words';

// The locales of the settings list: data only (no DOM), so Node tests read the same list the app shows.

export interface LocaleEntry {
  /** A BCP 47 tag: en, de, fr-CH… */
  id: string;
  /** In its own language, for the settings list. */
  name: string;
  date: DateFormat;
}

// A language alone writes days as the CLI's tables do (one list: shared/export/text-words.ts); the regional
// variants and German, which the app's catalogs do not speak, have their own here.
const DAY_DOT: DateFormat = { order: 'dmy', separator: '.' };

export const ENTRIES: readonly LocaleEntry[] = [
  { id: 'en', name: 'English', date: LANGUAGE.en },
  { id: 'fr', name: 'Français', date: LANGUAGE.fr },
  { id: 'fr-CH', name: 'Français (Suisse)', date: DAY_DOT },
  { id: 'es', name: 'Español', date: LANGUAGE.es },
  { id: 'ru', name: 'Русский', date: LANGUAGE.ru },
  { id: 'ar', name: 'العربية', date: LANGUAGE.ar },
  { id: 'zh', name: '中文', date: LANGUAGE.zh },
  { id: 'kk', name: 'Қазақ тілі', date: LANGUAGE.kk },
  { id: 'fa', name: 'فارسی', date: LANGUAGE.fa },
  { id: 'de', name: 'Deutsch', date: DAY_DOT },
  { id: 'de-CH', name: 'Deutsch (Schweiz)', date: DAY_DOT },
];

/** Digits of the language's own script, where it has them (as shared/i18n/numbers writes amounts). */
const NATIVE: Record<string, 'arab' | 'arabext'> = { ar: 'arab', fa: 'arabext' };

/**
 * R25 the entry's dates in the digits the user chose for amounts (Arabic-Indic ٣١/١٢/٢٠٢٦, Persian ۲۰۲۶/۱۲/۳۱), always
 * Gregorian. Not by default: the app still writes years, inputs and rates in 0–9 in places, and a page mixing both
 * read worse than one in 0–9 only.
 */
export function dateFormatOf(e: LocaleEntry, nativeDigits: boolean): DateFormat {
  const native = NATIVE[e.id.split('-')[0]];
  return native && nativeDigits ? { ...e.date, digits: native } : e.date;
}
