import { useCallback, useMemo } from 'react';
import { parseAmount } from '../../../shared/i18n/numbers';
import { compareAmounts } from '../../../shared/model/decimal';
import { useAmount, useT } from '../i18n';
import { useLocale } from '../locale';

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

export type ReadAmount = { ok: true; value: string } | { ok: false; message: string };

/**
 * An amount typed in a form of the ledger views, read in the user's number format (R25: 1 234,50 in French) and
 * handed to the command as a plain decimal. What can be read two ways is refused here, naming both readings; what is
 * not a number in this format goes to the command as typed, which says what is wrong with it (a minus sign, letters).
 */
export function useAmountReader(): (text: string) => ReadAmount {
  const { number } = useLocale();
  const t = useT();
  const amount = useAmount();
  return useCallback(
    (text: string): ReadAmount => {
      const s = text.trim();
      if (s === '') return { ok: true, value: '' };
      const r = parseAmount(s, number);
      if (r.ok) return { ok: true, value: r.value };
      if (r.reason === 'ambiguous')
        return {
          ok: false,
          message: t('app.input.ambiguous', {
            text: s,
            a: amount(r.readings[0]),
            b: amount(r.readings[1]),
            example: amount('1234.5'),
          }),
        };
      return { ok: true, value: s };
    },
    [number, t, amount],
  );
}
