import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { advanceStatus, advancesReport, isBound, obligationEnds } from '../../shared/engine/advances';
import { VotingStatusBook, votingStatus } from '../../shared/engine/arrears';
import { Ledger, memberStatement } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import type { AdvanceAgreement, Payment, Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { budget, takesPart, workbook } from './helpers';

const e4 = (): Workbook => parseWorkbook(readFileSync('test/fixtures/e4-workbook.json', 'utf8')).workbook!;

const pay = (id: string, member: string, date: string, amount: string, extra: Partial<Payment> = {}): Payment => ({
  id,
  member,
  date,
  amount,
  currency: 'CHF',
  ...extra,
});

/** One budget per id, each a total per year with rounding unit 1; X alone pays the whole total, Y and Z share it. */
function ledgerBook(parts: Partial<Workbook> = {}, members = ['X']): Workbook {
  const years = (amounts: Record<number, string>) =>
    Object.entries(amounts).map(([y, amount]) => ({
      year: Number(y),
      method: 'total' as const,
      amount,
      adopted: true,
    }));
  return workbook({
    members: members.map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget('conf', 'wipo-convention', years({ 2023: '9000', 2024: '10000', 2025: '12000', 2026: '12000' }), {
        roundingUnit: '1',
      }),
      budget('paris', 'paris', years({ 2023: '3000', 2024: '3000', 2025: '3000', 2026: '3000' }), {
        roundingUnit: '1',
      }),
    ],
    participations: members.flatMap((m) => [takesPart(m, 'conf', 'C'), takesPart(m, 'paris', 'VII')]),
    ...parts,
  });
}

function statusOf(wb: Workbook, member: string, budgetId: string, date: string) {
  const book = new VotingStatusBook(wb);
  return book.budgetStatus(member, book.ledger.budget(budgetId), date);
}

/** What each item of a member's account was credited, as "budget/year" or "wcf:decision" → amount. */
function credited(wb: Workbook, member: string, date: string): Record<string, string> {
  const acc = new Ledger(wb).account(member, date);
  return Object.fromEntries(
    acc.items
      .filter((i) => i.due <= date)
      .map((i) => [i.kind === 'wcf' ? `wcf:${i.decision}` : `${i.budget}/${i.year}`, String(i.credited)]),
  );
}

describe('worked example E4', () => {
  it('E4: on 2026-06-30 arrears are 17,000 against a threshold of 22,000: in arrears', () => {
    const s = statusOf(e4(), 'X', 'conference', '2026-06-30');
    expect(s).toMatchObject({
      arrears: '17000',
      threshold: '22000',
      status: 'in arrears',
      minimumPayment: '0',
      losesVoteOn: '2027-01-01',
      dueThisYear: '12000',
    });
  });

  it('E4/R18: on 2026-06-30, to keep the vote on 1 January 2027 X must pay 5,001 before then (the minimum payment it would owe that day)', () => {
    const s = statusOf(e4(), 'X', 'conference', '2026-06-30');
    expect(s.paymentToKeep).toBe('5001');
    const paid = (amount: string) => {
      const wb = e4();
      wb.payments.push({
        id: 'keep',
        member: 'X',
        date: '2026-12-15',
        amount,
        currency: wb.budgets[0].currency,
        budget: 'conference',
        purpose: 'contribution',
      });
      return statusOf(wb, 'X', 'conference', '2027-01-01').status;
    };
    expect(paid('5001')).toBe('in arrears');
    expect(paid('5000')).toBe('no vote');
    expect(statusOf(e4(), 'X', 'conference', '2027-01-01').paymentToKeep).toBeNull(); // already lost: see the minimum payment
  });

  it('E4: on 2027-01-01 arrears are 29,000 against a threshold of 24,000: no vote, minimum payment 5,001', () => {
    const s = statusOf(e4(), 'X', 'conference', '2027-01-01');
    expect(s).toMatchObject({
      arrears: '29000',
      threshold: '24000',
      status: 'no vote',
      minimumPayment: '5001',
      losesVoteOn: null,
    });
  });

  it('E4: the payment of 5,000 on 2025-03-01 is credited to 2024', () => {
    const acc = new Ledger(e4()).account('X', '2026-06-30');
    const y2024 = acc.items.find((i) => i.year === 2024)!;
    expect(y2024.credits).toEqual([{ payment: 'pay-1', date: '2025-03-01', amount: 5000n }]);
    expect(acc.items.filter((i) => i.year !== 2024).every((i) => i.credited === 0n)).toBe(true);
  });
});

