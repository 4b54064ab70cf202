import type { IRowNode } from 'ag-grid-community';
import { compareCodePoints } from '../../../shared/engine/exact';
import type { VotingStatus } from '../../../shared/engine/arrears';
import { compareAmounts, isDecimalString } from '../../../shared/model/decimal';

// How the grids' column headers sort: amounts and decimals exactly (never as text, never as JS numbers, R3), member
// codes by code point (as R6 breaks ties), names and other words by the user's language, classes by their units,
// ids by the words shown for them, voting status by gravity.

type Comparator = (a: unknown, b: unknown) => number;

const missing = (v: unknown) => v === null || v === undefined || v === '';

/** Missing values first, as compareAmounts orders them. */
function withMissingFirst(a: unknown, b: unknown, then: Comparator): number {
  if (missing(a) || missing(b)) return missing(a) ? (missing(b) ? 0 : -1) : 1;
  return then(a, b);
}

/** Amounts, units, rates and percentages: exact decimal order. */
export const byAmount: Comparator = (a, b) => withMissingFirst(a, b, compareAmounts);

/** Member codes: code-point order (R6), the same on every machine. */
export const byCode: Comparator = (a, b) => withMissingFirst(a, b, (x, y) => compareCodePoints(String(x), String(y)));

/** Words (names, notes): the user's language's collation, then code points so no two different texts tie. */
export function byText(locale: string): Comparator {
  const collator = new Intl.Collator(locale, { numeric: true });
  return (a, b) =>
    withMissingFirst(a, b, (x, y) => collator.compare(String(x), String(y)) || compareCodePoints(String(x), String(y)));
}

/** A column of any kind: decimals exactly when both are decimals, booleans false first, anything else as words. */
export function byValue(locale: string): Comparator {
  const text = byText(locale);
  return (a, b) => {
    if (isDecimalString(a) && isDecimalString(b)) return compareAmounts(a, b);
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    return text(a, b);
  };
}

/**
 * Classes by the units they carry (R1): VIbis (2) after VI (3) and before VII (1) in ascending order; a class with
 * no units (a linked member without one) first; equal units by code point.
 */
export function byClassUnits<T>(units: (row: T) => string | null | undefined) {
  return (a: unknown, b: unknown, na: IRowNode<T>, nb: IRowNode<T>): number =>
    byAmount(na.data ? units(na.data) : null, nb.data ? units(nb.data) : null) || byCode(a, b);
}

/**
 * Values stored as ids and shown as words (a liquidity basis): by the words the user reads, in their language's
 * collation, not by the id; the same words by the id.
 */
export function byShownWords(locale: string, shown: (id: string) => string): Comparator {
  const text = byText(locale);
  return (a, b) =>
    withMissingFirst(
      a,
      b,
      (x, y) => text(shown(String(x)), shown(String(y))) || compareCodePoints(String(x), String(y)),
    );
}

/**
 * Voting status by gravity, not by its words: a finance officer sorts the column to see who has lost the vote, so
 * descending puts no vote first, then a vote kept by decision (R17), then in arrears, then ok — the order in which the
 * engine picks a member's worst status (shared/engine/arrears.ts). Ties by member code (R6).
 */
export const STATUS_GRAVITY: Readonly<Record<VotingStatus, number>> = {
  ok: 0,
  'in arrears': 1,
  'vote kept by decision': 2,
  'no vote': 3,
};
export function byGravity<T extends { code: string }>(a: unknown, b: unknown, na?: IRowNode<T>, nb?: IRowNode<T>) {
  const g = (v: unknown) => (missing(v) ? -1 : (STATUS_GRAVITY[v as VotingStatus] ?? -1));
  return g(a) - g(b) || byCode(na?.data?.code, nb?.data?.code);
}
