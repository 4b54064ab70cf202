import { describe, expect, it } from 'vitest';
import {
  addAdvanceAgreement,
  addVotingDecision,
  addWcfDecision,
  clearDenunciation,
  editPayment,
  importPayments,
  pastePayments,
  recordAdvanceMovement,
  recordPayment,
  removePayment,
  removeVotingDecision,
  removeWcfDecision,
  setDenunciation,
  updateVotingDecision,
  updateWcfDecision,
} from '../../shared/edit';
import { advancesReport, Ledger, VotingStatusBook, wcfReport } from '../../shared/engine';
import { example, ok, refusedAt, roundTrips } from './edit-helpers';

describe('R15 payment commands', () => {
  it('recordPayment adds a payment with a fresh id, the currency of the member’s budgets, and undoes exactly', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      recordPayment(wb, {
        member: 'al',
        date: '2026-06-01',
        amount: "12'345.50",
        budget: 'paris',
        purpose: 'contribution',
        reference: 'bank 42',
      }),
    );
    const p = d.workbook.payments.at(-1)!;
    expect(p).toEqual({
      id: 'pay-1014',
      member: 'AL',
      date: '2026-06-01',
      amount: '12345.5',
      currency: 'CHF',
      budget: 'paris',
      purpose: 'contribution',
      reference: 'bank 42',
    });
    expect(wb.payments).toHaveLength(1071); // never mutated (1,013 + the Special Fund's 58)
  });

  it('R17/R18 a payment of the minimum takes a member from no vote to in arrears (E4 semantics on the example)', () => {
    const wb = example();
    const book = new VotingStatusBook(wb);
    const paris = book.ledger.budget('paris');
    const before = book.budgetStatus('AL', paris, '2026-06-30');
    expect(before.status).toBe('no vote');
    const d = ok(
      recordPayment(wb, {
        member: 'AL',
        date: '2026-06-01',
        amount: before.minimumPayment,
        budget: 'paris',
        purpose: 'contribution',
      }),
    );
    expect(new VotingStatusBook(d.workbook).budgetStatus('AL', paris, '2026-06-30').status).toBe('in arrears');
  });

  it('bad input is refused with a message for the field', () => {
    const wb = example();
    expect(refusedAt(recordPayment(wb, { member: 'XX', date: '2026-01-01', amount: '1' }), 'member')).toContain(
      'not a member',
    );
    expect(refusedAt(recordPayment(wb, { member: 'AL', date: '2026-02-30', amount: '1' }), 'date')).toContain(
      'not a date',
    );
    expect(refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: 'abc' }), 'amount')).toContain(
      'not an amount',
    );
    expect(refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '0' }), 'amount')).toContain(
      'greater than zero',
    );
    expect(refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '1.001' }), 'amount')).toContain(
      'decimals',
    );
    expect(
      refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '1', currency: 'EUR' }), 'currency'),
    ).toContain('never be credited');
    expect(
      refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '1', budget: 'nope' }), 'budget'),
    ).toContain('not a budget');
    expect(
      refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '1', year: '26' }), 'year'),
    ).toContain('not a year');
    expect(
      refusedAt(recordPayment(wb, { member: 'AL', date: '2026-01-01', amount: '1', purpose: 'gift' }), 'purpose'),
    ).toContain('not a purpose');
  });

  it('editPayment changes one field, adjusts an amount exactly with =+ / =-, and removePayment undoes in place', () => {
    const wb = example();
    const p = wb.payments[0];
    const d = roundTrips(wb, editPayment(wb, p.id, 'amount', '=+0.35'));
    expect(d.workbook.payments[0].amount).toBe('135542');
    expect(d.workbook.payments[0]).toEqual({ ...p, amount: '135542' });
    const r = roundTrips(wb, editPayment(wb, p.id, 'date', '15.03.2022'));
    expect(r.workbook.payments[0].date).toBe('2022-03-15');
    expect(refusedAt(editPayment(wb, p.id, 'amount', '=-200000'), 'amount')).toContain('greater than zero');
    const rm = roundTrips(wb, removePayment(wb, p.id));
    expect(rm.workbook.payments).toHaveLength(wb.payments.length - 1);
  });

  it('pastePayments reads TSV in the grid’s column order or by header, as one step; bad rows are reported and skipped', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      pastePayments(
        wb,
        'AL\t2026-05-01\t1000\tCHF\tparis\t\t\tfirst\nAL\t2026-05-02\tten\nDZ\t2026-05-03\t2,000.00\r\n',
      ),
    );
    expect(d.workbook.payments.slice(-2).map((p) => [p.member, p.amount, p.budget ?? ''])).toEqual([
      ['AL', '1000', 'paris'],
      ['DZ', '2000', ''],
    ]);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].message).toMatch(/^row 2, amount: /);
    const h = ok(pastePayments(wb, 'Reference\tAmount\tMember\tDate\nwire 7\t500\tAL\t2026-04-01\n'));
    expect(h.workbook.payments.at(-1)).toMatchObject({
      member: 'AL',
      amount: '500',
      date: '2026-04-01',
      reference: 'wire 7',
    });
    expect(pastePayments(wb, 'XX\tnot a date\t-5\n').ok).toBe(false);
  });

  it('importPayments maps a bank statement’s columns; debits are not payments', () => {
    const wb = example();
    const rows = [
      ['Value date', 'Payer', 'Credit', 'Details'],
      ['01.06.2026', 'Albania', "1'500.00", 'contribution'],
      ['02.06.2026', 'AL', '-20.00', 'fee'],
    ];
    const d = roundTrips(
      wb,
      importPayments(wb, {
        rows,
        mapping: { date: 0, member: 1, amount: 2, reference: 3 },
        firstRow: 1,
        verb: 'Import statement.csv',
      }),
    );
    expect(d.workbook.payments.at(-1)).toMatchObject({
      member: 'AL',
      date: '2026-06-01',
      amount: '1500',
      reference: 'contribution',
    });
    expect(d.problems[0].message).toContain('debit');
    expect(d.label).toBe('Import statement.csv: 1 payment');
    expect(
      refusedAt(importPayments(wb, { rows, mapping: { date: 0, member: 1 }, verb: 'Import' }), 'mapping'),
    ).toContain('amount');
  });
});

