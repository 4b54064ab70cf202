import { describe, expect, it } from 'vitest';
import { pasteOpeningBalances, removeOpeningBalance, setOpeningBalance } from '../../shared/edit';
import { VotingStatusBook } from '../../shared/engine/arrears';
import { validateWorkbook } from '../../shared/model/validate';
import type { Workbook } from '../../shared/model/types';
import { example as bundled, roundTrips } from './edit-helpers';

/** The example without its opening balances: every member that took part before 2022 has an incomplete history. */
const example = (): Workbook => ({ ...bundled(), openingBalances: [] });

describe('R17a opening balances in the app: commands', () => {
  it('R17a sets, replaces and removes an opening balance, each one undoable step; the result validates', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      setOpeningBalance(wb, { member: 'FR', budget: 'paris', year: '2021', assessed: '450000', unpaid: '0' }),
    );
    expect(d.workbook.openingBalances).toEqual([
      { member: 'FR', budget: 'paris', year: 2021, assessed: '450000', unpaid: '0' },
    ]);
    expect(validateWorkbook(JSON.parse(JSON.stringify(d.workbook)))).toEqual([]);
    const again = setOpeningBalance(d.workbook, {
      member: 'FR',
      budget: 'paris',
      year: '2021',
      assessed: '450000',
      unpaid: '1000',
    });
    expect(again.ok && again.workbook.openingBalances).toEqual([
      { member: 'FR', budget: 'paris', year: 2021, assessed: '450000', unpaid: '1000' },
    ]);
    const r = roundTrips(d.workbook, removeOpeningBalance(d.workbook, 'FR', 'paris', 2021));
    expect(r.workbook.openingBalances).toEqual([]);
  });

  it('R17a refuses at the field: a year of data, a minus sign, more unpaid than assessed, a member outside the budget', () => {
    const wb = example();
    const field = (a: Partial<Parameters<typeof setOpeningBalance>[1]>) => {
      const o = setOpeningBalance(wb, {
        member: 'FR',
        budget: 'paris',
        year: '2021',
        assessed: '100',
        unpaid: '0',
        ...a,
      });
      return o.ok ? null : o.problems[0].path;
    };
    expect(field({ year: '2022' })).toBe('year');
    expect(field({ year: '21' })).toBe('year');
    expect(field({ assessed: '-100' })).toBe('assessed');
    expect(field({ unpaid: '101' })).toBe('unpaid');
    expect(field({ member: 'XX' })).toBe('member');
    expect(field({ budget: 'nowhere' })).toBe('budget');
  });

  it('R17a pasted rows are all or nothing, naming every refused line; a complete paste clears the incomplete-history flag', () => {
    const wb = example();
    const bad = pasteOpeningBalances(
      wb,
      'member\tbudget\tyear\tassessed\tunpaid\nFR\tparis\t2021\t100\t0\nXX\tparis\t2021\t1\t0\nFR\tparis\t2020\t1\t5\n',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.message)).toEqual([
        expect.stringMatching(/^line 3, member/),
        expect.stringMatching(/^line 4, unpaid/),
      ]);
    const before = new VotingStatusBook(wb).budgetReport('paris', '2022-06-30').rows.find((r) => r.code === 'FR')!;
    expect(before.incompleteHistory).toBe(true);
    const ok = roundTrips(wb, pasteOpeningBalances(wb, 'FR\tparis\t2021\t100\t0\nFR\tparis\t2020\t100\t0\n'));
    expect(ok.label).toBe('Paste: 2 opening balances');
    expect(
      new VotingStatusBook(ok.workbook).budgetReport('paris', '2022-06-30').rows.find((r) => r.code === 'FR')!
        .incompleteHistory,
    ).toBeUndefined();
  });
});
