import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordPayment, renameMember, type Outcome } from '../../shared/edit';
import {
  journalAfterStep,
  journalEntry,
  journalOf,
  mergeJournals,
  RECORDS_MAX,
  recordedBy,
  recordedIndex,
  stepRecords,
  unionJournals,
  withJournal,
  withoutJournal,
  type JournalEntry,
} from '../../shared/merge/journal';
import { mergeWorkbooks } from '../../shared/merge/merge';
import type { Workbook } from '../../shared/model/types';
import { budget, takesPart, workbook } from './helpers';

// Issue 16 item 5: the journal (docs/team.md): one entry per step naming the records it touched, merged as a set.

const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};

function start(): Workbook {
  const years = [2026].map((year) => ({ year, method: 'total' as const, amount: '100000', adopted: true }));
  return workbook({
    members: ['P', 'Q'].map((code) => ({ code, name: `State ${code}` })),
    budgets: [budget('conf', 'wipo-convention', years, { roundingUnit: '1' })],
    participations: ['P', 'Q'].map((c) => takesPart(c, 'conf', 'B')),
  });
}

const entry = (at: string, machine: string, records: string[] = [], user = 'u'): JournalEntry =>
  journalEntry({ at, user, machine, nonce: 'x1' }, `step at ${at}`, records);

describe('a step’s records', () => {
  it('names the records a command added, changed or removed, by the merge’s keys', () => {
    const wb = start();
    const paid = ok(recordPayment(wb, { member: 'P', date: '2026-01-10', amount: '100' }));
    expect(stepRecords(wb, paid)).toEqual(['payments[pay-0001]']);
    expect(stepRecords(paid, ok(renameMember(paid, 'Q', 'Other')))).toEqual(['members[Q]']);
    expect(stepRecords(paid, wb)).toEqual(['payments[pay-0001]']);
    expect(stepRecords(wb, wb)).toEqual([]);
  });

  it('names the list rather than each record past RECORDS_MAX, and a part that is not a list whole', () => {
    const wb = start();
    const rows = Array.from({ length: RECORDS_MAX + 1 }, (_, i) => ({
      member: 'P',
      date: '2026-01-10',
      amount: String(i + 1),
    }));
    const many = { ...wb, payments: rows.map((r, i) => ({ id: `pay-${i}`, currency: 'CHF', ...r })) };
    expect(stepRecords(wb, many)).toEqual(['payments']);
    expect(stepRecords(wb, { ...wb, settings: { ...wb.settings, creditingOrder: 'oldest-first' } })).toEqual([
      'settings',
    ]);
    // The journal itself is not a record of the step.
    expect(stepRecords(wb, withJournal(wb, [entry('2026-01-01T00:00:00Z', 'A')]))).toEqual([]);
  });
});

describe('the journal of a workbook', () => {
  it('is absent from a file without one, kept through withJournal, and left out of the record merge', () => {
    const wb = start();
    expect(journalOf(wb)).toBeUndefined();
    const j = withJournal(wb, [entry('2026-01-01T00:00:00Z', 'A')]);
    expect(journalOf(j)).toHaveLength(1);
    expect(withoutJournal(j)).toEqual(wb);
    expect(withoutJournal(wb)).toBe(wb);
  });

  it('is never undone: a step keeps the entries before it and those its result holds, then adds its own', () => {
    const a = entry('2026-01-01T00:00:00Z', 'A');
    const theirs = entry('2026-01-02T00:00:00Z', 'B');
    const undo = entry('2026-01-03T00:00:00Z', 'A');
    // Undoing a merge puts back the journal before it: the merged-in entry stays all the same.
    expect(journalAfterStep([a, theirs], [a], undo).map((e) => e.machine + e.at)).toEqual([
      'A2026-01-01T00:00:00Z',
      'B2026-01-02T00:00:00Z',
      'A2026-01-03T00:00:00Z',
    ]);
  });
});

