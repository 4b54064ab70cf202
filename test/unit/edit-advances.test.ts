import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addAdvanceAgreement,
  editAdvanceAgreement,
  recordAdvanceMovement,
  removeAdvanceAgreement,
  removeAdvanceMovement,
  type AdvanceAgreementArgs,
} from '../../shared/edit';
import { advancesReport } from '../../shared/engine';
import { intlFor, sayWith } from '../../shared/i18n/intl';
import { Decimal } from '../../shared/model/decimal';
import type { AdvanceAgreement, Workbook } from '../../shared/model/types';
import { example, ok, refusedAt, roundTrips } from './edit-helpers';

// R20 corrections of host-state advance agreements (issue 14 item 6): edited in place and removed, each one undoable
// step; refused, naming the advance, where the recorded advances would no longer fit the agreement.

const HQ = 'hq-advances-2012';
const termsOf = (a: AdvanceAgreement): AdvanceAgreementArgs => ({
  hostState: a.hostState,
  ceiling: a.ceiling,
  currency: a.currency,
  conditions: a.conditions ?? '',
  signedOn: a.signedOn ?? '',
});
const hq = (wb: Workbook) => wb.advanceAgreements.find((a) => a.id === HQ)!;

describe('R20 editAdvanceAgreement', () => {
  it('corrects every term in place, keeps the advances and the denunciation, and undoes exactly', () => {
    const wb = example();
    const d = roundTrips(
      wb,
      editAdvanceAgreement(wb, HQ, {
        hostState: 'FR',
        ceiling: '12000000',
        currency: 'eur',
        conditions: '  Interest at 1%  ',
        signedOn: '2012-07-01',
      }),
    );
    const after = hq(d.workbook);
    expect(after).toEqual({
      ...hq(wb),
      hostState: 'FR',
      ceiling: '12000000',
      currency: 'EUR',
      conditions: 'Interest at 1%',
      signedOn: '2012-07-01',
    });
    expect(d.workbook.advanceAgreements).toHaveLength(wb.advanceAgreements.length);
    expect(d.label).toBe(`Correct advance agreement ${HQ}`);
    // Empty conditions and date of signature: the agreement no longer has them.
    const cleared = hq(
      ok(editAdvanceAgreement(wb, HQ, { ...termsOf(hq(wb)), conditions: ' ', signedOn: '' })).workbook,
    );
    expect('conditions' in cleared || 'signedOn' in cleared).toBe(false);
    // =+ adjusts the ceiling exactly, as in the other amount fields.
    expect(hq(ok(editAdvanceAgreement(wb, HQ, { ...termsOf(hq(wb)), ceiling: '=+0.50' })).workbook).ceiling).toBe(
      '10000000.5',
    );
  });

  it('refuses a ceiling below what an advance left outstanding, naming that advance', () => {
    const wb = example();
    const o = editAdvanceAgreement(wb, HQ, { ...termsOf(hq(wb)), ceiling: '3999999.99' });
    expect(refusedAt(o, 'ceiling')).toBe(
      `the ceiling of ${HQ} cannot be 3999999.99: after the advance of 4000000 drawn on 2023-02-15, 4000000 is outstanding`,
    );
    // Exactly the largest balance is allowed.
    expect(hq(ok(editAdvanceAgreement(wb, HQ, { ...termsOf(hq(wb)), ceiling: '4000000' })).workbook).ceiling).toBe(
      '4000000',
    );
  });

  it('refuses a date of signature after an advance, naming it, and one after the denunciation', () => {
    const wb = example();
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...termsOf(hq(wb)), signedOn: '2024-01-01' }), 'signedOn')).toBe(
      `${HQ} cannot have been signed on 2024-01-01: an advance of 4000000 was drawn on 2023-02-15, before that date`,
    );
    const noMoves = [3, 2, 1, 0].reduce((w, i) => ok(removeAdvanceMovement(w, HQ, i)).workbook, wb);
    expect(hq(noMoves).movements).toEqual([]);
    expect(
      refusedAt(editAdvanceAgreement(noMoves, HQ, { ...termsOf(hq(noMoves)), signedOn: '2026-06-01' }), 'signedOn'),
    ).toContain('before it was signed');
    // The earliest advance before the date is named, whatever the order they were recorded in.
    const late = ok(
      recordAdvanceMovement(noMoves, { agreement: HQ, date: '2020-05-01', kind: 'drawn', amount: '7' }),
    ).workbook;
    const both = ok(
      recordAdvanceMovement(late, { agreement: HQ, date: '2019-05-01', kind: 'drawn', amount: '8' }),
    ).workbook;
    expect(
      refusedAt(editAdvanceAgreement(both, HQ, { ...termsOf(hq(both)), signedOn: '2021-01-01' }), 'signedOn'),
    ).toContain('an advance of 8 was drawn on 2019-05-01');
  });

  it('refuses bad fields, an unknown agreement and a correction that changes nothing', () => {
    const wb = example();
    const t = termsOf(hq(wb));
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...t, hostState: 'QQ' }), 'hostState')).toContain('QQ');
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...t, ceiling: '-5' }), 'ceiling')).toBeTruthy();
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...t, ceiling: '0' }), 'ceiling')).toBeTruthy();
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...t, currency: 'francs' }), 'currency')).toContain('francs');
    expect(refusedAt(editAdvanceAgreement(wb, HQ, { ...t, signedOn: '2012-13-01' }), 'signedOn')).toContain(
      '2012-13-01',
    );
    expect(refusedAt(editAdvanceAgreement(wb, 'nope', t), 'agreement')).toContain('nope');
    expect(refusedAt(editAdvanceAgreement(wb, HQ, t), 'agreement')).toBe(`nothing in ${HQ} was changed`);
  });

  it('R20 property: a new ceiling is accepted exactly when it is at least the largest balance ever outstanding', () => {
    const moves = fc.array(
      fc.record({
        day: fc.integer({ min: 1, max: 300 }),
        drawn: fc.boolean(),
        cents: fc.integer({ min: 1, max: 9999 }),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(moves, fc.integer({ min: 1, max: 40000 }), (ms, ceilingCents) => {
        let wb = example();
        wb = ok(addAdvanceAgreement(wb, { hostState: 'CH', ceiling: '1000', currency: 'CHF' })).workbook;
        const id = wb.advanceAgreements.at(-1)!.id;
        let balance = 0;
        let peak = 0;
        // Movements in date order; a repayment that would go below zero is recorded as a drawing instead.
        for (const m of [...ms].sort((a, b) => a.day - b.day)) {
          const drawn = m.drawn || balance < m.cents;
          const date = new Date(Date.UTC(2026, 0, m.day)).toISOString().slice(0, 10);
          const amount = (m.cents / 100).toFixed(2);
          wb = ok(
            recordAdvanceMovement(wb, { agreement: id, date, kind: drawn ? 'drawn' : 'repaid', amount }),
          ).workbook;
          balance += drawn ? m.cents : -m.cents;
          peak = Math.max(peak, balance);
        }
        const ag = wb.advanceAgreements.at(-1)!;
        const o = editAdvanceAgreement(wb, id, { ...termsOf(ag), ceiling: (ceilingCents / 100).toFixed(2) });
        if (ceilingCents === 100000) return expect(o.ok).toBe(false); // unchanged
        expect(o.ok).toBe(ceilingCents >= peak);
        if (o.ok)
          expect(
            new Decimal(advancesReport(o.workbook, '2027-01-01').rows.at(-1)!.outstanding).times(100).toNumber(),
          ).toBe(balance);
        else expect(o.problems[0].path).toBe('ceiling');
      }),
      { numRuns: 150 },
    );
  });
});

