import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAmounts, Decimal } from '../../shared/model/decimal';

describe('R3 amounts ordered exactly for sorting', () => {
  it('orders by value, not as text, and past the digits a JS number holds', () => {
    expect(['1000', '999', '12.5', '0.00', '1000.01'].sort(compareAmounts)).toEqual([
      '0.00',
      '12.5',
      '999',
      '1000',
      '1000.01',
    ]);
    // 2^53 + 1 and 2^53 are the same JS number; not the same amount.
    expect(compareAmounts('9007199254740993', '9007199254740992')).toBe(1);
    expect(compareAmounts('5.10', '5.1')).toBe(0);
    expect(compareAmounts('-1', '0')).toBe(-1);
  });

  it('puts missing or unreadable values first', () => {
    expect([null, '5', '', 'n/a', '-3'].sort(compareAmounts).slice(-2)).toEqual(['-3', '5']);
    expect(compareAmounts(undefined, '-5')).toBe(-1);
    expect(compareAmounts(null, undefined)).toBe(0);
  });

  it('agrees with Decimal on generated amounts', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.nat({ max: 4 }))
      .map(([v, p]) => new Decimal(v.toString()).div(10 ** p).toFixed(p));
    fc.assert(
      fc.property(
        amount,
        amount,
        (a, b) => compareAmounts(a, b) === new Decimal(a).cmp(b) && compareAmounts(a, b) === -compareAmounts(b, a),
      ),
    );
  });
});