describe('R15 crediting', () => {
  const wcfDecision = { id: 'wcf-1', budget: 'conf', year: 2025, proportion: '0.1' };

  it('R15: by default a payment goes first to what is owed to the WCF, then to the oldest contribution', () => {
    const wb = ledgerBook({
      wcfDecisions: [wcfDecision],
      payments: [pay('p1', 'X', '2025-06-01', '5000', { budget: 'conf' })],
    });
    // WCF share 10% of 12,000 = 1,200 first; then 2023 (9,000) gets the remaining 3,800.
    expect(credited(wb, 'X', '2025-06-30')).toMatchObject({
      'wcf:wcf-1': '1200',
      'conf/2023': '3800',
      'conf/2024': '0',
      'conf/2025': '0',
    });
  });

  it('R15: with the setting oldest-first, contributions are paid in the order they fell due, the WCF share in its turn', () => {
    const wb = ledgerBook({
      wcfDecisions: [wcfDecision],
      payments: [pay('p1', 'X', '2025-06-01', '20000', { budget: 'conf' })],
    });
    wb.settings.creditingOrder = 'oldest-first';
    expect(credited(wb, 'X', '2025-06-30')).toMatchObject({
      'conf/2023': '9000',
      'conf/2024': '10000',
      'conf/2025': '1000',
      'wcf:wcf-1': '0',
    });
  });

  it('R15: an unmarked payment goes to the oldest contribution of any budget; a marked one to its budget only', () => {
    const wb = ledgerBook({
      payments: [pay('p1', 'X', '2025-02-01', '10000'), pay('p2', 'X', '2025-03-01', '4000', { budget: 'paris' })],
    });
    // 2023: conf 9,000 before paris 3,000 (budget order on the same due date); p1 then 1,000 to paris 2023.
    expect(credited(wb, 'X', '2025-12-31')).toMatchObject({
      'conf/2023': '9000',
      'paris/2023': '3000',
      'paris/2024': '2000',
      'conf/2024': '0',
    });
  });

  it('R15: a payment marked for a year is credited to that year only; what is left waits as credit', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-02-01', '4000', { budget: 'paris', year: 2025 })] });
    const acc = new Ledger(wb).account('X', '2025-12-31');
    expect(credited(wb, 'X', '2025-12-31')).toMatchObject({
      'paris/2023': '0',
      'paris/2024': '0',
      'paris/2025': '3000',
    });
    expect(acc.unapplied).toBe(1000n);
  });

  it('R15: a payment made ahead is credited on 1 January when the contribution falls due', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-12-15', '3000', { budget: 'paris', year: 2026 })] });
    const before = new Ledger(wb).account('X', '2025-12-31');
    expect(before.unapplied).toBe(3000n);
    const after = new Ledger(wb).account('X', '2026-01-01');
    expect(after.unapplied).toBe(0n);
    expect(after.items.find((i) => i.budget === 'paris' && i.year === 2026)!.credits).toEqual([
      { payment: 'p1', date: '2026-01-01', amount: 3000n },
    ]);
  });

  it('R15: a payment marked for the WCF pays only the WCF share', () => {
    const wb = ledgerBook({
      wcfDecisions: [wcfDecision],
      payments: [pay('p1', 'X', '2025-06-01', '2000', { purpose: 'wcf' })],
    });
    const acc = new Ledger(wb).account('X', '2025-06-30');
    expect(credited(wb, 'X', '2025-06-30')).toMatchObject({ 'wcf:wcf-1': '1200', 'conf/2023': '0' });
    expect(acc.unapplied).toBe(800n);
  });

  it('R15: what a payment was credited to does not change when a later date is asked', () => {
    const wb = ledgerBook({
      wcfDecisions: [{ ...wcfDecision, year: 2026 }],
      payments: [pay('p1', 'X', '2025-02-01', '5000')],
    });
    // On 2027 the 2026 WCF share exists, but p1 was made before it fell due: it stays on 2023.
    expect(credited(wb, 'X', '2027-06-30')).toMatchObject({ 'conf/2023': '5000', 'wcf:wcf-1': '0' });
  });

  it('R15: a payment in another currency than the budget is never credited to it', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-02-01', '5000', { currency: 'USD' })] });
    expect(new Ledger(wb).account('X', '2025-12-31').unapplied).toBe(5000n);
  });
});

