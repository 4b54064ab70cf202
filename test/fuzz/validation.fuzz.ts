// Validation and what an accepted workbook computes: workbooks built from the format, then damaged field by field
// (wrong types, removed keys, copies, money as numbers, deep values). Refused: every problem placed on a line of
// the file and said in words. Accepted: every budget-year computes, each table checked by the rational oracle
// (R4–R7, R5 sums, R6 ties), and the status, WCF and advances reports run.
import fc from 'fast-check';
import { advancesReport } from '../../shared/engine/advances';
import { EngineError } from '../../shared/engine/apportion';
import { votingStatus } from '../../shared/engine/arrears';
import { assessBudgetYear } from '../../shared/engine/assess';
import { checkComputable } from '../../shared/engine/check';
import { Ledger } from '../../shared/engine/ledger';
import { wcfReport } from '../../shared/engine/wcf';
import type { Workbook } from '../../shared/model/types';
import { linesOfPaths, parseWorkbook } from '../../shared/model/validate';
import { badWords, mutate, mutationsArb, workbookArb } from './gen';
import type { FuzzTarget, Verdict } from './harness';
import { apportionOracle, sumsTo, unitValueOracle } from './oracle';

const inputArb = fc
  .tuple(workbookArb, fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: mutationsArb }))
  .map(([wb, ms]) => mutate(wb, ms));

/** Every budget-year of an accepted, computable workbook against the oracle; the reports must not throw. */
function checkComputed(wb: Workbook): Verdict {
  for (const b of wb.budgets) {
    const years = b.years.map((y) => y.year);
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      const t = assessBudgetYear(wb, b.id, y);
      if (t.rows.some((r) => r.proRata)) continue; // R12 pro rata: the oracle knows only full years
      const want =
        t.method === 'total'
          ? apportionOracle(t.rows, t.level, b.roundingUnit)
          : unitValueOracle(t.rows, t.level, b.roundingUnit, b.rounding);
      if ('invalid' in want) return { defect: `${b.id} ${y}: computed where the oracle refuses (${want.invalid})` };
      for (const [i, r] of t.rows.entries()) {
        if (r.amount !== want.amounts[i])
          return { defect: `${b.id} ${y}: ${r.code} (units ${r.units}) ${r.amount}, oracle ${want.amounts[i]}` };
      }
      if (
        t.method === 'total' &&
        !sumsTo(
          t.rows.map((r) => r.amount),
          t.level,
        )
      )
        return { defect: `R5: ${b.id} ${y} does not sum to ${t.level}` };
    }
  }
  const ledger = new Ledger(wb);
  for (const date of ['2021-06-30', '2026-12-31']) {
    votingStatus(wb, date);
    wcfReport(ledger, date);
    advancesReport(wb, date);
  }
  return 'accepted';
}

export function checkValidation(doc: unknown): Verdict {
  const text = JSON.stringify(doc, null, 2);
  const lineCount = text.split('\n').length;
  const r = parseWorkbook(text);
  const placed = (
    problems: { path: string; message: string }[],
    lines: readonly (number | undefined)[],
  ): Verdict | undefined => {
    for (const [i, p] of problems.entries()) {
      const line = lines[i];
      if (line === undefined || line < 1 || line > lineCount)
        return { defect: `no line inside the file for ${p.path}: ${p.message}` };
      const bad = badWords(p.message, text);
      if (bad) return { defect: `${bad}: ${p.message.slice(0, 200)} [${p.path}]` };
    }
    return undefined;
  };
  if (!r.workbook) return placed(r.problems, r.lines) ?? 'refused';
  let late: { path: string; message: string }[];
  try {
    late = checkComputable(r.workbook);
  } catch (e) {
    if (e instanceof EngineError) return { defect: `checkComputable let an EngineError out: ${e.message}` };
    throw e;
  }
  if (late.length > 0)
    return (
      placed(
        late,
        linesOfPaths(
          text,
          late.map((p) => p.path),
        ),
      ) ?? 'refused'
    );
  try {
    return checkComputed(r.workbook);
  } catch (e) {
    if (e instanceof EngineError) return { defect: `an accepted, computable workbook failed: ${e.message}` };
    throw e;
  }
}

export default {
  name: 'validation',
  arbitrary: inputArb,
  run: checkValidation,
} satisfies FuzzTarget<unknown>;
