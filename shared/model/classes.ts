import { yearOf } from './dates';
import type { Budget, ClassChange, ClassScheme, Participation, Scheme, Workbook } from './types';
import { Decimal } from './decimal';
import type { Message } from '../i18n/intl';
import { engineErrorOf } from './errors';

/** What a member holds in a budget for a year: a class of the scheme (R1) or its own weight (R2). */
export interface Holding {
  class?: string;
  units: string;
  /** R11 the class was taken from the linked budget (the Paris Union). */
  fromBudget?: string;
  /** R13 the class comes from this change notice. */
  changeId?: string;
}

export type ChangeDirection = 'lower' | 'higher' | 'same';

export interface ChangeEffect {
  direction: ChangeDirection;
  /** R13 a lower-class request with no session date is pending and changes nothing. */
  status: 'pending' | 'effective';
  effectiveYear?: number;
}

export function schemeOf(workbook: Workbook, budget: Budget): Scheme {
  const s = workbook.schemes.find((x) => x.id === budget.schemeId);
  if (!s) throw engineErrorOf('engine.classes.noScheme', { budget: budget.id, scheme: budget.schemeId });
  return s;
}

export function unitsOfClass(scheme: ClassScheme, code: string): string | undefined {
  return scheme.classes.find((c) => c.code === code)?.units;
}

/** R11 the budget a special union takes its classes from (the Paris Union), when it is linked to another one. */
export function classSource(workbook: Pick<Workbook, 'budgets'>, budget: Budget): Budget | undefined {
  if (!budget.classesFrom || budget.classesFrom === budget.id) return undefined;
  return workbook.budgets.find((b) => b.id === budget.classesFrom);
}

/** R11 the treaty article a special union's class follows, in the words a budget officer cites. */
export function specialUnionArticle(budget: Pick<Budget, 'id' | 'name'>): string {
  return /locarno/i.test(budget.name) || budget.id === 'locarno'
    ? 'Locarno Agreement Art. 7(4)(a)'
    : 'Locarno Agreement Art. 7(4)(a) and the like article of its own agreement';
}

/**
 * R11 why a class cannot be set in a linked union: its members hold the class they hold in the source budget.
 * `held` is the member's class there, when known. A message (`engine.edit.linked.*`, the article `validation.article.*`).
 */
export function linkedClassMessage(budget: Budget, source: Budget, member?: string, held?: string): Message {
  const values = { budget: budget.name, source: source.name };
  const article: Message = {
    id:
      specialUnionArticle(budget) === 'Locarno Agreement Art. 7(4)(a)'
        ? 'validation.article.locarno'
        : 'validation.article.like',
  };
  return member && held
    ? { id: 'engine.edit.linked.classHeld', values: { ...values, member, held }, parts: { article } }
    : { id: 'engine.edit.linked.class', values, parts: { article } };
}

interface Entry {
  year: number;
  class?: string;
  weight?: string;
  changeId?: string;
}

/**
 * R13 the year a class change takes effect. Lower: 1 January after the session that heard it, pending without one.
 * Higher: 1 January of the year named, at the earliest the year after the notice.
 */
export function changeEffect(
  change: ClassChange,
  fromUnits: string | undefined,
  toUnits: string | undefined,
): ChangeEffect {
  const cmp = fromUnits !== undefined && toUnits !== undefined ? new Decimal(toUnits).cmp(fromUnits) : 1;
  const direction: ChangeDirection = cmp < 0 ? 'lower' : cmp > 0 ? 'higher' : 'same';
  const earliest = yearOf(change.notifiedOn) + 1;
  if (direction === 'lower') {
    if (!change.sessionDate) return { direction, status: 'pending' };
    return { direction, status: 'effective', effectiveYear: Math.max(yearOf(change.sessionDate) + 1, earliest) };
  }
  return { direction, status: 'effective', effectiveYear: Math.max(change.requestedYear ?? earliest, earliest) };
}

/** The class timeline of one participation: its own holdings plus the effective change notices, by year. */
export class ClassTimeline {
  private readonly entries: Entry[];
  readonly effects = new Map<string, ChangeEffect>();

