import { Decimal, decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import type { Budget, BudgetMethod, NewMemberRule, RoundingMode, Workbook } from '../model/types';
import {
  applyUnitValue,
  applyUnitValueColumns,
  apportionTotal,
  apportionTotalColumns,
  sumAmounts,
  type Apportionment,
  type WeightColumns,
} from './apportion';
import { Holdings } from '../model/classes';
import { engineErrorOf } from '../model/errors';
import { roundDiv } from './exact';
import { accessionFraction, FULL_YEAR, isAssessed, type Fraction } from './membership';
import { budgetLevel, levelEntry } from './years';
import { deriveScale, type DerivedScale } from './scale';
import type { BaseScale, YearScale } from '../model/types';

/** One member to assess: its units for the year and the part of the year it is assessed for. */
export interface Assessee {
  code: string;
  name: string;
  class?: string;
  units: string;
  fraction?: Fraction;
  /** R11 class taken from this budget. */
  classFrom?: string;
  /** R13 class set by this change notice. */
  changeId?: string;
}

export interface ContributionRow {
  code: string;
  name: string;
  class: string | null;
  units: string;
  /** u_i / U · 100 to 4 decimals, display only. */
  percent: string;
  amount: string;
  /** R5 this member received one of the rounding units handed out to the largest remainders. */
  roundedUp: boolean;
  /** R12 assessed for this part of its year of accession; absent = in full. */
  proRata?: Fraction;
  classFrom?: string;
  changeId?: string;
  /** R22 where the budget carries a credit: this member's part of it, and gross (amount) − credit. */
  credit?: string;
  net?: string;
}

export interface BudgetTerms {
  id: string;
  name: string;
  currency: string;
  roundingUnit: string;
  rounding: RoundingMode;
}

export interface ContributionTable {
  budget: BudgetTerms;
  year: number | null;
  method: BudgetMethod;
  /** The figure that applies: the total (R4) or the unit value (R7). */
  level: string;
  /** R10 the level is the previous adopted year's. */
  carriedOver: boolean;
  sourceYear: number | null;
  /** Σ amounts, exact. Equals `level` for a total, unless a new member is assessed pro rata (R12). */
  total: string;
  /** The fixed unit value, or T / U for a total (display only, 4 more decimals than the rounding unit). */
  unitValue: string;
  totalUnits: string;
  rows: ContributionRow[];
  /**
   * R21–R23 a percent scale: each row's `units` is the rate declared and `totalUnits` their sum; `percent` is the
   * share actually assessed (rate / sum). Shown side by side, with a warning when the sum is not 100.
   */
  percentScale?: true;
  /** R22 the credit beside the gross: its level (a total, or a value per unit), its sum, and the net sum. */
  credit?: { level: string; total: string; net: string };
  /** R21 the rates (the rows' units) were derived from a base scale, with these settings and steps. */
  derivation?: { baseScale: { id: string; name: string; source?: string }; settings: YearScale; scale: DerivedScale };
}

/** R4–R7, R9, R12 contributions of a list of members for one level. The CLI and the workbook both come here. */
export function computeContributions(
  budget: BudgetTerms,
  assessees: readonly Assessee[],
  method: BudgetMethod,
  level: string,
  meta: { year: number | null; carriedOver: boolean; sourceYear: number | null },
): ContributionTable {
  const { result, amounts } = apportioned(budget, assessees, method, level);
  const places = decimalPlaces(budget.roundingUnit);
  const rows: ContributionRow[] = assessees.map((m, i) => {
    const row: ContributionRow = {
      code: m.code,
      name: m.name,
      class: m.class ?? null,
      units: m.units,
      percent: result.percents[i],
      amount: amounts[i],
      roundedUp: result.roundedUp[i],
    };
    if (m.fraction && m.fraction.num !== m.fraction.den) row.proRata = m.fraction;
    if (m.classFrom) row.classFrom = m.classFrom;
    if (m.changeId) row.changeId = m.changeId;
    return row;
  });
  return tableOf(budget, method, level, meta, result.totalUnits, sumAmounts(amounts, places), rows);
}

function tableOf(
  budget: BudgetTerms,
  method: BudgetMethod,
  level: string,
  meta: { year: number | null; carriedOver: boolean; sourceYear: number | null },
  totalUnits: string,
  total: string,
  rows: ContributionRow[],
): ContributionTable {
  const places = decimalPlaces(budget.roundingUnit);
  const unitValue =
    method === 'unit-value'
      ? level
      : new Decimal(level)
          .div(totalUnits)
          .toDecimalPlaces(places + 4)
          .toFixed(places + 4);
  return {
    budget,
    year: meta.year,
    method,
    level,
    carriedOver: meta.carriedOver,
    sourceYear: meta.sourceYear,
    total,
    unitValue,
    totalUnits,
    rows,
  };
}

/** Members held as columns (issue 13: a file of 10^6 members): names beside codes, a class per weight index. */
export interface AssesseeColumns extends WeightColumns {
  names: readonly string[];
  /** The class code of each weight index; null where the weights are a scale's. */
  classes: readonly (string | null)[];
}

/** Rows written one at a time, when asked. */
export interface ContributionRows {
  length: number;
  at(i: number): ContributionRow;
}

/**
 * R4–R7, R9 (and R22 a credit beside the gross) for members held as columns, all assessed in full: the table of
 * computeContributions (then withCredit) for the same members, but its `rows` left empty and each row written by
 * `rows.at(i)` when asked, so 10^6 members never stand as 10^6 row objects at once (issue 13).
 */
export function contributionColumns(
  budget: BudgetTerms,
  members: AssesseeColumns,
  method: BudgetMethod,
  level: string,
  meta: { year: number | null; carriedOver: boolean; sourceYear: number | null },
  credit?: string,
): { table: ContributionTable; rows: ContributionRows } {
  const places = decimalPlaces(budget.roundingUnit);
  const by = (amount: string) =>
    method === 'total'
      ? apportionTotalColumns(members, amount, budget.roundingUnit)
      : applyUnitValueColumns(members, amount, budget.roundingUnit, budget.rounding);
  const gross = by(level);
  const total = sumAmounts(gross.amounts, places);
  const table = tableOf(budget, method, level, meta, gross.totalUnits, total, []);
  const credits = credit !== undefined ? by(credit).amounts : undefined;
  if (credits) {
    const c = toScaledBigInt(sumAmounts(credits, places), places);
    table.credit = {
      level: credit!,
      total: formatScaled(c, places),
      net: formatScaled(toScaledBigInt(total, places) - c, places),
    };
  }
  const at = (i: number): ContributionRow => {
    const row: ContributionRow = {
      code: members.codes[i],
      name: members.names[i],
      class: members.classes[members.weightOf[i]],
      units: members.weights[members.weightOf[i]],
      percent: gross.percents[i],
      amount: gross.amounts[i],
      roundedUp: gross.roundedUp[i],
    };
    if (credits) {
      row.credit = credits[i];
      row.net = formatScaled(toScaledBigInt(row.amount, places) - toScaledBigInt(credits[i], places), places);
    }
    return row;
  };
  return { table, rows: { length: members.codes.length, at } };
}

/** R4–R7, R9, R12 each member's amount, in the order of `assessees`: all the ledger needs of a table. */
export function contributionAmounts(
  budget: BudgetTerms,
  assessees: readonly Assessee[],
  method: BudgetMethod,
  level: string,
): string[] {
  return apportioned(budget, assessees, method, level).amounts;
}

function apportioned(
  budget: BudgetTerms,
  assessees: readonly Assessee[],
  method: BudgetMethod,
  level: string,
): { result: Apportionment; amounts: string[] } {
  const result =
    method === 'total'
      ? apportionTotal(assessees, level, budget.roundingUnit)
      : applyUnitValue(assessees, level, budget.roundingUnit, budget.rounding);
  const amounts = result.amounts.map((a, i) => {
    const f = assessees[i].fraction;
    return f && f.num !== f.den ? prorate(a, f, budget.roundingUnit, budget.rounding) : a;
  });
  return { result, amounts };
}

/**
 * R22 a credit apportioned on the table's weights by its method (R5 or R7, R12 alike), beside the gross; net =
 * gross − credit per member, so the net column sums to exactly the gross sum less the credit sum. For a total
 * without pro-rata members this is grossCreditNet (shared/engine/net.ts), which the tests hold equal.
 */
export function withCredit(
  table: ContributionTable,
  assessees: readonly Assessee[],
  credit: string,
): ContributionTable {
  const { amounts } = apportioned(table.budget, assessees, table.method, credit);
  const places = decimalPlaces(table.budget.roundingUnit);
  let c = 0n;
  let n = 0n;
  table.rows.forEach((row, i) => {
    const g = toScaledBigInt(row.amount, places);
    const k = toScaledBigInt(amounts[i], places);
    row.credit = amounts[i];
    row.net = formatScaled(g - k, places);
    c += k;
    n += g - k;
  });
  table.credit = { level: credit, total: formatScaled(c, places), net: formatScaled(n, places) };
  return table;
}

/** R12 a share for part of a year, rounded by R9; the other members' shares are left as they are. */
export function prorate(amount: string, f: Fraction, roundingUnit: string, mode: RoundingMode): string {
  const places = decimalPlaces(roundingUnit);
  const r = toScaledBigInt(roundingUnit, places);
  const a = toScaledBigInt(amount, places) / r;
  return formatScaled(roundDiv(a * BigInt(f.num), BigInt(f.den), mode) * r, places);
}

export function budgetTerms(b: Budget): BudgetTerms {
  return { id: b.id, name: b.name, currency: b.currency, roundingUnit: b.roundingUnit, rounding: b.rounding };
}

export function findBudget(workbook: Workbook, budgetId: string): Budget {
  const b = workbook.budgets.find((x) => x.id === budgetId);
  if (!b)
    throw workbook.budgets.length
      ? engineErrorOf('engine.assess.noBudget', {
          budget: budgetId,
          budgets: workbook.budgets.map((x) => x.id).join(', '),
        })
      : engineErrorOf('engine.assess.noBudgetNone', { budget: budgetId });
  return b;
}

/** R8/R12 the members assessed in a budget for a year, with their holdings (R11, R13), in workbook member order. */
export function assessees(
  workbook: Workbook,
  budget: Budget,
  year: number,
  holdings = new Holdings(workbook),
): Assessee[] {
  const rule: NewMemberRule = workbook.settings.newMemberRule;
  const out: Assessee[] = [];
  for (const m of workbook.members) {
    const p = holdings.participation(budget.id, m.code);
    if (!p) continue;
    const until = minDate(p.until, m.withdrew);
    if (!isAssessed(year, p.from, until)) continue;
    const h = holdings.holding(budget, m.code, year);
    const fraction = accessionFraction(year, p.from, rule);
    const a: Assessee = { code: m.code, name: m.name, units: h.units };
    if (h.class !== undefined) a.class = h.class;
    if (fraction !== FULL_YEAR) a.fraction = fraction;
    if (h.fromBudget) a.classFrom = h.fromBudget;
    if (h.changeId) a.changeId = h.changeId;
    out.push(a);
  }
  return out;
}

/** R21 the members assessed in a budget for a year, their weights the rates derived from the base scale. */
export function derivedAssessees(
  workbook: Workbook,
  budget: Budget,
  year: number,
  settings: YearScale,
): { list: Assessee[]; base: BaseScale; scale: DerivedScale } {
  const base = (workbook.baseScales ?? []).find((b) => b.id === settings.baseScale);
  if (!base)
    throw engineErrorOf('engine.assess.noBaseScale', {
      budget: budget.name,
      year: String(year),
      scale: settings.baseScale,
    });
  const holdings = new Holdings(workbook);
  const rule: NewMemberRule = workbook.settings.newMemberRule;
  const fixed = new Map((settings.fixedRates ?? []).map((f) => [f.member, f.rate]));
  const list: Assessee[] = [];
  for (const m of workbook.members) {
    const p = holdings.participation(budget.id, m.code);
    if (!p) continue;
    const until = minDate(p.until, m.withdrew);
    if (!isAssessed(year, p.from, until)) continue;
    const a: Assessee = { code: m.code, name: m.name, units: '0' };
    const fraction = accessionFraction(year, p.from, rule);
    if (fraction !== FULL_YEAR) a.fraction = fraction;
    list.push(a);
  }
  const { excludeBelow, ceiling, floor, decimals, rounding } = settings;
  const scale = deriveScale(
    base.rates,
    list.map((a) =>
      fixed.has(a.code)
        ? { code: a.code, name: a.name, fixedRate: fixed.get(a.code)! }
        : { code: a.code, name: a.name },
    ),
    { excludeBelow, ceiling, floor, decimals, rounding },
  );
  scale.rates.forEach((r, i) => (list[i].units = r.rate));
  return { list, base, scale };
}

/** The contribution table of a budget for a year (R4–R13, R21–R23). */
export function assessBudgetYear(
  workbook: Workbook,
  budgetId: string,
  year: number,
  holdings?: Holdings,
): ContributionTable {
  const budget = findBudget(workbook, budgetId);
  const lvl = budgetLevel(budget, year);
  // R21/R22 the derivation and the credit go with the level: a carried-over year keeps its source year's.
  const entry = levelEntry(budget, year);
  const derived = entry?.scale ? derivedAssessees(workbook, budget, year, entry.scale) : undefined;
  const list = derived ? derived.list : assessees(workbook, budget, year, holdings);
  if (list.length === 0) throw engineErrorOf('engine.assess.noneAssessed', { budget: budget.name, year: String(year) });
  const table = computeContributions(budgetTerms(budget), list, lvl.method, lvl.amount, {
    year,
    carriedOver: lvl.carriedOver,
    sourceYear: lvl.sourceYear,
  });
  const scheme = workbook.schemes.find((s) => s.id === budget.schemeId);
  if ((scheme?.kind === 'scale' && scheme.percent) || derived) table.percentScale = true;
  if (derived) {
    const { id, name, source } = derived.base;
    table.derivation = {
      baseScale: { id, name, ...(source !== undefined ? { source } : {}) },
      settings: entry!.scale!,
      scale: derived.scale,
    };
  }
  if (entry?.credit !== undefined) withCredit(table, list, entry.credit);
  return table;
}

function minDate(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}
