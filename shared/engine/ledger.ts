import { firstOfJanuary, yearOf } from '../model/dates';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import type {
  Budget,
  BudgetMethod,
  CreditingOrder,
  Member,
  OpeningBalance,
  Participation,
  Payment,
  WcfDecision,
  Workbook,
} from '../model/types';
import { assessBudgetYear, budgetTerms, contributionAmounts, findBudget, type Assessee } from './assess';
import { Holdings, type SteadyHolding } from '../model/classes';
import { engineErrorOf } from '../model/errors';
import { accessionFraction, FULL_YEAR, type Fraction } from './membership';
import { PaymentIndex, RunningUnpaid } from './payment-index';
import { wcfDueDate, wcfShares } from './wcf';
import { budgetLevel, levelEntry } from './years';

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
  /** R17a what was still owed for a year before the data starts (its `assessed` is the unpaid amount). */
  opening?: true;
  /** R8 contributions fall due on 1 January; a WCF share when its decision says. */
  due: string;
  /** The budget's currency: only a payment in it can be credited to the item. */
  currency: string;
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

/** What a voting status needs of an account (R16–R18). */
export interface Settlement {
  /** The account behind it (R18 walks its open items in crediting order); its items carry no credit records. */
  account: MemberAccount;
  horizon: number;
  /** Still not credited once every item up to `horizon` fell due. */
  unappliedAtHorizon: bigint;
  /** R16 a budget's unpaid contributions as running totals by year. */
  unpaid(budgetId: string): UnpaidByYear;
}

export interface UnpaidByYear {
  /** Σ unpaid contributions of the years up to `year`. */
  upTo(year: number): bigint;
}

/** A budget-year's contributions by member position (0 = not assessed). */
type Table = bigint[];

/** What a table was computed from: equal inputs give equal amounts (R4–R7, R12 depend on nothing else). */
interface TableInputs {
  /** The first `count` entries of each array. */
  count: number;
  at: number[];
  units: string[];
  fractions: Fraction[];
  method: BudgetMethod;
  level: string;
  table: Table;
}

/** A member taking part in a budget, at its position in the workbook. */
interface PlanRow {
  at: number;
  member: Member;
  participation: Participation;
  /** Year of accession; -Infinity = from the beginning. */
  fromYear: number;
  /** The earlier of the participation's end and the member's withdrawal. */
  until: string | undefined;
  /** Asked for when the member is first assessed (undefined = not yet). */
  steady: SteadyHolding | null | undefined;
}

/**
 * Contribution tables, WCF shares and member accounts for one workbook. Each budget-year table and each WCF
 * decision is computed once and shared by every member (bench: 10,000 members × 30 years).
 */
export class Ledger {
  /** Decimal places of every bigint amount in this ledger. */
  readonly scale: number;
  /** 10^scale. */
  private readonly unit: bigint;
  readonly holdings: Holdings;
  readonly creditingOrder: CreditingOrder;
  /** Budget id → tables by year − first year. */
  private readonly tables = new Map<string, Table[]>();
  /** Budget id → the inputs of the table computed last, to reuse it for a year with the same ones. */
  private readonly lastInputs = new Map<string, TableInputs>();
  private readonly plans = new Map<string, PlanRow[]>();
  private spare: Pick<TableInputs, 'at' | 'units' | 'fractions'> = { at: [], units: [], fractions: [] };
  private readonly memberIndex = new Map<string, number>();
  private readonly shares = new Map<string, Map<string, bigint>>();
  /** Built when a member's payments are first asked for: a ledger read only for holdings (warnings) needs none. */
  private payIndex: PaymentIndex | undefined;
  private readonly budgetsOf = new Map<string, Budget[]>();
  private readonly budgetById = new Map<string, Budget>();
  private readonly budgetOrder = new Map<string, number>();
  private readonly placesOf = new Map<string, number>();
  private readonly firstYears = new Map<string, number>();
  private readonly wcfOf = new Map<string, WcfDecision[]>();
  /** R17a budget id → member → opening balances by year. */
  private readonly openings = new Map<string, Map<string, OpeningBalance[]>>();
  private readonly accounts = new Map<string, MemberAccount>();
  /** The same without credit records (`settle`). */
  private readonly bareAccounts = new Map<string, MemberAccount>();
  private accountsOf: string | undefined;
  /** R22 budget-years with a credit: the gross amounts beside the net ones owed (the R17 threshold may read them). */
  private readonly grossTables = new Map<string, Table>();

