import { describe, expect, it } from 'vitest';
import {
  addClassChange,
  addMember,
  pasteRows,
  setClass,
  setScenarioClass,
  createScenario,
  type Done,
} from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { example, ok, refusedAt } from './edit-helpers';
import { budget, takesPart, workbook } from './helpers';

// R11 (amended): a special union's members hold no class of their own; they belong to the class they hold in the
// Paris Union (Locarno Agreement Art. 7(4)(a)), and class-change notices are filed with the Paris Union only.

const unions = (): Workbook =>
  workbook({
    members: [
      { code: 'DK', name: 'Denmark' },
      { code: 'NO', name: 'Norway' },
    ],
    budgets: [
      budget('paris', 'paris', [{ year: 2026, method: 'total', amount: '3000', adopted: true }], {
        name: 'Paris Union',
        roundingUnit: '1',
      }),
      budget('locarno', 'paris', [{ year: 2026, method: 'total', amount: '400', adopted: true }], {
        name: 'Locarno Union',
        roundingUnit: '1',
        classesFrom: 'paris',
      }),
    ],
    participations: [
      takesPart('DK', 'paris', 'IV'),
      takesPart('NO', 'paris', 'VI'),
      takesPart('DK', 'locarno', undefined),
      takesPart('NO', 'locarno', undefined),
    ],
  });

const messages = (wb: unknown) =>
  validateWorkbook(JSON.parse(JSON.stringify(wb))).map((p) => `${p.path}: ${p.message}`);

describe('R11 validation', () => {
  it('R11: a linked union with no class of its own validates', () => {
    expect(messages(unions())).toEqual([]);
  });

  it('R11: a linked member given another class than its Paris class is refused, naming the member and both classes', () => {
    const wb = unions();
    wb.participations[3].classes = [{ year: 2000, class: 'V' }];
    const m = messages(wb);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^participations\[3\]\.classes\[0\]: /);
    expect(m[0]).toContain('NO');
    expect(m[0]).toContain('class V');
    expect(m[0]).toContain('class VI in Paris Union');
    expect(m[0]).toContain('Locarno Agreement Art. 7(4)(a)');
  });

  it('R11: a class entry of its own is refused even when it equals the Paris class (it would not follow a Paris change)', () => {
    const wb = unions();
    wb.participations[2].classes = [{ year: 2000, class: 'IV' }];
    const m = messages(wb);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^participations\[2\]\.classes\[0\]: DK/);
    expect(m[0]).toContain('class IV in Paris Union');
  });

  it('R11: a class-change notice filed in a linked union is refused: notices go to the Paris Union', () => {
    const wb = unions();
    wb.classChanges.push({ id: 'c1', member: 'DK', budget: 'locarno', toClass: 'VII', notifiedOn: '2025-06-30' });
    const m = messages(wb);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^classChanges\[0\]\.budget: /);
    expect(m[0]).toContain('Paris Union');
  });

  it('R11: a scenario cannot give a linked member a class of its own', () => {
    const wb = unions();
    wb.scenarios.push({
      id: 's',
      name: 'S',
      overrides: [{ kind: 'class', member: 'DK', budget: 'locarno', fromYear: 2026, class: 'VII' }],
    });
    expect(messages(wb)).toEqual([expect.stringMatching(/^scenarios\[0\]\.overrides\[0\]\.budget: .*Paris Union/)]);
  });

  it('R11: the bundled example validates (no Locarno member holds a class of its own)', () => {
    const wb = example();
    expect(wb.participations.filter((p) => p.budget === 'locarno' && p.classes.length > 0)).toEqual([]);
    expect(validateWorkbook(wb)).toEqual([]);
  });
});

describe('R11 engine', () => {
  it('R11: a linked member pays on its Paris class, and a changed Paris class flows into the special union', () => {
    const wb = unions();
    expect(assessBudgetYear(wb, 'locarno', 2026).rows.map((r) => [r.code, r.class, r.classFrom])).toEqual([
      ['DK', 'IV', 'paris'],
      ['NO', 'VI', 'paris'],
    ]);
    const d = ok(setClass(wb, { budget: 'paris', member: 'NO', year: 2026, value: 'V' }));
    expect(assessBudgetYear(d.workbook, 'locarno', 2026).rows[1]).toMatchObject({
      code: 'NO',
      class: 'V',
      units: '5',
      classFrom: 'paris',
    });
  });

  it('R11: an entry of its own in a linked union (refused by validation) never outweighs the Paris class', () => {
    const wb = unions();
    wb.participations[3].classes = [{ year: 2000, class: 'I' }];
    expect(assessBudgetYear(wb, 'locarno', 2026).rows[1]).toMatchObject({
      code: 'NO',
      class: 'VI',
      classFrom: 'paris',
    });
  });
});

describe('R11 edit commands', () => {
  it('R11: setClass refuses a linked union, pointing to the Paris Union and citing the treaty', () => {
    const m = refusedAt(setClass(unions(), { budget: 'locarno', member: 'NO', year: 2026, value: 'V' }), 'NO.class');
    expect(m).toContain('from Paris Union');
    expect(m).toContain('NO holds class VI there');
    expect(m).toContain('Locarno Agreement Art. 7(4)(a)');
  });

  it('R11: a class-change notice in a linked union is refused; in the Paris Union it is recorded', () => {
    const args = { member: 'DK', toClass: 'VII', notifiedOn: '2025-06-30', sessionDate: '2025-10-01' };
    expect(refusedAt(addClassChange(unions(), { budget: 'locarno', ...args }), 'budget')).toContain(
      'file it with Paris Union',
    );
    const d: Done = ok(addClassChange(unions(), { budget: 'paris', ...args }));
    expect(assessBudgetYear(d.workbook, 'locarno', 2026).rows[0]).toMatchObject({ code: 'DK', class: 'VII' });
  });

  it('R11: a scenario class in a linked union is refused too', () => {
    const wb = ok(createScenario(unions(), { name: 'What if', id: 's' })).workbook;
    expect(
      refusedAt(
        setScenarioClass(wb, { scenario: 's', budget: 'locarno', member: 'DK', year: 2026, value: 'VII' }),
        'DK.class',
      ),
    ).toContain('from Paris Union');
  });

  it('R11: a new member cannot be added to a linked union with a class: it joins the Paris Union first', () => {
    expect(
      refusedAt(
        addMember(unions(), { code: 'FR', name: 'France', budget: 'locarno', year: 2026, value: 'I' }),
        'class',
      ),
    ).toContain('Paris Union');
  });

  it('R11: pasted rows with another class than the Paris class are refused by row; the Paris class itself is no change', () => {
    const text = 'code\tname\tclass\nDK\tDenmark\tIV\nNO\tNorway\tI\n';
    const d = ok(pasteRows(unions(), { budget: 'locarno', year: 2026, text }));
    expect(d.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^row 3: .*NO holds class VI there/)]);
    expect(d.workbook.participations.filter((p) => p.budget === 'locarno').every((p) => p.classes.length === 0)).toBe(
      true,
    );
    expect(validateWorkbook(d.workbook)).toEqual([]);
  });
});
