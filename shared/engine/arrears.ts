import { firstOfJanuary, yearOf } from '../model/dates';
import type { Budget, VotingDecision, VotingTest } from '../model/types';
import { Ledger, type LedgerItem, type MemberAccount } from './ledger';

export type VotingStatus = 'ok' | 'in arrears' | 'no vote' | 'vote kept by decision';

/** Worst first, for the organization-wide view (Art. 11(5)). */
const SEVERITY: Record<VotingStatus, number> = { ok: 0, 'in arrears': 1, 'vote kept by decision': 2, 'no vote': 3 };

export interface DecisionRef {
  id: string;
  body: string;
  date: string;
  reference: string;
  from: string;
  to?: string;
}

/** R16–R18 one member in one budget on a date. Amounts are decimal strings in the budget's rounding unit. */
export interface BudgetStatus {
  budget: string;
  currency: string;
  /** R16 unpaid contributions for the years before the date's year. */
  arrears: string;
  /** R17 gross contributions assessed for the two preceding full years. */
  threshold: string;
  /** The date's own year, still unpaid: due, not in arrears (R16). */
  dueThisYear: string;
  status: VotingStatus;
  /** R18 one payment marked for this budget, credited as R15 says (its WCF share first), that regains the vote. */
  minimumPayment: string;
  /** 1 January on which the vote is lost if nothing more is paid; null when already lost or never. */
  losesVoteOn: string | null;
  /** R18 on `losesVoteOn`: one payment marked for this budget, made today and credited as R15 says, keeps the vote that day. */
  paymentToKeep: string | null;
  /** R17 the decision under which the member keeps its vote. */
  decision?: DecisionRef;
  /** R17a it took part before the data start and no opening balance says what it owed then. */
  incompleteHistory?: true;
}

export interface StatusRow {
  code: string;
  name: string;
  /** The budget id, or 'all' for the organization-wide view. */
  budget: string;
  /** Null in the organization-wide view when the member's budgets are in different currencies. */
  currency: string | null;
  arrears: string | null;
  threshold: string | null;
  status: VotingStatus;
  /** R18 one budget: a payment marked for it; organization-wide or combined: one payment marked for no budget. */
  minimumPayment: string | null;
  losesVoteOn: string | null;
  /** What to pay today to keep the vote on `losesVoteOn` (organization-wide: one payment for every budget lost then). */
  paymentToKeep: string | null;
  /** R17a in some budget it took part before the data start and no opening balance says what it owed then. */
  incompleteHistory?: true;
  /** The member withdrew: it keeps its unpaid arrears. */
  withdrew?: string;
  decision?: DecisionRef;
  /** Organization-wide view: the status in each budget. */
  budgets?: BudgetStatus[];
}

export interface StatusReport {
  date: string;
  /** Null = organization-wide (Art. 11(5)). */
  budget: string | null;
  budgetName: string | null;
  rows: StatusRow[];
  counts: Record<VotingStatus, number>;
  /** R17b 'combined': each row's status, minimum and loss date are the member's over all its budgets. */
  votingTest?: VotingTest;
}

/** How far ahead, at most, the date the vote would be lost is looked for. */
const MAX_LOOKAHEAD = 60;

const NONE: readonly VotingDecision[] = Object.freeze([]);

/** Voting decisions by member, for quick lookup. */
class Decisions {
  private readonly byMember = new Map<string, VotingDecision[]>();
  constructor(list: readonly VotingDecision[]) {
    for (const d of list) {
      const l = this.byMember.get(d.member);
      if (l) l.push(d);
      else this.byMember.set(d.member, [d]);
    }
  }
  /** R17 decisions known on `asOf` for this member and budget (no budget = every budget). */
  known(member: string, budget: string, asOf: string): readonly VotingDecision[] {
    const list = this.byMember.get(member);
    if (list === undefined) return NONE; // most members: no array per call (bench: 10,000 members)
    return list.filter((d) => d.date <= asOf && (d.budget === undefined || d.budget === budget));
  }
}

