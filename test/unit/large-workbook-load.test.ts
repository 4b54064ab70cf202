// Issue 13 item 4 (`contrib status` on 10,000 members × 30 years): the faster readers of a large workbook decide
// exactly as the plain ones they replaced: dates digit by digit, repeated ids by a hash table, nesting in one pass.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../shared/model/dates';
import { tooDeepAt } from '../../shared/model/json-text';
import { repeats } from '../../shared/model/validate';

/** The test's own oracle: the pattern, then the calendar as Date reads it (a day that does not exist moves on). */
function isIsoDateOracle(s: unknown): boolean {
  if (typeof s !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Nesting of a value as JSON writes it: a list or object counts one level, its contents more. */
function depth(v: unknown): number {
  if (Array.isArray(v)) return 1 + Math.max(0, ...v.map(depth));
  if (typeof v === 'object' && v !== null) return 1 + Math.max(0, ...Object.values(v).map(depth));
  return 0;
}

describe('issue 13: a large workbook read faster, judged as before', () => {
  it('isIsoDate accepts exactly the real days written YYYY-MM-DD', () => {
    const day = fc
      .date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    const nearly = fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);
    // One character of a real day replaced: a sign, a space, another script's digit, a letter, a slash.
    const damaged = fc
      .tuple(day, fc.nat(9), fc.constantFrom('+', ' ', '٣', '/', 'a', '0', '9', '-', '\u0000'))
      .map(([s, i, c]) => s.slice(0, i) + c + s.slice(i + 1));
    const other = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(undefined, null, 20260101, ''));
    fc.assert(
      fc.property(fc.oneof(day, nearly, damaged, other), (s) => {
        expect(isIsoDate(s)).toBe(isIsoDateOracle(s));
      }),
      { numRuns: 3000 },
    );
    expect(['2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29'].map(isIsoDate)).toEqual([true, false, false, true]);
  });

  it('repeats says whether two items share a string id, as a Set does; other items are passed over', () => {
    const item = fc.oneof(
      fc.record({ id: fc.string({ maxLength: 3 }) }),
      fc.record({ id: fc.integer({ min: 0, max: 5 }) }),
      fc.constantFrom(null, 'p1', [], {}),
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 60 }), (items) => {
        const ids = items.flatMap((o) => {
          const id = typeof o === 'object' && o !== null && !Array.isArray(o) ? (o as { id?: unknown }).id : undefined;
          return typeof id === 'string' ? [id] : [];
        });
        expect(repeats(items)).toBe(new Set(ids).size !== ids.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('repeats still answers when ids crowd one part of its table (a crafted file): it sorts them instead', () => {
    // Ids that all fall in one slot of the table for 100 items (256 slots), found with the same hash.
    const fnv = (s: string) => {
      let h = 0x811c9dc5;
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
      return h & 255;
    };
    const crowd: { id: string }[] = [];
    for (let k = 0; crowd.length < 100; k++) if (fnv(`x${k}`) === 7) crowd.push({ id: `x${k}` });
    expect(repeats(crowd)).toBe(false);
    expect(repeats([...crowd.slice(0, 99), { id: crowd[3].id }])).toBe(true);
  });

  it('tooDeepAt finds a list or object nested deeper than the limit, strings with brackets and escapes included', () => {
    const text = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('[', ']', '{', '}', '"', '\\', '\\"]', '"['));
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        fc.integer(),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(text, tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(value, fc.integer({ min: 0, max: 4 }), fc.constantFrom(undefined, 2), (v, max, indent) => {
        const json = JSON.stringify(v, null, indent);
        const at = tooDeepAt(json, max);
        expect(at >= 0).toBe(depth(v) > max);
        if (at >= 0) expect('[{').toContain(json[at]);
      }),
      { numRuns: 3000 },
    );
  });
});
