import { useMemo } from 'react';
import { compareAmounts } from '../../../shared/model/decimal';
import { useAmount } from '../i18n';

/**
 * A money column of the ledger grids: right-aligned, written in the user's number format (exact, from the decimal
 * string), sorted by exact value (not as text).
 */
export function useMoneyColumn() {
  const amount = useAmount();
  return useMemo(
    () => ({
      type: 'rightAligned',
      valueFormatter: (p: { value: string | null }) => (p.value ? amount(p.value) : ''),
      comparator: compareAmounts,
    }),
    [amount],
  );
}
