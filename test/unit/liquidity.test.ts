import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  compareLiquidity,
  liquidityBasis,
  liquidityProjection,
  monthEnds,
  projectLiquidity,
  simulateCashFlow,
  usualDate,
  type CashFlow,
  type LiquidityBasis,
} from '../../shared/engine/liquidity';
import { EngineError } from '../../shared/engine/apportion';
import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import type { Workbook } from '../../shared/model/types';
import { readCheckedWorkbook } from '../../shared/model/validate';
import { E7_MONTHS } from './cli-helpers';
import { budget, takesPart, workbook } from './helpers';

const E7 = 'test/fixtures/e7-workbook.json';
const e7 = (): Workbook => readCheckedWorkbook(readFileSync(E7, 'utf8'));

describe('R24 worked example E7', () => {
  const p = liquidityProjection(e7(), 'e7', 2026);

  it('E7: the usual dates come from three years of payments: P on 15 March, Q on 15 October', () => {
    expect(p.expected.map((e) => [e.code, e.amount, e.date, e.basis, e.from.map((f) => f.payment)])).toEqual([
      ['P', '600', '2026-03-15', 'usual', ['P-2023', 'P-2024', 'P-2025']],
      ['Q', '600', '2026-10-15', 'usual', ['Q-2023', 'Q-2024', 'Q-2025']],
    ]);
    // The payments into the fund itself are not payments of contributions: they give no usual date.
    expect(p.opening).toEqual({
      cash: '100',
      cashGiven: true,
      wcf: '150',
      wcfLevel: '150',
      advances: '0',
      ceiling: '200',
    });
  });

  it('E7: the WCF is first drawn on 28 February (100, refilled on 15 March); 50 of advances on 30 September', () => {
    expect(p.firstWcfDraw).toBe('2026-02-28');
    expect(p.firstAdvance).toBe('2026-09-30');
    expect(p.maxAdvances).toBe('50');
    expect(p.shortfall).toBe('0');
    expect(p.firstShortfall).toBeNull();
    expect(p.events).toEqual([
      { date: '2026-02-28', kind: 'wcf-drawn', amount: '100' },
      { date: '2026-03-15', kind: 'wcf-refilled', amount: '100' },
      { date: '2026-08-31', kind: 'wcf-drawn', amount: '100' },
      { date: '2026-09-30', kind: 'wcf-drawn', amount: '50' },
      { date: '2026-09-30', kind: 'advance-drawn', amount: '50' },
      { date: '2026-10-15', kind: 'advance-repaid', amount: '50' },
      { date: '2026-10-15', kind: 'wcf-refilled', amount: '150' },
    ]);
  });

  it('E7: month-ends, and the year ends with cash 100, WCF 150, advances 0, no shortfall', () => {
    const rows = p.months.map((m) =>
      [m.date, m.receipts, m.spending, m.cash, m.wcf, m.advances, m.shortfall].join(','),
    );
    expect(rows).toEqual(E7_MONTHS);
    expect([p.receipts, p.spending, p.spendingFrom]).toEqual(['1200', '1200', 'budget']);
  });

  it('E7 what-if: Q one month late needs 150 of advances, first on 30 September; the baseline is unchanged', () => {
    const c = compareLiquidity(liquidityBasis(e7(), 'e7', 2026), { late: [{ member: 'Q', months: 1 }] });
    expect(c.whatIf.expected.find((e) => e.code === 'Q')).toMatchObject({ date: '2026-11-15', late: 1, amount: '600' });
    expect(c.whatIf.maxAdvances).toBe('150');
    expect(c.baseline.maxAdvances).toBe('50');
    expect(c.summary.find((s) => s.key === 'maxAdvances')).toEqual({
      key: 'maxAdvances',
      baseline: '50',
      whatIf: '150',
      difference: '100',
    });
    expect(c.months[9]).toMatchObject({
      date: '2026-10-31',
      difference: { receipts: '-600', advances: '150', cash: '-300', wcf: '-150' },
    });
    expect(c.members).toEqual([
      {
        code: 'Q',
        name: 'Quintia',
        baseline: { amount: '600', date: '2026-10-15' },
        whatIf: { amount: '600', date: '2026-11-15' },
      },
    ]);
    expect(c.whatIf.months[11]).toMatchObject({ cash: '100', wcf: '150', advances: '0' });
  });

  it('E7 what-if: Q three months late pays in the new year, so advances reach the ceiling of 200 on 30 November and 150 of spending is left unpaid', () => {
    const w = liquidityProjection(e7(), 'e7', 2026, { late: [{ member: 'Q', months: 3 }] });
    expect(w.expected.find((e) => e.code === 'Q')!.date).toBe('2027-01-15');
    expect(w.months[10]).toMatchObject({ receipts: '0', cash: '0', wcf: '0', advances: '200', shortfall: '50' });
    expect(w.months[11]).toMatchObject({ receipts: '0', cash: '0', wcf: '0', advances: '200', shortfall: '150' });
    expect([w.firstShortfall, w.shortfall, w.maxAdvances]).toEqual(['2026-11-30', '150', '200']);
  });

  it('E7 what-ifs: the largest contributor late, half collected, a date set, a member not paying', () => {
    // P and Q owe the same: the tie goes to the code first in order, P.
    const largest = liquidityProjection(e7(), 'e7', 2026, { lateLargest: { count: 1, months: 2 } });
    expect(largest.expected.map((e) => [e.code, e.date, e.late])).toEqual([
      ['P', '2026-05-15', 2],
      ['Q', '2026-10-15', undefined],
    ]);
    const half = liquidityProjection(e7(), 'e7', 2026, { collect: '50' });
    expect(half.expected.map((e) => e.amount)).toEqual(['300', '300']);
    expect(half.receipts).toBe('600');
    const dated = liquidityProjection(e7(), 'e7', 2026, { dates: [{ member: 'Q', date: '2026-06-01' }] });
    expect(dated.expected[1]).toMatchObject({ date: '2026-06-01', basis: 'what-if', usualDate: '2026-10-15' });
    expect(dated.firstAdvance).toBeNull();
    const none = liquidityProjection(e7(), 'e7', 2026, { notPaying: ['P'] });
    expect(none.expected[0]).toMatchObject({ amount: '0', date: null, basis: 'not-paying' });
    expect(none.firstAdvance).toBe('2026-03-31');
  });

  it('R24: the workbook sets a date, marks a member as not paying, gives a monthly plan and the WCF balance', () => {
    const wb = e7() as Workbook & { liquidity: object };
    wb.liquidity = {
      cash: [{ budget: 'e7', year: 2026, amount: '100.50', wcf: '20' }],
      spending: [
        { budget: 'e7', year: 2026, months: ['300', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '900'] },
      ],
      expected: [
        { member: 'P', year: 2026, date: '2026-01-20' },
        { member: 'Q', budget: 'e7', year: 2026, notPaying: true },
        { member: 'Q', year: 2026, date: '2026-02-01' },
        { member: 'P', year: 2025, notPaying: true },
      ],
    };
    const p = liquidityProjection(wb, 'e7', 2026);
    expect(p.spendingFrom).toBe('plan');
    expect(p.opening).toMatchObject({ cash: '100.50', wcf: '20.00', wcfLevel: '150.00' });
    expect(p.expected.map((e) => [e.code, e.date, e.basis, e.amount])).toEqual([
      ['P', '2026-01-20', 'override', '600.00'],
      ['Q', null, 'not-paying', '0.00'],
    ]);
    // 20 January: P's 600 refills the fund to 150 (130) and leaves 570.50; 31 January spends 300.
    expect(p.months[0]).toMatchObject({ receipts: '600.00', cash: '270.50', wcf: '150.00' });
    // 31 December spends 900: 270.50 of cash, the fund's 150, 200 of advances, and 279.50 is left unpaid.
    expect(p.months[11]).toMatchObject({ cash: '0.00', wcf: '0.00', advances: '200.00', shortfall: '279.50' });
    expect(p.firstWcfDraw).toBe('2026-12-31');
  });
});

