import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMember,
  addVotingDecision,
  createScenario,
  editPayment,
  recordPayment,
  removeMember,
  removePayment,
  removeVotingDecision,
  renameMember,
  setBudgetYear,
  setClass,
  setOpeningBalance,
  setScenarioOverride,
  type Outcome,
} from '../../shared/edit';
import { isListSpec, LISTS, type Fields, type ListSpec } from '../../shared/merge/keys';
import {
  canonical,
  keyed,
  mergeWorkbooks,
  resolve,
  type Conflict,
  type MergeResult,
  type Side,
} from '../../shared/merge/merge';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { budget, takesPart, workbook } from './helpers';

// Issue 16: the merge as properties over generated workbooks. Each side is made by the app's own commands (the
// ones the grid and panels run), so the ids collide as they would for two people: both number a new payment
// pay-0004.

const CODES = ['A', 'B', 'C', 'D'];
const NEW_CODES = ['E', 'F'];
const NAMES = ['One', 'Two'];
const BUDGETS = ['conf', 'paris'];

function start(): Workbook {
  const years = (amount: string) =>
    [2024, 2025, 2026].map((year) => ({ year, method: 'total' as const, amount, adopted: true }));
  return workbook({
    members: CODES.map((code) => ({ code, name: `State ${code}` })),
    budgets: [
      budget('conf', 'wipo-convention', years('100000'), { roundingUnit: '1' }),
      budget('paris', 'paris', years('50000'), { roundingUnit: '1' }),
    ],
    participations: [
      ...CODES.map((c) => takesPart(c, 'conf', 'B')),
      takesPart('A', 'paris', 'IV'),
      takesPart('B', 'paris', 'VI'),
    ],
  });
}

const pick = <T>(list: readonly T[], i: number): T | undefined =>
  list.length === 0 ? undefined : list[i % list.length];

/** One command on the workbook, its arguments drawn from `n` and `v` against what the workbook holds now. */
const OPS: ((wb: Workbook, n: number, v: number) => Outcome | undefined)[] = [
  (wb, n, v) =>
    wb.members.length > 0
      ? recordPayment(wb, {
          member: pick(wb.members, n)!.code,
          date: `2025-0${1 + (v % 9)}-1${v % 10}`,
          amount: String(100 + v),
        })
      : undefined,
  (wb, n, v) =>
    wb.members.length > 0
      ? recordPayment(wb, {
          member: pick(wb.members, n)!.code,
          date: '2026-01-15',
          amount: String(1 + v),
          budget: 'conf',
        })
      : undefined,
  (wb, n, v) => {
    const p = pick(wb.payments, n);
    return p && editPayment(wb, p.id, 'amount', String(200 + v));
  },
  (wb, n, v) => {
    const p = pick(wb.payments, n);
    return p && editPayment(wb, p.id, 'reference', `ref ${v % 3}`);
  },
  (wb, n) => {
    const p = pick(wb.payments, n);
    return p && removePayment(wb, p.id);
  },
  (wb, n, v) =>
    addMember(wb, {
      code: NEW_CODES[n % NEW_CODES.length],
      name: `New ${NAMES[v % NAMES.length]}`,
      budget: 'conf',
      year: 2025,
      value: ['A', 'B', 'C'][v % 3],
    }),
  (wb, n, v) =>
    wb.members.length > 0 ? renameMember(wb, pick(wb.members, n)!.code, `State ${NAMES[v % NAMES.length]}`) : undefined,
  (wb, n) => (wb.members.length > 0 ? removeMember(wb, pick(wb.members, n)!.code) : undefined),
  (wb, n, v) =>
    setBudgetYear(wb, {
      budget: BUDGETS[n % 2],
      year: 2024 + (v % 4),
      method: 'total',
      amount: String(40000 + 1000 * (v % 5)),
    }),
  (wb, n, v) => {
    const p = pick(
      wb.participations.filter((x) => x.budget === 'conf'),
      n,
    );
    return p && setClass(wb, { budget: 'conf', member: p.member, year: 2025 + (v % 2), value: ['A', 'B', 'C'][v % 3] });
  },
  (wb, n, v) => ({
    ok: true,
    label: 'settings',
    workbook: {
      ...wb,
      settings: {
        ...wb.settings,
        creditingOrder: v % 2 ? 'oldest-first' : 'wcf-then-oldest',
        ...(n % 2 ? { votingTest: 'combined' as const } : {}),
      },
    },
    inverse: undefined as never,
    problems: [],
  }),
  (wb, n, v) =>
    wb.members.length === 0
      ? undefined
      : addVotingDecision(wb, {
          member: pick(wb.members, n)!.code,
          body: 'General Assembly',
          date: '2025-10-0' + (1 + (v % 9)),
          reference: `A/${v % 4}`,
        }),
  (wb, n) => {
    const d = pick(wb.votingDecisions, n);
    return d && removeVotingDecision(wb, d.id);
  },
  (wb, n, v) => {
    const p = pick(wb.participations, n);
    return (
      p &&
      setOpeningBalance(wb, {
        member: p.member,
        budget: p.budget,
        year: '2020',
        assessed: String(500 + v),
        unpaid: String(v % 500),
      })
    );
  },
  (wb, n) => createScenario(wb, { name: NAMES[n % NAMES.length] }),
  (wb, n, v) => {
    const s = pick(wb.scenarios, n);
    return (
      s &&
      setScenarioOverride(wb, s.id, {
        kind: 'level',
        budget: 'conf',
        year: 2026,
        method: 'total',
        amount: String(90000 + (v % 3) * 1000),
      })
    );
  },
];

