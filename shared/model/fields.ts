import { isIsoDate } from './dates';
import { isDecimalString } from './decimal';

// One field vocabulary (issue 13): what a decimal, an amount, a date, a currency, a code and a class are, said once
// for the workbook checks (validate.ts), the tabular readers (R25) and the edit commands. Plain predicates, not a
// schema library: each is a test or two on a string, run on every one of 300,000 payments, and the reasons a field
// is refused are messages of their own (the catalogs' `validation.field.*`), built only when a field fails.

export { isIsoDate };

/** R3 a plain decimal string as files carry it: digits, an optional fraction, an optional minus; no exponent. */
export const isDecimal = isDecimalString;

const ZERO_RE = /^-?0+(\.0+)?$/;

/** R3 a decimal string that is zero or more (an amount: a payment, an unpaid balance, a weight, a rate). */
export function isAmount(v: unknown): v is string {
  return isDecimalString(v) && v.charCodeAt(0) !== 45; /* '-' */
}

/** R3 a decimal string greater than zero (a rounding unit, a payment, the units of a class, a ceiling). */
export function isPositiveDecimal(v: unknown): v is string {
  return isAmount(v) && !ZERO_RE.test(v);
}

/** A plain decimal string that is zero ("0", "0.00", "-0"). */
export const isZeroDecimal = (v: string): boolean => ZERO_RE.test(v);

/** R21 a rate of a scale (a base-scale rate, a ceiling, a floor, a fixed rate, a credit): an amount, zero or more. */
export const isRate = isAmount;

/** R24 a percentage from 0 to 100 as a plain decimal ("80", "92.5", "100.000"), compared exactly. */
export function isPercentage(v: unknown): v is string {
  if (!isAmount(v)) return false;
  const whole = v.replace(/^0+(?=\d)/, '');
  const dot = whole.indexOf('.');
  const int = dot < 0 ? whole : whole.slice(0, dot);
  return int.length < 3 || (int === '100' && (dot < 0 || /^\.0+$/.test(whole.slice(dot))));
}

const MEMBER_CODE_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;
const CLASS_CODE_RE = /^[A-Za-z0-9]{1,12}$/;

/**
 * The shape of a member code the app creates (a new member, a pasted row, a state joining in a scenario): a letter or
 * digit, then up to 15 letters, digits, '_' or '-'. A file may hold any code (isCode); only new ones are held to this.
 */
export function isNewMemberCode(v: unknown): v is string {
  return typeof v === 'string' && MEMBER_CODE_RE.test(v);
}

/** R1 the shape of a class code the app adds to a scheme: 1 to 12 letters or digits. */
export function isNewClassCode(v: unknown): v is string {
  return typeof v === 'string' && CLASS_CODE_RE.test(v);
}

const CURRENCY_RE = /^[A-Z]{3}$/;

/** A currency written as its three-letter code (ISO 4217 form): CHF, USD. */
export function isCurrency(v: unknown): v is string {
  return typeof v === 'string' && CURRENCY_RE.test(v);
}

/** A code, id or name: a string with something in it besides spaces (member codes, budget ids, class codes). */
export function isCode(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

/** A class of a scheme: a code, looked up among the scheme's (validate.ts keeps one Set per scheme). */
export const isClassCode = isCode;

/** A calendar year as the workbook writes it: a whole number from 1900 to 2200. */
export function isYear(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200;
}

/**
 * How a field's value fails the vocabulary, as the word after which the catalogs say why: undefined when it passes.
 * `number` (a JS number where a decimal string belongs), `notDecimal`, `negative`, `zero`.
 */
export type DecimalFault = 'number' | 'notDecimal' | 'negative' | 'zero';

export function decimalFault(v: unknown, positive: boolean): DecimalFault | undefined {
  if (typeof v === 'number') return 'number';
  if (!isDecimalString(v)) return 'notDecimal';
  if (v.charCodeAt(0) === 45) return 'negative';
  if (positive && ZERO_RE.test(v)) return 'zero';
  return undefined;
}
