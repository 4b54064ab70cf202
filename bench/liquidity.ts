// bench/liquidity: the R24 projection of a budget's year (usual dates, expected receipts, the day-by-day cash flow)
// from a workbook built in memory, with 3 and with 30 years of payment history.
// Run: npm run bench -- liquidity   (or npx tsx bench/liquidity.ts)
import { Ledger } from '../shared/engine/ledger';
import { compareLiquidity, liquidityBasis, projectLiquidity } from '../shared/engine/liquidity';
import type { Workbook } from '../shared/model/types';
import { ms, table, time } from './harness';
import { FIRST, unitaryLedger, YEARS } from './workbooks';

const YEAR = 2026;

/**
 * The bench workbook cut to the years from `from` to the year before YEAR (projected on 1 January: nothing of YEAR
 * is paid yet), with cash, a fund and a host-state agreement small enough that the fund and advances are drawn.
 */
function since(wb: Workbook, from: number, n: number): Workbook {
  const spent = (n * 45579 * 3) / 100; // about a month's spending
  return {
    ...wb,
    budgets: wb.budgets.map((b) => ({ ...b, years: b.years.filter((y) => y.year >= from) })),
    payments: wb.payments.filter((p) => Number(p.date.slice(0, 4)) >= from && Number(p.date.slice(0, 4)) < YEAR),
    advanceAgreements: [
      { id: 'host', hostState: 'M00000', ceiling: String(Math.round(spent * 2)), currency: 'CHF', movements: [] },
    ],
    liquidity: {
      cash: [{ budget: 'unitary', year: YEAR, amount: String(Math.round(spent)), wcf: String(Math.round(spent)) }],
    },
  };
}

const rows: (string | number)[][] = [];
const notes: string[] = [];
for (const [n, history] of [
  [200, 3],
  [200, 30],
  [2_000, 3],
  [10_000, 3],
  [10_000, 30],
] as const) {
  const wb = since(unitaryLedger(n, 4), history === 30 ? FIRST : YEAR - 3, n);
  const runs = n <= 2_000 ? 15 : 5;
  // Cold: a new ledger each run (the contribution tables, every member's account), as `contrib liquidity` does.
  const cold = time(() => projectLiquidity(liquidityBasis(new Ledger(wb), 'unitary', YEAR)), runs);
  const basis = liquidityBasis(new Ledger(wb), 'unitary', YEAR);
  // Warm: the what-ifs on a basis already read (what the app redoes when a control moves).
  const project = time(
    () => projectLiquidity(basis, { lateLargest: { count: 10, months: 2 }, collect: '90' }),
    runs * 3,
  );
  const compare = time(() => compareLiquidity(basis, { late: [{ member: 'M00000', months: 1 }] }), runs * 3);
  rows.push([
    n.toLocaleString('en'),
    history,
    wb.payments.length.toLocaleString('en'),
    runs,
    ms(cold),
    ms(project),
    ms(compare),
    ms((cold / n) * 1000),
  ]);
  if (n === 200 && history === 3) {
    const p = projectLiquidity(basis);
    notes.push(
      `200 members, 3 years: first WCF draw ${p.firstWcfDraw ?? 'none'}, first advance ${p.firstAdvance ?? 'none'}, most advanced ${p.maxAdvances}, shortfall ${p.shortfall}; ${p.receipts} received of ${p.spending} spent`,
    );
  }
}
console.log(
  `liquidity of a unitary budget in ${YEAR} (R24), 4 payments a member a year; median ms (history: years of payments before ${YEAR}, of ${YEARS})`,
);
console.log(
  table(
    ['members', 'history yrs', 'payments', 'runs', 'cold ms', 'what-if ms', 'comparison ms', 'µs per member (cold)'],
    rows,
  ),
);
for (const n of notes) console.log(n);
