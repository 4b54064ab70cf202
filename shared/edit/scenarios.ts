import { budgetNames } from '../model/budget-name';
import { isIsoDate } from '../model/dates';
import { Decimal, decimalPlaces } from '../model/decimal';
import { isNewMemberCode, isPositiveDecimal } from '../model/fields';
import type { BudgetMethod, Problem, Scenario, ScenarioOverride, Workbook } from '../model/types';
import { budgetLevel } from '../engine/years';
import { applyScenario } from '../scenario/scenario';
import { msg, say, type Message } from '../i18n/intl';
import { refuse, type Outcome, changedParts as changed } from './command';
import { linkedClassRefusal } from './commands';
import { E, nameUnchanged, noBudget, notInBudget, notYear, withReason } from './messages';
import { checkYearScale } from './scales';

// R14 scenarios as undoable commands. A scenario only ever changes `workbook.scenarios`; the baseline
// (members, participations, budgets, schemes, class changes) changes only through applyScenarioToBaseline.

const scenariosOf = (wb: Workbook): Scenario[] => wb.scenarios ?? [];

function withScenario(wb: Workbook, id: string, f: (s: Scenario) => Scenario): Workbook {
  return { ...wb, scenarios: scenariosOf(wb).map((s) => (s.id === id ? f(s) : s)) };
}

function cleanName(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ');
  return n === '' || n.length > 120 ? null : n;
}

