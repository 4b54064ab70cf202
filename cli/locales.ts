import { LANGS, type Lang } from '../shared/i18n/languages';

// The first call of `Intl.*.supportedLocalesOf` makes ICU list every locale it has: about 110 M instructions, some
// 20 ms (callgrind: a module calling it once against an empty one), and FormatJS calls it before the first message of
// each language. The CLI asks only about its own languages, which Node's ICU always has; for them the answer is the
// tags as asked, in canonical form (what ICU answers for any locale it has). Anything else is asked of ICU.

type SupportedLocalesOf = (locales?: string | readonly string[], options?: object) => string[];

/** Makes `ctor.supportedLocalesOf` answer at once for tags of the product's languages (en, fr-CH, zh-Hans-CN…). */
export function answerOwnLanguages(ctor: { supportedLocalesOf: SupportedLocalesOf }): void {
  const ask = ctor.supportedLocalesOf.bind(ctor);
  ctor.supportedLocalesOf = (locales, options) => {
    const tags = typeof locales === 'string' ? [locales] : locales;
    const ours =
      Array.isArray(tags) &&
      tags.length > 0 &&
      tags.every((t) => typeof t === 'string' && LANGS.includes(t.split('-')[0].toLowerCase() as Lang));
    return ours ? Intl.getCanonicalLocales(tags as string[]) : ask(locales, options);
  };
}
