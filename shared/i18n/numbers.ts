import { isDecimalString } from '../model/decimal';

// Amounts in the user's convention (issue 11), written from the exact decimal string and read back to one:
// never through a JS number. Intl.NumberFormat formats a numeric *string* exactly (ECMA-402 NumberFormat v3).

/** 'locale': as the language writes numbers; the others are the formats a user may pick whatever the language. */
export type NumberStyle = 'locale' | 'comma-dot' | 'space-comma' | 'dot-comma' | 'apos-dot';
export const NUMBER_STYLES: readonly NumberStyle[] = ['locale', 'comma-dot', 'space-comma', 'dot-comma', 'apos-dot'];

export interface NumberFormatChoice {
  /** BCP 47 tag whose convention 'locale' follows (fr, ar, fa…). */
  locale: string;
  style: NumberStyle;
  /** Arabic-Indic digits (٠١٢ in Arabic, ۰۱۲ in Persian) instead of 0–9. */
  nativeDigits?: boolean;
}

const PICKED: Record<Exclude<NumberStyle, 'locale'>, { group: string; decimal: string }> = {
  'comma-dot': { group: ',', decimal: '.' },
  'space-comma': { group: '\u202f', decimal: ',' },
  'dot-comma': { group: '.', decimal: ',' },
  'apos-dot': { group: "'", decimal: '.' },
};

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';

/** Native digits exist for Arabic and Persian only; elsewhere the choice is ignored. */
function nativeOf(c: NumberFormatChoice): 'arab' | 'arabext' | undefined {
  if (!c.nativeDigits) return undefined;
  const l = c.locale.toLowerCase();
  return l.startsWith('fa') ? 'arabext' : l.startsWith('ar') ? 'arab' : undefined;
}

/** 0–9 written in Arabic-Indic (arab) or Persian (arabext) digits, as dates are in those scripts (R25). */
export function nativeDigits(text: string, system: 'arab' | 'arabext'): string {
  const digits = system === 'arabext' ? PERSIAN : ARABIC_INDIC;
  return text.replace(/\d/g, (d) => digits[Number(d)]);
}

function digitsOf(c: NumberFormatChoice): string | undefined {
  const n = nativeOf(c);
  return n === 'arabext' ? PERSIAN : n === 'arab' ? ARABIC_INDIC : undefined;
}

