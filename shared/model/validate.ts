import { Holdings, specialUnionArticle } from './classes';
import { obligationEnds } from './dates';
import { normalizeClassCodes } from './class-input';
import { firstSyntaxError, lineIndex, MAX_NESTING, offsetsOfPaths, tooDeepAt } from './json-text';
import { Decimal, isWholeMultiple } from './decimal';
import { decimalFault, isCode, isCurrency, isIsoDate, isPositiveDecimal, isYear } from './fields';
import { validateLiquidity } from './liquidity';
import { journalProblems } from './journal-shape';
import { bienniumYearsOf, isDerivedBudget, validateScales, validateScenarioScale } from './scales';
import type { Message, MessageValues } from '../i18n/intl';
import { problemOf, shownValue as shown, V } from './problems';
import { WORKBOOK_FORMAT, WORKBOOK_VERSION, type Budget, type Problem, type Scheme, type Workbook } from './types';

// Hand-written rather than a schema library: the checks cross-reference (a class must exist in the budget's
// scheme) and every message must read as a budget officer would say it, not as a type error.
// Messages as data (issue 11): every problem carries a Message of catalog area `validation`; its English `message`
// is said only when read (a getter), so 50,000 problems cost their words only when printed (issue 13).

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A value, or a function that makes it. A function is called only when a check fails: a workbook of 10,000 members
 * over 30 years has 300,000 payments, and building every payment's path and label up front cost more than checking
 * it (issue 13).
 */
type Lazy<T> = T | (() => T);
const get = <T>(w: Lazy<T>): T => (typeof w === 'function' ? (w as () => T)() : w);
type Path = Lazy<string>;
type What = Lazy<Message>;

/** A label naming what is checked ("Member AF's name"): `validation.label.*`. */
const L = (id: string, values?: MessageValues, parts?: Record<string, Message>): Message =>
  V(`label.${id}`, values, parts);

class Checker {
  readonly problems: Problem[] = [];
  add(path: string, m: Message): void {
    this.problems.push(problemOf(path, m));
  }
  /** `{what} …` about the field `key`: the label and the values said only now that the field has failed. */
  private fail(path: Path, key: string, id: string, what: What, values?: MessageValues, got?: Message): undefined {
    this.add(`${get(path)}.${key}`, V(`field.${id}`, values, got ? { what: get(what), got } : { what: get(what) }));
    return undefined;
  }
  str(o: Obj, key: string, path: Path, what: What, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isCode(v)) return this.fail(path, key, 'missing', what);
    return v;
  }
  date(o: Obj, key: string, path: Path, what: What, optional = true): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isIsoDate(v)) return this.fail(path, key, 'date', what, undefined, shown(v));
    return v;
  }
  decimal(
    o: Obj,
    key: string,
    path: Path,
    what: What,
    opts: { optional?: boolean; positive?: boolean } = {},
  ): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    const fault = decimalFault(v, opts.positive === true);
    if (fault === undefined) return v as string;
    if (fault === 'number') return this.fail(path, key, 'jsNumber', what, { value: String(v) });
    if (fault === 'notDecimal') return this.fail(path, key, 'decimal', what, undefined, shown(v));
    return this.fail(path, key, opts.positive ? 'positive' : 'notNegative', what, { value: v as string });
  }
  year(o: Obj, key: string, path: Path, what: What, optional = false): number | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isYear(v)) return this.fail(path, key, 'year', what, undefined, shown(v));
    return v;
  }
  oneOf<T extends string>(o: Obj, key: string, path: Path, what: What, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (typeof v !== 'string' || !allowed.includes(v as T))
      return this.fail(path, key, 'oneOf', what, { allowed: allowed.map((a) => `"${a}"`).join(', ') }, shown(v));
    return v as T;
  }
  array(o: Obj, key: string, path: Path, what: What): unknown[] {
    const v = o[key];
    if (!Array.isArray(v)) {
      this.fail(path, key, 'list', what);
      return [];
    }
    return v;
  }
}

/**
 * True when two items of a list have the same string `id`: a first look, so that the usual list (no repeat) builds
 * no Set. Ids go into a table of item positions by a hash of their characters (300,000 payment ids: sorting them
 * was a third of validation, issue 13); should ids crowd one part of the table (a crafted file), sorting decides.
 * Exported for its test.
 */
export function repeats(items: readonly unknown[]): boolean {
  const n = items.length;
  let size = 16;
  while (size < 2 * n) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size); // item position + 1; 0 = free
  for (let k = 0; k < n; k++) {
    const o = items[k];
    if (!isObj(o) || typeof o.id !== 'string') continue;
    const id = o.id;
    let h = 0x811c9dc5; // FNV-1a over UTF-16 code units
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
    for (let s = h & mask, probes = 0; ; s = (s + 1) & mask) {
      const j = slots[s];
      if (j === 0) {
        slots[s] = k + 1;
        break;
      }
      if ((items[j - 1] as Obj).id === id) return true;
      if (++probes > 64) return repeatsBySorting(items);
    }
  }
  return false;
}

function repeatsBySorting(items: readonly unknown[]): boolean {
  const ids: string[] = [];
  for (const o of items) if (isObj(o) && typeof o.id === 'string') ids.push(o.id);
  ids.sort();
  for (let i = 1; i < ids.length; i++) if (ids[i] === ids[i - 1]) return true;
  return false;
}

// Issue 15 item 2: a class is looked up in a Set made once per scheme and a message lists a few codes, so N entries
// against a scheme of M classes cost N + M, not N·M. A malformed list of classes (refused where it is read) is empty.
const classSets = new WeakMap<Scheme, Set<string>>();
function hasClass(scheme: Scheme, code: string): boolean {
  let set = classSets.get(scheme);
  if (!set) {
    const list: unknown = scheme.kind === 'classes' ? scheme.classes : undefined;
    set = new Set(
      (Array.isArray(list) ? list : [])
        .filter(isObj)
        .map((k) => k.code)
        .filter((x): x is string => typeof x === 'string'),
    );
    classSets.set(scheme, set);
  }
  return set.has(code);
}
function classList(scheme: Scheme, most = 12): Message {
  hasClass(scheme, '');
  const codes = [...classSets.get(scheme)!];
  return codes.length <= most
    ? V('classList.all', { codes: codes.join(', ') })
    : V('classList.some', { codes: codes.slice(0, most).join(', '), more: codes.length - most });
}

