import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { EngineError } from '../model/errors';
import type { RoundingMode } from '../model/types';
import { compareCodePoints, roundDiv } from './exact';
import { engineError } from './messages';
import { groupShares } from './percent';

export interface Weighted {
  code: string;
  /** Units (or a scale's weight) as a plain non-negative decimal string. */
  units: string;
}

export interface Apportionment {
  /** One amount per member, in input order, with the rounding unit's decimals. */
  amounts: string[];
  /** R5 true where the member received one of the rounding units handed out after flooring. */
  roundedUp: boolean[];
  /** Σ u_i, canonical. */
  totalUnits: string;
  /** u_i / U · 100 to 4 decimals; for display only, never used for money. */
  percents: string[];
}

/**
 * Members as columns (issue 13: 10^6 members read from a file, no object per member): member i has code `codes[i]`
 * and the units `weights[weightOf[i]]`. Apportioned exactly as the same members given as a list.
 */
export interface WeightColumns {
  codes: readonly string[];
  weightOf: ArrayLike<number>;
  weights: readonly string[];
}

/** The members as the engine reads them, whichever way they are held. */
interface Members {
  length: number;
  code(i: number): string;
  units(i: number): string;
}

const listed = (m: readonly Weighted[]): Members => ({
  length: m.length,
  code: (i) => m[i].code,
  units: (i) => m[i].units,
});

const columns = (c: WeightColumns): Members => ({
  length: c.codes.length,
  code: (i) => c.codes[i],
  units: (i) => c.weights[c.weightOf[i]],
});

export { EngineError };

export { engineError, messageOf } from './messages';

interface Group {
  units: bigint;
  members: number[];
  floor: bigint;
  remainder: bigint;
}

/**
 * Members that share a unit count share their quota and remainder: compute each once (10^6 members, 14 classes).
 * R6 groups by the exact value, not the spelling: "1", "1.0" and "01" are one group, so the code-order tie rule
 * runs over all of them. The text map only spares parsing the same spelling twice.
 */
function groupByUnits(members: Members, places: number): { groups: Group[]; of: Group[]; total: bigint } {
  const byText = new Map<string, Group>();
  const byValue = new Map<bigint, Group>();
  const of: Group[] = new Array(members.length);
  let total = 0n;
  for (let i = 0; i < members.length; i++) {
    const key = members.units(i);
    let g = byText.get(key);
    if (!g) {
      const units = toScaledBigInt(key, places);
      if (units < 0n) throw engineError('apportion.negativeUnits', { code: members.code(i), unitsAmount: key });
      g = byValue.get(units);
      if (!g) {
        g = { units, members: [], floor: 0n, remainder: 0n };
        byValue.set(units, g);
      }
      byText.set(key, g);
    }
    g.members.push(i);
    total += g.units;
    of[i] = g;
  }
  return { groups: [...byValue.values()], of, total };
}

function unitsPlaces(members: Members): number {
  let places = 0;
  const seen = new Set<string>();
  for (let i = 0; i < members.length; i++) {
    const units = members.units(i);
    if (seen.has(units)) continue;
    seen.add(units);
    places = Math.max(places, decimalPlaces(units));
  }
  return places;
}

/** The rounding unit as an integer numerator over 10^places. */
function unitScale(roundingUnit: string): { r: bigint; places: number } {
  const places = decimalPlaces(roundingUnit);
  const r = toScaledBigInt(roundingUnit, places);
  if (r <= 0n) throw engineError('apportion.roundingUnit', { unitAmount: roundingUnit });
  return { r, places };
}

/** Issue 14: shown to 4 decimals by largest remainder (R5/R6), so a table's column sums to exactly 100.0000. */
function percentsOf(members: Members, groups: readonly Group[], of: readonly Group[]): string[] {
  return groupShares(
    groups,
    of,
    (g) => g.units,
    (i) => members.code(i),
  );
}

/**
 * R4–R6 apportion `total` in proportion to units: floor every exact quota T·u_i/U to the rounding unit, then hand
 * the missing rounding units one each to the largest remainders; ties go to more units, then code ascending.
 * Remainders are exact integers (T·u_i mod U in rounding units). The amounts always sum to exactly `total`.
 */
export function apportionTotal(members: readonly Weighted[], total: string, roundingUnit: string): Apportionment {
  return apportionMembers(listed(members), total, roundingUnit);
}

/** `apportionTotal` of members held as columns. */
export function apportionTotalColumns(members: WeightColumns, total: string, roundingUnit: string): Apportionment {
  return apportionMembers(columns(members), total, roundingUnit);
}