describe('R24 from a workbook', () => {
  /** Two members of a budget of 1,000.00 a year since 2022; X pays late and owes arrears, Y pays its own way. */
  function book(): Workbook {
    return workbook({
      members: [
        { code: 'X', name: 'State X' },
        { code: 'Y', name: 'State Y' },
        { code: 'Z', name: 'State Z' },
      ],
      budgets: [
        budget(
          'b',
          'wipo-convention',
          [2022, 2023, 2024, 2025, 2026].map((year) => ({
            year,
            method: 'total' as const,
            amount: '1000.00',
            adopted: true,
          })),
        ),
      ],
      participations: [takesPart('X', 'b', 'A'), takesPart('Y', 'b', 'A'), takesPart('Z', 'b', 'C')],
      payments: [
        // X: 4 payments in the three years before 2026 (the 2021 one is too old); median of 02-01, 05-31, 06-30, 12-01 → 31 May.
        { id: 'x0', member: 'X', date: '2022-01-05', amount: '100', currency: 'CHF' },
        { id: 'x1', member: 'X', date: '2023-06-30', amount: '476.19', currency: 'CHF' },
        { id: 'x2', member: 'X', date: '2024-12-01', amount: '476.19', currency: 'CHF' },
        { id: 'x3', member: 'X', date: '2025-02-01', amount: '100', currency: 'CHF' },
        { id: 'x4', member: 'X', date: '2024-05-31', amount: '100', currency: 'CHF' },
        // Y: paid every year on 29 February of a leap year or 1 March; and once already in 2026.
        { id: 'y1', member: 'Y', date: '2024-02-29', amount: '476.19', currency: 'CHF' },
        { id: 'y2', member: 'Y', date: '2025-03-01', amount: '476.19', currency: 'CHF' },
        { id: 'y3', member: 'Y', date: '2023-02-28', amount: '476.19', currency: 'CHF' },
        { id: 'y4', member: 'Y', date: '2026-01-10', amount: '400', currency: 'CHF' },
        { id: 'y0', member: 'Y', date: '2022-02-28', amount: '476.19', currency: 'CHF' },
      ],
    });
  }

  it('R24: expected receipts are the year and its arrears, on the median day; recorded payments of the year count on their dates', () => {
    const p = liquidityProjection(book(), 'b', 2026);
    const [x, y, z] = p.expected;
    // X was assessed 476.19 a year (10 of 21 units) for 2022–2026: 2,380.95, and paid 1,252.38.
    expect(x).toMatchObject({
      code: 'X',
      contribution: '476.19',
      owed: '1128.57',
      received: '0.00',
      amount: '1128.57',
      date: '2026-05-31',
      basis: 'usual',
    });
    expect(x.from.map((f) => f.payment)).toEqual(['x1', 'x4', 'x2', 'x3']);
    // Y: 02-28, 02-29, 03-01 → 29 February, which 2026 does not have.
    expect(y).toMatchObject({ code: 'Y', owed: '76.19', received: '400.00', amount: '76.19', date: '2026-02-28' });
    // Z never paid: owed, but not expected.
    expect(z).toMatchObject({
      code: 'Z',
      owed: '238.10',
      amount: '0.00',
      date: null,
      usualDate: null,
      basis: 'no-history',
    });
    expect(p.months[0].receipts).toBe('400.00');
    expect(p.months[1].receipts).toBe('76.19');
    expect(p.months[4].receipts).toBe('1128.57');
    expect(p.receipts).toBe('1604.76');
    expect(p.opening).toMatchObject({ cash: '0.00', cashGiven: false, ceiling: '0.00' });
  });

  it('R15: money paid ahead in the year before is in hand, not a receipt of the year; a payment on 1 January is one', () => {
    const wb = book();
    // X pays its arrears and 100 of 2026 on 20 December 2025: credited to 2026 on 1 January, but received in 2025.
    wb.payments.push({ id: 'x5', member: 'X', date: '2025-12-20', amount: '752.38', currency: 'CHF' });
    wb.payments.push({ id: 'z5', member: 'Z', date: '2026-01-01', amount: '50.00', currency: 'CHF' });
    const p = liquidityProjection(wb, 'b', 2026);
    expect(p.expected[0]).toMatchObject({ code: 'X', owed: '376.19', received: '0.00', amount: '376.19' });
    expect(p.expected[2]).toMatchObject({ code: 'Z', owed: '188.10', received: '50.00' });
    expect(p.months[0].receipts).toBe('450.00');
  });

  it('R5: the budget is spread over the 12 month-ends exactly, the odd cents to the earliest months', () => {
    const p = liquidityProjection(book(), 'b', 2026);
    expect(p.months.map((m) => m.spending)).toEqual([
      '83.34',
      '83.34',
      '83.34',
      '83.34',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
      '83.33',
    ]);
    expect(p.spending).toBe('1000.00');
  });

  it('R20: advances outstanding on 1 January, and a ceiling that lapses when a denounced agreement ends', () => {
    const wb = book();
    wb.advanceAgreements = [
      {
        id: 'a1',
        hostState: 'X',
        ceiling: '500',
        currency: 'CHF',
        movements: [{ date: '2025-06-01', kind: 'drawn', amount: '120' }],
      },
      // Notified in 2022: the obligation ended on 2025-12-31, so it adds nothing in 2026.
      {
        id: 'a2',
        hostState: 'Y',
        ceiling: '300',
        currency: 'CHF',
        movements: [],
        denunciation: { by: 'organization', notifiedOn: '2022-03-01' },
      },
      { id: 'a3', hostState: 'Y', ceiling: '900', currency: 'EUR', movements: [] },
    ];
    const p = liquidityProjection(wb, 'b', 2026);
    expect(p.opening).toMatchObject({ advances: '120.00', ceiling: '500.00' });
    // January: 83.34 spent, nothing received but Y's 400 on 10 January, which first repays the 120.
    expect(p.months[0]).toMatchObject({ cash: '196.66', advances: '0.00' });
  });

  it('R19: the fund on 1 January is what members paid into it by 31 December, as the WCF report says', () => {
    const wb = book();
    wb.wcfDecisions = [
      { id: 'w1', budget: 'b', year: 2024, proportion: '0.1' },
      // Falls due in 2026: nothing of it is in the fund on 1 January.
      { id: 'w2', budget: 'b', year: 2026, amount: '90.00', decidedOn: '2026-03-01' },
    ];
    wb.payments.push({ id: 'z1', member: 'Z', date: '2025-12-31', amount: '10', currency: 'CHF', purpose: 'wcf' });
    wb.payments.push({ id: 'z2', member: 'Z', date: '2026-01-02', amount: '5', currency: 'CHF', purpose: 'wcf' });
    const basis = liquidityBasis(wb, 'b', 2026);
    const report = wcfReport(new Ledger(wb), '2025-12-31', 'b');
    // Shares of 10 % of 2024: X 47.62, Y 47.62, Z 4.76 (Z's 10 pays its 4.76; its 2026 payment comes too late).
    expect(report.funds[0].balance).toBe('100.00');
    expect(basis.wcfLevel).toBe(10000n);
    expect(liquidityProjection(wb, 'b', 2026).opening).toMatchObject({ wcf: '100.00', wcfLevel: '100.00' });
  });

  it('refuses a year before the budget and a what-if about a member not in it, in plain words', () => {
    expect(() => liquidityBasis(book(), 'b', 2021)).toThrow(EngineError);
    expect(() => liquidityBasis(book(), 'b', 2021)).toThrow('b has no budget for 2021');
    const basis = liquidityBasis(book(), 'b', 2026);
    expect(() => projectLiquidity(basis, { late: [{ member: 'W', months: 1 }] })).toThrow('W is not a member of b');
    expect(() => projectLiquidity(basis, { collect: '100.5' })).toThrow('percentage from 0 to 100');
    expect(() => projectLiquidity(basis, { dates: [{ member: 'X', date: '2027-01-01' }] })).toThrow(
      'not a day of 2026',
    );
  });
});

