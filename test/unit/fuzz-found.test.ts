// Defects `npm run fuzz` found (issue 15), each pinned by a test named after its rule.
import { describe, expect, it } from 'vitest';
import { wcfReport } from '../../shared/engine/wcf';
import { checkComputable } from '../../shared/engine/check';
import { Ledger } from '../../shared/engine/ledger';
import { EngineError } from '../../shared/engine/apportion';
import { e1Workbook } from './helpers';
import { validateWorkbook } from '../../shared/model/validate';

describe('found by the fuzz targets', () => {
  it('R19: a WCF decision on a year whose contributions are all zero is a problem checkComputable reports, not an error later', () => {
    const wb = e1Workbook();
    wb.budgets[0].years[0].amount = '0.00';
    wb.wcfDecisions = [{ id: 'w0', budget: 'conference', year: 2026, amount: '100.00' }];
    // The reports throw on it (the app's WCF view, contrib wcf): validation must say so first, with the path.
    expect(() => wcfReport(new Ledger(wb), '2026-12-31')).toThrow(EngineError);
    expect(checkComputable(wb)).toEqual([
      expect.objectContaining({
        path: 'wcfDecisions[0]',
        message: expect.stringMatching(/WCF decision w0: nobody is assessed in conference for 2026/),
      }),
    ]);
  });

  it('R11/R13: a class entry with no year is named by its place, never "from undefined" (issue 15 item 10)', () => {
    const wb = e1Workbook();
    (wb.participations[1].classes as unknown[]) = [{ class: 'B', year: 2000 }, {}];
    const messages = validateWorkbook(wb).map((p) => p.message);
    expect(messages.join('\n')).not.toMatch(/undefined/);
    expect(messages).toContain('Q in conference, class entry 2: the class is missing or empty');
  });

  it('R1/R12: a scheme or a member with no id or code is named by its place, never "undefined" (issue 15 item 10)', () => {
    const wb = e1Workbook();
    (wb.schemes[0] as unknown as { id?: string }).id = undefined;
    (wb.schemes[0] as unknown as { classes: unknown[] }).classes.push({ units: 'x' });
    (wb.members[1] as unknown as { code?: string }).code = undefined;
    wb.members[1].joined = '2021-13-01';
    const messages = validateWorkbook(JSON.parse(JSON.stringify(wb))).map((p) => p.message);
    expect(messages.join('\n')).not.toMatch(/undefined/);
    expect(messages).toContain('Member 2\'s date of joining must be a date written YYYY-MM-DD (got "2021-13-01")');
    expect(messages).toContain('Class 4 of scheme 1: its code is missing or empty');
  });
});