interface RawStatus {
  /** The budget tested (per budget), or the first of the member's budgets (combined, R17b). */
  budget: Budget;
  /** Every budget in the test: one, or all of the member's (R17b combined). */
  budgets: Budget[];
  arrears: bigint;
  threshold: bigint;
  dueThisYear: bigint;
  status: VotingStatus;
  minimum: bigint;
  losesVoteOn: string | null;
  toKeep: bigint | null;
  /** R16/R17 on `losesVoteOn`: the arrears and threshold that day if nothing more is paid. */
  lossArrears: bigint;
  lossThreshold: bigint;
  /** The account the figures were read from (its horizon covers `losesVoteOn`). */
  account: MemberAccount;
  incomplete: boolean;
  decision?: VotingDecision;
}

/**
 * R18 the least amount that, credited to contributions counted in the arrears, brings them below the threshold
 * (one unit of the ledger's scale above `arrears − threshold`), or all the arrears (R17: no arrears, no loss).
 */
function needed(arrears: bigint, threshold: bigint): bigint {
  if (arrears <= 0n || arrears < threshold) return 0n;
  const n = arrears - threshold + 1n;
  return n < arrears ? n : arrears;
}

/** The smallest rounding unit among budgets, at the ledger's scale. */
function finestUnit(l: Ledger, budgets: readonly Budget[]): bigint {
  let unit = l.money(budgets[0].roundingUnit);
  for (const b of budgets) if (l.money(b.roundingUnit) < unit) unit = l.money(b.roundingUnit);
  return unit;
}

/**
 * R18 the figure shown: the exact least payment rounded up to the rounding unit, so that it restores the vote and
 * one rounding unit less does not (amounts with cents below the unit included).
 */
function upToUnit(v: bigint, unit: bigint): bigint {
  return ((v + unit - 1n) / unit) * unit;
}

/**
 * R15 the open items a payment made on `date` would be credited to, in order, up to `until`: what is due on
 * `date` lane by lane (the WCF first, then contributions oldest first, or all oldest first), then each later batch as
 * it falls due, as the ledger credits a payment's remainder. `fits` says which items the payment may go to.
 */
function creditSequence(
  ledger: Ledger,
  acc: MemberAccount,
  date: string,
  until: string,
  fits: (it: LedgerItem) => boolean,
): LedgerItem[] {
  const wcfFirst = ledger.creditingOrder === 'wcf-then-oldest' && acc.items.some((i) => i.kind === 'wcf');
  const lanes = wcfFirst
    ? [acc.items.filter((i) => i.kind === 'wcf'), acc.items.filter((i) => i.kind === 'contribution')]
    : [acc.items];
  const out: LedgerItem[] = [];
  for (const l of lanes) for (const it of l) if (it.due <= date && it.credited < it.assessed && fits(it)) out.push(it);
  const later = [...new Set(acc.items.filter((it) => it.due > date && it.due <= until).map((it) => it.due))].sort();
  for (const due of later)
    for (const l of lanes)
      for (const it of l) if (it.due === due && it.credited < it.assessed && fits(it)) out.push(it);
  return out;
}

/**
 * R18 the smallest payment credited to reach `need` on the items `counts` puts under one key: with no open WCF share
 * due by `until` for this payment, contributions are credited oldest first and the counted ones come first, so it
 * is `need` itself (most members: no sequence is built).
 */
function smallestPaymentFor(
  ledger: Ledger,
  acc: MemberAccount,
  date: string,
  until: string,
  fits: (it: LedgerItem) => boolean,
  need: bigint,
  counts: (it: LedgerItem) => string | undefined,
): bigint {
  if (need === 0n) return 0n;
  let wcfOpen = false;
  for (const it of acc.items)
    if (it.kind === 'wcf' && it.due <= until && it.credited < it.assessed && fits(it)) wcfOpen = true;
  if (!wcfOpen) return need;
  return smallestPayment(creditSequence(ledger, acc, date, until, fits), new Map([['arrears', need]]), counts);
}

/**
 * R18 the smallest payment which, credited along `sequence`, credits at least `need[k]` to the items `counts` puts
 * under key k, for every k: everything before the last item it needs is paid in full, as R15 credits it.
 */
