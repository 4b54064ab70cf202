import { Decimal, isDecimalString } from '../model/decimal';
import type { OpeningBalance, Problem, Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';
import { parseTsv } from './tsv';

// R17a opening balances as commands: what a member still owed for a year before its budget's first year of data.
// Setting one for a member, budget and year replaces the one there was; pasted rows are one undoable step, all or
// nothing (a refused row refuses the paste, naming its line).

export interface OpeningBalanceInput {
  member: string;
  budget: string;
  year: string;
  assessed: string;
  unpaid: string;
  reference?: string;
}

export const OPENING_BALANCE_FIELDS = ['member', 'budget', 'year', 'assessed', 'unpaid', 'reference'] as const;

/** The input checked against the workbook: the balance, or the field and what is wrong with it. */
function readOpeningBalance(wb: Workbook, a: OpeningBalanceInput): OpeningBalance | Problem {
  const member = a.member.trim();
  if (!wb.members.some((m) => m.code === member)) return { path: 'member', message: `“${a.member}” is not a member` };
  const budgetId = a.budget.trim();
  const b = wb.budgets.find((x) => x.id === budgetId || x.name === budgetId);
  if (!b) return { path: 'budget', message: `the workbook has no budget “${a.budget}”` };
  if (!wb.participations.some((p) => p.member === member && p.budget === b.id)) return { path: 'budget', message: `${member} does not take part in ${b.name}` };
  const first = b.years.length > 0 ? Math.min(...b.years.map((y) => y.year)) : undefined;
  const yearText = a.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 1900 && year <= 2200)) return { path: 'year', message: `the year “${a.year}” must be written like 2021` };
  if (first !== undefined && year >= first) return { path: 'year', message: `${b.name}'s data start in ${first}: an opening balance is for an earlier year (enter ${year} in the budget itself)` };
  const amount = (field: 'assessed' | 'unpaid', what: string): string | Problem => {
    const t = a[field].trim();
    if (t.startsWith('-')) return { path: field, message: `the amount ${what} cannot be negative` };
    if (!isDecimalString(t)) return { path: field, message: `the amount ${what} “${a[field]}” must be a number written like 12000 or 12000.50` };
    return t;
  };
  const assessed = amount('assessed', 'assessed');
  if (typeof assessed !== 'string') return assessed;
  const unpaid = amount('unpaid', 'still unpaid');
  if (typeof unpaid !== 'string') return unpaid;
  if (new Decimal(unpaid).gt(assessed)) return { path: 'unpaid', message: `${unpaid} unpaid is more than the ${assessed} assessed` };
  const o: OpeningBalance = { member, budget: b.id, year, assessed, unpaid };
  const reference = a.reference?.trim();
  if (reference) o.reference = reference;
  return o;
}

const same = (x: OpeningBalance, y: OpeningBalance) => x.member === y.member && x.budget === y.budget && x.year === y.year;

/** R17a sets a member's opening balance in a budget for a year (replacing the one there was). */
export function setOpeningBalance(wb: Workbook, a: OpeningBalanceInput): Outcome {
  const o = readOpeningBalance(wb, a);
  if ('path' in o) return refuse(o.path, o.message);
  const list = wb.openingBalances.filter((x) => !same(x, o));
  return changed(`Opening balance of ${o.member} in ${o.budget} for ${o.year}: ${o.unpaid} unpaid of ${o.assessed}`, wb, { ...wb, openingBalances: [...list, o] }, ['openingBalances']);
}

export function removeOpeningBalance(wb: Workbook, member: string, budget: string, year: number): Outcome {
  const list = wb.openingBalances.filter((x) => !(x.member === member && x.budget === budget && x.year === year));
  if (list.length === wb.openingBalances.length) return refuse('openingBalances', `there is no opening balance of ${member} in ${budget} for ${year}`);
  return changed(`Remove the opening balance of ${member} in ${budget} for ${year}`, wb, { ...wb, openingBalances: list }, ['openingBalances']);
}

/**
 * R17a opening balances pasted from a spreadsheet: member, budget, year, assessed, unpaid[, reference], with or
 * without that header. All or nothing: every refused line is named, and nothing changes.
 */
export function pasteOpeningBalances(wb: Workbook, text: string): Outcome {
  const rows = parseTsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  if (rows.length === 0) return refuse('paste', 'there are no rows to read');
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const named = OPENING_BALANCE_FIELDS.slice(0, 5).every((f) => header.includes(f));
  const at = (f: (typeof OPENING_BALANCE_FIELDS)[number]) => (named ? header.indexOf(f) : OPENING_BALANCE_FIELDS.indexOf(f));
  const problems: Problem[] = [];
  let next = wb.openingBalances;
  const seen: OpeningBalance[] = [];
  rows.slice(named ? 1 : 0).forEach((r, i) => {
    const line = i + (named ? 2 : 1);
    const get = (f: (typeof OPENING_BALANCE_FIELDS)[number]) => (at(f) >= 0 ? (r[at(f)] ?? '') : '');
    const o = readOpeningBalance(wb, { member: get('member'), budget: get('budget'), year: get('year'), assessed: get('assessed'), unpaid: get('unpaid'), reference: get('reference') });
    if ('path' in o) return problems.push({ path: `line ${line}: ${o.path}`, message: `line ${line}, ${o.path}: ${o.message}` });
    if (seen.some((x) => same(x, o))) return problems.push({ path: `line ${line}`, message: `line ${line}: ${o.member} in ${o.budget} for ${o.year} is given twice` });
    seen.push(o);
    next = [...next.filter((x) => !same(x, o)), o];
  });
  if (problems.length > 0) return { ok: false, problems };
  return changed(`Paste: ${seen.length} opening balance${seen.length === 1 ? '' : 's'}`, wb, { ...wb, openingBalances: next }, ['openingBalances']);
}