  constructor(
    participation: Participation | undefined,
    changes: readonly ClassChange[],
    private readonly scheme: Scheme,
    /** R11 the units held through the linked union, for a year with no class of its own. */
    linkedUnits: (year: number) => string | undefined = () => undefined,
  ) {
    this.entries = (participation?.classes ?? []).map((h) => ({ year: h.year, class: h.class, weight: h.weight }));
    this.entries.sort((a, b) => a.year - b.year);
    // Each notice is judged lower or higher against the class in force when it was given.
    const ordered = [...changes].sort((a, b) =>
      a.notifiedOn < b.notifiedOn ? -1 : a.notifiedOn > b.notifiedOn ? 1 : 0,
    );
    for (const c of ordered) {
      const before = this.at(yearOf(c.notifiedOn));
      const fromUnits = before
        ? before.class !== undefined
          ? this.units(before.class)
          : undefined
        : linkedUnits(yearOf(c.notifiedOn));
      const effect = changeEffect(c, fromUnits, this.units(c.toClass));
      this.effects.set(c.id, effect);
      if (effect.status === 'effective') {
        this.entries.push({ year: effect.effectiveYear!, class: c.toClass, changeId: c.id });
        this.entries.sort((a, b) => a.year - b.year); // stable: a later notice wins a tie
      }
    }
  }

  private units(code: string): string | undefined {
    return this.scheme.kind === 'classes' ? unitsOfClass(this.scheme, code) : undefined;
  }

  /** The entry in force in `year`: the last one whose year is not after it. */
  at(year: number): Entry | undefined {
    let found: Entry | undefined;
    for (const e of this.entries) if (e.year <= year) found = e;
    return found;
  }

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }
}

/** A holding that applies unchanged to every year from `from` on (one class or weight, no change notice). */
export interface SteadyHolding {
  from: number;
  holding: Holding;
}

/** Caches timelines per budget and member so a whole table is computed once per workbook. */
export class Holdings {
  // Nested maps (budget → member) rather than joined string keys: the ledger asks millions of times.
  private readonly timelines = new Map<string, Map<string, ClassTimeline>>();
  private readonly participations = new Map<string, Map<string, Participation>>();
  private readonly changes = new Map<string, Map<string, ClassChange[]>>();
  private readonly steadies = new Map<string, Map<string, SteadyHolding | null>>();
  private readonly schemes = new Map<string, Scheme>();
  private readonly unitsBySchemeClass = new Map<Scheme, Map<string, string>>();

  constructor(private readonly workbook: Workbook) {
    for (const p of workbook.participations) inner(this.participations, p.budget).set(p.member, p);
    for (const c of workbook.classChanges) {
      const m = inner(this.changes, c.budget);
      const list = m.get(c.member);
      if (list) list.push(c);
      else m.set(c.member, [c]);
    }
  }

  participation(budgetId: string, member: string): Participation | undefined {
    return this.participations.get(budgetId)?.get(member);
  }

  timeline(budget: Budget, member: string): ClassTimeline {
    const byMember = inner(this.timelines, budget.id);
    let t = byMember.get(member);
    if (!t) {
      const linked = classSource(this.workbook, budget);
      const linkedUnits = (year: number) => {
        if (!linked) return undefined;
        try {
          return this.holding(linked, member, year).units;
        } catch {
          return undefined; // no class in the linked union that year: judged as a move up
        }
      };
      // R11 a linked union's members hold no class of their own and file no notice there: its timeline is empty.
      const own = linked && this.scheme(budget).kind === 'classes' ? undefined : this.participation(budget.id, member);
      const changes = own ? (this.changes.get(budget.id)?.get(member) ?? []) : [];
      t = new ClassTimeline(own, changes, this.scheme(budget), linkedUnits);
      byMember.set(member, t);
    }
    return t;
  }