/** A readable id from the name, unique in the workbook: "Q to class C" → "q-to-class-c", then "-2", "-3"… */
export function scenarioIdFor(wb: Workbook, name: string): string {
  const stem =
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'scenario';
  const taken = new Set(scenariosOf(wb).map((s) => s.id));
  if (!taken.has(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.has(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** A name not yet used: "Copy of X", "Copy of X (2)"… */
function freeName(wb: Workbook, name: string): string {
  const names = new Set(scenariosOf(wb).map((s) => s.name));
  if (!names.has(name)) return name;
  for (let i = 2; ; i++) if (!names.has(`${name} (${i})`)) return `${name} (${i})`;
}

/** R14 a new, empty scenario (no overrides: it computes exactly as the baseline). */
export function createScenario(wb: Workbook, a: { name: string; id?: string }): Outcome {
  const name = cleanName(a.name);
  if (!name) return refuse('name', E('scenario.needsName'));
  if (scenariosOf(wb).some((s) => s.name === name)) return refuse('name', E('scenario.taken', { name }));
  const id = a.id ?? scenarioIdFor(wb, name);
  if (scenariosOf(wb).some((s) => s.id === id)) return refuse('id', E('scenario.idTaken', { id }));
  return changed(
    E('scenario.createLabel', { name }),
    wb,
    { ...wb, scenarios: [...scenariosOf(wb), { id, name, overrides: [] }] },
    ['scenarios'],
  );
}

export function renameScenario(wb: Workbook, id: string, newName: string): Outcome {
  const s = scenariosOf(wb).find((x) => x.id === id);
  if (!s) return refuse('scenario', E('scenario.none', { id }));
  const name = cleanName(newName);
  if (!name) return refuse('name', E('scenario.needsName'));
  if (name === s.name) return refuse('name', nameUnchanged());
  if (scenariosOf(wb).some((x) => x.id !== id && x.name === name)) return refuse('name', E('scenario.taken', { name }));
  return changed(
    E('scenario.renameLabel', { from: s.name, to: name }),
    wb,
    withScenario(wb, id, (x) => ({ ...x, name })),
    ['scenarios'],
  );
}

/** A copy with its own id, placed after the original. */
export function duplicateScenario(wb: Workbook, id: string, a: { name?: string } = {}): Outcome {
  const list = scenariosOf(wb);
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) return refuse('scenario', E('scenario.none', { id }));
  const name =
    a.name !== undefined ? cleanName(a.name) : freeName(wb, say(E('scenario.copyName', { name: list[i].name })));
  if (!name) return refuse('name', E('scenario.needsName'));
  if (list.some((x) => x.name === name)) return refuse('name', E('scenario.taken', { name }));
  const copy: Scenario = { id: scenarioIdFor(wb, name), name, overrides: list[i].overrides.map((o) => ({ ...o })) };
  return changed(
    E('scenario.duplicateLabel', { name: list[i].name }),
    wb,
    { ...wb, scenarios: [...list.slice(0, i + 1), copy, ...list.slice(i + 1)] },
    ['scenarios'],
  );
}

export function deleteScenario(wb: Workbook, id: string): Outcome {
  const s = scenariosOf(wb).find((x) => x.id === id);
  if (!s) return refuse('scenario', E('scenario.none', { id }));
  return changed(
    E('scenario.deleteLabel', { name: s.name }),
    wb,
    { ...wb, scenarios: scenariosOf(wb).filter((x) => x.id !== id) },
    ['scenarios'],
  );
}

/** Two overrides with the same key replace each other: the scenario holds one assumption per thing. */
export function overrideKey(o: ScenarioOverride): string {
  switch (o.kind) {
    case 'class':
      return `class|${o.budget}|${o.member}|${o.fromYear}`;
    case 'level':
      return `level|${o.budget}|${o.year}`;
    case 'join':
    case 'leave':
      return `${o.kind}|${o.budget}|${o.member}`;
    case 'units':
      return `units|${o.scheme}|${o.class}`;
    case 'derivation':
      return `derivation|${o.budget}|${o.year}`;
  }
}

/** The override in words, for labels and the scenario panel. */
export function describeOverride(o: ScenarioOverride): string {
  return say(overrideMessage(o));
}

/**
 * The override as a message, for a display in the user's language. `names` gives a budget's name for its id
 * (issue 14: budgets are named to people by their names); without it the id is said.
 */
export function overrideMessage(o: ScenarioOverride, names: (id: string) => string = (id) => id): Message {
  switch (o.kind) {
    case 'class':
      return E('override.class', {
        member: o.member,
        kind: o.class !== undefined ? 'class' : 'weight',
        value: o.class ?? o.weight ?? '',
        weightAmount: o.weight ?? '',
        year: o.fromYear,
      });
    case 'level':
      return E('override.level', { budget: names(o.budget), year: o.year, method: o.method, amount: o.amount });
    case 'join':
      return E('override.join', { member: o.member, budget: names(o.budget), date: o.from });
    case 'leave':
      return E('override.leave', { member: o.member, budget: names(o.budget), date: o.until });
    case 'units':
      return E('override.units', { class: o.class, scheme: o.scheme, unitsAmount: o.units });
    case 'derivation':
      return derivationMessage(o);
  }
}

/** R21 a scenario's derivation settings in words: "special-fund 2026: rates from base-2025, ceiling 12 %, …". */
function derivationMessage(o: Extract<ScenarioOverride, { kind: 'derivation' }>): Message {
  const s = o.scale;
  const fixed = (s.fixedRates ?? []).map((f) => `${f.member} ${f.rate} %`).join(', ');
  return msg('scenarios.derivation.override', {
    budget: o.budget,
    year: o.year,
    base: s.baseScale,
    excludeBelow: s.excludeBelow ?? 'none',
    ceiling: s.ceiling ?? 'none',
    floor: s.floor ?? 'none',
    decimals: s.decimals,
    rounding: s.rounding === 'half-up' ? 'halfUp' : 'largest',
    fixed: fixed || 'none',
  });
}

/** The problem with an override against this workbook, or null (the same checks as validate.ts, in short). */
function checkOverride(wb: Workbook, o: ScenarioOverride): Message | string | null {
  if (o.kind === 'units') {
    const s = wb.schemes.find((x) => x.id === o.scheme);
    if (!s || s.kind !== 'classes') return E('override.noClassScheme', { scheme: o.scheme });
    if (!s.classes.some((c) => c.code === o.class)) return E('override.notClass', { text: o.class, scheme: s.name });
    if (!isPositiveDecimal(o.units)) return E('notUnits', { text: o.units });
    return null;
  }
  const b = wb.budgets.find((x) => x.id === o.budget);
  if (!b) return noBudget(o.budget);
  if (o.kind === 'derivation') {
    const r = derivationProblems(wb, o);
    return r.length === 0 ? null : (r[0].msg ?? r[0].message);
  }
  if (o.kind === 'level') {
    if (!isPositiveDecimal(o.amount)) return E('notPositiveAmount', { text: o.amount });
    if (o.method === 'total' && decimalPlaces(new Decimal(o.amount).toFixed()) > decimalPlaces(b.roundingUnit))
      return E('override.totalNotWhole', { unitAmount: b.roundingUnit });
    return null;
  }
  if (o.kind !== 'join' && !wb.members.some((m) => m.code === o.member))
    return E('override.noMember', { code: o.member });
  if (o.kind === 'join' && !isNewMemberCode(o.member)) return E('override.notCode', { text: o.member });
  if (o.kind === 'join' && !isIsoDate(o.from)) return E('override.notDate', { text: o.from });
  if (o.kind === 'leave' && !isIsoDate(o.until)) return E('override.notDate', { text: o.until });
  if (o.kind === 'leave' && !wb.participations.some((p) => p.member === o.member && p.budget === o.budget))
    return notInBudget(o.member, b.name);
  if (o.kind === 'class' || (o.kind === 'join' && o.class !== undefined)) {
    const linked = linkedClassRefusal(wb, b); // R11 a linked union's class is the Paris Union's
    if (linked) return linked;
  }
  if (o.kind === 'class' || o.kind === 'join') {
    const s = wb.schemes.find((x) => x.id === b.schemeId);
    if (s?.kind === 'classes') {
      if (o.class !== undefined && !s.classes.some((c) => c.code === o.class))
        return E('holding.notClass', {
          text: o.class,
          scheme: s.name,
          classes: s.classes.map((c) => c.code).join(', '),
        });
      if (o.kind === 'class' && o.class === undefined) return E('override.nameClass', { budget: b.name });
    } else if (s?.kind === 'scale') {
      const w = o.weight;
      if (o.kind === 'class' && w === undefined) return E('override.giveWeight', { budget: b.name });
      if (w !== undefined && !isPositiveDecimal(w)) return E('holding.notWeight', { text: w });
    }
  }
  return null;
}

/**
 * R21 what is wrong with a derivation override on `wb` (the scenario's other assumptions applied), by field: the
 * budget must use a scale and assess the year, and the settings must give rates for the year's members (the checks
 * and words of the Scales view's settings).
 */
function derivationProblems(wb: Workbook, o: Extract<ScenarioOverride, { kind: 'derivation' }>): Problem[] {
  const b = wb.budgets.find((x) => x.id === o.budget)!;
  const one = (path: string, m: Message): Problem[] => [{ path, message: say(m), msg: m }];
  if (!Number.isInteger(o.year) || o.year < 1900 || o.year > 2200) return one('year', notYear(o.year));
  if (wb.schemes.find((x) => x.id === b.schemeId)?.kind !== 'scale')
    return one('budget', msg('scenarios.derivation.notScale', { budget: b.name }));
  try {
    budgetLevel(b, o.year);
  } catch {
    return one('year', msg('scenarios.derivation.noLevel', { budget: b.name, year: o.year }));
  }
  const r = checkYearScale(applyScenario(wb, [o]), { budget: o.budget, year: o.year, settings: o.scale });
  return r.ok ? [] : r.problems;
}

/**
 * R14 records an assumption in a scenario (never in the baseline). An override with the same key (the same
 * member's class from the same year, the same budget year's level…) is replaced where it stands.
 */
export function setScenarioOverride(wb: Workbook, scenarioId: string, o: ScenarioOverride): Outcome {
  const s = scenariosOf(wb).find((x) => x.id === scenarioId);
  if (!s) return refuse('scenario', E('scenario.none', { id: scenarioId }));
  // R21 settings are checked field by field on the workbook the scenario assumes (a state joining in it needs a
  // fixed rate there), so the form can put each problem beside its field.
  if (o.kind === 'derivation') {
    const others = s.overrides.filter((x) => overrideKey(x) !== overrideKey(o));
    const problems = wb.budgets.some((x) => x.id === o.budget)
      ? derivationProblems(applyScenario(wb, others), o)
      : [{ path: 'budget', message: say(noBudget(o.budget)), msg: noBudget(o.budget) }];
    if (problems.length > 0) return { ok: false, problems };
  }
  const problem = o.kind === 'derivation' ? null : checkOverride(wb, o);
  if (problem) return refuse(overrideKey(o), problem);
  const key = overrideKey(o);
  const at = s.overrides.findIndex((x) => overrideKey(x) === key);
  const overrides = at < 0 ? [...s.overrides, o] : s.overrides.map((x, i) => (i === at ? o : x));
  return changed(
    { ...E('override.label', { name: s.name }), parts: { change: overrideMessage(o, budgetNames(wb)) } },
    wb,
    withScenario(wb, scenarioId, (x) => ({ ...x, overrides })),
    ['scenarios'],
  );
}

/** Drops the override with this key (the member, level or units go back to the baseline's in this scenario). */
export function removeScenarioOverride(wb: Workbook, scenarioId: string, key: string): Outcome {
  const s = scenariosOf(wb).find((x) => x.id === scenarioId);
  if (!s) return refuse('scenario', E('scenario.none', { id: scenarioId }));
  const o = s.overrides.find((x) => overrideKey(x) === key);
  if (!o) return refuse('override', E('override.none', { name: s.name }));
  return changed(
    { ...E('override.undoLabel', { name: s.name }), parts: { change: overrideMessage(o, budgetNames(wb)) } },
    wb,
    withScenario(wb, scenarioId, (x) => ({ ...x, overrides: x.overrides.filter((y) => y !== o) })),
    ['scenarios'],
  );
}

/** The class (or weight) a member holds in a budget from `year` in a scenario: the grid's class edit. */
export function setScenarioClass(
  wb: Workbook,
  a: { scenario: string; budget: string; member: string; year: number; value: string },
): Outcome {
  const b = wb.budgets.find((x) => x.id === a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const s = wb.schemes.find((x) => x.id === b.schemeId);
  const v = a.value.trim();
  const linked = linkedClassRefusal(wb, b, a.member, a.year);
  if (linked) return refuse(`${a.member}.class`, linked);
  if (s?.kind === 'classes') {
    const found =
      s.classes.find((c) => c.code === v) ?? s.classes.find((c) => c.code.toLowerCase() === v.toLowerCase());
    if (!found)
      return refuse(
        `${a.member}.class`,
        E('holding.notClass', { text: v, scheme: s.name, classes: s.classes.map((c) => c.code).join(', ') }),
      );
    return setScenarioOverride(wb, a.scenario, {
      kind: 'class',
      member: a.member,
      budget: a.budget,
      fromYear: a.year,
      class: found.code,
    });
  }
  return setScenarioOverride(wb, a.scenario, {
    kind: 'class',
    member: a.member,
    budget: a.budget,
    fromYear: a.year,
    weight: v,
  });
}

/** The budget's total (R4) or unit value (R7) for a year in a scenario. */
export function setScenarioLevel(
  wb: Workbook,
  a: { scenario: string; budget: string; year: number; method: BudgetMethod; amount: string },
): Outcome {
  return setScenarioOverride(wb, a.scenario, {
    kind: 'level',
    budget: a.budget,
    year: a.year,
    method: a.method,
    amount: a.amount,
  });
}

/**
 * R14 applying a scenario: the baseline becomes the workbook the scenario assumes, as ONE undoable step.
 * The scenario is kept so the user can still see what was applied, or delete it.
 */
export function applyScenarioToBaseline(wb: Workbook, id: string): Outcome {
  const s = scenariosOf(wb).find((x) => x.id === id);
  if (!s) return refuse('scenario', E('scenario.none', { id }));
  if (s.overrides.length === 0) return refuse('scenario', E('scenario.empty', { name: s.name }));
  for (const o of s.overrides) {
    // R21 a derivation is checked with the scenario's other assumptions (a state joining with a fixed rate).
    const problem =
      o.kind === 'derivation' && wb.budgets.some((b) => b.id === o.budget)
        ? (derivationProblems(
            applyScenario(
              wb,
              s.overrides.filter((x) => x !== o),
            ),
            o,
          ).map((p) => p.msg ?? p.message)[0] ?? null)
        : checkOverride(wb, o);
    if (problem) return refuse(overrideKey(o), withReason('scenario.cannotApply', { name: s.name }, problem));
  }
  // Every override is idempotent (a holding from a year, a level, units, a membership date), so the scenario,
  // kept as it is, now computes exactly as the baseline: a record of what was applied.
  const after = applyScenario(wb, s.overrides);
  return changed(E('scenario.applyLabel', { name: s.name, count: s.overrides.length }), wb, after, [
    'members',
    'participations',
    'classChanges',
    'budgets',
    'schemes',
  ]);
}
