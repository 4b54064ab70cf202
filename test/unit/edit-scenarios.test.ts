import { describe, expect, it } from 'vitest';
import {
  applyScenarioToBaseline,
  createScenario,
  deleteScenario,
  duplicateScenario,
  EMPTY_HISTORY,
  overrideKey,
  perform,
  redo,
  removeScenarioOverride,
  renameScenario,
  setScenarioClass,
  setScenarioLevel,
  setScenarioOverride,
  undo,
  type Done,
  type History,
  type Outcome,
} from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine/assess';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';
import { e1Workbook } from './helpers';

// R14 scenario commands: each one undoable, none touching the baseline except "apply", which is one step.

const ok = (o: Outcome): Done => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o;
};

/** Runs commands through the undo stack, as the app does. */
function session(wb: Workbook) {
  let s: { workbook: Workbook; history: History } = { workbook: wb, history: EMPTY_HISTORY };
  return {
    get wb() {
      return s.workbook;
    },
    run(cmd: (w: Workbook) => Outcome) {
      const r = perform(s.workbook, s.history, cmd);
      s = { workbook: r.workbook, history: r.history };
      return r.outcome;
    },
    undo() {
      const m = undo(s.workbook, s.history)!;
      s = { workbook: m.workbook, history: m.history };
      return m.label;
    },
    redo() {
      const m = redo(s.workbook, s.history)!;
      s = { workbook: m.workbook, history: m.history };
      return m.label;
    },
  };
}

const BASELINE_PARTS = ['members', 'participations', 'classChanges', 'budgets', 'schemes'] as const;
const sameBaseline = (a: Workbook, b: Workbook) => BASELINE_PARTS.every((k) => a[k] === b[k]);

