import { Children, useCallback, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { Bidi } from './i18n';
import { useLocale } from './locale';

// A catalog message whose values are elements: member codes, names, file names and amounts inside a sentence are
// isolated with <bdi> (Bidi), so they read in their own direction inside Arabic or Persian text.

/** Values: text (isolated), numbers, elements, or a tag's function (<b>{n}</b> in the message: b: (chunks) => …). */
export type RichValues = Record<string, ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

/** LRI…PDI around a date or figure inside right-to-left plain text (a grid cell, a title): 2026-02-15 stays in order. */
export const isolateIn =
  (dir: 'ltr' | 'rtl') =>
  (s: string): string =>
    dir === 'rtl' ? `\u2066${s}\u2069` : s;

/** "From → to" in the reading direction: ← in Arabic and Persian, where the line reads from the right. */
export function useArrow(): string {
  return useLocale().dir === 'rtl' ? '←' : '→';
}

/** t() for sentences with isolated parts: string values are wrapped in <bdi>; numbers, elements and tags pass as they are. */
export function useRich(): (id: string, values: RichValues) => ReactNode {
  const intl = useIntl();
  return useCallback(
    (id: string, values: RichValues) => {
      const v: RichValues = {};
      for (const [k, x] of Object.entries(values))
        v[k] =
          typeof x === 'string' ? (
            <Bidi>{x}</Bidi>
          ) : typeof x === 'function' ? (
            (chunks: ReactNode[]) => x(Children.toArray(chunks))
          ) : (
            x
          );
      const out = intl.formatMessage({ id }, v as Record<string, string>) as unknown as ReactNode;
      // A tag's function returns an array of chunks: keyed too.
      // @formatjs/intl returns a plain array of strings and elements: keyed here, as React wants.
      return Array.isArray(out) ? Children.toArray(out) : out;
    },
    [intl],
  );
}
