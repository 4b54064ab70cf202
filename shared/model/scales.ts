import type { Message, MessageValues } from '../i18n/intl';
import { Decimal, isWholeMultiple } from './decimal';
import { isRate } from './fields';
import { problemOf, shownValue, V } from './problems';
import type { Problem } from './types';

// R21–R23 the workbook's scales (format version 2, every part optional): base scales, a budget-year's derivation
// settings and credit, biennia, settings.thresholdOn. Called by validateWorkbook; what only the derivation can find
// (bounds that cannot be met for the members of a year) is said by checkComputable.

// Messages as data (issue 11): every problem carries a message of the catalog area `validation` (ids
// `validation.scales.*`, and the shared `validation.field.*`); labels ("Budget e5, 2026") and the values shown are
// parts said inside it. The English `message` is said only when read (problemOf).
const S = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message =>
  V(`scales.${id}`, values, parts);
const labelled = (id: string, label: Message, values?: MessageValues) => S(id, values, { label });
const messages = {
  notList: (what: Message) => V('field.list', undefined, { what }),
  notEntry: (what: Message) => S('notEntry', undefined, { what }),
  missing: (what: Message) => V('field.missing', undefined, { what }),
  idTwice: (id: string) => S('idTwice', { id }),
  codeTwice: (scale: string, code: string) => S('codeTwice', { scale, code }),
  number: (what: Message, v: unknown) => S('number', undefined, { what, got: shownValue(v) }),
  decimals: (label: Message, v: unknown) => S('decimals', undefined, { label, got: shownValue(v) }),
  rounding: (label: Message, v: unknown) => S('rounding', undefined, { label, got: shownValue(v) }),
  noBaseScale: (label: Message, id: string) => labelled('noBaseScale', label, { id }),
  notScale: (label: Message, scheme: string) => labelled('notScale', label, { scheme }),
  noMember: (label: Message, code: string) => labelled('noMember', label, { code }),
  fixedTwice: (label: Message, code: string) => labelled('fixedTwice', label, { code }),
  fixedOnBase: (label: Message, code: string, scale: string) => labelled('fixedOnBase', label, { code, scale }),
  floorAboveCeiling: (label: Message) => labelled('floorAboveCeiling', label),
  creditWhole: (label: Message, credit: string, unit: string) =>
    labelled('creditWhole', label, { creditAmount: credit, unitAmount: unit }),
  creditOver: (label: Message, credit: string, amount: string) =>
    labelled('creditOver', label, { creditAmount: credit, amount }),
  bienniumYears: (label: Message, v: unknown) => S('bienniumYears', undefined, { label, got: shownValue(v) }),
  bienniumWhole: (label: Message, v: string, unit: string) =>
    labelled('bienniumWhole', label, { amount: v, unitAmount: unit }),
  splitSum: (label: Message, a: string, b: string, amount: string) =>
    labelled('splitSum', label, { firstAmount: a, secondAmount: b, amount }),
  bienniumOverlap: (label: Message, year: number) => labelled('bienniumOverlap', label, { year: String(year) }),
  bienniumAndAmount: (label: Message, year: number) => labelled('bienniumAndAmount', label, { year: String(year) }),
  bienniumMethod: (label: Message, year: number) => labelled('bienniumMethod', label, { year: String(year) }),
  thresholdOn: (v: unknown) => S('thresholdOn', undefined, { got: shownValue(v) }),
  baseScaleLabel: (i: number, id?: string) => S('label.baseScale', { id: id ?? String(i + 1) }),
  rateLabel: (scale: string, j: number, code?: string) => S('label.rate', { scale, rate: code ?? String(j + 1) }),
  yearLabel: (budget: string, year: unknown) =>
    typeof year === 'number' ? S('label.year', { budget, year: String(year) }) : S('label.someYear', { budget }),
  bienniumLabel: (budget: string, k: number) => S('label.biennium', { budget, n: String(k + 1) }),
  /** What a label's field is: `{label}'s id`, `{label}: the ceiling` (`validation.scales.what.*`). */
  what: (id: string, label: Message, values?: MessageValues) => S(`what.${id}`, values, { label }),
};
const what = messages.what;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

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
  const add = (path: string, m: Message) => out.push(problemOf(path, m));
  const rate = (o: Obj, key: string, path: string, field: Message, optional = true): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isRate(v)) {
      add(`${path}.${key}`, messages.number(field, v));
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
    add('settings.thresholdOn', messages.thresholdOn(doc.settings.thresholdOn));
  }

  // Base scales.
  const scales = new Map<string, Set<string>>();
  if (doc.baseScales !== undefined) {
    if (!Array.isArray(doc.baseScales)) add('baseScales', messages.notList(S('what.baseScales')));
    else
      doc.baseScales.forEach((s, i) => {
        const path = `baseScales[${i}]`;
        if (!isObj(s)) return add(path, messages.notEntry(messages.baseScaleLabel(i)));
        const id = typeof s.id === 'string' && s.id.trim() !== '' ? s.id : undefined;
        const label = messages.baseScaleLabel(i, id);
        if (!id) add(`${path}.id`, messages.missing(what('id', label)));
        if (typeof s.name !== 'string' || s.name.trim() === '')
          add(`${path}.name`, messages.missing(what('name', label)));
        if (s.source !== undefined && typeof s.source !== 'string')
          add(`${path}.source`, messages.missing(what('source', label)));
        if (id && scales.has(id)) add(`${path}.id`, messages.idTwice(id));
        const codes = new Set<string>();
        if (!Array.isArray(s.rates)) add(`${path}.rates`, messages.notList(what('rates', label)));
        else
          s.rates.forEach((r, j) => {
            const rp = `${path}.rates[${j}]`;
            if (!isObj(r)) return add(rp, messages.notEntry(messages.rateLabel(id ?? String(i + 1), j)));
            const code = typeof r.code === 'string' && r.code.trim() !== '' ? r.code : undefined;
            const rl = messages.rateLabel(id ?? String(i + 1), j, code);
            if (!code) add(`${rp}.code`, messages.missing(what('memberCode', rl)));
            else if (codes.has(code)) add(`${rp}.code`, messages.codeTwice(id ?? String(i + 1), code));
            if (code) codes.add(code);
            if (r.name !== undefined && typeof r.name !== 'string')
              add(`${rp}.name`, messages.missing(what('rateName', rl)));
            rate(r, 'rate', rp, what('rate', rl), false);
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
        const credit = rate(y, 'credit', yp, what('credit', label), false);
        if (credit && unit && y.method === 'total' && !isWholeMultiple(credit, unit))
          add(`${yp}.credit`, messages.creditWhole(label, credit, unit));
        if (credit && isRate(y.amount) && new Decimal(credit).gt(y.amount))
          add(`${yp}.credit`, messages.creditOver(label, credit, y.amount));
      }
    });

    if (b.biennia === undefined) return;
    if (!Array.isArray(b.biennia))
      return add(`budgets[${i}].biennia`, messages.notList(S('what.biennia', { budget: bid })));
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
      if (!ok) add(`${bp}.years`, messages.bienniumYears(label, ys));
      else
        for (const v of ys as number[]) {
          if (covered.has(v)) add(`${bp}.years`, messages.bienniumOverlap(label, v));
          covered.add(v);
        }
      const amount = rate(x, 'amount', bp, what('biennialFigure', label), false);
      if (amount && unit && !isWholeMultiple(amount, unit))
        add(`${bp}.amount`, messages.bienniumWhole(label, amount, unit));
      if (x.split !== undefined) {
        const sp = x.split;
        if (!Array.isArray(sp) || sp.length !== 2 || !sp.every(isRate))
          add(`${bp}.split`, messages.number(what('eachYear', label), sp));
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
  label: Message,
  ctx: ScalesContext,
): Problem[] {
  const out: Problem[] = [];
  checkYearScaleEntry(scale, path, label, baseScaleCodes(doc), ctx, (p, m) => out.push(problemOf(p, m)));
  return out;
}

/** R21 one set of derivation settings: the base scale named, figures, decimals, rounding, fixed rates. */
function checkYearScaleEntry(
  s: unknown,
  sp: string,
  label: Message,
  scales: Map<string, Set<string>>,
  ctx: ScalesContext,
  add: (path: string, m: Message) => void,
): void {
  const rate = (o: Obj, key: string, path: string, field: Message, optional = true): string | undefined => {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isRate(v)) {
      add(`${path}.${key}`, messages.number(field, v));
      return undefined;
    }
    return v;
  };
  if (!isObj(s)) return add(sp, messages.notEntry(what('derivation', label)));
  const base = typeof s.baseScale === 'string' ? s.baseScale : undefined;
  if (!base) add(`${sp}.baseScale`, messages.missing(what('baseScale', label)));
  else if (!scales.has(base)) add(`${sp}.baseScale`, messages.noBaseScale(label, base));
  const ceiling = rate(s, 'ceiling', sp, what('ceiling', label));
  const floor = rate(s, 'floor', sp, what('floor', label));
  rate(s, 'excludeBelow', sp, what('excludeBelow', label));
  if (ceiling && floor && new Decimal(floor).gt(ceiling)) add(`${sp}.floor`, messages.floorAboveCeiling(label));
  if (typeof s.decimals !== 'number' || !Number.isInteger(s.decimals) || s.decimals < 0 || s.decimals > 12)
    add(`${sp}.decimals`, messages.decimals(label, s.decimals));
  if (s.rounding !== 'half-up' && s.rounding !== 'largest-remainder')
    add(`${sp}.rounding`, messages.rounding(label, s.rounding));
  if (s.fixedRates === undefined) return;
  if (!Array.isArray(s.fixedRates)) return add(`${sp}.fixedRates`, messages.notList(what('fixedRates', label)));
  const seen = new Set<string>();
  s.fixedRates.forEach((f, k) => {
    const fp = `${sp}.fixedRates[${k}]`;
    const n = String(k + 1);
    if (!isObj(f)) return add(fp, messages.notEntry(what('fixedRate', label, { n })));
    const code = typeof f.member === 'string' && f.member.trim() !== '' ? f.member : undefined;
    if (!code) add(`${fp}.member`, messages.missing(what('fixedMember', label, { n })));
    else if (!ctx.members.has(code)) add(`${fp}.member`, messages.noMember(label, code));
    else if (seen.has(code)) add(`${fp}.member`, messages.fixedTwice(label, code));
    else if (base && scales.get(base)?.has(code)) add(`${fp}.member`, messages.fixedOnBase(label, code, base));
    if (code) seen.add(code);
    rate(f, 'rate', fp, code ? what('fixedRateOf', label, { code }) : what('fixedRateOfN', label, { n }), false);
  });
}
