import { isAmount, isCode, isIsoDate, isYear } from './fields';
import type { Message, MessageValues } from '../i18n/intl';
import { problemOf, shownValue, V } from './problems';
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

/** Every sentence of the checks, as messages of the catalog area `validation` (`validation.liquidity.*`). */
const M = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message =>
  V(`liquidity.${id}`, values, parts);
const messages = {
  notObject: () => M('notObject'),
  notList: (what: string) => M('notList', undefined, { what: M(`list.${what}`) }),
  notEntry: (what: string, i: number) => M(`notEntry.${what}`, { n: String(i + 1) }),
  missing: (label: Message, what: string) => M(`missing.${what}`, undefined, { label }),
  noBudget: (label: Message, id: string) => M('noBudget', { id }, { label }),
  noMember: (label: Message, code: string) => M('noMember', { code }, { label }),
  notTaking: (label: Message, code: string, budget: string) => M('notTaking', { code, budget }, { label }),
  year: (label: Message, v: unknown) => M('year', undefined, { label, got: shownValue(v) }),
  amountNumber: (label: Message, what: Message, v: number) => M('amountNumber', { value: String(v) }, { label, what }),
  amount: (label: Message, what: Message, v: unknown) => M('amount', undefined, { label, what, got: shownValue(v) }),
  twice: (label: Message) => M('twice', undefined, { label }),
  months: (label: Message, n: number) => M('months', { n: String(n) }, { label }),
  dateOrNot: (label: Message) => M('dateOrNot', undefined, { label }),
  date: (label: Message, v: unknown) => M('date', undefined, { label, got: shownValue(v) }),
  dateYear: (label: Message, date: string, year: number) => M('dateYear', { date, year: String(year) }, { label }),
  notPaying: (label: Message, v: unknown) => M('notPaying', undefined, { label, got: shownValue(v) }),
  what: (id: string, values?: MessageValues) => M(`what.${id}`, values),
  /** "Cash on 1 January 2027 in paris" (or "in entry 3" when the budget is not given). */
  entryLabel: (kind: string, i: number, name?: string, year?: number) =>
    M(`label.${kind}${name === undefined ? 'Entry' : ''}`, {
      name,
      year: year === undefined ? '?' : String(year),
      n: String(i + 1),
    }),
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const add = (path: string, m: Message) => void out.push(problemOf(path, m));
  const liq = doc.liquidity;
  if (liq === undefined) return out;
  if (!isObj(liq)) return [problemOf('liquidity', messages.notObject())];

  const list = (key: string, what: string): unknown[] => {
    const v = liq[key];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      add(`liquidity.${key}`, messages.notList(what));
      return [];
    }
    return v;
  };
  const str = (o: Obj, key: string, path: string, label: Message, what: string): string | undefined => {
    const v = o[key];
    if (typeof v === 'string' && v.trim() !== '') return v;
    add(`${path}.${key}`, messages.missing(label, what));
    return undefined;
  };
  const year = (o: Obj, path: string, label: Message): number | undefined => {
    const v = o.year;
    if (isYear(v)) return v;
    add(`${path}.year`, messages.year(label, v));
    return undefined;
  };
  const budget = (o: Obj, path: string, label: Message, optional = false): string | undefined => {
    if (optional && o.budget === undefined) return undefined;
    const id = str(o, 'budget', path, label, 'budget');
    if (id !== undefined && !ctx.budgets.has(id)) add(`${path}.budget`, messages.noBudget(label, id));
    return id;
  };
  const amount = (v: unknown, path: string, label: Message, what: Message): void => {
    if (typeof v === 'number') add(path, messages.amountNumber(label, what, v));
    else if (!isAmount(v)) add(path, messages.amount(label, what, v));
  };
  const once = () => {
    const seen = new Set<string>();
    return (key: string, path: string, label: Message) => {
      if (seen.has(key)) add(path, messages.twice(label));
      seen.add(key);
    };
  };

  const cashOnce = once();
  list('cash', 'cash').forEach((e, i) => {
    const path = `liquidity.cash[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('cash', i));
    const y = year(e, path, messages.entryLabel('cash', i, typeof e.budget === 'string' ? e.budget : undefined));
    const label = messages.entryLabel('cash', i, typeof e.budget === 'string' ? e.budget : undefined, y);
    const b = budget(e, path, label);
    amount(e.amount, `${path}.amount`, label, messages.what('cash'));
    if (e.wcf !== undefined) amount(e.wcf, `${path}.wcf`, label, messages.what('wcf'));
    if (b !== undefined && y !== undefined) cashOnce(`${b}\u0000${y}`, path, label);
  });

  const planOnce = once();
  list('spending', 'spending').forEach((e, i) => {
    const path = `liquidity.spending[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('plan', i));
    const y = year(e, path, messages.entryLabel('plan', i, typeof e.budget === 'string' ? e.budget : undefined));
    const label = messages.entryLabel('plan', i, typeof e.budget === 'string' ? e.budget : undefined, y);
    const b = budget(e, path, label);
    if (!Array.isArray(e.months)) add(`${path}.months`, messages.months(label, 0));
    else if (e.months.length !== 12) add(`${path}.months`, messages.months(label, e.months.length));
    else
      e.months.forEach((m, j) =>
        amount(m, `${path}.months[${j}]`, label, messages.what('month', { month: String(j + 1) })),
      );
    if (b !== undefined && y !== undefined) planOnce(`${b}\u0000${y}`, path, label);
  });

  const expectedOnce = once();
  list('expected', 'expected').forEach((e, i) => {
    const path = `liquidity.expected[${i}]`;
    if (!isObj(e)) return add(path, messages.notEntry('expected', i));
    const code = isCode(e.member) ? e.member : undefined;
    const y = year(e, path, messages.entryLabel('expected', i, code));
    const label = messages.entryLabel('expected', i, code, y);
    str(e, 'member', path, label, 'member');
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
      add(`${path}.notPaying`, messages.notPaying(label, e.notPaying));
    else if (e.date !== undefined) {
      if (!isIsoDate(e.date)) add(`${path}.date`, messages.date(label, e.date));
      else if (y !== undefined && Number(e.date.slice(0, 4)) !== y)
        add(`${path}.date`, messages.dateYear(label, e.date, y));
    }
    if (code !== undefined && y !== undefined) expectedOnce(`${code}\u0000${b ?? ''}\u0000${y}`, path, label);
  });
  return out;
}
