import { isIsoDate } from '../model/dates';
import { Decimal, decimalPlaces, isWholeMultiple } from '../model/decimal';
import { isNewClassCode, isNewMemberCode, isPositiveDecimal } from '../model/fields';
import type {
  Budget,
  BudgetMethod,
  BudgetYear,
  ClassHolding,
  Member,
  Participation,
  Problem,
  RoundingMode,
  Scheme,
  Workbook,
} from '../model/types';
import { classSource, Holdings, linkedClassMessage, specialUnionArticle } from '../model/classes';
import { classOfLetter } from '../i18n/classes';
import { msg, type Message } from '../i18n/intl';
import { memberName, readClassCode } from '../model/class-input';
import { budgetName } from '../model/budget-name';
import { problem, refuse, type Outcome, changedParts as changed } from './command';
import { clipboardEmpty, E, noBudget, noRowsToRead, notInBudget, notIsoDate, rowProblem } from './messages';
import { parseTsv } from './tsv';

// Every command checks its input first and refuses it with a message (errors are values), then builds a new
// workbook. Its inverse puts back the top-level lists it replaced: exact, and cheap since lists are shared.

const isMessage = (v: unknown): v is Message =>
  typeof v === 'object' && v !== null && 'id' in v && typeof (v as Message).id === 'string';

function budgetOf(wb: Workbook, id: string): Budget | undefined {
  return wb.budgets.find((b) => b.id === id);
}

function schemeOfBudget(wb: Workbook, b: Budget): Scheme | undefined {
  return wb.schemes.find((s) => s.id === b.schemeId);
}

/** R1/R2 the holding to record, checked against the budget's scheme. */
function holdingFor(wb: Workbook, b: Budget, value: string, year: number): ClassHolding | Message {
  const scheme = schemeOfBudget(wb, b);
  if (!scheme) return E('holding.noScheme', { budget: b.name, scheme: b.schemeId });
  const v = value.trim();
  // Issue 14: Delete on a class or weight cell: a member always holds one, said in plain words.
  if (v === '')
    return scheme.kind === 'classes'
      ? E('holding.needsClass', { scheme: scheme.name, classes: scheme.classes.map((c) => c.code).join(', ') })
      : E('holding.needsWeight');
  if (scheme.kind === 'classes') {
    // Issue 14: the one class rule of the CLI, the file and the app (shared/model/class-input.ts): `vi` is VI when
    // the scheme has exactly one such class; two that differ only by case are refused naming both.
    const read = readClassCode(
      scheme.classes.map((c) => c.code),
      v,
    );
    if (!read.ok && read.reason === 'ambiguous')
      return msg('validation.class.ambiguous', { text: v, scheme: scheme.name, classes: read.matches.join(', ') });
    // R1 the Convention's treaty letters as the Arabic and Persian texts write them: ألف is A (typed in the app only).
    const found = read.ok ? read.code : scheme.classes.find((c) => c.code === classOfLetter(scheme.id, v))?.code;
    if (!found)
      return E('holding.notClass', {
        text: v,
        scheme: scheme.name,
        classes: scheme.classes.map((c) => c.code).join(', '),
      });
    return { year, class: found };
  }
  if (!isPositiveDecimal(v)) return E('holding.notWeight', { text: v });
  return { year, weight: v };
}

/**
 * R11 why a class cannot be set for a member of a linked union (its class is the one it holds in the Paris Union),
 * with that class when it holds one in `year`; undefined when the budget takes no classes from another.
 */
export function linkedClassRefusal(wb: Workbook, b: Budget, member?: string, year?: number): Message | undefined {
  const source = schemeOfBudget(wb, b)?.kind === 'classes' ? classSource(wb, b) : undefined;
  if (!source) return undefined;
  return linkedClassMessage(
    b,
    source,
    member,
    member !== undefined && year !== undefined ? linkedClassOf(wb, b, member, year) : undefined,
  );
}