const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(c: NumberFormatChoice, places: number): Intl.NumberFormat {
  // Latin digits unless native ones are asked for; then the locale's own marks too (٬ and ٫ with ۱۲۳).
  const nu = nativeOf(c) ?? 'latn';
  const tag = `${c.locale.split('-u-')[0]}-u-nu-${nu}`;
  const key = `${tag}|${places}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, {
      minimumFractionDigits: places,
      maximumFractionDigits: places,
      useGrouping: 'always',
    } as unknown as Intl.NumberFormatOptions);
    formats.set(key, f);
  }
  return f;
}

/** The separators a choice writes: group and decimal. */
export function separators(c: NumberFormatChoice): { group: string; decimal: string } {
  if (c.style !== 'locale') return PICKED[c.style];
  const parts = numberFormat({ ...c, nativeDigits: false }, 1).formatToParts(12345.5);
  const native = nativeOf(c) ? numberFormat(c, 1).formatToParts(12345.5) : parts;
  return {
    group: native.find((p) => p.type === 'group')?.value ?? '',
    decimal: native.find((p) => p.type === 'decimal')?.value ?? '.',
  };
}

/** "-1234567.50" written as the choice says: 1,234,567.50 · 1 234 567,50 · 1.234.567,50 · ۱٬۲۳۴٬۵۶۷٫۵۰. Exact. */
export function formatAmount(plain: string, c: NumberFormatChoice): string {
  if (!isDecimalString(plain)) return plain;
  const dot = plain.indexOf('.');
  const places = dot < 0 ? 0 : plain.length - dot - 1;
  let out: string;
  if (c.style === 'locale') {
    out = numberFormat(c, places)
      .formatToParts(plain as unknown as number)
      .filter((p) => p.type !== 'literal' || !/^[\u200e\u200f\u061c]+$/.test(p.value)) // marks before a minus: bidi isolation is the view's job
      .map((p) => (p.type === 'minusSign' ? '-' : p.value))
      .join('');
  } else {
    const { group, decimal } = PICKED[c.style];
    const neg = plain.startsWith('-');
    const body = neg ? plain.slice(1) : plain;
    const [int, frac] = body.split('.');
    const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
    out = `${neg ? '-' : ''}${grouped}${frac !== undefined ? decimal + frac : ''}`;
  }
  const digits = c.style === 'locale' ? undefined : digitsOf(c);
  return digits ? out.replace(/\d/g, (d) => digits[Number(d)]) : out;
}

export type ReadAmount =
  | { ok: true; value: string }
  | { ok: false; reason: 'not-a-number' }
  | { ok: false; reason: 'ambiguous'; readings: [string, string] };

const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** Native digits to 0–9 and the typographic minus to '-', so both forms read alike. */
export function latin(text: string): string {
  return text
    .replace(/[٠-٩]/g, (d) => String(ARABIC_INDIC.indexOf(d)))
    .replace(/[۰-۹]/g, (d) => String(PERSIAN.indexOf(d)))
    .replace(/[\u2212\u2013]/g, '-');
}

function canonicalDecimal(sign: string, int: string, frac: string | undefined): string {
  const i = int.replace(/^0+(?=\d)/, '');
  return `${sign}${i}${frac !== undefined && frac !== '' ? `.${frac}` : ''}`;
}

/**
 * Reads an amount typed in a choice's format back to an exact decimal string. Groups must be of three digits.
 * "1.234" in a format whose decimal is "," but where "." could be a decimal point too is refused as ambiguous, with
 * both readings; a plain "1234.5" (one reading) is accepted in every format.
 */
export function parseAmount(text: string, c: NumberFormatChoice): ReadAmount {
  const { group, decimal } = separators(c);
  let t = latin(text.trim()).replace(/\u200e|\u200f|\u061c/g, '');
  const sign = t.startsWith('-') ? '-' : '';
  if (sign) t = t.slice(1).trim();
  const g = group.replace(SPACES, ' ');
  t = t.replace(SPACES, ' ');
  // The locale's own form: groups of the locale's separator (spaces of any width alike), its decimal mark.
  const own = readWith(t, g, decimal) ?? (decimal === '٫' ? readWith(t, ',', '.') : undefined);
  if (own !== undefined) return { ok: true, value: canonicalDecimal(sign, own.int, own.frac) };
  // A plain number with a dot (as files and the CLI write it) has one reading, unless the dot could group thousands
  // where the decimal mark is a comma: 1.234 in French is refused, naming 1.234 and 1234.
  const plain = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (plain) {
    const asDecimal = canonicalDecimal(sign, plain[1], plain[2]);
    const asGroups = readWith(t, '.', decimal === '.' ? ',' : decimal);
    if (asGroups && plain[2] !== undefined && decimal !== '.')
      return {
        ok: false,
        reason: 'ambiguous',
        readings: [asDecimal, canonicalDecimal(sign, asGroups.int, asGroups.frac)],
      };
    return { ok: true, value: asDecimal };
  }
  // A comma where the locale's decimal is a dot: "1,5" is one reading (1.5) only when it cannot be a group.
  const comma = /^(\d+),(\d+)$/.exec(t);
  if (comma && decimal === '.') {
    if (comma[2].length === 3)
      return {
        ok: false,
        reason: 'ambiguous',
        readings: [canonicalDecimal(sign, comma[1] + comma[2], undefined), canonicalDecimal(sign, comma[1], comma[2])],
      };
    return { ok: true, value: canonicalDecimal(sign, comma[1], comma[2]) };
  }
  return { ok: false, reason: 'not-a-number' };
}

/** Digits grouped by `group` (or not grouped at all), then optionally `decimal` and digits. */
function readWith(t: string, group: string, decimal: string): { int: string; frac?: string } | undefined {
  const d = t.lastIndexOf(decimal);
  const int = d < 0 ? t : t.slice(0, d);
  const frac = d < 0 ? undefined : t.slice(d + decimal.length);
  if (frac !== undefined && !/^\d+$/.test(frac)) return undefined;
  if (/^\d+$/.test(int)) return { int, frac }; // not grouped: as files write it
  if (!group) return undefined;
  const parts = int.split(group);
  if (parts.length < 2 || !/^\d{1,3}$/.test(parts[0]) || !parts.slice(1).every((p) => /^\d{3}$/.test(p)))
    return undefined;
  return { int: parts.join(''), frac };
}