describe('R17 voting decisions', () => {
  it('a decision keeps the vote from its date; removing it takes the vote away again', () => {
    const wb = example();
    const paris = wb.budgets.find((b) => b.id === 'paris')!;
    expect(new VotingStatusBook(wb).budgetStatus('AL', paris, '2026-06-30').status).toBe('no vote');
    const d = roundTrips(
      wb,
      addVotingDecision(wb, {
        member: 'AL',
        budget: 'paris',
        body: 'Paris Union Assembly',
        date: '2026-05-01',
        reference: 'A/66/1',
        to: '2026-12-31',
      }),
    );
    const s = new VotingStatusBook(d.workbook).budgetStatus('AL', paris, '2026-06-30');
    expect(s.status).toBe('vote kept by decision');
    expect(s.decision).toMatchObject({ body: 'Paris Union Assembly', reference: 'A/66/1' });
    const id = d.workbook.votingDecisions.at(-1)!.id;
    roundTrips(d.workbook, removeVotingDecision(d.workbook, id));
    expect(
      refusedAt(addVotingDecision(wb, { member: 'AL', body: '', date: '2026-05-01', reference: 'x' }), 'body'),
    ).toContain('body');
    expect(
      refusedAt(
        addVotingDecision(wb, {
          member: 'AL',
          body: 'GA',
          date: '2026-05-01',
          reference: 'x',
          from: '2026-05-01',
          to: '2026-01-01',
        }),
        'to',
      ),
    ).toContain('before');
    // Corrected in place: an end date before the as-of date, and the vote is lost again; the id stays.
    const u = roundTrips(
      d.workbook,
      updateVotingDecision(d.workbook, id, {
        member: 'AL',
        budget: 'paris',
        body: 'Paris Union Assembly',
        date: '2026-05-01',
        reference: 'A/66/1 Corr.',
        to: '2026-06-01',
      }),
    );
    expect(u.workbook.votingDecisions.at(-1)).toMatchObject({ id, reference: 'A/66/1 Corr.', to: '2026-06-01' });
    expect(new VotingStatusBook(u.workbook).budgetStatus('AL', paris, '2026-06-30').status).toBe('no vote');
    expect(
      refusedAt(
        updateVotingDecision(d.workbook, id, { member: 'ZZ', body: 'GA', date: '2026-05-01', reference: 'x' }),
        'member',
      ),
    ).toContain('ZZ');
  });
});