const opArb = fc.tuple(fc.nat(OPS.length - 1), fc.nat(20), fc.nat(1000));
const editsArb = fc.array(opArb, { maxLength: 6 });

function apply(wb: Workbook, ops: readonly [number, number, number][]): Workbook {
  for (const [op, n, v] of ops) {
    const o = OPS[op](wb, n, v);
    // removeMember leaves the member's voting decisions and opening balances behind (an invalid workbook): skipped.
    if (!o?.ok || validateWorkbook(o.workbook).length > 0) continue;
    wb = o.workbook;
  }
  return wb;
}

const caseArb = fc.record({ base: editsArb, ours: editsArb, theirs: editsArb });
const build = (c: {
  base: [number, number, number][];
  ours: [number, number, number][];
  theirs: [number, number, number][];
}) => {
  const base = apply(start(), c.base);
  return { base, ours: apply(base, c.ours), theirs: apply(base, c.theirs) };
};

/** The workbook with every keyed list in key order: equal records in any order compare equal. */
function normalize(wb: Workbook): unknown {
  const sortList = (list: unknown[], spec: ListSpec): unknown[] =>
    [...keyed(list, spec).entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => (spec.fields ? fields(r as Record<string, unknown>, spec.fields) : r));
  const fields = (r: Record<string, unknown>, specs: Fields) => {
    const out = { ...r };
    for (const [k, s] of Object.entries(specs)) {
      const v = out[k];
      if (isListSpec(s) && Array.isArray(v)) out[k] = sortList(v, s);
      else if (!isListSpec(s) && typeof v === 'object' && v !== null && !Array.isArray(v))
        out[k] = fields(v as Record<string, unknown>, s.fields);
    }
    return out;
  };
  return JSON.parse(canonical(fields(wb as unknown as Record<string, unknown>, LISTS as Fields)));
}

const workbookOf = (r: MergeResult) => (r.kind === 'conflicts' ? undefined : r.workbook);
const swap = (c: Conflict): Conflict => ({ path: c.path, base: c.base, ours: c.theirs, theirs: c.ours });
const byPath = (cs: Conflict[]) =>
  [...cs].sort((a, b) => (a.path < b.path ? -1 : 1)).map((c) => JSON.parse(canonical(c)));
const RUNS = { numRuns: 150 };

