import type { RoundingMode } from '../model/types';

/** R9 num/den rounded to an integer, half-up (away from zero on a tie) or half-even; den > 0. */
export function roundDiv(num: bigint, den: bigint, mode: RoundingMode): bigint {
  const neg = num < 0n;
  const n = neg ? -num : num;
  let q = n / den;
  const r2 = (n % den) * 2n;
  if (r2 > den || (r2 === den && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  return neg ? -q : q;
}

/** R6 member codes are compared in Unicode code-point order, not UTF-16 units, so every machine agrees. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const ca = ia.next();
    const cb = ib.next();
    if (ca.done) return cb.done ? 0 : -1;
    if (cb.done) return 1;
    const d = ca.value.codePointAt(0)! - cb.value.codePointAt(0)!;
    if (d !== 0) return d;
  }
}
