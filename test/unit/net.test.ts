import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grossCreditNet } from '../../shared/engine/net';
import { Decimal } from '../../shared/model/decimal';

describe('R22 gross, credit and net', () => {
  it('E6: rates P 60, Q 30, R 10; gross 2,000,001, credit 300,001, unit 1', () => {
    const r = grossCreditNet(
      [
        { code: 'P', units: '60' },
        { code: 'Q', units: '30' },
        { code: 'R', units: '10' },
      ],
      '2000001',
      '300001',
      '1',
    );
    expect(r.gross).toEqual(['1200001', '600000', '200000']);
    expect(r.credit).toEqual(['180001', '90000', '30000']);
    expect(r.net).toEqual(['1020000', '510000', '170000']);
  });

  it('R22: the net column sums to exactly gross − credit, each member’s net is its gross less its credit', () => {
    const weights = fc.array(fc.integer({ min: 1, max: 100_000 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(weights, fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 10 ** 9 }), (w, a, b) => {
        const [gross, credit] = a >= b ? [a, b] : [b, a];
        const members = w.map((u, i) => ({ code: `M${i}`, units: (u / 1000).toFixed(3) }));
        const r = grossCreditNet(members, `${gross}.00`, `${credit}.00`, '0.01');
        const sum = (xs: string[]) => xs.reduce((s, x) => s.plus(x), new Decimal(0));
        expect(sum(r.gross).eq(gross)).toBe(true);
        expect(sum(r.credit).eq(credit)).toBe(true);
        expect(sum(r.net).eq(gross - credit)).toBe(true);
        r.net.forEach((n, i) => expect(new Decimal(n).eq(new Decimal(r.gross[i]).minus(r.credit[i]))).toBe(true));
      }),
      { numRuns: 200 },
    );
  });
});
