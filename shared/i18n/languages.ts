// The languages the product speaks (issue 11): the six UN languages, and Kazakh and Persian of the treaty texts.
// `en-XA` is the pseudo-locale of the tests: English wrapped in ⟦…⟧, so text that bypasses the catalog shows up.

export type Lang = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh' | 'kk' | 'fa';
export const PSEUDO = 'en-XA';

export interface Language {
  id: Lang;
  /** In its own language, for the language menu. */
  name: string;
  dir: 'ltr' | 'rtl';
}

export const LANGUAGES: readonly Language[] = [
  { id: 'en', name: 'English', dir: 'ltr' },
  { id: 'fr', name: 'Français', dir: 'ltr' },
  { id: 'es', name: 'Español', dir: 'ltr' },
  { id: 'ru', name: 'Русский', dir: 'ltr' },
  { id: 'ar', name: 'العربية', dir: 'rtl' },
  { id: 'zh', name: '中文', dir: 'ltr' },
  { id: 'kk', name: 'Қазақ тілі', dir: 'ltr' },
  { id: 'fa', name: 'فارسی', dir: 'rtl' },
];

export const LANGS: readonly Lang[] = LANGUAGES.map((l) => l.id);

/** The language of a BCP 47 tag or a POSIX LANG value (fr-CH → fr, ru_RU.UTF-8 → ru, zh-Hans-CN → zh); else undefined. */
export function languageOf(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  const base = tag
    .trim()
    .split(/[-_.@]/)[0]
    .toLowerCase();
  return LANGS.find((l) => l === base);
}

export function directionOf(lang: string): 'ltr' | 'rtl' {
  return LANGUAGES.find((l) => l.id === languageOf(lang))?.dir ?? 'ltr';
}
