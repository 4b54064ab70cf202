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
      return { ok: false, message: `${what} cannot be negative. To lower it by ${plain}, type =-${plain}${shown(new Decimal(current).minus(plain))}` };
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
