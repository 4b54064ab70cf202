import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyUnitValue, apportionTotal, sumAmounts, type Weighted } from '../../shared/engine/apportion';
import { compareCodePoints } from '../../shared/engine/exact';
import { Decimal, decimalPlaces, formatScaled, toScaledBigInt } from '../../shared/model/decimal';
import { WIPO_UNITARY } from '../../shared/model/schemes';

const classUnits = WIPO_UNITARY.classes.map((c) => c.units);
const unitsArb = fc.oneof(
  fc.constantFrom(...classUnits),
  fc.integer({ min: 1, max: 10_000_000 }).map((n) => formatScaled(BigInt(n), 4).replace(/\.?0+$/, '')),
);
const roundingArb = fc.constantFrom('0.01', '1', '0.05', '100');
const membersArb = fc.uniqueArray(fc.record({ code: fc.string({ minLength: 1, maxLength: 4 }), units: unitsArb }), {
  minLength: 1,
  maxLength: 40,
  selector: (m) => m.code,
});
const totalArb = (unit: string) =>
  fc
    .bigInt({ min: 0n, max: 10n ** 12n })
    .map((n) => formatScaled(n * toScaledBigInt(unit, decimalPlaces(unit)), decimalPlaces(unit)));
const caseArb = roundingArb.chain((unit) =>
  fc.record({ unit: fc.constant(unit), total: totalArb(unit), members: membersArb }),
);

/** A reference R4–R6 without grouping: every member's exact remainder as a rational, all sorted. */
function reference(members: Weighted[], total: string, unit: string): string[] {
  const p = 8;
  const u = members.map((m) => toScaledBigInt(m.units, p));
  const U = u.reduce((a, b) => a + b, 0n);
  const up = Math.max(decimalPlaces(total), decimalPlaces(unit));
  const tn = toScaledBigInt(total, up) / toScaledBigInt(unit, up);
  const floors = u.map((x) => (tn * x) / U);
  const rem = u.map((x) => (tn * x) % U);
  let missing = tn - floors.reduce((a, b) => a + b, 0n);
  const order = members
    .map((_, i) => i)
    .sort((i, j) =>
      rem[i] !== rem[j]
        ? rem[j] > rem[i]
          ? 1
          : -1
        : u[i] !== u[j]
          ? u[j] > u[i]
            ? 1
            : -1
          : compareCodePoints(members[i].code, members[j].code),
    );
  for (const i of order) if (missing-- > 0n) floors[i] += 1n;
  const r = toScaledBigInt(unit, decimalPlaces(unit));
  return floors.map((f) => formatScaled(f * r, decimalPlaces(unit)));
}

describe('properties over generated inputs', () => {
  it('R5: shares always sum exactly to the total', () => {
    fc.assert(
      fc.property(caseArb, ({ unit, total, members }) => {
        const r = apportionTotal(members, total, unit);
        expect(sumAmounts(r.amounts, decimalPlaces(unit))).toBe(total);
      }),
      { numRuns: 300 },
    );
  });

  it('R5/R6: the grouped algorithm equals a plain reference that sorts every member', () => {
    fc.assert(
      fc.property(caseArb, ({ unit, total, members }) => {
        expect(apportionTotal(members, total, unit).amounts).toEqual(reference(members, total, unit));
      }),
      { numRuns: 300 },
    );
  });

  it('R6: reordering the members changes no amount', () => {
    fc.assert(
      fc.property(
        caseArb.chain((c) =>
          fc.record({
            c: fc.constant(c),
            perm: fc.shuffledSubarray(c.members, { minLength: c.members.length, maxLength: c.members.length }),
          }),
        ),
        ({ c, perm }) => {
          const byCode = (ms: Weighted[], amounts: string[]) =>
            Object.fromEntries(ms.map((m, i) => [m.code, amounts[i]]));
          expect(byCode(perm, apportionTotal(perm, c.total, c.unit).amounts)).toEqual(
            byCode(c.members, apportionTotal(c.members, c.total, c.unit).amounts),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('R4: in one table, more units never pay less (total and unit value)', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom('1', '45579', '0.37'), ({ unit, total, members }, value) => {
        for (const r of [apportionTotal(members, total, unit), applyUnitValue(members, value, unit, 'half-up')]) {
          for (let i = 0; i < members.length; i++)
            for (let j = 0; j < members.length; j++) {
              if (new Decimal(members[i].units).gt(members[j].units))
                expect(new Decimal(r.amounts[i]).gte(r.amounts[j])).toBe(true);
            }
        }
      }),
      { numRuns: 200 },
    );
  });

  it("R4/R5: raising one member's units, others unchanged, never lowers its amount", () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 1000 }), ({ unit, total, members }, pick, more) => {
        const i = pick % members.length;
        const raised = members.map((m, k) =>
          k === i ? { ...m, units: new Decimal(m.units).plus(more).toFixed() } : m,
        );
        const before = apportionTotal(members, total, unit).amounts[i];
        const after = apportionTotal(raised, total, unit).amounts[i];
        expect(new Decimal(after).gte(before)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('R7: a unit-value budget equals units × value, rounded to the rounding unit', () => {
    fc.assert(
      fc.property(
        membersArb,
        fc.integer({ min: 0, max: 10_000_000 }),
        roundingArb,
        fc.constantFrom('half-up', 'half-even') as fc.Arbitrary<'half-up' | 'half-even'>,
        (members, v, unit, mode) => {
          const value = formatScaled(BigInt(v), 2);
          const r = applyUnitValue(members, value, unit, mode);
          members.forEach((m, i) => {
            const expected = new Decimal(m.units)
              .mul(value)
              .div(unit)
              .toDecimalPlaces(0, mode === 'half-up' ? Decimal.ROUND_HALF_UP : Decimal.ROUND_HALF_EVEN)
              .mul(unit)
              .toFixed(decimalPlaces(unit));
            expect(r.amounts[i]).toBe(expected);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
