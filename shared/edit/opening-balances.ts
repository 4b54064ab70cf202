import { budgetName } from '../model/budget-name';
import { Decimal } from '../model/decimal';
import { isAmount } from '../model/fields';
import type { OpeningBalance, Problem, Workbook } from '../model/types';
import { changedParts as changed, problem, refuse, type Outcome } from './command';
import { E, noBudget, notInBudget, notMember, rowProblem } from './messages';
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
  if (!wb.members.some((m) => m.code === member)) return problem('member', notMember(a.member));
  const budgetId = a.budget.trim();
  const b = wb.budgets.find((x) => x.id === budgetId || x.name === budgetId);
  if (!b) return problem('budget', noBudget(a.budget));
  if (!wb.participations.some((p) => p.member === member && p.budget === b.id))
    return problem('budget', notInBudget(member, b.name));
  const first = b.years.length > 0 ? Math.min(...b.years.map((y) => y.year)) : undefined;
  const yearText = a.year.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!(year >= 1900 && year <= 2200)) return problem('year', E('opening.year', { text: a.year }));
  if (first !== undefined && year >= first)
    return problem('year', E('opening.tooLate', { budget: b.name, first, year }));
  const amount = (field: 'assessed' | 'unpaid'): string | Problem => {
    const t = a[field].trim();
    if (t.startsWith('-')) return problem(field, E('opening.negative', { field }));
    if (!isAmount(t)) return problem(field, E('opening.notNumber', { field, text: a[field] }));
    return t;
  };
  const assessed = amount('assessed');
  if (typeof assessed !== 'string') return assessed;
  const unpaid = amount('unpaid');
  if (typeof unpaid !== 'string') return unpaid;
  if (new Decimal(unpaid).gt(assessed))
    return problem('unpaid', E('opening.moreThanAssessed', { unpaidAmount: unpaid, assessedAmount: assessed }));
  const o: OpeningBalance = { member, budget: b.id, year, assessed, unpaid };
  const reference = a.reference?.trim();
  if (reference) o.reference = reference;
  return o;
}

const same = (x: OpeningBalance, y: OpeningBalance) =>
  x.member === y.member && x.budget === y.budget && x.year === y.year;

/** R17a sets a member's opening balance in a budget for a year (replacing the one there was). */
export function setOpeningBalance(wb: Workbook, a: OpeningBalanceInput): Outcome {
  const o = readOpeningBalance(wb, a);
  if ('path' in o) return { ok: false, problems: [o] };
  const list = wb.openingBalances.filter((x) => !same(x, o));
  return changed(
    E('opening.label', {
      member: o.member,
      budget: o.budget,
      year: o.year,
      unpaidAmount: o.unpaid,
      assessedAmount: o.assessed,
    }),
    wb,
    { ...wb, openingBalances: [...list, o] },
    ['openingBalances'],
  );
}

export function removeOpeningBalance(wb: Workbook, member: string, budget: string, year: number): Outcome {
  const list = wb.openingBalances.filter((x) => !(x.member === member && x.budget === budget && x.year === year));
  if (list.length === wb.openingBalances.length)
    return refuse('openingBalances', E('opening.none', { member, budget, year }));
  return changed(E('opening.removeLabel', { member, budget, year }), wb, { ...wb, openingBalances: list }, [
    'openingBalances',
  ]);
}

/**
 * R17a opening balances pasted from a spreadsheet: member, budget, year, assessed, unpaid[, reference], with or
 * without that header. All or nothing: every refused line is named, and nothing changes.
 */
export function pasteOpeningBalances(wb: Workbook, text: string): Outcome {
  const rows = parseTsv(text).filter((r) => r.some((f) => f.trim() !== ''));
  if (rows.length === 0) return refuse('paste', E('opening.noRows'));
  const header = rows[0].map((h) => h.trim().toLowerCase());
  const named = OPENING_BALANCE_FIELDS.slice(0, 5).every((f) => header.includes(f));
  const at = (f: (typeof OPENING_BALANCE_FIELDS)[number]) =>
    named ? header.indexOf(f) : OPENING_BALANCE_FIELDS.indexOf(f);
  const problems: Problem[] = [];
  let next = wb.openingBalances;
  const seen: OpeningBalance[] = [];
  rows.slice(named ? 1 : 0).forEach((r, i) => {
    const line = i + (named ? 2 : 1);
    const get = (f: (typeof OPENING_BALANCE_FIELDS)[number]) => (at(f) >= 0 ? (r[at(f)] ?? '') : '');
    const o = readOpeningBalance(wb, {
      member: get('member'),
      budget: get('budget'),
      year: get('year'),
      assessed: get('assessed'),
      unpaid: get('unpaid'),
      reference: get('reference'),
    });
    if ('path' in o)
      return problems.push(
        problem(`line ${line}: ${o.path}`, {
          ...E('opening.lineField', { line, field: o.path }),
          ...(o.msg ? { parts: { reason: o.msg } } : { values: { line, field: o.path, reason: o.message } }),
        }),
      );
    if (seen.some((x) => same(x, o)))
      return problems.push(
        problem(
          `line ${line}`,
          rowProblem(
            `line ${line}`,
            E('opening.twice', { member: o.member, budget: budgetName(wb, o.budget), year: o.year }),
          ),
        ),
      );
    seen.push(o);
    next = [...next.filter((x) => !same(x, o)), o];
  });
  if (problems.length > 0) return { ok: false, problems };
  return changed(E('opening.pasteLabel', { count: seen.length }), wb, { ...wb, openingBalances: next }, [
    'openingBalances',
  ]);
}