describe('R14 scenario commands', () => {
  it('creates, renames, duplicates and deletes scenarios, each undoable, never touching the baseline', () => {
    const wb0 = e1Workbook();
    const s = session(wb0);
    expect(ok(s.run((w) => createScenario(w, { name: '  Q to   class C ' }))).label).toBe(
      'Create scenario “Q to class C”',
    );
    expect(s.wb.scenarios).toEqual([{ id: 'q-to-class-c', name: 'Q to class C', overrides: [] }]);
    ok(
      s.run((w) =>
        setScenarioClass(w, { scenario: 'q-to-class-c', budget: 'conference', member: 'Q', year: 2026, value: 'c' }),
      ),
    );
    ok(s.run((w) => renameScenario(w, 'q-to-class-c', 'Q moves down')));
    ok(s.run((w) => duplicateScenario(w, 'q-to-class-c')));
    expect(s.wb.scenarios.map((x) => [x.id, x.name, x.overrides.length])).toEqual([
      ['q-to-class-c', 'Q moves down', 1],
      ['copy-of-q-moves-down', 'Copy of Q moves down', 1],
    ]);
    // The copy is independent of the original.
    ok(
      s.run((w) =>
        setScenarioClass(w, {
          scenario: 'copy-of-q-moves-down',
          budget: 'conference',
          member: 'Q',
          year: 2026,
          value: 'A',
        }),
      ),
    );
    expect(s.wb.scenarios[0].overrides[0]).toMatchObject({ class: 'C' });
    expect(s.wb.scenarios[1].overrides[0]).toMatchObject({ class: 'A' });
    ok(s.run((w) => deleteScenario(w, 'q-to-class-c')));
    expect(s.wb.scenarios.map((x) => x.id)).toEqual(['copy-of-q-moves-down']);
    expect(sameBaseline(s.wb, wb0)).toBe(true);
    expect(validateWorkbook(s.wb)).toEqual([]);

    expect(s.undo()).toMatch(/Delete scenario/);
    expect(s.wb.scenarios.map((x) => x.id)).toEqual(['q-to-class-c', 'copy-of-q-moves-down']);
    s.undo();
    s.undo();
    s.undo();
    expect(s.wb.scenarios.map((x) => x.name)).toEqual(['Q to class C']);
    s.undo();
    s.undo();
    expect(s.wb).toEqual(wb0);
    s.redo();
    s.redo();
    expect(s.wb.scenarios[0].overrides).toEqual([
      { kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'C' },
    ]);
  });

  it('refuses empty and duplicate names, unknown scenarios, classes and members', () => {
    const wb = ok(createScenario(e1Workbook(), { name: 'A' })).workbook;
    expect(createScenario(wb, { name: '  ' }).ok).toBe(false);
    expect(createScenario(wb, { name: 'A' })).toMatchObject({
      ok: false,
      problems: [{ message: 'there is already a scenario named “A”' }],
    });
    expect(renameScenario(wb, 'nope', 'B').ok).toBe(false);
    expect(duplicateScenario(wb, 'nope').ok).toBe(false);
    expect(deleteScenario(wb, 'nope').ok).toBe(false);
    expect(
      setScenarioClass(wb, { scenario: 'a', budget: 'conference', member: 'Q', year: 2026, value: 'Z' }),
    ).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('“Z” is not a class') }] });
    expect(
      setScenarioClass(wb, { scenario: 'a', budget: 'conference', member: 'NOPE', year: 2026, value: 'A' }).ok,
    ).toBe(false);
    expect(
      setScenarioLevel(wb, { scenario: 'a', budget: 'conference', year: 2026, method: 'total', amount: '100.001' }).ok,
    ).toBe(false);
    // A second scenario with a name giving the same id gets its own id.
    expect(ok(createScenario(wb, { name: 'a!' })).workbook.scenarios.map((x) => x.id)).toEqual(['a', 'a-2']);
  });

  it('one override per member and year: setting again replaces it; removing it goes back to the baseline', () => {
    let wb = ok(createScenario(e1Workbook(), { name: 'S' })).workbook;
    wb = ok(
      setScenarioClass(wb, { scenario: 's', budget: 'conference', member: 'Q', year: 2026, value: 'C' }),
    ).workbook;
    wb = ok(
      setScenarioClass(wb, { scenario: 's', budget: 'conference', member: 'Q', year: 2026, value: 'A' }),
    ).workbook;
    wb = ok(
      setScenarioLevel(wb, { scenario: 's', budget: 'conference', year: 2026, method: 'total', amount: '1300000.00' }),
    ).workbook;
    expect(wb.scenarios[0].overrides).toEqual([
      { kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'A' },
      { kind: 'level', budget: 'conference', year: 2026, method: 'total', amount: '1300000.00' },
    ]);
    const c = compareScenario(wb, wb.scenarios[0], 'conference', 2026);
    expect(c.after.total).toBe('1300000.00');
    expect(c.rows.find((r) => r.code === 'Q')).toMatchObject({
      classBefore: 'B',
      classAfter: 'A',
      amountAfter: '590909.09',
    }); // 1,300,000 × 10 / 22
    wb = ok(removeScenarioOverride(wb, 's', overrideKey(wb.scenarios[0].overrides[0]))).workbook;
    expect(wb.scenarios[0].overrides.map((o) => o.kind)).toEqual(['level']);
  });

  it('R14 E1 with Q moved to class C: applying the scenario is one undoable step, and undo restores the baseline exactly', () => {
    const wb0 = e1Workbook();
    const s = session(wb0);
    ok(s.run((w) => createScenario(w, { name: 'Q to C' })));
    ok(
      s.run((w) =>
        setScenarioClass(w, { scenario: 'q-to-c', budget: 'conference', member: 'Q', year: 2026, value: 'C' }),
      ),
    );
    const withScenario = s.wb;
    // The baseline still assesses Q in class B until the scenario is applied.
    expect(assessBudgetYear(s.wb, 'conference', 2026).rows.find((r) => r.code === 'Q')!.amount).toBe('200000.00');
    expect(ok(s.run((w) => applyScenarioToBaseline(w, 'q-to-c'))).label).toBe(
      'Apply scenario “Q to C” to the baseline (1 change)',
    );
    const t = assessBudgetYear(s.wb, 'conference', 2026);
    // Hand-checked (units 10, 1, 1, 1): 769,230.77; 76,923.08; 76,923.08; 76,923.07 — total exact.
    expect(t.rows.map((r) => [r.code, r.class, r.amount])).toEqual([
      ['P', 'A', '769230.77'],
      ['Q', 'C', '76923.08'],
      ['R', 'C', '76923.08'],
      ['S', 'C', '76923.07'],
    ]);
    expect(t.total).toBe('1000000.00');
    // The kept scenario now computes as the baseline: nothing left to compare.
    expect(
      compareScenario(s.wb, s.wb.scenarios[0], 'conference', 2026).rows.every((r) => r.difference === '0.00'),
    ).toBe(true);
    expect(s.undo()).toMatch(/^Apply scenario/);
    expect(s.wb).toEqual(withScenario);
    expect(sameBaseline(s.wb, wb0)).toBe(true);
    s.redo();
    expect(assessBudgetYear(s.wb, 'conference', 2026).rows.find((r) => r.code === 'Q')!.class).toBe('C');
  });

  it('R14 a member leaving, a state joining and a class counting other units, as assumptions', () => {
    let wb = ok(createScenario(e1Workbook(), { name: 'S' })).workbook;
    wb = ok(
      setScenarioOverride(wb, 's', { kind: 'leave', member: 'S', budget: 'conference', until: '2025-12-31' }),
    ).workbook;
    wb = ok(
      setScenarioOverride(wb, 's', {
        kind: 'join',
        member: 'N',
        name: 'Newland',
        budget: 'conference',
        from: '2026-01-01',
        class: 'C',
      }),
    ).workbook;
    wb = ok(
      setScenarioOverride(wb, 's', { kind: 'units', scheme: 'wipo-convention', class: 'A', units: '12' }),
    ).workbook;
    const c = compareScenario(wb, wb.scenarios[0], 'conference', 2026);
    // Units 12 + 3 + 1 + 1 (N) = 17 for 1,000,000.00.
    expect(c.after.totalUnits).toBe('17');
    expect(c.rows.find((r) => r.code === 'S')).toMatchObject({
      amountBefore: '66666.66',
      amountAfter: null,
      changed: true,
    });
    expect(c.rows.find((r) => r.code === 'N')).toMatchObject({ amountBefore: null, classAfter: 'C', changed: true });
    expect(c.after.total).toBe('1000000.00');
    expect(assessBudgetYear(wb, 'conference', 2026).rows.map((r) => r.code)).toEqual(['P', 'Q', 'R', 'S']); // baseline untouched
    // Leaving again replaces the earlier date (one leaving and one joining per member and budget).
    wb = ok(
      setScenarioOverride(wb, 's', { kind: 'leave', member: 'S', budget: 'conference', until: '2026-06-30' }),
    ).workbook;
    expect(wb.scenarios[0].overrides.filter((o) => o.kind === 'leave')).toHaveLength(1);
    expect(
      setScenarioOverride(wb, 's', { kind: 'leave', member: 'S', budget: 'conference', until: '30/06/2026' }).ok,
    ).toBe(false);
    expect(
      setScenarioOverride(wb, 's', {
        kind: 'join',
        member: 'bad code!',
        budget: 'conference',
        from: '2026-01-01',
        class: 'C',
      }).ok,
    ).toBe(false);
    expect(setScenarioOverride(wb, 's', { kind: 'units', scheme: 'wipo-convention', class: 'A', units: '-1' }).ok).toBe(
      false,
    );
  });

  it('refuses to apply an empty scenario or one that no longer fits the workbook', () => {
    const wb = ok(createScenario(e1Workbook(), { name: 'S' })).workbook;
    expect(applyScenarioToBaseline(wb, 's')).toMatchObject({
      ok: false,
      problems: [{ message: '“S” changes nothing yet' }],
    });
    const stale: Workbook = {
      ...wb,
      scenarios: [
        {
          id: 's',
          name: 'S',
          overrides: [{ kind: 'class', member: 'Q', budget: 'conference', fromYear: 2026, class: 'Z' }],
        },
      ],
    };
    expect(applyScenarioToBaseline(stale, 's').ok).toBe(false);
  });
});
