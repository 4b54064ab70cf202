import type { Problem, Workbook } from '../model/types';
import { EngineError } from './apportion';
import { assessBudgetYear } from './assess';
import { Holdings } from '../model/classes';
import { Ledger } from './ledger';
import { problemOf, reasonOf } from './messages';

/**
 * Problems only a computation shows (a member with no class for a year, a budget with no member): every budget is
 * assessed for every year from its first to its last entry. Runs after validateWorkbook found nothing.
 */
export function checkComputable(workbook: Workbook): Problem[] {
  const problems: Problem[] = [];
  const holdings = new Holdings(workbook);
  workbook.budgets.forEach((b, i) => {
    // R23 a biennium's years count too: its second year often has no entry of its own.
    const years = [...b.years.map((y) => y.year), ...(b.biennia ?? []).flatMap((x) => x.years)];
    if (years.length === 0) return;
    for (let y = Math.min(...years); y <= Math.max(...years); y++) {
      try {
        assessBudgetYear(workbook, b.id, y, holdings);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        const r = reasonOf(e);
        problems.push(
          problemOf(`budgets[${i}]`, {
            id: 'engine.check.yearFails',
            values: { budget: b.name, year: y, ...r.values },
            parts: r.parts,
          }),
        );
        return; // the first year that fails says enough; later years usually repeat it
      }
    }
  });
  // R19 a decision's shares come from its year's contributions; where those cannot be had (all zero, say), the
  // WCF view and `contrib wcf` would fail later: say so here, on the decision (found by npm run fuzz, issue 15).
  if (problems.length > 0 || !workbook.wcfDecisions?.length) return problems;
  const ledger = new Ledger(workbook);
  (workbook.wcfDecisions ?? []).forEach((d, i) => {
    try {
      ledger.wcfShares(d);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      const r = reasonOf(e);
      problems.push(problemOf(`wcfDecisions[${i}]`, { id: 'engine.check.reason', values: r.values, parts: r.parts }));
    }
  });
  return problems;
}