/** R11 the article that says a special union's members hold the Paris class, as a message. */
const articleOf = (budget: { id: string; name: string }): Message =>
  V(specialUnionArticle(budget) === 'Locarno Agreement Art. 7(4)(a)' ? 'article.locarno' : 'article.like');

/** R11 a class entry given to a member of a linked union (which holds none of its own). */
interface LinkedEntry {
  path: string;
  member: string;
  budget: { id: string; name: string };
  source: { name: string };
  sourceId: string;
  year?: number;
  cls?: string;
}

/**
 * R11 (amended) a special union's members hold no class of their own: every entry is refused, naming the member,
 * the class given and the class it holds in the source union (read with the engine, notices included). An entry
 * equal to the Paris class is refused too: it would stay behind when the Paris class changes.
 */
function reportOwnLinkedClasses(c: Checker, doc: Obj, entries: readonly LinkedEntry[]): void {
  if (entries.length === 0) return;
  let holdings: Holdings | undefined;
  try {
    const list = (k: string) => (Array.isArray(doc[k]) ? (doc[k] as unknown[]).filter(isObj) : []);
    holdings = new Holdings({
      ...doc,
      budgets: list('budgets'),
      schemes: list('schemes'),
      participations: list('participations'),
      classChanges: list('classChanges'),
    } as unknown as Workbook);
  } catch {
    holdings = undefined; // too broken to read the Paris class: the other problems say why
  }
  for (const e of entries) {
    let held: string | undefined;
    try {
      const source = (doc.budgets as Obj[]).find((b) => isObj(b) && b.id === e.sourceId) as unknown as Budget;
      if (holdings && e.year !== undefined) held = holdings.holding(source, e.member, e.year).class;
    } catch {
      held = undefined;
    }
    const year = e.year === undefined ? undefined : String(e.year);
    const names = { member: e.member, budget: e.budget.name, source: e.source.name, cls: e.cls ?? '?' };
    const given = V(year === undefined ? 'linked.given' : 'linked.givenFrom', { ...names, year });
    const there =
      held === undefined
        ? V(year === undefined ? 'linked.holdsNone' : 'linked.holdsNoneFor', { source: e.source.name, year })
        : V(held === e.cls ? 'linked.holdsSame' : 'linked.holdsOther', { held, source: e.source.name });
    const id = held !== undefined && held !== e.cls ? 'linked.ownClassChange' : 'linked.ownClass';
    c.add(e.path, V(id, names, { given, there, article: articleOf(e.budget) }));
  }
}

/** R11 a class-change notice is filed with the union a special union takes its classes from, never with it. */
function linkedNotice(id: string, budget: { name: string }, source: { name: string }): Message {
  return V(
    'linked.notice',
    { budget: budget.name, source: source.name },
    { article: articleOf({ id, name: budget.name }) },
  );
}