describe('R16–R18 arrears and voting status', () => {
  it('R16: the contribution of the current year is due but not in arrears', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-01-10', '34000', { budget: 'conf' })] });
    // 9,000 + 10,000 + 12,000 paid through 2025, plus 3,000 on account of 2026 once it falls due.
    const s = statusOf(wb, 'X', 'conf', '2026-03-01');
    expect(s).toMatchObject({ arrears: '0', dueThisYear: '9000', status: 'ok', threshold: '22000' });
  });

  it('R16: arrears are the unpaid contributions of the years before the date', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-01-10', '20000', { budget: 'conf' })] });
    expect(statusOf(wb, 'X', 'conf', '2025-12-31')).toMatchObject({ arrears: '0', dueThisYear: '11000', status: 'ok' });
    expect(statusOf(wb, 'X', 'conf', '2026-01-01')).toMatchObject({ arrears: '11000', status: 'in arrears' });
  });

  it('R17: arrears equal to the threshold mean no vote', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2024-01-10', '9000', { budget: 'conf' })] });
    // On 2026-01-01: 10,000 + 12,000 unpaid = 22,000 = 10,000 + 12,000 assessed.
    expect(statusOf(wb, 'X', 'conf', '2026-01-01')).toMatchObject({
      arrears: '22000',
      threshold: '22000',
      status: 'no vote',
      minimumPayment: '1',
    });
  });

  it('R17: a year before accession counts as 0 in the threshold', () => {
    const wb = ledgerBook();
    wb.participations = [takesPart('X', 'conf', 'C', { from: '2025-03-01' })];
    const s = statusOf(wb, 'X', 'conf', '2026-02-01');
    expect(s).toMatchObject({ arrears: '12000', threshold: '12000', status: 'no vote' });
    expect(statusOf(wb, 'X', 'conf', '2025-12-31')).toMatchObject({
      arrears: '0',
      threshold: '0',
      status: 'ok',
      losesVoteOn: '2026-01-01',
    });
  });

  it('R17: a decision keeps the vote for the period it covers, and names its body, date and reference', () => {
    const decision = {
      id: 'vd-1',
      member: 'X',
      budget: 'conf',
      body: 'General Assembly',
      date: '2026-03-15',
      reference: 'A/66/7',
      from: '2026-03-15',
      to: '2026-12-31',
    };
    const wb = ledgerBook({ votingDecisions: [decision] });
    expect(statusOf(wb, 'X', 'conf', '2026-03-14').status).toBe('no vote');
    const kept = statusOf(wb, 'X', 'conf', '2026-06-30');
    expect(kept).toMatchObject({
      status: 'vote kept by decision',
      losesVoteOn: '2027-01-01',
      decision: { body: 'General Assembly', date: '2026-03-15', reference: 'A/66/7' },
    });
    expect(statusOf(wb, 'X', 'conf', '2027-01-01').status).toBe('no vote');
    // The decision is for conf only: Paris is unaffected.
    expect(statusOf(wb, 'X', 'paris', '2026-06-30').status).toBe('no vote');
  });

  it('R17: a decision that ends mid-year: the vote is lost the day after its last day', () => {
    const decision = {
      id: 'vd-1',
      member: 'X',
      body: 'Paris Union Assembly',
      date: '2026-01-05',
      reference: 'P/A/60/2',
      from: '2026-01-05',
      to: '2026-09-30',
    };
    const wb = ledgerBook({ votingDecisions: [decision] });
    expect(statusOf(wb, 'X', 'paris', '2026-06-30')).toMatchObject({
      status: 'vote kept by decision',
      losesVoteOn: '2026-10-01',
    });
  });

  it('R17: Art. 11(5) no vote in any Union means no vote organization-wide', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-02-01', '31000', { budget: 'conf' })] });
    const book = new VotingStatusBook(wb);
    const org = book.organizationReport('2026-06-30').rows[0];
    expect(org.budget).toBe('all');
    expect(org.status).toBe('no vote');
    expect(org.budgets!.map((b) => [b.budget, b.status])).toEqual([
      ['conf', 'ok'],
      ['paris', 'no vote'],
    ]);
    // Summed over both budgets (one currency): 0 + 9,000 against 22,000 + 6,000.
    expect(org).toMatchObject({ arrears: '9000', threshold: '28000', minimumPayment: '3001', currency: 'CHF' });
  });

  it('R17: members who withdrew keep their unpaid arrears', () => {
    const wb = ledgerBook({}, ['X', 'Y']);
    wb.members[1].withdrew = '2024-12-31';
    wb.participations = [takesPart('X', 'conf', 'C'), takesPart('Y', 'conf', 'C', { until: '2024-12-31' })];
    const r = votingStatus(wb, '2026-06-30', 'conf');
    const y = r.rows.find((row) => row.code === 'Y')!;
    // Y shared 2023 and 2024 with X (4,500 + 5,000) and was not assessed after it left.
    expect(y).toMatchObject({ arrears: '9500', threshold: '5000', status: 'no vote', withdrew: '2024-12-31' });
    expect(new Ledger(wb).assessed('conf', 'Y', 2025)).toBe(0n);
  });

  it('R18: the minimum payment is arrears − threshold + one rounding unit, and paying it regains the vote', () => {
    const wb = e4();
    expect(statusOf(wb, 'X', 'conference', '2027-01-02').minimumPayment).toBe('5001');
    const short = { ...wb, payments: [...wb.payments, pay('p2', 'X', '2027-01-02', '5000', { budget: 'conference' })] };
    expect(statusOf(short, 'X', 'conference', '2027-01-02').status).toBe('no vote');
    const enough = {
      ...wb,
      payments: [...wb.payments, pay('p2', 'X', '2027-01-02', '5001', { budget: 'conference' })],
    };
    expect(statusOf(enough, 'X', 'conference', '2027-01-02')).toMatchObject({
      status: 'in arrears',
      arrears: '23999',
      minimumPayment: '0',
    });
  });

  it('R18: a member that pays nothing more loses its vote on 1 January of the year its arrears reach the threshold', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-01-10', '31000', { budget: 'conf' })] });
    // Paid up to 2025: 2026 and 2027 unpaid on 2028-01-01 = 24,000 ≥ 12,000 + 12,000 (2027 carried over, R10).
    expect(statusOf(wb, 'X', 'conf', '2025-06-30')).toMatchObject({ status: 'ok', losesVoteOn: '2028-01-01' });
  });

  it('R18: credit paid years ahead postpones the date the vote is lost', () => {
    const wb = ledgerBook({ payments: [pay('p1', 'X', '2025-01-10', '79000', { budget: 'conf' })] });
    // 31,000 for 2023-2025, then 48,000 ahead: 2026-2029 paid, 2030 and 2031 unpaid on 2032-01-01.
    expect(statusOf(wb, 'X', 'conf', '2025-06-30')).toMatchObject({ status: 'ok', losesVoteOn: '2032-01-01' });
  });
});