  constructor(readonly workbook: Workbook) {
    this.holdings = new Holdings(workbook);
    this.creditingOrder = workbook.settings.creditingOrder ?? 'wcf-then-oldest';
    workbook.members.forEach((m, i) => this.memberIndex.set(m.code, i));
    let scale = 0;
    for (const p of workbook.payments) {
      const dot = p.amount.indexOf('.');
      if (dot >= 0 && p.amount.length - dot - 1 > scale) scale = p.amount.length - dot - 1;
    }
    for (const b of workbook.budgets) scale = Math.max(scale, decimalPlaces(b.roundingUnit));
    // R17a opening balances keep the previous accounts' cents, whatever today's rounding unit.
    for (const o of workbook.openingBalances ?? [])
      scale = Math.max(scale, decimalPlaces(o.assessed), decimalPlaces(o.unpaid));
    this.scale = scale;
    this.unit = 10n ** BigInt(scale);
    workbook.budgets.forEach((b, i) => {
      this.budgetById.set(b.id, b);
      this.budgetOrder.set(b.id, i);
      this.placesOf.set(b.id, decimalPlaces(b.roundingUnit));
      const years = [...b.years.map((y) => y.year), ...(b.biennia ?? []).flatMap((x) => x.years)];
      if (years.length > 0) this.firstYears.set(b.id, Math.min(...years)); // R23 a biennium's years count too
    });
    for (const p of workbook.participations) {
      const b = this.budgetById.get(p.budget);
      if (!b) continue;
      const list = this.budgetsOf.get(p.member);
      if (list) list.push(b);
      else this.budgetsOf.set(p.member, [b]);
    }
    for (const list of this.budgetsOf.values())
      list.sort((a, b) => this.budgetOrder.get(a.id)! - this.budgetOrder.get(b.id)!);
    for (const o of workbook.openingBalances ?? []) {
      let byMember = this.openings.get(o.budget);
      if (!byMember) this.openings.set(o.budget, (byMember = new Map()));
      const list = byMember.get(o.member);
      if (list) list.push(o);
      else byMember.set(o.member, [o]);
    }
    for (const byMember of this.openings.values())
      for (const list of byMember.values()) list.sort((a, b) => a.year - b.year);
    for (const d of workbook.wcfDecisions) {
      const list = this.wcfOf.get(d.budget);
      if (list) list.push(d);
      else this.wcfOf.set(d.budget, [d]);
    }
  }

  private get pay(): PaymentIndex {
    return (this.payIndex ??= new PaymentIndex(
      this.workbook.payments,
      this.memberIndex,
      this.workbook.members.map((m) => m.code),
    ));
  }

  budget(id: string): Budget {
    return this.budgetById.get(id) ?? findBudget(this.workbook, id);
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
    // Whole amounts (most of them) skip the general parser: 300,000 payments in the bench.
    if (s.indexOf('.') < 0 && s.charCodeAt(0) !== 45) return this.scale === 0 ? BigInt(s) : BigInt(s) * this.unit;
    return toScaledBigInt(s, this.scale);
  }

  /** A bigint amount written with `places` decimals, or with the ledger's where it needs them (a payment's cents). */
  format(v: bigint, places: number): string {
    const drop = this.scale - places;
    if (drop === 0) return formatScaled(v, places);
    if (drop < 0) return formatScaled(v * 10n ** BigInt(-drop), places);
    const f = 10n ** BigInt(drop);
    if (v % f === 0n) return formatScaled(v / f, places);
    return formatScaled(v, this.scale);
  }

