import type { Payment } from '../model/types';
import type { ItemKind, Settlement, UnpaidByYear } from './ledger';

// Internals of the ledger's fast path (R15–R16): payments and items in typed arrays, amounts as safe integers.
// Not exported from the engine's index.

export const KINDS: readonly ItemKind[] = ['contribution', 'wcf'];

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
export const isSafe = (v: bigint) => v <= MAX_SAFE && v >= -MAX_SAFE;

/** A YYYY-MM-DD date as the number yyyymmdd (such numbers order as the strings do), NaN for any other string. */
export function dayNumber(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return NaN;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    n = n * 10 + c;
  }
  return n;
}

/** Whole amounts of up to 15 digits are exact as Numbers; NaN for anything else (parsed later as BigInt). */
function wholeNumber(s: string): number {
  if (s.length === 0 || s.length > 15) return NaN;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
  }
  return Number(s);
}

/**
 * The workbook's payments by member position, and what crediting reads of them, in arrays filled in one pass
 * (bench: 300,000 payments; wrapper objects and a list per member cost more than the crediting).
 */
export class PaymentIndex {
  /** yyyymmdd of each payment's date. */
  readonly day: Float64Array;
  /** Every date is YYYY-MM-DD, so `day` orders payments as their dates do. */
  readonly datesOk: boolean;
  /** Amounts at the ledger's scale as safe integers; NaN = not one, or not parsed yet (`parsed`). */
  readonly num: Float64Array;
  readonly big: (bigint | undefined)[] = [];
  /** 1 once the amount has its final value in `num` or `big`. */
  readonly parsed: Uint8Array;
  /** 1 = marked for a budget, a year or a purpose: crediting must read the payment itself. */
  readonly marked: Uint8Array;
  readonly currency: string[];
  /** Decimal places of the most precise amount. */
  readonly places: number;
  /** Member position i → indexes `order[start[i]]…order[start[i + 1] − 1]`, put in date order when first needed. */
  readonly start: Int32Array;
  readonly order: Int32Array;
  private readonly sorted: Uint8Array;
  /** Payments from codes that are not members. */
  private readonly others = new Map<string, number[]>();

  constructor(
    private readonly payments: readonly Payment[],
    memberIndex: ReadonlyMap<string, number>,
    codes: readonly string[],
  ) {
    const members = codes.length;
    // Payments usually come member after member, or date after date in member order: try the member after the
    // previous payment's (or the same) before the map. Not when two members share a code (the map has the last).
    const guess = memberIndex.size === members;
    let prev = -1;
    const n = payments.length;
    this.day = new Float64Array(n);
    this.num = new Float64Array(n);
    this.parsed = new Uint8Array(n);
    this.marked = new Uint8Array(n);
    this.currency = new Array<string>(n);
    const at = new Int32Array(n);
    const start = new Int32Array(members + 1);
    let places = 0;
    let datesOk = true;
    for (let k = 0; k < n; k++) {
      const p = payments[k];
      const dot = p.amount.indexOf('.');
      if (dot >= 0) places = Math.max(places, p.amount.length - dot - 1);
      const d = dayNumber(p.date);
      if (Number.isNaN(d)) datesOk = false;
      this.day[k] = d;
      this.num[k] = wholeNumber(p.amount);
      this.marked[k] = p.budget !== undefined || p.year !== undefined || p.purpose !== undefined ? 1 : 0;
      this.currency[k] = p.currency;
      const i = guess && prev + 1 < members && codes[prev + 1] === p.member ? prev + 1 : guess && prev >= 0 && codes[prev] === p.member ? prev : memberIndex.get(p.member);
      if (i !== undefined) prev = i;
      if (i === undefined) {
        at[k] = -1;
        const list = this.others.get(p.member);
        if (list) list.push(k);
        else this.others.set(p.member, [k]);
      } else {
        at[k] = i;
        start[i + 1]++;
      }
    }
    for (let i = 0; i < members; i++) start[i + 1] += start[i];
    const next = start.slice(0, members);
    this.order = new Int32Array(start[members]);
    for (let k = 0; k < n; k++) if (at[k] >= 0) this.order[next[at[k]]++] = k;
    this.start = start;
    this.sorted = new Uint8Array(members);
    this.places = places;
    this.datesOk = datesOk;
  }

  /** Puts whole amounts at the ledger's scale (10^scale); those then past 2^53 − 1 are parsed later as BigInt. */
  scaleBy(unit: number): void {
    if (unit === 1) return;
    for (let k = 0; k < this.num.length; k++) {
      const v = this.num[k] * unit;
      this.num[k] = Number.isSafeInteger(v) ? v : NaN;
    }
  }