/** Every problem in a parsed workbook document; an empty list means it can be computed. */
export function validateWorkbook(doc: unknown): Problem[] {
  const c = new Checker();
  if (!isObj(doc)) {
    c.add('', V('notObject'));
    return c.problems;
  }
  if (doc.format !== WORKBOOK_FORMAT) {
    c.add('format', V('notWorkbook', { expected: WORKBOOK_FORMAT }, { got: shown(doc.format) }));
    return c.problems;
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    c.add('version', V('versionUnreadable', undefined, { got: shown(doc.version) }));
    return c.problems;
  }
  if (doc.version > WORKBOOK_VERSION) {
    c.add('version', V('versionNewer', { version: String(doc.version), reads: String(WORKBOOK_VERSION) }));
    return c.problems;
  }

  if (!isObj(doc.organization)) c.add('organization', V('noOrganization'));
  else c.str(doc.organization, 'name', 'organization', L('organizationName'));
  if (!isObj(doc.settings)) c.add('settings', V('noSettings'));
  else {
    c.oneOf(doc.settings, 'newMemberRule', 'settings', L('newMemberRule'), ['full', 'months', 'days'] as const);
    c.oneOf(doc.settings, 'creditingOrder', 'settings', L('creditingOrder'), [
      'wcf-then-oldest',
      'oldest-first',
    ] as const);
    if (doc.settings.votingTest !== undefined)
      c.oneOf(doc.settings, 'votingTest', 'settings', L('votingTest'), ['per-budget', 'combined'] as const);
  }

  // Schemes (R1, R2).
  const schemes = new Map<string, Scheme>();
  c.array(doc, 'schemes', '', L('schemes')).forEach((s, i) => {
    const path = `schemes[${i}]`;
    const n = String(i + 1);
    if (!isObj(s)) return c.add(path, V('scheme.notScheme', { n }));
    const id = c.str(s, 'id', path, L('scheme.id', { n }));
    const sid = id ?? n;
    c.str(s, 'name', path, L('scheme.name', { scheme: sid }));
    const kind = c.oneOf(s, 'kind', path, L('scheme.kind', { scheme: sid }), ['classes', 'scale'] as const);
    if (id && schemes.has(id)) c.add(`${path}.id`, V('scheme.idTwice', { id }));
    if (kind === 'classes') {
      const codes = new Set<string>();
      c.array(s, 'classes', path, L('scheme.classes', { scheme: sid })).forEach((k, j) => {
        const kp = `${path}.classes[${j}]`;
        const m = String(j + 1);
        if (!isObj(k)) return c.add(kp, V('scheme.notClass', { n: m, scheme: sid }));
        const code = c.str(k, 'code', kp, L('scheme.classCode', { n: m, scheme: sid }));
        if (code && codes.has(code)) c.add(`${kp}.code`, V('scheme.classTwice', { scheme: sid, code }));
        if (code) codes.add(code);
        c.decimal(k, 'units', kp, L('scheme.classUnits', { cls: code ?? m, scheme: sid }), { positive: true });
      });
    }
    // R21–R23 a scale whose weights are percentage rates (optional: version-1 files have none).
    if (s.percent !== undefined && typeof s.percent !== 'boolean')
      c.add(`${path}.percent`, V('scheme.percent', { scheme: sid }, { got: shown(s.percent) }));
    if (id && kind) schemes.set(id, s as unknown as Scheme);
  });

  // Members.
  const members = new Map<string, number>();
  c.array(doc, 'members', '', L('members')).forEach((m, i) => {
    const path = `members[${i}]`;
    if (!isObj(m)) return c.add(path, V('member.notMember', { n: String(i + 1) }));
    const code = c.str(m, 'code', path, () => L('member.code', { n: String(i + 1) }));
    const who = code ?? String(i + 1);
    c.str(m, 'name', path, () => L('member.name', { member: who }));
    const joined = c.date(m, 'joined', path, () => L('member.joined', { member: who }));
    const withdrew = c.date(m, 'withdrew', path, () => L('member.withdrew', { member: who }));
    if (joined && withdrew && withdrew < joined)
      c.add(`${path}.withdrew`, V('member.withdrewBeforeJoining', { member: who, withdrew, joined }));
    if (code && members.has(code))
      c.add(`${path}.code`, V('member.codeTwice', { code, n: String(members.get(code)! + 1) }));
    else if (code) members.set(code, i);
  });

  // Budgets (R8–R11).
  const budgets = new Map<string, { scheme?: Scheme; classesFrom?: string; name: string; derived?: boolean }>();
  const rawBudgets = c.array(doc, 'budgets', '', L('budgets'));
  rawBudgets.forEach((b, i) => {
    const path = `budgets[${i}]`;
    if (!isObj(b)) return c.add(path, V('budget.notBudget', { n: String(i + 1) }));
    const id = c.str(b, 'id', path, L('budget.id', { n: String(i + 1) }));
    const bid = id ?? String(i + 1);
    const label = L('budget', { budget: bid });
    const its = (what: string) => L(`budget.${what}`, { budget: bid });
    c.str(b, 'name', path, its('name'));
    const schemeId = c.str(b, 'schemeId', path, its('scheme'));
    const scheme = schemeId ? schemes.get(schemeId) : undefined;
    if (schemeId && !scheme) c.add(`${path}.schemeId`, V('budget.noScheme', { budget: bid, scheme: schemeId }));
    const currency = c.str(b, 'currency', path, its('currency'));
    if (currency && !isCurrency(currency))
      c.add(`${path}.currency`, V('budget.currency', { budget: bid }, { got: shown(currency) }));
    const unit = c.decimal(b, 'roundingUnit', path, its('roundingUnit'), { positive: true });
    c.oneOf(b, 'rounding', path, its('rounding'), ['half-up', 'half-even'] as const);
    if (id && budgets.has(id)) c.add(`${path}.id`, V('budget.idTwice', { id }));
    const classesFrom = typeof b.classesFrom === 'string' ? b.classesFrom : undefined;
    if (b.classesFrom !== undefined && classesFrom === undefined)
      c.add(`${path}.classesFrom`, V('budget.classesFromNotId', { budget: bid }));
    const years = new Set<number>();
    const inBiennium = bienniumYearsOf(b); // R23 those years take their figure from the biennium
    c.array(b, 'years', path, its('years')).forEach((y, j) => {
      const yp = `${path}.years[${j}]`;
      const entry = String(j + 1);
      if (!isObj(y)) return c.add(yp, V('budget.notYear', { budget: bid, n: entry }));
      const year = c.year(y, 'year', yp, L('budget.yearOfEntry', { budget: bid, n: entry }));
      const yl =
        year === undefined
          ? L('budget.entry', { n: entry }, { budget: label })
          : L('budget.year', { year: String(year) }, { budget: label });
      if (year !== undefined && years.has(year))
        c.add(`${yp}.year`, V('budget.yearTwice', { budget: bid, year: String(year) }));
      if (year !== undefined) years.add(year);
      const method = c.oneOf(y, 'method', yp, L('budgetYear.method', undefined, { year: yl }), [
        'total',
        'unit-value',
      ] as const);
      if (typeof y.adopted !== 'boolean') c.add(`${yp}.adopted`, V('budgetYear.adopted', undefined, { year: yl }));
      const biennial = year !== undefined && inBiennium.has(year);
      const level = method === 'unit-value' ? 'unitValue' : 'total';
      const amount = c.decimal(y, 'amount', yp, L(`budgetYear.${level}`, undefined, { year: yl }), {
        optional: y.adopted === false || biennial,
      });
      if (y.adopted === true && amount === undefined && y.amount === undefined && !biennial)
        c.add(`${yp}.amount`, V(`budgetYear.needs.${level}`, undefined, { year: yl }));
      if (method === 'total' && amount && unit && !isWholeMultiple(amount, unit))
        c.add(`${yp}.amount`, V('budgetYear.notWhole', { amount, unitAmount: unit }, { year: yl }));
    });
    if (id)
      budgets.set(id, {
        scheme,
        classesFrom,
        name: typeof b.name === 'string' && b.name.trim() !== '' ? b.name : id,
        derived: isDerivedBudget(b),
      });
  });
  rawBudgets.forEach((b, i) => {
    if (!isObj(b) || typeof b.classesFrom !== 'string') return;
    const linked = budgets.get(b.classesFrom);
    if (!linked)
      c.add(`budgets[${i}].classesFrom`, V('budget.classesFromUnknown', { budget: String(b.id), from: b.classesFrom }));
    else if (b.classesFrom === b.id)
      c.add(`budgets[${i}].classesFrom`, V('budget.classesFromItself', { budget: String(b.id) }));
  });

  // Participations (R11–R13).
  const taking = new Set<string>();
  const ownLinked: LinkedEntry[] = [];
  c.array(doc, 'participations', '', L('participations')).forEach((p, i) => {
    const path = `participations[${i}]`;
    const n = String(i + 1);
    if (!isObj(p)) return c.add(path, V('participation.notParticipation', { n }));
    const member = c.str(p, 'member', path, () => L('participation.member', { n }));
    const budgetId = c.str(p, 'budget', path, () => L('participation.budget', { n }));
    const names = { member: member ?? '?', budget: budgetId ?? '?' };
    const label = () => L('participation', names);
    if (member && !members.has(member)) c.add(`${path}.member`, V('noMember', { code: member }, { label: label() }));
    const budget = budgetId ? budgets.get(budgetId) : undefined;
    if (budgetId && !budget) c.add(`${path}.budget`, V('noBudget', { id: budgetId }, { label: label() }));
    const key = `${member}\u0000${budgetId}`;
    if (member && budgetId && taking.has(key)) c.add(path, V('participation.twice', names));
    taking.add(key);
    const from = c.date(p, 'from', path, () => L('participation.from', names));
    const until = c.date(p, 'until', path, () => L('participation.until', names));
    if (from && until && until < from)
      c.add(`${path}.until`, V('participation.leftBeforeJoining', { ...names, until, from }));
    const holdings = c.array(p, 'classes', path, () => L('participation.classes', names));
    // R21 a budget whose rates are derived from a base scale needs no weight of its members' own.
    if (holdings.length === 0 && budget && !budget.classesFrom && !budget.derived)
      c.add(`${path}.classes`, V('participation.noClass', names));
    const seenYears = new Set<number>();
    holdings.forEach((h, j) => {
      const hp = `${path}.classes[${j}]`;
      const entry = String(j + 1);
      if (!isObj(h)) return c.add(hp, V('participation.notClass', { ...names, n: entry }));
      const year = c.year(h, 'year', hp, () => L('participation.classYear', { ...names, n: entry }));
      if (year !== undefined && seenYears.has(year))
        c.add(`${hp}.year`, V('participation.twoClasses', { ...names, year: String(year) }));
      if (year !== undefined) seenYears.add(year);
      const source = budget?.classesFrom ? budgets.get(budget.classesFrom) : undefined;
      if (member && budget && source && budget.scheme?.kind === 'classes') {
        ownLinked.push({
          path: hp,
          member,
          budget: { id: budgetId!, name: budget.name },
          source,
          sourceId: budget.classesFrom!,
          year,
          cls: typeof h.class === 'string' ? h.class : undefined,
        });
      }
      const scheme = budget?.scheme;
      // "from 2026", or "class entry 2" when the year is unreadable (never "from undefined").
      const at = () =>
        L(year !== undefined ? 'participation.fromYear' : 'participation.entry', {
          ...names,
          year: year === undefined ? undefined : String(year),
          n: entry,
        });
      if (scheme?.kind === 'scale') c.decimal(h, 'weight', hp, () => L('at.weight', undefined, { at: at() }));
      else if (scheme?.kind === 'classes') {
        const cls = c.str(h, 'class', hp, () => L('at.class', undefined, { at: at() }));
        if (cls && !hasClass(scheme, cls))
          c.add(
            `${hp}.class`,
            V('notClassOfListed', { cls, scheme: scheme.id }, { label: at(), list: classList(scheme) }),
          );
      }
    });
  });

  reportOwnLinkedClasses(c, doc, ownLinked);

  // Class-change notices (R13).
  const changeIds = new Set<string>();
  c.array(doc, 'classChanges', '', L('classChanges')).forEach((ch, i) => {
    const path = `classChanges[${i}]`;
    const n = String(i + 1);
    if (!isObj(ch)) return c.add(path, V('classChange.notChange', { n }));
    const id = c.str(ch, 'id', path, L('classChange.id', { n }));
    if (id && changeIds.has(id)) c.add(`${path}.id`, V('classChange.idTwice', { id }));
    if (id) changeIds.add(id);
    const cid = id ?? n;
    const member = c.str(ch, 'member', path, L('classChange.member', { id: cid }));
    const budgetId = c.str(ch, 'budget', path, L('classChange.budget', { id: cid }));
    const label = L('classChange', { id: cid, member: member ?? '?', budget: budgetId ?? '?' });
    const its = (what: string) => L(`classChange.${what}`, undefined, { label });
    if (member && !members.has(member)) c.add(`${path}.member`, V('noMember', { code: member }, { label }));
    const budget = budgetId ? budgets.get(budgetId) : undefined;
    if (budgetId && !budget) c.add(`${path}.budget`, V('noBudget', { id: budgetId }, { label }));
    if (member && budgetId && !taking.has(`${member}\u0000${budgetId}`))
      c.add(path, V('notTakingPart', { member, budget: budgetId }, { label }));
    const source = budget?.classesFrom ? budgets.get(budget.classesFrom) : undefined;
    if (budget && source)
      c.add(`${path}.budget`, V('labelled', undefined, { label, text: linkedNotice(budgetId!, budget, source) }));
    const to = c.str(ch, 'toClass', path, its('toClass'));
    if (to && budget?.scheme?.kind === 'classes' && !hasClass(budget.scheme, to))
      c.add(`${path}.toClass`, V('notClassOf', { cls: to, scheme: budget.scheme.id }, { label }));
    const notified = c.date(ch, 'notifiedOn', path, its('notifiedOn'), false);
    const session = c.date(ch, 'sessionDate', path, its('sessionDate'));
    if (notified && session && session < notified)
      c.add(`${path}.sessionDate`, V('classChange.sessionBeforeNotice', { session, notified }, { label }));
    c.year(ch, 'requestedYear', path, its('requestedYear'), true);
  });

  validateLedger(c, doc, members, taking, rawBudgets);
  validateOpeningBalances(c, doc, members, taking, rawBudgets);
  c.problems.push(...validateLiquidity(doc, { members, budgets, taking })); // R24
  c.problems.push(...validateScales(doc, { members, schemeKind: (id) => schemes.get(id)?.kind })); // R21–R23
  for (const p of journalProblems(doc.journal)) c.add(p.path, p.msg); // issue 16: who changed what
  // R17b arrears can be summed over budgets only when they are counted in one currency.
  if (isObj(doc.settings) && doc.settings.votingTest === 'combined') {
    const currencies = new Set(rawBudgets.filter(isObj).map((b) => b.currency));
    if (currencies.size > 1)
      c.add('settings.votingTest', V('combinedCurrencies', { currencies: [...currencies].map(String).join(', ') }));
  }
  // R14 scenarios: their overrides name members, budgets, classes and schemes of this workbook.
  const scenarioIds = new Set<string>();
  (doc.scenarios === undefined ? [] : c.array(doc, 'scenarios', '', L('scenarios'))).forEach((sc, i) => {
    const path = `scenarios[${i}]`;
    const n = String(i + 1);
    if (!isObj(sc)) return c.add(path, V('scenario.notScenario', { n }));
    const id = c.str(sc, 'id', path, L('scenario.id', { n }));
    const name = c.str(sc, 'name', path, L('scenario.name', { scenario: id ?? n })) ?? id ?? n;
    if (id && scenarioIds.has(id)) c.add(`${path}.id`, V('scenario.idTwice', { id }));
    if (id) scenarioIds.add(id);
    c.array(sc, 'overrides', path, L('scenario.overrides', { scenario: name })).forEach((o, j) => {
      const op = `${path}.overrides[${j}]`;
      const label = L('scenario.change', { scenario: name, n: String(j + 1) });
      const its = (what: string) => L(`change.${what}`, undefined, { label });
      if (!isObj(o)) return c.add(op, V('scenario.notChange', undefined, { label }));
      const kind = c.oneOf(o, 'kind', op, its('kind'), [
        'class',
        'level',
        'join',
        'leave',
        'units',
        'derivation',
      ] as const);
      if (kind === 'units') {
        const schemeId = c.str(o, 'scheme', op, its('scheme'));
        const scheme = schemeId ? schemes.get(schemeId) : undefined;
        if (schemeId && !scheme) c.add(`${op}.scheme`, V('noScheme', { id: schemeId }, { label }));
        const cls = c.str(o, 'class', op, its('class'));
        if (cls && scheme?.kind === 'classes' && !hasClass(scheme, cls))
          c.add(`${op}.class`, V('notClassOf', { cls, scheme: scheme.id }, { label }));
        c.decimal(o, 'units', op, its('units'), { positive: true });
        return;
      }
      if (!kind) return;
      const budgetId = c.str(o, 'budget', op, its('budget'));
      const budget = budgetId ? budgets.get(budgetId) : undefined;
      if (budgetId && !budget) c.add(`${op}.budget`, V('noBudget', { id: budgetId }, { label }));
      if (kind === 'derivation') {
        // R21 the settings are checked as a budget year's; the budget must be one whose rates a scale gives.
        c.year(o, 'year', op, its('year'));
        if (budget?.scheme && budget.scheme.kind !== 'scale')
          c.add(`${op}.budget`, V('scenario.notScale', { budget: budget.name }, { label }));
        // A fixed rate may be for a state that joins in this same scenario.
        const joining = new Set(
          (Array.isArray(sc.overrides) ? sc.overrides : []).flatMap((x) =>
            isObj(x) && x.kind === 'join' && typeof x.member === 'string' ? [x.member] : [],
          ),
        );
        const ctx = {
          members: { has: (code: string) => members.has(code) || joining.has(code) },
          schemeKind: (id: string) => schemes.get(id)?.kind,
        };
        c.problems.push(...validateScenarioScale(doc, o.scale, `${op}.scale`, label, ctx));
        return;
      }
      if (kind === 'level') {
        c.year(o, 'year', op, its('year'));
        c.oneOf(o, 'method', op, its('method'), ['total', 'unit-value'] as const);
        c.decimal(o, 'amount', op, its('amount'));
        return;
      }
      const member = c.str(o, 'member', op, its('member'));
      if (kind !== 'join' && member && !members.has(member))
        c.add(`${op}.member`, V('noMember', { code: member }, { label }));
      if (kind === 'class') c.year(o, 'fromYear', op, its('fromYear'));
      if (kind === 'join') c.date(o, 'from', op, its('joined'), false);
      if (kind === 'leave') c.date(o, 'until', op, its('left'), false);
      const source = budget?.classesFrom ? budgets.get(budget.classesFrom) : undefined;
      if (
        budget &&
        source &&
        budget.scheme?.kind === 'classes' &&
        (kind === 'class' || (kind === 'join' && o.class !== undefined))
      ) {
        return c.add(
          `${op}.budget`,
          V(
            'scenario.linkedClass',
            { budget: budget.name, source: source.name },
            { label, article: articleOf({ id: budgetId!, name: budget.name }) },
          ),
        );
      }
      if (kind === 'class' || kind === 'join') {
        if (budget?.scheme?.kind === 'scale') c.decimal(o, 'weight', op, its('weight'), { optional: kind === 'join' });
        else if (budget?.scheme?.kind === 'classes') {
          const cls = c.str(o, 'class', op, its('class'), kind === 'join' && !!budget.classesFrom);
          if (cls && !hasClass(budget.scheme, cls))
            c.add(`${op}.class`, V('notClassOf', { cls, scheme: budget.scheme.id }, { label }));
        }
      }
    });
  });
  return c.problems;
}

