import { firstOfJanuary } from '../model/dates';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import type { Budget, CreditingOrder, Payment, WcfDecision, Workbook } from '../model/types';
import { EngineError } from './apportion';
import { assessees, budgetTerms, computeContributions, findBudget } from './assess';
import { Holdings } from './classes';
import { wcfDueDate, wcfShares } from './wcf';
import { budgetLevel } from './years';

// The member accounts behind R15–R19. Money is BigInt scaled by 10^scale, one scale for the whole workbook, so
// payments, contributions and WCF shares add up exactly whatever their rounding units.

export type ItemKind = 'contribution' | 'wcf';

/** Part of a payment credited to one item. */
export interface Credit {
  payment: string;
  /** The later of the payment's date and the day the item fell due. */
  date: string;
  amount: bigint;
}

/** Something a member owes: a year's contribution (R8) or a WCF share (R19). */
export interface LedgerItem {
  kind: ItemKind;
  budget: string;
  year: number;
  /** WCF decision id. */
  decision?: string;
  /** R8 contributions fall due on 1 January; a WCF share when its decision says. */
  due: string;
  assessed: bigint;
  credited: bigint;
  credits: Credit[];
}

export interface PaymentUse {
  payment: Payment;
  amount: bigint;
  credited: bigint;
}

/** A member's account as of a date: payments made by then, items due up to `horizon` (later ones are projections). */
export interface MemberAccount {
  member: string;
  asOf: string;
  horizon: number;
  /** By due date, then kind, then budget order. */
  items: LedgerItem[];
  payments: PaymentUse[];
  /** Paid but not yet credited on `asOf`: overpayments, or payments marked for something not yet due. */
  unapplied: bigint;
  /** Still not credited once every item up to `horizon` fell due. */
  unappliedAtHorizon: bigint;
}

interface IndexedPayment {
  payment: Payment;
  amount: bigint;
}

/**
 * Contribution tables, WCF shares and member accounts for one workbook. Each budget-year table and each WCF
 * decision is computed once and shared by every member (bench: 10,000 members × 30 years).
 */
export class Ledger {
  /** Decimal places of every bigint amount in this ledger. */
  readonly scale: number;
  readonly holdings: Holdings;
  readonly creditingOrder: CreditingOrder;
  private readonly tables = new Map<string, Map<string, bigint>>();
  private readonly shares = new Map<string, Map<string, bigint>>();
  private readonly paymentsOf = new Map<string, IndexedPayment[]>();
  private readonly budgetsOf = new Map<string, Budget[]>();
  private readonly budgetOrder = new Map<string, number>();
  private readonly firstYears = new Map<string, number>();
  private readonly wcfOf = new Map<string, WcfDecision[]>();
  private readonly accounts = new Map<string, MemberAccount>();

  constructor(readonly workbook: Workbook) {
    this.holdings = new Holdings(workbook);
    this.creditingOrder = workbook.settings.creditingOrder ?? 'wcf-then-oldest';
    let scale = 0;
    for (const b of workbook.budgets) scale = Math.max(scale, decimalPlaces(b.roundingUnit));
    for (const p of workbook.payments) scale = Math.max(scale, decimalPlaces(p.amount));
    this.scale = scale;

    workbook.budgets.forEach((b, i) => {
      this.budgetOrder.set(b.id, i);
      if (b.years.length > 0) this.firstYears.set(b.id, Math.min(...b.years.map((y) => y.year)));
    });
    const byId = new Map(workbook.budgets.map((b) => [b.id, b]));
    for (const p of workbook.participations) {
      const b = byId.get(p.budget);
      if (!b) continue;
      const list = this.budgetsOf.get(p.member);
      if (list) list.push(b);
      else this.budgetsOf.set(p.member, [b]);
    }
    for (const list of this.budgetsOf.values()) list.sort((a, b) => this.budgetOrder.get(a.id)! - this.budgetOrder.get(b.id)!);
    // R15 payments are credited in the order they were made; the workbook order breaks ties (stable sort).
    const sorted = workbook.payments.map((payment) => ({ payment, amount: this.money(payment.amount) }));
    sorted.sort((a, b) => (a.payment.date < b.payment.date ? -1 : a.payment.date > b.payment.date ? 1 : 0));
    for (const ip of sorted) {
      const list = this.paymentsOf.get(ip.payment.member);
      if (list) list.push(ip);
      else this.paymentsOf.set(ip.payment.member, [ip]);
    }
    for (const d of workbook.wcfDecisions) {
      const list = this.wcfOf.get(d.budget);
      if (list) list.push(d);
      else this.wcfOf.set(d.budget, [d]);
    }
  }

