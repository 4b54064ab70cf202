import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VotingStatusBook } from '../../shared/engine/arrears';
import { Decimal } from '../../shared/model/decimal';
import type { Payment, Workbook } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';
import { asVersion1, budget, takesPart, workbook } from './helpers';

// Issue 9: the figures around the vote do what they say (R18), missing history is never counted as zero (R17a), and
// the combined test (R17b).

const load = (file: string): Workbook => parseWorkbook(readFileSync(file, 'utf8')).workbook!;
const e4 = (): Workbook => load('test/fixtures/e4-workbook.json');
const example = (): Workbook => load('examples/example-workbook.json');

function statusOf(wb: Workbook, member: string, budgetId: string, date: string) {
  const book = new VotingStatusBook(wb);
  return book.budgetStatus(member, book.ledger.budget(budgetId), date);
}

const withPayment = (wb: Workbook, p: Omit<Payment, 'id' | 'currency'> & { currency?: string }): Workbook => ({
  ...wb,
  payments: [...wb.payments, { id: `test-${wb.payments.length}`, currency: 'CHF', ...p }],
});

describe('R18 the minimum payment, credited as R15 says, restores the vote', () => {
  it('E4b: with 264 owed to the WCF, the minimum payment on 2027-01-01 is 5,265 (264 to the WCF, 5,001 to contributions)', () => {
    const wb = e4();
    wb.wcfDecisions = [{ id: 'wcf-2026', budget: 'conference', year: 2026, amount: '264', decidedOn: '2026-05-15' }];
    const s = statusOf(wb, 'X', 'conference', '2027-01-01');
    expect(s.status).toBe('no vote');
    expect(s.arrears).toBe('29000');
    expect(s.threshold).toBe('24000');
    expect(s.minimumPayment).toBe('5265');
    const paid = (amount: string) =>
      statusOf(
        withPayment(wb, { member: 'X', date: '2027-01-01', amount, budget: 'conference' }),
        'X',
        'conference',
        '2027-01-01',
      );
    expect(paid('5265').status).toBe('in arrears');
    expect(paid('5264').status).toBe('no vote');
  });

  it('E4 without a WCF debt is unchanged: 5,001', () => {
    expect(statusOf(e4(), 'X', 'conference', '2027-01-01').minimumPayment).toBe('5001');
  });

  it('R18 on the example workbook: CU in the Paris Union on 2026-06-30 regains its vote by paying exactly the figure shown, marked for Paris', () => {
    const wb = example();
    const s = statusOf(wb, 'CU', 'paris', '2026-06-30');
    expect(s.status).toBe('no vote');
    // The figure was 1: paid, it went to the Paris WCF (R15) and left CU without a vote.
    expect(new Decimal(s.minimumPayment).gt(1)).toBe(true);
    expect(
      statusOf(
        withPayment(wb, { member: 'CU', date: '2026-06-30', amount: s.minimumPayment, budget: 'paris' }),
        'CU',
        'paris',
        '2026-06-30',
      ).status,
    ).not.toBe('no vote');
  });

  it('R18 on the example workbook: every member without a vote on 2026-06-30 regains it by paying the figure shown, in every budget and organization-wide', () => {
    const wb = example();
    const book = new VotingStatusBook(wb);
    const failures: string[] = [];
    let checked = 0;
    for (const b of wb.budgets) {
      for (const row of book.budgetReport(b.id, '2026-06-30').rows) {
        if (row.status !== 'no vote') continue;
        checked++;
        const after = statusOf(
          withPayment(wb, {
            member: row.code,
            date: '2026-06-30',
            amount: row.minimumPayment!,
            currency: b.currency,
            budget: b.id,
          }),
          row.code,
          b.id,
          '2026-06-30',
        );
        if (after.status === 'no vote') failures.push(`${row.code}/${b.id} paid ${row.minimumPayment}`);
      }
    }
    for (const row of book.organizationReport('2026-06-30').rows) {
      if (row.status !== 'no vote' || row.minimumPayment === null) continue;
      checked++;
      const after = new VotingStatusBook(
        withPayment(wb, { member: row.code, date: '2026-06-30', amount: row.minimumPayment }),
      ).memberRow(row, '2026-06-30')!;
      if (after.status === 'no vote') failures.push(`${row.code}/all paid ${row.minimumPayment}`);
    }
    expect(checked).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  });
});

