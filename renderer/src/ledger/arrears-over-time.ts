import type { VotingStatus, VotingStatusBook } from '../../../shared/engine';
import type { Workbook } from '../../../shared/model/types';

// R16–R17 a member's arrears and loss-of-vote threshold at each 1 January over a budget's years, as the engine
// computes them (VotingStatusBook.budgetStatus for each date). Decimal strings: the chart only draws Number()s.

export interface ArrearsPoint {
  /** 1 January of the year. */
  date: string;
  year: number;
  arrears: string;
  threshold: string;
  status: VotingStatus;
}

/** The budgets the member takes part in (in workbook order). */
export function budgetsOfMember(wb: Workbook, member: string): { id: string; name: string }[] {
  const ids = new Set(wb.participations.filter((p) => p.member === member).map((p) => p.budget));
  return wb.budgets.filter((b) => ids.has(b.id)).map((b) => ({ id: b.id, name: b.name }));
}

/**
 * Each 1 January from the budget's first year to the year after its last (arrears of the last year show then),
 * from the member's accession on: before it the member is not in the budget.
 */
export function arrearsOverTime(book: VotingStatusBook, member: string, budgetId: string): ArrearsPoint[] {
  const wb = book.ledger.workbook;
  const budget = wb.budgets.find((b) => b.id === budgetId);
  const p = wb.participations.find((x) => x.budget === budgetId && x.member === member);
  if (!budget || !p || budget.years.length === 0) return [];
  const years = budget.years.map((y) => y.year);
  const first = Math.min(...years);
  const last = Math.max(...years) + 1;
  const out: ArrearsPoint[] = [];
  for (let year = first; year <= last; year++) {
    const date = `${String(year).padStart(4, '0')}-01-01`;
    if (p.from !== undefined && p.from > date) continue;
    const s = book.budgetStatus(member, budget, date);
    out.push({ date, year, arrears: s.arrears, threshold: s.threshold, status: s.status });
  }
  return out;
}
