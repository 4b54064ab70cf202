import { Fragment, useCallback, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { MessageValues } from '../../../shared/i18n/intl';
import { separators } from '../../../shared/i18n/numbers';
import { useAmount } from '../i18n';
import { useLocale } from '../locale';

// Messages with markup inside (issue 11): a figure in <strong>, a member's name in <bdi>, placed where the language
// puts them rather than glued around the sentence. Tags are functions of their text; values may be elements.

export type RichValues = Record<string, MessageValues[string] | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** rich('ledger.wcf.fund', { b: (c) => <strong>{c}</strong>, amount }) → the sentence as React nodes. */
export function useRich(): (id: string, values?: RichValues) => ReactNode {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: RichValues) => {
      const out = intl.formatMessage({ id }, values as never) as unknown;
      // The raw IntlShape gives an array of parts: keyed here so React does not warn.
      return Array.isArray(out)
        ? out.map((part, i) => <Fragment key={i}>{part as ReactNode}</Fragment>)
        : (out as ReactNode);
    },
    [intl],
  );
}

/**
 * A count in the user's digits (for {n} beside a plural's {count}), not grouped: "1014 payments", as counts read in
 * running text (ICU's # would group them, and in the locale's digits whatever the user chose).
 */
export function useCount(): (n: number) => string {
  const amount = useAmount();
  const { number } = useLocale();
  return useCallback(
    (n: number) => {
      const { group } = separators(number);
      const text = amount(String(n));
      return group ? text.split(group).join('') : text;
    },
    [amount, number],
  );
}

/** Tags most messages use: <b> bold, <bdi> a code or name isolated from the sentence's direction. */
export const b = (chunks: ReactNode[]) => <strong>{chunks}</strong>;
export const bdi = (chunks: ReactNode[]) => <bdi>{chunks}</bdi>;