/** R15–R20 payments, WCF decisions, host-state advance agreements and voting decisions. */
function validateLedger(
  c: Checker,
  doc: Obj,
  members: Map<string, number>,
  taking: Set<string>,
  rawBudgets: unknown[],
): void {
  const budgets = new Map<string, { currency?: unknown; roundingUnit?: unknown }>();
  for (const b of rawBudgets) if (isObj(b) && typeof b.id === 'string') budgets.set(b.id, b);
  const list = (key: string, what: string) => (doc[key] === undefined ? [] : c.array(doc, key, '', L(what)));
  /**
   * `kind` names the item in the catalogs: `validation.label.<kind>.id`, `validation.<kind>.idTwice`. The whole
   * list is looked at once first (repeats): when no id repeats (the usual case) no Set is built item by item, which
   * cost several times more for 300,000 payments (issue 13); when one does, each repeat is said where it is.
   */
  const uniqueIds = (kind: string, items: readonly unknown[]) => {
    const seen = repeats(items) ? new Set<string>() : undefined;
    return (o: Obj, path: Path, i: number): string | undefined => {
      const id = c.str(o, 'id', path, () => L(`${kind}.id`, { n: String(i + 1) }));
      if (id !== undefined && seen) {
        const before = seen.size; // one lookup, not has() then add()
        if (seen.add(id).size === before) c.add(`${get(path)}.id`, V(`${kind}.idTwice`, { id }));
      }
      return id;
    };
  };
  const member = (o: Obj, key: string, path: Path, label: What) => {
    const code = c.str(o, key, path, () => L('of.member', undefined, { label: get(label) }));
    if (code && !members.has(code)) c.add(`${get(path)}.${key}`, V('noMember', { code }, { label: get(label) }));
    return code;
  };
  const budget = (o: Obj, path: Path, label: What, optional: boolean) => {
    const id = c.str(o, 'budget', path, () => L('of.budget', undefined, { label: get(label) }), optional);
    if (id && !budgets.has(id)) c.add(`${get(path)}.budget`, V('noBudget', { id }, { label: get(label) }));
    return id && budgets.has(id) ? id : undefined;
  };

  // R15 payments. Their paths and labels are made only for a payment that fails, reading the payment being checked
  // (`at`, `atId`), so a payment that passes builds neither a string nor a message.
  const payments = list('payments', 'payments');
  const paymentId = uniqueIds('payment', payments);
  let at = 0;
  let atId: string | undefined;
  const paymentPath = () => `payments[${at}]`;
  const paymentLabel = () => L('payment', { id: atId ?? String(at + 1) });
  const its = (what: string) => () => L(`payment.${what}`, undefined, { label: paymentLabel() });
  const [itsDate, itsAmount, itsCurrency, itsYear, itsPurpose, itsReference] = [
    'date',
    'amount',
    'currency',
    'year',
    'purpose',
    'reference',
  ].map(its);
  // The currencies of the budgets a member takes part in, found once per member rather than once per payment.
  const currenciesOf = new Map<number, Set<unknown>>();
  const keptIn = (code: string, position: number) => {
    let s = currenciesOf.get(position);
    if (!s)
      currenciesOf.set(
        position,
        (s = new Set([...budgets].filter(([id]) => taking.has(`${code}\u0000${id}`)).map(([, x]) => x.currency))),
      );
    return s;
  };
  const itsMember = () => L('of.member', undefined, { label: paymentLabel() });
  payments.forEach((p, i) => {
    at = i;
    atId = undefined;
    if (!isObj(p)) return c.add(paymentPath(), V('payment.notPayment', { n: String(i + 1) }));
    atId = paymentId(p, paymentPath, i);
    // As `member` does, with one lookup that also gives the member's position (300,000 payments).
    const code = c.str(p, 'member', paymentPath, itsMember);
    const memberAt = code === undefined ? undefined : members.get(code);
    if (code && memberAt === undefined)
      c.add(`${paymentPath()}.member`, V('noMember', { code }, { label: paymentLabel() }));
    c.date(p, 'date', paymentPath, itsDate, false);
    c.decimal(p, 'amount', paymentPath, itsAmount, { positive: true });
    const currency = c.str(p, 'currency', paymentPath, itsCurrency);
    if (currency && !isCurrency(currency))
      c.add(
        `${paymentPath()}.currency`,
        V('payment.currency', undefined, { label: paymentLabel(), got: shown(currency) }),
      );
    const b = budget(p, paymentPath, paymentLabel, true);
    if (b && code && memberAt !== undefined && !taking.has(`${code}\u0000${b}`))
      c.add(
        `${paymentPath()}.budget`,
        V('payment.notTakingPart', { budget: b, member: code }, { label: paymentLabel() }),
      );
    if (b && currency && budgets.get(b)!.currency !== currency)
      c.add(
        `${paymentPath()}.currency`,
        V(
          'payment.otherCurrency',
          { currency, budget: b, kept: String(budgets.get(b)!.currency) },
          { label: paymentLabel() },
        ),
      );
    if (!b && currency && code && memberAt !== undefined) {
      const kept = keptIn(code, memberAt);
      if (kept.size > 0 && !kept.has(currency))
        c.add(
          `${paymentPath()}.currency`,
          V('payment.noBudgetInCurrency', { currency, member: code }, { label: paymentLabel() }),
        );
    }
    c.year(p, 'year', paymentPath, itsYear, true);
    if (p.purpose !== undefined) c.oneOf(p, 'purpose', paymentPath, itsPurpose, ['contribution', 'wcf'] as const);
    c.str(p, 'reference', paymentPath, itsReference, true);
  });

  // R19 working capital fund decisions.
  const wcfDecisions = list('wcfDecisions', 'wcfDecisions');
  const wcfId = uniqueIds('wcf', wcfDecisions);
  wcfDecisions.forEach((d, i) => {
    const path = `wcfDecisions[${i}]`;
    if (!isObj(d)) return c.add(path, V('wcf.notDecision', { n: String(i + 1) }));
    const label = L('wcf', { id: wcfId(d, path, i) ?? String(i + 1) });
    const its = (what: string) => L(`wcf.${what}`, undefined, { label });
    const b = budget(d, path, label, false);
    c.year(d, 'year', path, its('year'));
    if ((d.proportion === undefined) === (d.amount === undefined)) {
      c.add(path, V(d.proportion === undefined ? 'wcf.neither' : 'wcf.both', undefined, { label }));
    } else if (d.proportion !== undefined) {
      c.decimal(d, 'proportion', path, its('proportion'), { positive: true });
    } else {
      const amount = c.decimal(d, 'amount', path, its('amount'), { positive: true });
      const unit = b ? budgets.get(b)!.roundingUnit : undefined;
      if (amount && isPositiveDecimal(unit) && !isWholeMultiple(amount, unit))
        c.add(`${path}.amount`, V('wcf.notWhole', { amount, budget: b!, unitAmount: unit }, { label }));
    }
    c.date(d, 'decidedOn', path, its('decidedOn'));
    c.str(d, 'reference', path, its('reference'), true);
  });

  // R20 host-state advance agreements.
  const agreements = list('advanceAgreements', 'advanceAgreements');
  const agreementId = uniqueIds('advance', agreements);
  agreements.forEach((a, i) => {
    const path = `advanceAgreements[${i}]`;
    if (!isObj(a)) return c.add(path, V('advance.notAgreement', { n: String(i + 1) }));
    const label = L('advance', { id: agreementId(a, path, i) ?? String(i + 1) });
    const its = (what: string) => L(`advance.${what}`, undefined, { label });
    const host = c.str(a, 'hostState', path, its('hostState'));
    if (host && !members.has(host)) c.add(`${path}.hostState`, V('advance.hostNotMember', { host }, { label }));
    const ceiling = c.decimal(a, 'ceiling', path, its('ceiling'), { positive: true });
    const currency = c.str(a, 'currency', path, its('currency'));
    if (currency && !isCurrency(currency))
      c.add(`${path}.currency`, V('advance.currency', undefined, { label, got: shown(currency) }));
    c.str(a, 'conditions', path, its('conditions'), true);
    const signed = c.date(a, 'signedOn', path, its('signedOn'));
    let ends: string | undefined;
    if (a.denunciation !== undefined) {
      const dp = `${path}.denunciation`;
      if (!isObj(a.denunciation)) c.add(dp, V('advance.denunciation', undefined, { label }));
      else {
        c.oneOf(a.denunciation, 'by', dp, its('denouncedBy'), ['host-state', 'organization'] as const);
        const notified = c.date(a.denunciation, 'notifiedOn', dp, its('denouncedOn'), false);
        c.str(a.denunciation, 'reference', dp, its('denunciationReference'), true);
        if (notified && signed && notified < signed)
          c.add(`${dp}.notifiedOn`, V('advance.denouncedBeforeSigned', { notified, signed }, { label }));
        if (notified) ends = obligationEnds(notified);
      }
    }
    const moves: { date: string; kind: string; amount: string; j: number }[] = [];
    c.array(a, 'movements', path, its('movements')).forEach((m, j) => {
      const mp = `${path}.movements[${j}]`;
      const n = String(j + 1);
      if (!isObj(m)) return c.add(mp, V('advance.notMovement', { n }, { label }));
      const mine = (what: string) => L(`movement.${what}`, { n }, { label });
      const date = c.date(m, 'date', mp, mine('date'), false);
      const kind = c.oneOf(m, 'kind', mp, mine('kind'), ['drawn', 'repaid'] as const);
      const amount = c.decimal(m, 'amount', mp, mine('amount'), { positive: true });
      c.str(m, 'reference', mp, mine('reference'), true);
      if (date && signed && date < signed)
        c.add(`${mp}.date`, V('advance.movedBeforeSigned', { date, signed }, { label }));
      if (date && kind === 'drawn' && ends && date > ends)
        c.add(`${mp}.date`, V('advance.drawnAfterEnd', { date, ends }, { label }));
      if (date && kind && amount) moves.push({ date, kind, amount, j });
    });
    // Running balance in date order: never repay more than is outstanding, never owe more than the ceiling.
    moves.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.j - y.j));
    let outstanding = new Decimal(0);
    for (const m of moves) {
      outstanding = m.kind === 'drawn' ? outstanding.plus(m.amount) : outstanding.minus(m.amount);
      const mp = `${path}.movements[${m.j}].amount`;
      if (outstanding.isNegative()) {
        const outstandingAmount = outstanding.plus(m.amount).toFixed();
        c.add(mp, V('advance.overRepaid', { amount: m.amount, date: m.date, outstandingAmount }, { label }));
        outstanding = new Decimal(0);
      } else if (ceiling && outstanding.gt(ceiling)) {
        const values = {
          amount: m.amount,
          date: m.date,
          outstandingAmount: outstanding.toFixed(),
          ceilingAmount: ceiling,
        };
        c.add(mp, V('advance.overCeiling', values, { label }));
      }
    }
  });

  // R17 decisions under which a member keeps its vote.
  const votingDecisions = list('votingDecisions', 'votingDecisions');
  const decisionId = uniqueIds('voting', votingDecisions);
  votingDecisions.forEach((d, i) => {
    const path = `votingDecisions[${i}]`;
    if (!isObj(d)) return c.add(path, V('voting.notDecision', { n: String(i + 1) }));
    const label = L('voting', { id: decisionId(d, path, i) ?? String(i + 1) });
    const its = (what: string) => L(`voting.${what}`, undefined, { label });
    const code = member(d, 'member', path, label);
    const b = budget(d, path, label, true);
    if (b && code && members.has(code) && !taking.has(`${code}\u0000${b}`))
      c.add(`${path}.budget`, V('voting.notTakingPart', { budget: b, member: code }, { label }));
    c.str(d, 'body', path, its('body'));
    c.date(d, 'date', path, its('date'), false);
    c.str(d, 'reference', path, its('reference'));
    const from = c.date(d, 'from', path, its('from'), false);
    const to = c.date(d, 'to', path, its('to'));
    if (from && to && to < from) c.add(`${path}.to`, V('voting.endsBeforeBegins', { from, to }, { label }));
  });
}

