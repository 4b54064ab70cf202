import { msg, say, type Message, type MessageValues } from '../i18n/intl';
import { formatAmount, latin, nativeDigits, parseAmount, type NumberFormatChoice } from '../i18n/numbers';
import { Decimal, decimalPlaces, groupThousands } from '../model/decimal';
import { isAmount } from '../model/fields';

// What a budget officer types into an amount field, read exactly (R3): never through a JS number.

/** A refusal carries its English text (tests, the CLI) and the same as a Message, which a field says in its language. */
export type Parsed = { ok: true; value: string } | { ok: false; message: string; msg?: Message };

// Every refusal of this module, by catalog id (area app: shared/i18n/catalogs/<lang>/app.json).
const refuseWith = (
  id: string,
  values?: MessageValues,
  parts?: Record<string, Message>,
): { ok: false; message: string; msg: Message } => {
  const m: Message = parts ? { ...msg(`app.input.${id}`, values), parts } : msg(`app.input.${id}`, values);
  return { ok: false, message: say(m), msg: m };
};

/** What a field is called in its refusals: the caller's words, or a message said in the reader's language. */
export type FieldWords = string | Message;
const refuse = (id: string, values?: MessageValues) => refuseWith(id, values);

const GROUPED = /^\d{1,3}([,' ]\d{3})+(\.\d+)?$/;

/** "1,234.50", "1'234.50" and "1234.5" → "1234.5"; anything else is not a plain amount. */
export function readPlainAmount(text: string): string | undefined {
  const t = text.trim();
  if (isAmount(t as unknown)) return t; // (unknown: a false answer says nothing of the string's type)
  if (GROUPED.test(t)) return t.replace(/[,' ]/g, '');
  return undefined;
}

type Read = { value: string } | { ambiguous: [string, string] } | undefined;

/** An unsigned amount: in the user's format when one is given (R25: both readings when it can be read two ways). */
function readUnsigned(text: string, number: NumberFormatChoice | undefined): Read {
  if (!number) {
    const v = readPlainAmount(text);
    return v === undefined ? undefined : { value: v };
  }
  const t = text.trim();
  if (t === '' || /^[-+\u2212\u2013]/.test(t)) return undefined;
  const r = parseAmount(t, number);
  if (r.ok) return { value: r.value };
  return r.reason === 'ambiguous' ? { ambiguous: r.readings } : undefined;
}

// Signs as a spreadsheet reads them: a leading minus is a negative number (refused where an amount cannot be
// negative, saying how to lower the figure), and = starts a calculation, here from the figure shown: =+500 / =-500.
// A bare +500 over a figure could mean 500 or the figure raised by 500, so it is refused naming both; with no figure
// shown (a new payment, a bank statement's +500.00) it has one reading, 500.
const MINUS = /[\u2212\u2013]/g; // − (the typographic minus, as in the F1 help) and – read as -

/**
 * An amount typed over `current` (the figure the field shows, if any): a plain amount replaces it; `=+500` / `=-500`
 * adjusts it exactly. `places` (the rounding unit's decimals) bounds a total; a unit value may carry more (pass
 * undefined). `hint` says what to do instead of a negative amount where there is no figure to lower. `number`: the
 * user's number format (1 234,50 in French), read by shared/i18n/numbers; without it, plain or grouped English forms.
 */
export function parseAmountInput(
  text: string,
  current: string | undefined,
  opts: { places?: number; what: FieldWords; it?: FieldWords; hint?: FieldWords },
  number?: NumberFormatChoice,
): Parsed {
  const t = text.trim().replace(MINUS, '-');
  // Words given as strings are values; given as messages (shared/edit's callers) they are parts, said in the reader's
  // language. `it` (the field inside a sentence) defaults to the string lowered, or the message itself.
  const words: { values: MessageValues; parts: Record<string, Message> } = { values: {}, parts: {} };
  const put = (k: string, w: FieldWords | undefined) => {
    if (typeof w === 'string') words.values[k] = w;
    else if (w) words.parts[k] = w;
  };
  put('what', opts.what);
  put(
    'it',
    opts.it ?? (typeof opts.what === 'string' ? opts.what.charAt(0).toLowerCase() + opts.what.slice(1) : opts.what),
  );
  put('hint', opts.hint);
  // The words win over the placeholders below; parts a message does not use are said and left unread.
  const refuse = (id: string, values?: MessageValues) =>
    refuseWith(id, { ...values, ...words.values }, Object.keys(words.parts).length ? words.parts : undefined);
  // Figures in the refusals are written as the user reads them (grouped English without a format).
  const write = (plain: string) => (number ? formatAmount(plain, number) : groupThousands(plain));
  const asTyped = (plain: string) => (number ? formatAmount(plain, number) : plain);
  if (t === '') return refuse('empty');
  const becomes = (v: Decimal) =>
    v.isPositive() && !v.isZero() ? write(opts.places === undefined ? v.toFixed() : v.toFixed(opts.places)) : '';
  const ambiguous = (readings: [string, string]) =>
    refuse('ambiguous', { text: text.trim(), a: write(readings[0]), b: write(readings[1]), example: write('1234.5') });
  let value: string;
  const formula = /^=\s*(.*)$/.exec(t);
  const sign = formula ? formula[1][0] : undefined;
  if (formula && (sign === '+' || sign === '-')) {
    const delta = readUnsigned(formula[1].slice(1), number);
    if (delta && 'ambiguous' in delta) return ambiguous(delta.ambiguous);
    if (delta === undefined) return refuse('notAdjustment', { text: text.trim() });
    if (current === undefined) return refuse('nothingToAdjust');
    const d = new Decimal(current);
    value = (sign === '+' ? d.plus(delta.value) : d.minus(delta.value)).toFixed();
    if (!new Decimal(value).isPositive() || new Decimal(value).isZero())
      return refuse('adjustedNotPositive', { formula: `=${sign}${asTyped(delta.value)}`, value: asTyped(value) });
  } else {
    const body = formula ? formula[1] : t;
    const lead = body[0];
    const read = readUnsigned(lead === '+' || lead === '-' ? body.slice(1) : body, number);
    if (read && 'ambiguous' in read) return ambiguous(read.ambiguous);
    if (read === undefined) return refuse('notAmount', { text: text.trim(), example: asTyped('1500000.00') });
    const plain = read.value;
    if (lead === '-' && !new Decimal(plain).isZero()) {
      if (current === undefined) return opts.hint ? refuse('negativeHint') : refuse('negative');
      const lowered = new Decimal(current).minus(plain);
      if (!lowered.isPositive() || lowered.isZero()) return refuse('negativeBelowZero');
      return refuse('negativeLower', { amount: asTyped(plain), becomes: becomes(lowered) });
    }
    if (lead === '+' && !formula && current !== undefined) {
      const raised = becomes(new Decimal(current).plus(plain));
      return refuse(raised ? 'plusTwoWays' : 'plusTwoWaysNoFigure', {
        text: t,
        amount: asTyped(plain),
        becomes: raised,
      });
    }
    value = new Decimal(plain).toFixed();
  }
  const v = new Decimal(value);
  if (v.isNegative() || v.isZero()) return refuse('notPositive', { value: asTyped(value) });
  if (opts.places !== undefined && decimalPlaces(value) > opts.places) return refuse('places', { places: opts.places });
  return { ok: true, value };
}

/** A rounding unit (R9): any amount greater than zero, such as 0.01, 0.05, 1 or 100. */
export function parseRoundingUnit(text: string): Parsed {
  const t = text.trim();
  const plain = readPlainAmount(t);
  if (plain === undefined || new Decimal(plain).isZero()) return refuse('roundingUnit', { text: t });
  return { ok: true, value: plain };
}

// --- R25 dates as typed --------------------------------------------------------------------------------------------

/** How a locale writes a date: ISO (year first, `2026-12-31`) or day first (`31.12.2026`, `31/12/2026`). */
export interface DateFormat {
  order: 'ymd' | 'dmy';
  separator: '-' | '.' | '/';
  /** Arabic-Indic (arab) or Persian (arabext) digits where the user chose native digits; always Gregorian (R25). */
  digits?: 'arab' | 'arabext';
}

export const ISO_DATES: DateFormat = { order: 'ymd', separator: '-' };

/** The years a date typed in the app may fall in (R25): outside them it is a slip, such as 31122026 read as 2202. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO date (as files keep it) in the locale's format; anything else is shown as it is. */
export function formatDate(iso: string, f: DateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const text = (f.order === 'ymd' ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]]).join(f.separator);
  return f.digits ? nativeDigits(text, f.digits) : text;
}

/** What to type, such as DD.MM.YYYY (YYYY/MM/DD in Persian). */
export function datePattern(f: DateFormat): string {
  return (f.order === 'ymd' ? ['YYYY', 'MM', 'DD'] : ['DD', 'MM', 'YYYY']).join(f.separator);
}

/** Bidi marks a right-to-left text may carry around digits (pasted from Arabic or Persian text). */
const MARKS = /[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/g;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const isDay = (r: Ymd) => r.m >= 1 && r.m <= 12 && r.d >= 1 && r.d <= new Date(Date.UTC(r.y, r.m, 0)).getUTCDate();
const isoOf = (r: Ymd) => `${pad(r.y, 4)}-${pad(r.m)}-${pad(r.d)}`;
const inYears = (r: Ymd) => r.y >= FIRST_YEAR && r.y <= LAST_YEAR;

/**
 * A date typed in a field, read in the locale's format `f` and as ISO, never guessed (R25):
 * - ISO `2026-12-31` (and year-first with / or .) in every locale;
 * - day first `31.12.2026` wherever dots are written (a bank's `01.06.2026`, in English too);
 * - `31/12/2026` or `31-12-2026`: day first in a day-first locale; in ISO (English) the one reading that is a date,
 *   or refused naming both (`03/04/2026`);
 * - eight digits: ISO's basic form `20261231`, and `31122026` day first where the locale writes the day first: at
 *   most one of the two is ever a date in 1900–2200, so `31122026` is 31.12.2026 in German and refused in English;
 * - a year outside 1900–2200, or written with two digits, is refused.
 */
export function parseDateInput(text: string, f: DateFormat): Parsed {
  const typed = text.replace(MARKS, '').trim();
  // Arabic-Indic and Persian digits read as 0–9 in every locale (۲۰۲۶/۱۲/۳۱ is 2026/12/31).
  const t = latin(typed);
  const example = formatDate('2026-12-31', f);
  const pattern = datePattern(f);
  const shown = (n: number) => (f.digits ? nativeDigits(String(n), f.digits) : String(n));
  const notADate = refuse('notDate', { text: typed, pattern, example });
  if (t === '') return refuse('dateEmpty', { example });
  let readings: Ymd[];
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})([-./])(\d{1,2})\2(\d{1,2})$/.exec(t))) readings = [{ y: +m[1], m: +m[3], d: +m[4] }];
  else if ((m = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(t))) {
    const dmy = { y: +m[4], m: +m[3], d: +m[1] };
    const mdy = { y: +m[4], m: +m[1], d: +m[3] };
    readings = m[2] === '.' || f.order === 'dmy' ? [dmy] : [dmy, mdy];
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(t))) {
    readings = [{ y: +m[1], m: +m[2], d: +m[3] }];
    if (f.order === 'dmy') readings.push({ y: +t.slice(4), m: +t.slice(2, 4), d: +t.slice(0, 2) });
  } else if (/^\d{1,2}[-./]\d{1,2}[-./]\d{2}$/.test(t)) {
    return refuse('yearInFull', { text: typed, example });
  } else return notADate;

  const days = readings.filter(isDay);
  if (days.length === 0) return notADate;
  const kept = days.filter(inYears);
  if (kept.length === 0)
    return refuse('yearOutside', { year: shown(days[0].y), first: shown(FIRST_YEAR), last: shown(LAST_YEAR) });
  const isos = [...new Set(kept.map(isoOf))];
  if (isos.length > 1) {
    // Two readings (only day/month swapped can give two): the month is named in words, in the message's language
    // (the month stays 1–12: the catalogs select its name by it).
    const [a, b] = kept;
    return refuse('dateTwoWays', {
      text: typed,
      d1: shown(a.d),
      m1: String(a.m),
      y1: shown(a.y),
      d2: shown(b.d),
      m2: String(b.m),
      y2: shown(b.y),
      pattern,
      iso1: formatDate(isos[0], f),
      iso2: formatDate(isos[1], f),
    });
  }
  return { ok: true, value: isos[0] };
}
