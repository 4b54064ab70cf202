import { decimalPlaces, formatScaled, isDecimalString, toScaledBigInt } from '../model/decimal';
import { compareCodePoints } from './exact';

// Tables that add up (issue 14): a member's percentage u_i / U · 100 is shown to 4 decimals, and a column of them
// rounded one by one sums to 100.0062 or 99.9985. Rounded here as R5 rounds money instead: every share floored, the
// missing ten-thousandths handed one each to the largest remainders, ties by R6 (more weight, then code ascending),
// so the column sums to exactly 100.0000. Display only: no amount is ever computed from a percentage.

/** The decimals a percentage is shown with (DOMAIN: "displayed to 4 decimals"). */
export const PERCENT_PLACES = 4;

interface Group {
  weight: bigint;
  members: number[];
  floor: bigint;
  remainder: bigint;
}

/**
 * Each weight's share of their sum in percent, to `places` decimals, summing to exactly 100 (R5 largest remainder,
 * R6 ties). Equal weights share one computation (10^6 members, a few classes). All zero (or none): every share 0.
 */
export function percentShares(
  weights: readonly bigint[],
  codes: readonly string[],
  places: number = PERCENT_PLACES,
): string[] {
  const byWeight = new Map<bigint, Group>();
  const of: Group[] = new Array(weights.length);
  let total = 0n;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (w < 0n) throw new RangeError(`a negative weight (${codes[i]}) has no share`);
    let g = byWeight.get(w);
    if (!g) {
      g = { weight: w, members: [], floor: 0n, remainder: 0n };
      byWeight.set(w, g);
    }
    g.members.push(i);
    total += w;
    of[i] = g;
  }
  const zero = formatScaled(0n, places);
  if (total === 0n) return of.map(() => zero);

  const hundred = 100n * 10n ** BigInt(places); // 100 counted in the last decimal shown
  const groups = [...byWeight.values()];
  let missing = hundred;
  for (const g of groups) {
    const q = hundred * g.weight;
    g.floor = q / total;
    g.remainder = q % total;
    missing -= g.floor * BigInt(g.members.length);
  }
  // R6 order: larger remainder, then more weight (a group is one weight, so groups never tie on both).
  groups.sort((a, b) =>
    a.remainder !== b.remainder ? (a.remainder > b.remainder ? -1 : 1) : a.weight > b.weight ? -1 : 1,
  );
  const up = new Array<boolean>(weights.length).fill(false);
  for (const g of groups) {
    if (missing === 0n) break;
    const n = BigInt(g.members.length);
    if (missing >= n) {
      for (const i of g.members) up[i] = true;
      missing -= n;
    } else {
      const byCode = [...g.members].sort((a, b) => compareCodePoints(codes[a], codes[b]));
      for (let k = 0; k < Number(missing); k++) up[byCode[k]] = true;
      missing = 0n;
    }
  }
  const text = new Map<Group, [string, string]>();
  return of.map((g, i) => {
    let t = text.get(g);
    if (!t) {
      t = [formatScaled(g.floor, places), formatScaled(g.floor + 1n, places)];
      text.set(g, t);
    }
    return up[i] ? t[1] : t[0];
  });
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
