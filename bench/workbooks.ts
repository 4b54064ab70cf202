// Workbooks the benchmarks build in memory: deterministic, so every run and every bench sees the same input.
import { Ledger } from '../shared/engine/ledger';
import { emptyWorkbook } from '../shared/model/empty';
import { WIPO_UNITARY } from '../shared/model/schemes';
import type { Payment, Workbook } from '../shared/model/types';

export const FIRST = 1997;
export const YEARS = 30; // 1997–2026

/**
 * A unitary budget (R7, unit value 45,579, rounding unit 1) with `n` members over 30 years, and `perYear` payments
 * a year from each. Deterministic: most members pay in full, every 7th stops paying in 2023 (no vote), every 5th
 * pays three quarters of 2025 and nothing yet for 2026 (in arrears), so the statuses are mixed.
 */
export function unitaryLedger(n: number, perYear: number): Workbook {
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const classes = WIPO_UNITARY.classes;
  const members = Array.from({ length: n }, (_, i) => ({
    code: `M${String(i).padStart(5, '0')}`,
    name: `Member ${i}`,
  }));
  const wb = emptyWorkbook({
    organization: { name: 'Bench' },
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
        years: Array.from({ length: YEARS }, (_, k) => ({
          year: FIRST + k,
          method: 'unit-value' as const,
          amount: '45579',
          adopted: true,
        })),
      },
    ],
    participations: members.map((m) => ({
      member: m.code,
      budget: 'unitary',
      classes: [{ year: FIRST, class: classes[next() % classes.length].code }],
    })),
  });
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
