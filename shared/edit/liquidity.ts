import { msg, type Message, type MessageValues } from '../i18n/intl';
import { isIsoDate } from '../model/dates';
import { isAmount, isDecimal } from '../model/fields';
import type { ExpectedOverride, Liquidity, LiquidityCash, SpendingPlan } from '../model/liquidity';
import type { Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';

// R24 the liquidity section as commands, one undoable step each: the cash on 1 January of a budget's year, a
// member's expected date (or "not paying") for a year, and the monthly spending plan. Lists left empty are dropped,
// so a workbook that never had a liquidity section does not get one from an edit that was cleared.

/** Every message of these commands: catalog area `liquidity`, ids `liquidity.edit.*`. */
const L = (id: string, values?: MessageValues): Message => msg(`liquidity.edit.${id}`, values);
const messages = {
  noBudget: (budget: string) => L('noBudget', { budget }),
  year: (text: string) => L('year', { text }),
  amount: (text: string) => L('amount', { text }),
  negative: (text: string) => L('negative', { text }),
  sameCash: () => L('sameCash'),
  noCash: (budget: string, year: number) => L('noCash', { budget, year: String(year) }),
  cashLabel: (budget: string, year: number, amount: string) => L('cashLabel', { budget, year: String(year), amount }),
  clearCashLabel: (budget: string, year: number) => L('clearCashLabel', { budget, year: String(year) }),
  noMember: (member: string) => L('noMember', { member }),
  notTaking: (member: string, budget: string) => L('notTaking', { member, budget }),
  date: (text: string) => L('date', { text }),
  dateYear: (date: string, year: number) => L('dateYear', { date, year: String(year) }),
  sameDate: () => L('sameDate'),
  noDate: (member: string, year: number) => L('noDate', { member, year: String(year) }),
  dateLabel: (member: string, budget: string, date: string) => L('dateLabel', { member, budget, date }),
  clearDateLabel: (member: string, budget: string, year: number, every: boolean) =>
    L('clearDateLabel', { member, budget, year: String(year), every: every ? 'yes' : 'no' }),
  alreadyNotPaying: (member: string) => L('alreadyNotPaying', { member }),
  notMarked: (member: string, year: number) => L('notMarked', { member, year: String(year) }),
  notPayingLabel: (member: string, budget: string, year: number) =>
    L('notPayingLabel', { member, budget, year: String(year) }),
  payingLabel: (member: string, budget: string, year: number, every: boolean) =>
    L('payingLabel', { member, budget, year: String(year), every: every ? 'yes' : 'no' }),
  months: (n: number) => L('months', { n }),
  monthAmount: (month: number, text: string) => L('monthAmount', { month, text }),
  samePlan: () => L('samePlan'),
  noPlan: (budget: string, year: number) => L('noPlan', { budget, year: String(year) }),
  planLabel: (budget: string, year: number) => L('planLabel', { budget, year: String(year) }),
  clearPlanLabel: (budget: string, year: number) => L('clearPlanLabel', { budget, year: String(year) }),
};

const YEAR_MIN = 1900;
const YEAR_MAX = 2200;

/** The workbook with its liquidity section replaced; empty lists and an empty section are left out. */
function withLiquidity(wb: Workbook, next: Liquidity): Workbook {
  const liq: Liquidity = {};
  if (next.cash && next.cash.length > 0) liq.cash = next.cash;
  if (next.spending && next.spending.length > 0) liq.spending = next.spending;
  if (next.expected && next.expected.length > 0) liq.expected = next.expected;
  const out: Workbook = { ...wb };
  if (Object.keys(liq).length > 0) out.liquidity = liq;
  else delete out.liquidity;
  return out;
}

const budgetOf = (wb: Workbook, id: string) => wb.budgets.find((b) => b.id === id);
const validYear = (year: number) => Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX;

/** A plain amount of zero or more ("1500000.00"); a sign, grouping or exponent is refused. */
function readAmount(text: string): { ok: true; value: string } | { ok: false; message: Message } {
  const t = text.trim();
  if (!isAmount(t)) return { ok: false, message: isDecimal(t) ? messages.negative(text) : messages.amount(text) };
  return { ok: true, value: t };
}

// ---------------------------------------------------------------------------------------------------------------
// Cash on 1 January.

/** R24 the cash held on 1 January of `year` for `budget` (an entry's WCF balance, if any, is kept). */
export function setOpeningCash(wb: Workbook, a: { budget: string; year: number; amount: string }): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', messages.noBudget(a.budget));
  if (!validYear(a.year)) return refuse('year', messages.year(String(a.year)));
  const amount = readAmount(a.amount);
  if (!amount.ok) return refuse('amount', amount.message);
  const list = wb.liquidity?.cash ?? [];
  const at = list.findIndex((c) => c.budget === b.id && c.year === a.year);
  if (at >= 0 && list[at].amount === amount.value) return refuse('amount', messages.sameCash());
  const entry: LiquidityCash =
    at >= 0 ? { ...list[at], amount: amount.value } : { budget: b.id, year: a.year, amount: amount.value };
  const cash = at >= 0 ? list.map((c, i) => (i === at ? entry : c)) : [...list, entry];
  return changed(messages.cashLabel(b.name, a.year, amount.value), wb, withLiquidity(wb, { ...wb.liquidity, cash }), [
    'liquidity',
  ]);
}

