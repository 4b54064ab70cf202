import { Holdings } from '../model/classes';
import { Decimal } from '../model/decimal';
import type { Problem, Workbook } from '../model/types';
import { EngineError } from './apportion';
import { assessBudgetYear } from './assess';
import { Ledger } from './ledger';
import { msg, type Message } from '../i18n/intl';
import { commaList, problemOf } from './messages';
import { percentSumMessage, percentSumWarning } from './percent-sum';

export { percentSumMessage, percentSumWarning };

// Warnings: what a budget officer should know about a workbook that validated and computes, but that never stops
// it from opening or computing (errors do). Each check is a small function of the workbook; add one to CHECKS.

/** One check over a workbook that validated: the warnings it finds, in the words of the errors (path + message). */
export type WarningCheck = (wb: Workbook) => Problem[];

export function warning(path: string, message: string | Message): Problem {
  return typeof message === 'string' ? { path, message, severity: 'warning' } : problemOf(path, message, 'warning');
}

export const isWarning = (p: Problem): boolean => p.severity === 'warning';

/**
 * R21–R23 a percent scale entered by hand whose rates do not sum to 100, in every year where it misses:
 * consecutive years with the same sum are one warning.
 */
export const percentScaleSums: WarningCheck = (wb) => {
  const out: Problem[] = [];
  let holdings: Holdings | undefined;
  wb.budgets.forEach((b, i) => {
    const scheme = wb.schemes.find((s) => s.id === b.schemeId);
    if (scheme?.kind !== 'scale' || !scheme.percent || b.years.length === 0) return;
    holdings ??= new Holdings(wb);
    const years = b.years.map((y) => y.year);
    const runs: { from: number; to: number; sum: string }[] = [];
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      let sum: string;
      try {
        sum = assessBudgetYear(wb, b.id, y, holdings).totalUnits;
      } catch (e) {
        if (e instanceof EngineError) continue; // a year that cannot be computed says so elsewhere (checkComputable)
        throw e;
      }
      if (percentSumWarning(sum) === null) continue;
      const last = runs.at(-1);
      if (last && last.to === y - 1 && new Decimal(last.sum).eq(sum)) last.to = y;
      else runs.push({ from: y, to: y, sum });
    }
    for (const r of runs) {
      const years =
        r.from === r.to
          ? msg('engine.warning.year', { year: r.from })
          : msg('engine.warning.years', { from: r.from, to: r.to });
      out.push(
        warning(`budgets[${i}]`, {
          id: 'engine.warning.percentSumIn',
          values: { budget: b.name },
          parts: { years, reason: percentSumMessage(r.sum)! },
        }),
      );
    }
  });
  return out;
};

/**
 * R17a members that took part in a budget before its first year of data with no opening balance there: their
 * statuses count only what is known. One warning per member, naming its budgets.
 */
export const incompleteHistories: WarningCheck = (wb) => {
  const ledger = new Ledger(wb);
  const out: Problem[] = [];
  wb.members.forEach((m, i) => {
    const budgets = ledger.budgetsOfMember(m.code).filter((b) => ledger.incompleteHistory(b.id, m.code, []));
    if (budgets.length === 0) return;
    const names = commaList(
      budgets.map((b) => msg('engine.warning.dataFrom', { budget: b.name, year: ledger.firstYear(b.id) })),
    );
    out.push(
      warning(`members[${i}]`, {
        id: 'engine.warning.incompleteHistory',
        values: { code: m.code },
        parts: { budgets: names },
      }),
    );
  });
  return out;
};

const CHECKS: readonly WarningCheck[] = [percentScaleSums, incompleteHistories];

/** Every warning about a workbook that validated (validateWorkbook found nothing); an empty list means none. */
export function workbookWarnings(wb: Workbook): Problem[] {
  return CHECKS.flatMap((check) => check(wb));
}