  /** Decimal places of a budget's rounding unit: the way its amounts are written. */
  places(budgetId: string): number {
    return this.placesOf.get(budgetId) ?? decimalPlaces(this.budget(budgetId).roundingUnit);
  }

  /** The budget's first year; contributions start there. */
  firstYear(budgetId: string): number | undefined {
    return this.firstYears.get(budgetId);
  }

  /** R4–R13 a budget-year's contributions by member code; empty when nobody is assessed or before the first year. */
  table(budgetId: string, year: number): Map<string, bigint> {
    const t = new Map<string, bigint>();
    const amounts = this.amounts(budgetId, year);
    if (amounts) this.workbook.members.forEach((m, i) => amounts[i] > 0n && t.set(m.code, amounts[i]));
    return t;
  }

  /**
   * What a member was assessed in a budget for a year (0 when it was not assessed: R17 "a year before accession
   * counts as 0"); before the first year of data, its opening balance's amount assessed (R17a).
   */
  assessed(budgetId: string, member: string, year: number): bigint {
    const i = this.memberIndex.get(member);
    if (i === undefined) return 0n;
    const t = this.amounts(budgetId, year);
    // R22 the threshold compares with the gross amounts unless the settings say net.
    const gross =
      this.workbook.settings.thresholdOn === 'net' || this.grossTables.size === 0
        ? undefined
        : this.grossTables.get(`${budgetId}\u0000${year}`);
    if (gross) return gross[i];
    if (t) return t[i];
    const o = this.openingBalance(budgetId, member, year);
    return o ? this.money(o.assessed) : 0n;
  }

  /** R17a a member's opening balances in a budget, by year. */
  openingBalances(budgetId: string, member: string): readonly OpeningBalance[] {
    return this.openings.get(budgetId)?.get(member) ?? [];
  }

  private openingBalance(budgetId: string, member: string, year: number): OpeningBalance | undefined {
    const list = this.openings.get(budgetId)?.get(member);
    return list?.find((o) => o.year === year);
  }

  /**
   * R17a the member took part in the budget before its first year of data and nothing says what it owed then:
   * it has no opening balance at all, or none for one of `years` (before the data) in which it took part.
   */
  incompleteHistory(budgetId: string, member: string, years: readonly number[]): boolean {
    const first = this.firstYears.get(budgetId);
    const p = this.holdings.participation(budgetId, member);
    if (first === undefined || !p) return false;
    const m = this.workbook.members[this.memberIndex.get(member) ?? -1];
    // No date of accession to the union: the member's date of joining the Organization. With neither, nothing
    // says it took part before the data, which then start its membership (as they start its assessments).
    const since = p.from ?? m?.joined;
    if (since === undefined) return false;
    const fromYear = yearOf(since);
    if (fromYear >= first) return false;
    const list = this.openings.get(budgetId)?.get(member);
    if (!list || list.length === 0) return true;
    return years.some((y) => y < first && y >= fromYear && !list.some((o) => o.year === y));
  }

  /**
   * A budget-year's contributions by member position, computed once (bench: 10,000 members × 30 years, where
   * looking each member up in 30 maps cost more than the arithmetic); undefined before the budget's first year.
   */
  private amounts(budgetId: string, year: number): Table | undefined {
    const first = this.firstYears.get(budgetId);
    const budget = this.budget(budgetId); // an unknown budget is an error, not an empty table
    if (first === undefined || year < first) return undefined;
    let byYear = this.tables.get(budgetId);
    if (!byYear) this.tables.set(budgetId, (byYear = []));
    const cached = byYear[year - first];
    if (cached) return cached;
    const table = this.computeTable(budget, year);
    byYear[year - first] = table;
    return table;
  }

