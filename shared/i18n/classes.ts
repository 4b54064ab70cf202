import { CATALOGS } from './catalogs';
import { LANGS } from './languages';

// The WIPO Convention's classes A / B / C as its Arabic and Persian texts name them (Art. 11(4)(a): الفئة ألف / باء /
// جيم; طبقه الف / ب / پ). Display only (R1): the workbook, the files and the CLI keep A / B / C. The words are in the
// catalogs (common.class.A…), so every language has them; the Chinese and Kazakh texts keep the Latin letters.

/** The built-in scheme whose classes have treaty letters. A copy under another id is the user's own scheme. */
export const LETTERED_SCHEME = 'wipo-convention';

const ID = 'common.class.';

/** A class as the user's language names it: ألف for A in Arabic where the scheme is the Convention's, else the code. */
export function classLabel(schemeId: string | undefined, code: string, t: (id: string) => string): string {
  if (schemeId !== LETTERED_SCHEME || !(`${ID}${code}` in CATALOGS.en.common)) return code;
  return t(`${ID}${code}`);
}

/** Arabic letters written with or without hamza (ألف, الف, إلف), Persian and Arabic yeh/kaf alike; no spaces. */
const fold = (s: string) =>
  s
    .normalize('NFC')
    .replace(/[أإآ]/g, 'ا')
    .replace(/ي/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/^(الفئة|فئة|طبقه|طبقهٔ)\s+/u, '')
    .replace(/\s+/g, '')
    .toLowerCase();

let letters: Map<string, string> | undefined;

/**
 * The class code a typed treaty letter names in any language (ألف or الف → A, پ → C), or undefined. Only for the
 * lettered scheme; a code typed as it is (A, a) is the caller's to read.
 */
export function classOfLetter(schemeId: string | undefined, typed: string): string | undefined {
  if (schemeId !== LETTERED_SCHEME) return undefined;
  if (!letters) {
    letters = new Map();
    for (const lang of LANGS)
      for (const [id, word] of Object.entries(CATALOGS[lang].common as Record<string, string>))
        if (id.startsWith(ID)) letters.set(fold(word), id.slice(ID.length));
  }
  const t = fold(typed);
  return t === '' ? undefined : letters.get(t);
}