describe('merge properties (issue 16)', () => {
  it('merging a change with no change gives the change: merge(base, x, base) = x', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, ours } = build(c);
        const r = mergeWorkbooks(base, ours, base);
        expect(r.kind).toBe('merged');
        expect(workbookOf(r)).toEqual(ours);
      }),
      RUNS,
    );
  });

  it('merge(base, base, x) = x, record for record', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, theirs } = build(c);
        const r = mergeWorkbooks(base, base, theirs);
        expect(r.kind).toBe('merged');
        expect(normalize(workbookOf(r)!)).toEqual(normalize(theirs));
      }),
      RUNS,
    );
  });

  it('is symmetric: swapping ours and theirs gives the same workbook, or the same conflicts with the sides swapped', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, ours, theirs } = build(c);
        const a = mergeWorkbooks(base, ours, theirs);
        const b = mergeWorkbooks(base, theirs, ours);
        expect(b.kind).toBe(a.kind);
        if (a.kind === 'conflicts' && b.kind === 'conflicts')
          expect(byPath(b.conflicts)).toEqual(byPath(a.conflicts.map(swap)));
        else expect(normalize(workbookOf(b)!)).toEqual(normalize(workbookOf(a)!));
        if (a.kind === 'invalid' && b.kind === 'invalid')
          expect(b.problems.map((p) => p.message).sort()).toEqual(a.problems.map((p) => p.message).sort());
      }),
      RUNS,
    );
  });

  it('loses no record: each one in ours or theirs that the other side did not remove is in the result, whatever is chosen', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.constantFrom<Side>('ours', 'theirs'), { minLength: 8, maxLength: 8 }),
        (c, picks) => {
          const { base, ours, theirs } = build(c);
          let r = mergeWorkbooks(base, ours, theirs);
          if (r.kind === 'conflicts') {
            const choices = Object.fromEntries(r.conflicts.map((x, i) => [x.path, picks[i % picks.length]]));
            r = resolve(r, choices);
            expect(r.kind).not.toBe('conflicts');
          }
          const result = workbookOf(r)!;
          for (const [list, spec] of Object.entries(LISTS) as [keyof Workbook, ListSpec][]) {
            const keys = (w: Workbook) => keyed((w[list] as unknown[] | undefined) ?? [], spec);
            const [b, o, t, out] = [keys(base), keys(ours), keys(theirs), keys(result)];
            const renamed = new Map(r.renamed.filter((x) => x.list === list).map((x) => [`${x.side}:${x.from}`, x.to]));
            const check = (side: Side, mine: Map<string, unknown>, other: Map<string, unknown>) => {
              for (const k of mine.keys()) {
                if (b.has(k) && !other.has(k)) continue; // removed by the other side
                const at = renamed.get(`${side}:${k}`) ?? k;
                expect(out.has(at), `${list}[${k}] from ${side}`).toBe(true);
              }
            };
            check('ours', o, t);
            check('theirs', t, o);
          }
        },
      ),
      RUNS,
    );
  });

  it('two sides recording payments at once keep every payment, amounts and all', () => {
    fc.assert(
      fc.property(
        editsArb,
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 5 }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 5 }),
        (edits, mine, yours) => {
          const base = apply(start(), edits);
          const record = (amounts: number[]) =>
            apply(
              base,
              amounts.map((v, i) => [0, i, v] as [number, number, number]),
            );
          const [ours, theirs] = [record(mine), record(yours)];
          const r = mergeWorkbooks(base, ours, theirs);
          expect(r.kind).toBe('merged');
          const wb = workbookOf(r)!;
          const content = (w: Workbook) => w.payments.map(({ id: _id, ...p }) => canonical(p));
          const added = (w: Workbook) => content(w).slice(base.payments.length);
          // Every payment of either side, each once (an identical one both recorded counts once).
          const expected = [...new Set([...content(base), ...added(ours), ...added(theirs)])].sort();
          expect([...new Set(content(wb))].sort()).toEqual(expected);
          expect(new Set(wb.payments.map((p) => p.id)).size).toBe(wb.payments.length);
        },
      ),
      RUNS,
    );
  });
});
