import type { Budget, BudgetMethod, BudgetYear } from '../model/types';
import { engineErrorOf } from '../model/errors';
import { bienniumFigure } from './biennium';

export interface BudgetLevel {
  year: number;
  method: BudgetMethod;
  /** The total (R4) or the unit value (R7) that applies to the year. */
  amount: string;
  /** R10 true when the year was not adopted before it began and the previous year's level applies. */
  carriedOver: boolean;
  /** The adopted year whose level applies. */
  sourceYear: number;
}

/** R8/R10 the level a budget assesses for a year: its own if adopted, else the last adopted year's. R23 a year a
 * biennium covers is adopted with its part of the biennial figure. */
export function budgetLevel(budget: Budget, year: number): BudgetLevel {
  let source: { year: number; method: BudgetMethod; amount: string } | undefined;
  for (const y of budget.years) {
    if (y.year > year || !y.adopted || y.amount === undefined) continue;
    if (!source || y.year > source.year) source = { year: y.year, method: y.method, amount: y.amount };
  }
  for (const b of budget.biennia ?? []) {
    for (const y of b.years) {
      if (y > year || (source && source.year >= y)) continue;
      source = { year: y, method: 'total', amount: bienniumFigure([b], y, budget.roundingUnit)! };
    }
  }
  if (!source) throw engineErrorOf('engine.years.noAdopted', { budget: budget.name, year: String(year) });
  return {
    year,
    method: source.method,
    amount: source.amount,
    carriedOver: source.year !== year,
    sourceYear: source.year,
  };
}

/**
 * R21/R22 the budget-year entry whose derivation settings and credit apply to `year`: those of the adopted year
 * whose level applies (R10), and for a year of a biennium (R23) without an entry of its own, the other year's.
 */
export function levelEntry(budget: Budget, year: number): BudgetYear | undefined {
  const source = budgetLevel(budget, year).sourceYear;
  const own = budget.years.find((y) => y.year === source);
  if (own) return own;
  const b = budget.biennia?.find((x) => x.years.includes(source));
  return b ? budget.years.find((y) => b.years.includes(y.year)) : undefined;
}

/** Years from the first one the budget defines up to and including `last`. */
export function budgetYears(budget: Budget, last: number): number[] {
  const years = [...budget.years.map((y) => y.year), ...(budget.biennia ?? []).flatMap((b) => b.years)];
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const out: number[] = [];
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}
