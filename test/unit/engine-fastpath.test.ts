import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine/assess';
import { Holdings } from '../../shared/model/classes';
import { Ledger, unpaidUpTo } from '../../shared/engine/ledger';
import type { Payment, Workbook } from '../../shared/model/types';
import { budget, workbook } from './helpers';

// The engine's fast paths against its general ones over generated workbooks: the one-class holding (R1/R2) against
// the class timeline (R11, R13), tables reused for years with the same inputs against a table per year (R4–R12),
// and the settlement a status reads against the account it comes from (R15–R16), amounts past 2^53 cents included.

const YEARS = [2020, 2021, 2022, 2023, 2024, 2025];
const CODES = ['A', 'B', 'C', 'D', 'E'];
const PARIS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

const dateArb = fc
  .record({
    y: fc.integer({ min: 2019, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const memberArb = fc.record({
  confClass: fc.constantFrom('A', 'B', 'C', 'A', 'B', 'C', 'A', 'B', 'C', 'Z'), // Z is not a class: an error either way
  secondClass: fc.option(
    fc.record({ year: fc.integer({ min: 2018, max: 2025 }), class: fc.constantFrom('A', 'B', 'C') }),
    { nil: undefined },
  ),
  holdingYear: fc.constantFrom(2000, 2000, 2000, 2000, 2000, 2000, 2000, 2000, 2019, 2022), // 2022: no class before, an error
  inParis: fc.boolean(),
  parisClass: fc.constantFrom(...PARIS),
  inLocarno: fc.boolean(),
  locarnoOwn: fc.option(fc.constantFrom(...PARIS), { nil: undefined }),
  weight: fc.option(fc.constantFrom('1', '2.5', '0.125'), { nil: undefined }),
  joined: fc.option(dateArb, { nil: undefined }),
  withdrew: fc.option(dateArb, { nil: undefined }),
  change: fc.option(
    fc.record({
      toClass: fc.constantFrom('A', 'B', 'C'),
      notifiedOn: dateArb,
      session: fc.boolean(),
      requestedYear: fc.option(fc.integer({ min: 2021, max: 2026 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
});

const paymentArb = fc.record({
  member: fc.nat(),
  date: dateArb,
  cents: fc.integer({ min: 1, max: 20_000_000 }),
  budget: fc.constantFrom(undefined, undefined, undefined, 'conf', 'paris', 'locarno'),
  year: fc.option(fc.integer({ min: 2020, max: 2026 }), { nil: undefined, freq: 2 }),
  purpose: fc.constantFrom(undefined, undefined, 'contribution' as const, 'wcf' as const),
  currency: fc.constantFrom('CHF', 'CHF', 'CHF', 'CHF', 'CHF', 'USD'),
});

const caseArb = fc.record({
  members: fc.array(memberArb, { minLength: 1, maxLength: CODES.length }),
  rule: fc.constantFrom('full' as const, 'months' as const, 'days' as const),
  confMethod: fc.constantFrom('total' as const, 'unit-value' as const),
  // Few distinct levels, so that consecutive years often share their inputs and a table is reused.
  confLevels: fc.array(fc.constantFrom(1000, 1000, 25_000, 99_999), {
    minLength: YEARS.length,
    maxLength: YEARS.length,
  }),
  adopted: fc.array(fc.boolean(), { minLength: YEARS.length, maxLength: YEARS.length }),
  confUnit: fc.constantFrom('1', '0.01', '0.05'),
  huge: fc.constantFrom(false, false, false, false, true), // levels past 2^53 cents: the safe-integer path must step aside
  wcf: fc.option(
    fc.record({
      year: fc.integer({ min: 2021, max: 2025 }),
      proportion: fc.boolean(),
      decidedOn: fc.option(dateArb, { nil: undefined }),
    }),
    { nil: undefined },
  ),
  order: fc.constantFrom('wcf-then-oldest' as const, 'oldest-first' as const),
  payments: fc.array(paymentArb, { maxLength: 40 }),
  // Each member pays this percentage of each year's contribution in March, and stops after `stop`: mixed statuses.
  regular: fc.option(
    fc.record({ percent: fc.integer({ min: 40, max: 110 }), stop: fc.integer({ min: 2021, max: 2026 }) }),
    { nil: undefined },
  ),
  dates: fc.array(dateArb, { minLength: 1, maxLength: 3 }),
  /** Payments from a code that is no member's: kept apart, never credited. */
  stranger: fc.array(dateArb, { maxLength: 3 }),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Workbook {
  const codes = CODES.slice(0, c.members.length);
  const level = (n: number) => (c.huge ? `${n}00000000000000.05` : c.confUnit === '1' ? String(n) : `${n}.05`);
  const confYears = YEARS.map((year, i) => ({
    year,
    method: c.confMethod,
    amount: c.confMethod === 'total' ? level(c.confLevels[i]) : level(c.confLevels[i] % 97),
    adopted: i === 0 || c.adopted[i],
  }));
  const wb = workbook({
    settings: { newMemberRule: c.rule, creditingOrder: c.order },
    members: codes.map((code, i) => ({
      code,
      name: `State ${code}`,
      ...(i > 0 && c.members[i].withdrew ? { withdrew: c.members[i].withdrew } : {}),
    })),
    budgets: [
      budget('conf', 'wipo-convention', confYears, {
        roundingUnit: c.huge ? '0.01' : c.confUnit === '0.05' ? '0.05' : c.confUnit,
      }),
      budget(
        'paris',
        'paris',
        YEARS.map((year, i) => ({ year, method: 'total' as const, amount: String(700 + 13 * i), adopted: true })),
        { roundingUnit: '1' },
      ),
      budget(
        'locarno',
        'paris',
        YEARS.map((year) => ({ year, method: 'unit-value' as const, amount: '7', adopted: true })),
        { roundingUnit: '1', classesFrom: 'paris' },
      ),
      budget(
        'scale',
        'scale',
        YEARS.map((year) => ({ year, method: 'total' as const, amount: '1000.00', adopted: true })),
      ),
    ],
  });
  c.members.forEach((m, i) => {
    const code = codes[i];
    // The first member takes part in every budget from the start, so every table (and the WCF) has someone in it.
    const from = i > 0 && m.joined ? { from: m.joined } : {};
    const confClasses: { year: number; class: string }[] = [
      { year: i === 0 ? 2000 : m.holdingYear, class: i === 0 ? 'A' : m.confClass },
    ];
    if (m.secondClass && i > 0) confClasses.push(m.secondClass);
    wb.participations.push({ member: code, budget: 'conf', classes: confClasses, ...from });
    if (m.inParis || i === 0)
      wb.participations.push({
        member: code,
        budget: 'paris',
        classes: [{ year: 2000, class: m.parisClass }],
        ...from,
      });
    if ((m.inLocarno && m.inParis) || i === 0)
      wb.participations.push({
        member: code,
        budget: 'locarno',
        classes: m.locarnoOwn ? [{ year: 2000, class: m.locarnoOwn }] : [],
        ...from,
      });
    if (m.weight !== undefined || i === 0)
      wb.participations.push({
        member: code,
        budget: 'scale',
        classes: [{ year: 2000, weight: m.weight ?? '1' }],
        ...from,
      });
    if (m.change && i > 0) {
      const ch = m.change;
      wb.classChanges.push({
        id: `n${i}`,
        member: code,
        budget: i % 2 ? 'conf' : 'paris',
        toClass: i % 2 ? ch.toClass : 'III',
        notifiedOn: ch.notifiedOn,
        ...(ch.session ? { sessionDate: ch.notifiedOn } : {}),
        ...(ch.requestedYear !== undefined ? { requestedYear: ch.requestedYear } : {}),
      });
    }
  });
  if (c.wcf)
    wb.wcfDecisions.push({
      id: 'w1',
      budget: 'conf',
      year: c.wcf.year,
      ...(c.wcf.proportion ? { proportion: '0.05' } : { amount: '999' }),
      ...(c.wcf.decidedOn ? { decidedOn: c.wcf.decidedOn } : {}),
    });
  wb.payments = c.payments.map((p, i): Payment => {
    const whole = c.huge && i % 2 === 0 ? `${p.cents}00000000000000` : String(Math.floor(p.cents / 100));
    const pay: Payment = {
      id: `p${i}`,
      member: codes[p.member % codes.length],
      date: p.date,
      amount: i % 3 === 0 ? whole : `${whole}.${String(p.cents % 100).padStart(2, '0')}`,
      currency: p.currency,
    };
    if (p.budget) pay.budget = p.budget;
    if (p.year !== undefined) pay.year = p.year;
    if (p.purpose) pay.purpose = p.purpose;
    return pay;
  });
  c.stranger.forEach((date, i) =>
    wb.payments.splice(i * 2, 0, { id: `x${i}`, member: 'XX', date, amount: '12.50', currency: 'CHF' }),
  );
  if (c.regular) {
    const { percent, stop } = c.regular;
    const ledger = new Ledger(wb);
    for (const b of wb.budgets)
      for (const year of YEARS) {
        if (year >= stop) continue;
        const t = outcome(() => ledger.table(b.id, year));
        if ('error' in t) continue;
        for (const [code, due] of t.value) {
          const part = (due * BigInt(percent)) / 100n;
          if (part > 0n)
            wb.payments.push({
              id: `r${wb.payments.length}`,
              member: code,
              date: `${year}-03-15`,
              amount: ledger.format(part, ledger.scale),
              currency: 'CHF',
            });
        }
      }
  }
  return wb;
}

/** The outcome of a call: its value, or the message it threw. */
function outcome<T>(f: () => T): { value: T } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

const RUNS = { numRuns: 150 };

describe('engine fast paths equal the general paths over generated inputs', () => {
  it('R1/R2/R11/R13: holding equals the class-timeline path for every budget, member and year', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = build(c);
        const fast = new Holdings(wb);
        const general = new Holdings(wb);
        for (const b of wb.budgets)
          for (const m of wb.members)
            for (let y = 1999; y <= 2027; y++)
              expect(outcome(() => fast.holding(b, m.code, y))).toEqual(
                outcome(() => general.timelineHolding(b, m.code, y)),
              );
      }),
      RUNS,
    );
  });

  it('R4–R13: the ledger, reusing a table for years with equal inputs, equals a table computed for each year', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.integer({ min: 2019, max: 2027 }), { minLength: 1, maxLength: 12 }),
        (c, order) => {
          const wb = build(c);
          const ledger = new Ledger(wb);
          for (const b of wb.budgets) {
            // Years asked in any order: the table kept for reuse is whichever was computed last.
            for (const y of [...order, ...YEARS]) {
              const reference = outcome(() => {
                const t = assessBudgetYear(wb, b.id, y);
                return new Map(t.rows.map((r) => [r.code, ledger.money(r.amount)]));
              });
              const got = outcome(() => wb.members.map((m) => ledger.assessed(b.id, m.code, y)));
              if ('error' in reference && reference.error.includes('no members assessed')) {
                expect(got).toEqual({ value: wb.members.map(() => 0n) });
              } else if ('error' in reference) {
                expect(got).toEqual(y < 2020 ? { value: wb.members.map(() => 0n) } : reference);
              } else {
                expect(got).toEqual({ value: wb.members.map((m) => reference.value.get(m.code) ?? 0n) });
              }
            }
          }
        },
      ),
      RUNS,
    );
  });

  it('R15/R16: the settlement a status reads equals the account it comes from', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 2019, max: 2030 }), (c, extra) => {
        const wb = build(c);
        const ledger = new Ledger(wb);
        const general = new Ledger(wb);
        for (const date of c.dates) {
          for (const m of wb.members) {
            for (const horizon of [Number(date.slice(0, 4)), Number(date.slice(0, 4)) + 2, extra]) {
              const settled = outcome(() => ledger.settle(m.code, date, horizon));
              const acc = outcome(() => general.account(m.code, date, horizon));
              if ('error' in acc || 'error' in settled) {
                expect(settled).toEqual(acc);
                continue;
              }
              const a = acc.value;
              expect(settled.value.horizon).toBe(a.horizon);
              expect(settled.value.unappliedAtHorizon).toBe(a.unappliedAtHorizon);
              for (const b of ledger.budgetsOfMember(m.code)) {
                const unpaid = settled.value.unpaid(b.id);
                for (let y = 2018; y <= horizon + 1; y++) expect(unpaid.upTo(y)).toBe(unpaidUpTo(a, b.id, y));
              }
            }
          }
          const stranger = ledger.account('XX', date);
          expect(stranger.payments.map((u) => u.payment.id)).toEqual(
            wb.payments
              .filter((p) => p.member === 'XX' && p.date <= date)
              .sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0))
              .map((p) => p.id),
          );
          expect(stranger.unapplied).toBe(stranger.payments.reduce((t, u) => t + u.amount, 0n));
        }
      }),
      RUNS,
    );
  });
});