describe('R19 working capital fund', () => {
  const three = () => ledgerBook({}, ['X', 'Y', 'Z']);

  it('R19: a proportion of the year’s contribution, each share rounded by R9', () => {
    const wb = three();
    // conf 2025: 12,000 among three class-C members = 4,000 each; 0.0125 of 4,000 = 50.
    wb.wcfDecisions = [{ id: 'w1', budget: 'conf', year: 2025, proportion: '0.0125' }];
    const r = wcfReport(new Ledger(wb), '2025-12-31');
    expect(r.rows.map((x) => x.share)).toEqual(['50', '50', '50']);
    wb.wcfDecisions = [{ id: 'w1', budget: 'conf', year: 2025, proportion: '0.000125' }]; // 0.5 each, half-up → 1
    expect(wcfReport(new Ledger(wb), '2025-12-31').rows.map((x) => x.share)).toEqual(['1', '1', '1']);
  });

  it('R19: an amount apportioned by R5 in proportion to that year’s contributions sums exactly to it', () => {
    const wb = three();
    wb.wcfDecisions = [{ id: 'w1', budget: 'conf', year: 2025, amount: '1000' }];
    const r = wcfReport(new Ledger(wb), '2025-12-31');
    expect(r.rows.map((x) => [x.code, x.share])).toEqual([
      ['X', '334'],
      ['Y', '333'],
      ['Z', '333'],
    ]);
    expect(r.funds[0]).toMatchObject({ established: '1000', balance: '0', owed: '1000' });
  });

  it('R19: payments to the fund, what each still owes, and the fund’s balance', () => {
    const wb = three();
    wb.wcfDecisions = [
      { id: 'w1', budget: 'conf', year: 2025, amount: '1000', decidedOn: '2025-04-01', reference: 'A/65/9' },
    ];
    wb.payments = [pay('p1', 'X', '2025-05-01', '100', { purpose: 'wcf' }), pay('p2', 'Y', '2025-05-01', '5000')];
    const r = wcfReport(new Ledger(wb), '2025-12-31');
    expect(r.rows.map((x) => [x.code, x.paid, x.owed])).toEqual([
      ['X', '100', '234'],
      ['Y', '333', '0'],
      ['Z', '0', '333'],
    ]);
    expect(r.funds[0]).toMatchObject({ established: '1000', balance: '433', owed: '567' });
    expect(r.decisions[0]).toMatchObject({ id: 'w1', due: '2025-04-01', basis: 'amount', reference: 'A/65/9' });
    // Before the decision the fund has nothing to report.
    expect(wcfReport(new Ledger(wb), '2025-03-31').funds).toEqual([]);
  });

  it('R19: the WCF is tracked apart from contributions: an unpaid share is not arrears', () => {
    const wb = three();
    wb.wcfDecisions = [{ id: 'w1', budget: 'conf', year: 2024, amount: '1000' }];
    wb.payments = [pay('p1', 'X', '2025-01-05', '7000', { budget: 'conf', purpose: 'contribution' })];
    expect(statusOf(wb, 'X', 'conf', '2025-06-30')).toMatchObject({ arrears: '0', status: 'ok' });
  });
});

