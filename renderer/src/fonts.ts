import { CATALOGS, NAMESPACES } from '../../shared/i18n/catalogs';
import { languageOf, type Lang } from '../../shared/i18n/languages';

// Arabic, Persian and Chinese on a machine without such fonts (issue 11): the Noto faces bundled from npm
// (@fontsource, styles.css) are declared font-display: swap, so until they arrive the page would draw the fallback's
// empty boxes. The faces the language's words need are loaded before the first render instead (Chinese: only the
// unicode-range pieces that hold the catalog's characters, about 23 of 101), never longer than `waitMs`.

const FACE: Partial<Record<Lang, string>> = {
  ar: 'Noto Sans Arabic',
  fa: 'Noto Sans Arabic',
  zh: 'Noto Sans SC',
};

/** Every character the language's catalogs write (the pieces of the face to load). */
export function catalogCharacters(lang: Lang): string {
  const seen = new Set<string>();
  for (const ns of NAMESPACES)
    for (const text of Object.values(CATALOGS[lang][ns] as Record<string, string>)) for (const c of text) seen.add(c);
  return [...seen].join('');
}

/** Resolves once the language's bundled face is loaded (at once for a language that needs none), or after waitMs. */
export function loadLanguageFont(locale: string, waitMs = 3000): Promise<void> {
  const lang = languageOf(locale);
  const family = lang && FACE[lang];
  if (!lang || !family || typeof document === 'undefined' || !document.fonts) return Promise.resolve();
  const loaded = document.fonts.load(`400 16px "${family}"`, catalogCharacters(lang)).then(
    () => undefined,
    () => undefined, // a face that fails to load leaves the fallback: the page is drawn anyway
  );
  return Promise.race([loaded, new Promise<void>((r) => setTimeout(r, waitMs))]);
}
