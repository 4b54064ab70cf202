import { useSyncExternalStore } from 'react';
import { ISO_DATES, parseDateInput, type DateFormat, type Parsed } from '../../shared/edit/input';

// The user's number and date format (R25: dates shown and typed as the locale writes them; files keep ISO).
// No translations yet: a locale here is only its formats. The languages work adds its catalog beside `date`.
// Chosen by, first to last: ?locale=de in the address (tests), the choice saved in this browser (settings), the
// browser's language where it is one of these, else English with ISO dates.

export interface LocaleFormat {
  /** A BCP 47 tag: en, de, fr-CH… */
  id: string;
  /** In its own language, for the settings list. */
  name: string;
  date: DateFormat;
}

const DAY_DOT: DateFormat = { order: 'dmy', separator: '.' };
const DAY_SLASH: DateFormat = { order: 'dmy', separator: '/' };

export const LOCALES: readonly LocaleFormat[] = [
  { id: 'en', name: 'English', date: ISO_DATES },
  { id: 'de', name: 'Deutsch', date: DAY_DOT },
  { id: 'de-CH', name: 'Deutsch (Schweiz)', date: DAY_DOT },
  { id: 'fr', name: 'Français', date: DAY_SLASH },
  { id: 'fr-CH', name: 'Français (Suisse)', date: DAY_DOT },
  { id: 'es', name: 'Español', date: DAY_SLASH },
  { id: 'ru', name: 'Русский', date: DAY_DOT },
  { id: 'zh', name: '中文', date: ISO_DATES },
];

export const DEFAULT_LOCALE = LOCALES[0];
const STORAGE_KEY = 'contribution-calculator.locale';

/** The locale for a tag: itself (fr-CH), else its language (fr-BE → fr), else undefined. */
export function findLocale(tag: string | null | undefined): LocaleFormat | undefined {
  if (!tag) return undefined;
  const t = tag.trim().toLowerCase();
  return LOCALES.find((l) => l.id.toLowerCase() === t) ?? LOCALES.find((l) => l.id.toLowerCase() === t.split('-')[0]);
}

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage refused (a locked-down browser): the default stays
  }
}

function initial(): LocaleFormat {
  if (typeof window === 'undefined') return DEFAULT_LOCALE;
  return findLocale(new URLSearchParams(window.location.search).get('locale')) ?? findLocale(stored()) ?? findLocale(navigator.language) ?? DEFAULT_LOCALE;
}

let current: LocaleFormat | null = null;
const listeners = new Set<() => void>();

export function getLocale(): LocaleFormat {
  current ??= initial();
  return current;
}

/** The user's choice in the settings: kept in this browser, shown at once everywhere. */
export function setLocale(id: string): void {
  const l = findLocale(id);
  if (!l) return;
  current = l;
  try {
    localStorage.setItem(STORAGE_KEY, l.id);
  } catch {
    // not kept: it still applies until the window closes
  }
  for (const f of listeners) f();
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
