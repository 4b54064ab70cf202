import { describe, expect, it } from 'vitest';
import { setCreditingOrder, setOrganizationName, setVotingTest } from '../../shared/edit';
import { VotingStatusBook } from '../../shared/engine/arrears';
import { Ledger } from '../../shared/engine';
import { example, roundTrips } from './edit-helpers';

describe('the organization and the workbook settings', () => {
  it('renames the organization (every export’s title block), undoably; refuses an empty name', () => {
    const wb = example();
    const d = roundTrips(wb, setOrganizationName(wb, '  Union for the Protection of Things  '));
    expect(d.workbook.organization.name).toBe('Union for the Protection of Things');
    expect(d.workbook.organization.description).toBe(wb.organization.description);
    const r = setOrganizationName(wb, '   ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].path).toBe('organization.name');
  });

  it('R15 the crediting order, one undoable step; the ledger credits in it', () => {
    const wb = example();
    expect(wb.settings.creditingOrder).toBe('wcf-then-oldest');
    const d = roundTrips(wb, setCreditingOrder(wb, 'oldest-first'));
    expect(new Ledger(d.workbook).creditingOrder).toBe('oldest-first');
    expect(d.label).toBe('Payments credited to whatever fell due first, fund share or contribution');
    for (const bad of ['newest-first', 'wcf-then-oldest']) expect(setCreditingOrder(wb, bad).ok).toBe(false);
  });

  it('R17b the loss-of-vote test, one undoable step; combined only with one currency; the status report says which', () => {
    const wb = example();
    expect(wb.settings.votingTest).toBeUndefined();
    const d = roundTrips(wb, setVotingTest(wb, 'combined'));
    expect(d.workbook.settings.votingTest).toBe('combined');
    expect(new VotingStatusBook(d.workbook).organizationReport('2026-06-30').votingTest).toBe('combined');
    const back = setVotingTest(d.workbook, 'per-budget');
    expect(back.ok && back.workbook.settings.votingTest).toBeUndefined();
    expect(setVotingTest(wb, 'per-budget').ok).toBe(false);
    expect(setVotingTest(wb, 'by-region').ok).toBe(false);
    const twoCurrencies = { ...wb, budgets: wb.budgets.map((b, i) => (i === 0 ? { ...b, currency: 'EUR' } : b)) };
    const r = setVotingTest(twoCurrencies, 'combined');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/one currency/);
  });
});