/** R24 no cash entered for the year (0): the entry goes, or keeps only its WCF balance with the cash at 0. */
export function clearOpeningCash(wb: Workbook, budget: string, year: number): Outcome {
  const b = budgetOf(wb, budget);
  if (!b) return refuse('budget', messages.noBudget(budget));
  const list = wb.liquidity?.cash ?? [];
  const at = list.findIndex((c) => c.budget === b.id && c.year === year);
  if (at < 0) return refuse('amount', messages.noCash(b.name, year));
  const e = list[at];
  if (e.wcf !== undefined && e.amount === '0') return refuse('amount', messages.noCash(b.name, year));
  // The model needs an amount beside a WCF balance: the cash is then 0, which is what "none entered" means.
  const cash =
    e.wcf !== undefined ? list.map((c, i) => (i === at ? { ...e, amount: '0' } : c)) : list.filter((_, i) => i !== at);
  return changed(messages.clearCashLabel(b.name, year), wb, withLiquidity(wb, { ...wb.liquidity, cash }), [
    'liquidity',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// A member's expected date, or the member not paying.

interface MemberYear {
  member: string;
  budget: string;
  year: number;
}

/** The checks every member command makes; the budget's name, or the refusal. */
function checkMember(wb: Workbook, a: MemberYear): { ok: true; name: string } | { ok: false; outcome: Outcome } {
  const b = budgetOf(wb, a.budget);
  if (!b) return { ok: false, outcome: refuse('budget', messages.noBudget(a.budget)) };
  if (!validYear(a.year)) return { ok: false, outcome: refuse('year', messages.year(String(a.year))) };
  if (!wb.members.some((m) => m.code === a.member))
    return { ok: false, outcome: refuse('member', messages.noMember(a.member)) };
  if (!wb.participations.some((p) => p.member === a.member && p.budget === b.id))
    return { ok: false, outcome: refuse('member', messages.notTaking(a.member, b.name)) };
  return { ok: true, name: b.name };
}

/**
 * The entry that applies to the member in this budget and year, as the engine reads them: the one for the budget,
 * else one without a budget (which applies to every budget the member takes part in).
 */
function applying(list: readonly ExpectedOverride[], a: MemberYear): number {
  const own = list.findIndex((o) => o.member === a.member && o.year === a.year && o.budget === a.budget);
  return own >= 0 ? own : list.findIndex((o) => o.member === a.member && o.year === a.year && o.budget === undefined);
}

/** R24 the day the member's payment into `budget` is expected in `year`, over its usual date (and over "not paying"). */
export function setExpectedDate(wb: Workbook, a: MemberYear & { date: string }): Outcome {
  const c = checkMember(wb, a);
  if (!c.ok) return c.outcome;
  if (!isIsoDate(a.date)) return refuse('date', messages.date(a.date));
  if (Number(a.date.slice(0, 4)) !== a.year) return refuse('date', messages.dateYear(a.date, a.year));
  const list = wb.liquidity?.expected ?? [];
  const at = applying(list, a);
  if (at >= 0 && list[at].date === a.date) return refuse('date', messages.sameDate());
  // Always written for this budget: an entry for every budget stays as it is for the others.
  const own = list.findIndex((o) => o.member === a.member && o.year === a.year && o.budget === a.budget);
  const entry: ExpectedOverride = { member: a.member, budget: a.budget, year: a.year, date: a.date };
  const expected = own >= 0 ? list.map((o, i) => (i === own ? entry : o)) : [...list, entry];
  return changed(messages.dateLabel(a.member, c.name, a.date), wb, withLiquidity(wb, { ...wb.liquidity, expected }), [
    'liquidity',
  ]);
}

/** R24 back to the usual date: the date set for the member (in this budget, or for every budget) goes. */
export function clearExpectedDate(wb: Workbook, a: MemberYear): Outcome {
  const c = checkMember(wb, a);
  if (!c.ok) return c.outcome;
  const list = wb.liquidity?.expected ?? [];
  const at = applying(list, a);
  if (at < 0 || list[at].date === undefined) return refuse('date', messages.noDate(a.member, a.year));
  const every = list[at].budget === undefined;
  const expected = list.filter((_, i) => i !== at);
  return changed(
    messages.clearDateLabel(a.member, c.name, a.year, every),
    wb,
    withLiquidity(wb, { ...wb.liquidity, expected }),
    ['liquidity'],
  );
}

/**
 * R24 marks the member as not paying into `budget` in `year` (replacing a date set for it), or (`notPaying` false)
 * expected again on its usual date.
 */
export function setNotPaying(wb: Workbook, a: MemberYear & { notPaying: boolean }): Outcome {
  const c = checkMember(wb, a);
  if (!c.ok) return c.outcome;
  const list = wb.liquidity?.expected ?? [];
  const at = applying(list, a);
  const marked = at >= 0 && list[at].notPaying === true;
  if (a.notPaying) {
    if (marked) return refuse('notPaying', messages.alreadyNotPaying(a.member));
    const own = list.findIndex((o) => o.member === a.member && o.year === a.year && o.budget === a.budget);
    const entry: ExpectedOverride = { member: a.member, budget: a.budget, year: a.year, notPaying: true };
    const expected = own >= 0 ? list.map((o, i) => (i === own ? entry : o)) : [...list, entry];
    return changed(
      messages.notPayingLabel(a.member, c.name, a.year),
      wb,
      withLiquidity(wb, { ...wb.liquidity, expected }),
      ['liquidity'],
    );
  }
  if (!marked) return refuse('notPaying', messages.notMarked(a.member, a.year));
  const every = list[at].budget === undefined;
  const expected = list.filter((_, i) => i !== at);
  return changed(
    messages.payingLabel(a.member, c.name, a.year, every),
    wb,
    withLiquidity(wb, { ...wb.liquidity, expected }),
    ['liquidity'],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The monthly spending plan.

/** R24 what the budget spends at each month-end of `year`, January to December (12 amounts of zero or more). */
export function setSpendingPlan(wb: Workbook, a: { budget: string; year: number; months: readonly string[] }): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', messages.noBudget(a.budget));
  if (!validYear(a.year)) return refuse('year', messages.year(String(a.year)));
  if (a.months.length !== 12) return refuse('months', messages.months(a.months.length));
  const months: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m = readAmount(a.months[i]);
    if (!m.ok) return refuse(`months[${i}]`, messages.monthAmount(i + 1, a.months[i]));
    months.push(m.value);
  }
  const list = wb.liquidity?.spending ?? [];
  const at = list.findIndex((p) => p.budget === b.id && p.year === a.year);
  if (at >= 0 && list[at].months.every((m, i) => m === months[i])) return refuse('months', messages.samePlan());
  const entry: SpendingPlan = { budget: b.id, year: a.year, months };
  const spending = at >= 0 ? list.map((p, i) => (i === at ? entry : p)) : [...list, entry];
  return changed(messages.planLabel(b.name, a.year), wb, withLiquidity(wb, { ...wb.liquidity, spending }), [
    'liquidity',
  ]);
}

/** R24 back to the year's budget spread over the 12 month-ends. */
export function clearSpendingPlan(wb: Workbook, budget: string, year: number): Outcome {
  const b = budgetOf(wb, budget);
  if (!b) return refuse('budget', messages.noBudget(budget));
  const list = wb.liquidity?.spending ?? [];
  const at = list.findIndex((p) => p.budget === b.id && p.year === year);
  if (at < 0) return refuse('months', messages.noPlan(b.name, year));
  return changed(
    messages.clearPlanLabel(b.name, year),
    wb,
    withLiquidity(wb, { ...wb.liquidity, spending: list.filter((_, i) => i !== at) }),
    ['liquidity'],
  );
}
