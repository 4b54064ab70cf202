import { Decimal, decimalPlaces, isDecimalString } from '../model/decimal';

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

/**
 * An amount typed over `current`: a plain amount replaces it; `+500` / `-500` adjusts it exactly.
 * `places` (the rounding unit's decimals) bounds a total; a unit value may carry more (pass undefined).
 */
export function parseAmountInput(text: string, current: string | undefined, opts: { places?: number; what: string }): Parsed {
  const t = text.trim();
  if (t === '') return { ok: false, message: `${opts.what} cannot be empty` };
  let value: string;
  const sign = t[0];
  if (sign === '+' || sign === '-') {
    const delta = readPlainAmount(t.slice(1));
    if (delta === undefined) return { ok: false, message: `“${t}” is not an adjustment such as +500 or -500` };
    if (current === undefined) return { ok: false, message: `${opts.what} has no figure to adjust yet: type the amount` };
    const d = new Decimal(current);
    value = (sign === '+' ? d.plus(delta) : d.minus(delta)).toFixed();
  } else {
    const plain = readPlainAmount(t);
    if (plain === undefined) return { ok: false, message: `“${t}” is not an amount: type digits such as 1500000.00, or +500 / -500` };
    value = new Decimal(plain).toFixed();
  }
  const v = new Decimal(value);
  if (v.isNegative() || v.isZero()) return { ok: false, message: `${opts.what} must be greater than zero (would be ${value})` };
  if (opts.places !== undefined && decimalPlaces(value) > opts.places) {
    return { ok: false, message: `${opts.what} must be a whole number of the rounding unit (${opts.places} decimals at most)` };
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