  /**
   * A member's payment indexes in the order they were made, the workbook order breaking ties (a stable sort);
   * `parse` is given each one not yet parsed, the first time, so a malformed amount is an error on either path.
   */
  of(at: number | undefined, member: string, parse: (k: number) => void): ArrayLike<number> & Iterable<number> {
    if (at === undefined) {
      const list = this.others.get(member);
      if (!list) return NO_PAYMENTS;
      this.sortOnce(list, parse);
      return list;
    }
    const list = this.order.subarray(this.start[at], this.start[at + 1]);
    if (this.sorted[at] === 0) {
      this.sortOnce(list, parse);
      this.sorted[at] = 1;
    }
    return list;
  }

  /** `of` for a member without a view: the end of its range in `order`, which starts at `start[at]`. */
  sort(at: number, parse: (k: number) => void): number {
    if (this.sorted[at] === 0) {
      this.sortOnce(this.order.subarray(this.start[at], this.start[at + 1]), parse);
      this.sorted[at] = 1;
    }
    return this.start[at + 1];
  }

  private readonly sortedOthers = new Set<number[]>();

  private sortOnce(list: number[] | Int32Array, parse: (k: number) => void): void {
    if (Array.isArray(list)) {
      if (this.sortedOthers.has(list)) return;
      this.sortedOthers.add(list);
    }
    const ps = this.payments;
    let inOrder = true;
    if (this.datesOk) for (let i = 1; i < list.length && inOrder; i++) inOrder = this.day[list[i - 1]] <= this.day[list[i]];
    else for (let i = 1; i < list.length && inOrder; i++) inOrder = ps[list[i - 1]].date <= ps[list[i]].date;
    if (!inOrder) {
      const copy = Array.from(list).sort((a, b) => (ps[a].date < ps[b].date ? -1 : ps[a].date > ps[b].date ? 1 : 0));
      for (let i = 0; i < copy.length; i++) list[i] = copy[i];
    }
    for (let i = 0; i < list.length; i++) {
      const k = list[i];
      if (this.parsed[k] === 0) {
        if (Number.isNaN(this.num[k])) parse(k);
        this.parsed[k] = 1;
      }
    }
  }

  /** A parsed amount as a bigint. */
  amount(k: number): bigint {
    return this.big[k] ?? BigInt(this.num[k]);
  }
}

const NO_PAYMENTS: number[] = [];

/**
 * The items and pending payments of the last fast account, in parallel arrays reused from member to member;
 * dates as yyyymmdd numbers.
 */
export class FastCrediting implements Settlement {
  valid = false;
  member = '';
  asOf = '';
  horizon = 0;
  unappliedAtHorizon = 0n;
  n = 0;
  kind = new Uint8Array(64);
  budget = new Int32Array(64);
  budgetId: string[] = [];
  year = new Int32Array(64);
  /** A WCF share's due date; a contribution's is 1 January of its year (R8). */
  due: (string | undefined)[] = [];
  dueDay = new Float64Array(64);
  currency: string[] = [];
  assessed = new Float64Array(64);
  credited = new Float64Array(64);
  /** Items in R15 order (by due date, kind, budget). */
  order: number[] = [];
  /** Item indexes lane after lane (R15: the WCF first, then contributions; or one lane). */
  private lane = new Int32Array(64);
  private readonly laneStart = [0, 0];
  private readonly laneEnd = [0, 0];
  private laneCount = 1;
  private dueList = new Float64Array(64);
  private dueCount = 0;
  private nextDue = 0;
  pending = 0;
  private pendingAt = new Int32Array(16);
  private pendingAmount = new Float64Array(16);
  private pendingUsed = new Float64Array(16);

  constructor(
    private readonly payments: readonly Payment[],
    private readonly index: PaymentIndex,
  ) {}

  push(i: number, kind: number, budget: number, budgetId: string, year: number, due: string | undefined, dueDay: number, currency: string, assessed: number): void {
    if (i === this.kind.length) this.grow(i * 2);
    this.kind[i] = kind;
    this.budget[i] = budget;
    this.budgetId[i] = budgetId;
    this.year[i] = year;
    this.due[i] = due;
    this.dueDay[i] = dueDay;
    this.currency[i] = currency;
    this.assessed[i] = assessed;
    this.credited[i] = 0;
  }

  private grow(size: number): void {
    const copy = <T extends Uint8Array | Int32Array | Float64Array>(a: T, b: T) => (b.set(a), b);
    this.kind = copy(this.kind, new Uint8Array(size));
    this.budget = copy(this.budget, new Int32Array(size));
    this.year = copy(this.year, new Int32Array(size));
    this.dueDay = copy(this.dueDay, new Float64Array(size));
    this.assessed = copy(this.assessed, new Float64Array(size));
    this.credited = copy(this.credited, new Float64Array(size));
    this.lane = new Int32Array(size);
    this.dueList = new Float64Array(size);
  }

