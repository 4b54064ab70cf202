import { isIsoDate } from './dates';
import type { Dec, IsoDate, Problem } from './types';

// R24 the workbook's liquidity section (format version 2, optional: absent = no cash entered, the budget spread
// over the year, every member expected on its usual date). Validation is in validateLiquidity below.

export interface Liquidity {
  /** Cash on 1 January of a budget's year. */
  cash?: LiquidityCash[];
  /** A monthly spending plan replacing the budget spread over 12 month-ends. */
  spending?: SpendingPlan[];
  /** A member's expected payment date set by hand, or the member marked as not paying, for one year. */
  expected?: ExpectedOverride[];
}

export interface LiquidityCash {
  budget: string;
  year: number;
  /** Cash held on 1 January. */
  amount: Dec;
  /** The working capital fund's balance on 1 January when it differs from what members paid into it (R19). */
  wcf?: Dec;
}

export interface SpendingPlan {
  budget: string;
  year: number;
  /** What is spent at the end of each month, January to December: 12 amounts. */
  months: Dec[];
}

export interface ExpectedOverride {
  member: string;
  /** Absent = every budget the member takes part in. */
  budget?: string;
  year: number;
  /** The day its payment is expected, in `year`; exactly one of `date` and `notPaying`. */
  date?: IsoDate;
  notPaying?: true;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: every problem with its path, in a budget officer's words (called by validateWorkbook).

/** Every user-visible sentence of the checks (to move to the catalog). */
const messages = {
  notObject: 'The liquidity section must be an object with cash, spending and expected lists',
  notList: (what: string) => `${what} must be a list`,
  notEntry: (what: string, i: number) => `${what} ${i + 1} is not an entry`,
  missing: (label: string, what: string) => `${label}: ${what} is missing or empty`,
  noBudget: (label: string, id: string) => `${label}: there is no budget ${id}`,
  noMember: (label: string, code: string) => `${label}: there is no member ${code}`,
  notTaking: (label: string, code: string, budget: string) => `${label}: ${code} does not take part in ${budget}`,
  year: (label: string, v: string) => `${label}: the year must be a year such as 2026 (got ${v})`,
  amountNumber: (label: string, what: string, v: number) =>
    `${label}: ${what} must be written as a decimal string such as "${v}" (in quotes), so no cent is lost`,
  amount: (label: string, what: string, v: string) =>
    `${label}: ${what} must be a number of zero or more written like 1500000.00 (got ${v})`,
  twice: (label: string) => `${label} is entered twice`,
  months: (label: string, n: number) => `${label}: give 12 monthly amounts, January to December (got ${n})`,
  dateOrNot: (label: string) =>
    `${label}: give either the date its payment is expected or notPaying: true, not both and not neither`,
  date: (label: string, v: string) => `${label}: the expected date must be a date written YYYY-MM-DD (got ${v})`,
  dateYear: (label: string, date: string, year: number) => `${label}: the expected date ${date} is not in ${year}`,
  notPaying: (label: string, v: string) =>
    `${label}: notPaying can only be true (got ${v}); leave it out for a member expected to pay`,
  cashLabel: (i: number, budget?: string, year?: number) =>
    `Cash on 1 January ${year ?? '?'} in ${budget ?? `entry ${i + 1}`}`,
  planLabel: (i: number, budget?: string, year?: number) =>
    `Spending plan of ${budget ?? `entry ${i + 1}`} for ${year ?? '?'}`,
  expectedLabel: (i: number, member?: string, year?: number) =>
    `Expected payment of ${member ?? `entry ${i + 1}`} in ${year ?? '?'}`,
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const DEC_RE = /^\d+(\.\d+)?$/;
const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** What the checks need of the rest of the workbook. */
export interface LiquidityContext {
  members: { has(code: string): boolean };
  budgets: { has(id: string): boolean };
  /** `${member}\u0000${budget}` for every participation. */
  taking: { has(key: string): boolean };
}

/** R24 the workbook's `liquidity` section (absent = nothing to check). */
export function validateLiquidity(doc: Obj, ctx: LiquidityContext): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const liq = doc.liquidity;
  if (liq === undefined) return out;
  if (!isObj(liq)) return [{ path: 'liquidity', message: messages.notObject }];

  const list = (key: string, what: string): unknown[] => {
    const v = liq[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      add(`liquidity.${key}`, messages.notList(what));
      return [];
    }
    return v;
  };
  const str = (o: Obj, key: string, path: string, label: string, what: string): string | undefined => {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    add(`${path}.${key}`, messages.missing(label, what));
    return undefined;
  };
  const year = (o: Obj, path: string, label: string): number | undefined => {
    const v = o.year;
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200) return v;
    add(`${path}.year`, messages.year(label, show(v)));
    return undefined;
  };
  const budget = (o: Obj, path: string, label: string, optional = false): string | undefined => {
    if (optional && o.budget === undefined) return undefined;
    const id = str(o, 'budget', path, label, 'the budget');
    if (id !== undefined && !ctx.budgets.has(id)) add(`${path}.budget`, messages.noBudget(label, id));
    return id;
  };
  const amount = (v: unknown, path: string, label: string, what: string): void => {
    if (typeof v === 'number') add(path, messages.amountNumber(label, what, v));
    else if (typeof v !== 'string' || !DEC_RE.test(v)) add(path, messages.amount(label, what, show(v)));
  };
  const once = () => {
    const seen = new Set<string>();
    return (key: string, path: string, label: string) => {
      if (seen.has(key)) add(path, messages.twice(label));
      seen.add(key);
    };
  };