describe('R18 with amounts finer than the rounding unit', () => {
  // Found by the property test: cents paid in budgets rounded to whole francs. The figure is the exact least
  // payment rounded up to the unit, so it restores the vote and one unit less does not.
  function centsPaid(): Workbook {
    const years = (a: string[]) =>
      a.map((amount, i) => ({ year: 2021 + i, method: 'total' as const, amount, adopted: true }));
    return workbook({
      members: [{ code: 'A', name: 'State A' }],
      budgets: [
        budget('conf', 'wipo-convention', years(['1000', '1000', '1000', '1000', '1000']), { roundingUnit: '1' }),
        budget('paris', 'paris', years(['100', '100', '1128', '100', '100']), { roundingUnit: '1' }),
      ],
      participations: [takesPart('A', 'conf', 'A'), takesPart('A', 'paris', 'VII')],
      payments: [
        { id: 'p0', member: 'A', date: '2021-01-01', amount: '0.01', currency: 'CHF', budget: 'paris' },
        { id: 'p1', member: 'A', date: '2021-01-01', amount: '0.01', currency: 'CHF', budget: 'paris', year: 2022 },
      ],
    });
  }

  it('R18 organization-wide: the figure restores the vote in both budgets; one franc less does not', () => {
    const wb = centsPaid();
    const row = new VotingStatusBook(wb).organizationReport('2024-01-01').rows[0];
    expect(row.status).toBe('no vote');
    const status = (amount: string) =>
      new VotingStatusBook(withPayment(wb, { member: 'A', date: '2024-01-01', amount })).memberRow(row, '2024-01-01')!
        .status;
    expect(status(row.minimumPayment!)).not.toBe('no vote');
    expect(status(new Decimal(row.minimumPayment!).minus(1).toFixed())).toBe('no vote');
  });
});

/** A member since 2000 in a workbook whose data start in 2024 (E4's figures). */
function since2000(parts: Partial<Workbook> = {}): Workbook {
  const wb = e4();
  wb.members = [{ code: 'X', name: 'State X', joined: '2000-03-01' }];
  wb.participations = [takesPart('X', 'conference', 'C', { classes: [{ year: 2000, class: 'C' }] })];
  wb.payments = [];
  return { ...wb, ...parts };
}