function smallestPayment(
  sequence: readonly LedgerItem[],
  need: Map<string, bigint>,
  counts: (it: LedgerItem) => string | undefined,
): bigint {
  let left = 0;
  for (const n of need.values()) if (n > 0n) left++;
  let pay = 0n;
  for (const it of sequence) {
    if (left === 0) break;
    const open = it.assessed - it.credited;
    const k = counts(it);
    const n = k === undefined ? 0n : (need.get(k) ?? 0n);
    if (n > 0n) {
      need.set(k!, n - open);
      if (n <= open) {
        left--;
        if (left === 0) return pay + n;
      }
    }
    pay += open;
  }
  return pay;
}

/**
 * R18 true when every open item a payment may go to, due by `until`, is a contribution of budget `id`: then R15
 * credits them oldest first, the years counted in the arrears (due before the year of `until`) before any other,
 * and the smallest payment is the need itself (most members: no sequence is built).
 */
function onlyContributionsOf(
  acc: MemberAccount,
  id: string,
  until: string,
  fits: (it: LedgerItem) => boolean,
): boolean {
  for (const it of acc.items)
    if (it.due <= until && it.credited < it.assessed && fits(it) && (it.kind !== 'contribution' || it.budget !== id))
      return false;
  return true;
}

const covers = (d: VotingDecision, date: string) => d.from <= date && (d.to === undefined || date <= d.to);

function decisionRef(d: VotingDecision): DecisionRef {
  const r: DecisionRef = { id: d.id, body: d.body, date: d.date, reference: d.reference, from: d.from };
  if (d.to !== undefined) r.to = d.to;
  return r;
}

function nextDay(date: string): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

/** Computes statuses from one ledger; reuse it for many members and dates. */
export class VotingStatusBook {
  readonly ledger: Ledger;
  private readonly decisions: Decisions;

  constructor(ledgerOrWorkbook: Ledger | Ledger['workbook']) {
    this.ledger = ledgerOrWorkbook instanceof Ledger ? ledgerOrWorkbook : new Ledger(ledgerOrWorkbook);
    this.decisions = new Decisions(this.ledger.workbook.votingDecisions);
  }

  /** R16–R18 a member's status in one budget on `date`. */
  budgetStatus(member: string, budget: Budget, date: string): BudgetStatus {
    return this.formatted(this.compute(member, budget, date));
  }

  private formatted(r: RawStatus): BudgetStatus {
    const l = this.ledger;
    const places = l.places(r.budget.id);
    const s: BudgetStatus = {
      budget: r.budget.id,
      currency: r.budget.currency,
      arrears: l.format(r.arrears, places),
      threshold: l.format(r.threshold, places),
      dueThisYear: l.format(r.dueThisYear, places),
      status: r.status,
      minimumPayment: l.format(r.minimum, places),
      losesVoteOn: r.losesVoteOn,
      paymentToKeep: r.toKeep === null ? null : l.format(r.toKeep, places),
    };
    if (r.decision) s.decision = decisionRef(r.decision);
    if (r.incomplete) s.incompleteHistory = true;
    return s;
  }

  private compute(member: string, budget: Budget, date: string): RawStatus {
    return this.evaluate(member, [budget], date, this.decisions.known(member, budget.id, date));
  }

  /** R17b the combined test: the member's arrears over all its budgets (one currency) against their thresholds. */
  private computeCombined(member: string, budgets: Budget[], date: string): RawStatus {
    const ids = new Set(budgets.map((b) => b.id));
    const known = budgets.flatMap((b) => this.decisions.known(member, b.id, date));
    return this.evaluate(
      member,
      budgets,
      date,
      [...new Set(known)].filter((d) => d.budget === undefined || ids.has(d.budget)),
    );
  }

