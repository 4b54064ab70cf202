import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../shared/edit';
import {
  addMember,
  editPayment,
  recordPayment,
  removeMember,
  removePayment,
  renameMember,
  setBudgetYear,
  setScenarioOverride,
  createScenario,
  recordAdvanceMovement,
  addAdvanceAgreement,
} from '../../shared/edit';
import { freeId, mergeWorkbooks, resolve } from '../../shared/merge/merge';
import type { Workbook } from '../../shared/model/types';
import { e1Workbook } from './helpers';

// Issue 16: three-way merge of a workbook two budget officers changed at once.

const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};
const pay = (wb: Workbook, member: string, amount: string, date = '2026-02-01') =>
  ok(recordPayment(wb, { member, date, amount }));

/** E1 with two payments recorded: pay-0001 (P) and pay-0002 (Q). */
function base(): Workbook {
  return pay(pay(e1Workbook(), 'P', '1000'), 'Q', '2000');
}

const merged = (r: ReturnType<typeof mergeWorkbooks>): Workbook => {
  if (r.kind !== 'merged')
    throw new Error(
      `expected a merge, got ${r.kind}: ${JSON.stringify(r.kind === 'conflicts' ? r.conflicts : r.problems)}`,
    );
  return r.workbook;
};

describe('three-way merge of workbooks', () => {
  it('keeps both sides’ payments when both numbered theirs pay-0003', () => {
    const b = base();
    const ours = pay(b, 'R', '300');
    const theirs = pay(b, 'S', '400', '2026-03-01');
    expect(ours.payments[2].id).toBe('pay-0003');
    expect(theirs.payments[2].id).toBe('pay-0003');
    const r = mergeWorkbooks(b, ours, theirs);
    const wb = merged(r);
    expect(wb.payments.map((p) => `${p.id} ${p.member} ${p.amount}`).sort()).toEqual([
      'pay-0001 P 1000',
      'pay-0002 Q 2000',
      'pay-0003 R 300',
      'pay-0004 S 400',
    ]);
    expect(r.kind === 'merged' && r.renamed).toEqual([
      { list: 'payments', side: 'theirs', from: 'pay-0003', to: 'pay-0004' },
    ]);
    // The same pair from the other side gives the same ids: the id goes with the record, not with the side.
    const swapped = merged(mergeWorkbooks(b, theirs, ours));
    expect(swapped.payments.map((p) => `${p.id} ${p.member}`).sort()).toEqual(
      wb.payments.map((p) => `${p.id} ${p.member}`).sort(),
    );
  });

  it('reports an amount changed differently on both sides as a conflict, and resolve takes the side chosen', () => {
    const b = base();
    const ours = ok(editPayment(b, 'pay-0001', 'amount', '1100'));
    const theirs = ok(editPayment(b, 'pay-0001', 'amount', '1200'));
    const r = mergeWorkbooks(b, ours, theirs);
    expect(r.kind).toBe('conflicts');
    if (r.kind !== 'conflicts') return;
    expect(r.conflicts).toEqual([{ path: 'payments[pay-0001].amount', base: '1000', ours: '1100', theirs: '1200' }]);
    expect(resolve(r, {}).kind).toBe('conflicts');
    expect(merged(resolve(r, { 'payments[pay-0001].amount': 'theirs' })).payments[0].amount).toBe('1200');
    expect(merged(resolve(r, { 'payments[pay-0001].amount': 'ours' })).payments[0].amount).toBe('1100');
  });

  it('takes changes to different fields of one payment from both sides', () => {
    const b = base();
    const ours = ok(editPayment(b, 'pay-0001', 'amount', '1100'));
    const theirs = ok(editPayment(b, 'pay-0001', 'reference', 'bank 77'));
    const r = mergeWorkbooks(b, ours, theirs);
    expect(merged(r).payments[0]).toMatchObject({ id: 'pay-0001', amount: '1100', reference: 'bank 77' });
    expect(r.taken).toEqual(
      expect.arrayContaining([
        { path: 'payments[pay-0001].amount', from: 'ours', what: 'changed' },
        { path: 'payments[pay-0001].reference', from: 'theirs', what: 'added' },
      ]),
    );
  });

  it('takes a removal when the other side left the record alone; removal against a change is a conflict', () => {
    const b = base();
    const removed = ok(removePayment(b, 'pay-0002'));
    expect(merged(mergeWorkbooks(b, removed, b)).payments.map((p) => p.id)).toEqual(['pay-0001']);
    expect(merged(mergeWorkbooks(b, b, removed)).payments.map((p) => p.id)).toEqual(['pay-0001']);
    const changed = ok(editPayment(b, 'pay-0002', 'amount', '2500'));
    const r = mergeWorkbooks(b, removed, changed);
    expect(r.kind === 'conflicts' && r.conflicts).toEqual([
      { path: 'payments[pay-0002]', base: b.payments[1], ours: undefined, theirs: changed.payments[1] },
    ]);
    if (r.kind !== 'conflicts') return;
    expect(merged(resolve(r, { 'payments[pay-0002]': 'ours' })).payments).toHaveLength(1);
    expect(merged(resolve(r, { 'payments[pay-0002]': 'theirs' })).payments[1].amount).toBe('2500');
  });

  it('keeps members both sides added, and a member both added under one code with two names is a conflict', () => {
    const b = e1Workbook();
    const ours = ok(addMember(b, { code: 'T', name: 'State T', budget: 'conference', year: 2026, value: 'C' }));
    const theirs = ok(addMember(b, { code: 'U', name: 'State U', budget: 'conference', year: 2026, value: 'B' }));
    const wb = merged(mergeWorkbooks(b, ours, theirs));
    expect(wb.members.map((m) => m.code)).toEqual(['P', 'Q', 'R', 'S', 'T', 'U']);
    expect(wb.participations.map((p) => p.member)).toEqual(['P', 'Q', 'R', 'S', 'T', 'U']);
    const theirsT = ok(addMember(b, { code: 'T', name: 'Tuvalu', budget: 'conference', year: 2026, value: 'C' }));
    const r = mergeWorkbooks(b, ours, theirsT);
    expect(r.kind === 'conflicts' && r.conflicts).toEqual([
      { path: 'members[T].name', base: undefined, ours: 'State T', theirs: 'Tuvalu' },
    ]);
  });

  it('takes the same addition made on both sides once', () => {
    const b = base();
    const both = pay(b, 'R', '300');
    const r = mergeWorkbooks(b, both, both);
    expect(merged(r).payments).toHaveLength(3);
    expect(r.renamed).toEqual([]);
  });

  it('merges budget years by year and keeps them in order', () => {
    const b = e1Workbook();
    const ours = ok(setBudgetYear(b, { budget: 'conference', year: 2026, amount: '1200000.00' }));
    const theirs = ok(
      setBudgetYear(ok(setBudgetYear(b, { budget: 'conference', year: 2027, method: 'total', amount: '1300000.00' })), {
        budget: 'conference',
        year: 2025,
        method: 'total',
        amount: '900000.00',
      }),
    );
    const years = merged(mergeWorkbooks(b, ours, theirs)).budgets[0].years;
    expect(years.map((y) => `${y.year} ${y.amount}`)).toEqual(['2025 900000.00', '2026 1200000.00', '2027 1300000.00']);
  });

  it('merges settings and the organization field by field', () => {
    const b = e1Workbook();
    const ours: Workbook = { ...b, settings: { ...b.settings, creditingOrder: 'oldest-first' } };
    const theirs: Workbook = {
      ...b,
      settings: { ...b.settings, newMemberRule: 'months' },
      organization: { name: 'Renamed' },
    };
    const wb = merged(mergeWorkbooks(b, ours, theirs));
    expect(wb.settings).toEqual({ newMemberRule: 'months', creditingOrder: 'oldest-first' });
    expect(wb.organization.name).toBe('Renamed');
    const r = mergeWorkbooks(b, ours, {
      ...b,
      settings: { ...b.settings, creditingOrder: 'wcf-then-oldest', votingTest: 'combined' },
    });
    expect(merged(r).settings.votingTest).toBe('combined');
  });

  it('validates the result: a payment recorded for a member the other side removed is refused, not merged', () => {
    const b = e1Workbook();
    const ours = ok(removeMember(b, 'S'));
    const theirs = pay(b, 'S', '50');
    const r = mergeWorkbooks(b, ours, theirs);
    expect(r.kind).toBe('invalid');
    if (r.kind !== 'invalid') return;
    expect(r.problems.some((p) => p.path === 'payments[0].member' && /no member S/.test(p.message))).toBe(true);
  });

  it('merges a renamed member with a payment recorded for it', () => {
    const b = e1Workbook();
    const wb = merged(mergeWorkbooks(b, ok(renameMember(b, 'P', 'Pays P')), pay(b, 'P', '5')));
    expect(wb.members[0].name).toBe('Pays P');
    expect(wb.payments).toHaveLength(1);
  });

  it('merges scenario overrides by what they are about, and advance movements by their content', () => {
    let b = ok(createScenario(e1Workbook(), { name: 'Austerity' }));
    b = ok(addAdvanceAgreement(b, { hostState: 'P', ceiling: '1000000.00', currency: 'CHF' }));
    const id = b.advanceAgreements[0].id;
    const ours = ok(
      recordAdvanceMovement(
        ok(
          setScenarioOverride(b, 'austerity', {
            kind: 'level',
            budget: 'conference',
            year: 2026,
            method: 'total',
            amount: '900000.00',
          }),
        ),
        { agreement: id, date: '2026-01-10', kind: 'drawn', amount: '1000' },
      ),
    );
    const theirs = ok(
      recordAdvanceMovement(
        ok(setScenarioOverride(b, 'austerity', { kind: 'units', scheme: 'wipo-convention', class: 'A', units: '12' })),
        { agreement: id, date: '2026-02-10', kind: 'drawn', amount: '2000' },
      ),
    );
    const wb = merged(mergeWorkbooks(b, ours, theirs));
    expect(wb.scenarios[0].overrides.map((o) => o.kind)).toEqual(['level', 'units']);
    expect(wb.advanceAgreements[0].movements.map((m) => m.amount)).toEqual(['1000', '2000']);
    const other = ok(
      setScenarioOverride(b, 'austerity', {
        kind: 'level',
        budget: 'conference',
        year: 2026,
        method: 'total',
        amount: '800000.00',
      }),
    );
    const r = mergeWorkbooks(b, ours, other);
    expect(r.kind === 'conflicts' && r.conflicts.map((c) => c.path)).toEqual([
      'scenarios[austerity].overrides[level|conference|2026].amount',
    ]);
  });

  it('R21–R23: base scale rates, a year scale’s fixed rates and biennia merge record by record', () => {
    const b: Workbook = {
      ...e1Workbook(),
      baseScales: [{ id: 'un', name: 'UN scale', rates: [{ code: 'P', rate: '10' }] }],
    };
    b.budgets = [
      {
        ...b.budgets[0],
        years: [
          { ...b.budgets[0].years[0], scale: { baseScale: 'un', decimals: 3, rounding: 'half-up', fixedRates: [] } },
        ],
      },
    ];
    const withRate = (wb: Workbook, member: string, rate: string): Workbook => ({
      ...wb,
      budgets: [
        {
          ...wb.budgets[0],
          years: [
            { ...wb.budgets[0].years[0], scale: { ...wb.budgets[0].years[0].scale!, fixedRates: [{ member, rate }] } },
          ],
          biennia: [{ years: member === 'Q' ? [2026, 2027] : [2028, 2029], amount: '1000' }],
        },
      ],
      baseScales: [{ ...wb.baseScales![0], rates: [...wb.baseScales![0].rates, { code: member, rate }] }],
    });
    const r = mergeWorkbooks(b, withRate(b, 'Q', '0.5'), withRate(b, 'R', '0.25'));
    expect(r.kind).not.toBe('conflicts');
    if (r.kind === 'conflicts') return;
    expect(r.workbook.budgets[0].years[0].scale!.fixedRates).toEqual([
      { member: 'Q', rate: '0.5' },
      { member: 'R', rate: '0.25' },
    ]);
    expect(r.workbook.budgets[0].biennia!.map((x) => x.years[0])).toEqual([2026, 2028]);
    expect(r.workbook.baseScales![0].rates.map((x) => x.code)).toEqual(['P', 'Q', 'R']);
    const c = mergeWorkbooks(b, withRate(b, 'Q', '0.5'), withRate(b, 'Q', '0.75'));
    expect(c.kind === 'conflicts' && c.conflicts.map((x) => x.path).sort()).toEqual([
      'baseScales[un].rates[Q].rate',
      'budgets[conference].years[2026].scale.fixedRates[Q].rate',
    ]);
  });

  it('freeId continues a series after its highest number', () => {
    expect(freeId('pay-0003', new Set(['pay-0003', 'pay-0009']))).toBe('pay-0010');
    expect(freeId('cc-2', new Set(['cc-1', 'cc-2']))).toBe('cc-3');
    expect(freeId('austerity', new Set(['austerity']))).toBe('austerity-2');
    expect(freeId('wcf-conf-0001', new Set(['wcf-conf-0001', 'wcf-paris-0007']))).toBe('wcf-conf-0002');
  });
});