/** R17a opening balances: what a member owed, for a year before its budget's first year of data. */
function validateOpeningBalances(
  c: Checker,
  doc: Obj,
  members: Map<string, number>,
  taking: Set<string>,
  rawBudgets: unknown[],
): void {
  if (doc.openingBalances === undefined) return;
  const firstYear = new Map<string, { first?: number }>();
  for (const b of rawBudgets) {
    if (!isObj(b) || typeof b.id !== 'string') continue;
    const years = Array.isArray(b.years)
      ? b.years
          .filter(isObj)
          .map((y) => y.year)
          .filter((y): y is number => typeof y === 'number')
      : [];
    firstYear.set(b.id, {
      first:
        years.length > 0
          ? years.reduce((a, y) => Math.min(a, y)) /* not Math.min(...years): 300,000 arguments overflow the stack */
          : undefined,
    });
  }
  const seen = new Set<string>();
  c.array(doc, 'openingBalances', '', L('openingBalances')).forEach((o, i) => {
    const path = `openingBalances[${i}]`;
    const n = String(i + 1);
    if (!isObj(o)) return c.add(path, V('opening.notOpening', { n }));
    const code = c.str(o, 'member', path, () => L('opening.member', { n }));
    const budgetId = c.str(o, 'budget', path, () => L('opening.budget', { n }));
    const year = c.year(o, 'year', path, () => L('opening.year', { n }));
    const names = { member: code ?? '?', budget: budgetId ?? '?', year: year === undefined ? '?' : String(year) };
    const label = () => L('opening', names);
    if (code && !members.has(code)) c.add(`${path}.member`, V('noMember', { code }, { label: label() }));
    const b = budgetId ? firstYear.get(budgetId) : undefined;
    if (budgetId && !b) c.add(`${path}.budget`, V('noBudget', { id: budgetId }, { label: label() }));
    if (code && budgetId && members.has(code) && b && !taking.has(`${code}\u0000${budgetId}`))
      c.add(path, V('notTakingPart', { member: code, budget: budgetId }, { label: label() }));
    if (year !== undefined && b?.first !== undefined && year >= b.first)
      c.add(`${path}.year`, V('opening.notBefore', { first: String(b.first), year: String(year) }, { label: label() }));
    const key = `${code}\u0000${budgetId}\u0000${year}`;
    if (code && budgetId && year !== undefined && seen.has(key))
      c.add(path, V('opening.twice', undefined, { label: label() }));
    seen.add(key);
    const assessed = c.decimal(o, 'assessed', path, () => L('opening.assessed', undefined, { label: label() }));
    const unpaid = c.decimal(o, 'unpaid', path, () => L('opening.unpaid', undefined, { label: label() }));
    if (assessed && unpaid && new Decimal(unpaid).gt(assessed))
      c.add(
        `${path}.unpaid`,
        V('opening.unpaidOverAssessed', { unpaidAmount: unpaid, assessedAmount: assessed }, { label: label() }),
      );
    // Amounts as the previous accounts state them: not bound to today's rounding unit.
    c.str(o, 'reference', path, () => L('opening.reference', undefined, { label: label() }), true);
  });
}
/**
 * Lists that later work fills; a file from before they existed reads as if they were empty. A version 1 file is
 * read as version 2 in memory (nothing in it changes meaning) and written as version 2 only when saved.
 */