/** R11 the class a member of a linked union holds through it in `year`, if any. */
function linkedClassOf(
  wb: Workbook,
  b: Budget,
  member: string,
  year: number,
  holdings = new Holdings(wb),
): string | undefined {
  try {
    return holdings.holding(b, member, year).class;
  } catch {
    return undefined;
  }
}

/** Sets the holding in force from 1 January of `year` (later holdings stay as they are). */
function withHolding(p: Participation, h: ClassHolding): Participation {
  const classes = p.classes.filter((c) => c.year !== h.year);
  classes.push(h);
  classes.sort((a, b) => a.year - b.year);
  return { ...p, classes };
}

function replaceParticipation(list: readonly Participation[], next: Participation): Participation[] {
  return list.map((p) => (p.budget === next.budget && p.member === next.member ? next : p));
}

export interface SetClassArgs {
  budget: string;
  member: string;
  year: number;
  /** A class code of the budget's scheme (R1), or a weight for a scale (R2). */
  value: string;
}

/** R1/R2 a member holds a class (or weight) in a budget from 1 January of `year`. */
export function setClass(wb: Workbook, a: SetClassArgs): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const p = wb.participations.find((x) => x.budget === a.budget && x.member === a.member);
  if (!p) return refuse(`${a.member}.class`, notInBudget(a.member, b.name));
  const linked = linkedClassRefusal(wb, b, a.member, a.year);
  if (linked) return refuse(`${a.member}.class`, linked);
  const h = holdingFor(wb, b, a.value, a.year);
  if (isMessage(h)) return refuse(`${a.member}.class`, h);
  const after = { ...wb, participations: replaceParticipation(wb.participations, withHolding(p, h)) };
  const label = E('setClass.label', {
    member: a.member,
    kind: h.class !== undefined ? 'class' : 'weight',
    value: h.class ?? h.weight,
    // Issue 14: a weight is a figure, written as the grid writes it (…Amount).
    weightAmount: h.weight ?? '',
    year: a.year,
    budget: b.name,
  });
  return changed(label, wb, after, ['participations']);
}

export interface SetBudgetYearArgs {
  budget: string;
  year: number;
  method?: BudgetMethod;
  /** The total (R4) or unit value (R7), a decimal string. */
  amount?: string;
  /** R10 false = not adopted before the year began: the previous year's level applies. */
  adopted?: boolean;
}

/** R4/R7/R10 the method, figure and adoption of one budget year (the year is created if missing). */
export function setBudgetYear(wb: Workbook, a: SetBudgetYearArgs): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const existing = b.years.find((y) => y.year === a.year);
  const next: BudgetYear = { ...(existing ?? { year: a.year, method: a.method ?? 'total', adopted: true }) };
  if (a.method !== undefined) next.method = a.method;
  if (a.adopted !== undefined) next.adopted = a.adopted;
  if (a.amount !== undefined) {
    if (!isPositiveDecimal(a.amount)) {
      return refuse('amount', E('notPositiveAmount', { text: a.amount }));
    }
    next.amount = a.amount;
  }
  // R5: only a whole number of rounding units can be shared out exactly.
  if (next.method === 'total' && next.amount !== undefined && !isWholeMultiple(next.amount, b.roundingUnit)) {
    return refuse('amount', E('totalNotWhole', { unitAmount: b.roundingUnit, amount: next.amount }));
  }
  if (next.adopted && next.amount === undefined)
    return refuse('amount', E('budgetYear.needsLevel', { year: a.year, method: next.method }));
  const years = b.years.filter((y) => y.year !== a.year);
  years.push(next);
  years.sort((x, y) => x.year - y.year);
  const after = { ...wb, budgets: wb.budgets.map((x) => (x.id === b.id ? { ...b, years } : x)) };
  const what =
    a.amount !== undefined
      ? E('budgetYear.level', { method: next.method, amount: a.amount })
      : a.adopted !== undefined
        ? E(a.adopted ? 'budgetYear.adopted' : 'budgetYear.notAdopted')
        : E('budgetYear.method', { method: next.method });
  return changed({ ...E('budgetYear.label', { budget: b.name, year: a.year }), parts: { what } }, wb, after, [
    'budgets',
  ]);
}

