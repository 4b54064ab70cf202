import { Decimal, isWholeMultiple } from './decimal';
import { isRate } from './fields';
import type { Problem } from './types';

// R21–R23 the workbook's scales (format version 2, every part optional): base scales, a budget-year's derivation
// settings and credit, biennia, settings.thresholdOn. Called by validateWorkbook; what only the derivation can find
// (bounds that cannot be met for the members of a year) is said by checkComputable.

/** Every user-visible sentence of the checks (to move to the catalog). */
const messages = {
  notList: (what: string) => `${what} must be a list`,
  notEntry: (what: string) => `${what} is not an entry`,
  missing: (what: string) => `${what} is missing or empty`,
  twice: (what: string, id: string) => `${what} "${id}" is used twice`,
  codeTwice: (scale: string, code: string) => `Base scale ${scale} lists ${code} twice`,
  number: (what: string, v: string) =>
    `${what} must be a number of zero or more written like 0.125, in quotes (got ${v})`,
  decimals: (what: string, v: string) => `${what}: the decimals must be a whole number from 0 to 12 (got ${v})`,
  rounding: (what: string, v: string) => `${what}: the rounding must be "half-up" or "largest-remainder" (got ${v})`,
  noBaseScale: (what: string, id: string) => `${what}: there is no base scale "${id}"`,
  notScale: (what: string, scheme: string) =>
    `${what}: rates derived from a base scale need a budget whose scheme is a scale (${scheme} is not)`,
  noMember: (what: string, code: string) => `${what}: there is no member ${code}`,
  fixedTwice: (what: string, code: string) => `${what}: ${code} has two fixed rates`,
  fixedOnBase: (what: string, code: string, scale: string) =>
    `${what}: ${code} is on base scale ${scale}; a fixed rate is only for a member that is not on it`,
  floorAboveCeiling: (what: string) => `${what}: the floor is above the ceiling`,
  creditWhole: (what: string, credit: string, unit: string) =>
    `${what}: the credit ${credit} is not a whole number of the rounding unit ${unit}, so the shares could not sum to it`,
  creditOver: (what: string, credit: string, amount: string) =>
    `${what}: the credit ${credit} is more than the gross ${amount}, so members would be owed money`,
  bienniumYears: (what: string, v: string) =>
    `${what}: the years must be two consecutive years such as [2026, 2027] (got ${v})`,
  bienniumWhole: (what: string, v: string, unit: string) =>
    `${what}: ${v} is not a whole number of the rounding unit ${unit}`,
  splitSum: (what: string, a: string, b: string, amount: string) =>
    `${what}: the two years' figures ${a} and ${b} do not add up to the biennial figure ${amount}`,
  bienniumOverlap: (what: string, year: number) => `${what}: ${year} is already in another biennium`,
  bienniumAndAmount: (what: string, year: number) =>
    `${what}: ${year} takes its figure from the biennium, so its own total must be left out (give the figure once)`,
  bienniumMethod: (what: string, year: number) =>
    `${what}: ${year} is in a biennium, whose figure is a total, but the year says unit-value`,
  thresholdOn: (v: string) => `What the loss-of-vote threshold compares with must be "gross" or "net" (got ${v})`,
  baseScaleLabel: (i: number, id?: string) => `Base scale ${id ?? i + 1}`,
  rateLabel: (scale: string, j: number, code?: string) => `Base scale ${scale}, rate ${code ?? j + 1}`,
  yearLabel: (budget: string, year: unknown) => `Budget ${budget}, ${typeof year === 'number' ? year : 'a year'}`,
  bienniumLabel: (budget: string, k: number) => `Budget ${budget}, biennium ${k + 1}`,
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
};

/** What the checks need of the rest of the workbook. */
export interface ScalesContext {
  members: { has(code: string): boolean };
  /** The kind of each scheme, by id. */
  schemeKind: (id: string) => string | undefined;
}

/** The years a budget's biennia cover (a malformed entry covers none): their figure comes from the biennium. */
export function bienniumYearsOf(budget: Obj): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(budget.biennia)) return out;
  for (const b of budget.biennia)
    if (isObj(b) && Array.isArray(b.years)) for (const y of b.years) if (typeof y === 'number') out.add(y);
  return out;
}

/** True when some year of the budget derives its rates from a base scale: its members hold no weight of their own. */
export function isDerivedBudget(budget: Obj): boolean {
  return Array.isArray(budget.years) && budget.years.some((y) => isObj(y) && y.scale !== undefined);
}

