import { describe, expect, it } from 'vitest';
import { checkComputable } from '../../shared/engine/check';
import { parseWorkbook, pathSegments, readCheckedWorkbook, validateWorkbook } from '../../shared/model/validate';
import { BACKGROUND_FROM } from '../../renderer/src/limits';
import { readWorkbook } from '../../renderer/src/open/readWorkbook';
import { e1Workbook } from './helpers';

const messages = (doc: unknown) => validateWorkbook(doc).map((p) => `${p.path}: ${p.message}`);

describe('workbook validation', () => {
  it('accepts a good workbook', () => {
    expect(validateWorkbook(e1Workbook())).toEqual([]);
    expect(checkComputable(e1Workbook())).toEqual([]);
  });

  it('R3: money written as a JSON number is refused, so no cent is lost', () => {
    const wb = e1Workbook() as unknown as { budgets: { years: { amount: unknown }[] }[] };
    wb.budgets[0].years[0].amount = 1000000.1;
    expect(messages(wb)).toEqual([
      'budgets[0].years[0].amount: Budget conference, 2026: the total must be written as a decimal string such as "1000000.1" (in quotes), so no cent is lost',
    ]);
  });

  it('a total that is not a whole number of rounding units is refused (R5 could not sum to it)', () => {
    const wb = e1Workbook();
    wb.budgets[0].years[0].amount = '1000000.005';
    expect(messages(wb)[0]).toMatch(/not a whole number of the rounding unit 0\.01/);
  });

  it('cross references: unknown scheme, class, member, budget, linked union', () => {
    const wb = e1Workbook();
    wb.budgets[0].schemeId = 'nope';
    wb.budgets[0].classesFrom = 'elsewhere';
    wb.participations[0].member = 'XX';
    wb.classChanges.push({ id: 'c', member: 'Q', budget: 'conference', toClass: 'Q', notifiedOn: '2025-13-01' });
    const m = messages(wb);
    expect(m).toContain(
      'budgets[0].schemeId: Budget conference uses scheme "nope", which the workbook does not define',
    );
    expect(m).toContain(
      'budgets[0].classesFrom: Budget conference takes its classes from "elsewhere", which is not a budget of this workbook',
    );
    expect(m).toContain('participations[0].member: XX in conference: there is no member XX');
    expect(m).toContain(
      'classChanges[0].notifiedOn: Class change c (Q in conference): the date of the notice must be a date written YYYY-MM-DD (got "2025-13-01")',
    );
  });

  it('R13: a session before the notice is refused', () => {
    const wb = e1Workbook();
    wb.classChanges.push({
      id: 'c',
      member: 'Q',
      budget: 'conference',
      toClass: 'C',
      notifiedOn: '2025-10-02',
      sessionDate: '2025-10-01',
    });
    expect(messages(wb)).toEqual([
      'classChanges[0].sessionDate: Class change c (Q in conference): the session (2025-10-01) is before the notice (2025-10-02)',
    ]);
  });

  it('a newer format version and a damaged file load nothing', () => {
    const wb = { ...e1Workbook(), version: 3 };
    const newer = parseWorkbook(JSON.stringify(wb));
    expect(newer.workbook).toBeUndefined();
    expect(newer.problems[0].message).toMatch(/newer version .* Nothing was changed/);
    const damaged = parseWorkbook(
      '{\n  "format": "contribution-calculator-workbook",\n  "version": 1,\n  "members": [\n',
    );
    expect(damaged.workbook).toBeUndefined();
    expect(damaged.lines[0]).toBeGreaterThanOrEqual(4);
    expect(parseWorkbook('{"format":"something-else"}').problems[0].message).toMatch(
      /not a Contribution Calculator workbook/,
    );
  });

  it('problems carry the line of the offending value', () => {
    const wb = e1Workbook();
    wb.members[2].code = 'P';
    const text = JSON.stringify(wb, null, 2);
    const res = parseWorkbook(text);
    expect(res.problems[0].path).toBe('members[2].code');
    expect(text.split('\n')[res.lines[0]! - 1]).toMatch(/"code": "P"/);
    expect(pathSegments('budgets[2].years[0].amount')).toEqual(['budgets', 2, 'years', 0, 'amount']);
  });

  it('a member with no class for an assessed year is found by checkComputable', () => {
    const wb = e1Workbook();
    wb.participations[1].classes = [{ year: 2030, class: 'B' }];
    expect(checkComputable(wb)).toEqual([
      expect.objectContaining({
        path: 'budgets[0]',
        message: 'conference, 2026: Q holds no class in conference for 2026',
      }),
    ]);
  });
});

describe('reading a workbook checked elsewhere (the app checks large files in a worker)', () => {
  it('readCheckedWorkbook gives what parseWorkbook gives, defaults included', () => {
    const wb = e1Workbook() as unknown as Record<string, unknown>;
    delete wb.payments;
    const text = JSON.stringify(wb);
    const parsed = parseWorkbook(text);
    expect(parsed.workbook).toBeDefined();
    expect(readCheckedWorkbook(text)).toEqual(parsed.workbook);
    expect(readCheckedWorkbook(text).payments).toEqual([]);
  });

  it('readWorkbook falls back to checking in place where no worker can start, with the same verdict and lines', async () => {
    expect(typeof (globalThis as { Worker?: unknown }).Worker).toBe('undefined');
    const wb = e1Workbook() as unknown as { members: { name: string }[] };
    wb.members[0].name = 'x'.repeat(BACKGROUND_FROM); // large enough to go to the worker in the app
    const text = JSON.stringify(wb, null, 2).replace('"half-up"', '"half-sideways"');
    const r = await readWorkbook(text);
    // The app's verdict also carries the workbook's warnings (none here: it does not open).
    const { warnings, ...verdict } = r as typeof r & { warnings?: unknown[] };
    expect(warnings ?? []).toEqual([]);
    expect(verdict).toEqual(parseWorkbook(text));
    expect(r.workbook).toBeUndefined();
    expect(r.problems[0].message).toMatch(/half-sideways|rounding/);
    expect(r.lines[0]).toBeGreaterThan(1);
  });
});
