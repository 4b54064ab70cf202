import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import {
  addVotingDecision,
  editPayment,
  recordPayment,
  removePayment,
  removeVotingDecision,
  type Outcome,
} from '../../shared/edit';
import { journalEntry, journalOf, recordedBy, stepRecords, withJournal } from '../../shared/merge/journal';
import { mergeWorkbooks, resolve, type MergeResult, type Side } from '../../shared/merge/merge';
import { journalProblems } from '../../shared/model/journal-shape';
import type { JournalEntry, Workbook } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';
import { budget, takesPart, workbook } from './helpers';

// Issue 16: the journal through mergeWorkbooks and `contrib merge`: a keyed list (entries matched by id), both
// sides' new entries kept in time order, never a conflict. Each side is made by the app's commands, each step
// journaled as the app does (renderer/src/merge/journal-step.ts), on its own machine and clock.

const CODES = ['A', 'B', 'C'];

function start(): Workbook {
  const years = [2025, 2026].map((year) => ({ year, method: 'total' as const, amount: '100000', adopted: true }));
  return withJournal(
    workbook({
      members: CODES.map((code) => ({ code, name: `State ${code}` })),
      budgets: [budget('conf', 'wipo-convention', years, { roundingUnit: '1' })],
      participations: CODES.map((c) => takesPart(c, 'conf', 'B')),
    }),
    [],
  );
}

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const OPS: ((wb: Workbook, n: number, v: number) => Outcome | undefined)[] = [
  (wb, n, v) =>
    recordPayment(wb, { member: pick(CODES, n)!, date: `2025-0${1 + (v % 9)}-1${v % 10}`, amount: `${1 + v}` }),
  (wb, n, v) => {
    const p = pick(wb.payments, n);
    return p && editPayment(wb, p.id, 'amount', String(200 + v));
  },
  (wb, n) => {
    const p = pick(wb.payments, n);
    return p && removePayment(wb, p.id);
  },
  (wb, n, v) =>
    addVotingDecision(wb, {
      member: pick(CODES, n)!,
      body: 'Assembly',
      date: `2025-10-0${1 + (v % 9)}`,
      reference: `A/${v % 3}`,
    }),
  (wb, n) => {
    const d = pick(wb.votingDecisions, n);
    return d && removeVotingDecision(wb, d.id);
  },
];

/** Steps as the app applies them: the command's workbook, and an entry naming what it touched. */
function apply(wb: Workbook, machine: string, day: number, ops: readonly [number, number, number][]): Workbook {
  ops.forEach(([op, n, v], i) => {
    const o = OPS[op](wb, n, v);
    if (!o?.ok) return;
    const at = `2026-01-${String(day).padStart(2, '0')}T0${i % 10}:00:00.000Z`;
    const e = journalEntry(
      { at, user: `user-${machine}`, machine, nonce: `${i}` },
      o.label,
      stepRecords(wb, o.workbook),
    );
    wb = withJournal(o.workbook, [...(journalOf(wb) ?? []), e]);
  });
  return wb;
}

const opsArb = fc.array(fc.tuple(fc.nat(OPS.length - 1), fc.nat(10), fc.nat(1000)), { maxLength: 6 });
const caseArb = fc.record({
  base: opsArb,
  ours: opsArb,
  theirs: opsArb,
  // The two clocks: theirs may be earlier, later or the same day as ours.
  ourDay: fc.integer({ min: 10, max: 20 }),
  theirDay: fc.integer({ min: 10, max: 20 }),
});
const build = buildFrom;
function buildFrom(c: {
  base: [number, number, number][];
  ours: [number, number, number][];
  theirs: [number, number, number][];
  ourDay: number;
  theirDay: number;
}) {
  const base = apply(start(), 'BASE', 1, c.base);
  return { base, ours: apply(base, 'A', c.ourDay, c.ours), theirs: apply(base, 'B', c.theirDay, c.theirs) };
}

/** The merge finished: a conflict (the same payment changed differently) resolved with `side` everywhere. */
function finish(r: MergeResult, side: Side): Workbook {
  if (r.kind === 'conflicts') {
    expect(r.conflicts.filter((c) => c.path.startsWith('journal'))).toEqual([]);
    r = resolve(r, Object.fromEntries(r.conflicts.map((c) => [c.path, side])));
  }
  expect(r.kind).not.toBe('conflicts');
  return (r as Exclude<MergeResult, { kind: 'conflicts' }>).workbook;
}

const ids = (j: readonly JournalEntry[] | undefined) => (j ?? []).map((e) => e.id);
const RUNS = { numRuns: 150 };

