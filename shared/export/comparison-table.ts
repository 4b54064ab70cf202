import type { Comparison } from '../scenario/scenario';
import { csvField } from './contribution-table';

export const COMPARISON_CSV_HEADER = ['code', 'name', 'class_before', 'class_after', 'amount_before', 'amount_after', 'difference', 'percent_change'] as const;

/** R14 the comparison as CSV; a member absent on one side has an empty amount there. */
export function comparisonCsv(c: Comparison): string {
  const lines = [COMPARISON_CSV_HEADER.join(',')];
  for (const r of c.rows) {
    lines.push([csvField(r.code), csvField(r.name), csvField(r.classBefore ?? ''), csvField(r.classAfter ?? ''), r.amountBefore ?? '', r.amountAfter ?? '', r.difference, r.percentChange ?? ''].join(','));
  }
  return `${lines.join('\n')}\n`;
}

export function comparisonJson(c: Comparison): string {
  const t = (x: Comparison['before']) => ({ method: x.method, level: x.level, total: x.total, unitValue: x.unitValue, totalUnits: x.totalUnits, carriedOver: x.carriedOver });
  return `${JSON.stringify(
    { scenario: c.scenario, budget: c.before.budget.id, year: c.before.year, currency: c.before.budget.currency, before: t(c.before), after: t(c.after), totalDifference: c.totalDifference, rows: c.rows },
    null,
    2,
  )}\n`;
}
