import { daysInMonth, isIsoDate, isLeapYear } from '../model/dates';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { isPercentage } from '../model/fields';
import type { Liquidity } from '../model/liquidity';
import type { Budget, Workbook } from '../model/types';
import { advanceStatus, isBound } from './advances';
import { apportionTotal } from './apportion';
import { engineError } from './messages';
import { compareCodePoints } from './exact';
import { Ledger, type MemberAccount } from './ledger';
import { budgetLevel } from './years';

// R24 liquidity: the year's cash, day by day, from what members are expected to pay and what the budget spends.
// Two layers: simulateCashFlow works on exact integers (bigint at one scale) and knows nothing of workbooks, so
// its properties can be tested on generated inputs; liquidityBasis reads a workbook once and projectLiquidity
// applies the what-ifs to that basis, so a comparison reads the ledger once.

// Messages as data (issue 11): catalog area `engine`, ids `engine.liquidity.*`; `message` stays the English text.
const messages = {
  noYear: (budget: string, year: number) => engineError('liquidity.noYear', { budget, year: String(year) }),
  planLength: (budget: string, year: number, n: number) =>
    engineError('liquidity.planLength', { budget, year: String(year), n }),
  unknownMember: (code: string, budget: string) => engineError('liquidity.unknownMember', { code, budget }),
  badMonths: (n: number) => engineError('liquidity.badMonths', { n: String(n) }),
  badCount: (n: number) => engineError('liquidity.badCount', { n: String(n) }),
  badPercent: (p: string) => engineError('liquidity.badPercent', { p }),
  badDate: (code: string, date: string, year: number) =>
    engineError('liquidity.badDate', { code, date, year: String(year) }),
};

// ---------------------------------------------------------------------------------------------------------------
// The cash flow, on exact integers.

export interface CashFlow {
  year: number;
  /** Cash on 1 January. */
  cash: bigint;
  /** The WCF balance on 1 January. */
  wcf: bigint;
  /** The level receipts refill the WCF to (R19: what members paid into it); at least `wcf` in effect. */
  wcfLevel: bigint;
  /** Advances outstanding on 1 January (R20). */
  advances: bigint;
  /** The advance ceiling in force at each month-end (12): the sum over the agreements binding the host state. */
  ceilings: readonly bigint[];
  /** Spending at each month-end (12). */
  spending: readonly bigint[];
  /** Receipts on their dates; those outside the year are not counted. */
  receipts: readonly { date: string; amount: bigint }[];
}

export interface CashFlowMonth {
  /** The month-end. */
  date: string;
  /** Received during the month. */
  receipts: bigint;
  spending: bigint;
  /** Balances at the end of the month-end day, after its spending. */
  cash: bigint;
  wcf: bigint;
  advances: bigint;
  /** Spending not yet paid for lack of money (it is paid from the next receipts). */
  shortfall: bigint;
}

/** A day the WCF, the advances or the shortfall moved (same-day movements of a kind summed). */
export interface FundEvent {
  date: string;
  kind: 'wcf-drawn' | 'wcf-refilled' | 'advance-drawn' | 'advance-repaid' | 'shortfall' | 'shortfall-paid';
  amount: bigint;
}

export interface CashFlowResult {
  months: CashFlowMonth[];
  events: FundEvent[];
  firstWcfDraw: string | null;
  firstAdvance: string | null;
  firstShortfall: string | null;
  /** The largest advance outstanding at any time of the year, the opening balance included. */
  maxAdvances: bigint;
  /** Σ of the spending that could not be paid on the day it fell due. */
  shortfall: bigint;
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);

