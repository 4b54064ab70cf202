// A slow, independent R4–R7 for the fuzz targets: exact rationals per member, no grouping, no shared scale, no
// engine or decimal.js code. The engine must give exactly these amounts, or refuse exactly when this refuses.

export interface Rational {
  n: bigint;
  d: bigint;
}

const gcd = (a: bigint, b: bigint): bigint => {
  a = a < 0n ? -a : a;
  while (b) [a, b] = [b, a % b];
  return a;
};
const reduce = (n: bigint, d: bigint): Rational => {
  const g = gcd(n, d) || 1n;
  return { n: n / g, d: d / g };
};
/** a < b: -1, a = b: 0, a > b: 1 (denominators positive). */
export const cmp = (a: Rational, b: Rational): number => {
  const x = a.n * b.d;
  const y = b.n * a.d;
  return x < y ? -1 : x > y ? 1 : 0;
};
const add = (a: Rational, b: Rational): Rational => reduce(a.n * b.d + b.n * a.d, a.d * b.d);

/** A decimal as the engine reads it ("1", "-2.50", ".5", "5.", "007"): digits only, one optional point. */
export function rational(s: string): Rational | undefined {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  const n = BigInt((m[2] || '0') + frac);
  return reduce(m[1] ? -n : n, 10n ** BigInt(frac.length));
}

/** Code-point order (R6), from the code points themselves. */
export function codeOrder(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
  return x.length - y.length;
}

/** k rounding units written as the engine writes amounts: the rounding unit's own number of decimals. */
function written(k: bigint, unit: string): string {
  const places = unit.includes('.') ? unit.length - unit.indexOf('.') - 1 : 0;
  const r = rational(unit)!;
  // k · r as a decimal with `places` decimals: r = r.n / r.d, and r.d divides 10^places.
  const v = (k * r.n * 10n ** BigInt(places)) / r.d;
  const neg = v < 0n;
  let digits = (neg ? -v : v).toString();
  if (places > 0) {
    digits = digits.padStart(places + 1, '0');
    digits = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  }
  return (neg ? '-' : '') + digits;
}

export type OracleResult = { amounts: string[]; roundedUp: boolean[] } | { invalid: string };

/** R4–R6: floor each exact quota, hand the missing units to the largest remainders, ties by units then code. */
export function apportionOracle(
  members: readonly { code: string; units: string }[],
  total: string,
  unit: string,
): OracleResult {
  const T = rational(total);
  const r = rational(unit);
  if (!T || !r) return { invalid: 'unreadable total or unit' };
  if (r.n <= 0n) return { invalid: 'rounding unit not above zero' };
  if (T.n < 0n) return { invalid: 'negative total' };
  const tn = reduce(T.n * r.d, T.d * r.n);
  if (tn.d !== 1n) return { invalid: 'total not a whole number of units' };
  const u = members.map((m) => rational(m.units));
  if (u.some((x) => !x)) return { invalid: 'unreadable units' };
  if (u.some((x) => x!.n < 0n)) return { invalid: 'negative units' };
  if (members.length === 0) return { invalid: 'no members' };
  const U = u.reduce<Rational>((s, x) => add(s, x!), { n: 0n, d: 1n });
  if (U.n === 0n) return { invalid: 'zero units in all' };
  const floors: bigint[] = [];
  const rems: Rational[] = [];
  for (const x of u) {
    const q = reduce(tn.n * x!.n * U.d, x!.d * U.n); // tn · u / U in rounding units
    const f = q.n / q.d;
    floors.push(f);
    rems.push(reduce(q.n - f * q.d, q.d));
  }
  let missing = tn.n - floors.reduce((a, b) => a + b, 0n);
  const order = members
    .map((_, i) => i)
    .sort((i, j) => cmp(rems[j], rems[i]) || cmp(u[j]!, u[i]!) || codeOrder(members[i].code, members[j].code) || i - j);
  const roundedUp = members.map(() => false);
  for (const i of order) {
    if (missing <= 0n) break;
    roundedUp[i] = true;
    missing--;
  }
  return { amounts: floors.map((f, i) => written(f + (roundedUp[i] ? 1n : 0n), unit)), roundedUp };
}

/** R7/R9: round(u · V) to the rounding unit, half-up or half-even, member by member. */
export function unitValueOracle(
  members: readonly { units: string }[],
  value: string,
  unit: string,
  mode: 'half-up' | 'half-even',
): OracleResult {
  const V = rational(value);
  const r = rational(unit);
  if (!V || !r) return { invalid: 'unreadable value or unit' };
  if (r.n <= 0n) return { invalid: 'rounding unit not above zero' };
  if (V.n < 0n) return { invalid: 'negative unit value' };
  if (members.length === 0) return { invalid: 'no members' };
  const amounts: string[] = [];
  for (const m of members) {
    const x = rational(m.units);
    if (!x) return { invalid: 'unreadable units' };
    if (x.n < 0n) return { invalid: 'negative units' };
    const q = reduce(x.n * V.n * r.d, x.d * V.d * r.n);
    let k = q.n / q.d;
    const twice = 2n * (q.n - k * q.d);
    if (twice > q.d || (twice === q.d && (mode === 'half-up' || k % 2n === 1n))) k++;
    amounts.push(written(k, unit));
  }
  return { amounts, roundedUp: members.map(() => false) };
}

/** Σ of decimal strings equals `total`, exactly. */
export function sumsTo(amounts: readonly string[], total: string): boolean {
  const s = amounts.reduce<Rational>((acc, a) => add(acc, rational(a) ?? { n: 0n, d: 1n }), { n: 0n, d: 1n });
  return cmp(s, rational(total)!) === 0;
}