function withDefaults(doc: Obj): Workbook {
  for (const key of [
    'classChanges',
    'payments',
    'wcfDecisions',
    'advanceAgreements',
    'votingDecisions',
    'scenarios',
    'openingBalances',
  ]) {
    if (doc[key] === undefined) doc[key] = [];
  }
  doc.version = WORKBOOK_VERSION;
  return doc as unknown as Workbook;
}

export interface LoadResult {
  workbook?: Workbook;
  problems: Problem[];
  /** 1-based line in the text for each problem, where it can be found. */
  lines: (number | undefined)[];
}

export { MAX_NESTING };

/**
 * Parses and validates workbook text. On any problem no workbook is returned, so nothing downstream changes.
 * Linear in the text whatever the number of problems, and no input overflows the stack (issue 15 items 2, 3).
 */
export function parseWorkbook(text: string): LoadResult {
  // The nesting first, before anything that recurses (jsonc-parser's parseTree, the checks' JSON.stringify of a
  // value, a later save) or builds a million nested lists; JSON.parse next; lines only when there is a problem.
  let doc: unknown;
  try {
    if (tooDeepAt(text) >= 0) throw new SyntaxError('too deep');
    doc = JSON.parse(text);
  } catch {
    const e = firstSyntaxError(text);
    const line = lineIndex(text)(e.offset);
    const m = e.tooDeep
      ? V('tooDeep', { max: String(MAX_NESTING), line: String(line) })
      : V('notJson', { detail: e.message, line: String(line) });
    return { problems: [problemOf('', m)], lines: [line] };
  }
  normalizeClassCodes(doc); // issue 14: `vi` is class VI in a file as in the app and the CLI
  const problems = validateWorkbook(doc);
  if (problems.length === 0) return { workbook: withDefaults(doc as Obj), problems, lines: [] };
  return {
    problems,
    lines: linesOfPaths(
      text,
      problems.map((p) => p.path),
    ),
  };
}

