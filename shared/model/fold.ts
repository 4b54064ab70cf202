// Text compared the way people search (issue 14): case and accents ignored, so `cote` finds Côte d'Ivoire and
// `turkiye` finds Türkiye. Locale-independent (toLowerCase, never toLocaleLowerCase): the same result on every machine.

// Letters that carry no separable accent under NFD, and spellings that read as one letter (Greek final sigma, as
// lower-casing a word cut short writes it; Persian and Arabic yeh and kaf; the typographic apostrophe).
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ĸ: 'k',
  ŋ: 'n',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ς: 'σ',
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  '\u2019': "'",
  '\u2018': "'",
  ʼ: "'",
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
const MARKS = /\p{M}/gu;
const PLAIN = /^[\x20-\x7e\t\n\r]*$/;

/** `text` without case or accents: NFD, combining marks dropped, lower case, a few letters spelt out. */
export function fold(text: string): string {
  if (PLAIN.test(text)) return text.toLowerCase();
  // Lower case after the marks are dropped (İ → I → i), then once more: lowering may bring marks back.
  const once = text.normalize('NFD').replace(MARKS, '').toLowerCase();
  return once
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(SPECIAL, (c) => LETTERS[c]);
}

/** The words of a search, folded: every one must be found (in any order). */
export function searchWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
}

/** True when every word of the search is in `text`, ignoring case and accents. */
export function matchesSearch(words: readonly string[], text: string): boolean {
  if (words.length === 0) return true;
  const t = fold(text);
  return words.every((w) => t.includes(w));
}
