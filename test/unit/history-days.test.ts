import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupByDay, localDay } from '../../renderer/src/merge/history-days';

// The history dialog's days: every step in exactly one day, in the order given, each day's steps of that day.

describe('history grouped by day', () => {
  it('property: the days hold every step once, in order; a day is one run of steps of that local day', () => {
    const at = fc
      .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
      .map((ms) => new Date(ms).toISOString());
    fc.assert(
      fc.property(fc.array(at, { maxLength: 40 }), (stamps) => {
        // Newest first, as the dialog lists them.
        const entries = [...stamps]
          .sort()
          .reverse()
          .map((s, i) => ({ id: i, at: s }));
        const days = groupByDay(entries);
        expect(days.flatMap((d) => d.entries)).toEqual(entries);
        for (const d of days) for (const e of d.entries) expect(localDay(e.at)).toBe(d.key);
        expect(new Set(days.map((d) => d.key)).size).toBe(days.length);
        for (let i = 1; i < days.length; i++) expect(days[i - 1].key > days[i].key).toBe(true);
      }),
    );
  });

  it('the local calendar day, not the UTC one', () => {
    const d = new Date(2026, 10, 27, 23, 30); // 23:30 local time
    expect(localDay(d.toISOString())).toBe('2026-11-27');
    expect(groupByDay([{ at: d.toISOString() }, { at: new Date(2026, 10, 27, 0, 5).toISOString() }])).toHaveLength(1);
  });
});
