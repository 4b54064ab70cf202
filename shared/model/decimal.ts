import DecimalJs from 'decimal.js';

/** R3 the engine's own Decimal; the global Decimal is never configured. */
export const Decimal = DecimalJs.clone({
  precision: 50,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Decimal = InstanceType<typeof Decimal>;

const DECIMAL_RE = /^-?(\d+)(\.\d+)?$/;

/** True for a plain decimal string as used in files: digits, an optional fraction, no exponent, no separators. */
export function isDecimalString(s: unknown): s is string {
  return typeof s === 'string' && DECIMAL_RE.test(s);
}

/** Number of digits after the decimal point of a plain decimal string. */
export function decimalPlaces(s: string): number {
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** A non-negative plain decimal string as an integer scaled by 10^places, exactly. */
export function toScaledBigInt(s: string, places: number): bigint {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? '' : body.slice(dot + 1);
  if (frac.length > places) {
    if (/[1-9]/.test(frac.slice(places))) throw new RangeError(`${s} has more than ${places} decimals`);
    frac = frac.slice(0, places);
  }
  const v = BigInt(int + frac.padEnd(places, '0'));
  return neg ? -v : v;
}

/** An integer scaled by 10^places, written as a plain decimal string with exactly `places` decimals. */
export function formatScaled(v: bigint, places: number): string {
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
  }
  return neg ? `-${digits}` : digits;
}

/** Normalizes a decimal string: no exponent, no trailing zeros after the point ("7.50" → "7.5"). */
export function canonical(s: string): string {
  return new Decimal(s).toFixed();
}

/** Thousands-separated display ("1,139,475.00") for people; files never carry it. */
export function groupThousands(plain: string): string {
  const neg = plain.startsWith('-');
  const body = neg ? plain.slice(1) : plain;
  const dot = body.indexOf('.');
  const int = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot);
  return (neg ? '-' : '') + int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + frac;
}

/** True when `amount` is a whole number of `unit` (both plain decimal strings, unit > 0), exactly. */
export function isWholeMultiple(amount: string, unit: string): boolean {
  const p = Math.max(decimalPlaces(amount), decimalPlaces(unit));
  return toScaledBigInt(amount, p) % toScaledBigInt(unit, p) === 0n;
}

/**
 * Exact order of two amounts for sorting a grid column; a missing or unreadable value sorts first. Strings would
 * order "1000" before "999", and a JS number would round past 15 digits (R3).
 */
export function compareAmounts(a: unknown, b: unknown): number {
  const x = isDecimalString(a) ? new Decimal(a) : null;
  const y = isDecimalString(b) ? new Decimal(b) : null;
  if (!x || !y) return x ? 1 : y ? -1 : 0;
  return x.cmp(y);
}