  /** The members taking part in a budget, by position; what does not change from year to year is found once. */
  private plan(budget: Budget): PlanRow[] {
    let rows = this.plans.get(budget.id);
    if (rows) return rows;
    rows = [];
    const members = this.workbook.members;
    for (let at = 0; at < members.length; at++) {
      const m = members[at];
      const p = this.holdings.participation(budget.id, m.code);
      if (!p) continue;
      const until =
        p.until === undefined ? m.withdrew : m.withdrew === undefined || p.until < m.withdrew ? p.until : m.withdrew;
      rows.push({
        at,
        member: m,
        participation: p,
        fromYear: p.from === undefined ? -Infinity : yearOf(p.from),
        until,
        steady: undefined,
      });
    }
    this.plans.set(budget.id, rows);
    return rows;
  }

  /** R4–R13 as `assessees` and `computeContributions` do it, for the amounts only (the tests hold the two equal). */
  private computeTable(budget: Budget, year: number): Table {
    const special = this.scaleOrCreditTable(budget, year);
    if (special) return special;
    const members = this.workbook.members;
    const rule = this.workbook.settings.newMemberRule;
    const jan1 = dueOn(year);
    // Arrays of a year whose table was reused are filled again for the next (30 years × 10,000 members).
    const { at, units, fractions } = this.spare;
    let count = 0;
    for (const r of this.plan(budget)) {
      // R8 isAssessed: taking part on 1 January, or joining during the year.
      if (r.fromYear > year || (r.until !== undefined && r.until <= jan1)) continue;
      if (r.steady === undefined) r.steady = this.holdings.steadyOf(budget, r.member.code);
      const h =
        r.steady !== null && year >= r.steady.from
          ? r.steady.holding
          : this.holdings.holding(budget, r.member.code, year);
      at[count] = r.at;
      units[count] = h.units;
      // R12 only the year of accession can be a part of a year.
      fractions[count++] = r.fromYear === year ? accessionFraction(year, r.participation.from, rule) : FULL_YEAR;
    }
    const none = (): Table => new Array<bigint>(members.length).fill(0n);
    if (count === 0) return none();
    const lvl = budgetLevel(budget, year);
    const last = this.lastInputs.get(budget.id);
    if (last && sameInputs(last, count, at, units, fractions, lvl.method, lvl.amount)) return last.table;
    const out: Table = none();
    const list: Assessee[] = new Array<Assessee>(count);
    for (let k = 0; k < count; k++) {
      const m = members[at[k]];
      list[k] = { code: m.code, name: m.name, units: units[k] };
      if (fractions[k] !== FULL_YEAR) list[k].fraction = fractions[k];
    }
    const amounts = contributionAmounts(budgetTerms(budget), list, lvl.method, lvl.amount);
    const seen = new Map<string, bigint>(); // many members share an amount; parse each once
    for (let k = 0; k < count; k++) {
      let v = seen.get(amounts[k]);
      if (v === undefined) seen.set(amounts[k], (v = this.money(amounts[k])));
      out[at[k]] = v;
    }
    this.spare = last ?? { at: [], units: [], fractions: [] };
    this.lastInputs.set(budget.id, { count, at, units, fractions, method: lvl.method, level: lvl.amount, table: out });
    return out;
  }

  /**
   * R21/R22 a year whose rates are derived from a base scale or that carries a credit: the assessed table's net
   * amounts are owed (the gross kept for the threshold). Undefined for every other year, which keeps the fast path.
   */
  private scaleOrCreditTable(budget: Budget, year: number): Table | undefined {
    if (!budget.years.some((y) => y.scale !== undefined || y.credit !== undefined)) return undefined;
    const jan1 = dueOn(year);
    if (!this.plan(budget).some((r) => r.fromYear <= year && (r.until === undefined || r.until > jan1)))
      return undefined;
    const entry = levelEntry(budget, year);
    if (entry?.scale === undefined && entry?.credit === undefined) return undefined;
    const table = assessBudgetYear(this.workbook, budget.id, year, this.holdings);
    const owed: Table = new Array<bigint>(this.workbook.members.length).fill(0n);
    const gross: Table = new Array<bigint>(this.workbook.members.length).fill(0n);
    for (const row of table.rows) {
      const at = this.memberIndex.get(row.code)!;
      owed[at] = this.money(row.net ?? row.amount);
      gross[at] = this.money(row.amount);
    }
    if (table.credit) this.grossTables.set(`${budget.id}\u0000${year}`, gross);
    return owed;
  }

