import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setCreditingOrder, setOrganizationName, type Done, type Outcome } from '../../shared/edit';
import { Ledger } from '../../shared/engine';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';

const example = (): Workbook => parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

function roundTrips(before: Workbook, o: Outcome): Done {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  const back = o.inverse.apply(o.workbook) as Done;
  expect(back.workbook).toEqual(before);
  expect((back.inverse.apply(back.workbook) as Done).workbook).toEqual(o.workbook);
  expect(validateWorkbook(o.workbook)).toEqual([]);
  return o;
}

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
