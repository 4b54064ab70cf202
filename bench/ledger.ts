// bench/ledger: the voting status (R15–R18) of every member on one date, from a workbook built in memory.
// Run: npm run bench -- ledger   (or npx tsx bench/ledger.ts)
// Goals: 200 members × 30 years × 4 payments a year under 50 ms; 10,000 members × 30 years under 1 s; linear.
import { VotingStatusBook } from '../shared/engine/arrears';
import { Ledger } from '../shared/engine/ledger';
import { ms, table, time } from './harness';
import { FIRST, unitaryLedger, YEARS } from './workbooks';
const DATE = '2026-06-30';

const rows: (string | number)[][] = [];
let counts = '';
for (const [n, perYear] of [
  [200, 4],
  [1_000, 1],
  [2_500, 1],
  [5_000, 1],
  [10_000, 1],
] as const) {
  const wb = unitaryLedger(n, perYear);
  const runs = n <= 1_000 ? 21 : 7;
  // Cold: a new ledger each run, so the 30 contribution tables are computed too (what `contrib status` does).
  let report = new VotingStatusBook(wb).organizationReport(DATE);
  const cold = time(() => {
    report = new VotingStatusBook(wb).organizationReport(DATE);
  }, runs);
  // The ledger's indexes and contribution tables alone (30 years and the 2 looked ahead for the date the vote is lost).
  const tables = time(() => {
    const l = new Ledger(wb);
    for (let k = 0; k < YEARS + 2; k++) l.assessed('unitary', 'M00000', FIRST + k);
  }, runs);
  rows.push([
    n.toLocaleString('en'),
    YEARS,
    perYear,
    wb.payments.length.toLocaleString('en'),
    runs,
    ms(cold),
    ms(tables),
    ms((cold / n) * 1000),
  ]);
  if (n === 200) counts = JSON.stringify(report.counts);
}
console.log(
  `status of every member on ${DATE} (organization-wide, R15–R18), unitary budget ${FIRST}–${FIRST + YEARS - 1}; median ms`,
);
console.log(
  table(
    ['members', 'years', 'payments/yr', 'payments', 'runs', 'status ms', 'of which tables+indexes ms', 'µs per member'],
    rows,
  ),
);
console.log(`200 members: ${counts}`);