export interface SetBudgetTermsArgs {
  budget: string;
  roundingUnit?: string;
  rounding?: RoundingMode;
  currency?: string;
}

/** R9 rounding unit and mode, and the currency, of a budget. */
export function setBudgetTerms(wb: Workbook, a: SetBudgetTermsArgs): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const next: Budget = { ...b };
  if (a.roundingUnit !== undefined) {
    const unit = a.roundingUnit;
    if (!isPositiveDecimal(unit)) return refuse('roundingUnit', E('terms.notRoundingUnit', { text: unit }));
    const places = decimalPlaces(unit);
    // R5: every total, and every WCF amount shared out by this budget's scale, must stay a whole number of units.
    const bad = b.years.find((y) => y.method === 'total' && y.amount !== undefined && !isWholeMultiple(y.amount, unit));
    if (bad)
      return refuse('roundingUnit', E('terms.totalNotWhole', { year: bad.year, amount: bad.amount, unitAmount: unit }));
    const wcf = wb.wcfDecisions.find(
      (d) => d.budget === b.id && d.amount !== undefined && !isWholeMultiple(d.amount, unit),
    );
    if (wcf)
      return refuse('roundingUnit', E('terms.wcfNotWhole', { amount: wcf.amount, id: wcf.id, unitAmount: unit }));
    next.roundingUnit = a.roundingUnit;
    // Totals are rewritten with the unit's decimals so the file reads naturally ("1000000.00").
    next.years = b.years.map((y) =>
      y.method === 'total' && y.amount !== undefined ? { ...y, amount: new Decimal(y.amount).toFixed(places) } : y,
    );
  }
  if (a.rounding !== undefined) next.rounding = a.rounding;
  if (a.currency !== undefined) {
    if (!/^[A-Z]{3}$/.test(a.currency)) return refuse('currency', E('notCurrency', { text: a.currency }));
    next.currency = a.currency;
  }
  return changed(
    E('terms.label', { budget: b.name }),
    wb,
    { ...wb, budgets: wb.budgets.map((x) => (x.id === b.id ? next : x)) },
    ['budgets'],
  );
}

export interface AddMemberArgs {
  code: string;
  name: string;
  budget: string;
  year: number;
  /** Class code or weight held from `year`. */
  value: string;
  /** Date of accession to the budget's union; default 1 January of `year`. */
  from?: string;
}

/** A new member state joining a budget's union (R12 decides how its first year is assessed). */
export function addMember(wb: Workbook, a: AddMemberArgs): Outcome {
  const code = a.code.trim();
  if (!isNewMemberCode(code)) return refuse('code', E('addMember.notCode', { text: a.code }));
  if (wb.members.some((m) => m.code === code)) return refuse('code', E('addMember.already', { code }));
  const name = memberName(a.name);
  if (!name) return refuse('name', E('addMember.needsName', { code }));
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const source = schemeOfBudget(wb, b)?.kind === 'classes' ? classSource(wb, b) : undefined;
  if (source) return refuse('class', E('addMember.linked', { budget: b.name, source: source.name }));
  const from = a.from ?? `${a.year}-01-01`;
  if (!isIsoDate(from)) return refuse('from', notIsoDate(from));
  const h = holdingFor(wb, b, a.value, a.year);
  if (isMessage(h)) return refuse('class', h);
  const member: Member = { code, name, joined: from };
  const p: Participation = { member: code, budget: b.id, from, classes: [h] };
  return changed(
    E('addMember.label', { code }),
    wb,
    { ...wb, members: [...wb.members, member], participations: [...wb.participations, p] },
    ['members', 'participations'],
  );
}

