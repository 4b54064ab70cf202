import { firstOfJanuary } from '../model/dates';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import type { Budget, WcfDecision } from '../model/types';
import { engineErrorOf } from '../model/errors';
import { apportionTotal, roundToUnit } from './apportion';
import type { Ledger } from './ledger';

/** R19 a decision's shares fall due on 1 January of its year, or on the day of the decision if that is later. */
export function wcfDueDate(d: WcfDecision): string {
  const jan = firstOfJanuary(d.year);
  return d.decidedOn !== undefined && d.decidedOn > jan ? d.decidedOn : jan;
}

/**
 * R19 each member's share of a WCF decision: round(p · contribution_i) by R9, or the amount A apportioned by R5
 * in proportion to that year's contributions (so the shares sum to exactly A).
 */
export function wcfShares(
  decision: WcfDecision,
  contributions: readonly { code: string; amount: string }[],
  budget: Pick<Budget, 'roundingUnit' | 'rounding'>,
): { code: string; share: string }[] {
  if (decision.proportion !== undefined) {
    const pp = decimalPlaces(decision.proportion);
    const p = toScaledBigInt(decision.proportion, pp);
    return contributions.map((c) => {
      const cp = decimalPlaces(c.amount);
      const exact = formatScaled(p * toScaledBigInt(c.amount, cp), pp + cp);
      return { code: c.code, share: roundToUnit(exact, budget.roundingUnit, budget.rounding) };
    });
  }
  if (decision.amount === undefined) throw engineErrorOf('engine.wcf.noShare', { id: decision.id });
  const res = apportionTotal(
    contributions.map((c) => ({ code: c.code, units: c.amount })),
    decision.amount,
    budget.roundingUnit,
  );
  return contributions.map((c, i) => ({ code: c.code, share: res.amounts[i] }));
}

export interface WcfMemberRow {
  code: string;
  name: string;
  budget: string;
  currency: string;
  /** Σ of its shares in the decisions in force on the date. */
  share: string;
  /** Credited to those shares by the date (R15). */
  paid: string;
  owed: string;
}

export interface WcfDecisionSummary {
  id: string;
  budget: string;
  year: number;
  basis: 'proportion' | 'amount';
  /** The proportion or the amount decided. */
  value: string;
  due: string;
  reference?: string;
  total: string;
  paid: string;
  owed: string;
}

export interface WcfFund {
  budget: string;
  name: string;
  currency: string;
  /** Σ of all shares decided. */
  established: string;
  /** The fund's balance: what members have paid into it. */
  balance: string;
  owed: string;
}

export interface WcfReport {
  date: string;
  budget: string | null;
  funds: WcfFund[];
  decisions: WcfDecisionSummary[];
  rows: WcfMemberRow[];
}

/** R19 the working capital funds on a date: decisions in force, each member's share, payments to it, balance. */
export function wcfReport(ledger: Ledger, date: string, budgetId?: string): WcfReport {
  const wb = ledger.workbook;
  const budgets = budgetId === undefined ? wb.budgets : [ledger.budget(budgetId)];
  const funds: WcfFund[] = [];
  const decisions: WcfDecisionSummary[] = [];
  const rowsByBudget = new Map<string, Map<string, { share: bigint; paid: bigint }>>();
  for (const b of budgets) {
    const counted = ledger.wcfDecisions(b.id).filter((d) => wcfDueDate(d) <= date);
    if (counted.length === 0) continue;
    const places = decimalPlaces(b.roundingUnit);
    const perMember = new Map<string, { share: bigint; paid: bigint }>();
    let fundTotal = 0n;
    let fundPaid = 0n;
    for (const d of counted) {
      let total = 0n;
      let paid = 0n;
      for (const [code, share] of ledger.wcfShares(d)) {
        const acc = ledger.account(code, date);
        const item = acc.items.find((i) => i.kind === 'wcf' && i.decision === d.id);
        const credited = item?.credited ?? 0n;
        total += share;
        paid += credited;
        const m = perMember.get(code) ?? { share: 0n, paid: 0n };
        m.share += share;
        m.paid += credited;
        perMember.set(code, m);
      }
      fundTotal += total;
      fundPaid += paid;
      const s: WcfDecisionSummary = {
        id: d.id,
        budget: b.id,
        year: d.year,
        basis: d.proportion !== undefined ? 'proportion' : 'amount',
        value: (d.proportion ?? d.amount)!,
        due: wcfDueDate(d),
        total: ledger.format(total, places),
        paid: ledger.format(paid, places),
        owed: ledger.format(total - paid, places),
      };
      if (d.reference !== undefined) s.reference = d.reference;
      decisions.push(s);
    }
    funds.push({
      budget: b.id,
      name: b.name,
      currency: b.currency,
      established: ledger.format(fundTotal, places),
      balance: ledger.format(fundPaid, places),
      owed: ledger.format(fundTotal - fundPaid, places),
    });
    rowsByBudget.set(b.id, perMember);
  }
  const rows: WcfMemberRow[] = [];
  for (const m of wb.members) {
    for (const f of funds) {
      const r = rowsByBudget.get(f.budget)!.get(m.code);
      if (!r) continue;
      const places = ledger.places(f.budget);
      rows.push({
        code: m.code,
        name: m.name,
        budget: f.budget,
        currency: f.currency,
        share: ledger.format(r.share, places),
        paid: ledger.format(r.paid, places),
        owed: ledger.format(r.share - r.paid, places),
      });
    }
  }
  return { date, budget: budgetId ?? null, funds, decisions, rows };
}