describe('R20 removeAdvanceAgreement', () => {
  it('removes an agreement with no advances, as one undoable step', () => {
    const wb = example();
    const a = ok(addAdvanceAgreement(wb, { hostState: 'CH', ceiling: '500', currency: 'CHF' })).workbook;
    const id = a.advanceAgreements.at(-1)!.id;
    const d = roundTrips(a, removeAdvanceAgreement(a, id));
    expect(d.workbook.advanceAgreements).toEqual(wb.advanceAgreements);
    expect(d.label).toBe(`Remove advance agreement ${id} with CH`);
    expect(refusedAt(removeAdvanceAgreement(wb, 'nope'), 'agreement')).toContain('nope');
  });

  it('is refused while advances are recorded under it, naming each one in date order', () => {
    const wb = example();
    const o = removeAdvanceAgreement(wb, HQ);
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.problems.map((p) => [p.path, p.message])).toEqual([
      ['agreement', `${HQ} cannot be removed: 4 advances are recorded under it; remove them first`],
      ['movements[0]', 'drawn on 2023-02-15: 4000000 (advance 2023/1)'],
      ['movements[1]', 'repaid on 2023-11-30: 4000000 (advance 2023/1)'],
      ['movements[2]', 'drawn on 2025-03-03: 2500000 (advance 2025/1)'],
      ['movements[3]', 'repaid on 2025-12-01: 1000000 (advance 2025/1)'],
    ]);
    // Said in the user's language, amounts written as the user reads them.
    const fr = intlFor('fr');
    const amount = (plain: string) => plain.replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
    expect(sayWith(o.problems[1].msg!, (id, v) => fr.formatMessage({ id }, v), amount)).toBe(
      'tirage le 2023-02-15 : 4\u202f000\u202f000 (advance 2023/1)',
    );
    // With one advance left the message says so in the singular; with none the agreement goes.
    const one = [3, 2, 1].reduce((w, i) => ok(removeAdvanceMovement(w, HQ, i)).workbook, wb);
    const left = removeAdvanceAgreement(one, HQ);
    expect(refusedAt(left, 'agreement')).toBe(
      `${HQ} cannot be removed: 1 advance is recorded under it; remove it first`,
    );
    const none = ok(removeAdvanceMovement(one, HQ, 0)).workbook;
    expect(roundTrips(none, removeAdvanceAgreement(none, HQ)).workbook.advanceAgreements).toEqual([]);
  });
});
