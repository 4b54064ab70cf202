import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { apportionTotal, type Weighted } from './apportion';

// R22 gross, credit and net (tax equalization, staff assessment): the gross total and the credit are each
// apportioned on the same weights by R5, so each sums exactly; net = gross − credit per member, so the net column
// sums to exactly gross − credit. The workbook settings for it are issue 10's (docs/workbook-format.md).

export interface GrossCreditNet {
  gross: string[];
  credit: string[];
  net: string[];
}

/** R22 with totals apportioned by R5 (the figures in input order, with the rounding unit's decimals). */
export function grossCreditNet(
  members: readonly Weighted[],
  gross: string,
  credit: string,
  roundingUnit: string,
): GrossCreditNet {
  const g = apportionTotal(members, gross, roundingUnit).amounts;
  const c = apportionTotal(members, credit, roundingUnit).amounts;
  const places = decimalPlaces(roundingUnit);
  const net = g.map((a, i) => formatScaled(toScaledBigInt(a, places) - toScaledBigInt(c[i], places), places));
  return { gross: g, credit: c, net };
}
