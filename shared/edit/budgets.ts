import { yearOf } from '../model/dates';
import { Decimal, decimalPlaces, isWholeMultiple } from '../model/decimal';
import { builtInScheme } from '../model/schemes';
import type { Budget, BudgetMethod, ClassHolding, Participation, RoundingMode, Scheme, Workbook } from '../model/types';
import { Holdings } from '../model/classes';
import { say, type Message } from '../i18n/intl';
import { andList } from '../engine/messages';
import { changedParts as changed, refuse, type Outcome } from './command';
import { readPlainAmount } from './input';
import { E, nameUnchanged, noBudget } from './messages';

// Budgets and class schemes created, renamed and removed (R1, R2, R8). Each command is one undoable step: its
// inverse puts back the lists it replaced. Ids are readable slugs of the name, unique in the workbook.

/** `from` of addScheme for a class scheme with no classes yet. */
export const EMPTY_SCHEME = 'empty';

function cleanName(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ');
  return n === '' || n.length > 120 ? null : n;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "Hague Union" → "hague-union", "Genève" → "geneve"; "-2", "-3"… when taken. */
export function slugId(name: string, taken: ReadonlySet<string>, fallback: string): string {
  const stem =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40)
      .replace(/-+$/, '') || fallback;
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** What refers to a budget, in words and counts (empty: nothing, it may be removed). */
export function budgetReferences(wb: Workbook, id: string): string[] {
  return budgetReferenceMessages(wb, id).map((m) => say(m));
}

/** The same as messages, for a display in the user's language. */
export function budgetReferenceMessages(wb: Workbook, id: string): Message[] {
  const out: Message[] = [];
  const count = (n: number, what: string) => n > 0 && out.push(E(`refs.${what}`, { count: n }));
  count(wb.payments.filter((p) => p.budget === id).length, 'payments');
  count(wb.wcfDecisions.filter((d) => d.budget === id).length, 'wcfDecisions');
  count(wb.votingDecisions.filter((d) => d.budget === id).length, 'votingDecisions');
  count(wb.classChanges.filter((c) => c.budget === id).length, 'classChanges');
  const scenarios = wb.scenarios.filter((s) => s.overrides.some((o) => o.kind !== 'units' && o.budget === id));
  const overrides = scenarios.reduce(
    (n, s) => n + s.overrides.filter((o) => o.kind !== 'units' && o.budget === id).length,
    0,
  );
  if (overrides > 0)
    out.push(
      E('refs.scenarios', {
        count: overrides,
        scenarioCount: scenarios.length,
        names: scenarios.map((s) => `“${s.name}”`).join(', '),
      }),
    );
  // R11 a special union takes its classes from this one.
  for (const b of wb.budgets) if (b.classesFrom === id && b.id !== id) out.push(E('refs.linked', { budget: b.name }));
  return out;
}

/** "A, B and C" of names (data), in the language. */
const names = (items: string[]) => andList(items.map((text) => E('text', { text })));

export interface AddSchemeArgs {
  name: string;
  /** A built-in template (wipo-convention, paris, wipo-unitary, scale), 'empty', or a workbook scheme to copy. */
  from: string;
}

/**
 * R1/R2 a new scheme: a template's table, an empty class table, or a copy of one the workbook holds. A workbook
 * scheme wins over a template of the same id: it is what this workbook computes with (and may have been edited).
 */
export function addScheme(wb: Workbook, a: AddSchemeArgs): Outcome {
  const name = cleanName(a.name);
  if (!name) return refuse('name', E('scheme.needsName'));
  if (wb.schemes.some((s) => sameName(s.name, name))) return refuse('name', E('scheme.taken', { name }));
  const source: Scheme | undefined =
    a.from === EMPTY_SCHEME ? undefined : (wb.schemes.find((s) => s.id === a.from) ?? builtInScheme(a.from));
  if (a.from !== EMPTY_SCHEME && !source) return refuse('from', E('scheme.noSource', { from: a.from }));
  // 'empty' stays free as an id so that every scheme can be named as `from`.
  const id = slugId(name, new Set([...wb.schemes.map((s) => s.id), EMPTY_SCHEME]), 'scheme');
  const scheme: Scheme = !source
    ? { id, name, kind: 'classes', classes: [] }
    : source.kind === 'scale'
      ? { id, name, kind: 'scale', ...(source.percent ? { percent: true } : {}) }
      : { id, name, kind: 'classes', classes: source.classes.map((c) => ({ ...c })) };
  return changed(
    source ? E('scheme.addLabelFrom', { name, source: source.name }) : E('scheme.addLabelEmpty', { name }),
    wb,
    { ...wb, schemes: [...wb.schemes, scheme] },
    ['schemes'],
  );
}

export function renameScheme(wb: Workbook, a: { scheme: string; name: string }): Outcome {
  const s = wb.schemes.find((x) => x.id === a.scheme);
  if (!s) return refuse('scheme', E('noScheme', { scheme: a.scheme }));
  const name = cleanName(a.name);
  if (!name) return refuse('name', E('scheme.needsName'));
  if (name === s.name) return refuse('name', nameUnchanged());
  if (wb.schemes.some((x) => x.id !== s.id && sameName(x.name, name)))
    return refuse('name', E('scheme.taken', { name }));
  return changed(
    E('scheme.renameLabel', { from: s.name, to: name }),
    wb,
    { ...wb, schemes: wb.schemes.map((x) => (x.id === s.id ? { ...x, name } : x)) },
    ['schemes'],
  );
}

/** Removes a scheme no budget uses and no scenario names. */
export function removeScheme(wb: Workbook, a: { scheme: string }): Outcome {
  const s = wb.schemes.find((x) => x.id === a.scheme);
  if (!s) return refuse('scheme', E('noScheme', { scheme: a.scheme }));
  const users = wb.budgets.filter((b) => b.schemeId === s.id);
  if (users.length > 0)
    return refuse('scheme', {
      ...E('scheme.used', { scheme: s.name, count: users.length }),
      parts: { budgets: names(users.map((b) => b.name)) },
    });
  const named = wb.scenarios.filter((sc) => sc.overrides.some((o) => o.kind === 'units' && o.scheme === s.id));
  if (named.length > 0)
    return refuse('scheme', {
      ...E('scheme.inScenarios', { scheme: s.name, count: named.length }),
      parts: { scenarios: names(named.map((sc) => `“${sc.name}”`)) },
    });
  return changed(
    E('scheme.removeLabel', { name: s.name }),
    wb,
    { ...wb, schemes: wb.schemes.filter((x) => x.id !== s.id) },
    ['schemes'],
  );
}

export interface AddBudgetArgs {
  name: string;
  schemeId: string;
  currency: string;
  /** R9 any amount greater than zero: 0.01, 0.05, 1, 100. */
  roundingUnit: string;
  rounding: RoundingMode;
  /** The first year, adopted, with its total (R4) or unit value (R7). */
  year: number;
  method: BudgetMethod;
  amount: string;
  /** No members yet, or the participations of a budget on the same scheme (or one whose classes fit) as they stand in `year`. */
  members: 'none' | { copyFrom: string };
}

/** A new budget (a union, a special account…) with its first year, and optionally another budget's members. */
export function addBudget(wb: Workbook, a: AddBudgetArgs): Outcome {
  const name = cleanName(a.name);
  if (!name) return refuse('name', E('budget.needsName'));
  if (wb.budgets.some((b) => sameName(b.name, name))) return refuse('name', E('budget.taken', { name }));
  const scheme = wb.schemes.find((s) => s.id === a.schemeId);
  if (!scheme) return refuse('schemeId', E('budget.noScheme', { scheme: a.schemeId }));
  const currency = a.currency.trim();
  if (!/^[A-Z]{3}$/.test(currency)) return refuse('currency', E('budget.notCurrency', { text: a.currency }));
  const unit = readPlainAmount(a.roundingUnit);
  if (unit === undefined || new Decimal(unit).isZero())
    return refuse('roundingUnit', E('budget.notRoundingUnit', { text: a.roundingUnit }));
  if (a.rounding !== 'half-up' && a.rounding !== 'half-even')
    return refuse('rounding', E('budget.notRounding', { text: String(a.rounding) }));
  if (!Number.isInteger(a.year) || a.year < 1900 || a.year > 2200)
    return refuse('year', E('notYear', { text: String(a.year) }));
  if (a.method !== 'total' && a.method !== 'unit-value')
    return refuse('method', E('budget.notMethod', { text: String(a.method) }));
  const plain = readPlainAmount(a.amount);
  if (plain === undefined || new Decimal(plain).isZero())
    return refuse('amount', E('budget.notAmount', { text: a.amount, method: a.method }));
  // R5: only a whole number of rounding units can be shared out exactly; written with the unit's decimals.
  if (a.method === 'total' && !isWholeMultiple(plain, unit))
    return refuse('amount', E('totalNotWhole', { unitAmount: unit, amount: plain }));
  const amount = a.method === 'total' ? new Decimal(plain).toFixed(decimalPlaces(unit)) : new Decimal(plain).toFixed();

  const id = slugId(name, new Set(wb.budgets.map((b) => b.id)), 'budget');
  const budget: Budget = {
    id,
    name,
    schemeId: scheme.id,
    currency,
    roundingUnit: unit,
    rounding: a.rounding,
    years: [{ year: a.year, method: a.method, amount, adopted: true }],
  };
  let added: Participation[] = [];
  if (a.members !== 'none') {
    const copied = copyMembers(wb, a.members.copyFrom, scheme, id, a.year);
    if (!Array.isArray(copied)) return refuse('members', copied);
    added = copied;
  }
  const after = {
    ...wb,
    budgets: [...wb.budgets, budget],
    participations: added.length ? [...wb.participations, ...added] : wb.participations,
  };
  const label =
    a.members === 'none'
      ? E('budget.addLabel', { name })
      : E('budget.addLabelWith', { name, count: added.length, source: budgetName(wb, a.members.copyFrom) });
  return changed(label, wb, after, ['budgets', 'participations']);
}

const budgetName = (wb: Workbook, id: string) => wb.budgets.find((b) => b.id === id)?.name ?? id;

/**
 * The participations of `sourceId` for a new budget `targetId` on `scheme` (the source's, or one its classes fit): each member with the class it
 * holds in `year` (R11 linked and R13 changed classes included, as the engine reads them), from `year`. Members that
 * left before `year` are not copied; one joining later keeps its date and the class it joins with (R12).
 */
function copyMembers(
  wb: Workbook,
  sourceId: string,
  scheme: Scheme,
  targetId: string,
  year: number,
): Participation[] | Message {
  const source = wb.budgets.find((b) => b.id === sourceId);
  if (!source) return E('copy.noBudget', { budget: sourceId });
  const from = wb.schemes.find((x) => x.id === source.schemeId);
  // Another scheme will do when its classes fit (a copy of the same template): each class must exist in the new one.
  if (!from || from.kind !== scheme.kind)
    return E('copy.kinds', {
      source: source.name,
      sourceKind: from?.kind === 'scale' ? 'scale' : 'classes',
      scheme: scheme.name,
      kind: scheme.kind,
    });
  const first = `${year}-01-01`;
  const holdings = new Holdings(wb);
  const out: Participation[] = [];
  for (const p of wb.participations) {
    if (p.budget !== source.id || (p.until !== undefined && p.until < first)) continue;
    const from = p.from !== undefined && p.from > first ? p.from : undefined;
    const at = from ? yearOf(from) : year;
    let holding: ClassHolding;
    try {
      const h = holdings.holding(source, p.member, at);
      holding = scheme.kind === 'scale' ? { year: at, weight: h.units } : { year: at, class: h.class };
    } catch {
      return E('copy.noClass', { member: p.member, budget: source.name, year: at });
    }
    if (scheme.kind === 'classes' && !scheme.classes.some((c) => c.code === holding.class)) {
      return E('copy.classMissing', {
        member: p.member,
        class: holding.class ?? '',
        budget: source.name,
        scheme: scheme.name,
      });
    }
    const next: Participation = { member: p.member, budget: targetId, classes: [holding] };
    if (from) next.from = from;
    if (p.until !== undefined) next.until = p.until;
    out.push(next);
  }
  return out;
}

export function renameBudget(wb: Workbook, a: { budget: string; name: string }): Outcome {
  const b = wb.budgets.find((x) => x.id === a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const name = cleanName(a.name);
  if (!name) return refuse('name', E('budget.needsName'));
  if (name === b.name) return refuse('name', nameUnchanged());
  if (wb.budgets.some((x) => x.id !== b.id && sameName(x.name, name)))
    return refuse('name', E('budget.taken', { name }));
  return changed(
    E('budget.renameLabel', { from: b.name, to: name }),
    wb,
    { ...wb, budgets: wb.budgets.map((x) => (x.id === b.id ? { ...x, name } : x)) },
    ['budgets'],
  );
}

/** Removes a budget entered by mistake, with its participations; refused while anything still refers to it. */
export function removeBudget(wb: Workbook, a: { budget: string }): Outcome {
  const b = wb.budgets.find((x) => x.id === a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const refs = budgetReferenceMessages(wb, b.id);
  if (refs.length > 0)
    return refuse('budget', { ...E('budget.referred', { budget: b.name }), parts: { refs: andList(refs) } });
  const budgets = wb.budgets.filter((x) => x.id !== b.id);
  const participations = wb.participations.filter((p) => p.budget !== b.id);
  // R15 a payment marked for no budget must stay creditable: some budget of the member in its currency.
  for (const pay of wb.payments) {
    if (pay.budget !== undefined) continue;
    const before = wb.participations.filter((p) => p.member === pay.member).map((p) => p.budget);
    const mine = before.filter((id) => id !== b.id).map((id) => budgets.find((x) => x.id === id)!);
    if (before.includes(b.id) && mine.length > 0 && !mine.some((x) => x.currency === pay.currency)) {
      return refuse(
        'budget',
        E('budget.orphanPayment', { budget: b.name, id: pay.id, member: pay.member, currency: pay.currency }),
      );
    }
  }
  return changed(E('budget.removeLabel', { name: b.name }), wb, { ...wb, budgets, participations }, [
    'budgets',
    'participations',
  ]);
}

/**
 * A new budget on a new scheme, as ONE undoable step (the app's "new scheme from template…" choice). The scheme's
 * refusals come back at `scheme.name` / `scheme.from`, the budget's at their own fields.
 */
export function addBudgetWithNewScheme(
  wb: Workbook,
  a: { scheme: AddSchemeArgs; budget: Omit<AddBudgetArgs, 'schemeId'> },
): Outcome {
  const s = addScheme(wb, a.scheme);
  if (!s.ok) return { ok: false, problems: s.problems.map((p) => ({ ...p, path: `scheme.${p.path}` })) };
  const scheme = s.workbook.schemes.at(-1)!;
  const b = addBudget(s.workbook, { ...a.budget, schemeId: scheme.id });
  if (!b.ok) return b;
  return changed(
    b.labelMsg
      ? { ...E('budget.onNewScheme', { scheme: scheme.name }), parts: { label: b.labelMsg } }
      : `${b.label}, on the new scheme “${scheme.name}”`,
    wb,
    b.workbook,
    ['schemes', 'budgets', 'participations'],
  );
}