  /** Sets the item order (identity, or by due date, kind, then budget order as `items` sorts) and the lanes. */
  arrange(sort: boolean, wcfFirst: boolean): void {
    const n = this.n;
    const order = this.order;
    for (let i = 0; i < n; i++) order[i] = i;
    if (sort) {
      const sorted = order.slice(0, n).sort((i, j) => this.dueDay[i] - this.dueDay[j] || this.kind[i] - this.kind[j] || this.budget[i] - this.budget[j]);
      for (let i = 0; i < n; i++) order[i] = sorted[i];
    }
    let w = 0;
    if (wcfFirst) for (let i = 0; i < n; i++) if (this.kind[i] === 1) w++;
    if (w > 0) {
      let a = 0;
      let c = w;
      for (let i = 0; i < n; i++) {
        const it = order[i];
        if (this.kind[it] === 1) this.lane[a++] = it;
        else this.lane[c++] = it;
      }
      this.laneCount = 2;
      this.laneStart[0] = 0;
      this.laneEnd[0] = w;
      this.laneStart[1] = w;
      this.laneEnd[1] = n;
    } else {
      for (let i = 0; i < n; i++) this.lane[i] = order[i];
      this.laneCount = 1;
      this.laneStart[0] = 0;
      this.laneEnd[0] = n;
    }
    // Items fall due in batches (1 January): the distinct due dates, in order.
    let c = 0;
    for (let i = 0; i < n; i++) {
      const d = this.dueDay[order[i]];
      if (c === 0 || this.dueList[c - 1] !== d) this.dueList[c++] = d;
    }
    this.dueCount = c;
    this.nextDue = 0;
    this.pending = 0;
  }

  /** `credit`'s apply without credit records; returns what payment `k` has credited so far. */
  apply(k: number, amount: number, used: number, clock: number): number {
    const p = this.index.marked[k] === 1 ? this.payments[k] : undefined;
    const currency = this.index.currency[k];
    for (let l = 0; l < this.laneCount; l++) {
      const end = this.laneEnd[l];
      let start = this.laneStart[l];
      while (start < end && this.credited[this.lane[start]] === this.assessed[this.lane[start]]) start++;
      this.laneStart[l] = start;
      for (let i = start; i < end && used < amount; i++) {
        const it = this.lane[i];
        if (this.dueDay[it] > clock) break;
        const open = this.assessed[it] - this.credited[it];
        if (open === 0) continue;
        if (p !== undefined) {
          if (p.purpose !== undefined && p.purpose !== KINDS[this.kind[it]]) continue;
          if (p.budget !== undefined && p.budget !== this.budgetId[it]) continue;
          if (p.year !== undefined && p.year !== this.year[it]) continue;
        }
        if (this.currency[it] !== currency) continue;
        const left = amount - used;
        const x = left < open ? left : open;
        this.credited[it] += x;
        used += x;
      }
    }
    return used;
  }

  hold(k: number, amount: number, used: number): void {
    const i = this.pending++;
    if (i === this.pendingAt.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T) => (b.set(a), b);
      this.pendingAt = grow(this.pendingAt, new Int32Array(i * 2));
      this.pendingAmount = grow(this.pendingAmount, new Float64Array(i * 2));
      this.pendingUsed = grow(this.pendingUsed, new Float64Array(i * 2));
    }
    this.pendingAt[i] = k;
    this.pendingAmount[i] = amount;
    this.pendingUsed[i] = used;
  }

  /** Credit still held is applied to each batch of items as it falls due, up to `day`. */
  openUpTo(day: number): void {
    while (this.nextDue < this.dueCount && this.dueList[this.nextDue] <= day) {
      const clock = this.dueList[this.nextDue++];
      for (let u = 0; u < this.pending; u++) {
        if (this.pendingUsed[u] < this.pendingAmount[u]) this.pendingUsed[u] = this.apply(this.pendingAt[u], this.pendingAmount[u], this.pendingUsed[u], clock);
      }
    }
  }

  unapplied(): number {
    let s = 0;
    for (let u = 0; u < this.pending; u++) s += this.pendingAmount[u] - this.pendingUsed[u];
    return s;
  }

  unpaid(budgetId: string): UnpaidByYear {
    // As for an account: the budget's contributions in item order, cumulated by year.
    const cum: number[] = [];
    let first = 0;
    let total = 0;
    for (let k = 0; k < this.n; k++) {
      const it = this.order[k];
      if (this.kind[it] !== 0 || this.budgetId[it] !== budgetId) continue;
      const year = this.year[it];
      if (cum.length === 0) first = year;
      while (first + cum.length < year) cum.push(total);
      total += this.assessed[it] - this.credited[it];
      cum.push(total);
    }
    return new RunningUnpaid(first, cum);
  }
}

/** R16 upTo(y) = Σ unpaid of years ≤ y, from running totals that start at `first`. */
export class RunningUnpaid<T extends number | bigint> implements UnpaidByYear {
  constructor(
    private readonly first: number,
    private readonly cum: T[],
  ) {}

  upTo(year: number): bigint {
    if (this.cum.length === 0 || year < this.first) return 0n;
    return BigInt(this.cum[Math.min(year - this.first, this.cum.length - 1)]);
  }
}
