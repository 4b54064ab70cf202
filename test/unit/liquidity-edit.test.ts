import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EMPTY_HISTORY, perform, redo, undo } from '../../shared/edit/history';
import {
  clearExpectedDate,
  clearOpeningCash,
  clearSpendingPlan,
  setExpectedDate,
  setNotPaying,
  setOpeningCash,
  setSpendingPlan,
} from '../../shared/edit/liquidity';
import { liquidityProjection } from '../../shared/engine/liquidity';
import { say } from '../../shared/i18n/intl';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { ok, refusedAt, roundTrips } from './edit-helpers';

// R24 the liquidity section edited from the app: each command one undoable step (its inverse gives back the workbook
// it started from), checked against what the engine then projects (E7).

const e7 = (): Workbook => parseWorkbook(readFileSync('test/fixtures/e7-workbook.json', 'utf8')).workbook!;
/** E7 without the liquidity section: nothing entered. */
const bare = (): Workbook => {
  const wb = e7();
  delete wb.liquidity;
  return wb;
};
const project = (wb: Workbook) => liquidityProjection(wb, 'e7', 2026);

describe('R24 liquidity commands', () => {
  it('R24 E7: the cash on 1 January set on a workbook without a liquidity section gives E7; cleared, the section goes', () => {
    const wb = bare();
    expect(project(wb).opening.cashGiven).toBe(false);
    const d = roundTrips(wb, setOpeningCash(wb, { budget: 'e7', year: 2026, amount: '100' }));
    expect(d.workbook.liquidity).toEqual({ cash: [{ budget: 'e7', year: 2026, amount: '100' }] });
    expect(d.label).toBe('Cash on 1 January 2026 in Worked example E7: 100');
    const p = project(d.workbook);
    expect([p.firstWcfDraw, p.firstAdvance, p.maxAdvances, p.shortfall]).toEqual([
      '2026-02-28',
      '2026-09-30',
      '50',
      '0',
    ]);
    const c = roundTrips(d.workbook, clearOpeningCash(d.workbook, 'e7', 2026));
    expect('liquidity' in c.workbook).toBe(false);
    expect(project(c.workbook).opening.cashGiven).toBe(false);
  });

  it('R24 changing the cash replaces the entry and keeps its WCF balance; clearing it then keeps the balance with cash 0', () => {
    const wb = e7();
    wb.liquidity = { cash: [{ budget: 'e7', year: 2026, amount: '100', wcf: '120' }] };
    const d = roundTrips(wb, setOpeningCash(wb, { budget: 'e7', year: 2026, amount: ' 250.50 ' }));
    expect(d.workbook.liquidity!.cash).toEqual([{ budget: 'e7', year: 2026, amount: '250.50', wcf: '120' }]);
    const c = roundTrips(d.workbook, clearOpeningCash(d.workbook, 'e7', 2026));
    expect(c.workbook.liquidity!.cash).toEqual([{ budget: 'e7', year: 2026, amount: '0', wcf: '120' }]);
    refusedAt(clearOpeningCash(c.workbook, 'e7', 2026), 'amount');
  });

  it('R24 the cash is refused at its field: below zero, not a number, the same again, a budget or year that is not there', () => {
    const wb = e7();
    expect(refusedAt(setOpeningCash(wb, { budget: 'e7', year: 2026, amount: '-5' }), 'amount')).toBe(
      'The amount cannot be below zero (got -5)',
    );
    refusedAt(setOpeningCash(wb, { budget: 'e7', year: 2026, amount: '1,000' }), 'amount');
    refusedAt(setOpeningCash(wb, { budget: 'e7', year: 2026, amount: '1e3' }), 'amount');
    expect(refusedAt(setOpeningCash(wb, { budget: 'e7', year: 2026, amount: '100' }), 'amount')).toBe(
      'That is already the cash on 1 January',
    );
    refusedAt(setOpeningCash(wb, { budget: 'nowhere', year: 2026, amount: '1' }), 'budget');
    refusedAt(setOpeningCash(wb, { budget: 'e7', year: 1899, amount: '1' }), 'year');
    refusedAt(clearOpeningCash(wb, 'e7', 2025), 'amount');
  });

  it('R24 E7: Q expected a month later draws more advances; clearing the date gives E7 back', () => {
    const wb = e7();
    const base = project(wb);
    const d = roundTrips(wb, setExpectedDate(wb, { member: 'Q', budget: 'e7', year: 2026, date: '2026-11-15' }));
    expect(d.label).toBe('Expected payment of Q to Worked example E7: 2026-11-15');
    const late = project(d.workbook);
    expect(late.expected.find((e) => e.code === 'Q')).toMatchObject({
      date: '2026-11-15',
      basis: 'override',
      usualDate: '2026-10-15',
    });
    // 31 October needs 100 more than E7's 50.
    expect([base.maxAdvances, late.maxAdvances]).toEqual(['50', '150']);
    const c = roundTrips(d.workbook, clearExpectedDate(d.workbook, { member: 'Q', budget: 'e7', year: 2026 }));
    expect(project(c.workbook).months).toEqual(base.months);
    // A second date replaces the first: still one entry.
    const again = ok(setExpectedDate(d.workbook, { member: 'Q', budget: 'e7', year: 2026, date: '2026-12-01' }));
    expect(again.workbook.liquidity!.expected).toEqual([{ member: 'Q', budget: 'e7', year: 2026, date: '2026-12-01' }]);
  });

  it('R24 a date set for every budget in the file: the app’s date for the budget wins over it and leaves it; clearing removes the one that applies', () => {
    const wb = e7();
    wb.liquidity = { ...wb.liquidity, expected: [{ member: 'P', year: 2026, date: '2026-05-01' }] };
    expect(project(wb).expected.find((e) => e.code === 'P')!.date).toBe('2026-05-01');
    const d = roundTrips(wb, setExpectedDate(wb, { member: 'P', budget: 'e7', year: 2026, date: '2026-06-01' }));
    expect(d.workbook.liquidity!.expected).toEqual([
      { member: 'P', year: 2026, date: '2026-05-01' },
      { member: 'P', budget: 'e7', year: 2026, date: '2026-06-01' },
    ]);
    expect(project(d.workbook).expected.find((e) => e.code === 'P')!.date).toBe('2026-06-01');
    const c1 = roundTrips(d.workbook, clearExpectedDate(d.workbook, { member: 'P', budget: 'e7', year: 2026 }));
    expect(project(c1.workbook).expected.find((e) => e.code === 'P')!.date).toBe('2026-05-01');
    const c2 = roundTrips(c1.workbook, clearExpectedDate(c1.workbook, { member: 'P', budget: 'e7', year: 2026 }));
    expect(c2.label).toBe('Expected date of P in 2026 cleared (every budget)');
    expect(project(c2.workbook).expected.find((e) => e.code === 'P')).toMatchObject({
      date: '2026-03-15',
      basis: 'usual',
    });
  });

  it('R24 a date is refused at its field: not a date, outside the year, a member not in the budget, nothing to clear', () => {
    const wb = e7();
    refusedAt(setExpectedDate(wb, { member: 'Q', budget: 'e7', year: 2026, date: '2026-02-30' }), 'date');
    expect(refusedAt(setExpectedDate(wb, { member: 'Q', budget: 'e7', year: 2026, date: '2027-01-05' }), 'date')).toBe(
      'The expected date 2027-01-05 is not in 2026',
    );
    expect(
      refusedAt(setExpectedDate(wb, { member: 'H', budget: 'e7', year: 2026, date: '2026-05-01' }), 'member'),
    ).toBe('H does not take part in Worked example E7');
    refusedAt(setExpectedDate(wb, { member: 'ZZ', budget: 'e7', year: 2026, date: '2026-05-01' }), 'member');
    refusedAt(clearExpectedDate(wb, { member: 'Q', budget: 'e7', year: 2026 }), 'date');
  });

  it('R24 E7: Q marked as not paying leaves the advances at the ceiling and a shortfall; unmarked, E7 again', () => {
    const wb = e7();
    const withDate = ok(setExpectedDate(wb, { member: 'Q', budget: 'e7', year: 2026, date: '2026-11-15' })).workbook;
    const d = roundTrips(withDate, setNotPaying(withDate, { member: 'Q', budget: 'e7', year: 2026, notPaying: true }));
    // "Not paying" replaces the date set: the model has one entry per member, budget and year.
    expect(d.workbook.liquidity!.expected).toEqual([{ member: 'Q', budget: 'e7', year: 2026, notPaying: true }]);
    const p = project(d.workbook);
    expect(p.expected.find((e) => e.code === 'Q')).toMatchObject({ basis: 'not-paying', amount: '0', date: null });
    expect(p.maxAdvances).toBe('200');
    expect(p.firstShortfall).toBe('2026-11-30');
    refusedAt(setNotPaying(d.workbook, { member: 'Q', budget: 'e7', year: 2026, notPaying: true }), 'notPaying');
    const u = roundTrips(
      d.workbook,
      setNotPaying(d.workbook, { member: 'Q', budget: 'e7', year: 2026, notPaying: false }),
    );
    expect(u.label).toBe('Q expected to pay Worked example E7 again in 2026');
    expect(project(u.workbook).months).toEqual(project(wb).months);
    refusedAt(setNotPaying(wb, { member: 'Q', budget: 'e7', year: 2026, notPaying: false }), 'notPaying');
  });

  it('R24 the spending plan: 12 amounts replace the spread; cleared, the budget is spread again; refused at the month', () => {
    const wb = e7();
    const months = ['0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1200'];
    const d = roundTrips(wb, setSpendingPlan(wb, { budget: 'e7', year: 2026, months }));
    const p = project(d.workbook);
    expect(p.spendingFrom).toBe('plan');
    // Everything spent on 31 December, after both payments: the fund is never drawn.
    expect([p.firstWcfDraw, p.firstAdvance]).toEqual([null, null]);
    expect(p.months.map((m) => m.spending)).toEqual(months);
    refusedAt(setSpendingPlan(d.workbook, { budget: 'e7', year: 2026, months }), 'months');
    const c = roundTrips(d.workbook, clearSpendingPlan(d.workbook, 'e7', 2026));
    expect(project(c.workbook).spendingFrom).toBe('budget');
    expect(c.workbook.liquidity).toEqual(wb.liquidity);
    refusedAt(clearSpendingPlan(c.workbook, 'e7', 2026), 'months');
    refusedAt(setSpendingPlan(wb, { budget: 'e7', year: 2026, months: months.slice(1) }), 'months');
    expect(
      refusedAt(
        setSpendingPlan(wb, { budget: 'e7', year: 2026, months: [...months.slice(0, 4), 'x', ...months.slice(5)] }),
        'months[4]',
      ),
    ).toBe('Month 5: write an amount of zero or more such as 125000.00 (got x)');
  });

  it('each command is one step of the undo history: undo gives back the workbook before, redo the one after', () => {
    let state = { workbook: e7(), history: EMPTY_HISTORY };
    const steps = [
      (w: Workbook) => setOpeningCash(w, { budget: 'e7', year: 2026, amount: '300' }),
      (w: Workbook) => setExpectedDate(w, { member: 'P', budget: 'e7', year: 2026, date: '2026-07-01' }),
      (w: Workbook) => setNotPaying(w, { member: 'Q', budget: 'e7', year: 2026, notPaying: true }),
      (w: Workbook) => setSpendingPlan(w, { budget: 'e7', year: 2026, months: Array(12).fill('50') }),
    ];
    const seen = [state.workbook];
    for (const s of steps) {
      const r = perform(state.workbook, state.history, s);
      expect(r.history.undo.length).toBe(seen.length);
      state = r;
      seen.push(state.workbook);
    }
    for (let i = steps.length; i > 0; i--) {
      const u = undo(state.workbook, state.history)!;
      expect(u.workbook).toEqual(seen[i - 1]);
      state = u;
    }
    const r = redo(state.workbook, state.history)!;
    expect(r.workbook).toEqual(seen[1]);
  });

  it('R24 labels and refusals are messages of the liquidity catalog, said in every language', () => {
    const d = ok(setNotPaying(e7(), { member: 'Q', budget: 'e7', year: 2026, notPaying: true }));
    expect(d.labelMsg?.id).toBe('liquidity.edit.notPayingLabel');
    expect(say(d.labelMsg!, 'fr')).not.toBe(d.label);
    expect(say(d.labelMsg!, 'fr')).toContain('Q');
  });

  it('R24 any cash of zero or more is taken exactly and moves the year-end cash by exactly that much when nothing is drawn', () => {
    // With spending planned at 0 nothing is ever drawn, so the year-end cash is the opening cash plus every receipt.
    const wb = ok(setSpendingPlan(bare(), { budget: 'e7', year: 2026, months: Array(12).fill('0') })).workbook;
    const receipts = project(wb).receipts;
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (cash) => {
        const d = ok(setOpeningCash(wb, { budget: 'e7', year: 2026, amount: cash.toString() }));
        const p = project(d.workbook);
        expect(BigInt(p.months[11].cash)).toBe(cash + BigInt(receipts));
        expect(ok(d.inverse.apply(d.workbook)).workbook).toEqual(wb);
      }),
      { numRuns: 50 },
    );
  });
});