  /** R19 each member's share of a WCF decision. */
  wcfShares(decision: WcfDecision): Map<string, bigint> {
    let s = this.shares.get(decision.id);
    if (s) return s;
    const budget = this.budget(decision.budget);
    const t = this.table(decision.budget, decision.year);
    if (t.size === 0)
      throw engineErrorOf('engine.wcf.nobodyAssessed', {
        id: decision.id,
        budget: budget.name,
        year: String(decision.year),
      });
    const places = decimalPlaces(budget.roundingUnit);
    const rows = [...t].map(([code, v]) => ({ code, amount: this.format(v, places) }));
    s = new Map(wcfShares(decision, rows, budget).map((r) => [r.code, this.money(r.share)]));
    this.shares.set(decision.id, s);
    return s;
  }

  /** R15 the member's account on `asOf`, with items up to `horizon` (default: the year of `asOf`). */
  account(member: string, asOf: string, horizon = Number(asOf.slice(0, 4))): MemberAccount {
    return this.cachedAccount(member, asOf, horizon, true);
  }

  /**
   * R15–R16 what a status needs of the member's account on `asOf` up to `horizon` (the account is cached). Its items
   * carry no credit records: a status reads only how much is credited (bench: 300,000 records for nothing).
   */
  settle(member: string, asOf: string, horizon: number): Settlement {
    return new AccountSettlement(this.cachedAccount(member, asOf, horizon, false));
  }

  private cachedAccount(member: string, asOf: string, horizon: number, records: boolean): MemberAccount {
    // Only the last member's accounts are kept: reports go member by member, and keeping 10,000 accounts alive
    // made the garbage collector's work grow faster than the member count.
    if (member !== this.accountsOf) {
      this.accounts.clear();
      this.bareAccounts.clear();
      this.accountsOf = member;
    }
    const key = `${asOf}\u0000${horizon}`;
    let acc = this.accounts.get(key) ?? (records ? undefined : this.bareAccounts.get(key));
    if (!acc) {
      acc = this.credit(member, asOf, horizon, records);
      (records ? this.accounts : this.bareAccounts).set(key, acc);
    }
    return acc;
  }

  private items(member: string, horizon: number): LedgerItem[] {
    const items: LedgerItem[] = [];
    const at = this.memberIndex.get(member);
    for (const b of this.budgetsOfMember(member)) {
      for (const o of this.openingBalances(b.id, member)) {
        const a = this.money(o.unpaid);
        if (a > 0n && o.year <= horizon)
          items.push({
            kind: 'contribution',
            budget: b.id,
            year: o.year,
            due: dueOn(o.year),
            currency: b.currency,
            assessed: a,
            credited: 0n,
            credits: NO_CREDITS,
            opening: true,
          });
      }
      const first = this.firstYears.get(b.id);
      if (first !== undefined && at !== undefined) {
        const byYear = this.tables.get(b.id);
        for (let y = first; y <= horizon; y++) {
          const a = (byYear?.[y - first] ?? this.amounts(b.id, y)!)[at];
          if (a > 0n)
            items.push({
              kind: 'contribution',
              budget: b.id,
              year: y,
              due: dueOn(y),
              currency: b.currency,
              assessed: a,
              credited: 0n,
              credits: NO_CREDITS,
            });
        }
      }
      for (const d of this.wcfDecisions(b.id)) {
        const due = wcfDueDate(d);
        if (Number(due.slice(0, 4)) > horizon) continue;
        const a = this.wcfShares(d).get(member) ?? 0n;
        if (a > 0n)
          items.push({
            kind: 'wcf',
            budget: b.id,
            year: d.year,
            decision: d.id,
            due,
            currency: b.currency,
            assessed: a,
            credited: 0n,
            credits: NO_CREDITS,
          });
      }
    }
    if (this.budgetsOfMember(member).length > 1 || this.wcfOf.size > 0) {
      const rank = (i: LedgerItem) => (i.kind === 'contribution' ? 0 : 1);
      items.sort((a, b) =>
        a.due !== b.due
          ? a.due < b.due
            ? -1
            : 1
          : rank(a) - rank(b) || this.budgetOrder.get(a.budget)! - this.budgetOrder.get(b.budget)!,
      );
    }
    return items;
  }