/** R21–R23 base scales, derivation settings, credits, biennia and settings.thresholdOn. */
export function validateScales(doc: Obj, ctx: ScalesContext): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, message: string) => out.push({ path, message });
  const rate = (o: Obj, key: string, path: string, what: string, optional = true): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isRate(v)) {
      add(`${path}.${key}`, messages.number(what, show(v)));
      return undefined;
    }
    return v;
  };

  if (
    isObj(doc.settings) &&
    doc.settings.thresholdOn !== undefined &&
    doc.settings.thresholdOn !== 'gross' &&
    doc.settings.thresholdOn !== 'net'
  ) {
    add('settings.thresholdOn', messages.thresholdOn(show(doc.settings.thresholdOn)));
  }

  // Base scales.
  const scales = new Map<string, Set<string>>();
  if (doc.baseScales !== undefined) {
    if (!Array.isArray(doc.baseScales)) add('baseScales', messages.notList('The base scales'));
    else
      doc.baseScales.forEach((s, i) => {
        const path = `baseScales[${i}]`;
        if (!isObj(s)) return add(path, messages.notEntry(messages.baseScaleLabel(i)));
        const id = typeof s.id === 'string' && s.id.trim() !== '' ? s.id : undefined;
        const label = messages.baseScaleLabel(i, id);
        if (!id) add(`${path}.id`, messages.missing(`${label}'s id`));
        if (typeof s.name !== 'string' || s.name.trim() === '')
          add(`${path}.name`, messages.missing(`${label}'s name`));
        if (s.source !== undefined && typeof s.source !== 'string')
          add(`${path}.source`, messages.missing(`${label}'s source`));
        if (id && scales.has(id)) add(`${path}.id`, messages.twice('Base scale id', id));
        const codes = new Set<string>();
        if (!Array.isArray(s.rates)) add(`${path}.rates`, messages.notList(`${label}'s rates`));
        else
          s.rates.forEach((r, j) => {
            const rp = `${path}.rates[${j}]`;
            if (!isObj(r)) return add(rp, messages.notEntry(messages.rateLabel(id ?? String(i + 1), j)));
            const code = typeof r.code === 'string' && r.code.trim() !== '' ? r.code : undefined;
            const rl = messages.rateLabel(id ?? String(i + 1), j, code);
            if (!code) add(`${rp}.code`, messages.missing(`${rl}: the member code`));
            else if (codes.has(code)) add(`${rp}.code`, messages.codeTwice(id ?? String(i + 1), code));
            if (code) codes.add(code);
            if (r.name !== undefined && typeof r.name !== 'string')
              add(`${rp}.name`, messages.missing(`${rl}: the name`));
            rate(r, 'rate', rp, `${rl}: the rate`, false);
          });
        if (id && !scales.has(id)) scales.set(id, codes);
      });
  }

  // Budgets: each year's derivation and credit, the biennia.
  if (!Array.isArray(doc.budgets)) return out;
  doc.budgets.forEach((b, i) => {
    if (!isObj(b)) return;
    const bid = typeof b.id === 'string' ? b.id : String(i + 1);
    const unit = isRate(b.roundingUnit) && !new Decimal(b.roundingUnit).isZero() ? b.roundingUnit : undefined;
    const inBiennium = bienniumYearsOf(b);
    (Array.isArray(b.years) ? b.years : []).forEach((y, j) => {
      if (!isObj(y)) return;
      const yp = `budgets[${i}].years[${j}]`;
      const label = messages.yearLabel(bid, y.year);
      if (typeof y.year === 'number' && inBiennium.has(y.year)) {
        if (y.amount !== undefined) add(`${yp}.amount`, messages.bienniumAndAmount(label, y.year));
        if (y.method === 'unit-value') add(`${yp}.method`, messages.bienniumMethod(label, y.year));
      }
      if (y.scale !== undefined) {
        const kind = typeof b.schemeId === 'string' ? ctx.schemeKind(b.schemeId) : undefined;
        if (kind !== undefined && kind !== 'scale') add(`${yp}.scale`, messages.notScale(label, String(b.schemeId)));
        checkYearScaleEntry(y.scale, `${yp}.scale`, label, scales, ctx, add);
      }
      if (y.credit !== undefined) {
        const credit = rate(y, 'credit', yp, `${label}: the credit`, false);
        if (credit && unit && y.method === 'total' && !isWholeMultiple(credit, unit))
          add(`${yp}.credit`, messages.creditWhole(label, credit, unit));
        if (credit && isRate(y.amount) && new Decimal(credit).gt(y.amount))
          add(`${yp}.credit`, messages.creditOver(label, credit, y.amount));
      }
    });

    if (b.biennia === undefined) return;
    if (!Array.isArray(b.biennia)) return add(`budgets[${i}].biennia`, messages.notList(`Budget ${bid}'s biennia`));
    const covered = new Set<number>();
    b.biennia.forEach((x, k) => {
      const bp = `budgets[${i}].biennia[${k}]`;
      const label = messages.bienniumLabel(bid, k);
      if (!isObj(x)) return add(bp, messages.notEntry(label));
      const ys = x.years;
      const ok =
        Array.isArray(ys) &&
        ys.length === 2 &&
        ys.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2200) &&
        ys[1] === ys[0] + 1;
      if (!ok) add(`${bp}.years`, messages.bienniumYears(label, show(ys)));
      else
        for (const v of ys as number[]) {
          if (covered.has(v)) add(`${bp}.years`, messages.bienniumOverlap(label, v));
          covered.add(v);
        }
      const amount = rate(x, 'amount', bp, `${label}: the biennial figure`, false);
      if (amount && unit && !isWholeMultiple(amount, unit))
        add(`${bp}.amount`, messages.bienniumWhole(label, amount, unit));
      if (x.split !== undefined) {
        const sp = x.split;
        if (!Array.isArray(sp) || sp.length !== 2 || !sp.every(isRate))
          add(`${bp}.split`, messages.number(`${label}: each year's figure`, show(sp)));
        else {
          for (const v of sp)
            if (unit && !isWholeMultiple(v, unit)) add(`${bp}.split`, messages.bienniumWhole(label, v, unit));
          if (amount && !new Decimal(sp[0]).plus(sp[1]).eq(amount))
            add(`${bp}.split`, messages.splitSum(label, sp[0], sp[1], amount));
        }
      }
    });
  });
  return out;
}

