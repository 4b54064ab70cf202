import { decimalPlaces, formatScaled, toScaledBigInt } from '../model/decimal';
import { isDecimal, isRate } from '../model/fields';
import { EngineError } from '../model/errors';
import { msg, say, type Message } from '../i18n/intl';
import { engineError } from './messages';
import { compareCodePoints, roundDiv } from './exact';

// R21 a scale of assessment derived from a base scale (e.g. the UN scale), in the rule's order: membership (fixed
// rates for members not on the base scale), exclusion, renormalization by an exact factor, ceiling then floor with
// pro-rata redistribution until no rate crosses a bound, rounding half-up or by largest remainder.
// Exact throughout: every rate is an integer at 10^P (P = the most decimals of any input figure) times a rational.
// The members not yet at a bound always keep rates proportional to their base rates (a pro-rata spread multiplies
// them all by one figure), so their rates are b_i · num / den with one num/den for all of them.

// Messages as data (issue 11): catalog area `engine`, ids `engine.scale.*`; an error's `message` is the English.
type Figure = 'excludeBelow' | 'ceiling' | 'floor' | 'base' | 'fixed';
const figureMsg = (what: Figure, code = '') => msg('engine.scale.figure', { what, code });
const messages = {
  decimals: (d: unknown) => engineError('scale.decimals', { d: String(d) }),
  notNumber: (what: Message, v: string) => errorOf({ id: 'engine.scale.notNumber', values: { v }, parts: { what } }),
  negative: (what: Message, v: string) => errorOf({ id: 'engine.scale.negative', values: { v }, parts: { what } }),
  tooManyDecimals: (what: 'ceiling' | 'floor', v: string, d: number) =>
    engineError('scale.tooManyDecimals', { what, v, d: String(d) }),
  fixedDecimals: (code: string, v: string, d: number) => engineError('scale.fixedDecimals', { code, v, d: String(d) }),
  baseTwice: (code: string) => engineError('scale.baseTwice', { code }),
  memberTwice: (code: string) => engineError('scale.memberTwice', { code }),
  fixedOnBase: (code: string, rate: string) => engineError('scale.fixedOnBase', { code, rate }),
  noRate: (code: string) => engineError('scale.noRate', { code }),
  noMembers: () => engineError('scale.noMembers'),
  floorAboveCeiling: (floor: string, ceiling: string) => engineError('scale.floorAboveCeiling', { floor, ceiling }),
  fixedAboveCeiling: (code: string, rate: string, ceiling: string) =>
    engineError('scale.fixedAboveCeiling', { code, rate, ceiling }),
  fixedBelowFloor: (code: string, rate: string, floor: string) =>
    engineError('scale.fixedBelowFloor', { code, rate, floor }),
  fixedOver100: (sum: string) => engineError('scale.fixedOver100', { sum }),
  fixedLeaveNothing: (sum: string) => engineError('scale.fixedLeaveNothing', { sum }),
  fixedNot100: (sum: string) => engineError('scale.fixedNot100', { sum }),
  zeroBase: () => engineError('scale.zeroBase'),
  ceilingTooLow: (ceiling: string, n: number, most: string, share: string) =>
    engineError('scale.ceilingTooLow', { ceiling, n, most, share }),
  floorTooHigh: (floor: string, n: number, least: string, share: string) =>
    engineError('scale.floorTooHigh', { floor, n, least, share }),
  boundsClash: () => engineError('scale.boundsClash'),
};

/** An EngineError of a message with parts: its English text, and the message as data. */
const errorOf = (m: Message): EngineError => Object.assign(new EngineError(say(m)), { msg: m });

export type ScaleRounding = 'half-up' | 'largest-remainder';
export type ScaleNote = '' | 'excluded' | 'ceiling' | 'floor' | 'fixed';

export interface BaseRate {
  code: string;
  name?: string;
  rate: string;
}

export interface ScaleMember {
  code: string;
  name?: string;
  /** R21 the rate of a member that is not on the base scale. */
  fixedRate?: string;
}

export interface ScaleSettings {
  /** A base rate below this pays nothing. */
  excludeBelow?: string;
  ceiling?: string;
  floor?: string;
  /** Decimals the rates are rounded to (default 3). */
  decimals?: number;
  rounding?: ScaleRounding;
}

/** An exact ratio, reduced, with a decimal to 15 significant digits for people. */
export interface Ratio {
  fraction: string;
  decimal: string;
}