/** Removes a member entered by mistake, with its participations and class notices; undo puts it back in place. */
export function removeMember(wb: Workbook, code: string): Outcome {
  if (!wb.members.some((m) => m.code === code)) return refuse('code', E('isNotMember', { code }));
  if (wb.payments.some((p) => p.member === code)) {
    return refuse('code', E('removeMember.hasPayments', { code }));
  }
  // Its history (R17a opening balances, R17 decisions) would be left naming no member: the file would not open again.
  if (
    (wb.votingDecisions ?? []).some((d) => d.member === code) ||
    (wb.openingBalances ?? []).some((o) => o.member === code)
  ) {
    return refuse('code', E('removeMember.hasHistory', { code }));
  }
  for (const b of wb.budgets)
    for (const y of b.years)
      if (y.scale?.fixedRates?.some((f) => f.member === code))
        return refuse('code', E('removeMember.hasFixedRate', { code, budget: b.name, year: y.year }));
  // R14 a scenario's change naming it (its class, its leaving, a fixed rate) would name no member: the file would not
  // open again. A 'join' stays: it adds the state back in the scenario.
  for (const sc of wb.scenarios)
    if (
      sc.overrides.some((o) =>
        o.kind === 'class' || o.kind === 'leave'
          ? o.member === code
          : o.kind === 'derivation' && (o.scale.fixedRates ?? []).some((f) => f.member === code),
      )
    )
      return refuse('code', E('removeMember.inScenario', { code, scenario: sc.name }));
  const after: Workbook = {
    ...wb,
    members: wb.members.filter((m) => m.code !== code),
    participations: wb.participations.filter((p) => p.member !== code),
    classChanges: wb.classChanges.filter((c) => c.member !== code),
    // R24 its expected dates go with it: they describe no one else.
    ...(wb.liquidity?.expected?.some((e) => e.member === code)
      ? { liquidity: { ...wb.liquidity, expected: wb.liquidity.expected.filter((e) => e.member !== code) } }
      : {}),
  };
  return changed(E('removeMember.label', { code }), wb, after, [
    'members',
    'participations',
    'classChanges',
    'liquidity',
  ]);
}

export function renameMember(wb: Workbook, code: string, name: string): Outcome {
  const n = memberName(name);
  if (!n) return refuse(`${code}.name`, E('renameMember.needsName'));
  if (!wb.members.some((m) => m.code === code)) return refuse('code', E('isNotMember', { code }));
  return changed(
    E('renameMember.label', { code }),
    wb,
    { ...wb, members: wb.members.map((m) => (m.code === code ? { ...m, name: n } : m)) },
    ['members'],
  );
}

/** Leaving: the member's participation in a budget ends on `until` (it is not assessed from the next 1 January on, R8). */
export function leaveBudget(wb: Workbook, a: { budget: string; member: string; until: string }): Outcome {
  if (!isIsoDate(a.until)) return refuse('until', notIsoDate(a.until));
  const p = wb.participations.find((x) => x.budget === a.budget && x.member === a.member);
  if (!p) return refuse('member', notInBudget(a.member, budgetName(wb, a.budget)));
  return changed(
    E('leaveBudget.label', { member: a.member, budget: budgetName(wb, a.budget), date: a.until }),
    wb,
    { ...wb, participations: replaceParticipation(wb.participations, { ...p, until: a.until }) },
    ['participations'],
  );
}

export interface PasteArgs {
  budget: string;
  year: number;
  /** Tab-separated text copied from a spreadsheet: code, name, class (or weight); a header row may name them. */
  text: string;
}

/** One member row to add or update: `at` says where it came from ("row 3", "line 7") for the messages. */
export interface MemberRow {
  at: string;
  code: string;
  name: string;
  /** Class code or weight; empty = leave as it is. */
  value: string;
}

