import { Decimal, decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { yearOf } from '../model/dates';
import type {
  Budget,
  BudgetYear,
  Participation,
  Scenario,
  ScenarioOverride,
  Workbook,
  YearScale,
} from '../model/types';
import { budgetLevel, levelEntry } from '../engine/years';
import { assessBudgetYear, findBudget, type ContributionTable } from '../engine/assess';
import { ClassTimeline, schemeOf } from '../model/classes';
import { roundDiv } from '../engine/exact';

/**
 * R14 the workbook as the scenario assumes it. Pure: the baseline is never changed; only the parts an
 * override touches are copied.
 */
export function applyScenario(baseline: Workbook, overrides: readonly ScenarioOverride[]): Workbook {
  let wb: Workbook = { ...baseline };
  for (const o of overrides) wb = applyOverride(wb, o);
  return wb;
}

function applyOverride(wb: Workbook, o: ScenarioOverride): Workbook {
  switch (o.kind) {
    case 'class': {
      const budget = findBudget(wb, o.budget);
      const existing = wb.participations.find((p) => p.member === o.member && p.budget === o.budget);
      // Change notices that would take effect from the scenario's year on are superseded by it.
      const timeline = new ClassTimeline(
        existing,
        wb.classChanges.filter((c) => c.member === o.member && c.budget === o.budget),
        schemeOf(wb, budget),
      );
      const superseded = new Set(
        [...timeline.effects]
          .filter(([, e]) => e.effectiveYear !== undefined && e.effectiveYear >= o.fromYear)
          .map(([id]) => id),
      );
      const holding =
        o.weight !== undefined ? { year: o.fromYear, weight: o.weight } : { year: o.fromYear, class: o.class };
      const base: Participation = existing ?? { member: o.member, budget: o.budget, classes: [] };
      const updated: Participation = {
        ...base,
        classes: [...base.classes.filter((h) => h.year < o.fromYear), holding],
      };
      return {
        ...wb,
        participations: existing
          ? wb.participations.map((p) => (p === existing ? updated : p))
          : [...wb.participations, updated],
        classChanges: wb.classChanges.filter((c) => !superseded.has(c.id)),
      };
    }
    case 'level': {
      return {
        ...wb,
        budgets: wb.budgets.map((b) => {
          if (b.id !== o.budget) return b;
          // R21/R22 a new figure keeps the derivation and the credit that applied to the year.
          const kept = entryKept(b, o.year);
          return {
            ...b,
            years: [
              ...b.years.filter((y) => y.year !== o.year),
              { year: o.year, method: o.method, amount: o.amount, adopted: true, ...kept },
            ].sort((a, c) => a.year - c.year),
          };
        }),
      };
    }
    case 'join': {
      const members = wb.members.some((m) => m.code === o.member)
        ? wb.members
        : [...wb.members, { code: o.member, name: o.name ?? o.member, joined: o.from }];
      const holding =
        o.weight !== undefined
          ? { year: yearOf(o.from), weight: o.weight }
          : o.class !== undefined
            ? { year: yearOf(o.from), class: o.class }
            : undefined;
      const p: Participation = { member: o.member, budget: o.budget, from: o.from, classes: holding ? [holding] : [] };
      return {
        ...wb,
        members,
        participations: [...wb.participations.filter((x) => !(x.member === o.member && x.budget === o.budget)), p],
      };
    }
    case 'leave':
      return {
        ...wb,
        participations: wb.participations.map((p) =>
          p.member === o.member && p.budget === o.budget ? { ...p, until: o.until } : p,
        ),
      };
    case 'derivation':
      return { ...wb, budgets: wb.budgets.map((b) => (b.id === o.budget ? withDerivation(b, o.year, o.scale) : b)) };
    case 'units':
      return {
        ...wb,
        schemes: wb.schemes.map((s) =>
          s.id !== o.scheme || s.kind !== 'classes'
            ? s
            : { ...s, classes: s.classes.map((c) => (c.code === o.class ? { ...c, units: o.units } : c)) },
        ),
      };
  }
}

/**
 * R21 the budget with `year`'s rates derived by `scale`: set on the entry whose settings the year uses. A year carried
 * over (R10) gets an adopted entry of its own at the level it carried, as a new figure would (the 'level' override),
 * keeping its credit; a biennium year without an entry (R23) gets one without a figure (the biennium keeps giving it).
 */
function withDerivation(b: Budget, year: number, scale: YearScale): Budget {
  let level: ReturnType<typeof budgetLevel> | undefined;
  try {
    level = budgetLevel(b, year);
  } catch {
    return b; // no level for the year: nothing is assessed, so there are no rates to derive
  }
  const own = b.years.find((y) => y.year === year);
  const inBiennium = b.biennia?.some((x) => x.years.includes(year)) ?? false;
  const { credit } = entryKept(b, year);
  const entry: BudgetYear =
    own && !level.carriedOver
      ? { ...own, scale }
      : inBiennium
        ? { year, method: 'total', adopted: true, ...(credit !== undefined ? { credit } : {}), scale }
        : {
            year,
            method: level.method,
            amount: level.amount,
            adopted: true,
            ...(credit !== undefined ? { credit } : {}),
            scale,
          };
  return { ...b, years: [...b.years.filter((y) => y.year !== year), entry].sort((a, c) => a.year - c.year) };
}

/** The derivation settings and credit that applied to `year` (its own entry's, or the one it was carried from). */
function entryKept(b: Budget, year: number): Pick<BudgetYear, 'scale' | 'credit'> {
  let e: BudgetYear | undefined;
  try {
    e = levelEntry(b, year);
  } catch {
    e = b.years.find((y) => y.year === year);
  }
  return { ...(e?.scale ? { scale: e.scale } : {}), ...(e?.credit !== undefined ? { credit: e.credit } : {}) };
}

export interface ComparisonRow {
  code: string;
  name: string;
  classBefore: string | null;
  classAfter: string | null;
  unitsBefore: string | null;
  unitsAfter: string | null;
  /** null where the member is not assessed on that side (it joined or left in the scenario). */
  amountBefore: string | null;
  amountAfter: string | null;
  difference: string;
  /** difference / before · 100 to 2 decimals; null where there is no amount before. */
  percentChange: string | null;
  /** The scenario changed this member's class, units or participation. */
  changed: boolean;
}

export interface Comparison {
  scenario: string;
  before: ContributionTable;
  after: ContributionTable;
  rows: ComparisonRow[];
  totalDifference: string;
}

/** R14 the scenario against the baseline for one budget and year, member by member. */
export function compareScenario(
  baseline: Workbook,
  scenario: Pick<Scenario, 'name' | 'overrides'>,
  budgetId: string,
  year: number,
): Comparison {
  const before = assessBudgetYear(baseline, budgetId, year);
  const after = assessBudgetYear(applyScenario(baseline, scenario.overrides), budgetId, year);
  return compareTables(scenario.name, before, after);
}

/** R14 several scenarios against one baseline (the app's comparison view, `contrib whatif --scenario …`). */
export function compareScenarios(
  baseline: Workbook,
  scenarios: readonly Pick<Scenario, 'name' | 'overrides'>[],
  budgetId: string,
  year: number,
  before = assessBudgetYear(baseline, budgetId, year),
): Comparison[] {
  return scenarios.map((s) =>
    compareTables(s.name, before, assessBudgetYear(applyScenario(baseline, s.overrides), budgetId, year)),
  );
}

export function compareTables(scenario: string, before: ContributionTable, after: ContributionTable): Comparison {
  const places = decimalPlaces(before.budget.roundingUnit);
  const afterByCode = new Map(after.rows.map((r) => [r.code, r]));
  const seen = new Set<string>();
  const rows: ComparisonRow[] = [];
  const row = (
    code: string,
    name: string,
    b: ContributionTable['rows'][number] | undefined,
    a: ContributionTable['rows'][number] | undefined,
  ): ComparisonRow => {
    const ab = b ? toScaledBigInt(b.amount, places) : 0n;
    const aa = a ? toScaledBigInt(a.amount, places) : 0n;
    const diff = aa - ab;
    return {
      code,
      name,
      classBefore: b?.class ?? null,
      classAfter: a?.class ?? null,
      unitsBefore: b?.units ?? null,
      unitsAfter: a?.units ?? null,
      amountBefore: b?.amount ?? null,
      amountAfter: a?.amount ?? null,
      difference: formatScaled(diff, places),
      percentChange: b && ab !== 0n ? formatScaled(roundDiv(diff * 10000n, ab, 'half-up'), 2) : null,
      changed: !b || !a || b.class !== a.class || !new Decimal(b.units).eq(a.units),
    };
  };
  for (const b of before.rows) {
    seen.add(b.code);
    rows.push(row(b.code, b.name, b, afterByCode.get(b.code)));
  }
  for (const a of after.rows) if (!seen.has(a.code)) rows.push(row(a.code, a.name, undefined, a));
  const totalDifference = formatScaled(
    toScaledBigInt(after.total, places) - toScaledBigInt(before.total, places),
    places,
  );
  return { scenario, before, after, rows, totalDifference };
}