  /**
   * R16–R18 for one budget (the payment is marked for it) or several tested together (R17b; the payment is marked
   * for none): arrears and threshold are summed over `budgets`.
   */
  private evaluate(member: string, budgets: Budget[], date: string, known: readonly VotingDecision[]): RawStatus {
    const l = this.ledger;
    const budget = budgets[0];
    const y = yearOf(date);
    // Items up to y + 2 settle every 1 January up to y + 3 (by then three years are unpaid against two); look
    // further to pass the end of a decision known today.
    let horizon = y + 2;
    for (const d of known) if (d.to !== undefined) horizon = Math.max(horizon, yearOf(d.to));
    horizon = Math.min(horizon, y + MAX_LOOKAHEAD);
    // The ledger's settlement: an account reduced to what a status needs (R15 crediting, R16 running totals).
    let acc = l.settle(member, date, horizon);
    let unpaid = budgets.map((b) => acc.unpaid(b.id));
    const arrearsBefore = (ty: number) => unpaid.reduce((t, u) => t + u.upTo(ty - 1), 0n);
    const thresholdOn = (ty: number) => budgets.reduce((t, b) => t + this.threshold(b.id, member, ty), 0n);

    const arrears = arrearsBefore(y);
    const threshold = thresholdOn(y);
    const dueThisYear = arrearsBefore(y + 1) - arrears;
    const noVote = arrears > 0n && arrears >= threshold; // R17
    const decision = noVote ? known.find((d) => covers(d, date)) : undefined;
    const status: VotingStatus =
      arrears === 0n ? 'ok' : !noVote ? 'in arrears' : decision ? 'vote kept by decision' : 'no vote';
    const unit = finestUnit(l, budgets);
    const ids = new Set(budgets.map((b) => b.id));
    // R18 the payment: marked for the budget tested alone; in the combined test, marked for none (its currency).
    const fits =
      budgets.length === 1
        ? (it: LedgerItem) => it.budget === budget.id
        : (it: LedgerItem) => it.currency === budget.currency;
    const counts = (ty: number) => (it: LedgerItem) =>
      it.kind === 'contribution' && ids.has(it.budget) && it.year <= ty - 1 ? 'arrears' : undefined;
    const minimum = noVote
      ? upToUnit(smallestPaymentFor(l, acc.account, date, date, fits, needed(arrears, threshold), counts(y)), unit)
      : 0n;

    let losesVoteOn: string | null = null;
    let toKeep: bigint | null = null;
    let lossArrears = 0n;
    let lossThreshold = 0n;
    if (status !== 'no vote') {
      for (let left = -1n; ;) {
        losesVoteOn = this.lossDate(arrearsBefore, thresholdOn, acc.horizon, date, known);
        // Credit paid ahead can postpone the loss beyond the horizon: look further while it is being used up
        // (credit that can never be applied, e.g. marked for a past year, does not postpone anything).
        if (
          losesVoteOn !== null ||
          acc.unappliedAtHorizon === 0n ||
          acc.unappliedAtHorizon === left ||
          acc.horizon >= y + MAX_LOOKAHEAD
        )
          break;
        left = acc.unappliedAtHorizon;
        acc = l.settle(member, date, Math.min(acc.horizon + 10, y + MAX_LOOKAHEAD));
        unpaid = budgets.map((b) => acc.unpaid(b.id));
      }
      if (losesVoteOn !== null) {
        // R18 as of that day, for a payment made today and credited as R15 says.
        const ty = yearOf(losesVoteOn);
        lossArrears = arrearsBefore(ty);
        lossThreshold = thresholdOn(ty);
        toKeep = upToUnit(
          smallestPaymentFor(l, acc.account, date, losesVoteOn, fits, needed(lossArrears, lossThreshold), counts(ty)),
          unit,
        );
      }
    }
    const incomplete = budgets.some((b) => l.incompleteHistory(b.id, member, [y - 1, y - 2]));
    return {
      budget,
      budgets,
      arrears,
      threshold,
      dueThisYear,
      status,
      minimum,
      losesVoteOn,
      toKeep,
      lossArrears,
      lossThreshold,
      account: acc.account,
      incomplete,
      decision,
    };
  }

  /** R17 gross amounts assessed for the two preceding full calendar years. */
  threshold(budgetId: string, member: string, year: number): bigint {
    return this.ledger.assessed(budgetId, member, year - 1) + this.ledger.assessed(budgetId, member, year - 2);
  }

