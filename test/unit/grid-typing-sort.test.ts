import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  byAmount,
  byClassUnits,
  byCode,
  byGravity,
  byShownWords,
  byText,
  byValue,
  STATUS_GRAVITY,
} from '../../renderer/src/grid/sorting';
import type { VotingStatus } from '../../shared/engine/arrears';
import { LANGS, translator } from '../../shared/i18n/intl';
import { chooseClass, classCandidates } from '../../renderer/src/grid/typeahead';
import { formatScaled } from '../../shared/model/decimal';
import { PARIS, WIPO_CONVENTION, WIPO_UNITARY } from '../../shared/model/schemes';

const schemes = [WIPO_CONVENTION, PARIS, WIPO_UNITARY];
const codesOf = (s: (typeof schemes)[number]) => s.classes.map((c) => c.code);
const unitary = codesOf(WIPO_UNITARY);

/** A text in any mix of upper and lower case. */
const anyCase = (s: string) =>
  fc
    .array(fc.boolean(), { minLength: s.length, maxLength: s.length })
    .map((up) => [...s].map((ch, i) => (up[i] ? ch.toUpperCase() : ch.toLowerCase())).join(''));

describe('class type-ahead (R1)', () => {
  it('vi gives VI first, then the other classes that start with vi, in the scheme order', () => {
    expect(classCandidates(unitary, 'vi')).toEqual(['VI', 'VIbis', 'VII', 'VIII']);
    expect(chooseClass(unitary, 'vi')).toBe('VI');
    expect(chooseClass(unitary, 'vib')).toBe('VIbis');
    expect(chooseClass(unitary, 's')).toBe('S');
    expect(classCandidates(unitary, 'st')).toEqual(['Ster']);
  });

  it('nothing typed lists every class; a text no class starts with lists none and chooses none', () => {
    expect(classCandidates(unitary, '')).toEqual(unitary);
    expect(classCandidates(unitary, 'x')).toEqual([]);
    expect(chooseClass(unitary, 'x')).toBeNull();
    expect(chooseClass(unitary, '  ')).toBeNull();
  });

  it('property: a class typed in any case is the one chosen', () => {
    const arb = fc
      .constantFrom(...schemes)
      .chain((s) =>
        fc
          .constantFrom(...codesOf(s))
          .chain((c) => fc.record({ s: fc.constant(s), c: fc.constant(c), typed: anyCase(c) })),
      );
    fc.assert(fc.property(arb, ({ s, c, typed }) => chooseClass(codesOf(s), typed) === c));
  });

  it('property: every candidate starts with the text typed (any case), each class at most once, none left out', () => {
    const arb = fc.record({
      s: fc.constantFrom(...schemes),
      typed: fc.oneof(
        fc.string({ maxLength: 3 }),
        fc.constantFrom(...unitary).map((c) => c.slice(0, 2).toLowerCase()),
      ),
    });
    fc.assert(
      fc.property(arb, ({ s, typed }) => {
        const codes = codesOf(s);
        const got = classCandidates(codes, typed);
        const t = typed.trim().toLowerCase();
        expect(new Set(got).size).toBe(got.length);
        expect(got.every((c) => c.toLowerCase().startsWith(t))).toBe(true);
        expect(got.length).toBe(codes.filter((c) => c.toLowerCase().startsWith(t)).length);
      }),
    );
  });
});

