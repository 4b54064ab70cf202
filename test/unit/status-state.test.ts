// shared/engine/status-state.ts (moved from the renderer, issue 13): after a payment only the members it touches
// are recomputed, and the report equals a full recompute (R15–R18).
import { describe, expect, it } from 'vitest';
import { recordPayment, type Done } from '../../shared/edit';
import { Ledger, VotingStatusBook } from '../../shared/engine';
import { LedgerState, touchedMembers } from '../../shared/engine/status-state';
import { rowStatusLines } from '../../shared/export/ledger-export';
import { example } from './edit-helpers';

const DATE = '2026-06-30';

describe('LedgerState (shared/engine/status-state.ts)', () => {
  const wb = example();
  const late = new VotingStatusBook(wb)
    .organizationReport(DATE)
    .rows.find((r) => r.status !== 'ok' && r.budgets?.length);
  it('has a member in arrears to pay for', () => expect(late).toBeDefined());

  it('recomputes only the member a payment touches, with the same report as a full recompute', () => {
    const budget = late!.budgets![0].budget;
    const s = new VotingStatusBook(wb).budgetStatus(late!.code, new Ledger(wb).budget(budget), DATE);
    const after = (
      recordPayment(wb, {
        member: late!.code,
        date: '2026-06-01',
        amount: s.minimumPayment,
        budget,
        purpose: 'contribution',
      }) as Done
    ).workbook;
    expect([...touchedMembers(wb, after)]).toEqual([late!.code]);

    const state = new LedgerState(rowStatusLines);
    const before = state.status(wb, DATE);
    expect(before.recomputed).toBe(wb.members.length);
    const v = state.status(after, DATE);
    expect(v.recomputed).toBe(1);
    const full = new LedgerState(rowStatusLines).status(after, DATE);
    expect(v.report).toEqual(full.report);
    expect(v.lines).toEqual(full.lines);
    // An unchanged member keeps its line objects (the grid skips them).
    const other = before.lines.find((l) => l.code !== late!.code)!;
    expect(v.lines).toContain(other);
  });

  it('gives no lines unless told how to make them (the CLI needs only the report)', () => {
    const v = new LedgerState().status(wb, DATE);
    expect(v.lines).toEqual([]);
    expect(v.report.rows.length).toBeGreaterThan(0);
  });
});
