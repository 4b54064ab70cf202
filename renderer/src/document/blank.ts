import { BUILT_IN_SCHEMES } from '../../../shared/model/schemes';
import { emptyWorkbook } from '../../../shared/model/empty';
import type { Workbook } from '../../../shared/model/types';

/** "New": the WIPO Convention scheme and one conference budget for `year`, no members yet; `name` in the user's language. */
export function blankWorkbook(year: number, name = 'Conference budget'): Workbook {
  return emptyWorkbook({
    schemes: BUILT_IN_SCHEMES.filter((s) => s.id === 'wipo-convention'),
    budgets: [
      {
        id: 'conference',
        name,
        schemeId: 'wipo-convention',
        currency: 'CHF',
        roundingUnit: '0.01',
        rounding: 'half-up',
        years: [{ year, method: 'total', amount: '1000000.00', adopted: true }],
      },
    ],
  });
}
