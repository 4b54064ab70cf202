import {
  AG_GRID_LOCALE_CN,
  AG_GRID_LOCALE_EG,
  AG_GRID_LOCALE_ES,
  AG_GRID_LOCALE_FR,
  AG_GRID_LOCALE_IR,
} from '@ag-grid-community/locale';
import { useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { RawIntlProvider, useIntl, type IntlShape } from 'react-intl';
import { classLabel } from '../../shared/i18n/classes';
import { intlFor, sayWith, type Message, type MessageValues } from '../../shared/i18n/intl';
import { languageOf } from '../../shared/i18n/languages';
import { formatAmount } from '../../shared/i18n/numbers';
import { useLocale } from './locale';

// The renderer's side of the catalogs (issue 11): the same IntlShape the CLI uses (shared/i18n/intl.ts), handed to
// react-intl; the page's lang and dir follow the language (Arabic and Persian right to left).

export function I18nProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const intl = intlFor(locale.id);
  useEffect(() => {
    const root = document.documentElement;
    root.lang = languageOf(locale.id) ? locale.id : 'en';
    root.dir = locale.dir;
  }, [locale.id, locale.dir]);
  // One IntlShape for the CLI and the app: its messages are plain strings, which React renders as they are.
  return <RawIntlProvider value={intl as unknown as IntlShape}>{children}</RawIntlProvider>;
}

export type T = (id: string, values?: MessageValues) => string;

/** t('ledger.status.title') in the user's language. Values that are money come written by useAmount. */
export function useT(): T {
  const intl = useIntl();
  return useCallback(
    (id: string, values?: MessageValues) =>
      intl.formatMessage({ id }, values as Record<string, string | number>) as string,
    [intl],
  );
}

/** A Message (from the engine, validation, a command) in the user's language. */
export function useSay(): (m: Message) => string {
  const t = useT();
  const amount = useAmount();
  // Nested messages said in the same language; amounts (keys amount/…Amount) in the user's number format.
  return useCallback((m: Message) => sayWith(m, t, amount), [t, amount]);
}

/** A class as the user's language names it (ألف for the Convention's A in Arabic); the workbook keeps the code. */
export function useClassLabel(schemeId: string | undefined): (code: string) => string {
  const t = useT();
  return useCallback((code: string) => classLabel(schemeId, code, t), [schemeId, t]);
}

/** Writes an exact decimal string as the user reads numbers (1 234,50 in French). */
export function useAmount(): (plain: string) => string {
  const { number } = useLocale();
  return useCallback((plain: string) => formatAmount(plain, number), [number]);
}

// AG Grid's own texts (filters, menus, pagination) from its locale package; it has no Russian or Kazakh, so those
// two get the texts our grids show (no rows, loading) from our catalogs and English for the rest.
const GRID_TEXT: Record<string, Record<string, string>> = {
  fr: AG_GRID_LOCALE_FR,
  es: AG_GRID_LOCALE_ES,
  ar: AG_GRID_LOCALE_EG,
  zh: AG_GRID_LOCALE_CN,
  fa: AG_GRID_LOCALE_IR,
};

/** Props for every AgGridReact: mirrored for right-to-left languages, the grid's own texts in the language. */
export function useGridLocale(): { enableRtl: boolean; localeText: Record<string, string> | undefined } {
  const locale = useLocale();
  const t = useT();
  return useMemo(() => {
    const lang = languageOf(locale.id);
    const base = lang ? GRID_TEXT[lang] : undefined;
    // The pseudo-locale marks the grid's own texts too, so the tests see them as translated.
    const ours = { noRowsToShow: t('common.grid.noRows'), loadingOoo: t('common.grid.loading') };
    const text = lang === 'en' && locale.id !== 'en-XA' ? undefined : { ...base, ...ours };
    return { enableRtl: locale.dir === 'rtl', localeText: text };
  }, [locale.id, locale.dir, t]);
}

/** Isolates a member code, name or amount so it reads in its own direction inside right-to-left text. */
export function Bidi({ children }: { children: ReactNode }) {
  return <bdi>{children}</bdi>;
}