/**
 * Rows pasted from a spreadsheet add or update members in one undoable step. Rows that cannot be read are
 * reported (by row number) and skipped; if none can be read, the paste is refused.
 */
export function pasteRows(wb: Workbook, a: PasteArgs): Outcome {
  const rows = parseTsv(a.text);
  if (rows.length === 0) return refuse('paste', clipboardEmpty());
  let cols = { code: 0, name: 1, value: 2 };
  let first = 0;
  const head = rows[0].map((h) => h.trim().toLowerCase());
  if (head.includes('code')) {
    const at = (...names: string[]) => head.findIndex((h) => names.includes(h));
    cols = { code: at('code'), name: at('name', 'member', 'state'), value: at('class', 'weight') };
    first = 1;
  }
  const field = (row: string[], i: number) => (i >= 0 ? (row[i] ?? '').trim() : '');
  const list: MemberRow[] = rows.slice(first).map((row, i) => ({
    at: `row ${first + i + 1}`,
    code: field(row, cols.code),
    name: field(row, cols.name),
    value: field(row, cols.value),
  }));
  return upsertMembers(wb, a.budget, a.year, list, 'Paste');
}

/** Members imported from a CSV or XLSX file (already read into rows): the same single undoable step as a paste. */
export function importMembers(
  wb: Workbook,
  a: { budget: string; year: number; rows: MemberRow[]; problems?: Problem[] },
): Outcome {
  const o = upsertMembers(wb, a.budget, a.year, a.rows, 'Import');
  const earlier = a.problems ?? [];
  if (!o.ok) return { ok: false, problems: [...earlier, ...o.problems] };
  return { ...o, problems: [...earlier, ...o.problems] };
}

function upsertMembers(
  wb: Workbook,
  budgetId: string,
  year: number,
  list: readonly MemberRow[],
  verb: 'Paste' | 'Import',
): Outcome {
  const b = budgetOf(wb, budgetId);
  if (!b) return refuse('budget', noBudget(budgetId));
  const problems: Problem[] = [];
  let members = wb.members;
  let participations = wb.participations;
  const index = new Map(members.map((m, i) => [m.code, i]));
  const seen = new Set<string>();
  // R11 in a linked union a row's class must be the one the member holds in the Paris Union (then it changes nothing).
  const linked = linkedClassRefusal(wb, b) !== undefined;
  const holdings = linked ? new Holdings(wb) : undefined;
  let added = 0;
  let updated = 0;
  for (const { at, code, name: typed, value } of list) {
    // Issue 14 the name rule of the CLI, the file and the app: a new member needs one (an empty cell keeps an
    // existing member's name).
    const name = memberName(typed) ?? '';
    if (!isNewMemberCode(code)) {
      problems.push(problem(at, rowProblem(at, E('upsert.notCode', { code }))));
      continue;
    }
    if (seen.has(code)) {
      problems.push(problem(at, rowProblem(at, E('upsert.twice', { code }))));
      continue;
    }
    seen.add(code);
    let h: ClassHolding | Message | undefined;
    if (value !== '') h = holdingFor(wb, b, value, year);
    if (linked && h !== undefined && !isMessage(h)) {
      const held = linkedClassOf(wb, b, code, year, holdings);
      if (held !== h.class) {
        problems.push(problem(at, rowProblem(at, linkedClassRefusal(wb, b, code, year) ?? '')));
        continue;
      }
      h = undefined;
    }
    if (h !== undefined && isMessage(h)) {
      problems.push(problem(at, rowProblem(at, h)));
      continue;
    }
    const i = index.get(code);
    if (i === undefined) {
      if (name === '' || !h) {
        problems.push(problem(at, rowProblem(at, E('upsert.newNeeds', { code }))));
        continue;
      }
      const from = `${year}-01-01`;
      members = [...members, { code, name, joined: from }];
      index.set(code, members.length - 1);
      participations = [...participations, { member: code, budget: b.id, from, classes: [h] }];
      added++;
      continue;
    }
    if (name !== '' && members[i].name !== name) {
      if (members === wb.members) members = [...members];
      members[i] = { ...members[i], name };
    }
    if (h) {
      const p = participations.find((x) => x.budget === b.id && x.member === code);
      if (p) participations = replaceParticipation(participations, withHolding(p, h));
      else participations = [...participations, { member: code, budget: b.id, from: `${year}-01-01`, classes: [h] }];
    }
    updated++;
  }
  if (added + updated === 0) return { ok: false, problems: problems.length ? problems : [problem('', noRowsToRead())] };
  const label = E('upsert.label', { verb, count: added + updated, added, updated });
  return changed(label, wb, { ...wb, members, participations }, ['members', 'participations'], problems);
}

