import { describe, expect, it } from 'vitest';
import { applyUnitValue, apportionTotal, EngineError, roundToUnit, sumAmounts } from '../../shared/engine/apportion';
import { compareCodePoints, roundDiv } from '../../shared/engine/exact';
import { WIPO_UNITARY } from '../../shared/model/schemes';

const amountsOf = (codes: string[], amounts: string[]) => Object.fromEntries(codes.map((c, i) => [c, amounts[i]]));

describe('worked examples', () => {
  it('E1: Conference budget of 1,000,000.00 CHF among classes A, B, C, C (R4–R6)', () => {
    const r = apportionTotal(
      [
        { code: 'P', units: '10' },
        { code: 'Q', units: '3' },
        { code: 'R', units: '1' },
        { code: 'S', units: '1' },
      ],
      '1000000.00',
      '0.01',
    );
    expect(amountsOf(['P', 'Q', 'R', 'S'], r.amounts)).toEqual({
      P: '666666.67',
      Q: '200000.00',
      R: '66666.67',
      S: '66666.66',
    });
    expect(r.totalUnits).toBe('15');
    expect(sumAmounts(r.amounts, 2)).toBe('1000000.00');
  });

  it('E2: unitary scheme, total 500,000 CHF, rounding unit 1', () => {
    const u = (c: string) => WIPO_UNITARY.classes.find((k) => k.code === c)!.units;
    const r = apportionTotal(
      [
        { code: 'P', units: u('IVbis') },
        { code: 'Q', units: u('VI') },
        { code: 'R', units: u('S') },
        { code: 'S', units: u('Ster') },
        { code: 'T', units: u('Ster') },
      ],
      '500000',
      '1',
    );
    expect(amountsOf(['P', 'Q', 'R', 'S', 'T'], r.amounts)).toEqual({
      P: '350877',
      Q: '140351',
      R: '5848',
      S: '1462',
      T: '1462',
    });
    expect(sumAmounts(r.amounts, 0)).toBe('500000');
  });

  it('E3: fixed unit value 45,579 CHF, rounding unit 1, half-up (R7)', () => {
    const r = applyUnitValue(
      WIPO_UNITARY.classes.map((c) => ({ code: c.code, units: c.units })),
      '45579',
      '1',
      'half-up',
    );
    expect(
      amountsOf(
        WIPO_UNITARY.classes.map((c) => c.code),
        r.amounts,
      ),
    ).toEqual({
      I: '1139475',
      II: '911580',
      III: '683685',
      IV: '455790',
      IVbis: '341843',
      V: '227895',
      VI: '136737',
      VIbis: '91158',
      VII: '45579',
      VIII: '22790',
      IX: '11395',
      S: '5697',
      Sbis: '2849',
      Ster: '1424',
    });
  });
});

describe('R4–R6 apportionment of a total', () => {
  it('R4: each exact quota is T·u_i/U; a total that divides evenly needs no remainder', () => {
    const r = apportionTotal(
      [
        { code: 'X', units: '3' },
        { code: 'Y', units: '1' },
      ],
      '400.00',
      '0.01',
    );
    expect(r.amounts).toEqual(['300.00', '100.00']);
    expect(r.roundedUp).toEqual([false, false]);
  });

  it('R5: remainders are compared exactly, not as rounded decimals or floats', () => {
    // Exact remainders: A .50000000000000187…, C .49999999999999…; as doubles they tie and C (more units) would win.
    const r = apportionTotal(
      [
        { code: 'A', units: '5.000000000000002' },
        { code: 'B', units: '2.000000000000001' },
        { code: 'C', units: '9.000000000000001' },
      ],
      '40',
      '1',
    );
    expect(r.amounts).toEqual(['13', '5', '22']);
  });

  it('R5: the units still missing go one each to the largest remainders', () => {
    const r = apportionTotal(
      [
        { code: 'A', units: '1' },
        { code: 'B', units: '1' },
        { code: 'C', units: '1' },
      ],
      '0.02',
      '0.01',
    );
    expect(r.amounts).toEqual(['0.01', '0.01', '0.00']);
    expect(r.roundedUp).toEqual([true, true, false]);
  });

  it('R6: equal remainders go to more units first, then code ascending in code-point order', () => {
    const r = apportionTotal(
      [
        { code: 'b', units: '1' },
        { code: 'B', units: '1' },
        { code: 'a', units: '1' },
      ],
      '0.01',
      '0.01',
    );
    // 'B' (U+0042) sorts before 'a' and 'b'.
    expect(r.amounts).toEqual(['0.00', '0.01', '0.00']);
    expect(compareCodePoints('\u{1F600}', '\uFFFF')).toBeGreaterThan(0); // UTF-16 order would say the opposite
    expect('\u{1F600}' < '\uFFFF').toBe(true);
  });

  it('R6: a share for percentages is shown to 4 decimals and never used for money', () => {
    const r = apportionTotal(
      [
        { code: 'A', units: '2' },
        { code: 'B', units: '1' },
      ],
      '3',
      '1',
    );
    expect(r.percents).toEqual(['66.6667', '33.3333']);
  });

  it('rejects a total that is not a whole number of rounding units, and zero units', () => {
    expect(() => apportionTotal([{ code: 'A', units: '1' }], '10.005', '0.01')).toThrow(EngineError);
    expect(() => apportionTotal([{ code: 'A', units: '0' }], '10', '1')).toThrow(/zero units/);
    expect(() => apportionTotal([], '10', '1')).toThrow(/no members/);
  });

  it('works with a rounding unit that is not a power of ten (0.05)', () => {
    const r = apportionTotal(
      [
        { code: 'A', units: '1' },
        { code: 'B', units: '1' },
        { code: 'C', units: '1' },
      ],
      '1.00',
      '0.05',
    );
    expect(r.amounts).toEqual(['0.35', '0.35', '0.30']);
  });
});

describe('R9 rounding of a single amount', () => {
  it('R9: half-up by default, half-even when configured', () => {
    expect(roundToUnit('2.5', '1', 'half-up')).toBe('3');
    expect(roundToUnit('2.5', '1', 'half-even')).toBe('2');
    expect(roundToUnit('3.5', '1', 'half-even')).toBe('4');
    expect(roundToUnit('0.125', '0.01', 'half-up')).toBe('0.13');
    expect(roundToUnit('0.125', '0.01', 'half-even')).toBe('0.12');
    expect(roundToUnit('1234.5', '100', 'half-up')).toBe('1200');
    expect(roundDiv(-5n, 2n, 'half-up')).toBe(-3n);
  });

  it('R7 with R9 half-even: a unit value is rounded per member', () => {
    const r = applyUnitValue(
      [
        { code: 'A', units: '0.5' },
        { code: 'B', units: '1.5' },
      ],
      '45579',
      '1',
      'half-even',
    );
    expect(r.amounts).toEqual(['22790', '68368']); // 22789.5 → 22790 (even), 68368.5 → 68368 (even)
  });
});
