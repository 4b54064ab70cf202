import { emptyWorkbook } from '../../shared/model/empty';
import { PARIS, WIPO_CONVENTION, WIPO_UNITARY } from '../../shared/model/schemes';
import type { Budget, Participation, Workbook } from '../../shared/model/types';

/** A small valid workbook; tests add what they need. */
export function workbook(parts: Partial<Workbook> = {}): Workbook {
  return emptyWorkbook({
    organization: { name: 'Test Organization' },
    schemes: [WIPO_CONVENTION, PARIS, WIPO_UNITARY, { id: 'scale', name: 'Scale', kind: 'scale' }],
    ...parts,
  });
}

export function budget(id: string, schemeId: string, years: Budget['years'], extra: Partial<Budget> = {}): Budget {
  return { id, name: id, schemeId, currency: 'CHF', roundingUnit: '0.01', rounding: 'half-up', years, ...extra };
}

export function takesPart(
  member: string,
  budgetId: string,
  cls: string | undefined,
  extra: Partial<Participation> = {},
): Participation {
  return { member, budget: budgetId, classes: cls === undefined ? [] : [{ year: 2000, class: cls }], ...extra };
}

/** E1: Conference budget 1,000,000.00 CHF; P (A), Q (B), R (C), S (C). */
export function e1Workbook(): Workbook {
  return workbook({
    members: ['P', 'Q', 'R', 'S'].map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget('conference', 'wipo-convention', [{ year: 2026, method: 'total', amount: '1000000.00', adopted: true }]),
    ],
    participations: [
      takesPart('P', 'conference', 'A'),
      takesPart('Q', 'conference', 'B'),
      takesPart('R', 'conference', 'C'),
      takesPart('S', 'conference', 'C'),
    ],
  });
}

/** A workbook text as a version 1 file: no opening balances, as written before format version 2. */
export function asVersion1(text: string): string {
  const doc = JSON.parse(text);
  delete doc.openingBalances;
  return JSON.stringify({ ...doc, version: 1 }, null, 2);
}
