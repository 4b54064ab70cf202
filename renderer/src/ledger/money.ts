import { compareAmounts, groupThousands } from '../../../shared/model/decimal';

/** A money column of the ledger grids: right-aligned, thousands grouped, sorted by exact value (not as text). */
export const moneyColumn = {
  type: 'rightAligned',
  valueFormatter: (p: { value: string | null }) => (p.value ? groupThousands(p.value) : ''),
  comparator: compareAmounts,
};