describe('the journal through mergeWorkbooks (generated edits on two machines)', () => {
  it('loses no entry: every entry of base, ours and theirs is in the result once, in time order', () => {
    fc.assert(
      fc.property(caseArb, fc.constantFrom<Side>('ours', 'theirs'), (c, side) => {
        const { base, ours, theirs } = build(c);
        const j = journalOf(finish(mergeWorkbooks(base, ours, theirs), side))!;
        const all = new Set([...ids(journalOf(base)), ...ids(journalOf(ours)), ...ids(journalOf(theirs))]);
        expect(new Set(ids(j))).toEqual(all);
        expect(ids(j).length).toBe(all.size);
        for (let i = 1; i < j.length; i++) expect(j[i - 1].at <= j[i].at).toBe(true);
        expect(journalProblems(j)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is symmetric: swapping ours and theirs gives the same journal', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, ours, theirs } = build(c);
        const a = journalOf(finish(mergeWorkbooks(base, ours, theirs), 'ours'));
        const b = journalOf(finish(mergeWorkbooks(base, theirs, ours), 'theirs'));
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('every payment and decision either side recorded has its recorder, under its number after the merge', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, ours, theirs } = build(c);
        const r = mergeWorkbooks(base, ours, theirs);
        const wb = finish(r, 'ours');
        const j = journalOf(wb);
        for (const list of ['payments', 'votingDecisions'] as const)
          for (const x of wb[list]) {
            const by = recordedBy(j, `${list}[${x.id}]`);
            expect(by, `${list}[${x.id}]`).toBeDefined();
            // A renumbered record is credited to the side whose record moved.
            const moved = r.renamed.find((m) => m.list === list && m.to === x.id);
            if (moved) expect(by!.machine).toBe(moved.side === 'ours' ? 'A' : 'B');
          }
      }),
      RUNS,
    );
  });

  it('a journal on one side only is kept; none on any side stays none', () => {
    const b = start();
    const ours = apply(b, 'A', 12, [[0, 0, 5]]);
    const plain = { ...b } as Workbook & { journal?: unknown };
    delete plain.journal;
    const r = mergeWorkbooks(plain, ours, plain);
    expect(r.kind).toBe('merged');
    expect(ids(journalOf(finish(r, 'ours')))).toEqual(ids(journalOf(ours)));
    expect('journal' in finish(mergeWorkbooks(plain, plain, plain), 'ours')).toBe(false);
  });
});

describe('the journal’s shape (validation)', () => {
  const good = journalEntry({ at: '2026-01-05T08:00:00.000Z', user: 'marie', machine: 'PC-7', nonce: 'a' }, 's', []);
  it('refuses a journal that is not a list, an entry missing a field or with a bad time, and an id given twice', () => {
    const paths = (journal: unknown) => validateWorkbook({ ...start(), journal }).map((p) => p.path);
    expect(paths([good])).toEqual([]);
    expect(paths({})).toEqual(['journal']);
    expect(paths([good, 'x'])).toEqual(['journal[1]']);
    expect(paths([{ ...good, at: '5 Jan 2026' }])).toEqual(['journal[0].at']);
    expect(paths([{ ...good, records: [1] }])).toEqual(['journal[0].records']);
    expect(paths([{ ...good, user: undefined }])).toEqual(['journal[0].user']);
    expect(paths([good, { ...good }])).toEqual(['journal[1].id']);
    const p = validateWorkbook({ ...start(), journal: [{ ...good, at: 'soon' }] })[0];
    expect(p.message).toBe(
      'Entry 1 of the history of changes (journal): its at must be a date and time such as 2026-01-05T08:00:00Z.',
    );
  });

  it('the file names the line of the entry at fault', () => {
    const text = JSON.stringify({ ...start(), journal: [good, { ...good, id: 'x', records: 'payments' }] }, null, 2);
    const r = parseWorkbook(text);
    expect(r.workbook).toBeUndefined();
    expect(r.problems.map((p) => p.path)).toEqual(['journal[1].records']);
  });
});

describe('contrib merge keeps both journals', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  it('exit 0: both sides’ entries in time order, the renumbered payment credited to its recorder', async () => {
    const b = start();
    const ours = apply(b, 'A', 12, [[0, 0, 5]]);
    const theirs = apply(b, 'B', 11, [[0, 1, 7]]);
    const dir = mkdtempSync(join(tmpdir(), 'contrib-merge-journal-'));
    dirs.push(dir);
    const f = (name: string, wb: Workbook) => {
      writeFileSync(join(dir, name), `${JSON.stringify(wb, null, 2)}\n`);
      return join(dir, name);
    };
    let out = '';
    const code = await run(['merge', f('b.json', b), f('o.json', ours), f('t.json', theirs)], {
      out: (t) => (out += t),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const wb = JSON.parse(out) as Workbook;
    expect(wb.journal!.map((e) => e.machine)).toEqual(['B', 'A']);
    expect(wb.payments.map((p) => `${p.id} ${p.member} ${recordedBy(wb.journal, `payments[${p.id}]`)?.user}`)).toEqual(
      wb.payments.map((p) => `${p.id} ${p.member} user-${p.member === 'A' ? 'A' : 'B'}`),
    );
  });
});
