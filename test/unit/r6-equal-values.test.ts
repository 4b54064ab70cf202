// Issue 15 item 1: R6 ties are broken on the exact value of the units, whatever their spelling.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyUnitValue, apportionTotal, type Weighted } from '../../shared/engine/apportion';
import { assessBudgetYear } from '../../shared/engine/assess';
import { Ledger } from '../../shared/engine/ledger';
import { wcfShares } from '../../shared/engine/wcf';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../../shared/model/decimal';
import { budget, takesPart, workbook } from './helpers';

const byCode = (ms: readonly Weighted[], amounts: string[]) =>
  Object.fromEntries(ms.map((m, i) => [m.code, amounts[i]]));

/** Equal values written another way: trailing zeros, a leading zero, both. All are plain decimals the files accept. */
function respell(units: string, how: number): string {
  const withDot = units.includes('.') ? units : `${units}.`;
  switch (how % 4) {
    case 0:
      return units;
    case 1:
      return `${withDot}0`;
    case 2:
      return `0${units}`;
    default:
      return `00${withDot}000`;
  }
}

describe('R6 ties on the exact value of the units (issue 15 item 1)', () => {
  it('R6: B 1 / A 1.0 / C 1, total 1.00: the extra cent goes to A (code order over equal units)', () => {
    const ms = [
      { code: 'B', units: '1' },
      { code: 'A', units: '1.0' },
      { code: 'C', units: '1' },
    ];
    expect(byCode(ms, apportionTotal(ms, '1.00', '0.01').amounts)).toEqual({ A: '0.34', B: '0.33', C: '0.33' });
  });

  it('R6: "01", "1.000" and "1" are one unit count; two cents go to the two first codes', () => {
    const ms = [
      { code: 'D', units: '1' },
      { code: 'C', units: '01' },
      { code: 'B', units: '1.000' },
      { code: 'A', units: '3' },
    ];
    // U = 6, T = 1.00 → floors 0.16 ×3 and 0.50; 2 cents to B and C (equal remainders, equal units, code order).
    expect(byCode(ms, apportionTotal(ms, '1.00', '0.01').amounts)).toEqual({
      A: '0.50',
      B: '0.17',
      C: '0.17',
      D: '0.16',
    });
  });

  it('R6: code order over equal units spelled "2.0" and "2"', () => {
    const ms = [
      { code: 'A', units: '1' },
      { code: 'Z', units: '2.0' },
      { code: 'B', units: '2' },
    ];
    // U = 5, T = 0.04: floors 0, 0.01, 0.01; remainders (fifths of a cent) A 4, Z 3, B 3; 2 cents go to A, then B.
    expect(byCode(ms, apportionTotal(ms, '0.04', '0.01').amounts)).toEqual({ A: '0.01', B: '0.02', Z: '0.01' });
  });

  it('R6/R19: a WCF amount shared on contributions written with different decimals goes by code', () => {
    const contributions = [
      { code: 'FR', amount: '100' },
      { code: 'CH', amount: '100.00' },
      { code: 'DE', amount: '100' },
    ];
    const shares = wcfShares({ id: 'w', budget: 'b', year: 2026, amount: '1.00' }, contributions, {
      roundingUnit: '0.01',
      rounding: 'half-up',
    });
    expect(Object.fromEntries(shares.map((s) => [s.code, s.share]))).toEqual({ CH: '0.34', DE: '0.33', FR: '0.33' });
  });

  it('R6: in a workbook, FR (class X, "1") and CH (class Y, "1.0"): the cent goes to CH', () => {
    const wb = workbook({
      schemes: [
        {
          id: 'two',
          name: 'Two',
          kind: 'classes',
          classes: [
            { code: 'X', units: '1' },
            { code: 'Y', units: '1.0' },
          ],
        },
      ],
      members: ['FR', 'CH', 'DE'].map((code) => ({ code, name: code })),
      budgets: [budget('b', 'two', [{ year: 2026, method: 'total', amount: '1.00', adopted: true }])],
      participations: [takesPart('FR', 'b', 'X'), takesPart('CH', 'b', 'Y'), takesPart('DE', 'b', 'X')],
    });
    const t = assessBudgetYear(wb, 'b', 2026);
    expect(Object.fromEntries(t.rows.map((r) => [r.code, r.amount]))).toEqual({ CH: '0.34', DE: '0.33', FR: '0.33' });
    // The ledger's table (what arrears and WCF shares are built on) agrees.
    const ledger = new Ledger(wb);
    expect(ledger.table('b', 2026).get('CH')).toBe(34n);
  });

  // The property of the issue: any member's units rewritten in an equivalent form changes no cent.
  const unitsArb = fc.oneof(
    fc.constantFrom('1', '3', '10', '0.5', '7.5', '0.125', '0.03125', '2', '0.25'),
    fc.integer({ min: 1, max: 2_000 }).map((n) => formatScaled(BigInt(n), 2).replace(/\.?0+$/, '')),
  );
  const membersArb = fc.uniqueArray(
    fc.record({ code: fc.string({ minLength: 1, maxLength: 3 }), units: unitsArb, how: fc.nat(3) }),
    {
      minLength: 1,
      maxLength: 30,
      selector: (m) => m.code,
    },
  );
  const caseArb = fc.record({
    unit: fc.constantFrom('0.01', '1', '0.05'),
    cents: fc.bigInt({ min: 0n, max: 10n ** 9n }),
    members: membersArb,
  });

  it('R6 property: rewriting any unit or weight in an equivalent form changes no cent (total and unit value)', () => {
    fc.assert(
      fc.property(caseArb, ({ unit, cents, members }) => {
        const total = formatScaled(cents * toScaledBigInt(unit, decimalPlaces(unit)), decimalPlaces(unit));
        const plain = members.map((m) => ({ code: m.code, units: m.units }));
        const respelled = members.map((m) => ({ code: m.code, units: respell(m.units, m.how) }));
        expect(apportionTotal(respelled, total, unit).amounts).toEqual(apportionTotal(plain, total, unit).amounts);
        expect(apportionTotal(respelled, total, unit).roundedUp).toEqual(apportionTotal(plain, total, unit).roundedUp);
        expect(applyUnitValue(respelled, '45579.37', unit, 'half-even').amounts).toEqual(
          applyUnitValue(plain, '45579.37', unit, 'half-even').amounts,
        );
      }),
      { numRuns: 500, seed: 15 },
    );
  });
});
