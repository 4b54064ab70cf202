// cli/locales.ts: `supportedLocalesOf` answered without ICU's list for the product's languages (issue 13: start-up),
// the same answer ICU gives; every other question still goes to ICU.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { answerOwnLanguages } from '../../cli/locales';
import { LANGS } from '../../shared/i18n/languages';

function shortcut() {
  const icu = vi.fn((l?: string | readonly string[], o?: object) =>
    Intl.NumberFormat.supportedLocalesOf(l as string[], o),
  );
  const ctor = { supportedLocalesOf: icu };
  answerOwnLanguages(ctor);
  return { ask: ctor.supportedLocalesOf, icu };
}

// A tag of one of our languages as people write them: any case, with a script, a region, a Unicode extension.
const ourTag = fc
  .tuple(
    fc.constantFrom(...LANGS),
    fc.constantFrom('', '-Latn', '-Cyrl', '-Hans', '-Arab'),
    fc.constantFrom('', '-CH', '-FR', '-KZ', '-IR', '-EG', '-CN', '-419', '-XA'),
    fc.constantFrom('', '-u-nu-latn', '-u-ca-persian'),
    fc.boolean(),
  )
  .map(([l, s, r, u, upper]) => (upper ? `${l}${s}${r}`.toUpperCase() + u : `${l}${s}${r}${u}`));

describe('supportedLocalesOf for our languages', () => {
  it('answers as ICU does, without asking it, for one tag or several', () => {
    fc.assert(
      fc.property(fc.array(ourTag, { minLength: 1, maxLength: 3 }), (tags) => {
        const { ask, icu } = shortcut();
        const expected = Intl.NumberFormat.supportedLocalesOf(tags);
        expect(ask(tags)).toEqual(expected);
        expect(ask(tags[0])).toEqual(Intl.NumberFormat.supportedLocalesOf(tags[0]));
        expect(icu).not.toHaveBeenCalled();
      }),
    );
  });

  it('asks ICU for any other language, a malformed tag or no tag, and answers what it answers', () => {
    const { ask, icu } = shortcut();
    expect(ask('de-CH')).toEqual(['de-CH']);
    expect(ask(['fr', 'xx'])).toEqual(['fr']); // one tag not ours: the whole question goes to ICU
    expect(ask('xx')).toEqual([]);
    expect(ask([])).toEqual([]);
    expect(() => ask('fr_FR')).toThrow(RangeError); // a POSIX name is no BCP 47 tag, for ICU as before
    expect(icu).toHaveBeenCalledTimes(5);
  });
});