  /**
   * The first day after `date` on which the member has no vote if it pays nothing more: arrears only grow on
   * 1 January, and a decision that keeps the vote ends the day after its last day. Items up to `horizon` settle
   * every day up to 1 January of the year after it.
   */
  private lossDate(
    arrearsBefore: (ty: number) => bigint,
    thresholdOn: (ty: number) => bigint,
    horizon: number,
    date: string,
    known: readonly VotingDecision[],
  ): string | null {
    const y = yearOf(date);
    const candidates: string[] = [];
    for (let t = y + 1; t <= horizon + 1; t++) candidates.push(firstOfJanuary(t));
    for (const d of known) if (d.to !== undefined && d.to >= date) candidates.push(nextDay(d.to));
    if (known.length > 0) candidates.sort();
    for (const t of candidates) {
      const ty = yearOf(t);
      if (t <= date || ty > horizon + 1) continue;
      const arrears = arrearsBefore(ty);
      if (arrears > 0n && arrears >= thresholdOn(ty) && !known.some((d) => covers(d, t))) return t;
    }
    return null;
  }

  /** R17b the workbook's test: per budget (default), or combined over each member's budgets. */
  get votingTest(): VotingTest {
    return this.ledger.workbook.settings.votingTest ?? 'per-budget';
  }

  /**
   * R16–R18 one row per member taking part in the budget on `date`, in workbook order. Under the combined test
   * (R17b) a member's status is not a budget's: each row is the member's, over all its budgets.
   */
  budgetReport(budgetId: string, date: string): StatusReport {
    const budget = this.ledger.budget(budgetId);
    const combined = this.votingTest === 'combined';
    const rows: StatusRow[] = [];
    for (const m of this.ledger.workbook.members) {
      const p = this.ledger.holdings.participation(budgetId, m.code);
      if (!p || (p.from !== undefined && p.from > date)) continue;
      if (combined) {
        const row = this.memberRow(m, date);
        if (row) rows.push(row);
        continue;
      }
      const raw = this.compute(m.code, budget, date);
      const s = this.formatted(raw);
      const row: StatusRow = {
        code: m.code,
        name: m.name,
        budget: budgetId,
        currency: s.currency,
        arrears: s.arrears,
        threshold: s.threshold,
        status: s.status,
        minimumPayment: s.minimumPayment,
        losesVoteOn: s.losesVoteOn,
        paymentToKeep: s.paymentToKeep,
      };
      const withdrew = withdrawal(m.withdrew, p.until, date);
      if (withdrew) row.withdrew = withdrew;
      if (s.decision) row.decision = s.decision;
      if (raw.incomplete) row.incompleteHistory = true;
      rows.push(row);
    }
    const report: StatusReport = { date, budget: budgetId, budgetName: budget.name, rows, counts: count(rows) };
    if (combined) report.votingTest = 'combined';
    return report;
  }

  /**
   * Art. 11(5): a member with no vote in the Conference budget or in any Union has no vote in every body.
   * Arrears and threshold are summed over its budgets when they share a currency.
   */
  organizationReport(date: string): StatusReport {
    const rows: StatusRow[] = [];
    for (const m of this.ledger.workbook.members) {
      const row = this.memberRow(m, date);
      if (row) rows.push(row);
    }
    const report: StatusReport = { date, budget: null, budgetName: null, rows, counts: count(rows) };
    if (this.votingTest === 'combined') report.votingTest = 'combined';
    return report;
  }

