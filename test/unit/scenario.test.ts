import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { assessBudgetYear } from '../../shared/engine/assess';
import { applyScenario, compareScenario } from '../../shared/scenario/scenario';
import { e1Workbook, takesPart } from './helpers';

describe('R14 what-if scenarios', () => {
  it('R14: E1 with Q moved to class C, compared member by member (hand-checked)', () => {
    const c = compareScenario(
      e1Workbook(),
      { name: 'Q to C', overrides: [{ kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'C' }] },
      'conference',
      2026,
    );
    // Units 10, 1, 1, 1 = 13: floors 769,230.76 + 3 × 76,923.07 = 999,999.97; P, then Q and R (code order) get a cent.
    expect(
      c.rows.map((r) => [
        r.code,
        r.classBefore,
        r.classAfter,
        r.amountBefore,
        r.amountAfter,
        r.difference,
        r.percentChange,
        r.changed,
      ]),
    ).toEqual([
      ['P', 'A', 'A', '666666.67', '769230.77', '102564.10', '15.38', false],
      ['Q', 'B', 'C', '200000.00', '76923.08', '-123076.92', '-61.54', true],
      ['R', 'C', 'C', '66666.67', '76923.08', '10256.41', '15.38', false],
      ['S', 'C', 'C', '66666.66', '76923.07', '10256.41', '15.38', false],
    ]);
    expect(c.after.total).toBe('1000000.00');
    expect(c.totalDifference).toBe('0.00');
    expect(c.before.unitValue).toBe('66666.666667');
    expect(c.after.unitValue).toBe('76923.076923');
  });

  it('R14: a scenario never changes the baseline', () => {
    const wb = e1Workbook();
    const before = JSON.stringify(wb);
    applyScenario(wb, [
      { kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'C' },
      { kind: 'level', budget: 'conference', year: 2026, method: 'unit-value', amount: '1000' },
      { kind: 'join', member: 'N', budget: 'conference', from: '2026-01-01', class: 'A' },
      { kind: 'leave', member: 'S', budget: 'conference', until: '2025-12-31' },
      { kind: 'units', scheme: 'wipo-convention', class: 'A', units: '12' },
    ]);
    expect(JSON.stringify(wb)).toBe(before);
  });

  it('R14: a new level, a member joining and one leaving, and edited scheme units', () => {
    const c = compareScenario(
      e1Workbook(),
      {
        name: 'mixed',
        overrides: [
          { kind: 'level', budget: 'conference', year: 2026, method: 'unit-value', amount: '1000' },
          { kind: 'join', member: 'N', name: 'Newland', budget: 'conference', from: '2026-01-01', class: 'B' },
          { kind: 'leave', member: 'S', budget: 'conference', until: '2025-12-31' },
          { kind: 'units', scheme: 'wipo-convention', class: 'A', units: '12' },
        ],
      },
      'conference',
      2026,
    );
    const byCode = Object.fromEntries(c.rows.map((r) => [r.code, [r.amountBefore, r.amountAfter]]));
    expect(byCode).toEqual({
      P: ['666666.67', '12000.00'],
      Q: ['200000.00', '3000.00'],
      R: ['66666.67', '1000.00'],
      S: ['66666.66', null],
      N: [null, '3000.00'],
    });
    expect(c.after.method).toBe('unit-value');
    expect(c.after.total).toBe('19000.00');
  });

  it('R14 with R13: a scenario class supersedes a notice taking effect the same year', () => {
    const wb = e1Workbook();
    wb.classChanges.push({
      id: 'n',
      member: 'Q',
      budget: 'conference',
      toClass: 'A',
      notifiedOn: '2025-03-01',
      requestedYear: 2026,
    });
    expect(assessBudgetYear(wb, 'conference', 2026).rows[1].class).toBe('A');
    const after = applyScenario(wb, [{ kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'C' }]);
    expect(assessBudgetYear(after, 'conference', 2026).rows[1].class).toBe('C');
    expect(takesPart('Q', 'conference', 'B').classes).toEqual([{ year: 2000, class: 'B' }]);
  });
});

describe('contrib whatif', () => {
  const contrib = async (...args: string[]) => {
    let out = '';
    let err = '';
    const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it('prints the comparison as CSV with the agreed header', async () => {
    const r = await contrib(
      'whatif',
      'examples/example-workbook.json',
      '--budget',
      'paris',
      '--year',
      '2026',
      '--set',
      'FR=II',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('code,name,class_before,class_after,amount_before,amount_after,difference,percent_change');
    const fr = lines.find((l) => l.startsWith('FR,'))!.split(',');
    expect(fr.slice(2, 4)).toEqual(['I', 'II']);
    expect(Number(fr[6])).toBeLessThan(0);
    // The total does not move: what France no longer pays, the others pay.
    const diffs = lines.slice(1).map((l) => BigInt(l.split(',')[6]));
    expect(diffs.reduce((a, b) => a + b, 0n)).toBe(0n);
  });

  it('an unknown class or member exits 2 and names it', async () => {
    const r = await contrib(
      'whatif',
      'examples/example-workbook.json',
      '--budget',
      'paris',
      '--year',
      '2026',
      '--set',
      'FR=Z',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Z is not a class of paris/);
  });
});

describe('R14 scenarios in the workbook file', () => {
  it('validation names a scenario change that points nowhere', async () => {
    const { validateWorkbook } = await import('../../shared/model/validate');
    const wb = e1Workbook();
    wb.scenarios.push({
      id: 's1',
      name: 'Q down',
      overrides: [
        { kind: 'class', member: 'Q', budget: 'conference', fromYear: 2027, class: 'C' },
        { kind: 'class', member: 'ZZ', budget: 'conference', fromYear: 2027, class: 'X' },
        { kind: 'level', budget: 'nope', year: 2027, method: 'total', amount: '1' },
      ],
    });
    expect(validateWorkbook(wb).map((p) => p.message)).toEqual([
      'Scenario Q down, change 2: there is no member ZZ',
      'Scenario Q down, change 2: class X is not a class of wipo-convention',
      'Scenario Q down, change 3: there is no budget nope',
    ]);
  });
});