  budget(id: string): Budget {
    return findBudget(this.workbook, id);
  }

  /** Budgets a member takes part in, in workbook order. */
  budgetsOfMember(member: string): Budget[] {
    return this.budgetsOf.get(member) ?? [];
  }

  wcfDecisions(budgetId: string): WcfDecision[] {
    return this.wcfOf.get(budgetId) ?? [];
  }

  /** A decimal string as a bigint at this ledger's scale. */
  money(s: string): bigint {
    return toScaledBigInt(s, this.scale);
  }

  /** A bigint amount written with `places` decimals, or with more where it needs them (a payment's cents). */
  format(v: bigint, places: number): string {
    const drop = this.scale - places;
    if (drop <= 0) return formatScaled(v * 10n ** BigInt(-drop), places);
    const f = 10n ** BigInt(drop);
    if (v % f === 0n) return formatScaled(v / f, places);
    return formatScaled(v, this.scale).replace(/0+$/, '');
  }

  /** Decimal places of a budget's rounding unit: the way its amounts are written. */
  places(budgetId: string): number {
    return decimalPlaces(this.budget(budgetId).roundingUnit);
  }

  /** The budget's first year; contributions start there. */
  firstYear(budgetId: string): number | undefined {
    return this.firstYears.get(budgetId);
  }

  /** R4–R13 a budget-year's contributions by member code; empty when nobody is assessed or before the first year. */
  table(budgetId: string, year: number): Map<string, bigint> {
    const key = `${budgetId}\u0000${year}`;
    let t = this.tables.get(key);
    if (t) return t;
    t = new Map();
    const first = this.firstYears.get(budgetId);
    const budget = this.budget(budgetId);
    const list = first === undefined || year < first ? [] : assessees(this.workbook, budget, year, this.holdings);
    if (list.length > 0) {
      const lvl = budgetLevel(budget, year);
      const table = computeContributions(budgetTerms(budget), list, lvl.method, lvl.amount, { year, carriedOver: lvl.carriedOver, sourceYear: lvl.sourceYear });
      const seen = new Map<string, bigint>(); // many members share an amount; parse each once
      for (const r of table.rows) {
        let v = seen.get(r.amount);
        if (v === undefined) {
          v = this.money(r.amount);
          seen.set(r.amount, v);
        }
        t.set(r.code, v);
      }
    }
    this.tables.set(key, t);
    return t;
  }

  /** What a member was assessed in a budget for a year (0 when it was not assessed: R17 "a year before accession counts as 0"). */
  assessed(budgetId: string, member: string, year: number): bigint {
    return this.table(budgetId, year).get(member) ?? 0n;
  }

  /** R19 each member's share of a WCF decision. */
  wcfShares(decision: WcfDecision): Map<string, bigint> {
    let s = this.shares.get(decision.id);
    if (s) return s;
    const budget = this.budget(decision.budget);
    const t = this.table(decision.budget, decision.year);
    if (t.size === 0) throw new EngineError(`WCF decision ${decision.id}: nobody is assessed in ${budget.name} for ${decision.year}`);
    const places = decimalPlaces(budget.roundingUnit);
    const rows = [...t].map(([code, v]) => ({ code, amount: this.format(v, places) }));
    s = new Map(wcfShares(decision, rows, budget).map((r) => [r.code, this.money(r.share)]));
    this.shares.set(decision.id, s);
    return s;
  }

  /** R15 the member's account on `asOf`, with items up to `horizon` (default: the year of `asOf`). */
  account(member: string, asOf: string, horizon = Number(asOf.slice(0, 4))): MemberAccount {
    const key = `${member}\u0000${asOf}\u0000${horizon}`;
    let acc = this.accounts.get(key);
    if (!acc) {
      acc = this.credit(member, asOf, horizon);
      this.accounts.set(key, acc);
    }
    return acc;
  }

