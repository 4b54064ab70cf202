import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setClass } from '../../shared/edit';
import { classLabel, classOfLetter } from '../../shared/i18n/classes';
import { translator } from '../../shared/i18n/intl';
import { LANGS } from '../../shared/i18n/languages';
import { example, ok } from './edit-helpers';

// R1: the WIPO Convention's classes A/B/C shown as its Arabic and Persian texts name them; the workbook keeps A/B/C.

const label = (code: string, lang: string, scheme = 'wipo-convention') => classLabel(scheme, code, translator(lang));

describe('the Convention’s class letters in the user’s language (issue 11)', () => {
  it('Arabic ألف / باء / جيم and Persian الف / ب / پ for A / B / C; Latin letters in the other languages', () => {
    expect(['A', 'B', 'C'].map((c) => label(c, 'ar'))).toEqual(['ألف', 'باء', 'جيم']);
    expect(['A', 'B', 'C'].map((c) => label(c, 'fa'))).toEqual(['الف', 'ب', 'پ']);
    for (const lang of ['en', 'fr', 'es', 'ru', 'zh', 'kk'])
      expect(['A', 'B', 'C'].map((c) => label(c, lang))).toEqual(['A', 'B', 'C']);
  });

  it('other schemes, and classes the Convention does not have, show their codes as they are', () => {
    expect(label('I', 'ar', 'paris')).toBe('I');
    expect(label('A', 'ar', 'my-copy')).toBe('A');
    expect(label('IVbis', 'fa', 'wipo-unitary')).toBe('IVbis');
    expect(label('D', 'ar')).toBe('D');
  });

  it('typed letters are read in any language, with or without hamza or the word “class”', () => {
    for (const [typed, code] of [
      ['ألف', 'A'],
      ['الف', 'A'],
      [' إلف ', 'A'],
      ['الفئة باء', 'B'],
      ['جيم', 'C'],
      ['ب', 'B'],
      ['پ', 'C'],
      ['طبقه پ', 'C'],
    ])
      expect(classOfLetter('wipo-convention', typed), typed).toBe(code);
    expect(classOfLetter('wipo-convention', 'دال')).toBeUndefined();
    expect(classOfLetter('wipo-convention', '')).toBeUndefined();
    expect(classOfLetter('paris', 'ألف')).toBeUndefined();
  });

  it('property: every label of every language reads back as its class', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), fc.constantFrom('A', 'B', 'C'), (lang, code) => {
        const shown = label(code, lang);
        expect(classOfLetter('wipo-convention', shown) ?? shown).toBe(code);
      }),
    );
  });

  it('R1 a class typed as ألف is stored as A; a Paris member refuses it', () => {
    const wb = example();
    const d = ok(setClass(wb, { budget: 'conference', member: 'AF', year: 2026, value: 'ألف' }));
    const p = d.workbook.participations.find((x) => x.budget === 'conference' && x.member === 'AF')!;
    expect(p.classes?.at(-1)).toEqual({ year: 2026, class: 'A' });
    expect(setClass(wb, { budget: 'paris', member: 'FR', year: 2026, value: 'ألف' }).ok).toBe(false);
  });
});
