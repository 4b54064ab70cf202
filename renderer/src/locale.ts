import { useSyncExternalStore } from 'react';
import { ISO_DATES, parseDateInput, type DateFormat, type Parsed } from '../../shared/edit/input';
import { directionOf, PSEUDO } from '../../shared/i18n/languages';
import { NUMBER_STYLES, type NumberFormatChoice, type NumberStyle } from '../../shared/i18n/numbers';

// The user's language and formats (issue 11; R25: dates shown and typed as the locale writes them; files keep ISO).
// Chosen by, first to last: ?lang=ar or ?locale=de in the address (tests, links), the choice saved in this browser
// (remembered per user, never in the workbook), the system's language where it is one of these, else English.
// The locale's id picks the catalog (fr-CH reads French) and the number convention; a user may pick another
// number format (1'234.50 in French) and Arabic-Indic digits.

export interface LocaleFormat {
  /** A BCP 47 tag: en, de, fr-CH… (en-XA: the pseudo-locale of the tests). */
  id: string;
  /** In its own language, for the settings list. */
  name: string;
  date: DateFormat;
  dir: 'ltr' | 'rtl';
  number: NumberFormatChoice;
}

import { dateFormatOf, ENTRIES, type LocaleEntry } from './locale-list';
import { loadLanguageFont } from './fonts';

const PSEUDO_ENTRY: LocaleEntry = { id: PSEUDO, name: 'Pseudo', date: ISO_DATES };

const STORAGE_KEY = 'contribution-calculator.locale';
const NUMBERS_KEY = 'contribution-calculator.numbers';

interface NumberPreference {
  style: NumberStyle;
  nativeDigits: boolean;
}

function complete(e: LocaleEntry, n: NumberPreference | undefined): LocaleFormat {
  const { style, nativeDigits } = n ?? { style: 'locale' as const, nativeDigits: false };
  return {
    ...e,
    date: dateFormatOf(e, nativeDigits),
    dir: directionOf(e.id),
    number: { locale: e.id === PSEUDO ? 'en' : e.id, style, nativeDigits },
  };
}

export const LOCALES: readonly LocaleFormat[] = ENTRIES.map((e) => complete(e, undefined));
export const DEFAULT_LOCALE = LOCALES[0];

function findEntry(tag: string | null | undefined): LocaleEntry | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace('_', '-').toLowerCase();
  if (t === PSEUDO.toLowerCase()) return PSEUDO_ENTRY;
  return ENTRIES.find((l) => l.id.toLowerCase() === t) ?? ENTRIES.find((l) => l.id.toLowerCase() === t.split('-')[0]);
}

/** The locale for a tag: itself (fr-CH), else its language (fr-BE → fr), else undefined. */
export function findLocale(tag: string | null | undefined): LocaleFormat | undefined {
  const e = findEntry(tag);
  return e && complete(e, numbers());
}

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage refused (a locked-down browser): the default stays
  }
}

/** The number format the user chose, or undefined: the language's own (complete). */
function numbers(): NumberPreference | undefined {
  try {
    const v = JSON.parse(stored(NUMBERS_KEY) ?? 'null') as Partial<NumberPreference> | null;
    if (v && NUMBER_STYLES.includes(v.style as NumberStyle))
      return { style: v.style as NumberStyle, nativeDigits: v.nativeDigits === true };
  } catch {
    // a damaged preference: the default
  }
  return undefined;
}

function initial(): LocaleFormat {
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  const q = new URLSearchParams(window.location.search);
  return (
    findLocale(q.get('lang')) ??
    findLocale(q.get('locale')) ??
    findLocale(stored(STORAGE_KEY)) ??
    findLocale(navigator.language) ??
    DEFAULT_LOCALE
  );
}

let current: LocaleFormat | null = null;
const listeners = new Set<() => void>();

export function getLocale(): LocaleFormat {
  current ??= initial();
  return current;
}

let asked = 0;

/**
 * The user's choice in the settings: kept in this browser, shown everywhere once the face its script needs is loaded
 * (fonts.ts: Arabic, Chinese), so the view is never drawn in the fallback and a PDF made right after embeds it.
 */
export function setLocale(id: string): Promise<void> {
  const l = findLocale(id);
  if (!l) return Promise.resolve();
  keep(STORAGE_KEY, l.id);
  const mine = ++asked;
  return loadLanguageFont(l.id).then(() => {
    if (mine !== asked) return; // a later choice was made while this one's face loaded: that one stands
    current = l;
    for (const f of listeners) f();
  });
}

/** The number format the user picked ('locale': the language's own), and Arabic-Indic digits. */
export function setNumberFormat(style: NumberStyle, nativeDigits: boolean): void {
  keep(NUMBERS_KEY, JSON.stringify({ style, nativeDigits }));
  current = complete(getLocale(), { style, nativeDigits });
  for (const f of listeners) f();
}

function keep(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // not kept: it still applies until the window closes
  }
}

const subscribe = (f: () => void) => {
  listeners.add(f);
  return () => listeners.delete(f);
};

export function useLocale(): LocaleFormat {
  return useSyncExternalStore(subscribe, getLocale, getLocale);
}

/** A date typed in a form, read at submit: ISO, or empty where the date may be left out. */
export function readDateText(text: string, f: DateFormat, optional: boolean): Parsed {
  return optional && text.trim() === '' ? { ok: true, value: '' } : parseDateInput(text, f);
}
