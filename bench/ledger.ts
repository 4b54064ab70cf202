// bench/ledger: the voting status (R15–R18) of every member on one date, from a workbook built in memory.
// Run: npm run bench -- ledger   (or npx tsx bench/ledger.ts)
// Goals: 200 members × 30 years × 4 payments a year under 50 ms; 10,000 members × 30 years under 1 s; linear.
import { VotingStatusBook } from '../shared/engine/arrears';
import { Ledger } from '../shared/engine/ledger';
import { WIPO_UNITARY } from '../shared/model/schemes';
import type { Payment, Workbook } from '../shared/model/types';
import { ms, table, time } from './harness';

const FIRST = 1997;
const YEARS = 30; // 1997–2026
const DATE = '2026-06-30';

/**
 * A unitary budget (R7, unit value 45,579, rounding unit 1) with `n` members over 30 years, and `perYear` payments
 * a year from each. Deterministic: most members pay in full, every 7th stops paying in 2023 (no vote), every 5th
 * pays three quarters of 2025 and nothing yet for 2026 (in arrears), so the statuses are mixed.
 */
function build(n: number, perYear: number): Workbook {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const classes = WIPO_UNITARY.classes;
  const members = Array.from({ length: n }, (_, i) => ({ code: `M${String(i).padStart(5, '0')}`, name: `Member ${i}` }));
  const wb: Workbook = {
    format: 'contribution-calculator-workbook',
    version: 1,
    organization: { name: 'Bench' },
    settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest' },
    schemes: [WIPO_UNITARY],
    members,
    budgets: [
      {
        id: 'unitary',
        name: 'Unitary contribution',
        schemeId: WIPO_UNITARY.id,
        currency: 'CHF',
        roundingUnit: '1',
        rounding: 'half-up',
        years: Array.from({ length: YEARS }, (_, k) => ({ year: FIRST + k, method: 'unit-value' as const, amount: '45579', adopted: true })),
      },
    ],
    participations: members.map((m) => ({ member: m.code, budget: 'unitary', classes: [{ year: FIRST, class: classes[next() % classes.length].code }] })),
    classChanges: [],
    payments: [],
    wcfDecisions: [],
    advanceAgreements: [],
    votingDecisions: [],
    scenarios: [],
  };
  const ledger = new Ledger(wb); // only to read each member's contribution for the payments
  const payments: Payment[] = [];
  for (let k = 0; k < YEARS; k++) {
    const year = FIRST + k;
    const t = ledger.table('unitary', year);
    members.forEach((m, i) => {
      if ((i % 7 === 3 && year >= 2023) || (i % 5 === 1 && year === 2026)) return;
      let due = t.get(m.code)!;
      if (i % 5 === 1 && year === 2025) due = (due * 3n) / 4n;
      const part = due / BigInt(perYear);
      for (let q = 0; q < perYear; q++) {
        const amount = q === perYear - 1 ? due - part * BigInt(perYear - 1) : part;
        if (amount <= 0n) continue;
        const date = `${year}-${String(2 + q * 3).padStart(2, '0')}-15`;
        payments.push({ id: `p${payments.length}`, member: m.code, date, amount: amount.toString(), currency: 'CHF' });
      }
    });
  }
  wb.payments = payments;
  return wb;
}

const rows: (string | number)[][] = [];
let counts = '';
for (const [n, perYear] of [
  [200, 4],
  [1_000, 1],
  [2_500, 1],
  [5_000, 1],
  [10_000, 1],
] as const) {
  const wb = build(n, perYear);
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
  rows.push([n.toLocaleString('en'), YEARS, perYear, wb.payments.length.toLocaleString('en'), runs, ms(cold), ms(tables), ms(cold / n * 1000)]);
  if (n === 200) counts = JSON.stringify(report.counts);
}
console.log(`status of every member on ${DATE} (organization-wide, R15–R18), unitary budget ${FIRST}–${FIRST + YEARS - 1}; median ms`);
console.log(table(['members', 'years', 'payments/yr', 'payments', 'runs', 'status ms', 'of which tables+indexes ms', 'µs per member'], rows));
console.log(`200 members: ${counts}`);
