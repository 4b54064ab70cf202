import { decimalPlaces, formatScaled, isDecimalString, toScaledBigInt } from '../model/decimal';
import { compareCodePoints } from './exact';

// Tables that add up (issue 14): a member's percentage u_i / U · 100 is shown to 4 decimals, and a column of them
// rounded one by one sums to 100.0062 or 99.9985. Rounded here as R5 rounds money instead: every share floored, the
// missing ten-thousandths handed one each to the largest remainders, ties by R6 (more weight, then code ascending),
// so the column sums to exactly 100.0000. Display only: no amount is ever computed from a percentage.

const SURROGATE = /[\uD800-\uDFFF]/;

/** The decimals a percentage is shown with (DOMAIN: "displayed to 4 decimals"). */
export const PERCENT_PLACES = 4;

/** Members of one weight (the engine's groups: 10^6 members, a few classes), by their index. */
export interface WeightGroup {
  members: readonly number[];
}

/**
 * Each weight's share of their sum in percent, to `places` decimals, summing to exactly 100 (R5 largest remainder,
 * R6 ties). All zero (or none): every share 0.
 */
export function percentShares(
  weights: readonly bigint[],
  codes: readonly string[],
  places: number = PERCENT_PLACES,
): string[] {
  const byWeight = new Map<bigint, { weight: bigint; members: number[] }>();
  const of = weights.map((w, i) => {
    if (w < 0n) throw new RangeError(`a negative weight (${codes[i]}) has no share`);
    let g = byWeight.get(w);
    if (!g) byWeight.set(w, (g = { weight: w, members: [] }));
    g.members.push(i);
    return g;
  });
  return groupShares(
    [...byWeight.values()],
    of,
    (g) => g.weight,
    (i) => codes[i],
    places,
  );
}

/**
 * `percentShares` over members already grouped by weight: `of[i]` is member i's group (one of `groups`). Written
 * member by member from `of`, as the engine writes amounts: filling a 10^6 array group by group costs far more.
 */
export function groupShares<G extends WeightGroup>(
  groups: readonly G[],
  of: readonly G[],
  weightOf: (g: G) => bigint,
  codeOf: (i: number) => string,
  places: number = PERCENT_PLACES,
): string[] {
  let total = 0n;
  for (const g of groups) total += weightOf(g) * BigInt(g.members.length);
  if (total === 0n) return of.map(() => formatScaled(0n, places));

  const hundred = 100n * 10n ** BigInt(places); // 100 counted in the last decimal shown
  let missing = hundred;
  const parts = groups.map((g) => {
    const q = hundred * weightOf(g);
    const floor = q / total;
    missing -= floor * BigInt(g.members.length);
    return { g, floor, remainder: q % total };
  });
  // R6 order: larger remainder, then more weight (a group is one weight, so groups never tie on both).
  parts.sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : weightOf(a.g) > weightOf(b.g) ? -1 : 1,
  );
  const text = new Map<G, string>();
  let split: { g: G; up: string; down: string; isUp: Set<number> } | null = null;
  for (const { g, floor } of parts) {
    const n = BigInt(g.members.length);
    if (missing >= n && missing > 0n) {
      text.set(g, formatScaled(floor + 1n, places));
      missing -= n;
    } else if (missing === 0n) text.set(g, formatScaled(floor, places));
    else {
      // R6 within one weight: code ascending. Without surrogates UTF-16 order is code-point order: the plain
      // comparison, much faster on 10^5 codes.
      const codes = g.members.map((i) => ({ i, code: codeOf(i) }));
      const plain = codes.every((c) => !SURROGATE.test(c.code));
      codes.sort((a, b) =>
        plain ? (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) : compareCodePoints(a.code, b.code),
      );
      const isUp = new Set(codes.slice(0, Number(missing)).map((c) => c.i));
      split = { g, up: formatScaled(floor + 1n, places), down: formatScaled(floor, places), isUp };
      missing = 0n;
    }
  }
  return of.map((g, i) => (split && g === split.g ? (split.isUp.has(i) ? split.up : split.down) : text.get(g)!));
}

/** The exact sum of a column of percentages (plain decimal strings; empty cells skipped), to `places` decimals. */
export function sumPercents(column: readonly (string | null | undefined)[], places: number = PERCENT_PLACES): string {
  let sum = 0n;
  let p = places;
  for (const v of column) if (v && isDecimalString(v)) p = Math.max(p, decimalPlaces(v));
  for (const v of column) if (v && isDecimalString(v)) sum += toScaledBigInt(v, p);
  return formatScaled(sum, p);
}

/** True when a percentage column's exact sum is 100 (whatever its decimals). */
export function sumsToHundred(column: readonly (string | null | undefined)[]): boolean {
  const s = sumPercents(column);
  return toScaledBigInt(s, decimalPlaces(s)) === 100n * 10n ** BigInt(decimalPlaces(s));
}

/**
 * What a table's total row says under its percentages: the column of `percentShares` sums to exactly 100 whenever
 * the weights do not sum to zero (then every share, and their total, is 0).
 */
export function percentTotal(totalWeight: string, places: number = PERCENT_PLACES): string {
  return formatScaled(/[1-9]/.test(totalWeight) ? 100n * 10n ** BigInt(places) : 0n, places);
}
