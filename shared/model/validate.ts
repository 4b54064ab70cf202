import { Holdings, specialUnionArticle } from './classes';
import { obligationEnds } from './dates';
import { isIsoDate } from './dates';
import { firstSyntaxError, lineIndex, MAX_NESTING, offsetsOfPaths, tooDeepAt } from './json-text';
import { Decimal, isDecimalString, isWholeMultiple } from './decimal';
import { validateLiquidity } from './liquidity';
import { bienniumYearsOf, isDerivedBudget, validateScales, validateScenarioScale } from './scales';
import { WORKBOOK_FORMAT, WORKBOOK_VERSION, type Budget, type Problem, type Scheme, type Workbook } from './types';

// Hand-written rather than a schema library: the checks cross-reference (a class must exist in the budget's
// scheme) and every message must read as a budget officer would say it, not as a type error.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const CURRENCY_RE = /^[A-Z]{3}$/;
const ZERO_RE = /^0+(\.0+)?$/;

/**
 * A message's words, or a function that builds them. A function is called only when a check fails: a workbook of
 * 10,000 members over 30 years has 300,000 payments, and building every payment's words up front cost more than
 * checking it (issue 13).
 */
type Words = string | (() => string);
const say = (w: Words): string => (typeof w === 'string' ? w : w());

class Checker {
  readonly problems: Problem[] = [];
  add(path: string, message: string): void {
    this.problems.push({ path, message });
  }
  str(o: Obj, key: string, path: Words, what: Words, optional = false): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'string' || v.trim() === '') {
      this.add(`${say(path)}.${key}`, `${say(what)} is missing or empty`);
      return undefined;
    }
    return v;
  }
  date(o: Obj, key: string, path: Words, what: Words, optional = true): string | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (!isIsoDate(v)) {
      this.add(`${say(path)}.${key}`, `${say(what)} must be a date written YYYY-MM-DD (got ${show(v)})`);
      return undefined;
    }
    return v;
  }
  decimal(
    o: Obj,
    key: string,
    path: Words,
    what: Words,
    opts: { optional?: boolean; positive?: boolean } = {},
  ): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v === 'number') {
      this.add(
        `${say(path)}.${key}`,
        `${say(what)} must be written as a decimal string such as "${v}" (in quotes), so no cent is lost`,
      );
      return undefined;
    }
    if (!isDecimalString(v)) {
      this.add(`${say(path)}.${key}`, `${say(what)} must be a number written like 1500000.00 (got ${show(v)})`);
      return undefined;
    }
    if (v.startsWith('-') || (opts.positive && ZERO_RE.test(v))) {
      this.add(
        `${say(path)}.${key}`,
        `${say(what)} must be ${opts.positive ? 'greater than zero' : 'zero or more'} (got ${v})`,
      );
      return undefined;
    }
    return v;
  }
  year(o: Obj, key: string, path: Words, what: Words, optional = false): number | undefined {
    const v = o[key];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1900 || v > 2200) {
      this.add(`${say(path)}.${key}`, `${say(what)} must be a year such as 2026 (got ${show(v)})`);
      return undefined;
    }
    return v;
  }
  oneOf<T extends string>(o: Obj, key: string, path: Words, what: Words, allowed: readonly T[]): T | undefined {
    const v = o[key];
    if (typeof v !== 'string' || !allowed.includes(v as T)) {
      this.add(
        `${say(path)}.${key}`,
        `${say(what)} must be one of ${allowed.map((a) => `"${a}"`).join(', ')} (got ${show(v)})`,
      );
      return undefined;
    }
    return v as T;
  }
  array(o: Obj, key: string, path: Words, what: Words): unknown[] {
    const v = o[key];
    if (!Array.isArray(v)) {
      this.add(`${say(path)}.${key}`, `${say(what)} must be a list`);
      return [];
    }
    return v;
  }
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
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
function classList(scheme: Scheme, most = 12): string {
  hasClass(scheme, '');
  const codes = [...classSets.get(scheme)!];
  return codes.length <= most
    ? codes.join(', ')
    : `${codes.slice(0, most).join(', ')} and ${(codes.length - most).toLocaleString('en')} more`;
}

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
    const given = `${e.member} in ${e.budget.name} is given class ${e.cls ?? '?'}${e.year !== undefined ? ` from ${e.year}` : ''}`;
    const there =
      held === undefined
        ? `, but holds no class in ${e.source.name}${e.year !== undefined ? ` for ${e.year}` : ''}`
        : held === e.cls
          ? `, as it holds class ${held} in ${e.source.name}`
          : `, but it holds class ${held} in ${e.source.name}`;
    c.add(
      e.path,
      `${given}${there}: a member of a special union belongs to the same class as in ${e.source.name} and holds none of its own, so that a change there flows into ${e.budget.name} (R11, ${specialUnionArticle(e.budget)}). Remove this class entry${held !== undefined && held !== e.cls ? `; to change its class, change it in ${e.source.name}` : ''}`,
    );
  }
}