export interface DerivedRate {
  code: string;
  name: string;
  /** Null for a member not on the base scale. */
  baseRate: string | null;
  /** The rate before rounding, to 15 significant digits (display only). */
  exactRate: string;
  /** The rate assessed: rounded to the decimals asked. */
  rate: string;
  note: ScaleNote;
}

export type ScaleStep =
  | {
      step: 'membership';
      members: number;
      onBase: number;
      fixed: { code: string; rate: string }[];
      sumFixed: string;
      notMembers: number;
    }
  | { step: 'exclusion'; threshold: string; excluded: { code: string; baseRate: string }[] }
  | { step: 'renormalization'; sumBase: string; share: string; factor: Ratio }
  | {
      step: 'ceiling';
      ceiling: string;
      members: { code: string; before: string }[];
      excess: string;
      othersMultipliedBy: Ratio;
    }
  | {
      step: 'floor';
      floor: string;
      members: { code: string; before: string }[];
      difference: string;
      othersMultipliedBy: Ratio;
    }
  | { step: 'rounding'; rounding: ScaleRounding; decimals: number; sum: string; roundedUp?: string[] };

export interface DerivedScale {
  /** In the members' order. */
  rates: DerivedRate[];
  /** R21 f = (100 − Σ fixed rates) / Σ the remaining base rates, exact. */
  factor: Ratio;
  steps: ScaleStep[];
  /** Σ of the rounded rates: exactly 100 by largest remainder, maybe not half-up. */
  sum: string;
  decimals: number;
  rounding: ScaleRounding;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** n/d (d > 0, n ≥ 0) as a decimal rounded half-up to `sig` significant digits. */
export function ratioDecimal(n: bigint, d: bigint, sig = 15): string {
  if (n === 0n) return '0';
  const whole = (n / d).toString();
  let places = whole === '0' ? sig : Math.max(0, sig - whole.length);
  if (whole === '0') {
    // Leading zeros after the point do not count as significant.
    let x = n * 10n;
    while (x < d) {
      x *= 10n;
      places++;
    }
  }
  const s = formatScaled(roundDiv(n * 10n ** BigInt(places), d, 'half-up'), places);
  return places > 0 ? s.replace(/\.?0+$/, '') : s;
}

function ratio(n: bigint, d: bigint): Ratio {
  const g = gcd(n, d) || 1n;
  return { fraction: `${n / g}/${d / g}`, decimal: ratioDecimal(n, d) };
}

/** A scaled integer at 10^places as a short decimal ("30.000" → "30"). */
function plain(v: bigint, places: number): string {
  const s = formatScaled(v, places);
  return places > 0 ? s.replace(/\.?0+$/, '') : s;
}

function figure(what: Message, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isRate(v)) throw isDecimal(v) ? messages.negative(what, v) : messages.notNumber(what, v);
  return v;
}