/** Text that `parseWorkbook` has already accepted (in a worker, say), read without checking it again. */
export function readCheckedWorkbook(text: string): Workbook {
  const doc = JSON.parse(text) as Obj;
  normalizeClassCodes(doc);
  return withDefaults(doc);
}

/** 1-based line of the value at `path` in workbook text (of its nearest enclosing value where it is missing). */
export function lineOfPath(text: string, path: string): number | undefined {
  return linesOfPaths(text, [path])[0];
}

/** lineOfPath for many paths in one pass over the text: one index of line starts, one walk (issue 15 item 2). */
export function linesOfPaths(text: string, paths: readonly string[]): number[] {
  const line = lineIndex(text);
  return offsetsOfPaths(text, paths.map(pathSegments)).map(line);
}

/** "budgets[2].years[0].amount" → ['budgets', 2, 'years', 0, 'amount']. */
export function pathSegments(path: string): (string | number)[] {
  // By hand, not matchAll: 50,000 problems' paths are split here (issue 15 item 2).
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = path.indexOf(']', i);
      const inner = close < 0 ? '' : path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) {
        out.push(Number(inner));
        i = close + 1;
        continue;
      }
      i++; // a stray bracket: skipped, as the pattern did
      continue;
    }
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[' && path[j] !== ']') j++;
    if (j === i) {
      i++;
      continue;
    }
    out.push(path.slice(i, j));
    i = j;
  }
  return out;
}