  /**
   * Art. 11(5) one member's organization-wide row (undefined when it takes part in no budget on `date`). Its
   * minimum payment and "to keep it" are one payment marked for no budget, credited as R15 says (R18).
   */
  memberRow(m: { code: string; name: string; withdrew?: string }, date: string): StatusRow | undefined {
    const l = this.ledger;
    const budgets = l.budgetsOfMember(m.code).filter((b) => {
      const p = l.holdings.participation(b.id, m.code)!;
      return p.from === undefined || p.from <= date;
    });
    if (budgets.length === 0) return undefined;
    const currency = budgets[0].currency;
    const one = budgets.every((b) => b.currency === currency);
    let places = 0;
    for (const b of budgets) places = Math.max(places, l.places(b.id));
    const money = (v: bigint | null) => (v === null ? null : l.format(v, places));
    const withdrew = m.withdrew !== undefined && m.withdrew <= date ? m.withdrew : undefined;

    if (this.votingTest === 'combined' && one) {
      // R17b one test over all the member's budgets: no breakdown by budget, whose statuses would not apply.
      const r = this.computeCombined(m.code, budgets, date);
      const row: StatusRow = {
        code: m.code,
        name: m.name,
        budget: 'all',
        currency,
        arrears: money(r.arrears),
        threshold: money(r.threshold),
        status: r.status,
        minimumPayment: money(r.minimum),
        losesVoteOn: r.losesVoteOn,
        paymentToKeep: money(r.toKeep),
      };
      if (withdrew) row.withdrew = withdrew;
      if (r.decision) row.decision = decisionRef(r.decision);
      if (r.incomplete) row.incompleteHistory = true;
      return row;
    }

    const raw = budgets.map((b) => this.compute(m.code, b, date));
    const worst = raw.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a));
    const sum = (pick: (r: RawStatus) => bigint) =>
      one
        ? l.format(
            raw.reduce((t, r) => t + pick(r), 0n),
            places,
          )
        : null;
    let loss: string | null = null;
    for (const r of raw) if (r.losesVoteOn !== null && (loss === null || r.losesVoteOn < loss)) loss = r.losesVoteOn;
    // R18 one payment marked for no budget goes where R15 sends it: read it off the account that reaches furthest.
    const account = raw.reduce((a, r) => (r.account.horizon > a.horizon ? r.account : a), raw[0].account);
    const fits = (it: LedgerItem) => it.currency === currency;
    const arrearsOf = (ty: number) => (it: LedgerItem) =>
      it.kind === 'contribution' && it.year <= ty - 1 ? it.budget : undefined;
    // Rounded up to the finest unit of the member's budgets: one of them less misses the vote in some budget.
    const unit = finestUnit(l, budgets);
    let minimum: bigint | null = null;
    let toKeep: bigint | null = null;
    // The smallest payment for these needs by budget, credited as R15 says up to `until`.
    const payment = (until: string, needs: Map<string, bigint>): bigint => {
      if (needs.size === 1) {
        const [[id, need]] = needs;
        if (onlyContributionsOf(account, id, until, fits)) return need;
      }
      return smallestPayment(creditSequence(l, account, date, until, fits), needs, arrearsOf(yearOf(until)));
    };
    if (one) {
      const lost = raw.filter((r) => r.arrears > 0n && r.arrears >= r.threshold);
      const needs = new Map(lost.map((r) => [r.budget.id, needed(r.arrears, r.threshold)]));
      minimum = needs.size === 0 ? 0n : upToUnit(payment(date, needs), unit);
      if (worst.status !== 'no vote' && loss !== null) {
        const day = loss;
        const keepNeeds = new Map(
          raw.filter((r) => r.losesVoteOn === day).map((r) => [r.budget.id, needed(r.lossArrears, r.lossThreshold)]),
        );
        toKeep = upToUnit(payment(day, keepNeeds), unit);
      }
    }
    const row: StatusRow = {
      code: m.code,
      name: m.name,
      budget: 'all',
      currency: one ? currency : null,
      arrears: sum((r) => r.arrears),
      threshold: sum((r) => r.threshold),
      status: worst.status,
      minimumPayment: money(minimum),
      losesVoteOn: worst.status === 'no vote' ? null : loss,
      paymentToKeep: money(toKeep),
      budgets: raw.map((r) => this.formatted(r)),
    };
    if (withdrew) row.withdrew = withdrew;
    if (worst.decision) row.decision = decisionRef(worst.decision);
    if (raw.some((r) => r.incomplete)) row.incompleteHistory = true;
    return row;
  }
}

function withdrawal(memberWithdrew: string | undefined, until: string | undefined, date: string): string | undefined {
  const w = [memberWithdrew, until].filter((d): d is string => d !== undefined && d <= date).sort()[0];
  return w;
}

function count(rows: readonly StatusRow[]): Record<VotingStatus, number> {
  const c: Record<VotingStatus, number> = { ok: 0, 'in arrears': 0, 'no vote': 0, 'vote kept by decision': 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

/** R16–R18 the status report on a date: for one budget, or organization-wide (Art. 11(5)) when none is given. */
export function votingStatus(workbook: Ledger['workbook'] | Ledger, date: string, budgetId?: string): StatusReport {
  const book = new VotingStatusBook(workbook);
  return budgetId === undefined ? book.organizationReport(date) : book.budgetReport(budgetId, date);
}
