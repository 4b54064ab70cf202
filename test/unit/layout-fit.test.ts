import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitByPriority, type Measured } from '../../renderer/src/layout/fit';

// Issue 14: the toolbar never wraps; what does not fit goes into the ⋯ menu, the least needed first.

const items = fc
  .array(fc.record({ priority: fc.integer({ min: 0, max: 5 }), width: fc.integer({ min: 1, max: 300 }) }), {
    minLength: 1,
    maxLength: 20,
  })
  .map((xs): Measured[] => xs.map((x, i) => ({ key: `k${i}`, ...x })));
const sum = (xs: readonly Measured[]) => xs.reduce((s, i) => s + i.width, 0);

describe('fitByPriority', () => {
  it('puts nothing away when everything fits, and keeps the most needed items first', () => {
    const row: Measured[] = [
      { key: 'title', priority: 9, width: 100 },
      { key: 'new', priority: 1, width: 50 },
      { key: 'undo', priority: 8, width: 60 },
      { key: 'lang', priority: 0, width: 90 },
    ];
    expect(fitByPriority(row, 300, 30)).toEqual(new Set());
    // 299: the ⋯ button (30) joins; title and undo (160) fit, new (50) too (240), lang does not.
    expect(fitByPriority(row, 299, 30)).toEqual(new Set(['lang']));
    expect(fitByPriority(row, 200, 30)).toEqual(new Set(['lang', 'new']));
    expect(fitByPriority(row, 100, 30)).toEqual(new Set(['lang', 'new', 'undo', 'title']));
  });

  it('keeps a row that fits its room with the ⋯ button, and every kept item is at least as needed as every item put away', () => {
    fc.assert(
      // The room is never narrower than the ⋯ button itself.
      fc.property(items, fc.integer({ min: 40, max: 3000 }), fc.integer({ min: 10, max: 40 }), (xs, room, more) => {
        const off = fitByPriority(xs, room, more);
        const kept = xs.filter((i) => !off.has(i.key));
        if (off.size === 0) expect(sum(xs)).toBeLessThanOrEqual(room);
        else {
          expect(sum(kept) + more).toBeLessThanOrEqual(room);
          const lowestKept = Math.min(...kept.map((i) => i.priority));
          const highestOff = Math.max(...xs.filter((i) => off.has(i.key)).map((i) => i.priority));
          if (kept.length) expect(lowestKept).toBeGreaterThanOrEqual(highestOff);
        }
      }),
    );
  });

  it('puts away no fewer items when the room shrinks', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 500 }), (xs, room, less) => {
        const wide = fitByPriority(xs, room, 30);
        const narrow = fitByPriority(xs, room - less, 30);
        for (const k of wide) expect(narrow.has(k)).toBe(true);
      }),
    );
  });
});
