import { translator, type MessageValues } from '../i18n/intl';
import { directionOf, languageOf } from '../i18n/languages';
import { formatAmount, type NumberFormatChoice } from '../i18n/numbers';
import { groupThousands } from '../model/decimal';

// Exports in the chosen language (issue 11): the title block, headers, total row and page footer come from the
// catalog (export.file.*), amounts are written as the locale writes them. English is the default, word for word
// as before, so the CLI and files made without a language do not change.

export interface ExportLocale {
  /** A BCP 47 tag (ar, fr-CH, en-XA…); English when absent. */
  locale?: string;
  /** The user's number format; the locale's own when absent. */
  number?: NumberFormatChoice;
}

export interface ExportWords {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** export.file.<id> in the language. */
  t(id: string, values?: MessageValues): string;
  /** An exact decimal string written for people: 1,234.50 in English, 1 234,50 in French. */
  amount(plain: string): string;
}

export function exportWords(l: ExportLocale = {}): ExportWords {
  const locale = l.locale || 'en';
  const t = translator(locale);
  const english = !l.number && (languageOf(locale) ?? 'en') === 'en';
  const choice: NumberFormatChoice = l.number ?? {
    locale: languageOf(locale) ? locale : 'en',
    style: 'locale',
    nativeDigits: false,
  };
  return {
    locale,
    dir: directionOf(locale),
    t: (id, values) => t(`export.file.${id}`, values),
    amount: (plain) => (english ? groupThousands(plain) : formatAmount(plain, choice)),
  };
}