describe('R24 dates', () => {
  it('usual date: the median month and day; of an even count, the earlier middle one', () => {
    expect(usualDate([], 2026)).toBeNull();
    expect(usualDate(['2023-03-15', '2024-03-15', '2025-03-15'], 2026)).toBe('2026-03-15');
    expect(usualDate(['2025-12-01', '2023-01-05'], 2026)).toBe('2026-01-05');
    expect(usualDate(['2024-02-29'], 2026)).toBe('2026-02-28');
    expect(usualDate(['2024-02-29'], 2028)).toBe('2028-02-29');
  });

  it('months later, on the same day or the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-10-15', 3)).toBe('2027-01-15');
    expect(addMonths('2026-12-31', 0)).toBe('2026-12-31');
    expect(addMonths('2026-05-31', 21)).toBe('2028-02-29');
    expect(monthEnds(2024)[1]).toBe('2024-02-29');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties over generated inputs.

const RUNS = { numRuns: Number(process.env.LIQUIDITY_RUNS ?? 300) };
const YEAR = 2024;
const money = fc.bigInt({ min: 0n, max: 2_000n });
const dayOf = (n: number) => {
  // n in 0..365: a day of 2024 (leap), or 366 = 1 January 2025 (outside the year, never counted).
  const d = new Date(Date.UTC(YEAR, 0, 1 + n));
  return d.toISOString().slice(0, 10);
};
const receiptArb = fc.record({ day: fc.integer({ min: 0, max: 366 }), amount: fc.bigInt({ min: 1n, max: 3_000n }) });
const flowArb = fc.record({
  cash: money,
  wcf: money,
  wcfExtra: fc.bigInt({ min: 0n, max: 500n }),
  advances: fc.bigInt({ min: 0n, max: 300n }),
  ceiling: fc.bigInt({ min: 0n, max: 1_500n }),
  ceilingDropsAt: fc.option(fc.integer({ min: 0, max: 11 }), { nil: undefined, freq: 2 }),
  spending: fc.array(fc.bigInt({ min: 0n, max: 1_000n }), { minLength: 12, maxLength: 12 }),
  receipts: fc.array(receiptArb, { maxLength: 12 }),
});
type FlowCase = typeof flowArb extends fc.Arbitrary<infer T> ? T : never;

function flow(c: FlowCase, receipts = c.receipts): CashFlow {
  return {
    year: YEAR,
    cash: c.cash,
    wcf: c.wcf,
    wcfLevel: c.wcf + c.wcfExtra,
    advances: c.advances,
    ceilings: Array.from({ length: 12 }, (_, m) =>
      c.ceilingDropsAt !== undefined && m >= c.ceilingDropsAt ? c.ceiling / 2n : c.ceiling,
    ),
    spending: c.spending,
    receipts: receipts.map((r) => ({ date: dayOf(r.day), amount: r.amount })),
  };
}

/**
 * Every month-end of `a` at least as well off as `b`: no less cash or WCF, no more advances and shortfall together;
 * under one ceiling all year (at least the advances of 1 January), no more advances and no more shortfall each.
 * (When the ceiling falls below what is outstanding, an advance can stand where `a` has a shortfall instead: both
 * are owed, receipts pay the shortfall first, so only their sum compares.)
 */
/** One ceiling all year, never below what is outstanding on 1 January. */
const steady = (c: FlowCase) => c.ceilingDropsAt === undefined && c.advances <= c.ceiling;

function noWorse(a: ReturnType<typeof simulateCashFlow>, b: ReturnType<typeof simulateCashFlow>, oneCeiling: boolean) {
  a.months.forEach((m, i) => {
    const o = b.months[i];
    expect(
      m.cash >= o.cash && m.wcf >= o.wcf && m.advances + m.shortfall <= o.advances + o.shortfall,
      `${m.date}`,
    ).toBe(true);
    if (oneCeiling) expect(m.advances <= o.advances && m.shortfall <= o.shortfall, `${m.date}`).toBe(true);
  });
  if (oneCeiling) expect(a.maxAdvances <= b.maxAdvances && a.shortfall <= b.shortfall).toBe(true);
}

describe('R24 properties of the cash flow over generated inputs', () => {
  it('conservation: cash + WCF − advances − shortfall moves by exactly the receipts less the spending', () => {
    fc.assert(
      fc.property(flowArb, (c) => {
        const input = flow(c);
        const r = simulateCashFlow(input);
        let position = input.cash + input.wcf - input.advances;
        let received = 0n;
        for (const m of r.months) {
          const now = m.cash + m.wcf - m.advances - m.shortfall;
          expect(now - position).toBe(m.receipts - m.spending);
          position = now;
          received += m.receipts;
          expect(m.cash >= 0n && m.wcf >= 0n && m.advances >= 0n && m.shortfall >= 0n).toBe(true);
          expect(m.wcf <= input.wcfLevel).toBe(true);
        }
        // Receipts outside the year are not counted; the others all are.
        expect(received).toBe(
          input.receipts.filter((x) => x.date.startsWith(`${YEAR}-`)).reduce((s, x) => s + x.amount, 0n),
        );
        // The total shortfall is at least what is still unpaid at the year's end.
        expect(r.shortfall >= r.months[11].shortfall).toBe(true);
      }),
      RUNS,
    );
  });

  it('advances never exceed the ceiling in force (nor what was outstanding on 1 January)', () => {
    fc.assert(
      fc.property(flowArb, (c) => {
        const input = flow(c);
        const r = simulateCashFlow(input);
        r.months.forEach((m, i) => {
          const prev = i === 0 ? input.advances : r.months[i - 1].advances;
          expect(m.advances <= (input.ceilings[i] > prev ? input.ceilings[i] : prev)).toBe(true);
        });
        const top = input.ceilings.reduce((a, b) => (a > b ? a : b), input.advances);
        expect(r.maxAdvances <= top).toBe(true);
        // Anything not paid was beyond the ceiling: a shortfall only arises when the advances are at it.
        r.events
          .filter((e) => e.kind === 'shortfall')
          .forEach((e) => {
            const i = r.months.findIndex((m) => m.date === e.date);
            expect(r.months[i].cash).toBe(0n);
            expect(r.months[i].wcf).toBe(0n);
            expect(r.months[i].advances >= input.ceilings[i]).toBe(true);
          });
      }),
      RUNS,
    );
  });

  it('with no spending nothing is drawn', () => {
    fc.assert(
      fc.property(flowArb, (c) => {
        const r = simulateCashFlow(flow({ ...c, spending: new Array<bigint>(12).fill(0n) }));
        expect([r.firstWcfDraw, r.firstAdvance, r.firstShortfall, r.shortfall]).toEqual([null, null, null, 0n]);
        expect(r.maxAdvances).toBe(c.advances);
        expect(r.events.every((e) => e.kind === 'wcf-refilled' || e.kind === 'advance-repaid')).toBe(true);
      }),
      RUNS,
    );
  });

  it('paying later never leaves more cash (or WCF, or fewer advances or less shortfall) at any month-end', () => {
    fc.assert(
      fc.property(
        flowArb,
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 12, maxLength: 12 }),
        (c, delays) => {
          const later = c.receipts.map((r, i) => ({ ...r, day: Math.min(366, r.day + delays[i]) }));
          noWorse(simulateCashFlow(flow(c)), simulateCashFlow(flow(c, later)), steady(c));
        },
      ),
      RUNS,
    );
  });

  it('more collected never means more shortfall, nor more advances', () => {
    fc.assert(
      fc.property(flowArb, fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 12, maxLength: 12 }), (c, pct) => {
        const less = c.receipts
          .map((r, i) => ({ ...r, amount: (r.amount * BigInt(pct[i])) / 100n }))
          .filter((r) => r.amount > 0n);
        noWorse(simulateCashFlow(flow(c)), simulateCashFlow(flow(c, less)), steady(c));
      }),
      RUNS,
    );
  });
});