  /** The member's payments (indexes) in the order they were made; the workbook order breaks ties (stable sort). */
  private paymentsInOrder(member: string): ArrayLike<number> & Iterable<number> {
    return this.pay.of(this.memberIndex.get(member), member, this.parsePayment);
  }

  private readonly parsePayment = (k: number): bigint => this.money(this.workbook.payments[k].amount);

  /** R15 credits the member's payments to its items; `records` keeps which payment went where (statements). */
  private credit(member: string, asOf: string, horizon: number, records: boolean): MemberAccount {
    const items = this.items(member, horizon);
    // R15 lanes in priority order; within a lane, items are in the order they fell due (oldest first).
    const lanes: Lane[] =
      this.creditingOrder === 'wcf-then-oldest' && items.some((i) => i.kind === 'wcf')
        ? [lane(items.filter((i) => i.kind === 'wcf')), lane(items.filter((i) => i.kind === 'contribution'))]
        : [lane(items)];
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
          if (it.currency !== p.currency) continue;
          const left = use.amount - use.credited;
          const open = it.assessed - it.credited;
          const amount = left < open ? left : open;
          it.credited += amount;
          use.credited += amount;
          if (!records) continue;
          const credit = { payment: p.id, date: creditDate > it.due ? creditDate : it.due, amount };
          if (it.credits === NO_CREDITS) it.credits = [credit];
          else it.credits.push(credit);
        }
      }
    };
    // Items fall due in batches (1 January); credit still held is applied to each batch as it falls due.
    const dues: string[] = [];
    for (const it of items) if (dues.length === 0 || dues[dues.length - 1] !== it.due) dues.push(it.due);
    let next = 0;
    const openUpTo = (date: string) => {
      while (next < dues.length && dues[next] <= date) {
        const clock = dues[next++];
        for (const u of pending) if (u.credited < u.amount) apply(u, clock, clock);
      }
    };
    const payments = this.workbook.payments;
    for (const k of this.paymentsInOrder(member)) {
      const payment = payments[k];
      if (payment.date > asOf) break;
      openUpTo(payment.date);
      const use: PaymentUse = { payment, amount: this.pay.amount(k), credited: 0n };
      uses.push(use);
      apply(use, payment.date, payment.date);
      if (use.credited < use.amount) pending.push(use);
    }
    openUpTo(asOf);
    const unapplied = pending.reduce((s, u) => s + u.amount - u.credited, 0n);
    openUpTo(endOf(horizon));
    const unappliedAtHorizon = pending.reduce((s, u) => s + u.amount - u.credited, 0n);
    return { member, asOf, horizon, items, payments: uses, unapplied, unappliedAtHorizon };
  }
}

function sameInputs(
  a: TableInputs,
  count: number,
  at: number[],
  units: string[],
  fractions: Fraction[],
  method: BudgetMethod,
  level: string,
): boolean {
  if (a.method !== method || a.level !== level || a.count !== count) return false;
  for (let k = 0; k < count; k++) {
    if (a.at[k] !== at[k] || a.units[k] !== units[k]) return false;
    const f = a.fractions[k];
    const g = fractions[k];
    if (f !== g && (f.num !== g.num || f.den !== g.den)) return false;
  }
  return true;
}

