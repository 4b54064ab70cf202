// bench/scale: R21 derivation of a scale from a base scale, and R22 apportionment of a gross total and a credit on
// the derived rates, at 200 and 10,000 members; then a derived budget-year of a workbook (assessBudgetYear).
// Run: npm run bench -- scale   (or npx tsx bench/scale.ts)
import { assessBudgetYear, computeContributions, withCredit, type Assessee } from '../shared/engine/assess';
import { deriveScale, type BaseRate, type ScaleMember, type ScaleSettings } from '../shared/engine/scale';
import type { Workbook } from '../shared/model/types';
import { median, ms, table } from './harness';

/** Median wall and CPU ms of `runs` calls after one unmeasured: CPU time stays meaningful on a shared machine. */
function time(fn: () => unknown, runs: number): string {
  fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return `${ms(median(wall))} / ${ms(median(cpu))}`;
}

/** A UN-like base scale: a few large rates, a long tail near the floor (3 decimals); a simple LCG, same every run. */
function baseScale(n: number): BaseRate[] {
  let seed = 7;
  return Array.from({ length: n }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const r = i < 3 ? [22000, 15254, 6000][i] : 1 + (seed % 3) * (seed % 97) * (1 + (seed % 11));
    return { code: `S${String(i).padStart(6, '0')}`, rate: (r / 1000).toFixed(3) };
  });
}

const SETTINGS: ScaleSettings = { excludeBelow: '0.002', ceiling: '20', floor: '0.005', decimals: 3 };
const TERMS = { id: 'b', name: 'Derived budget', currency: 'CHF', roundingUnit: '0.01', rounding: 'half-up' as const };

const rows: (string | number)[][] = [];
let wbRows: (string | number)[][] = [];
for (const n of [200, 10_000]) {
  const base = baseScale(Math.round(n * 1.1));
  const members: ScaleMember[] = base.slice(0, n).map((b) => ({ code: b.code }));
  members.push({ code: 'X1', fixedRate: '0.01' }, { code: 'X2', fixedRate: '0.02' });
  const runs = n >= 10_000 ? 15 : 101;
  for (const rounding of ['half-up', 'largest-remainder'] as const) {
    let sum = '';
    const derive = time(() => {
      sum = deriveScale(base, members, { ...SETTINGS, rounding }).sum;
    }, runs);
    const rates = deriveScale(base, members, { ...SETTINGS, rounding }).rates;
    const list: Assessee[] = rates.map((r) => ({ code: r.code, name: '', units: r.rate }));
    let net = '';
    const apportion = time(() => {
      const t = computeContributions(TERMS, list, 'total', '123456789.01', {
        year: null,
        carriedOver: false,
        sourceYear: null,
      });
      net = withCredit(t, list, '12345678.90').credit!.net;
    }, runs);
    rows.push([n.toLocaleString('en'), rounding, runs, derive, sum, apportion, net]);
  }

  // The same through a workbook: participations, the derivation, gross, credit and net.
  const wb: Workbook = {
    format: 'contribution-calculator-workbook',
    version: 2,
    organization: { name: 'Bench' },
    settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest' },
    schemes: [{ id: 'rates', name: 'Rates', kind: 'scale', percent: true }],
    baseScales: [{ id: 'base', name: 'Base', rates: base }],
    members: members.map((m) => ({ code: m.code, name: m.code })),
    budgets: [
      {
        id: 'b',
        name: 'Derived budget',
        schemeId: 'rates',
        currency: 'CHF',
        roundingUnit: '0.01',
        rounding: 'half-up',
        years: [
          {
            year: 2026,
            method: 'total',
            amount: '123456789.01',
            credit: '12345678.90',
            adopted: true,
            scale: {
              baseScale: 'base',
              fixedRates: [
                { member: 'X1', rate: '0.01' },
                { member: 'X2', rate: '0.02' },
              ],
              ...SETTINGS,
              decimals: 3,
              rounding: 'largest-remainder',
            },
          },
        ],
      },
    ],
    participations: members.map((m) => ({ member: m.code, budget: 'b', classes: [] })),
    classChanges: [],
    payments: [],
    wcfDecisions: [],
    advanceAgreements: [],
    votingDecisions: [],
    scenarios: [],
    openingBalances: [],
  };
  let total = '';
  const whole = time(() => {
    total = assessBudgetYear(wb, 'b', 2026).credit!.net;
  }, runs);
  wbRows = [...wbRows, [n.toLocaleString('en'), runs, whole, total]];
}

console.log(
  'R21 derivation (deriveScale) and R22 apportionment of gross and credit on the derived rates (computeContributions + withCredit), median wall / CPU ms',
);
console.log(table(['members', 'rounding', 'runs', 'derive', 'sum of rates', 'gross+credit', 'net total'], rows));
console.log(
  '\nA derived budget-year with a credit through the workbook (assessBudgetYear: membership, derivation, gross, credit, net), median wall / CPU ms',
);
console.log(table(['members', 'runs', 'wall / CPU', 'net total'], wbRows));
