// bench/apportion: the exact R4–R6 apportionment against per-member float rounding.
// Run: npm run bench -- apportion   (or npx tsx bench/apportion.ts)
import { apportionTotal, sumAmounts } from '../shared/engine/apportion';
import { WIPO_UNITARY } from '../shared/model/schemes';
import { ms, table, time } from './harness';

const TOTAL = '123456789.01';

/** Deterministic members spread over the unitary classes (a simple LCG, so every run sees the same input). */
function members(n: number) {
  let seed = 42;
  const classes = WIPO_UNITARY.classes;
  return Array.from({ length: n }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return { code: `M${String(i).padStart(7, '0')}`, units: classes[seed % classes.length].units };
  });
}

/** What a spreadsheet does: each share T·u/U in floating point, rounded to the cent on its own (kept as cents). */
function floatCents(ms: { units: string }[], total: number): number[] {
  const units = ms.map((m) => Number(m.units));
  const u = units.reduce((a, b) => a + b, 0);
  return units.map((x) => Math.round(((total * x) / u) * 100));
}

const rows: (string | number)[][] = [];
for (const n of [200, 10_000, 1_000_000]) {
  const input = members(n);
  const runs = n >= 1_000_000 ? 5 : n >= 10_000 ? 15 : 51;
  let sum = '';
  const exact = time(() => {
    sum = sumAmounts(apportionTotal(input, TOTAL, '0.01').amounts, 2);
  }, runs);
  let floatSumCents = 0;
  const float = time(() => {
    floatSumCents = floatCents(input, Number(TOTAL)).reduce((a, b) => a + b, 0); // integer cents: this sum is exact
  }, runs);
  const missCents = Math.round(Number(TOTAL) * 100) - floatSumCents;
  rows.push([
    n.toLocaleString('en'),
    runs,
    ms(exact),
    ms(float),
    (exact / float).toFixed(1),
    sum === TOTAL ? 'exact' : `OFF ${sum}`,
    missCents,
  ]);
}
console.log(`apportion ${TOTAL} CHF, rounding unit 0.01, unitary classes; median ms`);
console.log(table(['members', 'runs', 'exact ms', 'float ms', 'ratio', 'exact sum', 'float sum misses (cents)'], rows));