/** The general path's settlement: an account with its credit records. */
class AccountSettlement implements Settlement {
  readonly horizon: number;
  readonly unappliedAtHorizon: bigint;
  readonly account: MemberAccount;
  constructor(private readonly acc: MemberAccount) {
    this.account = acc;
    this.horizon = acc.horizon;
    this.unappliedAtHorizon = acc.unappliedAtHorizon;
  }

  unpaid(budgetId: string): UnpaidByYear {
    const cum: bigint[] = [];
    let first = 0;
    let total = 0n;
    for (const it of this.acc.items) {
      if (it.kind !== 'contribution' || it.budget !== budgetId) continue;
      if (cum.length === 0) first = it.year;
      while (first + cum.length < it.year) cum.push(total);
      total += it.assessed - it.credited;
      cum.push(total);
    }
    return new RunningUnpaid(first, cum);
  }
}

const ENDS = new Map<number, string>();

/** 31 December of a year (one string per year). */
function endOf(year: number): string {
  let d = ENDS.get(year);
  if (d === undefined) ENDS.set(year, (d = `${year}-12-31`));
  return d;
}

/** Shared by every item until its first credit, so 330,000 uncredited items allocate no list. */
const NO_CREDITS: Credit[] = Object.freeze([]) as unknown as Credit[];
const DUE = new Map<number, string>();

/** R8 1 January of a year, the day its contributions fall due (one string per year). */
function dueOn(year: number): string {
  let d = DUE.get(year);
  if (d === undefined) DUE.set(year, (d = firstOfJanuary(year)));
  return d;
}

interface Lane {
  items: LedgerItem[];
  /** Every item before it is fully paid. */
  start: number;
}

const lane = (items: LedgerItem[]): Lane => ({ items, start: 0 });

/** One line of a member's statement: what was assessed, what was credited to it and from which payment. */
export interface StatementLine {
  kind: ItemKind;
  budget: string;
  year: number;
  decision?: string;
  /** R17a an opening balance: `assessed` is what was still unpaid when the data start. */
  opening?: true;
  due: string;
  assessed: string;
  credited: string;
  unpaid: string;
  credits: { payment: string; date: string; amount: string }[];
}

/**
 * R15 a member's statement on a date: each contribution and WCF share due by then (of one budget, or all), what
 * was credited to it and from which payment, and what remains unpaid; plus credit not yet applied.
 */
export function memberStatement(
  ledger: Ledger,
  member: string,
  date: string,
  budgetId?: string,
): { lines: StatementLine[]; unapplied: string } {
  const acc = ledger.account(member, date);
  const lines: StatementLine[] = [];
  for (const it of acc.items) {
    if (it.due > date || (budgetId !== undefined && it.budget !== budgetId)) continue;
    const places = ledger.places(it.budget);
    const line: StatementLine = {
      kind: it.kind,
      budget: it.budget,
      year: it.year,
      due: it.due,
      assessed: ledger.format(it.assessed, places),
      credited: ledger.format(it.credited, places),
      unpaid: ledger.format(it.assessed - it.credited, places),
      credits: it.credits.map((c) => ({ payment: c.payment, date: c.date, amount: ledger.format(c.amount, places) })),
    };
    if (it.decision !== undefined) line.decision = it.decision;
    if (it.opening) line.opening = true;
    lines.push(line);
  }
  return { lines, unapplied: ledger.format(acc.unapplied, 0) };
}

/** R16 unpaid contributions of one budget for the years up to `lastYear`, from an account. */
export function unpaidUpTo(account: MemberAccount, budgetId: string, lastYear: number): bigint {
  let s = 0n;
  for (const it of account.items)
    if (it.kind === 'contribution' && it.budget === budgetId && it.year <= lastYear) s += it.assessed - it.credited;
  return s;
}
