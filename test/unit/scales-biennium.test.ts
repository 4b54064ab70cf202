// R23 the years of a biennium are checked and computed from the biennial figures, whether or not they have an entry
// of their own (checkComputable used to stop at the last year with an entry).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine/assess';
import { checkComputable } from '../../shared/engine/check';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';

const text = readFileSync('test/fixtures/e5-workbook.json', 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the JSON freely
const load = (f: (doc: any) => void = () => {}): Workbook => {
  const doc = JSON.parse(text);
  f(doc);
  const r = parseWorkbook(JSON.stringify(doc));
  if (!r.workbook) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.workbook;
};
/** A state joining on 1 January 2028, not on the base scale and without a fixed rate: only 2028 cannot be derived. */
const joins2028 = (doc: { members: object[]; participations: object[] }) => {
  doc.members.push({ code: 'Y', name: 'Ypsilon' });
  doc.participations.push({ member: 'Y', budget: 'e5', from: '2028-01-01', classes: [] });
};

describe('R23 checkComputable over a biennium', () => {
  it('the fixture computes: 2028 (no entry) takes half the biennial figure, the rest to 2027', () => {
    const wb = load();
    expect(checkComputable(wb)).toEqual([]);
    expect(assessBudgetYear(wb, 'e5', 2027).total).toBe('10000000');
    expect(assessBudgetYear(wb, 'e5', 2028).total).toBe('10000001');
  });

  it('the second year of a biennium without an entry of its own is checked', () => {
    const wb = load(joins2028);
    expect(() => assessBudgetYear(wb, 'e5', 2027)).not.toThrow();
    const problems = checkComputable(wb);
    expect(problems.map((p) => p.path)).toEqual(['budgets[0]']);
    expect(problems[0].message).toMatch(/2028/);
    expect(problems[0].message).toMatch(/Y is not on the base scale and has no fixed rate/);
  });

  it('a budget whose only figure is a biennium is checked in both its years', () => {
    const wb = load((doc) => {
      doc.members.push({ code: 'Y', name: 'Ypsilon' });
      doc.participations.push({ member: 'Y', budget: 'e5', from: '2029-01-01', classes: [] });
      const b = doc.budgets[0];
      // One entry (2028: the derivation, no figure of its own) and the biennium 2028–2029.
      b.years = [{ ...b.years[1], year: 2028 }];
      delete b.years[0].credit;
      b.biennia = [{ years: [2028, 2029], amount: '20000000' }];
    });
    expect(assessBudgetYear(wb, 'e5', 2028).total).toBe('10000000');
    const problems = checkComputable(wb);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(/2029/);
  });
});