// What-ifs on generated bases: the same properties through projectLiquidity, with the workbook's decimals.
const memberArb = fc.record({
  owed: fc.integer({ min: 0, max: 500_000 }),
  contribution: fc.integer({ min: 0, max: 500_000 }),
  day: fc.option(fc.integer({ min: 0, max: 365 }), { nil: undefined }),
});
const basisArb = fc.record({
  cash: fc.integer({ min: 0, max: 300_000 }),
  wcf: fc.integer({ min: 0, max: 300_000 }),
  ceiling: fc.integer({ min: 0, max: 300_000 }),
  spending: fc.array(fc.integer({ min: 0, max: 200_000 }), { minLength: 12, maxLength: 12 }),
  members: fc.array(memberArb, { minLength: 1, maxLength: 8 }),
});
type BasisCase = typeof basisArb extends fc.Arbitrary<infer T> ? T : never;

function basisOf(c: BasisCase): LiquidityBasis {
  return {
    budget: { id: 'b', name: 'Budget', currency: 'CHF', roundingUnit: '0.01' },
    year: YEAR,
    scale: 2,
    places: 2,
    cash: BigInt(c.cash),
    cashGiven: true,
    wcf: BigInt(c.wcf),
    wcfLevel: BigInt(c.wcf),
    advances: 0n,
    ceilings: new Array<bigint>(12).fill(BigInt(c.ceiling)),
    spending: c.spending.map(BigInt),
    spendingFrom: 'plan',
    participants: new Set(c.members.map((_, i) => `M${String(i).padStart(2, '0')}`)),
    members: c.members.map((m, i) => ({
      code: `M${String(i).padStart(2, '0')}`,
      name: `Member ${i}`,
      contribution: BigInt(m.contribution),
      owed: BigInt(m.owed),
      received: [],
      usualDate: m.day === undefined ? null : dayOf(m.day),
      from: [],
    })),
  };
}