describe('R20 host-state advances', () => {
  const agreement = (): AdvanceAgreement => ({
    id: 'adv-1',
    hostState: 'X',
    ceiling: '1000000',
    currency: 'CHF',
    signedOn: '2020-01-15',
    movements: [
      { date: '2024-02-01', kind: 'drawn', amount: '600000' },
      { date: '2024-11-30', kind: 'repaid', amount: '250000' },
      { date: '2025-03-01', kind: 'drawn', amount: '100000' },
    ],
    denunciation: { by: 'host-state', notifiedOn: '2026-05-10' },
  });

  it('R20: notified on 2026-05-10, the obligation ends on 2029-12-31', () => {
    expect(obligationEnds('2026-05-10')).toBe('2029-12-31');
    expect(obligationEnds('2026-12-31')).toBe('2029-12-31');
    expect(isBound(agreement(), '2029-12-31')).toBe(true);
    expect(isBound(agreement(), '2030-01-01')).toBe(false);
    expect(isBound(agreement(), '2020-01-14')).toBe(false);
  });

  it('R20: advances drawn and repaid, and the outstanding balance on a date', () => {
    expect(advanceStatus(agreement(), '2024-12-31')).toMatchObject({
      drawn: '600000',
      repaid: '250000',
      outstanding: '350000',
      available: '650000',
      bound: true,
      endsOn: null,
    });
    expect(advanceStatus(agreement(), '2026-06-30')).toMatchObject({
      outstanding: '450000',
      denouncedBy: 'host-state',
      notifiedOn: '2026-05-10',
      endsOn: '2029-12-31',
    });
    expect(advanceStatus(agreement(), '2030-01-01')).toMatchObject({
      outstanding: '450000',
      available: '0',
      bound: false,
    });
  });

  it('R20: while bound the host state holds its ex officio seat', () => {
    const wb = ledgerBook({ advanceAgreements: [agreement()] });
    expect(advancesReport(wb, '2029-12-31').seats).toEqual([
      { hostState: 'X', name: 'State X', seat: true, boundUntil: '2029-12-31' },
    ]);
    expect(advancesReport(wb, '2030-01-01').seats[0].seat).toBe(false);
    expect(advancesReport(wb, '2025-01-01').seats[0]).toMatchObject({ seat: true, boundUntil: null });
  });
});

