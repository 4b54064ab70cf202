import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { liquidityBasis, projectLiquidity } from '../../shared/engine/liquidity';
import { wcfReport } from '../../shared/engine/wcf';
import { Ledger } from '../../shared/engine/ledger';
import type { Payment, Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { budget, takesPart, workbook } from './helpers';

// R24 properties over generated workbooks (the generator of ledger-properties.test.ts, cut down): members of one
// budget with payments of every kind over 2021–2026, an optional WCF decision and host-state agreement, cash and a
// plan or the budget spread, and expected dates set or members marked not paying.

const YEAR = 2026;
const CODES = ['A', 'B', 'C', 'D', 'E'];
const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
const dateArb = fc
  .record({
    y: fc.integer({ min: 2021, max: 2026 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const caseArb = fc.record({
  members: fc.integer({ min: 1, max: CODES.length }),
  classes: fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: CODES.length, maxLength: CODES.length }),
  totals: fc.array(fc.integer({ min: 1_000, max: 60_000 }), { minLength: 6, maxLength: 6 }),
  payments: fc.array(
    fc.record({
      member: fc.nat(),
      date: dateArb,
      cents: fc.integer({ min: 1, max: 4_000_000 }),
      purpose: fc.constantFrom(undefined, undefined, 'wcf' as const),
      year: fc.option(fc.integer({ min: 2021, max: 2026 }), { nil: undefined }),
    }),
    { maxLength: 16 },
  ),
  wcf: fc.option(fc.integer({ min: 2021, max: 2026 }), { nil: undefined }),
  ceiling: fc.option(fc.integer({ min: 1, max: 5_000_000 }), { nil: undefined }),
  cash: fc.option(fc.integer({ min: 0, max: 5_000_000 }), { nil: undefined }),
  plan: fc.option(fc.array(fc.integer({ min: 0, max: 1_500_000 }), { minLength: 12, maxLength: 12 }), {
    nil: undefined,
  }),
  overrides: fc.array(fc.record({ member: fc.nat(), day: fc.integer({ min: 0, max: 364 }), notPaying: fc.boolean() }), {
    maxLength: 3,
  }),
});
type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case, plan = c.plan): Workbook {
  const codes = CODES.slice(0, c.members);
  const payments: Payment[] = c.payments.map((p, i) => {
    const pay: Payment = {
      id: `p${i}`,
      member: codes[p.member % codes.length],
      date: p.date,
      amount: cents(p.cents),
      currency: 'CHF',
    };
    if (p.purpose) pay.purpose = p.purpose;
    if (p.year !== undefined) pay.year = p.year;
    return pay;
  });
  const seen = new Set<string>();
  const expected = c.overrides.flatMap((o) => {
    const member = codes[o.member % codes.length];
    if (seen.has(member)) return [];
    seen.add(member);
    const date = new Date(Date.UTC(YEAR, 0, 1 + o.day)).toISOString().slice(0, 10);
    return [o.notPaying ? { member, year: YEAR, notPaying: true as const } : { member, year: YEAR, date }];
  });
  const wb = workbook({
    members: codes.map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget(
        'b',
        'wipo-convention',
        c.totals.map((t, i) => ({ year: 2021 + i, method: 'total' as const, amount: cents(t * 100), adopted: true })),
      ),
    ],
    participations: codes.map((code, i) => takesPart(code, 'b', c.classes[i])),
    payments,
    wcfDecisions: c.wcf === undefined ? [] : [{ id: 'w', budget: 'b', year: c.wcf, proportion: '0.08' }],
    advanceAgreements:
      c.ceiling === undefined
        ? []
        : [{ id: 'h', hostState: codes[0], ceiling: cents(c.ceiling), currency: 'CHF', movements: [] }],
    liquidity: {
      cash: c.cash === undefined ? [] : [{ budget: 'b', year: YEAR, amount: cents(c.cash) }],
      spending: plan === undefined ? [] : [{ budget: 'b', year: YEAR, months: plan.map(cents) }],
      expected,
    },
  });
  const problems = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  if (problems.length > 0)
    throw new Error(`generator made an invalid workbook: ${problems[0].path}: ${problems[0].message}`);
  return wb;
}

const n = (s: string) => BigInt(s.replace('.', ''));
const RUNS = { numRuns: Number(process.env.LIQUIDITY_RUNS ?? 120) };

describe('R24 properties over generated workbooks', () => {
  it('conservation month by month; receipts are what was received plus what is expected within the year', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = build(c);
        const p = projectLiquidity(liquidityBasis(wb, 'b', YEAR));
        let position = n(p.opening.cash) + n(p.opening.wcf) - n(p.opening.advances);
        for (const m of p.months) {
          const now = n(m.cash) + n(m.wcf) - n(m.advances) - n(m.shortfall);
          expect(now - position).toBe(n(m.receipts) - n(m.spending));
          position = now;
        }
        const inYear = p.expected.reduce(
          (s, e) => s + n(e.received) + (e.date !== null && e.date <= `${YEAR}-12-31` ? n(e.amount) : 0n),
          0n,
        );
        expect(n(p.receipts)).toBe(inYear);
        for (const e of p.expected) {
          expect(n(e.amount) <= n(e.owed)).toBe(true);
          if (e.basis === 'no-history' || e.basis === 'not-paying') expect(e.amount).toBe('0.00');
        }
        // The budget spread or the plan, to the cent.
        expect(n(p.spending)).toBe(c.plan ? c.plan.reduce((s, v) => s + BigInt(v), 0n) : BigInt(c.totals[5]) * 100n);
        // The fund on 1 January is the WCF report's balance on 31 December.
        const fund = wcfReport(new Ledger(wb), `${YEAR - 1}-12-31`, 'b').funds[0];
        expect(n(p.opening.wcfLevel)).toBe(fund ? n(fund.balance) : 0n);
      }),
      RUNS,
    );
  });

  it('with no spending nothing is drawn; with the fund and advances gone, nothing is left unpaid that receipts could pay', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const p = projectLiquidity(liquidityBasis(build(c, new Array<number>(12).fill(0)), 'b', YEAR));
        expect([p.firstWcfDraw, p.firstAdvance, p.firstShortfall, p.maxAdvances, p.shortfall]).toEqual([
          null,
          null,
          null,
          '0.00',
          '0.00',
        ]);
        const q = projectLiquidity(liquidityBasis(build(c), 'b', YEAR));
        // Spending left unpaid at a month-end means nothing was left to draw that day.
        for (const m of q.months) if (m.shortfall !== '0.00') expect([m.cash, m.wcf]).toEqual(['0.00', '0.00']);
      }),
      RUNS,
    );
  });

  it('paying earlier never increases the advances needed: every member one month late needs no fewer', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 12 }), (c, months) => {
        const basis = liquidityBasis(build(c), 'b', YEAR);
        const base = projectLiquidity(basis);
        const late = projectLiquidity(basis, { lateLargest: { count: CODES.length, months } });
        expect(n(late.maxAdvances) >= n(base.maxAdvances)).toBe(true);
        expect(n(late.shortfall) >= n(base.shortfall)).toBe(true);
        base.months.forEach((m, i) => expect(n(late.months[i].cash) <= n(m.cash)).toBe(true));
      }),
      RUNS,
    );
  });
});
