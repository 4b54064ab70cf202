import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGS, NAMESPACES } from './catalogs';
import { LANGS, PSEUDO, languageOf, type Lang } from './languages';

// Messages as data (issue 11): every text is an id with values, made into words by one ICU catalog per language.
// FormatJS, not i18next: ICU is its native syntax (no plugin), @formatjs/intl runs without React in shared/ and the CLI,
// and react-intl hands the very same IntlShape to the renderer, so a message reads the same in the app and the CLI.
// Money is passed into a message already written by formatAmount (exact); ICU's {n, number} is for counts only.

export type MessageValues = Record<string, string | number | Date | bigint | null | undefined>;

/** A message as data: an id of the catalogs and its values. Errors and notices carry one of these. */
export interface Message {
  id: string;
  values?: MessageValues;
  /** Values that are messages themselves ("row 3: {reason}"): each is said first, in the same language and formats. */
  parts?: Record<string, Message>;
}

export const msg = (id: string, values?: MessageValues): Message => ({ id, values });

function flat(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ns of NAMESPACES) Object.assign(out, CATALOGS[lang][ns]);
  return out;
}

// Made when first needed: a run of the CLI that says nothing (`--help`, a clean CSV) never reads a catalog (issue 13).
let englishMessages: Record<string, string> | undefined;
const english = (): Record<string, string> => (englishMessages ??= flat('en'));
const cache = createIntlCache();
const made = new Map<string, IntlShape>();

/** What a missing id does: tests set this to throw; the app falls back to English, then to the id itself. */
export let onMissingMessage: (id: string, locale: string) => void = () => {};
export function setOnMissingMessage(f: (id: string, locale: string) => void): void {
  onMissingMessage = f;
}

function messagesFor(locale: string): Record<string, string> {
  if (locale === PSEUDO) return Object.fromEntries(Object.entries(english()).map(([k, v]) => [k, `⟦${v}⟧`]));
  const lang = languageOf(locale) ?? 'en';
  return lang === 'en' ? english() : { ...english(), ...flat(lang) };
}

/** The IntlShape of a locale tag (ar, fr-CH, en-XA…): cached, so formatters are built once. */
export function intlFor(locale: string): IntlShape {
  const tag = locale || 'en'; // a locale without a catalog (de) keeps its formats and reads English
  let intl = made.get(tag);
  if (!intl) {
    intl = createIntl(
      {
        // R25 dates are Gregorian in every language: Persian's own default is the Solar Hijri calendar.
        locale: tag === PSEUDO ? 'en' : languageOf(tag) === 'fa' && !tag.includes('-u-') ? `${tag}-u-ca-gregory` : tag,
        defaultLocale: 'en',
        messages: messagesFor(tag),
        onError: (e) => {
          if (e.code === 'MISSING_TRANSLATION')
            onMissingMessage((e as { descriptor?: { id?: string } }).descriptor?.id ?? '?', tag);
          else throw e;
        },
      },
      cache,
    );
    made.set(tag, intl);
  }
  return intl;
}

/**
 * Amounts inside messages (the engine's and the commands' problems): a value whose key is `amount` or ends in `Amount`
 * (`ceilingAmount`, `unpaidAmount`) holds an exact decimal string such as "-1234.50". The English text (`say(m)`,
 * which is also every problem's `message`, read by the CLI and the tests) writes it as given; a display passes
 * `amount` (formatAmount bound to the user's choice, exact, never through a JS number) to write it as the user
 * reads numbers. The catalogs write such a value as a plain `{amount}`, never `{amount, number}`.
 */
export const isAmountKey = (key: string): boolean => key === 'amount' || key.endsWith('Amount');

export type AmountWriter = (plain: string) => string;

/** A message in words through a translator: its parts said first, its amounts written by `amount` when given. */
export function sayWith(m: Message, t: (id: string, values?: MessageValues) => string, amount?: AmountWriter): string {
  const values: MessageValues = { ...m.values };
  if (amount)
    for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && isAmountKey(k)) values[k] = amount(v);
  for (const [k, part] of Object.entries(m.parts ?? {})) values[k] = sayWith(part, t, amount);
  return t(m.id, values);
}

/** A message in words, in a locale (English when none is given); amounts as given unless `amount` writes them. */
export function say(m: Message, locale = 'en', amount?: AmountWriter): string {
  return sayWith(m, translator(locale), amount);
}

/** t('ledger.status.title', {…}) bound to a locale. */
export function translator(locale: string): (id: string, values?: MessageValues) => string {
  const intl = intlFor(locale);
  return (id, values) => intl.formatMessage({ id }, values as Record<string, string | number>) as string;
}

export function hasMessage(id: string): boolean {
  return id in english();
}

export { LANGS };