describe('R19 WCF decisions', () => {
  it('adds a decision by proportion or by amount (a whole number of the rounding unit) and removes it', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      addWcfDecision(wb, { budget: 'locarno', year: 2026, proportion: '0.1', reference: 'LA 2026/1' }),
    );
    expect(d.workbook.wcfDecisions.at(-1)).toMatchObject({
      id: 'wcf-locarno-0001',
      budget: 'locarno',
      year: 2026,
      proportion: '0.1',
    });
    roundTrips(d.workbook, removeWcfDecision(d.workbook, 'wcf-locarno-0001'));
    expect(refusedAt(addWcfDecision(wb, { budget: 'paris', year: 2026, amount: '100.5' }), 'amount')).toContain(
      'rounding unit',
    );
    expect(
      refusedAt(addWcfDecision(wb, { budget: 'paris', year: 2026, amount: '100', proportion: '0.1' }), 'amount'),
    ).toContain('not both');
  });

  it('a decision corrected in place keeps its id and place, is checked like a new one, and undoes exactly', () => {
    const wb = example();
    const first = wb.wcfDecisions[0];
    const before = wcfReport(new Ledger(wb), '2027-06-30').decisions.find((d) => d.id === first.id)!;
    const d = roundTrips(
      wb,
      updateWcfDecision(wb, first.id, {
        budget: first.budget,
        year: first.year,
        amount: '2000000',
        reference: 'corrected',
      }),
    );
    expect(d.workbook.wcfDecisions[0]).toMatchObject({
      id: first.id,
      budget: first.budget,
      amount: '2000000',
      reference: 'corrected',
    });
    expect(d.workbook.wcfDecisions[0].proportion).toBeUndefined();
    expect(d.workbook.wcfDecisions.length).toBe(wb.wcfDecisions.length);
    const after = wcfReport(new Ledger(d.workbook), '2027-06-30').decisions.find((x) => x.id === first.id)!;
    expect(after.total).not.toBe(before.total);
    expect(after.total.replace(/\.0+$/, '')).toBe('2000000');
    expect(
      refusedAt(updateWcfDecision(wb, first.id, { budget: 'paris', year: 2026, amount: '100.5' }), 'amount'),
    ).toContain('rounding unit');
    expect(refusedAt(updateWcfDecision(wb, 'nope', { budget: 'paris', year: 2026, amount: '100' }), 'id')).toContain(
      'nope',
    );
  });
});

describe('R20 host-state advances', () => {
  it('agreements, movements within the ceiling and the balance, and the denunciation with its end date', () => {
    const wb = example();
    const a = roundTrips(
      wb,
      addAdvanceAgreement(wb, { hostState: 'CH', ceiling: '1000000', currency: 'chf', signedOn: '2026-01-15' }),
    );
    const id = a.workbook.advanceAgreements.at(-1)!.id;
    const m = roundTrips(
      a.workbook,
      recordAdvanceMovement(a.workbook, { agreement: id, date: '2026-02-01', kind: 'drawn', amount: '600000' }),
    );
    expect(
      refusedAt(
        recordAdvanceMovement(m.workbook, { agreement: id, date: '2026-03-01', kind: 'drawn', amount: '500000' }),
        'amount',
      ),
    ).toContain('ceiling');
    expect(
      refusedAt(
        recordAdvanceMovement(m.workbook, { agreement: id, date: '2026-03-01', kind: 'repaid', amount: '700000' }),
        'amount',
      ),
    ).toContain('more than');
    expect(
      refusedAt(
        recordAdvanceMovement(m.workbook, { agreement: id, date: '2025-03-01', kind: 'drawn', amount: '1' }),
        'amount',
      ),
    ).toContain('before the agreement');

    const den = roundTrips(
      m.workbook,
      setDenunciation(m.workbook, { agreement: id, by: 'organization', notifiedOn: '2026-05-10' }),
    );
    expect(den.label).toContain('ends on 2029-12-31');
    const s = advancesReport(den.workbook, '2030-01-01').rows.find((r) => r.agreement === id)!;
    expect([s.endsOn, s.bound]).toEqual(['2029-12-31', false]);
    expect(advancesReport(den.workbook, '2029-12-31').rows.find((r) => r.agreement === id)!.bound).toBe(true);
    expect(
      refusedAt(
        recordAdvanceMovement(den.workbook, { agreement: id, date: '2030-01-02', kind: 'drawn', amount: '1' }),
        'amount',
      ),
    ).toContain('ended on 2029-12-31');
    roundTrips(den.workbook, clearDenunciation(den.workbook, id));
    expect(
      refusedAt(
        setDenunciation(m.workbook, { agreement: id, by: 'host-state', notifiedOn: '2025-12-31' }),
        'notifiedOn',
      ),
    ).toContain('before it was signed');
    // The example's agreement: denounced on 2026-05-10; a later notice moves the end.
    const later = ok(
      setDenunciation(wb, { agreement: 'hq-advances-2012', by: 'host-state', notifiedOn: '2027-02-01' }),
    );
    expect(advancesReport(later.workbook, '2027-06-30').rows[0].endsOn).toBe('2030-12-31');
  });
});

describe('Art. 11(5) one member’s row (used by the app to recompute only the members a payment touches)', () => {
  it('memberRow gives the organization report’s row for every member', () => {
    const wb = example();
    const book = new VotingStatusBook(wb);
    for (const date of ['2026-06-30', '2027-01-01']) {
      const report = new VotingStatusBook(wb).organizationReport(date);
      expect(wb.members.map((m) => book.memberRow(m, date)).filter((r) => r !== undefined)).toEqual(report.rows);
    }
  });
});