function apportionMembers(members: Members, total: string, roundingUnit: string): Apportionment {
  const { r, places: rPlaces } = unitScale(roundingUnit);
  const tPlaces = Math.max(decimalPlaces(total), rPlaces);
  const tScaled = toScaledBigInt(total, tPlaces);
  const rAtT = r * 10n ** BigInt(tPlaces - rPlaces);
  if (tScaled < 0n) throw engineError('apportion.negativeTotal', { amount: total });
  if (tScaled % rAtT !== 0n) throw engineError('apportion.totalNotWhole', { amount: total, unitAmount: roundingUnit });
  const tn = tScaled / rAtT; // the total counted in rounding units

  const uPlaces = unitsPlaces(members);
  const { groups, of, total: u } = groupByUnits(members, uPlaces);
  if (members.length === 0) throw engineError('apportion.noMembers');
  if (u === 0n) throw engineError('apportion.zeroUnits');

  let handedOut = 0n;
  for (const g of groups) {
    const q = tn * g.units;
    g.floor = q / u;
    g.remainder = q % u;
    handedOut += g.floor * BigInt(g.members.length);
  }
  let missing = tn - handedOut; // always < number of members

  // R6 order: larger remainder, then more units, then code ascending (a group is one exact unit count, so within
  // it units and remainder tie, and groups never tie on both).
  groups.sort((a, b) =>
    a.remainder !== b.remainder
      ? a.remainder > b.remainder
        ? -1
        : 1
      : a.units > b.units
        ? -1
        : a.units < b.units
          ? 1
          : 0,
  );
  const roundedUp = new Array<boolean>(members.length).fill(false);
  for (const g of groups) {
    if (missing === 0n) break;
    const n = BigInt(g.members.length);
    if (missing >= n) {
      for (const i of g.members) roundedUp[i] = true;
      missing -= n;
    } else {
      const byCode = [...g.members].sort((a, b) => compareCodePoints(members.code(a), members.code(b)));
      for (let k = 0; k < Number(missing); k++) roundedUp[byCode[k]] = true;
      missing = 0n;
    }
  }

  const amountText = new Map<Group, [string, string]>();
  const amounts = of.map((g, i) => {
    let t = amountText.get(g);
    if (!t) {
      t = [formatScaled(g.floor * r, rPlaces), formatScaled((g.floor + 1n) * r, rPlaces)];
      amountText.set(g, t);
    }
    return roundedUp[i] ? t[1] : t[0];
  });
  return { amounts, roundedUp, totalUnits: formatUnits(u, uPlaces), percents: percentsOf(members, groups, of) };
}

/** R7 a fixed value per unit: each member pays u_i · V rounded (R9) to the rounding unit. */
export function applyUnitValue(
  members: readonly Weighted[],
  unitValue: string,
  roundingUnit: string,
  mode: RoundingMode,
): Apportionment {
  return valueMembers(listed(members), unitValue, roundingUnit, mode);
}

/** `applyUnitValue` to members held as columns. */
export function applyUnitValueColumns(
  members: WeightColumns,
  unitValue: string,
  roundingUnit: string,
  mode: RoundingMode,
): Apportionment {
  return valueMembers(columns(members), unitValue, roundingUnit, mode);
}

function valueMembers(members: Members, unitValue: string, roundingUnit: string, mode: RoundingMode): Apportionment {
  const { r, places: rPlaces } = unitScale(roundingUnit);
  const uPlaces = unitsPlaces(members);
  const vPlaces = decimalPlaces(unitValue);
  const v = toScaledBigInt(unitValue, vPlaces);
  if (v < 0n) throw engineError('apportion.negativeUnitValue', { amount: unitValue });
  const { groups, of, total: u } = groupByUnits(members, uPlaces);
  if (members.length === 0) throw engineError('apportion.noMembersToAssess');
  // u·V is scaled by 10^(uPlaces+vPlaces); the rounding unit by 10^rPlaces. Bring both to one scale.
  const pPlaces = uPlaces + vPlaces;
  const common = Math.max(pPlaces, rPlaces);
  const rAt = r * 10n ** BigInt(common - rPlaces);
  const pMul = 10n ** BigInt(common - pPlaces);
  const cache = new Map<Group, string>();
  const amounts = of.map((g) => {
    let a = cache.get(g);
    if (a === undefined) {
      a = formatScaled(roundDiv(g.units * v * pMul, rAt, mode) * r, rPlaces);
      cache.set(g, a);
    }
    return a;
  });
  return {
    amounts,
    roundedUp: new Array<boolean>(members.length).fill(false),
    totalUnits: formatUnits(u, uPlaces),
    percents: percentsOf(members, groups, of),
  };
}

/** R9 round a decimal amount to the rounding unit. */
export function roundToUnit(amount: string, roundingUnit: string, mode: RoundingMode): string {
  const { r, places: rPlaces } = unitScale(roundingUnit);
  const aPlaces = decimalPlaces(amount);
  const common = Math.max(aPlaces, rPlaces);
  const a = toScaledBigInt(amount, aPlaces) * 10n ** BigInt(common - aPlaces);
  return formatScaled(roundDiv(a, r * 10n ** BigInt(common - rPlaces), mode) * r, rPlaces);
}

/** Sum of plain decimal strings, exactly, written with `places` decimals. */
export function sumAmounts(amounts: readonly string[], places: number): string {
  let s = 0n;
  for (const a of amounts) s += toScaledBigInt(a, places);
  return formatScaled(s, places);
}

function formatUnits(u: bigint, places: number): string {
  const s = formatScaled(u, places);
  return places > 0 ? s.replace(/\.?0+$/, '') : s;
}
