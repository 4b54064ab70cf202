import DecimalGlobal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine/assess';
import { changeEffect, Holdings } from '../../shared/model/classes';
import { accessionFraction, isAssessed } from '../../shared/engine/membership';
import { budgetLevel } from '../../shared/engine/years';
import { Decimal } from '../../shared/model/decimal';
import { BUILT_IN_SCHEMES, PARIS, WIPO_CONVENTION, WIPO_UNITARY } from '../../shared/model/schemes';
import type { ClassChange } from '../../shared/model/types';
import { budget, e1Workbook, takesPart, workbook } from './helpers';

const amounts = (t: { rows: { code: string; amount: string }[] }) =>
  Object.fromEntries(t.rows.map((r) => [r.code, r.amount]));

describe('R1–R3 schemes and money', () => {
  it('R1: built-in schemes carry the treaty units', () => {
    expect(WIPO_CONVENTION.classes.map((c) => `${c.code}=${c.units}`)).toEqual(['A=10', 'B=3', 'C=1']);
    expect(PARIS.classes.map((c) => c.units)).toEqual(['25', '20', '15', '10', '5', '3', '1']);
    expect(WIPO_UNITARY.classes.find((c) => c.code === 'Ster')?.units).toBe('0.03125');
    expect(BUILT_IN_SCHEMES.map((s) => s.id)).toEqual([
      'wipo-convention',
      'paris',
      'wipo-unitary',
      'scale',
      'percent-scale',
    ]);
  });

  it('R1: a workbook computes with its own copy of a scheme, edited units included', () => {
    const wb = e1Workbook();
    wb.schemes = wb.schemes.map((s) =>
      s.id === 'wipo-convention'
        ? {
            ...WIPO_CONVENTION,
            classes: [
              { code: 'A', units: '4' },
              { code: 'B', units: '3' },
              { code: 'C', units: '1' },
            ],
          }
        : s,
    );
    expect(amounts(assessBudgetYear(wb, 'conference', 2026))).toEqual({
      P: '444444.45',
      Q: '333333.33',
      R: '111111.11',
      S: '111111.11',
    });
  });

  it('R2: a scale apportions by each member’s own weight', () => {
    const wb = workbook({
      members: [
        { code: 'X', name: 'X' },
        { code: 'Y', name: 'Y' },
        { code: 'Z', name: 'Z' },
      ],
      budgets: [budget('un', 'scale', [{ year: 2026, method: 'total', amount: '1000.00', adopted: true }])],
      participations: [
        { member: 'X', budget: 'un', classes: [{ year: 2020, weight: '22.000' }] },
        { member: 'Y', budget: 'un', classes: [{ year: 2020, weight: '0.001' }] },
        { member: 'Z', budget: 'un', classes: [{ year: 2020, weight: '77.999' }] },
      ],
    });
    const t = assessBudgetYear(wb, 'un', 2026);
    expect(amounts(t)).toEqual({ X: '220.00', Y: '0.01', Z: '779.99' });
    expect(t.rows[0].class).toBeNull();
  });

  it('R3: the engine uses its own Decimal clone and never changes the global Decimal', () => {
    expect(Decimal).not.toBe(DecimalGlobal);
    expect(Decimal.precision).toBe(50);
    expect(DecimalGlobal.precision).toBe(20);
    const t = assessBudgetYear(e1Workbook(), 'conference', 2026);
    for (const r of t.rows) expect(typeof r.amount).toBe('string');
    expect(t.total).toBe('1000000.00');
  });
});