/** The base scales of a document (id → the codes it lists), for checking settings that name one. */
function baseScaleCodes(doc: Obj): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  if (!Array.isArray(doc.baseScales)) return out;
  for (const s of doc.baseScales)
    if (isObj(s) && typeof s.id === 'string' && !out.has(s.id))
      out.set(
        s.id,
        new Set(
          (Array.isArray(s.rates) ? s.rates : []).flatMap((r) =>
            isObj(r) && typeof r.code === 'string' ? [r.code] : [],
          ),
        ),
      );
  return out;
}

/**
 * R21 a scenario's derivation settings (override kind 'derivation'): the same checks as a budget year's `scale`.
 * `label` names the change ("Scenario X, change 2").
 */
export function validateScenarioScale(
  doc: Obj,
  scale: unknown,
  path: string,
  label: string,
  ctx: ScalesContext,
): Problem[] {
  const out: Problem[] = [];
  checkYearScaleEntry(scale, path, label, baseScaleCodes(doc), ctx, (p, message) => out.push({ path: p, message }));
  return out;
}

/** R21 one set of derivation settings: the base scale named, figures, decimals, rounding, fixed rates. */
function checkYearScaleEntry(
  s: unknown,
  sp: string,
  label: string,
  scales: Map<string, Set<string>>,
  ctx: ScalesContext,
  add: (path: string, message: string) => void,
): void {
  const rate = (o: Obj, key: string, path: string, what: string, optional = true): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isRate(v)) {
      add(`${path}.${key}`, messages.number(what, show(v)));
      return undefined;
    }
    return v;
  };
  if (!isObj(s)) return add(sp, messages.notEntry(`${label}: the derivation of its rates`));
  const base = typeof s.baseScale === 'string' ? s.baseScale : undefined;
  if (!base) add(`${sp}.baseScale`, messages.missing(`${label}: the base scale`));
  else if (!scales.has(base)) add(`${sp}.baseScale`, messages.noBaseScale(label, base));
  const ceiling = rate(s, 'ceiling', sp, `${label}: the ceiling`);
  const floor = rate(s, 'floor', sp, `${label}: the floor`);
  rate(s, 'excludeBelow', sp, `${label}: the exclusion threshold`);
  if (ceiling && floor && new Decimal(floor).gt(ceiling)) add(`${sp}.floor`, messages.floorAboveCeiling(label));
  if (typeof s.decimals !== 'number' || !Number.isInteger(s.decimals) || s.decimals < 0 || s.decimals > 12)
    add(`${sp}.decimals`, messages.decimals(label, show(s.decimals)));
  if (s.rounding !== 'half-up' && s.rounding !== 'largest-remainder')
    add(`${sp}.rounding`, messages.rounding(label, show(s.rounding)));
  if (s.fixedRates === undefined) return;
  if (!Array.isArray(s.fixedRates)) return add(`${sp}.fixedRates`, messages.notList(`${label}: the fixed rates`));
  const seen = new Set<string>();
  s.fixedRates.forEach((f, k) => {
    const fp = `${sp}.fixedRates[${k}]`;
    if (!isObj(f)) return add(fp, messages.notEntry(`${label}: fixed rate ${k + 1}`));
    const code = typeof f.member === 'string' && f.member.trim() !== '' ? f.member : undefined;
    if (!code) add(`${fp}.member`, messages.missing(`${label}: the member of fixed rate ${k + 1}`));
    else if (!ctx.members.has(code)) add(`${fp}.member`, messages.noMember(label, code));
    else if (seen.has(code)) add(`${fp}.member`, messages.fixedTwice(label, code));
    else if (base && scales.get(base)?.has(code)) add(`${fp}.member`, messages.fixedOnBase(label, code, base));
    if (code) seen.add(code);
    rate(f, 'rate', fp, `${label}: ${code ?? `fixed rate ${k + 1}`}'s fixed rate`, false);
  });
}