const amount = (s: string) => BigInt(s.replace('.', ''));

describe('R24 what-ifs over generated bases', () => {
  it('a member paying N months late never leaves more cash at any month-end, nor needs fewer advances', () => {
    fc.assert(
      fc.property(basisArb, fc.nat(), fc.integer({ min: 1, max: 14 }), (c, who, months) => {
        const basis = basisOf(c);
        const member = basis.members[who % basis.members.length].code;
        const base = projectLiquidity(basis);
        const late = projectLiquidity(basis, { late: [{ member, months }] });
        base.months.forEach((m, i) => {
          expect(amount(late.months[i].cash) <= amount(m.cash)).toBe(true);
          expect(amount(late.months[i].advances) >= amount(m.advances)).toBe(true);
        });
        expect(amount(late.maxAdvances) >= amount(base.maxAdvances)).toBe(true);
        // The K largest late: the same, for any K.
        const largest = projectLiquidity(basis, { lateLargest: { count: 1 + (who % 3), months } });
        expect(amount(largest.shortfall) >= amount(base.shortfall)).toBe(true);
      }),
      RUNS,
    );
  });

  it('more collected never means more shortfall; 100 % collected is the baseline', () => {
    fc.assert(
      fc.property(basisArb, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (c, a, b) => {
        const basis = basisOf(c);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pct = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
        const less = projectLiquidity(basis, { collect: pct(lo) });
        const more = projectLiquidity(basis, { collect: pct(hi) });
        expect(amount(more.shortfall) <= amount(less.shortfall)).toBe(true);
        expect(amount(more.receipts) >= amount(less.receipts)).toBe(true);
        const all = projectLiquidity(basis, { collect: '100' });
        expect(all.months).toEqual(projectLiquidity(basis).months);
      }),
      RUNS,
    );
  });

  it('the comparison of the baseline with itself shows no difference', () => {
    fc.assert(
      fc.property(basisArb, (c) => {
        const cmp = compareLiquidity(basisOf(c), {});
        expect(cmp.members).toEqual([]);
        for (const m of cmp.months)
          for (const k of ['receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const)
            expect(m.difference[k]).toBe('0.00');
      }),
      { numRuns: 50 },
    );
  });
});
