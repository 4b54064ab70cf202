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
    // 100: the title does not fit beside ⋯, undo (60) does.
    expect(fitByPriority(row, 100, 30)).toEqual(new Set(['lang', 'new', 'title']));
  });

  it('lets a smaller, less needed item take the room a wide one put away leaves', () => {
    const row: Measured[] = [
      { key: 'budget', priority: 9, width: 200 },
      { key: 'export', priority: 6, width: 300 },
      { key: 'add', priority: 5, width: 120 },
    ];
    expect(fitByPriority(row, 400, 34)).toEqual(new Set(['export']));
  });

  it('keeps a row that fits its room with the ⋯ button, and puts away only what would not fit beside the more needed items kept', () => {
    fc.assert(
      // The room is never narrower than the ⋯ button itself.
      fc.property(items, fc.integer({ min: 40, max: 3000 }), fc.integer({ min: 10, max: 40 }), (xs, room, more) => {
        const off = fitByPriority(xs, room, more);
        const kept = xs.filter((i) => !off.has(i.key));
        if (off.size === 0) expect(sum(xs)).toBeLessThanOrEqual(room);
        else {
          expect(sum(kept) + more).toBeLessThanOrEqual(room);
          xs.forEach((item, i) => {
            if (!off.has(item.key)) return;
            const moreNeeded = kept.filter(
              (k) => k.priority > item.priority || (k.priority === item.priority && xs.indexOf(k) < i),
            );
            expect(sum(moreNeeded) + more + item.width).toBeGreaterThan(room);
          });
        }
      }),
    );
  });

  it('keeps every item when the room grows to hold them all', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 500 }), (xs, extra) => {
        expect(fitByPriority(xs, sum(xs) + extra, 30).size).toBe(0);
        if (sum(xs) > 30) expect(fitByPriority(xs, sum(xs) - 1, 30).size).toBeGreaterThan(0);
      }),
    );
  });
});