/** R21 derives the rates of `members` from `base`; infeasible settings are refused with an EngineError. */
export function deriveScale(
  base: readonly BaseRate[],
  members: readonly ScaleMember[],
  settings: ScaleSettings = {},
): DerivedScale {
  const d = settings.decimals ?? 3;
  const rounding = settings.rounding ?? 'half-up';
  if (!Number.isInteger(d) || d < 0 || d > 12) throw messages.decimals(d);
  if (members.length === 0) throw messages.noMembers();
  const threshold = figure(figureMsg('excludeBelow'), settings.excludeBelow);
  const ceiling = figure(figureMsg('ceiling'), settings.ceiling);
  const floor = figure(figureMsg('floor'), settings.floor);
  for (const [what, v] of [
    ['ceiling', ceiling],
    ['floor', floor],
  ] as const) {
    if (v !== undefined && decimalPlaces(v.replace(/\.?0+$/, '')) > d) throw messages.tooManyDecimals(what, v, d);
  }

  const baseOf = new Map<string, BaseRate>();
  for (const b of base) {
    figure(figureMsg('base', b.code), b.rate);
    if (baseOf.has(b.code)) throw messages.baseTwice(b.code);
    baseOf.set(b.code, b);
  }
  const seen = new Set<string>();
  for (const m of members) {
    if (seen.has(m.code)) throw messages.memberTwice(m.code);
    seen.add(m.code);
    const b = baseOf.get(m.code);
    if (m.fixedRate !== undefined) {
      figure(figureMsg('fixed', m.code), m.fixedRate);
      if (b) throw messages.fixedOnBase(m.code, b.rate);
      // A fixed rate is assessed as it stands: rounding it would change it.
      if (decimalPlaces(m.fixedRate.replace(/\.?0+$/, '')) > d) throw messages.fixedDecimals(m.code, m.fixedRate, d);
    } else if (!b) throw messages.noRate(m.code);
  }

  // Every figure as an integer at 10^P.
  let P = 0;
  for (const m of members) P = Math.max(P, decimalPlaces(m.fixedRate ?? baseOf.get(m.code)!.rate));
  for (const v of [threshold, ceiling, floor]) if (v !== undefined) P = Math.max(P, decimalPlaces(v));
  const at = (v: string) => toScaledBigInt(v, P);
  const hundred = 100n * 10n ** BigInt(P);
  const C = ceiling !== undefined ? at(ceiling) : undefined;
  const F = floor !== undefined ? at(floor) : undefined;
  if (C !== undefined && F !== undefined && F > C) throw messages.floorAboveCeiling(floor!, ceiling!);

  const n = members.length;
  const b = new Array<bigint>(n).fill(0n); // base rate, or the fixed rate
  const note = new Array<ScaleNote>(n).fill('');
  const free: number[] = [];
  let sumFixed = 0n;
  const fixedList: { code: string; rate: string }[] = [];
  const excluded: { code: string; baseRate: string }[] = [];
  const T0 = threshold !== undefined ? at(threshold) : undefined;
  // 1. membership; 2. exclusion.
  members.forEach((m, i) => {
    if (m.fixedRate !== undefined) {
      b[i] = at(m.fixedRate);
      note[i] = 'fixed';
      sumFixed += b[i];
      fixedList.push({ code: m.code, rate: m.fixedRate });
      if (C !== undefined && b[i] > C) throw messages.fixedAboveCeiling(m.code, m.fixedRate, ceiling!);
      if (F !== undefined && b[i] < F) throw messages.fixedBelowFloor(m.code, m.fixedRate, floor!);
      return;
    }
    const rate = baseOf.get(m.code)!.rate;
    b[i] = at(rate);
    if (T0 !== undefined && b[i] < T0) {
      note[i] = 'excluded';
      excluded.push({ code: m.code, baseRate: rate });
      return;
    }
    free.push(i);
  });
  const steps: ScaleStep[] = [
    {
      step: 'membership',
      members: n,
      onBase: n - fixedList.length,
      fixed: fixedList,
      sumFixed: plain(sumFixed, P),
      notMembers: base.filter((x) => !seen.has(x.code)).length,
    },
  ];
  if (threshold !== undefined) steps.push({ step: 'exclusion', threshold, excluded });

  // 3. renormalization, after the feasibility of what is asked.
  const T = hundred - sumFixed; // what the members on the base scale share
  if (T < 0n) throw messages.fixedOver100(plain(sumFixed, P));
  if (free.length === 0 && T !== 0n) throw messages.fixedNot100(plain(sumFixed, P));
  if (free.length > 0 && T === 0n) throw messages.fixedLeaveNothing(plain(sumFixed, P));
  if (C !== undefined && C * BigInt(free.length) < T)
    throw messages.ceilingTooLow(ceiling!, free.length, plain(C * BigInt(free.length), P), plain(T, P));
  if (F !== undefined && F * BigInt(free.length) > T)
    throw messages.floorTooHigh(floor!, free.length, plain(F * BigInt(free.length), P), plain(T, P));
  let sumBase = 0n;
  for (const i of free) sumBase += b[i];
  if (free.length > 0 && sumBase === 0n) throw messages.zeroBase();
  let num = T;
  let den = free.length > 0 ? sumBase : 1n;
  const factor = ratio(num, den);
  if (free.length > 0) steps.push({ step: 'renormalization', sumBase: plain(sumBase, P), share: plain(T, P), factor });

  // 4. ceiling, then floor, until no rate crosses a bound. A member at a bound stays there.
  let bound = 0n; // Σ of the rates set to a bound
  let live = free;
  const pass = (kind: 'ceiling' | 'floor', v: bigint, text: string): boolean => {
    let changed = false;
    for (;;) {
      // b·num > v·den ⟺ b > ⌊v·den/num⌋, and b·num < v·den ⟺ b < ⌈v·den/num⌉ (num > 0): one comparison each.
      // num = 0: every rate left is 0, below any floor above 0 and above no ceiling.
      let crossing: number[];
      if (num === 0n) crossing = kind === 'floor' && v > 0n ? live : [];
      else {
        const q = kind === 'ceiling' ? (v * den) / num : (v * den + num - 1n) / num;
        crossing = live.filter((i) => (kind === 'ceiling' ? b[i] > q : b[i] < q));
      }
      if (crossing.length === 0) return changed;
      changed = true;
      const crossed = new Set(crossing);
      let before = 0n; // Σ of their rates · den
      for (const i of crossing) {
        before += b[i] * num;
        note[i] = kind;
      }
      live = live.filter((i) => !crossed.has(i));
      bound += v * BigInt(crossing.length);
      const moved =
        kind === 'ceiling' ? before - v * BigInt(crossing.length) * den : v * BigInt(crossing.length) * den - before;
      const left = T - bound;
      let sumLive = 0n;
      for (const i of live) sumLive += b[i];
      if (sumLive === 0n ? left !== 0n : left < 0n) throw messages.boundsClash();
      const [oldNum, oldDen] = [num, den];
      [num, den] = sumLive === 0n ? [0n, 1n] : [left, sumLive];
      steps.push({
        step: kind,
        [kind]: text,
        members: crossing.map((i) => ({
          code: members[i].code,
          before: ratioDecimal(b[i] * oldNum, oldDen * 10n ** BigInt(P)),
        })),
        [kind === 'ceiling' ? 'excess' : 'difference']: ratioDecimal(moved, oldDen * 10n ** BigInt(P)),
        othersMultipliedBy: oldNum === 0n ? ratio(1n, 1n) : ratio(num * oldDen, den * oldNum),
      } as ScaleStep);
    }
  };
  for (let changed = true; changed;) {
    changed = false;
    if (C !== undefined && pass('ceiling', C, ceiling!)) changed = true;
    if (F !== undefined && pass('floor', F, floor!)) changed = true;
  }

  // 5. rounding. Each exact rate in units of 10^-d is x_i / D, with one D for all.
  const D = den * 10n ** BigInt(P);
  const scaleD = 10n ** BigInt(d);
  const x = members.map((_, i) => {
    if (note[i] === 'excluded') return 0n;
    if (note[i] === '') return b[i] * num * scaleD;
    const v = note[i] === 'ceiling' ? C! : note[i] === 'floor' ? F! : b[i];
    return v * den * scaleD;
  });
  let q: bigint[];
  let roundedUp: string[] | undefined;
  if (rounding === 'half-up') q = x.map((v) => roundDiv(v, D, 'half-up'));
  else {
    // R5 on rates: floors, then the missing units of 10^-d to the largest remainders; R6 ties: the larger rate,
    // then code ascending. Σ x_i = 100 · 10^d · D exactly, so the rates sum to exactly 100.
    q = x.map((v) => v / D);
    let missing = 100n * scaleD - q.reduce((s, v) => s + v, 0n);
    const order = members.map((_, i) => i).filter((i) => x[i] % D !== 0n);
    const rem = x.map((v) => v % D);
    order.sort((i, j) =>
      rem[i] !== rem[j]
        ? rem[i] > rem[j]
          ? -1
          : 1
        : x[i] !== x[j]
          ? x[i] > x[j]
            ? -1
            : 1
          : compareCodePoints(members[i].code, members[j].code),
    );
    roundedUp = [];
    for (const i of order) {
      if (missing <= 0n) break;
      q[i] += 1n;
      missing--;
      roundedUp.push(members[i].code);
    }
  }
  const sum = formatScaled(
    q.reduce((s, v) => s + v, 0n),
    d,
  );
  steps.push({ step: 'rounding', rounding, decimals: d, sum, ...(roundedUp ? { roundedUp } : {}) });

  const rates: DerivedRate[] = members.map((m, i) => {
    const onBase = baseOf.get(m.code);
    return {
      code: m.code,
      name: m.name || onBase?.name || '',
      baseRate: m.fixedRate !== undefined ? null : onBase!.rate,
      exactRate: ratioDecimal(x[i], D * scaleD),
      rate: formatScaled(q[i], d),
      note: note[i],
    };
  });
  return { rates, factor, steps, sum, decimals: d, rounding };
}