/** R11 a class-change notice is filed with the union a special union takes its classes from, never with it. */
function linkedNoticeMessage(id: string, budget: { name: string }, source: { name: string }): string {
  return `${budget.name} takes its classes from ${source.name}: file the notice with ${source.name}, whose class flows into ${budget.name} (R11, ${specialUnionArticle({ id, name: budget.name })})`;
}

/** Every problem in a parsed workbook document; an empty list means it can be computed. */
export function validateWorkbook(doc: unknown): Problem[] {
  const c = new Checker();
  if (!isObj(doc)) {
    c.add('', 'The file does not hold a workbook (expected a JSON object)');
    return c.problems;
  }
  if (doc.format !== WORKBOOK_FORMAT) {
    c.add(
      'format',
      `This is not a Contribution Calculator workbook (format is ${show(doc.format)}, expected "${WORKBOOK_FORMAT}")`,
    );
    return c.problems;
  }
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    c.add('version', `The workbook's format version is unreadable (got ${show(doc.version)})`);
    return c.problems;
  }
  if (doc.version > WORKBOOK_VERSION) {
    c.add(
      'version',
      `This workbook was written by a newer version of Contribution Calculator (format version ${doc.version}); this version reads format version ${WORKBOOK_VERSION}. Nothing was changed: open it with a newer version.`,
    );
    return c.problems;
  }

  if (!isObj(doc.organization)) c.add('organization', 'The organization (its name) is missing');
  else c.str(doc.organization, 'name', 'organization', "The organization's name");
  if (!isObj(doc.settings)) c.add('settings', 'The settings are missing');
  else {
    c.oneOf(doc.settings, 'newMemberRule', 'settings', 'How a new member’s first year is assessed (R12)', [
      'full',
      'months',
      'days',
    ] as const);
    c.oneOf(doc.settings, 'creditingOrder', 'settings', 'The order payments are credited in (R15)', [
      'wcf-then-oldest',
      'oldest-first',
    ] as const);
    if (doc.settings.votingTest !== undefined)
      c.oneOf(doc.settings, 'votingTest', 'settings', 'How the loss-of-vote test is applied (R17b)', [
        'per-budget',
        'combined',
      ] as const);
  }

  // Schemes (R1, R2).
  const schemes = new Map<string, Scheme>();
  c.array(doc, 'schemes', '', 'The class schemes').forEach((s, i) => {
    const path = `schemes[${i}]`;
    if (!isObj(s)) return c.add(path, `Scheme ${i + 1} is not a scheme`);
    const id = c.str(s, 'id', path, `Scheme ${i + 1}'s id`);
    c.str(s, 'name', path, `Scheme ${id ?? i + 1}'s name`);
    const kind = c.oneOf(s, 'kind', path, `Scheme ${id ?? i + 1}'s kind`, ['classes', 'scale'] as const);
    if (id && schemes.has(id)) c.add(`${path}.id`, `Scheme id "${id}" is used twice`);
    if (kind === 'classes') {
      const codes = new Set<string>();
      c.array(s, 'classes', path, `Scheme ${id ?? i + 1}'s classes`).forEach((k, j) => {
        const kp = `${path}.classes[${j}]`;
        if (!isObj(k)) return c.add(kp, `Class ${j + 1} of scheme ${id ?? i + 1} is not a class`);
        const code = c.str(k, 'code', kp, `Class ${j + 1} of scheme ${id ?? i + 1}: its code`);
        if (code && codes.has(code)) c.add(`${kp}.code`, `Scheme ${id ?? i + 1} has class ${code} twice`);
        if (code) codes.add(code);
        c.decimal(k, 'units', kp, `Class ${code ?? j + 1} of scheme ${id ?? i + 1}: units`, { positive: true });
      });
    }
    // R21–R23 a scale whose weights are percentage rates (optional: version-1 files have none).
    if (s.percent !== undefined && typeof s.percent !== 'boolean')
      c.add(
        `${path}.percent`,
        `Scheme ${id ?? i + 1}: say whether its weights are percentages (true or false, got ${show(s.percent)})`,
      );
    if (id && kind) schemes.set(id, s as unknown as Scheme);
  });

  // Members.
  const members = new Map<string, number>();
  c.array(doc, 'members', '', 'The members').forEach((m, i) => {
    const path = `members[${i}]`;
    if (!isObj(m)) return c.add(path, `Member ${i + 1} is not a member`);
    const code = c.str(m, 'code', path, `Member ${i + 1}'s code`);
    c.str(m, 'name', path, `Member ${code ?? i + 1}'s name`);
    const joined = c.date(m, 'joined', path, `Member ${code ?? i + 1}'s date of joining`);
    const withdrew = c.date(m, 'withdrew', path, `Member ${code ?? i + 1}'s date of withdrawal`);
    if (joined && withdrew && withdrew < joined)
      c.add(`${path}.withdrew`, `Member ${code ?? i + 1} withdrew (${withdrew}) before it joined (${joined})`);
    if (code && members.has(code))
      c.add(`${path}.code`, `Member code ${code} is used twice (also member ${members.get(code)! + 1})`);
    else if (code) members.set(code, i);
  });

  // Budgets (R8–R11).
  const budgets = new Map<string, { scheme?: Scheme; classesFrom?: string; name: string; derived?: boolean }>();
  const rawBudgets = c.array(doc, 'budgets', '', 'The budgets');
  rawBudgets.forEach((b, i) => {
    const path = `budgets[${i}]`;
    if (!isObj(b)) return c.add(path, `Budget ${i + 1} is not a budget`);
    const id = c.str(b, 'id', path, `Budget ${i + 1}'s id`);
    const label = `Budget ${id ?? i + 1}`;
    c.str(b, 'name', path, `${label}'s name`);
    const schemeId = c.str(b, 'schemeId', path, `${label}'s class scheme`);
    const scheme = schemeId ? schemes.get(schemeId) : undefined;
    if (schemeId && !scheme)
      c.add(`${path}.schemeId`, `${label} uses scheme "${schemeId}", which the workbook does not define`);
    const currency = c.str(b, 'currency', path, `${label}'s currency`);
    if (currency && !CURRENCY_RE.test(currency))
      c.add(`${path}.currency`, `${label}'s currency must be a three-letter code such as CHF (got ${show(currency)})`);
    const unit = c.decimal(b, 'roundingUnit', path, `${label}'s rounding unit`, { positive: true });
    c.oneOf(b, 'rounding', path, `${label}'s rounding`, ['half-up', 'half-even'] as const);
    if (id && budgets.has(id)) c.add(`${path}.id`, `Budget id "${id}" is used twice`);
    const classesFrom = typeof b.classesFrom === 'string' ? b.classesFrom : undefined;
    if (b.classesFrom !== undefined && classesFrom === undefined)
      c.add(`${path}.classesFrom`, `${label}: the union whose classes it takes must be a budget id`);
    const years = new Set<number>();
    const inBiennium = bienniumYearsOf(b); // R23 those years take their figure from the biennium
    c.array(b, 'years', path, `${label}'s years`).forEach((y, j) => {
      const yp = `${path}.years[${j}]`;
      if (!isObj(y)) return c.add(yp, `${label}: year entry ${j + 1} is not a year`);
      const year = c.year(y, 'year', yp, `${label}: the year of entry ${j + 1}`);
      const yl = `${label}, ${year ?? `entry ${j + 1}`}`;
      if (year !== undefined && years.has(year)) c.add(`${yp}.year`, `${label} has ${year} twice`);
      if (year !== undefined) years.add(year);
      const method = c.oneOf(y, 'method', yp, `${yl}: the method`, ['total', 'unit-value'] as const);
      if (typeof y.adopted !== 'boolean')
        c.add(`${yp}.adopted`, `${yl}: say whether the budget was adopted (true or false)`);
      const biennial = year !== undefined && inBiennium.has(year);
      const amount = c.decimal(y, 'amount', yp, `${yl}: the ${method === 'unit-value' ? 'unit value' : 'total'}`, {
        optional: y.adopted === false || biennial,
      });
      if (y.adopted === true && amount === undefined && y.amount === undefined && !biennial)
        c.add(`${yp}.amount`, `${yl}: an adopted budget needs its ${method === 'unit-value' ? 'unit value' : 'total'}`);
      if (method === 'total' && amount && unit && !isWholeMultiple(amount, unit)) {
        c.add(
          `${yp}.amount`,
          `${yl}: the total ${amount} is not a whole number of the rounding unit ${unit}, so the shares could not sum to it`,
        );
      }
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
      c.add(
        `budgets[${i}].classesFrom`,
        `Budget ${String(b.id)} takes its classes from "${b.classesFrom}", which is not a budget of this workbook`,
      );
    else if (b.classesFrom === b.id)
      c.add(`budgets[${i}].classesFrom`, `Budget ${String(b.id)} cannot take its classes from itself`);
  });

  // Participations (R11–R13).
  const taking = new Set<string>();
  const ownLinked: LinkedEntry[] = [];
  c.array(doc, 'participations', '', 'The participations').forEach((p, i) => {
    const path = `participations[${i}]`;
    if (!isObj(p)) return c.add(path, `Participation ${i + 1} is not a participation`);
    const member = c.str(p, 'member', path, `Participation ${i + 1}: the member`);
    const budgetId = c.str(p, 'budget', path, `Participation ${i + 1}: the budget`);
    const label = `${member ?? '?'} in ${budgetId ?? '?'}`;
    if (member && !members.has(member)) c.add(`${path}.member`, `${label}: there is no member ${member}`);
    const budget = budgetId ? budgets.get(budgetId) : undefined;
    if (budgetId && !budget) c.add(`${path}.budget`, `${label}: there is no budget ${budgetId}`);
    const key = `${member}\u0000${budgetId}`;
    if (member && budgetId && taking.has(key)) c.add(path, `${label} is listed twice`);
    taking.add(key);
    const from = c.date(p, 'from', path, `${label}: the date it joined`);
    const until = c.date(p, 'until', path, `${label}: the date it left`);
    if (from && until && until < from)
      c.add(`${path}.until`, `${label}: it left (${until}) before it joined (${from})`);
    const holdings = c.array(p, 'classes', path, `${label}: the classes held`);
    // R21 a budget whose rates are derived from a base scale needs no weight of its members' own.
    if (holdings.length === 0 && budget && !budget.classesFrom && !budget.derived)
      c.add(`${path}.classes`, `${label}: give the class it holds (and from which year)`);
    const seenYears = new Set<number>();
    holdings.forEach((h, j) => {
      const hp = `${path}.classes[${j}]`;
      if (!isObj(h)) return c.add(hp, `${label}: class entry ${j + 1} is not a class`);
      const year = c.year(h, 'year', hp, `${label}: the year class entry ${j + 1} starts`);
      if (year !== undefined && seenYears.has(year)) c.add(`${hp}.year`, `${label} has two classes from ${year}`);
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
      const from = year !== undefined ? `from ${year}` : `class entry ${j + 1}`; // never "from undefined"
      if (scheme?.kind === 'scale') c.decimal(h, 'weight', hp, `${label}, ${from}: the weight`);
      else if (scheme?.kind === 'classes') {
        const cls = c.str(h, 'class', hp, `${label}, ${from}: the class`);
        if (cls && !hasClass(scheme, cls)) {
          c.add(`${hp}.class`, `${label}, ${from}: class ${cls} is not a class of ${scheme.id} (${classList(scheme)})`);
        }
      }
    });
  });

  reportOwnLinkedClasses(c, doc, ownLinked);

  // Class-change notices (R13).
  const changeIds = new Set<string>();
  c.array(doc, 'classChanges', '', 'The class changes').forEach((ch, i) => {
    const path = `classChanges[${i}]`;
    if (!isObj(ch)) return c.add(path, `Class change ${i + 1} is not a class change`);
    const id = c.str(ch, 'id', path, `Class change ${i + 1}'s id`);
    if (id && changeIds.has(id)) c.add(`${path}.id`, `Class change id "${id}" is used twice`);
    if (id) changeIds.add(id);
    const member = c.str(ch, 'member', path, `Class change ${id ?? i + 1}: the member`);
    const budgetId = c.str(ch, 'budget', path, `Class change ${id ?? i + 1}: the budget`);
    const label = `Class change ${id ?? i + 1} (${member ?? '?'} in ${budgetId ?? '?'})`;
    if (member && !members.has(member)) c.add(`${path}.member`, `${label}: there is no member ${member}`);
    const budget = budgetId ? budgets.get(budgetId) : undefined;
    if (budgetId && !budget) c.add(`${path}.budget`, `${label}: there is no budget ${budgetId}`);
    if (member && budgetId && !taking.has(`${member}\u0000${budgetId}`))
      c.add(path, `${label}: ${member} does not take part in ${budgetId}`);
    const source = budget?.classesFrom ? budgets.get(budget.classesFrom) : undefined;
    if (budget && source) c.add(`${path}.budget`, `${label}: ${linkedNoticeMessage(budgetId!, budget, source)}`);
    const to = c.str(ch, 'toClass', path, `${label}: the new class`);
    if (to && budget?.scheme?.kind === 'classes' && !hasClass(budget.scheme, to)) {
      c.add(`${path}.toClass`, `${label}: class ${to} is not a class of ${budget.scheme.id}`);
    }
    const notified = c.date(ch, 'notifiedOn', path, `${label}: the date of the notice`, false);
    const session = c.date(ch, 'sessionDate', path, `${label}: the session date`);
    if (notified && session && session < notified)
      c.add(`${path}.sessionDate`, `${label}: the session (${session}) is before the notice (${notified})`);
    c.year(ch, 'requestedYear', path, `${label}: the year requested`, true);
  });

  validateLedger(c, doc, members, taking, rawBudgets);
  validateOpeningBalances(c, doc, members, taking, rawBudgets);
  c.problems.push(...validateLiquidity(doc, { members, budgets, taking })); // R24
  c.problems.push(...validateScales(doc, { members, schemeKind: (id) => schemes.get(id)?.kind })); // R21–R23
  // R17b arrears can be summed over budgets only when they are counted in one currency.
  if (isObj(doc.settings) && doc.settings.votingTest === 'combined') {
    const currencies = new Set(rawBudgets.filter(isObj).map((b) => b.currency));
    if (currencies.size > 1)
      c.add(
        'settings.votingTest',
        `The combined loss-of-vote test sums arrears over budgets, so they must be kept in one currency (they are kept in ${[...currencies].map(String).join(', ')}); use the test per budget`,
      );
  }
  // R14 scenarios: their overrides name members, budgets, classes and schemes of this workbook.
  const scenarioIds = new Set<string>();
  (doc.scenarios === undefined ? [] : c.array(doc, 'scenarios', '', 'The scenarios')).forEach((sc, i) => {
    const path = `scenarios[${i}]`;
    if (!isObj(sc)) return c.add(path, `Scenario ${i + 1} is not a scenario`);
    const id = c.str(sc, 'id', path, `Scenario ${i + 1}'s id`);
    const name = c.str(sc, 'name', path, `Scenario ${id ?? i + 1}'s name`) ?? id ?? String(i + 1);
    if (id && scenarioIds.has(id)) c.add(`${path}.id`, `Scenario id "${id}" is used twice`);
    if (id) scenarioIds.add(id);
    c.array(sc, 'overrides', path, `Scenario ${name}'s changes`).forEach((o, j) => {
      const op = `${path}.overrides[${j}]`;
      const label = `Scenario ${name}, change ${j + 1}`;
      if (!isObj(o)) return c.add(op, `${label} is not a change`);
      const kind = c.oneOf(o, 'kind', op, `${label}: the kind of change`, [
        'class',
        'level',
        'join',
        'leave',
        'units',
        'derivation',
      ] as const);
      if (kind === 'units') {
        const schemeId = c.str(o, 'scheme', op, `${label}: the scheme`);
        const scheme = schemeId ? schemes.get(schemeId) : undefined;
        if (schemeId && !scheme) c.add(`${op}.scheme`, `${label}: there is no scheme ${schemeId}`);
        const cls = c.str(o, 'class', op, `${label}: the class`);
        if (cls && scheme?.kind === 'classes' && !hasClass(scheme, cls))
          c.add(`${op}.class`, `${label}: class ${cls} is not a class of ${scheme.id}`);
        c.decimal(o, 'units', op, `${label}: the units`, { positive: true });
        return;
      }
      if (!kind) return;
      const budgetId = c.str(o, 'budget', op, `${label}: the budget`);
      const budget = budgetId ? budgets.get(budgetId) : undefined;
      if (budgetId && !budget) c.add(`${op}.budget`, `${label}: there is no budget ${budgetId}`);
      if (kind === 'derivation') {
        // R21 the settings are checked as a budget year's; the budget must be one whose rates a scale gives.
        c.year(o, 'year', op, `${label}: the year`);
        if (budget?.scheme && budget.scheme.kind !== 'scale')
          c.add(`${op}.budget`, `${label}: ${budget.name} does not use a scale, so its rates cannot be derived`);
        const ctx = { members, schemeKind: (id: string) => schemes.get(id)?.kind };
        c.problems.push(...validateScenarioScale(doc, o.scale, `${op}.scale`, label, ctx));
        return;
      }
      if (kind === 'level') {
        c.year(o, 'year', op, `${label}: the year`);
        c.oneOf(o, 'method', op, `${label}: the method`, ['total', 'unit-value'] as const);
        c.decimal(o, 'amount', op, `${label}: the amount`);
        return;
      }
      const member = c.str(o, 'member', op, `${label}: the member`);
      if (kind !== 'join' && member && !members.has(member))
        c.add(`${op}.member`, `${label}: there is no member ${member}`);
      if (kind === 'class') c.year(o, 'fromYear', op, `${label}: the year it applies from`);
      if (kind === 'join') c.date(o, 'from', op, `${label}: the date of joining`, false);
      if (kind === 'leave') c.date(o, 'until', op, `${label}: the date of leaving`, false);
      const source = budget?.classesFrom ? budgets.get(budget.classesFrom) : undefined;
      if (
        budget &&
        source &&
        budget.scheme?.kind === 'classes' &&
        (kind === 'class' || (kind === 'join' && o.class !== undefined))
      ) {
        return c.add(
          `${op}.budget`,
          `${label}: ${budget.name} takes its classes from ${source.name}: give the class in ${source.name} (R11, ${specialUnionArticle({ id: budgetId!, name: budget.name })})`,
        );
      }
      if (kind === 'class' || kind === 'join') {
        if (budget?.scheme?.kind === 'scale')
          c.decimal(o, 'weight', op, `${label}: the weight`, { optional: kind === 'join' });
        else if (budget?.scheme?.kind === 'classes') {
          const cls = c.str(o, 'class', op, `${label}: the class`, kind === 'join' && !!budget.classesFrom);
          if (cls && !hasClass(budget.scheme, cls))
            c.add(`${op}.class`, `${label}: class ${cls} is not a class of ${budget.scheme.id}`);
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
  const list = (key: string, what: string) => (doc[key] === undefined ? [] : c.array(doc, key, '', what));
  const uniqueIds = (what: string) => {
    const seen = new Set<string>();
    return (o: Obj, path: Words, i: number): string | undefined => {
      const id = c.str(o, 'id', path, () => `${what} ${i + 1}'s id`);
      if (id && seen.has(id)) c.add(`${say(path)}.id`, `${what} id "${id}" is used twice`);
      if (id) seen.add(id);
      return id;
    };
  };
  const member = (o: Obj, key: string, path: Words, label: Words) => {
    const code = c.str(o, key, path, () => `${say(label)}: the member`);
    if (code && !members.has(code)) c.add(`${say(path)}.${key}`, `${say(label)}: there is no member ${code}`);
    return code;
  };
  const budget = (o: Obj, path: Words, label: Words, optional: boolean) => {
    const id = c.str(o, 'budget', path, () => `${say(label)}: the budget`, optional);
    if (id && !budgets.has(id)) c.add(`${say(path)}.budget`, `${say(label)}: there is no budget ${id}`);
    return id && budgets.has(id) ? id : undefined;
  };

  // R15 payments. Their words are made once for the list and read the payment being checked (`at`, `atId`), so a
  // payment that passes builds no string at all.
  const paymentId = uniqueIds('Payment');
  let at = 0;
  let atId: string | undefined;
  const paymentPath = () => `payments[${at}]`;
  const paymentLabel = () => `Payment ${atId ?? at + 1}`;
  const its = (what: string) => () => `${paymentLabel()}: ${what}`;
  const [itsDate, itsAmount, itsCurrency, itsYear, itsPurpose, itsReference] = [
    'the date it was received',
    'the amount',
    'the currency',
    'the year it is marked for',
    'what it pays',
    'the reference',
  ].map(its);
  // The currencies of the budgets a member takes part in, found once per member rather than once per payment.
  const currenciesOf = new Map<string, Set<unknown>>();
  const keptIn = (code: string) => {
    let s = currenciesOf.get(code);
    if (!s)
      currenciesOf.set(
        code,
        (s = new Set([...budgets].filter(([id]) => taking.has(`${code}\u0000${id}`)).map(([, x]) => x.currency))),
      );
    return s;
  };
  list('payments', 'The payments').forEach((p, i) => {
    at = i;
    atId = undefined;
    if (!isObj(p)) return c.add(paymentPath(), `Payment ${i + 1} is not a payment`);
    atId = paymentId(p, paymentPath, i);
    const code = member(p, 'member', paymentPath, paymentLabel);
    c.date(p, 'date', paymentPath, itsDate, false);
    c.decimal(p, 'amount', paymentPath, itsAmount, { positive: true });
    const currency = c.str(p, 'currency', paymentPath, itsCurrency);
    if (currency && !CURRENCY_RE.test(currency))
      c.add(
        `${paymentPath()}.currency`,
        `${paymentLabel()}: the currency must be a three-letter code such as CHF (got ${show(currency)})`,
      );
    const b = budget(p, paymentPath, paymentLabel, true);
    if (b && code && members.has(code) && !taking.has(`${code}\u0000${b}`))
      c.add(`${paymentPath()}.budget`, `${paymentLabel()} is marked for ${b}, but ${code} does not take part in ${b}`);
    if (b && currency && budgets.get(b)!.currency !== currency)
      c.add(
        `${paymentPath()}.currency`,
        `${paymentLabel()} is in ${currency} but ${b} is kept in ${String(budgets.get(b)!.currency)}: it could never be credited`,
      );
    if (!b && currency && code && members.has(code)) {
      const kept = keptIn(code);
      if (kept.size > 0 && !kept.has(currency))
        c.add(
          `${paymentPath()}.currency`,
          `${paymentLabel()} is in ${currency}, but none of ${code}'s budgets is kept in ${currency}: it could never be credited`,
        );
    }
    c.year(p, 'year', paymentPath, itsYear, true);
    if (p.purpose !== undefined) c.oneOf(p, 'purpose', paymentPath, itsPurpose, ['contribution', 'wcf'] as const);
    c.str(p, 'reference', paymentPath, itsReference, true);
  });

  // R19 working capital fund decisions.
  const wcfId = uniqueIds('Working capital fund decision');
  list('wcfDecisions', 'The working capital fund decisions').forEach((d, i) => {
    const path = `wcfDecisions[${i}]`;
    if (!isObj(d)) return c.add(path, `Working capital fund decision ${i + 1} is not a decision`);
    const label = `Working capital fund decision ${wcfId(d, path, i) ?? i + 1}`;
    const b = budget(d, path, label, false);
    c.year(d, 'year', path, `${label}: the year whose contributions it is based on`);
    if ((d.proportion === undefined) === (d.amount === undefined)) {
      c.add(
        path,
        `${label}: give either a proportion of that year's contribution or an amount to apportion, ${d.proportion === undefined ? 'not neither' : 'not both'}`,
      );
    } else if (d.proportion !== undefined) {
      c.decimal(d, 'proportion', path, `${label}: the proportion of the contribution`, { positive: true });
    } else {
      const amount = c.decimal(d, 'amount', path, `${label}: the amount`, { positive: true });
      const unit = b ? budgets.get(b)!.roundingUnit : undefined;
      if (
        amount &&
        isDecimalString(unit) &&
        !unit.startsWith('-') &&
        !new Decimal(unit).isZero() &&
        !isWholeMultiple(amount, unit)
      ) {
        c.add(
          `${path}.amount`,
          `${label}: the amount ${amount} is not a whole number of ${b}'s rounding unit ${unit}, so the shares could not sum to it`,
        );
      }
    }
    c.date(d, 'decidedOn', path, `${label}: the date of the decision`);
    c.str(d, 'reference', path, `${label}: the reference`, true);
  });

  // R20 host-state advance agreements.
  const agreementId = uniqueIds('Advance agreement');
  list('advanceAgreements', 'The host-state advance agreements').forEach((a, i) => {
    const path = `advanceAgreements[${i}]`;
    if (!isObj(a)) return c.add(path, `Advance agreement ${i + 1} is not an agreement`);
    const label = `Advance agreement ${agreementId(a, path, i) ?? i + 1}`;
    const host = c.str(a, 'hostState', path, `${label}: the host state`);
    if (host && !members.has(host)) c.add(`${path}.hostState`, `${label}: the host state ${host} is not a member`);
    const ceiling = c.decimal(a, 'ceiling', path, `${label}: the ceiling`, { positive: true });
    const currency = c.str(a, 'currency', path, `${label}: the currency`);
    if (currency && !CURRENCY_RE.test(currency))
      c.add(
        `${path}.currency`,
        `${label}: the currency must be a three-letter code such as CHF (got ${show(currency)})`,
      );
    c.str(a, 'conditions', path, `${label}: the conditions`, true);
    const signed = c.date(a, 'signedOn', path, `${label}: the date it was signed`);
    let ends: string | undefined;
    if (a.denunciation !== undefined) {
      const dp = `${path}.denunciation`;
      if (!isObj(a.denunciation)) c.add(dp, `${label}: the denunciation must say who gave notice and when`);
      else {
        c.oneOf(a.denunciation, 'by', dp, `${label}: who denounced it`, ['host-state', 'organization'] as const);
        const notified = c.date(
          a.denunciation,
          'notifiedOn',
          dp,
          `${label}: the date the denunciation was notified`,
          false,
        );
        c.str(a.denunciation, 'reference', dp, `${label}: the denunciation's reference`, true);
        if (notified && signed && notified < signed)
          c.add(`${dp}.notifiedOn`, `${label} was denounced (${notified}) before it was signed (${signed})`);
        if (notified) ends = obligationEnds(notified);
      }
    }
    const moves: { date: string; kind: string; amount: string; j: number }[] = [];
    c.array(a, 'movements', path, `${label}: the advances drawn and repaid`).forEach((m, j) => {
      const mp = `${path}.movements[${j}]`;
      if (!isObj(m)) return c.add(mp, `${label}: movement ${j + 1} is not a drawing or a repayment`);
      const date = c.date(m, 'date', mp, `${label}, movement ${j + 1}: the date`, false);
      const kind = c.oneOf(m, 'kind', mp, `${label}, movement ${j + 1}: the kind`, ['drawn', 'repaid'] as const);
      const amount = c.decimal(m, 'amount', mp, `${label}, movement ${j + 1}: the amount`, { positive: true });
      c.str(m, 'reference', mp, `${label}, movement ${j + 1}: the reference`, true);
      if (date && signed && date < signed)
        c.add(`${mp}.date`, `${label}: an advance moved on ${date}, before the agreement was signed (${signed})`);
      if (date && kind === 'drawn' && ends && date > ends)
        c.add(`${mp}.date`, `${label}: an advance was drawn on ${date}, after the obligation ended on ${ends} (R20)`);
      if (date && kind && amount) moves.push({ date, kind, amount, j });
    });
    // Running balance in date order: never repay more than is outstanding, never owe more than the ceiling.
    moves.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.j - y.j));
    let outstanding = new Decimal(0);
    for (const m of moves) {
      outstanding = m.kind === 'drawn' ? outstanding.plus(m.amount) : outstanding.minus(m.amount);
      const mp = `${path}.movements[${m.j}].amount`;
      if (outstanding.isNegative()) {
        c.add(
          mp,
          `${label}: the repayment of ${m.amount} on ${m.date} is more than the ${outstanding.plus(m.amount).toFixed()} outstanding`,
        );
        outstanding = new Decimal(0);
      } else if (ceiling && outstanding.gt(ceiling)) {
        c.add(
          mp,
          `${label}: after the drawing of ${m.amount} on ${m.date}, ${outstanding.toFixed()} is outstanding, above the ceiling of ${ceiling}`,
        );
      }
    }
  });

  // R17 decisions under which a member keeps its vote.
  const decisionId = uniqueIds('Voting decision');
  list('votingDecisions', 'The voting decisions').forEach((d, i) => {
    const path = `votingDecisions[${i}]`;
    if (!isObj(d)) return c.add(path, `Voting decision ${i + 1} is not a decision`);
    const label = `Voting decision ${decisionId(d, path, i) ?? i + 1}`;
    const code = member(d, 'member', path, label);
    const b = budget(d, path, label, true);
    if (b && code && members.has(code) && !taking.has(`${code}\u0000${b}`))
      c.add(`${path}.budget`, `${label} is for ${b}, but ${code} does not take part in ${b}`);
    c.str(d, 'body', path, `${label}: the body that decided`);
    c.date(d, 'date', path, `${label}: the date of the decision`, false);
    c.str(d, 'reference', path, `${label}: the reference`);
    const from = c.date(d, 'from', path, `${label}: the first day it covers`, false);
    const to = c.date(d, 'to', path, `${label}: the last day it covers`);
    if (from && to && to < from) c.add(`${path}.to`, `${label} ends (${to}) before it begins (${from})`);
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
  c.array(doc, 'openingBalances', '', 'The opening balances').forEach((o, i) => {
    const path = `openingBalances[${i}]`;
    if (!isObj(o)) return c.add(path, `Opening balance ${i + 1} is not an opening balance`);
    const code = c.str(o, 'member', path, `Opening balance ${i + 1}: the member`);
    const budgetId = c.str(o, 'budget', path, `Opening balance ${i + 1}: the budget`);
    const year = c.year(o, 'year', path, `Opening balance ${i + 1}: the year`);
    const label = `Opening balance of ${code ?? '?'} in ${budgetId ?? '?'} for ${year ?? '?'}`;
    if (code && !members.has(code)) c.add(`${path}.member`, `${label}: there is no member ${code}`);
    const b = budgetId ? firstYear.get(budgetId) : undefined;
    if (budgetId && !b) c.add(`${path}.budget`, `${label}: there is no budget ${budgetId}`);
    if (code && budgetId && members.has(code) && b && !taking.has(`${code}\u0000${budgetId}`))
      c.add(path, `${label}: ${code} does not take part in ${budgetId}`);
    if (year !== undefined && b?.first !== undefined && year >= b.first) {
      c.add(
        `${path}.year`,
        `${label}: an opening balance is for a year before the budget's first year of data (${b.first}); enter ${year} in the budget itself`,
      );
    }
    const key = `${code}\u0000${budgetId}\u0000${year}`;
    if (code && budgetId && year !== undefined && seen.has(key)) c.add(path, `${label} is entered twice`);
    seen.add(key);
    const assessed = c.decimal(o, 'assessed', path, `${label}: the amount assessed`);
    const unpaid = c.decimal(o, 'unpaid', path, `${label}: the amount still unpaid`);
    if (assessed && unpaid && new Decimal(unpaid).gt(assessed))
      c.add(`${path}.unpaid`, `${label}: ${unpaid} unpaid is more than the ${assessed} assessed`);
    // Amounts as the previous accounts state them: not bound to today's rounding unit.
    c.str(o, 'reference', path, `${label}: the reference`, true);
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
    const message = e.tooDeep
      ? `The file is nested more than ${MAX_NESTING} levels deep at line ${line}; a workbook nests only a few, so this is not one (or it is damaged)`
      : `The file is damaged or not JSON: ${e.message} at line ${line}`;
    return { problems: [{ path: '', message }], lines: [line] };
  }
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
  return withDefaults(JSON.parse(text) as Obj);
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
