import { describe, expect, it } from 'vitest';
import { addMember, setAccession, setLeaving, setNewMemberRule } from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine';
import type { Workbook } from '../../shared/model/types';
import { example, ok, roundTrips } from './edit-helpers';

// R8/R12 membership dates as commands: accession and leaving set, cleared and undone exactly.

const member = (wb: Workbook) => assessBudgetYear(wb, 'paris', 2026).rows.find((r) => !r.proRata)!.code;

describe('membership dates', () => {
  it('R8 a member leaving before 1 January is not assessed that year: every other amount moves, the total stays exact', () => {
    const wb = example();
    const code = member(wb);
    const t0 = assessBudgetYear(wb, 'paris', 2026);
    const d = roundTrips(wb, setLeaving(wb, { budget: 'paris', member: code, until: '2025-12-31' }));
    const t1 = assessBudgetYear(d.workbook, 'paris', 2026);
    expect(t1.rows.map((r) => r.code)).not.toContain(code);
    expect(t1.rows).toHaveLength(t0.rows.length - 1);
    expect(t1.total).toBe(t0.total);
    for (const r of t1.rows)
      if (!r.proRata) expect(r.amount, r.code).not.toBe(t0.rows.find((x) => x.code === r.code)!.amount);
    // Still assessed for 2025, the year it was a member on 1 January.
    expect(assessBudgetYear(d.workbook, 'paris', 2025).rows.map((r) => r.code)).toContain(code);
    // Leaving during the year: assessed for that year (R8), gone the next.
    const during = ok(setLeaving(wb, { budget: 'paris', member: code, until: '2026-06-30' })).workbook;
    expect(assessBudgetYear(during, 'paris', 2026).rows.map((r) => r.code)).toContain(code);
    // Cleared: a member again, exactly as before.
    const back = ok(setLeaving(d.workbook, { budget: 'paris', member: code, until: undefined })).workbook;
    expect(assessBudgetYear(back, 'paris', 2026)).toEqual(t0);
  });

  it('R12 a member joining during the year is assessed pro rata under the months rule, the others unchanged', () => {
    const wb = ok(setNewMemberRule(example(), 'months')).workbook;
    const added = ok(
      addMember(wb, { code: 'XN', name: 'Newland', value: 'VII', budget: 'paris', year: 2026 }),
    ).workbook;
    const full = assessBudgetYear(added, 'paris', 2026);
    const d = roundTrips(added, setAccession(added, { budget: 'paris', member: 'XN', from: '2026-07-01' }));
    const t = assessBudgetYear(d.workbook, 'paris', 2026);
    const row = t.rows.find((r) => r.code === 'XN')!;
    expect(row.proRata).toEqual({ num: 6, den: 12 });
    for (const r of t.rows)
      if (r.code !== 'XN') expect(r.amount).toBe(full.rows.find((x) => x.code === r.code)!.amount);
    // Not a member of 2025's budget.
    expect(assessBudgetYear(d.workbook, 'paris', 2025).rows.map((r) => r.code)).not.toContain('XN');
  });

  it('an earlier accession carries the class it joined with back to that year', () => {
    const wb = ok(
      addMember(example(), { code: 'XN', name: 'Newland', value: 'VII', budget: 'paris', year: 2026 }),
    ).workbook;
    const d = ok(setAccession(wb, { budget: 'paris', member: 'XN', from: '2025-03-01' }));
    const p = d.workbook.participations.find((x) => x.member === 'XN')!;
    expect(p.classes).toEqual([{ year: 2025, class: 'VII' }]);
    expect(assessBudgetYear(d.workbook, 'paris', 2025).rows.find((r) => r.code === 'XN')?.class).toBe('VII');
  });

  it('refuses bad dates, leaving before joining, and no change', () => {
    const wb = ok(
      addMember(example(), {
        code: 'XN',
        name: 'Newland',
        value: 'VII',
        budget: 'paris',
        year: 2026,
        from: '2026-03-01',
      }),
    ).workbook;
    expect(setLeaving(wb, { budget: 'paris', member: 'XN', until: '31/12/2025' })).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/not a date/) }],
    });
    expect(setLeaving(wb, { budget: 'paris', member: 'XN', until: '2026-02-01' })).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/cannot leave before/) }],
    });
    expect(setAccession(wb, { budget: 'paris', member: 'XN', from: '2026-03-01' }).ok).toBe(false);
    expect(setAccession(wb, { budget: 'paris', member: 'ZZZ', from: '2026-03-01' }).ok).toBe(false);
    expect(setNewMemberRule(wb, 'weekly' as never).ok).toBe(false);
    const left = ok(setLeaving(wb, { budget: 'paris', member: 'XN', until: '2027-06-30' })).workbook;
    expect(setAccession(left, { budget: 'paris', member: 'XN', from: '2027-07-01' })).toMatchObject({
      ok: false,
      problems: [{ message: expect.stringMatching(/cannot join after/) }],
    });
  });
});
