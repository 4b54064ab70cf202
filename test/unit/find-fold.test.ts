import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, matchesSearch, searchWords } from '../../shared/model/fold';
import { FIND_OPTIONS, TEXT_FILTER_PARAMS } from '../../renderer/src/grid/find';

// Issue 14: the find boxes ignore case and accents.

describe('fold', () => {
  it('drops case and accents', () => {
    expect(fold("Côte d'Ivoire")).toBe("cote d'ivoire");
    expect(fold('Türkiye')).toBe('turkiye');
    expect(fold('SÃO TOMÉ AND PRÍNCIPE')).toBe('sao tome and principe');
    expect(fold('Curaçao')).toBe('curacao');
    expect(fold('İstanbul')).toBe('istanbul');
    expect(fold('Straße')).toBe('strasse');
    expect(fold('Ørsted Łódź Æsir')).toBe('orsted lodz aesir');
    expect(fold('Côte d’Ivoire')).toBe("cote d'ivoire");
  });

  it('leaves other scripts readable and drops their marks', () => {
    expect(fold('Россия')).toBe('россия');
    expect(fold('Йемен')).toBe('иемен'); // й is и with a breve under NFD
    expect(fold('مِصر')).toBe('مصر');
    expect(fold('中国')).toBe('中国');
  });

  it('reads alike whatever the composition, and folding twice changes nothing (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(fold(s.normalize('NFD'))).toBe(fold(s.normalize('NFC')));
        expect(fold(fold(s))).toBe(fold(s));
      }),
    );
  });
});

describe('the find box', () => {
  const find = (query: string, text: string) => matchesSearch(searchWords(query), text);

  it('finds Côte d’Ivoire by cote and Türkiye by turkiye, in any case', () => {
    expect(find('cote', "CI Côte d'Ivoire")).toBe(true);
    expect(find('COTE', "CI Côte d'Ivoire")).toBe(true);
    expect(find('turkiye', 'TR Türkiye')).toBe(true);
    expect(find('türkiye', 'TR Turkiye')).toBe(true);
    expect(find('ivoire cote', "Côte d'Ivoire")).toBe(true);
    expect(find('cote france', "Côte d'Ivoire")).toBe(false);
    expect(find('   ', 'anything')).toBe(true);
  });

  it('AG Grid: the quick filter gets the words as the grid upper-cases them', () => {
    // The grid upper-cases both the query and the row's text before our parser and matcher see them.
    const words = FIND_OPTIONS.quickFilterParser('CÔTE');
    expect(words).toEqual(['cote']);
    expect(FIND_OPTIONS.quickFilterMatcher(words, "CI\nCÔTE D'IVOIRE\nII")).toBe(true);
    expect(FIND_OPTIONS.quickFilterMatcher(FIND_OPTIONS.quickFilterParser('TURKIYE'), 'TR\nTÜRKIYE')).toBe(true);
    expect(FIND_OPTIONS.quickFilterMatcher(words, 'FR\nFRANCE')).toBe(false);
  });

  it('AG Grid: any piece of a row, typed in either case, finds the row (property)', () => {
    const piece = fc
      .array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }), { minLength: 1, maxLength: 20 })
      .chain((g) =>
        fc.tuple(fc.nat(g.length - 1), fc.nat(g.length - 1), fc.boolean()).map(([a, b, upper]) => {
          const q = g.slice(Math.min(a, b), Math.max(a, b) + 1).join('');
          return { text: g.join(''), query: upper ? q.toUpperCase() : q.toLowerCase() };
        }),
      );
    fc.assert(
      fc.property(piece, ({ text, query }) => {
        // As the grid hands them over: both upper-cased.
        const words = FIND_OPTIONS.quickFilterParser(query.toUpperCase());
        expect(FIND_OPTIONS.quickFilterMatcher(words, text.toUpperCase())).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('AG Grid: a text column filter compares folded text', () => {
    expect(TEXT_FILTER_PARAMS.textFormatter('Türkiye')).toBe(TEXT_FILTER_PARAMS.textFormatter('TURKIYE'));
  });
});