  /**
   * The common case, decided once per budget and member: one own class (or weight) and no change notice, so the
   * holding is the same every year from the holding's year on (R1/R2; R11 and R13 cannot apply). Null otherwise,
   * and when the general path would throw (an unknown class, no weight): it then throws the same error.
   */
  steady(budget: Budget, member: string): SteadyHolding | null {
    const byMember = inner(this.steadies, budget.id);
    let s = byMember.get(member);
    if (s === undefined) byMember.set(member, (s = this.steadyOf(budget, member)));
    return s;
  }

  /** `steady` without the cache, for a caller that keeps the answer (the ledger, once per budget and member). */
  steadyOf(budget: Budget, member: string): SteadyHolding | null {
    const p = this.participation(budget.id, member);
    const scheme = this.scheme(budget);
    if (!p || p.classes.length !== 1 || this.changes.get(budget.id)?.has(member)) return null;
    if (scheme.kind === 'classes' && classSource(this.workbook, budget)) return null; // R11 the linked class, by the general path
    const own = p.classes[0];
    if (scheme.kind === 'scale')
      return own.weight === undefined ? null : { from: own.year, holding: { units: own.weight } };
    const units = own.class === undefined ? undefined : this.classUnits(scheme, own.class);
    return units === undefined ? null : { from: own.year, holding: { class: own.class, units, changeId: undefined } };
  }

  /** R1/R2/R11/R13 the class (or weight) and units a member holds in a budget for a year. */
  holding(budget: Budget, member: string, year: number, seen: string[] = []): Holding {
    const s = this.steady(budget, member);
    if (s !== null && year >= s.from) return { ...s.holding };
    return this.timelineHolding(budget, member, year, seen);
  }

  /** The general path of `holding`, through the class timeline (also the reference for the fast path's tests). */
  timelineHolding(budget: Budget, member: string, year: number, seen: string[] = []): Holding {
    const scheme = this.scheme(budget);
    const own = this.timeline(budget, member).at(year);
    if (own) {
      if (scheme.kind === 'scale') {
        if (own.weight === undefined)
          throw engineErrorOf('engine.classes.noWeight', { member, budget: budget.id, year: String(year) });
        return { units: own.weight };
      }
      const units = this.classUnits(scheme, own.class ?? '');
      if (units === undefined)
        throw engineErrorOf('engine.classes.noSuchClass', { member, class: own.class, scheme: scheme.id });
      return { class: own.class, units, changeId: own.changeId };
    }
    // R11 a special union's member holds the class it holds in the linked union (it has none of its own).
    if (budget.classesFrom && !seen.includes(budget.classesFrom) && scheme.kind === 'classes') {
      const linked = classSource(this.workbook, budget);
      if (linked) {
        const h = this.holding(linked, member, year, [...seen, budget.id]);
        const units = h.class === undefined ? undefined : this.classUnits(scheme, h.class);
        if (units === undefined)
          throw engineErrorOf('engine.classes.linkedNotClass', {
            member,
            class: h.class,
            linked: linked.id,
            scheme: scheme.id,
          });
        return { class: h.class, units, fromBudget: linked.id, changeId: h.changeId };
      }
    }
    throw engineErrorOf('engine.classes.noClass', { member, budget: budget.id, year: String(year) });
  }

  /** The budget's scheme, found once (a missing scheme is an error each time it is asked for). */
  private scheme(budget: Budget): Scheme {
    let s = this.schemes.get(budget.schemeId);
    if (!s) this.schemes.set(budget.schemeId, (s = schemeOf(this.workbook, budget)));
    return s;
  }

  /** `unitsOfClass` through a map per scheme (a scheme's first class of a code wins, as with `find`). */
  private classUnits(scheme: ClassScheme, code: string): string | undefined {
    let m = this.unitsBySchemeClass.get(scheme);
    if (!m) {
      m = new Map();
      for (const c of scheme.classes) if (!m.has(c.code)) m.set(c.code, c.units);
      this.unitsBySchemeClass.set(scheme, m);
    }
    return m.get(code);
  }
}

function inner<V>(outer: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let m = outer.get(key);
  if (!m) outer.set(key, (m = new Map()));
  return m;
}