/** The 12 month-ends of a year. */
export function monthEnds(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${pad4(year)}-${pad2(i + 1)}-${pad2(daysInMonth(year, i + 1))}`);
}

/**
 * R24 day by day: receipts first pay any spending left unpaid, then repay advances, then refill the WCF, then
 * add to cash; spending that cash cannot cover is taken from the WCF, then from advances up to the ceiling; the
 * rest is a shortfall. Only receipt days and month-ends change anything, so only they are visited.
 *
 * DOMAIN.md does not say what becomes of a shortfall; here it stays owed and is paid first from the next receipts
 * (the fill order is the draw order reversed), so cash + WCF − advances − shortfall moves only by receipts and
 * spending, and a receipt that comes earlier never leaves less money on any later day.
 */
export function simulateCashFlow(input: CashFlow): CashFlowResult {
  const ends = monthEnds(input.year);
  const first = `${pad4(input.year)}-01-01`;
  const receipts = input.receipts.filter((r) => r.date >= first && r.date <= ends[11] && r.amount > 0n);
  receipts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let cash = input.cash;
  let wcf = input.wcf;
  const level = max(input.wcfLevel, input.wcf);
  let adv = input.advances;
  let short = 0n;
  let totalShort = 0n;
  let maxAdv = adv;
  let firstWcfDraw: string | null = null;
  let firstAdvance: string | null = null;
  let firstShortfall: string | null = null;
  const months: CashFlowMonth[] = [];
  const events: FundEvent[] = [];
  const byDay = new Map<string, FundEvent>(); // this day's events by kind (days come in order)
  const event = (date: string, kind: FundEvent['kind'], amount: bigint) => {
    if (amount === 0n) return;
    if (events.length > 0 && events[events.length - 1].date !== date) byDay.clear();
    const same = byDay.get(kind);
    if (same) same.amount += amount;
    else {
      const e = { date, kind, amount };
      events.push(e);
      byDay.set(kind, e);
    }
  };
  let k = 0;
  for (let m = 0; m < 12; m++) {
    const end = ends[m];
    let received = 0n;
    for (; k < receipts.length && receipts[k].date <= end; k++) {
      const day = receipts[k].date;
      let r = receipts[k].amount;
      received += r;
      const paid = min(r, short);
      short -= paid;
      r -= paid;
      event(day, 'shortfall-paid', paid);
      const repaid = min(r, adv);
      adv -= repaid;
      r -= repaid;
      event(day, 'advance-repaid', repaid);
      const refill = min(r, max(0n, level - wcf));
      wcf += refill;
      event(day, 'wcf-refilled', refill);
      cash += r - refill;
    }
    let s = input.spending[m];
    const fromCash = min(s, cash);
    cash -= fromCash;
    s -= fromCash;
    const fromWcf = min(s, wcf);
    if (fromWcf > 0n && firstWcfDraw === null) firstWcfDraw = end;
    wcf -= fromWcf;
    s -= fromWcf;
    event(end, 'wcf-drawn', fromWcf);
    const fromAdv = min(s, max(0n, input.ceilings[m] - adv));
    if (fromAdv > 0n && firstAdvance === null) firstAdvance = end;
    adv += fromAdv;
    s -= fromAdv;
    event(end, 'advance-drawn', fromAdv);
    event(end, 'shortfall', s);
    if (s > 0n && firstShortfall === null) firstShortfall = end;
    short += s;
    totalShort += s;
    maxAdv = max(maxAdv, adv);
    months.push({
      date: end,
      receipts: received,
      spending: input.spending[m],
      cash,
      wcf,
      advances: adv,
      shortfall: short,
    });
  }
  return { months, events, firstWcfDraw, firstAdvance, firstShortfall, maxAdvances: maxAdv, shortfall: totalShort };
}

// ---------------------------------------------------------------------------------------------------------------
// Dates.

const pad2 = (n: number) => String(n).padStart(2, '0');
const pad4 = (n: number) => String(n).padStart(4, '0');

/** A date `months` months later, on the same day or the month's last day (31 January + 1 month = 28 February). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m0 = Number(date.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m0 / 12);
  const month = (m0 % 12) + 1;
  return `${pad4(year)}-${pad2(month)}-${pad2(Math.min(Number(date.slice(8, 10)), daysInMonth(year, month)))}`;
}

/**
 * R24 the usual payment date in `year`: the median day of the year of the payments given. Days are compared as
 * month and day, so 15 March is the same day in a leap year; of an even count the earlier middle day is taken (a
 * day a payment came, never an average). 29 February falls on the 28th in a common year.
 */
export function usualDate(dates: readonly string[], year: number): string | null {
  if (dates.length === 0) return null;
  const days = dates.map((d) => d.slice(5)).sort();
  const md = days[Math.floor((days.length - 1) / 2)];
  return md === '02-29' && !isLeapYear(year) ? `${pad4(year)}-02-28` : `${pad4(year)}-${md}`;
}

// ---------------------------------------------------------------------------------------------------------------
// From a workbook.

/** A member expected to pay into the budget, as the workbook says before any what-if. */
export interface MemberBasis {
  code: string;
  name: string;
  /** R8 the year's contribution (ranks the largest contributors). */
  contribution: bigint;
  /** Contributions of the year and earlier still unpaid once the year's recorded payments are credited (R15–R16). */
  owed: bigint;
  /** Payments recorded during the year, credited to these contributions, on their dates. */
  received: { date: string; amount: bigint }[];
  /** R24 the median day of its payments in the three years before; null = it paid nothing then. */
  usualDate: string | null;
  /** The payments that date comes from. */
  from: { payment: string; date: string }[];
  /** The workbook's override for the year. */
  override?: { date?: string; notPaying?: true };
}

export interface LiquidityBasis {
  budget: Pick<Budget, 'id' | 'name' | 'currency' | 'roundingUnit'>;
  year: number;
  /** Decimal places of every bigint below. */
  scale: number;
  /** Decimal places amounts are written with. */
  places: number;
  cash: bigint;
  /** Whether the workbook gives the cash on 1 January (else 0). */
  cashGiven: boolean;
  wcf: bigint;
  wcfLevel: bigint;
  advances: bigint;
  ceilings: bigint[];
  spending: bigint[];
  spendingFrom: 'budget' | 'plan';
  /** Members that owe or paid something in the year. */
  members: MemberBasis[];
  /** Every member taking part in the budget (a what-if may name one that owes nothing: it changes nothing). */
  participants: ReadonlySet<string>;
}

/**
 * R24 what the projection of a budget's year starts from: cash, the WCF (R19), advances and ceilings (R20),
 * the month-ends' spending (R5 or the plan), each member's debt, recorded receipts and usual date (R15–R16).
 */
export function liquidityBasis(source: Workbook | Ledger, budgetId: string, year: number): LiquidityBasis {
  const ledger = source instanceof Ledger ? source : new Ledger(source);
  const wb = ledger.workbook;
  const budget = ledger.budget(budgetId);
  const first = ledger.firstYear(budget.id);
  if (first === undefined || year < first) throw messages.noYear(budget.name, year);
  const liq: Liquidity = wb.liquidity ?? {};
  const cashEntry = liq.cash?.find((c) => c.budget === budget.id && c.year === year);
  const plan = liq.spending?.find((p) => p.budget === budget.id && p.year === year);
  if (plan && plan.months.length !== 12) throw messages.planLength(budget.name, year, plan.months.length);
  const agreements = wb.advanceAgreements.filter((a) => a.currency === budget.currency);
  const lastDay = `${pad4(year - 1)}-12-31`;

  // One scale for every amount: the ledger's and those of the liquidity inputs and agreements.
  const given = [
    cashEntry?.amount,
    cashEntry?.wcf,
    ...(plan?.months ?? []),
    ...agreements.flatMap((a) => [a.ceiling, ...a.movements.map((m) => m.amount)]),
  ].filter((s): s is string => s !== undefined);
  const inputPlaces = given.reduce((p, s) => Math.max(p, decimalPlaces(s)), decimalPlaces(budget.roundingUnit));
  const scale = Math.max(ledger.scale, inputPlaces);
  const lift = 10n ** BigInt(scale - ledger.scale);
  const money = (s: string) => toScaledBigInt(s, scale);

  const ends = monthEnds(year);
  const ceilings = ends.map((d) => agreements.reduce((s, a) => (isBound(a, d) ? s + money(a.ceiling) : s), 0n));
  const advances = agreements.reduce((s, a) => s + money(advanceStatus(a, lastDay).outstanding), 0n);

  let spending: bigint[];
  if (plan) spending = plan.months.map(money);
  else {
    const lvl = budgetLevel(budget, year);
    let total: bigint;
    if (lvl.method === 'total') total = money(lvl.amount);
    else total = [...ledger.table(budget.id, year).values()].reduce((s, v) => s + v, 0n) * lift;
    // R5 the year's budget over 12 month-ends, equal weights: the months sum to exactly the total, and an odd
    // rounding unit left over goes to the earliest months (R6 code order on "01"…"12").
    const months = ends.map((_, i) => ({ code: pad2(i + 1), units: '1' }));
    spending = apportionTotal(months, formatScaled(total, scale), budget.roundingUnit).amounts.map(money);
  }

  // The member's payments of the three years before (R24), ones that could be for this budget.
  const windowStart = `${pad4(year - 3)}-01-01`;
  const history = new Map<string, { payment: string; date: string }[]>();
  for (const p of wb.payments) {
    if (p.date < windowStart || p.date > lastDay || p.purpose === 'wcf' || p.currency !== budget.currency) continue;
    if (p.budget !== undefined && p.budget !== budget.id) continue;
    const list = history.get(p.member);
    if (list) list.push({ payment: p.id, date: p.date });
    else history.set(p.member, [{ payment: p.id, date: p.date }]);
  }
  const overrides = new Map<string, { date?: string; notPaying?: true }>();
  for (const o of liq.expected ?? []) {
    if (o.year !== year || (o.budget !== undefined && o.budget !== budget.id)) continue;
    // One for this budget wins over one for every budget.
    if (o.budget === undefined && overrides.has(o.member)) continue;
    overrides.set(o.member, o.notPaying ? { notPaying: true } : { date: o.date });
  }

  const yearEnd = ends[11];
  const firstDay = `${pad4(year)}-01-01`;
  const table = ledger.table(budget.id, year);
  const members: MemberBasis[] = [];
  const participants = new Set<string>();
  // R19 the fund's balance on 31 December before: what members had paid into it by then, read from the same
  // accounts (a credit dated by then came from a payment made by then), so no member's account is made twice.
  let paidIn = 0n;
  for (const m of wb.members) {
    if (!ledger.holdings.participation(budget.id, m.code)) continue;
    participants.add(m.code);
    const acc = ledger.account(m.code, yearEnd, year);
    let owed = 0n;
    const received: { date: string; amount: bigint }[] = [];
    for (const it of acc.items) {
      if (it.budget !== budget.id) continue;
      if (it.kind === 'wcf') {
        for (const c of it.credits) if (c.date <= lastDay) paidIn += c.amount;
        continue;
      }
      owed += it.assessed - it.credited;
      for (const c of it.credits) {
        // A credit is dated the later of the payment and the day the item fell due: one dated 1 January may be
        // money paid ahead in the year before, already in hand, so not a receipt of the year.
        if (c.date < firstDay || (c.date === firstDay && paidBefore(acc, c.payment, firstDay))) continue;
        received.push({ date: c.date, amount: c.amount * lift });
      }
    }
    if (owed === 0n && received.length === 0) continue;
    const from = (history.get(m.code) ?? []).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const row: MemberBasis = {
      code: m.code,
      name: m.name,
      contribution: (table.get(m.code) ?? 0n) * lift,
      owed: owed * lift,
      received,
      usualDate: usualDate(
        from.map((f) => f.date),
        year,
      ),
      from,
    };
    const o = overrides.get(m.code);
    if (o) row.override = o;
    members.push(row);
  }

  const wcfLevel = paidIn * lift;
  const wcf = cashEntry?.wcf !== undefined ? money(cashEntry.wcf) : wcfLevel;

  // Amounts are written with the budget's decimals (or the inputs'), unless a member's cents need the ledger's.
  const unitAt = 10n ** BigInt(scale - inputPlaces);
  const fits =
    members.every((m) => m.owed % unitAt === 0n && m.received.every((r) => r.amount % unitAt === 0n)) &&
    wcfLevel % unitAt === 0n &&
    advances % unitAt === 0n;
  return {
    budget: { id: budget.id, name: budget.name, currency: budget.currency, roundingUnit: budget.roundingUnit },
    year,
    scale,
    places: fits ? inputPlaces : scale,
    cash: cashEntry ? money(cashEntry.amount) : 0n,
    cashGiven: cashEntry !== undefined,
    wcf,
    wcfLevel,
    advances,
    ceilings,
    spending,
    spendingFrom: plan ? 'plan' : 'budget',
    members,
    participants,
  };
}

/** The payment was made before `day` (looked up only for credits dated 1 January). */
function paidBefore(acc: MemberAccount, payment: string, day: string): boolean {
  const use = acc.payments.find((u) => u.payment.id === payment);
  return use !== undefined && use.payment.date < day;
}

// ---------------------------------------------------------------------------------------------------------------
// What-ifs and the projection.

/** R24 what-ifs on the basis; an empty object is the baseline. */
export interface LiquidityWhatIf {
  /** These members pay `months` months after their expected date. */
  late?: { member: string; months: number }[];
  /** The `count` largest contributors of the year pay `months` months late. */
  lateLargest?: { count: number; months: number };
  /** Only this percentage of what each member is expected to pay is collected (a decimal, 0 to 100). */
  collect?: string;
  /** Expected dates set for these members (over the usual date and the workbook's override). */
  dates?: { member: string; date: string }[];
  /** These members are not expected to pay. */
  notPaying?: string[];
}

export type ExpectedBasis = 'usual' | 'override' | 'what-if' | 'no-history' | 'not-paying';

export interface ExpectedReceipt {
  code: string;
  name: string;
  /** The year's contribution. */
  contribution: string;
  /** Still owed (the year's contribution and arrears) after the payments recorded in the year. */
  owed: string;
  /** Recorded during the year. */
  received: string;
  /** Expected to be paid on `date`: what is owed, less any share not collected; 0 when not expected. */
  amount: string;
  /** The day it is expected; null when not expected. A date after the year is not counted in it. */
  date: string | null;
  /** R24 the median day of its payments in the three years before. */
  usualDate: string | null;
  basis: ExpectedBasis;
  /** Months late in the what-if. */
  late?: number;
  from: { payment: string; date: string }[];
}

export interface LiquidityMonth {
  date: string;
  receipts: string;
  spending: string;
  cash: string;
  wcf: string;
  advances: string;
  shortfall: string;
}

export interface LiquidityProjection {
  budget: string;
  name: string;
  currency: string;
  year: number;
  opening: { cash: string; cashGiven: boolean; wcf: string; wcfLevel: string; advances: string; ceiling: string };
  spendingFrom: 'budget' | 'plan';
  months: LiquidityMonth[];
  /** The days the WCF, the advances or the shortfall moved. */
  events: { date: string; kind: FundEvent['kind']; amount: string }[];
  receipts: string;
  spending: string;
  firstWcfDraw: string | null;
  firstAdvance: string | null;
  firstShortfall: string | null;
  maxAdvances: string;
  /** Σ spending not paid on its day. */
  shortfall: string;
  expected: ExpectedReceipt[];
}

/** Checks a what-if against the basis; throws EngineError in plain words. */
export function checkWhatIf(basis: LiquidityBasis, w: LiquidityWhatIf): void {
  const member = (code: string) => {
    if (!basis.participants.has(code)) throw messages.unknownMember(code, basis.budget.name);
  };
  const months = (n: number) => {
    if (!Number.isInteger(n) || n < 0 || n > 120) throw messages.badMonths(n);
  };
  for (const l of w.late ?? []) {
    member(l.member);
    months(l.months);
  }
  if (w.lateLargest) {
    if (!Number.isInteger(w.lateLargest.count) || w.lateLargest.count < 1) throw messages.badCount(w.lateLargest.count);
    months(w.lateLargest.months);
  }
  if (w.collect !== undefined && !isPercentage(w.collect)) throw messages.badPercent(w.collect);
  for (const d of w.dates ?? []) {
    member(d.member);
    if (!isIsoDate(d.date) || Number(d.date.slice(0, 4)) !== basis.year)
      throw messages.badDate(d.member, d.date, basis.year);
  }
  for (const code of w.notPaying ?? []) member(code);
}

/** R24 the projection of the basis's year under a what-if (none = the baseline). */
export function projectLiquidity(basis: LiquidityBasis, whatIf: LiquidityWhatIf = {}): LiquidityProjection {
  checkWhatIf(basis, whatIf);
  const late = new Map<string, number>();
  if (whatIf.lateLargest) {
    // The largest contributions of the year; equal ones in code order (R6), so the choice is the same everywhere.
    const ranked = [...basis.members].sort((a, b) =>
      a.contribution !== b.contribution
        ? a.contribution > b.contribution
          ? -1
          : 1
        : compareCodePoints(a.code, b.code),
    );
    for (const m of ranked.slice(0, whatIf.lateLargest.count)) late.set(m.code, whatIf.lateLargest.months);
  }
  for (const l of whatIf.late ?? []) late.set(l.member, l.months);
  const dates = new Map((whatIf.dates ?? []).map((d) => [d.member, d.date]));
  const notPaying = new Set(whatIf.notPaying ?? []);
  const unit = toScaledBigInt(basis.budget.roundingUnit, basis.scale);
  const pct = whatIf.collect;
  const pctPlaces = pct === undefined ? 0 : decimalPlaces(pct);
  const pctNum = pct === undefined ? 1n : toScaledBigInt(pct, pctPlaces);
  const pctDen = pct === undefined ? 1n : 100n * 10n ** BigInt(pctPlaces);
  const yearEnd = `${pad4(basis.year)}-12-31`;

  const receipts: { date: string; amount: bigint }[] = [];
  const expected: ExpectedReceipt[] = [];
  const fmt = (v: bigint) => format(v, basis);
  for (const m of basis.members) {
    for (const r of m.received) receipts.push(r);
    let date: string | null = m.usualDate;
    let why: ExpectedBasis = date === null ? 'no-history' : 'usual';
    if (m.override?.date !== undefined) [date, why] = [m.override.date, 'override'];
    if (dates.has(m.code)) [date, why] = [dates.get(m.code)!, 'what-if'];
    if (m.override?.notPaying || notPaying.has(m.code)) [date, why] = [null, 'not-paying'];
    const n = late.get(m.code);
    if (date !== null && n !== undefined && n > 0) date = addMonths(date, n);
    // Only P % collected: each member's amount rounded down to the rounding unit, so more collected never
    // means less received by anyone.
    let amount = date === null ? 0n : m.owed;
    if (pct !== undefined && amount > 0n) amount = ((amount * pctNum) / pctDen / unit) * unit;
    if (date !== null && amount > 0n && date <= yearEnd) receipts.push({ date, amount });
    const row: ExpectedReceipt = {
      code: m.code,
      name: m.name,
      contribution: fmt(m.contribution),
      owed: fmt(m.owed),
      received: fmt(m.received.reduce((s, r) => s + r.amount, 0n)),
      amount: fmt(amount),
      date: m.owed === 0n ? null : date,
      usualDate: m.usualDate,
      basis: why,
      from: m.from,
    };
    if (n !== undefined && n > 0 && why !== 'not-paying') row.late = n;
    expected.push(row);
  }

  const flow = simulateCashFlow({
    year: basis.year,
    cash: basis.cash,
    wcf: basis.wcf,
    wcfLevel: basis.wcfLevel,
    advances: basis.advances,
    ceilings: basis.ceilings,
    spending: basis.spending,
    receipts,
  });
  const months = flow.months.map((r) => ({
    date: r.date,
    receipts: fmt(r.receipts),
    spending: fmt(r.spending),
    cash: fmt(r.cash),
    wcf: fmt(r.wcf),
    advances: fmt(r.advances),
    shortfall: fmt(r.shortfall),
  }));
  return {
    budget: basis.budget.id,
    name: basis.budget.name,
    currency: basis.budget.currency,
    year: basis.year,
    opening: {
      cash: fmt(basis.cash),
      cashGiven: basis.cashGiven,
      wcf: fmt(basis.wcf),
      wcfLevel: fmt(basis.wcfLevel),
      advances: fmt(basis.advances),
      ceiling: fmt(basis.ceilings[0]),
    },
    spendingFrom: basis.spendingFrom,
    months,
    events: flow.events.map((e) => ({ date: e.date, kind: e.kind, amount: fmt(e.amount) })),
    receipts: fmt(flow.months.reduce((s, r) => s + r.receipts, 0n)),
    spending: fmt(basis.spending.reduce((s, v) => s + v, 0n)),
    firstWcfDraw: flow.firstWcfDraw,
    firstAdvance: flow.firstAdvance,
    firstShortfall: flow.firstShortfall,
    maxAdvances: fmt(flow.maxAdvances),
    shortfall: fmt(flow.shortfall),
    expected,
  };
}

/** R24 a budget's year from a workbook, under a what-if. */
export function liquidityProjection(
  workbook: Workbook,
  budgetId: string,
  year: number,
  whatIf: LiquidityWhatIf = {},
): LiquidityProjection {
  return projectLiquidity(liquidityBasis(workbook, budgetId, year), whatIf);
}

/** A bigint at the basis's scale, written with its places (exact: the basis chose places that hold every amount). */
function format(v: bigint, basis: Pick<LiquidityBasis, 'scale' | 'places'>): string {
  const drop = 10n ** BigInt(basis.scale - basis.places);
  return v % drop === 0n ? formatScaled(v / drop, basis.places) : formatScaled(v, basis.scale);
}

// ---------------------------------------------------------------------------------------------------------------
// Side by side with the baseline, like the contribution scenarios (R14).

export interface LiquidityMonthComparison {
  date: string;
  baseline: LiquidityMonth;
  whatIf: LiquidityMonth;
  /** What-if − baseline, per column. */
  difference: LiquidityMonth;
}

export interface LiquidityComparison {
  baseline: LiquidityProjection;
  whatIf: LiquidityProjection;
  months: LiquidityMonthComparison[];
  /** The figures that matter, before and after. */
  summary: {
    key: 'firstWcfDraw' | 'firstAdvance' | 'firstShortfall' | 'maxAdvances' | 'shortfall' | 'receipts';
    baseline: string | null;
    whatIf: string | null;
    difference: string | null;
  }[];
  /** Members whose expected amount or date differs. */
  members: {
    code: string;
    name: string;
    baseline: { amount: string; date: string | null };
    whatIf: { amount: string; date: string | null };
  }[];
}

/** R24 the baseline and a what-if of the same basis, month by month and member by member. */
export function compareLiquidity(basis: LiquidityBasis, whatIf: LiquidityWhatIf): LiquidityComparison {
  const base = projectLiquidity(basis);
  const alt = projectLiquidity(basis, whatIf);
  const places = Math.max(basis.places, basis.scale);
  const diff = (a: string, b: string) => {
    const d = toScaledBigInt(b, places) - toScaledBigInt(a, places);
    return format(d, { scale: places, places: basis.places });
  };
  const cols = ['receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;
  const months = base.months.map((b, i) => {
    const a = alt.months[i];
    const difference = { date: b.date } as LiquidityMonth;
    for (const c of cols) difference[c] = diff(b[c], a[c]);
    return { date: b.date, baseline: b, whatIf: a, difference };
  });
  const amounts = ['maxAdvances', 'shortfall', 'receipts'] as const;
  const summary: LiquidityComparison['summary'] = [
    ...(['firstWcfDraw', 'firstAdvance', 'firstShortfall'] as const).map((key) => ({
      key,
      baseline: base[key],
      whatIf: alt[key],
      difference: null,
    })),
    ...amounts.map((key) => ({ key, baseline: base[key], whatIf: alt[key], difference: diff(base[key], alt[key]) })),
  ];
  const members = base.expected.flatMap((b, i) => {
    const a = alt.expected[i];
    return b.amount === a.amount && b.date === a.date
      ? []
      : [
          {
            code: b.code,
            name: b.name,
            baseline: { amount: b.amount, date: b.date },
            whatIf: { amount: a.amount, date: a.date },
          },
        ];
  });
  return { baseline: base, whatIf: alt, months, summary, members };
}