describe('merging journals', () => {
  it('keeps both sides’ entries in time order, an entry both hold once, and rewrites a renumbered record on the side that moved', () => {
    const base = [entry('2026-01-01T00:00:00Z', 'A', ['payments[pay-0001]'])];
    const ours = [...base, entry('2026-02-01T00:00:00Z', 'A', ['payments[pay-0002]'])];
    const theirs = [...base, entry('2026-01-15T00:00:00Z', 'B', ['payments[pay-0002]'])];
    const merged = mergeJournals(base, ours, theirs, [
      { list: 'payments', side: 'theirs', from: 'pay-0002', to: 'pay-0003' },
    ]);
    expect(merged.map((e) => `${e.machine} ${e.records.join(',')}`)).toEqual([
      'A payments[pay-0001]',
      'B payments[pay-0003]',
      'A payments[pay-0002]',
    ]);
    expect(recordedBy(merged, 'payments[pay-0003]')?.machine).toBe('B');
    expect(recordedBy(merged, 'payments[pay-0002]')?.machine).toBe('A');
  });

  it('gives theirs’ payment its new number in the journal when the workbooks merge', () => {
    const b = start();
    const ours = ok(recordPayment(b, { member: 'P', date: '2026-01-10', amount: '100' }));
    const theirs = ok(recordPayment(b, { member: 'Q', date: '2026-01-11', amount: '200' }));
    const r = mergeWorkbooks(b, ours, theirs);
    expect(r.kind).toBe('merged');
    const moved = r.renamed[0];
    const js = mergeJournals(
      [],
      [entry('2026-01-10T00:00:00Z', 'A', stepRecords(b, ours))],
      [entry('2026-01-11T00:00:00Z', 'B', stepRecords(b, theirs))],
      r.renamed,
    );
    const byMachine = Object.fromEntries(js.map((e) => [e.machine, e.records]));
    expect(byMachine[moved.side === 'theirs' ? 'B' : 'A']).toEqual([`payments[${moved.to}]`]);
    expect(byMachine[moved.side === 'theirs' ? 'A' : 'B']).toEqual([`payments[${moved.from}]`]);
    // Every payment of the merged workbook has the entry that recorded it.
    if (r.kind === 'merged')
      for (const p of r.workbook.payments) expect(recordedBy(js, `payments[${p.id}]`), p.id).toBeDefined();
  });

  const entryArb = fc
    .record({
      day: fc.integer({ min: 1, max: 28 }),
      machine: fc.constantFrom('A', 'B', 'C'),
      nonce: fc.constantFrom('a', 'b'),
    })
    .map(({ day, machine, nonce }) =>
      journalEntry({ at: `2026-01-${String(day).padStart(2, '0')}T00:00:00Z`, user: 'u', machine, nonce }, 's', []),
    );
  const journalArb = fc.uniqueArray(entryArb, { selector: (e) => e.id, maxLength: 8 });

  it('as a set: symmetric, no entry lost, an entry both hold once, never a conflict (generated journals)', () => {
    fc.assert(
      fc.property(journalArb, journalArb, journalArb, (base, o, t) => {
        const ours = unionJournals(base, o);
        const theirs = unionJournals(base, t);
        const m = mergeJournals(base, ours, theirs, []);
        expect(m).toEqual(mergeJournals(base, theirs, ours, []));
        const ids = new Set(m.map((e) => e.id));
        expect(ids.size).toBe(m.length);
        for (const e of [...ours, ...theirs]) expect(ids.has(e.id)).toBe(true);
        expect([...m].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : 1))).toEqual(m);
      }),
      { numRuns: 200 },
    );
  });
});

describe('who recorded what (the views’ column)', () => {
  it('the index gives, for each record, the first entry naming it, as recordedBy does', () => {
    const j = [
      entry('2026-01-01T00:00:00Z', 'A', ['payments[pay-0001]'], 'marie'),
      entry('2026-01-02T00:00:00Z', 'B', ['payments[pay-0001]', 'votingDecisions[vd-1]'], 'li'),
    ];
    const index = recordedIndex(j);
    expect(index.get('payments[pay-0001]')?.user).toBe('marie');
    expect(index.get('votingDecisions[vd-1]')?.user).toBe('li');
    expect(index.get('payments[pay-0002]')).toBeUndefined();
    for (const p of ['payments[pay-0001]', 'votingDecisions[vd-1]', 'members[P]'])
      expect(index.get(p)).toBe(recordedBy(j, p));
    expect(recordedIndex(undefined).size).toBe(0);
  });
});
