import type { Workbook } from './types';

// Issue 14: a budget is named to the user by its name ("Paris Union"), never by its id ("paris"), which stays what
// files, the CLI's machine formats and the commands use. An id the workbook does not hold (a budget removed since)
// is shown as it is, so nothing reads blank.

/** The name of the budget `id` in `workbook`, or the id itself when there is none. */
export function budgetName(workbook: Pick<Workbook, 'budgets'>, id: string): string {
  return workbook.budgets.find((b) => b.id === id)?.name ?? id;
}

/** budgetName for many rows (a grid's column): the lookup made once per workbook. */
export function budgetNames(workbook: Pick<Workbook, 'budgets'>): (id: string | null | undefined) => string {
  const names = new Map<string, string>();
  for (const b of workbook.budgets) if (!names.has(b.id)) names.set(b.id, b.name);
  return (id) => (id == null ? '' : (names.get(id) ?? id));
}