  private items(member: string, horizon: number): LedgerItem[] {
    const items: LedgerItem[] = [];
    for (const b of this.budgetsOfMember(member)) {
      const first = this.firstYears.get(b.id);
      if (first !== undefined) {
        for (let y = first; y <= horizon; y++) {
          const a = this.assessed(b.id, member, y);
          if (a > 0n) items.push({ kind: 'contribution', budget: b.id, year: y, due: firstOfJanuary(y), assessed: a, credited: 0n, credits: [] });
        }
      }
      for (const d of this.wcfDecisions(b.id)) {
        const due = wcfDueDate(d);
        if (Number(due.slice(0, 4)) > horizon) continue;
        const a = this.wcfShares(d).get(member) ?? 0n;
        if (a > 0n) items.push({ kind: 'wcf', budget: b.id, year: d.year, decision: d.id, due, assessed: a, credited: 0n, credits: [] });
      }
    }
    const rank = (i: LedgerItem) => (i.kind === 'contribution' ? 0 : 1);
    items.sort((a, b) => (a.due !== b.due ? (a.due < b.due ? -1 : 1) : rank(a) - rank(b) || this.budgetOrder.get(a.budget)! - this.budgetOrder.get(b.budget)!));
    return items;
  }

  private credit(member: string, asOf: string, horizon: number): MemberAccount {
    const items = this.items(member, horizon);
    // R15 lanes in priority order; within a lane, items are in the order they fell due (oldest first).
    const lanes: Lane[] =
      this.creditingOrder === 'wcf-then-oldest'
        ? [lane(items.filter((i) => i.kind === 'wcf')), lane(items.filter((i) => i.kind === 'contribution'))]
        : [lane(items)];
    const currencyOf = new Map(this.workbook.budgets.map((b) => [b.id, b.currency]));
    const uses: PaymentUse[] = [];
    const pending: PaymentUse[] = [];

    const apply = (use: PaymentUse, clock: string, creditDate: string) => {
      const p = use.payment;
      for (const l of lanes) {
        while (l.start < l.items.length && l.items[l.start].credited === l.items[l.start].assessed) l.start++;
        for (let i = l.start; i < l.items.length && use.credited < use.amount; i++) {
          const it = l.items[i];
          if (it.due > clock) break;
          if (it.credited === it.assessed) continue;
          if (p.purpose !== undefined && p.purpose !== it.kind) continue;
          if (p.budget !== undefined && p.budget !== it.budget) continue;
          if (p.year !== undefined && p.year !== it.year) continue;
          if (currencyOf.get(it.budget) !== p.currency) continue;
          const left = use.amount - use.credited;
          const open = it.assessed - it.credited;
          const amount = left < open ? left : open;
          it.credited += amount;
          use.credited += amount;
          it.credits.push({ payment: p.id, date: creditDate > it.due ? creditDate : it.due, amount });
        }
      }
    };
    // Items fall due in batches (1 January); credit still held is applied to each batch as it falls due.
    const dues = [...new Set(items.map((i) => i.due))];
    let next = 0;
    const openUpTo = (date: string) => {
      while (next < dues.length && dues[next] <= date) {
        const clock = dues[next++];
        for (const u of pending) if (u.credited < u.amount) apply(u, clock, clock);
      }
    };
    for (const ip of this.paymentsOf.get(member) ?? []) {
      if (ip.payment.date > asOf) break;
      openUpTo(ip.payment.date);
      const use: PaymentUse = { payment: ip.payment, amount: ip.amount, credited: 0n };
      uses.push(use);
      apply(use, ip.payment.date, ip.payment.date);
      if (use.credited < use.amount) pending.push(use);
    }
    openUpTo(asOf);
    const unapplied = pending.reduce((s, u) => s + u.amount - u.credited, 0n);
    openUpTo(`${horizon}-12-31`);
    const unappliedAtHorizon = pending.reduce((s, u) => s + u.amount - u.credited, 0n);
    return { member, asOf, horizon, items, payments: uses, unapplied, unappliedAtHorizon };
  }
}

interface Lane {
  items: LedgerItem[];
  /** Every item before it is fully paid. */
  start: number;
}

const lane = (items: LedgerItem[]): Lane => ({ items, start: 0 });

/** R16 unpaid contributions of one budget for the years up to `lastYear`, from an account. */
export function unpaidUpTo(account: MemberAccount, budgetId: string, lastYear: number): bigint {
  let s = 0n;
  for (const it of account.items) if (it.kind === 'contribution' && it.budget === budgetId && it.year <= lastYear) s += it.assessed - it.credited;
  return s;
}