describe('R8, R10 budgets and years', () => {
  it('E1 through the workbook: Conference budget 2026', () => {
    const t = assessBudgetYear(e1Workbook(), 'conference', 2026);
    expect(amounts(t)).toEqual({ P: '666666.67', Q: '200000.00', R: '66666.67', S: '66666.66' });
    expect(t.unitValue).toBe('66666.666667');
    expect(t.carriedOver).toBe(false);
  });

  it('R8: contributions fall due on 1 January: a member that left before then is not assessed', () => {
    expect(isAssessed(2026, undefined, '2026-01-01')).toBe(false);
    expect(isAssessed(2026, undefined, '2026-01-02')).toBe(true);
    expect(isAssessed(2026, '2026-12-31', undefined)).toBe(true);
    expect(isAssessed(2026, '2027-01-01', undefined)).toBe(false);
    const wb = e1Workbook();
    wb.participations[3].until = '2025-12-31';
    expect(Object.keys(amounts(assessBudgetYear(wb, 'conference', 2026)))).toEqual(['P', 'Q', 'R']);
  });

  it('R10: a year not adopted before it began is assessed at the previous year’s level, marked carried over', () => {
    const b = budget('c', 'wipo-convention', [
      { year: 2024, method: 'total', amount: '900.00', adopted: true },
      { year: 2025, method: 'unit-value', amount: '45579', adopted: true },
      { year: 2026, method: 'total', adopted: false },
    ]);
    expect(budgetLevel(b, 2025)).toMatchObject({ method: 'unit-value', amount: '45579', carriedOver: false });
    expect(budgetLevel(b, 2026)).toMatchObject({
      method: 'unit-value',
      amount: '45579',
      carriedOver: true,
      sourceYear: 2025,
    });
    expect(budgetLevel(b, 2028)).toMatchObject({ carriedOver: true, sourceYear: 2025 });
    expect(() => budgetLevel(b, 2023)).toThrow(/no adopted budget/);
    const wb = e1Workbook();
    wb.budgets[0].years.push({ year: 2027, method: 'total', adopted: false });
    const t = assessBudgetYear(wb, 'conference', 2027);
    expect(t.carriedOver).toBe(true);
    expect(t.total).toBe('1000000.00');
  });
});

describe('R11 special unions', () => {
  const unionWorkbook = () =>
    workbook({
      members: [
        { code: 'DK', name: 'Denmark' },
        { code: 'NO', name: 'Norway' },
        { code: 'FR', name: 'France' },
      ],
      budgets: [
        budget('paris', 'paris', [{ year: 2026, method: 'total', amount: '3000', adopted: true }], {
          roundingUnit: '1',
        }),
        budget('locarno', 'paris', [{ year: 2026, method: 'total', amount: '400', adopted: true }], {
          roundingUnit: '1',
          classesFrom: 'paris',
        }),
      ],
      participations: [
        takesPart('DK', 'paris', 'IV'),
        takesPart('NO', 'paris', 'IV'),
        takesPart('FR', 'paris', 'I'),
        takesPart('DK', 'locarno', undefined),
        takesPart('NO', 'locarno', 'VI'),
      ],
    });

  it('R11: a special union member holds its Paris class; an entry of its own (refused by validation) is not read', () => {
    const t = assessBudgetYear(unionWorkbook(), 'locarno', 2026);
    expect(t.rows.map((r) => [r.code, r.class, r.classFrom ?? 'own'])).toEqual([
      ['DK', 'IV', 'paris'],
      ['NO', 'IV', 'paris'],
    ]);
    expect(amounts(t)).toEqual({ DK: '200', NO: '200' });
  });

  it('R11 with R13: a notice filed in the special union itself (refused by validation) changes nothing there', () => {
    const wb = unionWorkbook();
    wb.classChanges.push({
      id: 'c2',
      member: 'DK',
      budget: 'locarno',
      toClass: 'VII',
      notifiedOn: '2025-06-30',
      sessionDate: '2025-10-01',
    });
    expect(assessBudgetYear(wb, 'locarno', 2026).rows[0]).toMatchObject({
      code: 'DK',
      class: 'IV',
      classFrom: 'paris',
    });
  });

  it('R11: a changed Paris class flows into the special union', () => {
    const wb = unionWorkbook();
    wb.classChanges.push({
      id: 'c1',
      member: 'DK',
      budget: 'paris',
      toClass: 'VII',
      notifiedOn: '2025-06-30',
      sessionDate: '2025-10-01',
    });
    const t = assessBudgetYear(wb, 'locarno', 2026);
    expect(t.rows[0]).toMatchObject({ code: 'DK', class: 'VII', changeId: 'c1' });
  });
});