describe('header sorting', () => {
  const decimal = fc
    .tuple(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.integer({ min: 0, max: 6 }))
    .map(([n, p]) => ({ text: formatScaled(n, p), scaled: n * 10n ** BigInt(6 - p) }));

  it('property: amounts sort by exact value, past what a JS number holds (R3)', () => {
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        const want = a.scaled < b.scaled ? -1 : a.scaled > b.scaled ? 1 : 0;
        expect(Math.sign(byAmount(a.text, b.text))).toBe(want);
        expect(Math.sign(byValue('en')(a.text, b.text))).toBe(want);
      }),
    );
    // As text, 1000 would come before 999; as numbers these two would tie.
    expect(byAmount('999', '1000')).toBeLessThan(0);
    expect(byAmount('12345678901234567.01', '12345678901234567.02')).toBeLessThan(0);
  });

  it('an empty cell sorts first, whatever the column', () => {
    for (const cmp of [byAmount, byCode, byText('fr'), byValue('en')]) {
      expect(cmp('', '1')).toBeLessThan(0);
      expect(cmp(null, 'a')).toBeLessThan(0);
      expect(cmp(undefined, null)).toBe(0);
    }
  });

  it("names by the user's language (Côte d'Ivoire before Croatia), codes by code point", () => {
    const names = ['Croatia', "Côte d'Ivoire", 'Costa Rica', 'Chile'];
    expect([...names].sort(byText('en'))).toEqual(['Chile', 'Costa Rica', "Côte d'Ivoire", 'Croatia']);
    expect(['b', 'B', 'a', 'AB'].sort(byCode)).toEqual(['AB', 'B', 'a', 'b']);
  });

  it('classes by their units (VIbis between VI and VII), equal units by code', () => {
    const units = new Map(WIPO_UNITARY.classes.map((c) => [c.code, c.units]));
    const node = (c: string) => ({ data: { class: c, units: units.get(c)! } }) as never;
    const cmp = byClassUnits<{ class: string; units: string }>((r) => r.units);
    const sorted = [...unitary].sort((a, b) => cmp(a, b, node(a), node(b)));
    expect(sorted).toEqual([...unitary].reverse());
    expect(sorted.indexOf('VIbis')).toBe(sorted.indexOf('VI') - 1);
  });

  // The liquidity view's basis: ids shown as words (their catalog ids, as ExpectedGrid writes them).
  const BASES = ['usual', 'override', 'whatIf', 'noHistory', 'notPaying'];

  it('property: ids shown as words sort as the words do in the language, not as the ids', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), fc.array(fc.constantFrom(...BASES), { maxLength: 12 }), (lang, ids) => {
        const t = translator(lang);
        const shown = (id: string) => t(`liquidity.basis.${id}`);
        const sorted = [...ids].sort(byShownWords(lang, shown));
        const collator = new Intl.Collator(lang, { numeric: true });
        for (let i = 1; i < sorted.length; i++)
          expect(collator.compare(shown(sorted[i - 1]), shown(sorted[i]))).toBeLessThanOrEqual(0);
      }),
    );
    // In English "date set" comes before "not paying" and "usual date", though its id (override) is after notPaying.
    const en = translator('en');
    expect(['usual', 'notPaying', 'override'].sort(byShownWords('en', (id) => en(`liquidity.basis.${id}`)))).toEqual([
      'override',
      'notPaying',
      'usual',
    ]);
  });

  it('property: voting status by gravity (no vote first when descending), equal status by member code', () => {
    const statuses = Object.keys(STATUS_GRAVITY) as VotingStatus[];
    const row = fc.record({ code: fc.string({ minLength: 1, maxLength: 3 }), status: fc.constantFrom(...statuses) });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const sorted = [...rows].sort((a, b) =>
          byGravity(a.status, b.status, { data: a } as never, { data: b } as never),
        );
        for (let i = 1; i < sorted.length; i++) {
          const [a, b] = [sorted[i - 1], sorted[i]];
          expect(STATUS_GRAVITY[a.status]).toBeLessThanOrEqual(STATUS_GRAVITY[b.status]);
          if (a.status === b.status) expect(byCode(a.code, b.code)).toBeLessThanOrEqual(0);
        }
      }),
    );
    const desc = (['ok', 'no vote', 'in arrears', 'vote kept by decision'] as const)
      .map((status, i) => ({ code: `M${i}`, status }))
      .sort((a, b) => byGravity(b.status, a.status, { data: b } as never, { data: a } as never));
    expect(desc.map((r) => r.status)).toEqual(['no vote', 'vote kept by decision', 'in arrears', 'ok']);
  });
});
