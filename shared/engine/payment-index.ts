import type { Payment } from '../model/types';
import type { UnpaidByYear } from './ledger';

// Internals of the ledger (R15–R16): the workbook's payments indexed by member position. Amounts stay BigInt
// (R3); dates are read once as yyyymmdd numbers only to order payments. Not exported from the engine's index.

/** A YYYY-MM-DD date as the number yyyymmdd (such numbers order as the strings do), NaN for any other string. */
function dayNumber(s: string): number {
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

/**
 * The workbook's payments by member position, in arrays filled in one pass (bench: 300,000 payments; wrapper
 * objects and a list per member cost more than the crediting).
 */
export class PaymentIndex {
  /** yyyymmdd of each payment's date. */
  private readonly day: Float64Array;
  /** Every date is YYYY-MM-DD, so `day` orders payments as their dates do. */
  private readonly datesOk: boolean;
  /** Amounts at the ledger's scale, parsed the first time their member is asked for. */
  private readonly big: (bigint | undefined)[];
  /** Member position i → indexes `order[start[i]]…order[start[i + 1] − 1]`, put in date order when first needed. */
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  private readonly sorted: Uint8Array;
  /** Payments from codes that are not members. */
  private readonly others = new Map<string, number[]>();
  private readonly sortedOthers = new Set<number[]>();

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
    this.big = new Array<bigint | undefined>(n);
    const at = new Int32Array(n);
    const start = new Int32Array(members + 1);
    let datesOk = true;
    for (let k = 0; k < n; k++) {
      const p = payments[k];
      const d = dayNumber(p.date);
      if (Number.isNaN(d)) datesOk = false;
      this.day[k] = d;
      const i =
        guess && prev + 1 < members && codes[prev + 1] === p.member
          ? prev + 1
          : guess && prev >= 0 && codes[prev] === p.member
            ? prev
            : memberIndex.get(p.member);
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
    this.datesOk = datesOk;
  }

  /**
   * A member's payment indexes in the order they were made, the workbook order breaking ties (a stable sort);
   * `parse` reads each amount the first time, so a malformed amount is an error when its member is asked for.
   */
  of(at: number | undefined, member: string, parse: (k: number) => bigint): ArrayLike<number> & Iterable<number> {
    if (at === undefined) {
      const list = this.others.get(member);
      if (!list) return NO_PAYMENTS;
      if (!this.sortedOthers.has(list)) {
        this.sortedOthers.add(list);
        this.sortOnce(list, parse);
      }
      return list;
    }
    const list = this.order.subarray(this.start[at], this.start[at + 1]);
    if (this.sorted[at] === 0) {
      this.sortOnce(list, parse);
      this.sorted[at] = 1;
    }
    return list;
  }

  /** A payment's amount, once its member's payments were asked for (`of`). */
  amount(k: number): bigint {
    return this.big[k]!;
  }

  private sortOnce(list: number[] | Int32Array, parse: (k: number) => bigint): void {
    const ps = this.payments;
    let inOrder = true;
    if (this.datesOk)
      for (let i = 1; i < list.length && inOrder; i++) inOrder = this.day[list[i - 1]] <= this.day[list[i]];
    else for (let i = 1; i < list.length && inOrder; i++) inOrder = ps[list[i - 1]].date <= ps[list[i]].date;
    if (!inOrder) {
      const copy = Array.from(list).sort((a, b) => (ps[a].date < ps[b].date ? -1 : ps[a].date > ps[b].date ? 1 : 0));
      for (let i = 0; i < copy.length; i++) list[i] = copy[i];
    }
    for (let i = 0; i < list.length; i++) {
      const k = list[i];
      if (this.big[k] === undefined) this.big[k] = parse(k);
    }
  }
}

const NO_PAYMENTS: number[] = [];

/** R16 upTo(y) = Σ unpaid of years ≤ y, from running totals that start at `first`. */
export class RunningUnpaid implements UnpaidByYear {
  constructor(
    private readonly first: number,
    private readonly cum: bigint[],
  ) {}

  upTo(year: number): bigint {
    if (this.cum.length === 0 || year < this.first) return 0n;
    return this.cum[Math.min(year - this.first, this.cum.length - 1)];
  }
}