describe('R17a opening balances and incomplete history', () => {
  it('R17a: without an opening balance, a member since 2000 is not declared without a vote on 2024 figures alone; its history is flagged incomplete', () => {
    // Before: 2023 and 2022 counted as 0, so the threshold was 0 and the unpaid 2024 contribution meant `no vote` in 2025.
    const s = statusOf(since2000(), 'X', 'conference', '2025-06-30');
    expect(s.incompleteHistory).toBe(true);
    const row = new VotingStatusBook(since2000()).organizationReport('2025-06-30').rows[0];
    expect(row.incompleteHistory).toBe(true);
  });

  it('R17a: opening balances give the years before the data: their amounts assessed count in the threshold, their unpaid amounts in the arrears', () => {
    const wb = since2000({
      openingBalances: [
        { member: 'X', budget: 'conference', year: 2022, assessed: '9000', unpaid: '0' },
        { member: 'X', budget: 'conference', year: 2023, assessed: '9000', unpaid: '4000' },
      ],
    });
    expect(validateWorkbook(JSON.parse(JSON.stringify(wb)))).toEqual([]);
    const s = statusOf(wb, 'X', 'conference', '2024-06-30');
    expect(s.incompleteHistory).toBeUndefined();
    expect(s.threshold).toBe('18000'); // 2023 + 2022 from the opening balances
    expect(s.arrears).toBe('4000');
    expect(s.status).toBe('in arrears');
    // A payment goes to the oldest debt first (R15): the opening balance of 2023.
    const paid = withPayment(wb, { member: 'X', date: '2024-07-01', amount: '4000' });
    expect(statusOf(paid, 'X', 'conference', '2024-07-02').arrears).toBe('0');
  });

  it('R17a: an opening balance only for 2023 leaves 2022 unknown, and the status on 2024 says so', () => {
    const wb = since2000({
      openingBalances: [{ member: 'X', budget: 'conference', year: 2023, assessed: '9000', unpaid: '0' }],
    });
    expect(statusOf(wb, 'X', 'conference', '2024-06-30').incompleteHistory).toBe(true);
    expect(statusOf(wb, 'X', 'conference', '2025-06-30').incompleteHistory).toBeUndefined(); // 2024 and 2023 are known
  });

  it('R17a: a member that joined after the data start has a complete history without any opening balance', () => {
    expect(statusOf(e4(), 'X', 'conference', '2025-06-30').incompleteHistory).toBeUndefined();
  });

  it('R17a validation: an opening balance in a year of data, more unpaid than assessed, or for a member not in the budget is refused', () => {
    const wb = since2000({
      openingBalances: [
        { member: 'X', budget: 'conference', year: 2024, assessed: '9000', unpaid: '0' },
        { member: 'X', budget: 'conference', year: 2023, assessed: '9000', unpaid: '9001' },
        { member: 'Y', budget: 'conference', year: 2022, assessed: '1', unpaid: '0' },
      ],
    });
    const problems = validateWorkbook(JSON.parse(JSON.stringify(wb)));
    expect(problems.map((p) => p.path)).toEqual([
      'openingBalances[0].year',
      'openingBalances[1].unpaid',
      'openingBalances[2].member',
    ]);
    expect(problems[0].message).toMatch(/before the budget's first year of data \(2024\)/);
  });

  it('format version 2: a version 1 file opens unchanged and is read as version 2 in memory; a version 3 file is refused', () => {
    const v1 = asVersion1(readFileSync('examples/example-workbook.json', 'utf8'));
    expect(JSON.parse(v1).version).toBe(1);
    const r = parseWorkbook(v1);
    expect(r.problems).toEqual([]);
    expect(r.workbook!.version).toBe(2);
    expect(r.workbook!.openingBalances).toEqual([]);
    // Same contributions, payments and statuses from 2024 on (the opening balances only fill 2020–2021).
    const book1 = new VotingStatusBook(r.workbook!);
    const book2 = new VotingStatusBook(example());
    for (const date of ['2024-06-30', '2026-06-30', '2027-01-01']) {
      // Only the flag differs: without its opening balances, the version 1 file's history is incomplete.
      const strip = (rows: unknown) =>
        JSON.parse(JSON.stringify(rows, (k, v) => (k === 'incompleteHistory' ? undefined : v)));
      expect(strip(book1.organizationReport(date).rows)).toEqual(strip(book2.organizationReport(date).rows));
    }
    const newer = parseWorkbook(v1.replace('"version": 1', '"version": 3'));
    expect(newer.workbook).toBeUndefined();
  });
});

describe('R17b the combined test', () => {
  /** X in two CHF budgets: 2,000 unpaid of 2024 in conf against a threshold of 10,000 + 2,000; Paris paid up. */
  function twoBudgets(test?: 'combined'): Workbook {
    const years = (a: string) =>
      [2023, 2024, 2025, 2026].map((year) => ({ year, method: 'total' as const, amount: a, adopted: true }));
    return workbook({
      settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest', ...(test ? { votingTest: test } : {}) },
      members: [{ code: 'X', name: 'State X' }],
      budgets: [
        budget('conf', 'wipo-convention', years('1000'), { roundingUnit: '1' }),
        budget('paris', 'paris', years('5000'), { roundingUnit: '1' }),
      ],
      participations: [
        takesPart('X', 'conf', 'C', { from: '2023-01-01' }),
        takesPart('X', 'paris', 'VII', { from: '2023-01-01' }),
      ],
      payments: [{ id: 'p', member: 'X', date: '2025-02-01', amount: '15000', currency: 'CHF', budget: 'paris' }],
    });
  }

  it('R17b: per budget, unpaid Conference contributions lose the vote although Paris is paid in advance; combined, the sums decide', () => {
    const per = new VotingStatusBook(twoBudgets()).organizationReport('2025-06-30');
    expect(per.votingTest).toBeUndefined();
    expect(per.rows[0].status).toBe('no vote'); // conf: 2,000 unpaid of 2023–2024 against 2,000
    const combined = new VotingStatusBook(twoBudgets('combined')).organizationReport('2025-06-30');
    expect(combined.votingTest).toBe('combined');
    expect(combined.rows[0].arrears).toBe('2000');
    expect(combined.rows[0].threshold).toBe('12000');
    expect(combined.rows[0].status).toBe('in arrears');
    const budgetView = new VotingStatusBook(twoBudgets('combined')).budgetReport('conf', '2025-06-30');
    expect(budgetView.votingTest).toBe('combined');
    expect(budgetView.rows[0].status).toBe('in arrears');
  });

  it('R17b: the combined minimum payment, one payment marked for no budget, restores the vote; one unit less does not', () => {
    const wb = twoBudgets('combined');
    wb.payments = [];
    const row = new VotingStatusBook(wb).organizationReport('2025-06-30').rows[0];
    expect(row.status).toBe('no vote'); // 12,000 unpaid against 12,000
    expect(row.minimumPayment).toBe('1');
    const pay = (amount: string) =>
      new VotingStatusBook(withPayment(wb, { member: 'X', date: '2025-06-30', amount })).memberRow(row, '2025-06-30')!
        .status;
    expect(pay(row.minimumPayment!)).toBe('in arrears');
  });

  it('R17b validation: the combined test needs every budget in one currency', () => {
    const wb = twoBudgets('combined');
    wb.budgets[1].currency = 'EUR';
    wb.payments = [];
    const problems = validateWorkbook(JSON.parse(JSON.stringify(wb)));
    expect(problems.map((p) => p.path)).toContain('settings.votingTest');
  });
});