describe('validation of the ledger lists', () => {
  const problems = (parts: Partial<Workbook>) =>
    parseWorkbook(JSON.stringify(ledgerBook(parts))).problems.map((p) => `${p.path}: ${p.message}`);

  it('accepts a workbook with payments, a WCF decision, an agreement and a decision', () => {
    expect(
      problems({
        payments: [
          pay('p1', 'X', '2025-01-10', '100.50', {
            budget: 'conf',
            year: 2025,
            purpose: 'contribution',
            reference: 'SWIFT 1',
          }),
        ],
        wcfDecisions: [{ id: 'w1', budget: 'conf', year: 2025, proportion: '0.1' }],
        advanceAgreements: [
          {
            id: 'a1',
            hostState: 'X',
            ceiling: '100',
            currency: 'CHF',
            movements: [{ date: '2025-01-01', kind: 'drawn', amount: '100' }],
            denunciation: { by: 'organization', notifiedOn: '2025-02-01' },
          },
        ],
        votingDecisions: [
          { id: 'v1', member: 'X', body: 'General Assembly', date: '2025-10-01', reference: 'A/1', from: '2025-10-01' },
        ],
      }),
    ).toEqual([]);
  });

  it('explains payment problems in words', () => {
    const got = problems({
      payments: [
        { id: 'p1', member: 'Q', date: '2025-02-30', amount: '-5', currency: 'CHF' } as Payment,
        pay('p1', 'X', '2025-01-10', '100', { budget: 'nowhere' }),
        pay('p3', 'X', '2025-01-10', '100', { budget: 'conf', currency: 'EUR' }),
        { ...pay('p4', 'X', '2025-01-10', '100'), amount: 100 as unknown as string },
      ],
    });
    expect(got).toEqual([
      'payments[0].member: Payment p1: there is no member Q',
      'payments[0].date: Payment p1: the date it was received must be a date written YYYY-MM-DD (got "2025-02-30")',
      'payments[0].amount: Payment p1: the amount must be greater than zero (got -5)',
      'payments[1].id: Payment id "p1" is used twice',
      'payments[1].budget: Payment p1: there is no budget nowhere',
      'payments[2].currency: Payment p3 is in EUR but conf is kept in CHF: it could never be credited',
      'payments[3].amount: Payment p4: the amount must be written as a decimal string such as "100" (in quotes), so no cent is lost',
    ]);
  });

  it('explains WCF, advance and voting decision problems in words', () => {
    const got = problems({
      wcfDecisions: [
        { id: 'w1', budget: 'conf', year: 2025, proportion: '0.1', amount: '10' },
        { id: 'w2', budget: 'conf', year: 2025, amount: '10.5' },
      ],
      advanceAgreements: [
        {
          id: 'a1',
          hostState: 'X',
          ceiling: '100',
          currency: 'CHF',
          movements: [
            { date: '2025-01-01', kind: 'drawn', amount: '150' },
            { date: '2025-02-01', kind: 'repaid', amount: '200' },
            { date: '2029-01-01', kind: 'drawn', amount: '1' },
          ],
          denunciation: { by: 'host-state', notifiedOn: '2025-03-01' },
        },
      ],
      votingDecisions: [
        { id: 'v1', member: 'X', body: '', date: '2025-10-01', reference: 'A/1', from: '2025-10-01', to: '2025-01-01' },
      ],
    });
    expect(got).toEqual([
      "wcfDecisions[0]: Working capital fund decision w1: give either a proportion of that year's contribution or an amount to apportion, not both",
      "wcfDecisions[1].amount: Working capital fund decision w2: the amount 10.5 is not a whole number of conf's rounding unit 1, so the shares could not sum to it",
      'advanceAgreements[0].movements[2].date: Advance agreement a1: an advance was drawn on 2029-01-01, after the obligation ended on 2028-12-31',
      'advanceAgreements[0].movements[0].amount: Advance agreement a1: after the drawing of 150 on 2025-01-01, 150 is outstanding, above the ceiling of 100',
      'advanceAgreements[0].movements[1].amount: Advance agreement a1: the repayment of 200 on 2025-02-01 is more than the 150 outstanding',
      'votingDecisions[0].body: Voting decision v1: the body that decided is missing or empty',
      'votingDecisions[0].to: Voting decision v1 ends (2025-01-01) before it begins (2025-10-01)',
    ]);
  });
});

describe('member statement', () => {
  it('R15: for a member, budget and date: assessed each year, credited from which payment, unpaid', () => {
    const wb = ledgerBook({
      payments: [
        pay('p1', 'X', '2024-03-01', '9500', { budget: 'conf' }),
        pay('p2', 'X', '2025-02-01', '1000.50', { budget: 'conf' }),
      ],
    });
    const s = memberStatement(new Ledger(wb), 'X', '2025-06-30', 'conf');
    expect(s.lines.map((l) => [l.year, l.assessed, l.credited, l.unpaid])).toEqual([
      // Written in the budget's rounding unit (1), with cents only where a payment brought them.
      [2023, '9000', '9000', '0'],
      [2024, '10000', '1500.50', '8499.50'],
      [2025, '12000', '0', '12000'],
    ]);
    expect(s.lines[1].credits).toEqual([
      { payment: 'p1', date: '2024-03-01', amount: '500' },
      { payment: 'p2', date: '2025-02-01', amount: '1000.50' },
    ]);
    expect(s.unapplied).toBe('0');
  });
});