  const cashOnce = once();
  list('cash', 'The cash on 1 January').forEach((e, i) => {
    const path = `liquidity.cash[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('Cash entry', i));
    const y = year(e, path, messages.cashLabel(i, typeof e.budget === 'string' ? e.budget : undefined));
    const label = messages.cashLabel(i, typeof e.budget === 'string' ? e.budget : undefined, y);
    const b = budget(e, path, label);
    amount(e.amount, `${path}.amount`, label, 'the cash');
    if (e.wcf !== undefined) amount(e.wcf, `${path}.wcf`, label, "the working capital fund's balance");
    if (b !== undefined && y !== undefined) cashOnce(`${b}\u0000${y}`, path, label);
  });

  const planOnce = once();
  list('spending', 'The spending plans').forEach((e, i) => {
    const path = `liquidity.spending[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('Spending plan', i));
    const y = year(e, path, messages.planLabel(i, typeof e.budget === 'string' ? e.budget : undefined));
    const label = messages.planLabel(i, typeof e.budget === 'string' ? e.budget : undefined, y);
    const b = budget(e, path, label);
    if (!Array.isArray(e.months)) add(`${path}.months`, messages.months(label, 0));
    else if (e.months.length !== 12) add(`${path}.months`, messages.months(label, e.months.length));
    else e.months.forEach((m, j) => amount(m, `${path}.months[${j}]`, label, `the spending of month ${j + 1}`));
    if (b !== undefined && y !== undefined) planOnce(`${b}\u0000${y}`, path, label);
  });

  const expectedOnce = once();
  list('expected', 'The expected payments').forEach((e, i) => {
    const path = `liquidity.expected[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('Expected payment', i));
    const code = typeof e.member === 'string' && e.member.trim() !== '' ? e.member : undefined;
    const y = year(e, path, messages.expectedLabel(i, code));
    const label = messages.expectedLabel(i, code, y);
    str(e, 'member', path, label, 'the member');
    if (code !== undefined && !ctx.members.has(code)) add(`${path}.member`, messages.noMember(label, code));
    const b = budget(e, path, label, true);
    if (
      code !== undefined &&
      b !== undefined &&
      ctx.members.has(code) &&
      ctx.budgets.has(b) &&
      !ctx.taking.has(`${code}\u0000${b}`)
    )
      add(`${path}.budget`, messages.notTaking(label, code, b));
    if ((e.date === undefined) === (e.notPaying === undefined)) add(path, messages.dateOrNot(label));
    else if (e.notPaying !== undefined && e.notPaying !== true)
      add(`${path}.notPaying`, messages.notPaying(label, show(e.notPaying)));
    else if (e.date !== undefined) {
      if (!isIsoDate(e.date)) add(`${path}.date`, messages.date(label, show(e.date)));
      else if (y !== undefined && Number(e.date.slice(0, 4)) !== y)
        add(`${path}.date`, messages.dateYear(label, e.date, y));
    }
    if (code !== undefined && y !== undefined) expectedOnce(`${code}\u0000${b ?? ''}\u0000${y}`, path, label);
  });
  return out;
}
