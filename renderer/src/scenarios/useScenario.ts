import { useMemo } from 'react';
import {
  overrideKey,
  parseAmountInput,
  problem,
  removeScenarioOverride,
  setScenarioClass,
  setScenarioLevel,
  type Outcome,
} from '../../../shared/edit';
import { said } from '../../../shared/edit/messages';
import { assessBudgetYear, type ContributionTable } from '../../../shared/engine';
import { messageOf } from '../../../shared/engine/messages';
import { msg } from '../../../shared/i18n/intl';
import { decimalPlaces } from '../../../shared/model/decimal';
import type { Budget, Scenario, Workbook } from '../../../shared/model/types';
import { applyScenario, compareTables, type Comparison } from '../../../shared/scenario/scenario';
import type { CellEdit, RowMark } from '../MembersGrid';
import { useSay } from '../i18n';

export interface Shown {
  /** The baseline's table for the budget and year. */
  base: ContributionTable | null;
  /** What the grid shows: the baseline's table, or the scenario's. */
  table: ContributionTable | null;
  /** R14 the scenario against the baseline, when a scenario is selected. */
  comparison: Comparison | null;
  marks: ReadonlyMap<string, RowMark> | undefined;
  error: string | null;
}

const isZero = (d: string) => /^-?0(\.0+)?$/.test(d);

/** The engine computes every amount, for the baseline and for the selected scenario (R3, R14). */
export function useShown(
  workbook: Workbook | undefined,
  budget: Budget | undefined,
  year: number,
  scenario: Scenario | null,
): Shown {
  const say = useSay();
  const base = useMemo((): { table: ContributionTable | null; error: string | null } => {
    if (!workbook || !budget) return { table: null, error: null };
    try {
      return { table: assessBudgetYear(workbook, budget.id, year), error: null };
    } catch (e) {
      // An engine error in the user's language when it carries its message as data.
      const m = messageOf(e);
      return { table: null, error: m ? say(m) : (e as Error).message };
    }
  }, [workbook, budget, year, say]);
  return useMemo((): Shown => {
    if (!scenario || !workbook || !budget || !base.table)
      return { base: base.table, table: base.table, comparison: null, marks: undefined, error: base.error };
    try {
      const comparison = compareTables(
        scenario.name,
        base.table,
        assessBudgetYear(applyScenario(workbook, scenario.overrides), budget.id, year),
      );
      const marks = new Map<string, RowMark>();
      for (const r of comparison.rows)
        if (r.changed || !isZero(r.difference))
          marks.set(r.code, { classChanged: r.changed, difference: isZero(r.difference) ? null : r.difference });
      return { base: base.table, table: comparison.after, comparison, marks, error: null };
    } catch (e) {
      const m = messageOf(e);
      const error = m
        ? say({ id: 'scenarios.error.in', values: { name: scenario.name }, parts: { reason: m } })
        : say(msg('scenarios.error.in', { name: scenario.name, reason: (e as Error).message }));
      return { base: base.table, table: null, comparison: null, marks: undefined, error };
    }
  }, [workbook, budget, year, scenario, base, say]);
}

/**
 * R14 a grid edit while a scenario is selected: recorded in the scenario, never in the baseline. Choosing the
 * baseline's class again drops the scenario's override for that member and year.
 */
export function scenarioEdit(
  edit: CellEdit,
  a: {
    scenario: Scenario;
    budget: Budget;
    year: number;
    shown: Shown;
    run(command: (wb: Workbook) => Outcome): Outcome;
  },
): Outcome | null {
  const { scenario, budget, year, shown, run } = a;
  const table = shown.table;
  if (!table) return null;
  if (edit.pinned && edit.colId === 'amount') {
    const p = parseAmountInput(edit.value, table.level, {
      places: decimalPlaces(budget.roundingUnit),
      what: msg('engine.edit.field.total'),
      it: msg('engine.edit.field.totalIt'),
    });
    if (!p.ok) return { ok: false, problems: [problem('amount', said(p))] };
    if (p.value === table.level) return null;
    return run((wb) =>
      setScenarioLevel(wb, { scenario: scenario.id, budget: budget.id, year, method: 'total', amount: p.value }),
    );
  }
  if (edit.colId === 'class' || edit.colId === 'units') {
    const current = table.rows.find((r) => r.code === edit.rowId);
    if (current && (edit.value === current.class || (edit.colId === 'units' && edit.value === current.units)))
      return null;
    const before = shown.base?.rows.find((r) => r.code === edit.rowId);
    const key = overrideKey({ kind: 'class', member: edit.rowId, budget: budget.id, fromYear: year });
    const back = before && (edit.value === before.class || (edit.colId === 'units' && edit.value === before.units));
    if (back && scenario.overrides.some((o) => overrideKey(o) === key))
      return run((wb) => removeScenarioOverride(wb, scenario.id, key));
    return run((wb) =>
      setScenarioClass(wb, { scenario: scenario.id, budget: budget.id, member: edit.rowId, year, value: edit.value }),
    );
  }
  if (edit.colId === 'name') return { ok: false, problems: [problem('name', msg('scenarios.edit.namesInBaseline'))] };
  return null;
}
