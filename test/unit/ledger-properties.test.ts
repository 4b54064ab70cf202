import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VotingStatusBook, type VotingStatus } from '../../shared/engine/arrears';
import { Ledger, unpaidUpTo } from '../../shared/engine/ledger';
import { Decimal } from '../../shared/model/decimal';
import type { Payment, Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { budget, takesPart, workbook } from './helpers';

// R15–R18 properties over generated workbooks: a few members in two budgets, payments of every kind (unmarked,
// marked for a budget, a year, the WCF), an optional WCF decision, either crediting order.

const YEARS = [2021, 2022, 2023, 2024, 2025];
const CODES = ['A', 'B', 'C', 'D'];
const SEVERITY: Record<VotingStatus, number> = { ok: 0, 'in arrears': 1, 'vote kept by decision': 2, 'no vote': 3 };

const dateArb = fc
  .record({
    y: fc.integer({ min: 2021, max: 2027 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const paymentArb = fc.record({
  member: fc.integer({ min: 0, max: CODES.length - 1 }),
  date: dateArb,
  cents: fc.integer({ min: 1, max: 3_000_000 }),
  budget: fc.constantFrom(undefined, 'conf', 'paris'),
  year: fc.option(fc.integer({ min: 2021, max: 2026 }), { nil: undefined }),
  purpose: fc.constantFrom(undefined, undefined, 'contribution' as const, 'wcf' as const),
});

const caseArb = fc.record({
  members: fc.integer({ min: 1, max: CODES.length }),
  confClass: fc.array(fc.constantFrom('A', 'B', 'C'), { minLength: CODES.length, maxLength: CODES.length }),
  inParis: fc.array(fc.boolean(), { minLength: CODES.length, maxLength: CODES.length }),
  joined: fc.array(fc.option(fc.integer({ min: 2022, max: 2024 }), { nil: undefined }), {
    minLength: CODES.length,
    maxLength: CODES.length,
  }),
  confTotals: fc.array(fc.integer({ min: 1000, max: 50_000 }), { minLength: YEARS.length, maxLength: YEARS.length }),
  parisTotals: fc.array(fc.integer({ min: 100, max: 9_000 }), { minLength: YEARS.length, maxLength: YEARS.length }),
  confUnit: fc.constantFrom('1', '0.01'),
  wcf: fc.option(fc.record({ year: fc.integer({ min: 2022, max: 2025 }), proportion: fc.boolean() }), {
    nil: undefined,
  }),
  order: fc.constantFrom('wcf-then-oldest' as const, 'oldest-first' as const),
  payments: fc.array(paymentArb, { maxLength: 14 }),
  date: dateArb,
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case): Workbook {
  const codes = CODES.slice(0, c.members);
  const years = (totals: number[], unit: string) =>
    YEARS.map((year, i) => ({
      year,
      method: 'total' as const,
      amount: unit === '1' ? String(totals[i]) : `${totals[i]}.00`,
      adopted: true,
    }));
  const participations = codes.flatMap((code, i) => {
    // The first member belongs from the start, so every year (and the WCF decision) has someone assessed.
    const from = c.joined[i] === undefined || i === 0 ? {} : { from: `${c.joined[i]}-04-01` };
    const ps = [takesPart(code, 'conf', c.confClass[i], from)];
    if (c.inParis[i]) ps.push(takesPart(code, 'paris', 'VII', from));
    return ps;
  });
  const takes = new Set(participations.map((p) => `${p.member}/${p.budget}`));
  const payments: Payment[] = c.payments
    .filter((p) => p.member < codes.length)
    .map((p, i) => {
      const code = codes[p.member];
      const pay: Payment = {
        id: `p${i}`,
        member: code,
        date: p.date,
        amount: (BigInt(p.cents) / 100n).toString() + '.' + String(p.cents % 100).padStart(2, '0'),
        currency: 'CHF',
      };
      if (p.budget && takes.has(`${code}/${p.budget}`)) pay.budget = p.budget;
      if (p.year !== undefined) pay.year = p.year;
      if (p.purpose) pay.purpose = p.purpose;
      return pay;
    });
  const wb = workbook({
    settings: { newMemberRule: 'full', creditingOrder: c.order },
    members: codes.map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget('conf', 'wipo-convention', years(c.confTotals, c.confUnit), { roundingUnit: c.confUnit }),
      budget('paris', 'paris', years(c.parisTotals, '1'), { roundingUnit: '1' }),
    ],
    participations,
    payments,
    wcfDecisions: c.wcf
      ? [
          {
            id: 'w1',
            budget: 'conf',
            year: c.wcf.year,
            ...(c.wcf.proportion ? { proportion: '0.05' } : { amount: '999' }),
          },
        ]
      : [],
  });
  // Paris may have nobody in it; give it the first member then, so every budget can be computed.
  if (!wb.participations.some((p) => p.budget === 'paris')) wb.participations.push(takesPart(codes[0], 'paris', 'VII'));
  const problems = validateWorkbook(JSON.parse(JSON.stringify(wb)));
  if (problems.length > 0)
    throw new Error(`generator made an invalid workbook: ${problems[0].path}: ${problems[0].message}`);
  return wb;
}

/** Arrears and status of every member in every budget, and organization-wide, on a date. */
function statuses(wb: Workbook, date: string) {
  const book = new VotingStatusBook(wb);
  const out: Record<string, { arrears: Decimal; severity: number }> = {};
  for (const m of wb.members) {
    for (const b of book.ledger.budgetsOfMember(m.code)) {
      const s = book.budgetStatus(m.code, b, date);
      out[`${m.code}/${b.id}`] = { arrears: new Decimal(s.arrears), severity: SEVERITY[s.status] };
    }
  }
  for (const r of book.organizationReport(date).rows)
    out[`${r.code}/all`] = { arrears: new Decimal(r.arrears!), severity: SEVERITY[r.status] };
  return out;
}

const RUNS = { numRuns: 150 };

/** The case's workbook on its date, "if nothing more is paid": payments dated after it are left out. */
function onItsDate(c: Case): Workbook {
  const built = build(c);
  return { ...built, payments: built.payments.filter((p) => p.date <= c.date) };
}

/** R18 `wb` with one more payment recorded on `date`, marked for `budget` (or for none), credited as R15 says. */
function withPaid(
  wb: Workbook,
  member: string,
  date: string,
  amount: Decimal,
  budget?: { id: string; currency: string },
): Workbook {
  const p: Payment = { id: 'r18', member, date, amount: amount.toFixed(), currency: budget?.currency ?? 'CHF' };
  if (budget) p.budget = budget.id;
  return { ...wb, payments: [...wb.payments, p] };
}

describe('R15–R18 properties over generated inputs', () => {
  it('R15: crediting never credits more than was paid, nor more than was assessed', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = build(c);
        const ledger = new Ledger(wb);
        for (const m of wb.members) {
          const acc = ledger.account(m.code, c.date, 2030);
          const byPayment = new Map<string, bigint>();
          for (const it of acc.items) {
            let sum = 0n;
            for (const cr of it.credits) {
              expect(cr.amount > 0n).toBe(true);
              sum += cr.amount;
              byPayment.set(cr.payment, (byPayment.get(cr.payment) ?? 0n) + cr.amount);
            }
            expect(sum).toBe(it.credited);
            expect(it.credited <= it.assessed).toBe(true);
          }
          for (const u of acc.payments) {
            expect(byPayment.get(u.payment.id) ?? 0n).toBe(u.credited);
            expect(u.credited <= u.amount).toBe(true);
          }
          const paid = acc.payments.reduce((s, u) => s + u.amount, 0n);
          expect(acc.payments.every((u) => u.payment.date <= c.date)).toBe(true);
          expect(acc.unappliedAtHorizon).toBe(paid - acc.items.reduce((s, i) => s + i.credited, 0n));
        }
      }),
      RUNS,
    );
  });

  it('R15: the sum of unpaid amounts equals assessed minus paid (less any credit not yet applied)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = build(c);
        const ledger = new Ledger(wb);
        for (const m of wb.members) {
          const acc = ledger.account(m.code, c.date);
          const due = acc.items.filter((i) => i.due <= c.date);
          const unpaid = due.reduce((s, i) => s + i.assessed - i.credited, 0n);
          const assessed = due.reduce((s, i) => s + i.assessed, 0n);
          const paid = acc.payments.reduce((s, u) => s + u.amount, 0n);
          expect(unpaid).toBe(assessed - paid + acc.unapplied);
        }
      }),
      RUNS,
    );
  });

  it('R15: unmarked payments made after everything fell due, within what is owed: unpaid = assessed − paid exactly', () => {
    fc.assert(
      fc.property(caseArb, fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }), (c, parts) => {
        const wb = build({ ...c, payments: [] });
        const ledger = new Ledger(wb);
        const code = wb.members[0].code;
        const owed = ledger
          .account(code, '2025-12-31')
          .items.filter((i) => i.due <= '2025-12-31')
          .reduce((s, i) => s + i.assessed, 0n);
        // Split at most what is owed into unmarked payments in 2026.
        const total = parts.reduce((s, p) => s + p, 0);
        wb.payments = parts.map((p, i) => ({
          id: `q${i}`,
          member: code,
          date: `2026-0${1 + (i % 9)}-15`,
          amount: ledger.format((owed * BigInt(p)) / BigInt(total + 1), ledger.scale),
          currency: 'CHF',
        }));
        const acc = new Ledger(wb).account(code, '2026-12-31', 2025);
        const paid = acc.payments.reduce((s, u) => s + u.amount, 0n);
        const unpaid = acc.items.reduce((s, i) => s + i.assessed - i.credited, 0n);
        expect(acc.unapplied).toBe(0n);
        expect(unpaid).toBe(owed - paid);
      }),
      RUNS,
    );
  });

  it('R16: a payment never raises arrears, in any budget or organization-wide', () => {
    fc.assert(
      fc.property(caseArb, paymentArb, (c, extra) => {
        const before = statuses(build(c), c.date);
        const after = statuses(
          build({ ...c, payments: [...c.payments, { ...extra, member: extra.member % c.members }] }),
          c.date,
        );
        for (const [key, b] of Object.entries(before)) expect(after[key].arrears.lte(b.arrears), key).toBe(true);
      }),
      RUNS,
    );
  });

  it('R17: status is monotonic in the amount paid', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.integer({ min: 1, max: 3_000_000 }), (c, which, more) => {
        fc.pre(c.payments.length > 0);
        const i = which % c.payments.length;
        const bigger = c.payments.map((p, j) => (j === i ? { ...p, cents: p.cents + more } : p));
        const before = statuses(build(c), c.date);
        const after = statuses(build({ ...c, payments: bigger }), c.date);
        for (const [key, b] of Object.entries(before)) {
          expect(after[key].severity <= b.severity, key).toBe(true);
          expect(after[key].arrears.lte(b.arrears), key).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('R18: the minimum payment, recorded on the day as R15 credits it (marked for the budget), restores the vote; one rounding unit less does not', () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = onItsDate(c);
        const book = new VotingStatusBook(wb);
        for (const m of wb.members) {
          for (const b of book.ledger.budgetsOfMember(m.code)) {
            const s = book.budgetStatus(m.code, b, c.date);
            if (s.status !== 'no vote') continue;
            checked++;
            const k = new Decimal(s.minimumPayment);
            const pay = (amount: Decimal) => withPaid(wb, m.code, c.date, amount, b);
            expect(
              new VotingStatusBook(pay(k)).budgetStatus(m.code, b, c.date).status,
              `${m.code}/${b.id} paying ${k} on ${c.date}`,
            ).not.toBe('no vote');
            const less = k.minus(b.roundingUnit);
            if (less.gt(0))
              expect(
                new VotingStatusBook(pay(less)).budgetStatus(m.code, b, c.date).status,
                `${m.code}/${b.id} paying ${less}`,
              ).toBe('no vote');
          }
        }
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('Art. 11(5)/R18: the organization-wide minimum, one payment marked for no budget, restores the vote everywhere; one rounding unit less does not', () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = onItsDate(c);
        for (const row of new VotingStatusBook(wb).organizationReport(c.date).rows) {
          if (row.status !== 'no vote') continue;
          checked++;
          const k = new Decimal(row.minimumPayment!);
          const pay = (amount: Decimal) => withPaid(wb, row.code, c.date, amount);
          expect(
            new VotingStatusBook(pay(k)).memberRow({ code: row.code, name: row.name }, c.date)!.status,
            `${row.code} paying ${k}`,
          ).not.toBe('no vote');
          // Less by the largest rounding unit of its budgets: whichever budget the figure completes last stays lost.
          const unit = Decimal.max(
            ...row.budgets!.map((b) => new Decimal(wb.budgets.find((x) => x.id === b.budget)!.roundingUnit)),
          );
          const less = k.minus(unit);
          if (less.gt(0))
            expect(
              new VotingStatusBook(pay(less)).memberRow({ code: row.code, name: row.name }, c.date)!.status,
              `${row.code} paying ${less}`,
            ).toBe('no vote');
        }
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('R18: paying “to keep it” before the day the vote would be lost keeps it that day; one rounding unit less does not', () => {
    let checked = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = onItsDate(c);
        const book = new VotingStatusBook(wb);
        for (const m of wb.members) {
          for (const b of book.ledger.budgetsOfMember(m.code)) {
            const s = book.budgetStatus(m.code, b, c.date);
            if (s.losesVoteOn === null) {
              expect(s.paymentToKeep).toBeNull();
              continue;
            }
            checked++;
            const k = new Decimal(s.paymentToKeep!);
            expect(k.gt(0)).toBe(true);
            const pay = (amount: Decimal) => withPaid(wb, m.code, c.date, amount, b);
            const kept = new VotingStatusBook(pay(k)).budgetStatus(m.code, b, s.losesVoteOn);
            expect(kept.status, `${m.code}/${b.id} paying ${k} on ${c.date}`).not.toBe('no vote');
            const less = k.minus(b.roundingUnit);
            if (less.gt(0))
              expect(
                new VotingStatusBook(pay(less)).budgetStatus(m.code, b, s.losesVoteOn).status,
                `${m.code}/${b.id} paying ${less}`,
              ).toBe('no vote');
          }
        }
      }),
      RUNS,
    );
    expect(checked).toBeGreaterThan(20); // the generator does reach members about to lose the vote
  });

  it('Art. 11(5)/R18: paying the organization-wide “to keep it” (one payment, marked for no budget) before the day the vote would be lost keeps it that day', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = onItsDate(c);
        for (const row of new VotingStatusBook(wb).organizationReport(c.date).rows) {
          if (row.losesVoteOn === null) continue;
          const day = row.losesVoteOn;
          expect(row.budgets!.some((b) => b.losesVoteOn === day)).toBe(true);
          const paid = withPaid(wb, row.code, c.date, new Decimal(row.paymentToKeep!));
          const after = new VotingStatusBook(paid).memberRow({ code: row.code, name: row.name }, day)!;
          expect(after.status, `${row.code} on ${day}`).not.toBe('no vote');
        }
      }),
      RUNS,
    );
  });

  it('R16: arrears on a date are the unpaid contributions of earlier years, never the current one', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const wb = build(c);
        const book = new VotingStatusBook(wb);
        const y = Number(c.date.slice(0, 4));
        for (const m of wb.members) {
          for (const b of book.ledger.budgetsOfMember(m.code)) {
            const acc = book.ledger.account(m.code, c.date);
            expect(book.ledger.money(book.budgetStatus(m.code, b, c.date).arrears)).toBe(unpaidUpTo(acc, b.id, y - 1));
          }
        }
      }),
      RUNS,
    );
  });
});
