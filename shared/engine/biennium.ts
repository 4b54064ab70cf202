import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { engineErrorOf } from '../model/errors';

// Messages as data (issue 11): `engine.biennium.*`.
const messages = {
  notWhole: (amount: string, unit: string) => engineErrorOf('engine.biennium.notWhole', { amount, unitAmount: unit }),
  badUnit: (unit: string) => engineErrorOf('engine.biennium.badUnit', { unitAmount: unit }),
};

/** A budget adopted for two years with one figure (R23). */
export interface Biennium {
  years: [number, number];
  amount: string;
  /** The decision's own figure for each year; absent = half each (R23). */
  split?: [string, string];
}

/**
 * R23 each year of a biennium gets half of the biennial figure: the first year half rounded down to the rounding
 * unit, the second the rest, so the two always add up to the figure exactly.
 */
export function bienniumSplit(amount: string, roundingUnit: string): [string, string] {
  const places = Math.max(decimalPlaces(amount), decimalPlaces(roundingUnit));
  const a = toScaledBigInt(amount, places);
  const r = toScaledBigInt(roundingUnit, places);
  if (r <= 0n) throw messages.badUnit(roundingUnit);
  if (a % r !== 0n) throw messages.notWhole(amount, roundingUnit);
  const first = (a / r / 2n) * r;
  const out = decimalPlaces(roundingUnit);
  const show = (v: bigint) => formatScaled(v / 10n ** BigInt(places - out), out);
  return [show(first), show(a - first)];
}

/** R23 the figure of `year` under a biennium that covers it, or undefined. */
export function bienniumFigure(
  biennia: readonly Biennium[] | undefined,
  year: number,
  roundingUnit: string,
): string | undefined {
  for (const b of biennia ?? []) {
    const k = b.years.indexOf(year);
    if (k < 0) continue;
    return (b.split ?? bienniumSplit(b.amount, roundingUnit))[k];
  }
  return undefined;
}