export interface ClassChangeArgs {
  budget: string;
  member: string;
  toClass: string;
  notifiedOn: string;
  /** R13 for a lower class: the ordinary session that heard it (absent = pending). */
  sessionDate?: string;
  /** R13 for a higher class: the year the state names. */
  requestedYear?: number;
}

/** R13 records a notice of a change of class; the engine decides the year it takes effect (or that it is pending). */
export function addClassChange(wb: Workbook, a: ClassChangeArgs): Outcome {
  const b = budgetOf(wb, a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  const source = classSource(wb, b);
  if (source)
    return refuse(
      'budget',
      E('classChange.linked', { budget: b.name, source: source.name, article: specialUnionArticle(b) }),
    );
  if (!wb.participations.some((p) => p.budget === a.budget && p.member === a.member))
    return refuse('member', notInBudget(a.member, b.name));
  const scheme = schemeOfBudget(wb, b);
  if (scheme?.kind !== 'classes' || !scheme.classes.some((c) => c.code === a.toClass))
    return refuse('toClass', E('classChange.notClass', { text: a.toClass, budget: b.name }));
  if (!isIsoDate(a.notifiedOn)) return refuse('notifiedOn', E('classChange.noticeDate', { text: a.notifiedOn }));
  if (a.sessionDate !== undefined && a.sessionDate !== '' && !isIsoDate(a.sessionDate))
    return refuse('sessionDate', E('classChange.sessionDate', { text: a.sessionDate }));
  if (a.sessionDate && a.sessionDate < a.notifiedOn) return refuse('sessionDate', E('classChange.sessionBefore'));
  let n = wb.classChanges.length + 1;
  while (wb.classChanges.some((c) => c.id === `cc-${n}`)) n++;
  const change = {
    id: `cc-${n}`,
    member: a.member,
    budget: a.budget,
    toClass: a.toClass,
    notifiedOn: a.notifiedOn,
  } as Workbook['classChanges'][number];
  if (a.sessionDate) change.sessionDate = a.sessionDate;
  if (a.requestedYear !== undefined) change.requestedYear = a.requestedYear;
  return changed(
    E('classChange.label', { id: change.id, member: a.member, class: a.toClass }),
    wb,
    { ...wb, classChanges: [...wb.classChanges, change] },
    ['classChanges'],
  );
}

/** R13 sets (or clears) the session date of a notice: a pending lower-class request becomes effective. */
export function setSessionDate(wb: Workbook, id: string, sessionDate: string | undefined): Outcome {
  const c = wb.classChanges.find((x) => x.id === id);
  if (!c) return refuse('id', E('classChange.none', { id }));
  if (sessionDate !== undefined && !isIsoDate(sessionDate))
    return refuse('sessionDate', E('classChange.sessionDate', { text: sessionDate }));
  if (sessionDate !== undefined && sessionDate < c.notifiedOn)
    return refuse('sessionDate', E('classChange.sessionBefore'));
  const next = { ...c };
  if (sessionDate === undefined) delete next.sessionDate;
  else next.sessionDate = sessionDate;
  return changed(
    E('classChange.sessionLabel', { id }),
    wb,
    { ...wb, classChanges: wb.classChanges.map((x) => (x.id === id ? next : x)) },
    ['classChanges'],
  );
}

export function removeClassChange(wb: Workbook, id: string): Outcome {
  if (!wb.classChanges.some((x) => x.id === id)) return refuse('id', E('classChange.none', { id }));
  return changed(
    E('classChange.removeLabel', { id }),
    wb,
    { ...wb, classChanges: wb.classChanges.filter((x) => x.id !== id) },
    ['classChanges'],
  );
}

/** R1 the units of one class of a scheme (schemes are editable data). Every budget on the scheme follows. */
export function setClassUnits(wb: Workbook, a: { scheme: string; code: string; units: string }): Outcome {
  const s = wb.schemes.find((x) => x.id === a.scheme);
  if (!s || s.kind !== 'classes') return refuse('scheme', E('noClassScheme', { scheme: a.scheme }));
  if (!s.classes.some((c) => c.code === a.code))
    return refuse('code', E('classUnits.noClass', { scheme: s.name, code: a.code }));
  const u = a.units.trim();
  if (!isPositiveDecimal(u)) return refuse(`${a.code}.units`, E('classUnits.notUnits', { text: a.units }));
  const next = { ...s, classes: s.classes.map((c) => (c.code === a.code ? { ...c, units: u } : c)) };
  return changed(
    E('classUnits.label', { code: a.code, scheme: s.name, unitsAmount: u }),
    wb,
    { ...wb, schemes: wb.schemes.map((x) => (x.id === s.id ? next : x)) },
    ['schemes'],
  );
}

/** R1 a new class in a scheme. */
export function addSchemeClass(wb: Workbook, a: { scheme: string; code: string; units: string }): Outcome {
  const s = wb.schemes.find((x) => x.id === a.scheme);
  if (!s || s.kind !== 'classes') return refuse('scheme', E('noClassScheme', { scheme: a.scheme }));
  const code = a.code.trim();
  if (!isNewClassCode(code)) return refuse('code', E('addClass.notCode', { text: a.code }));
  if (s.classes.some((c) => c.code === code)) return refuse('code', E('addClass.already', { scheme: s.name, code }));
  const u = a.units.trim();
  if (!isPositiveDecimal(u)) return refuse('units', E('notUnits', { text: a.units }));
  const next = { ...s, classes: [...s.classes, { code, units: u }] };
  return changed(
    E('addClass.label', { code, scheme: s.name }),
    wb,
    { ...wb, schemes: wb.schemes.map((x) => (x.id === s.id ? next : x)) },
    ['schemes'],
  );
}

/** R1 removes a class no member holds and no notice names. */
export function removeSchemeClass(wb: Workbook, a: { scheme: string; code: string }): Outcome {
  const s = wb.schemes.find((x) => x.id === a.scheme);
  if (!s || s.kind !== 'classes') return refuse('scheme', E('noClassScheme', { scheme: a.scheme }));
  const budgets = new Set(wb.budgets.filter((b) => b.schemeId === s.id).map((b) => b.id));
  const user = wb.participations.find((p) => budgets.has(p.budget) && p.classes.some((h) => h.class === a.code));
  if (user) return refuse('code', E('removeClass.held', { code: a.code, member: user.member }));
  if (wb.classChanges.some((c) => budgets.has(c.budget) && c.toClass === a.code))
    return refuse('code', E('removeClass.noticed', { code: a.code }));
  const next = { ...s, classes: s.classes.filter((c) => c.code !== a.code) };
  return changed(
    E('removeClass.label', { code: a.code, scheme: s.name }),
    wb,
    { ...wb, schemes: wb.schemes.map((x) => (x.id === s.id ? next : x)) },
    ['schemes'],
  );
}