describe('R12 new members', () => {
  const joining = (rule: 'full' | 'months' | 'days') => {
    const wb = e1Workbook();
    wb.settings.newMemberRule = rule;
    wb.members.push({ code: 'N', name: 'Newland', joined: '2026-04-15' });
    wb.participations.push(takesPart('N', 'conference', 'B', { from: '2026-04-15' }));
    return wb;
  };

  it('R12: by default the year of accession is assessed in full', () => {
    const t = assessBudgetYear(joining('full'), 'conference', 2026);
    expect(amounts(t).N).toBe('166666.67'); // 3 of 18 units
    expect(t.total).toBe('1000000.00');
  });

  it('R12: pro rata by whole months remaining, without changing the other members’ amounts', () => {
    const full = amounts(assessBudgetYear(joining('full'), 'conference', 2026));
    const t = assessBudgetYear(joining('months'), 'conference', 2026);
    expect(t.rows.find((r) => r.code === 'N')?.proRata).toEqual({ num: 8, den: 12 }); // May–December
    expect(amounts(t).N).toBe('111111.11'); // 166,666.67 · 8/12 = 111,111.113…
    for (const c of ['P', 'Q', 'R', 'S']) expect(amounts(t)[c]).toBe(full[c]);
    expect(t.total).toBe('944444.44');
  });

  it('R12: pro rata by days counts the day of accession', () => {
    expect(accessionFraction(2026, '2026-04-15', 'days')).toEqual({ num: 261, den: 365 });
    expect(accessionFraction(2024, '2024-12-31', 'days')).toEqual({ num: 1, den: 366 });
    expect(accessionFraction(2026, '2026-04-01', 'months')).toEqual({ num: 9, den: 12 });
    expect(accessionFraction(2027, '2026-04-15', 'days')).toEqual({ num: 1, den: 1 });
    expect(amounts(assessBudgetYear(joining('days'), 'conference', 2026)).N).toBe('119178.08'); // 166,666.67 · 261/365 = 119,178.084…
  });
});

describe('R13 class changes', () => {
  const notice = (extra: Partial<ClassChange>): ClassChange => ({
    id: 'n',
    member: 'Q',
    budget: 'conference',
    toClass: 'C',
    notifiedOn: '2025-09-10',
    ...extra,
  });

  it('R13: a lower class takes effect on 1 January after the session that heard it', () => {
    expect(changeEffect(notice({ sessionDate: '2025-10-01' }), '3', '1')).toEqual({
      direction: 'lower',
      status: 'effective',
      effectiveYear: 2026,
    });
    const wb = e1Workbook();
    wb.budgets[0].years.push({ year: 2025, method: 'total', amount: '1000000.00', adopted: true });
    wb.classChanges.push(notice({ sessionDate: '2025-10-01' }));
    expect(assessBudgetYear(wb, 'conference', 2025).rows[1].class).toBe('B');
    const t = assessBudgetYear(wb, 'conference', 2026);
    expect(t.rows[1]).toMatchObject({ class: 'C', units: '1', changeId: 'n' });
    expect(amounts(t)).toEqual({ P: '769230.77', Q: '76923.08', R: '76923.08', S: '76923.07' });
  });

  it('R13: a lower-class request with no session date is pending and changes nothing', () => {
    expect(changeEffect(notice({}), '3', '1')).toEqual({ direction: 'lower', status: 'pending' });
    const wb = e1Workbook();
    wb.classChanges.push(notice({}));
    expect(assessBudgetYear(wb, 'conference', 2026).rows[1].class).toBe('B');
    const h = new Holdings(wb);
    h.holding(wb.budgets[0], 'Q', 2026);
    expect(h.timeline(wb.budgets[0], 'Q').effects.get('n')?.status).toBe('pending');
  });

  it('R13: a higher class takes effect in the year named, at the earliest the next one', () => {
    expect(changeEffect(notice({ toClass: 'A', requestedYear: 2028 }), '3', '10').effectiveYear).toBe(2028);
    expect(changeEffect(notice({ toClass: 'A', requestedYear: 2025 }), '3', '10').effectiveYear).toBe(2026);
    expect(changeEffect(notice({ toClass: 'A' }), '3', '10').effectiveYear).toBe(2026);
  });

  it('R13: a lower class heard at a session before the notice year still waits for the year after the notice', () => {
    expect(changeEffect(notice({ notifiedOn: '2025-12-30', sessionDate: '2025-12-31' }), '3', '1').effectiveYear).toBe(
      2026,
    );
  });
});

describe('the example workbook', () => {
  it('computes every budget for 2026 with shares summing to the total', async () => {
    const { readFileSync } = await import('node:fs');
    const { parseWorkbook } = await import('../../shared/model/validate');
    const res = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8'));
    expect(res.problems).toEqual([]);
    const wb = res.workbook!;
    expect(wb.members.length).toBeGreaterThanOrEqual(185);
    for (const b of wb.budgets) {
      const t = assessBudgetYear(wb, b.id, 2026);
      if (t.method === 'total' && !t.rows.some((r) => r.proRata))
        expect(t.total).toBe(new Decimal(t.level).toFixed(t.budget.roundingUnit.split('.')[1]?.length ?? 0));
    }
    expect(assessBudgetYear(wb, 'conference', 2026).carriedOver).toBe(true);
  });
});
