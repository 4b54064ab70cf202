import { firstOfJanuary, yearOf } from '../model/dates';
import type { Budget, VotingDecision } from '../model/types';
import { Ledger, type UnpaidByYear } from './ledger';

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
  /** R18 what to pay (marked for this budget, as a contribution) to keep or regain the vote. */
  minimumPayment: string;
  /** 1 January on which the vote is lost if nothing more is paid; null when already lost or never. */
  losesVoteOn: string | null;
  /** R18 on `losesVoteOn`: paid before then (marked for this budget, as a contribution), the vote is kept that day. */
  paymentToKeep: string | null;
  /** R17 the decision under which the member keeps its vote. */
  decision?: DecisionRef;
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
  minimumPayment: string | null;
  losesVoteOn: string | null;
  /** What to pay before `losesVoteOn` to keep the vote that day (organization-wide: every budget lost then). */
  paymentToKeep: string | null;
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
  budget: Budget;
  arrears: bigint;
  threshold: bigint;
  dueThisYear: bigint;
  status: VotingStatus;
  minimum: bigint;
  losesVoteOn: string | null;
  toKeep: bigint | null;
  decision?: VotingDecision;
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
    return s;
  }

  private compute(member: string, budget: Budget, date: string): RawStatus {
    const l = this.ledger;
    const y = yearOf(date);
    const known = this.decisions.known(member, budget.id, date);
    // Items up to y + 2 settle every 1 January up to y + 3 (by then three years are unpaid against two); look
    // further to pass the end of a decision known today.
    let horizon = y + 2;
    for (const d of known) if (d.to !== undefined) horizon = Math.max(horizon, yearOf(d.to));
    horizon = Math.min(horizon, y + MAX_LOOKAHEAD);
    // The ledger's settlement: an account reduced to what a status needs (R15 crediting, R16 running totals).
    let acc = l.settle(member, date, horizon);
    let unpaid = acc.unpaid(budget.id);

    const arrears = unpaid.upTo(y - 1);
    const threshold = this.threshold(budget.id, member, y);
    const dueThisYear = unpaid.upTo(y) - arrears;
    const noVote = arrears > 0n && arrears >= threshold; // R17
    const decision = noVote ? known.find((d) => covers(d, date)) : undefined;
    const status: VotingStatus = arrears === 0n ? 'ok' : !noVote ? 'in arrears' : decision ? 'vote kept by decision' : 'no vote';
    const minimum = noVote ? arrears - threshold + l.money(budget.roundingUnit) : 0n; // R18 (only members without a vote)

    let losesVoteOn: string | null = null;
    let toKeep: bigint | null = null;
    if (status !== 'no vote') {
      for (let left = -1n; ; ) {
        losesVoteOn = this.lossDate(unpaid, acc.horizon, budget.id, member, date, known);
        // Credit paid ahead can postpone the loss beyond the horizon: look further while it is being used up
        // (credit that can never be applied, e.g. marked for a past year, does not postpone anything).
        if (losesVoteOn !== null || acc.unappliedAtHorizon === 0n || acc.unappliedAtHorizon === left || acc.horizon >= y + MAX_LOOKAHEAD) break;
        left = acc.unappliedAtHorizon;
        acc = l.settle(member, date, Math.min(acc.horizon + 10, y + MAX_LOOKAHEAD));
        unpaid = acc.unpaid(budget.id);
      }
      if (losesVoteOn !== null) {
        // R18 as of that day: credited oldest first (R15), a payment before it lowers that day's arrears one for one.
        const ty = yearOf(losesVoteOn);
        toKeep = unpaid.upTo(ty - 1) - this.threshold(budget.id, member, ty) + l.money(budget.roundingUnit);
      }
    }
    return { budget, arrears, threshold, dueThisYear, status, minimum, losesVoteOn, toKeep, decision };
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
  private lossDate(unpaid: UnpaidByYear, horizon: number, budgetId: string, member: string, date: string, known: readonly VotingDecision[]): string | null {
    const y = yearOf(date);
    const candidates: string[] = [];
    for (let t = y + 1; t <= horizon + 1; t++) candidates.push(firstOfJanuary(t));
    for (const d of known) if (d.to !== undefined && d.to >= date) candidates.push(nextDay(d.to));
    if (known.length > 0) candidates.sort();
    for (const t of candidates) {
      const ty = yearOf(t);
      if (t <= date || ty > horizon + 1) continue;
      const arrears = unpaid.upTo(ty - 1);
      if (arrears > 0n && arrears >= this.threshold(budgetId, member, ty) && !known.some((d) => covers(d, t))) return t;
    }
    return null;
  }

  /** R16–R18 one row per member taking part in the budget on `date`, in workbook order. */
  budgetReport(budgetId: string, date: string): StatusReport {
    const budget = this.ledger.budget(budgetId);
    const rows: StatusRow[] = [];
    for (const m of this.ledger.workbook.members) {
      const p = this.ledger.holdings.participation(budgetId, m.code);
      if (!p || (p.from !== undefined && p.from > date)) continue;
      const s = this.budgetStatus(m.code, budget, date);
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
      rows.push(row);
    }
    return { date, budget: budgetId, budgetName: budget.name, rows, counts: count(rows) };
  }

  /**
   * Art. 11(5): a member with no vote in the Conference budget or in any Union has no vote in every body.
   * Arrears, threshold and minimum payment are summed over its budgets when they share a currency.
   */
  organizationReport(date: string): StatusReport {
    const rows: StatusRow[] = [];
    for (const m of this.ledger.workbook.members) {
      const row = this.memberRow(m, date);
      if (row) rows.push(row);
    }
    return { date, budget: null, budgetName: null, rows, counts: count(rows) };
  }

  /** Art. 11(5) one member's organization-wide row (undefined when it takes part in no budget on `date`). */
  memberRow(m: { code: string; name: string; withdrew?: string }, date: string): StatusRow | undefined {
    const budgets = this.ledger.budgetsOfMember(m.code).filter((b) => {
      const p = this.ledger.holdings.participation(b.id, m.code)!;
      return p.from === undefined || p.from <= date;
    });
    if (budgets.length === 0) return undefined;
    const raw = budgets.map((b) => this.compute(m.code, b, date));
    const worst = raw.reduce((a, b) => (SEVERITY[b.status] > SEVERITY[a.status] ? b : a));
    const currency = raw[0].budget.currency;
    const one = raw.every((r) => r.budget.currency === currency);
    let places = 0;
    for (const b of budgets) places = Math.max(places, this.ledger.places(b.id));
    const sum = (pick: (r: RawStatus) => bigint) => (one ? this.ledger.format(raw.reduce((t, r) => t + pick(r), 0n), places) : null);
    let loss: string | null = null;
    for (const r of raw) if (r.losesVoteOn !== null && (loss === null || r.losesVoteOn < loss)) loss = r.losesVoteOn;
    const row: StatusRow = {
      code: m.code,
      name: m.name,
      budget: 'all',
      currency: one ? currency : null,
      arrears: sum((r) => r.arrears),
      threshold: sum((r) => r.threshold),
      status: worst.status,
      minimumPayment: sum((r) => r.minimum),
      losesVoteOn: worst.status === 'no vote' ? null : loss,
      // Art. 11(5): to keep the vote everywhere on that day, each budget lost that day must be paid up to its figure.
      paymentToKeep: worst.status === 'no vote' || loss === null ? null : sum((r) => (r.losesVoteOn === loss ? r.toKeep! : 0n)),
      budgets: raw.map((r) => this.formatted(r)),
    };
    const withdrew = m.withdrew !== undefined && m.withdrew <= date ? m.withdrew : undefined;
    if (withdrew) row.withdrew = withdrew;
    if (worst.decision) row.decision = decisionRef(worst.decision);
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
