import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addMember, removeMember } from '../../shared/edit';
import { hasMessage } from '../../shared/i18n/intl';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';
import type { ScenarioOverride, Workbook } from '../../shared/model/types';

// A removed member never leaves records naming no one: the saved file must open again.

const loaded = (): Workbook => parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
/** The example with a new member XQ in the Paris Union (class VII), which has no history yet. */
const example = (): Workbook => {
  const o = addMember(loaded(), { code: 'XQ', name: 'Newcomer', value: 'VII', budget: 'paris', year: 2026 });
  if (!o.ok) throw new Error(o.problems[0].message);
  return o.workbook;
};

describe('removeMember', () => {
  it('every member of the example is either refused, or removed leaving a workbook that validates', () => {
    const wb = example();
    let removed = 0;
    for (const m of wb.members) {
      const o = removeMember(wb, m.code);
      if (!o.ok) {
        expect(hasMessage(o.problems[0].msg!.id), o.problems[0].message).toBe(true);
        continue;
      }
      removed++;
      expect(validateWorkbook(JSON.parse(JSON.stringify(o.workbook))), m.code).toEqual([]);
    }
    expect(removed).toBeGreaterThan(0);
  });

  it('refuses a member with a voting decision or an opening balance, and one with a fixed rate', () => {
    const wb = example();
    const code = 'XQ';
    expect(removeMember(wb, code).ok).toBe(true);
    const decided: Workbook = {
      ...wb,
      votingDecisions: [
        ...(wb.votingDecisions ?? []),
        { id: 'vd-x', member: code, body: 'Assembly', date: '2026-01-01', reference: 'A/1' } as never,
      ],
    };
    expect(removeMember(decided, code).ok).toBe(false);
    const opened: Workbook = {
      ...wb,
      openingBalances: [
        ...(wb.openingBalances ?? []),
        { member: code, budget: wb.budgets[0].id, year: 2020, assessed: '1', unpaid: '1' },
      ],
    };
    expect(removeMember(opened, code).problems[0].message).toContain('withdrawal');
    const fixed: Workbook = JSON.parse(JSON.stringify(wb));
    const year = fixed.budgets.flatMap((b) => b.years).find((y) => y.scale?.fixedRates)!;
    year.scale!.fixedRates!.push({ member: code, rate: '0.1' });
    expect(removeMember(fixed, code).problems[0].message).toContain('fixed rate');
  });

  it('refuses a member a scenario names (its class, its leaving, a derivation’s fixed rate); the file would not open', () => {
    const wb = example();
    const code = 'XQ';
    const budget = wb.participations.find((p) => p.member === code)!.budget;
    const derived = wb.budgets.flatMap((b) => b.years.map((y) => ({ b, y }))).find(({ y }) => y.scale)!;
    const changes: ScenarioOverride[] = [
      { kind: 'class', member: code, budget, fromYear: 2026, class: 'C' },
      { kind: 'leave', member: code, budget, until: '2026-12-31' },
      {
        kind: 'derivation',
        budget: derived.b.id,
        year: derived.y.year,
        scale: { ...derived.y.scale!, fixedRates: [{ member: code, rate: '0.1' }] },
      },
    ];
    for (const change of changes) {
      const wb2: Workbook = { ...wb, scenarios: [...wb.scenarios, { id: 'sx', name: 'What if', overrides: [change] }] };
      const o = removeMember(wb2, code);
      expect(o.ok, change.kind).toBe(false);
      expect(o.problems[0].message).toContain('What if');
      expect('workbook' in o).toBe(false);
    }
    // Without the scenario the same removal leaves a workbook that validates.
    const o = removeMember(wb, code);
    expect(o.ok && validateWorkbook(o.workbook)).toEqual([]);
  });

  it('takes the member’s expected payment dates with it, and undo brings them back', () => {
    const wb = example();
    const code = 'XQ';
    const withDate: Workbook = {
      ...wb,
      liquidity: { ...(wb.liquidity ?? {}), expected: [{ member: code, year: 2026, notPaying: true } as never] },
    };
    const o = removeMember(withDate, code);
    if (!o.ok) throw new Error(o.problems[0].message);
    expect(o.workbook.liquidity?.expected ?? []).toEqual([]);
    const back = o.inverse.apply(o.workbook);
    expect(back.ok && back.workbook.liquidity?.expected).toEqual(withDate.liquidity!.expected);
  });
});
