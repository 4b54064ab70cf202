import { describe, expect, it } from 'vitest';
import { setCreditingOrder, setOrganizationName } from '../../shared/edit';
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
    expect(d.label).toContain('R15');
    for (const bad of ['newest-first', 'wcf-then-oldest']) expect(setCreditingOrder(wb, bad).ok).toBe(false);
  });
});
