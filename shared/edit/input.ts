import { Decimal, decimalPlaces, groupThousands, isDecimalString } from '../model/decimal';

// What a budget officer types into an amount field, read exactly (R3): never through a JS number.

export type Parsed = { ok: true; value: string } | { ok: false; message: string };

const GROUPED = /^\d{1,3}([,' ]\d{3})+(\.\d+)?$/;

/** "1,234.50", "1'234.50" and "1234.5" → "1234.5"; anything else is not a plain amount. */
export function readPlainAmount(text: string): string | undefined {
  const t = text.trim();
  if (isDecimalString(t) && !t.startsWith('-')) return t;
  if (GROUPED.test(t)) return t.replace(/[,' ]/g, '');
  return undefined;
}

// Signs as a spreadsheet reads them: a leading minus is a negative number (refused where an amount cannot be
// negative, saying how to lower the figure), and = starts a calculation, here from the figure shown: =+500 / =-500.
// A bare +500 over a figure could mean 500 or the figure raised by 500, so it is refused naming both; with no figure
// shown (a new payment, a bank statement's +500.00) it has one reading, 500.
const MINUS = /[\u2212\u2013]/g; // − (the typographic minus, as in the F1 help) and – read as -

/**
 * An amount typed over `current` (the figure the field shows, if any): a plain amount replaces it; `=+500` / `=-500`
 * adjusts it exactly. `places` (the rounding unit's decimals) bounds a total; a unit value may carry more (pass
 * undefined). `hint` says what to do instead of a negative amount where there is no figure to lower.
 */
export function parseAmountInput(text: string, current: string | undefined, opts: { places?: number; what: string; hint?: string }): Parsed {
  const t = text.trim().replace(MINUS, '-');
  const what = opts.what;
  const it = what.charAt(0).toLowerCase() + what.slice(1);
  if (t === '') return { ok: false, message: `${what} cannot be empty` };
  const shown = (v: Decimal) => (v.isPositive() && !v.isZero() ? ` (it becomes ${groupThousands(opts.places === undefined ? v.toFixed() : v.toFixed(opts.places))})` : '');
  let value: string;
  const formula = /^=\s*(.*)$/.exec(t);
  const sign = formula ? formula[1][0] : undefined;
  if (formula && (sign === '+' || sign === '-')) {
    const delta = readPlainAmount(formula[1].slice(1));
    if (delta === undefined) return { ok: false, message: `“${text.trim()}” is not an adjustment such as =+500 or =-500` };
    if (current === undefined) return { ok: false, message: `${what} has no figure to adjust yet: type the amount` };
    const d = new Decimal(current);
    value = (sign === '+' ? d.plus(delta) : d.minus(delta)).toFixed();
    if (!new Decimal(value).isPositive() || new Decimal(value).isZero()) return { ok: false, message: `${what} must be greater than zero (=${sign}${delta} would make it ${value})` };
  } else {
    const body = formula ? formula[1] : t;
    const lead = body[0];
    const plain = readPlainAmount(lead === '+' || lead === '-' ? body.slice(1) : body);
    if (plain === undefined) return { ok: false, message: `“${text.trim()}” is not an amount: type digits such as 1500000.00, or =+500 / =-500 to adjust the figure shown` };
    if (lead === '-' && !new Decimal(plain).isZero()) {
      if (current === undefined) return { ok: false, message: `${what} cannot be negative: type it without the minus sign${opts.hint ? `; ${opts.hint}` : ''}` };
      const lowered = new Decimal(current).minus(plain);
      if (!lowered.isPositive() || lowered.isZero()) return { ok: false, message: `${what} cannot be negative: type an amount greater than zero (=-500 lowers the figure shown by 500)` };
      return { ok: false, message: `${what} cannot be negative. To lower it by ${plain}, type =-${plain}${shown(lowered)}` };
    }
    if (lead === '+' && !formula && current !== undefined) {
      return { ok: false, message: `“${t}” could mean ${plain} or ${it} raised by ${plain}: type ${plain}, or =+${plain} to raise it${shown(new Decimal(current).plus(plain))}` };
    }
    value = new Decimal(plain).toFixed();
  }
  const v = new Decimal(value);
  if (v.isNegative() || v.isZero()) return { ok: false, message: `${what} must be greater than zero (would be ${value})` };
  if (opts.places !== undefined && decimalPlaces(value) > opts.places) {
    return { ok: false, message: `${what} must be a whole number of the rounding unit (${opts.places} decimals at most)` };
  }
  return { ok: true, value };
}

/** A rounding unit (R9): any amount greater than zero, such as 0.01, 0.05, 1 or 100. */
export function parseRoundingUnit(text: string): Parsed {
  const t = text.trim();
  const plain = readPlainAmount(t);
  if (plain === undefined || new Decimal(plain).isZero()) {
    return { ok: false, message: `“${t}” is not a rounding unit: type an amount greater than zero such as 0.01, 0.05, 1 or 100` };
  }
  return { ok: true, value: plain };
}

// --- R25 dates as typed --------------------------------------------------------------------------------------------

/** How a locale writes a date: ISO (year first, `2026-12-31`) or day first (`31.12.2026`, `31/12/2026`). */
export interface DateFormat {
  order: 'ymd' | 'dmy';
  separator: '-' | '.' | '/';
}

export const ISO_DATES: DateFormat = { order: 'ymd', separator: '-' };

/** The years a date typed in the app may fall in (R25): outside them it is a slip, such as 31122026 read as 2202. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** An ISO date (as files keep it) in the locale's format; anything else is shown as it is. */
export function formatDate(iso: string, f: DateFormat): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || f.order === 'ymd') return iso;
  return [m[3], m[2], m[1]].join(f.separator);
}

/** What to type, such as DD.MM.YYYY. */
export function datePattern(f: DateFormat): string {
  return f.order === 'ymd' ? 'YYYY-MM-DD' : ['DD', 'MM', 'YYYY'].join(f.separator);
}

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
  const t = text.trim();
  const example = formatDate('2026-12-31', f);
  const notADate = { ok: false as const, message: `“${t}” is not a date: type it as ${datePattern(f)}, such as ${example}` };
  if (t === '') return { ok: false, message: `Type a date such as ${example}` };
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
    return { ok: false, message: `“${t}”: write the year in full, such as ${example}` };
  } else return notADate;

  const days = readings.filter(isDay);
  if (days.length === 0) return notADate;
  const kept = days.filter(inYears);
  if (kept.length === 0) return { ok: false, message: `The year ${days[0].y} is outside ${FIRST_YEAR}–${LAST_YEAR}: check the date` };
  const isos = [...new Set(kept.map(isoOf))];
  if (isos.length > 1) {
    const words = kept.map((r) => `${r.d} ${MONTHS[r.m - 1]} ${r.y}`).join(' or ');
    return { ok: false, message: `“${t}” can be read as ${words}: type it as ${datePattern(f)} (${isos.map((i) => formatDate(i, f)).join(' or ')})` };
  }
  return { ok: true, value: isos[0] };
}
