import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine';
import {
  addMember,
  leaveBudget,
  pasteRows,
  removeMember,
  renameMember,
  setBudgetTerms,
  setBudgetYear,
  setClass,
} from '../../shared/edit';
import { validateWorkbook } from '../../shared/model/validate';
import { Decimal, isWholeMultiple } from '../../shared/model/decimal';
import { example, ok, roundTrips } from './edit-helpers';

describe('edit commands', () => {
  it('R1/R5 setClass moves the member and every other member while the total stays exact', () => {
    const wb = example();
    const t0 = assessBudgetYear(wb, 'paris', 2026);
    const row = t0.rows.find((r) => r.class !== 'I')!;
    const d = ok(setClass(wb, { budget: 'paris', member: row.code, year: 2026, value: 'I' }));
    const t1 = assessBudgetYear(d.workbook, 'paris', 2026);
    expect(t1.total).toBe(t0.total);
    expect(t1.rows.find((r) => r.code === row.code)!.class).toBe('I');
    const moved = t1.rows.filter((r, i) => r.amount !== t0.rows[i].amount).length;
    expect(moved).toBeGreaterThan(t1.rows.length / 2);
    // The earlier year is untouched: the class holds from 1 January of the year edited.
    expect(assessBudgetYear(d.workbook, 'paris', 2025)).toEqual(assessBudgetYear(wb, 'paris', 2025));
    expect(wb).toEqual(example()); // never mutated
    roundTrips(wb, setClass(wb, { budget: 'paris', member: row.code, year: 2026, value: 'I' }));
  });

  it('R1 refuses a class the scheme does not have, with the classes it has', () => {
    const o = setClass(example(), { budget: 'paris', member: 'FR', year: 2026, value: 'Z' });
    expect(o.ok).toBe(false);
    expect(!o.ok && o.problems[0].message).toMatch(/not a class .*I, II, III/);
  });

  it('R4/R10 setBudgetYear sets the total, adoption, and is undone exactly', () => {
    const wb = example();
    roundTrips(wb, setBudgetYear(wb, { budget: 'paris', year: 2026, amount: '3310500' }));
    const d = ok(setBudgetYear(wb, { budget: 'paris', year: 2026, adopted: false }));
    const t = assessBudgetYear(d.workbook, 'paris', 2026);
    expect(t.carriedOver).toBe(true);
    expect(t.level).toBe('3240000');
    expect(setBudgetYear(wb, { budget: 'paris', year: 2026, amount: '3310000.5' }).ok).toBe(false); // rounding unit 1
    expect(setBudgetYear(wb, { budget: 'paris', year: 2026, amount: 'abc' }).ok).toBe(false);
    roundTrips(wb, setBudgetYear(wb, { budget: 'unitary', year: 2030, method: 'unit-value', amount: '45579' }));
  });

  it('R9 setBudgetTerms checks the rounding unit against the totals', () => {
    const wb = example();
    roundTrips(wb, setBudgetTerms(wb, { budget: 'conference', roundingUnit: '1' }));
    expect(setBudgetTerms(wb, { budget: 'conference', roundingUnit: '1000000' }).ok).toBe(false);
    expect(setBudgetTerms(wb, { budget: 'conference', roundingUnit: '0' }).ok).toBe(false);
  });

  it('R9 any positive rounding unit, not only powers of ten; totals and WCF amounts must stay whole numbers of it (R5)', () => {
    const wb = example();
    const totals = (w: typeof wb) =>
      w.budgets
        .find((b) => b.id === 'conference')!
        .years.filter((y) => y.method === 'total' && y.amount)
        .map((y) => y.amount!);
    // Every total a multiple of 0.05: the unit is taken, totals keep two decimals.
    const five = ok(setBudgetTerms(wb, { budget: 'conference', roundingUnit: '0.05' }));
    expect(totals(five.workbook)).toEqual(totals(wb).map((a) => new Decimal(a).toFixed(2)));
    const t = assessBudgetYear(five.workbook, 'conference', 2025);
    expect(t.rows.every((r) => isWholeMultiple(r.amount, '0.05'))).toBe(true);
    expect(t.rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)).toFixed(2)).toBe(new Decimal(t.level).toFixed(2));
    // A total that is not a whole number of the unit is refused, whether typed or already there.
    const r = setBudgetYear(five.workbook, { budget: 'conference', year: 2027, amount: '1000000.03' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0].message).toMatch(/whole number of the rounding unit 0\.05/);
    const odd = ok(setBudgetYear(wb, { budget: 'conference', year: 2027, amount: '1000000.03' }));
    expect(setBudgetTerms(odd.workbook, { budget: 'conference', roundingUnit: '0.05' }).ok).toBe(false);
    // Unit 1000: 3310500 has no decimals but is still not a whole number of thousands.
    const hundred = ok(setBudgetTerms(wb, { budget: 'paris', roundingUnit: '1' }));
    expect(setBudgetYear(hundred.workbook, { budget: 'paris', year: 2026, amount: '3310000' }).ok).toBe(true);
    const paris100 = ok(setBudgetTerms(wb, { budget: 'paris', roundingUnit: '1000' }));
    expect(setBudgetYear(paris100.workbook, { budget: 'paris', year: 2026, amount: '3310500' }).ok).toBe(false);
    expect(setBudgetTerms(wb, { budget: 'paris', roundingUnit: '10000' }).ok).toBe(false); // 3375000 is not
    // A WCF amount decided under the old unit blocks a unit it is not a whole number of.
    const wcf = {
      ...wb,
      wcfDecisions: [...wb.wcfDecisions, { id: 'wcf-x', budget: 'conference', year: 2026, amount: '1000.01' }],
    };
    const blocked = setBudgetTerms(wcf, { budget: 'conference', roundingUnit: '0.05' });
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.problems[0].message).toContain('wcf-x');
    // What the app writes, the file validation accepts.
    expect(validateWorkbook(five.workbook)).toEqual([]);
  });

  it('addMember, removeMember, renameMember and leaveBudget are undone exactly', () => {
    const wb = example();
    const add = ok(addMember(wb, { code: 'XA', name: 'Atlantis', budget: 'paris', year: 2026, value: 'VII' }));
    expect(assessBudgetYear(add.workbook, 'paris', 2026).rows.some((r) => r.code === 'XA')).toBe(true);
    expect(assessBudgetYear(add.workbook, 'paris', 2025).rows.some((r) => r.code === 'XA')).toBe(false);
    roundTrips(wb, addMember(wb, { code: 'XA', name: 'Atlantis', budget: 'paris', year: 2026, value: 'VII' }));
    expect(addMember(wb, { code: 'FR', name: 'France', budget: 'paris', year: 2026, value: 'I' }).ok).toBe(false);
    expect(addMember(wb, { code: 'XB', name: ' ', budget: 'paris', year: 2026, value: 'I' }).ok).toBe(false);
    roundTrips(add.workbook, removeMember(add.workbook, 'XA'));
    const paid = wb.payments[0]?.member;
    if (paid) expect(removeMember(wb, paid).ok).toBe(false); // has payments: withdraw it instead
    roundTrips(wb, renameMember(wb, 'FR', 'New name'));
    expect(renameMember(wb, 'FR', '').ok).toBe(false);
    const p = wb.participations.find((x) => x.budget === 'paris')!;
    roundTrips(wb, leaveBudget(wb, { budget: 'paris', member: p.member, until: '2025-12-31' }));
  });

  it('pasteRows adds and updates members in one step and reports rows it cannot read', () => {
    const wb = example();
    const text = 'XA\tAtlantis\tVII\r\nXB\tLemuria\tV\r\nFR\tFrance\tII\r\nXC\tMu\tZ\r\n';
    const d = ok(pasteRows(wb, { budget: 'paris', year: 2026, text }));
    expect(d.label).toMatch(/3 rows \(2 added, 1 updated\)/);
    expect(d.problems).toHaveLength(1);
    expect(d.problems[0].message).toMatch(/row 4: “Z” is not a class/);
    const t = assessBudgetYear(d.workbook, 'paris', 2026);
    expect(t.rows.find((r) => r.code === 'FR')!.class).toBe('II');
    expect(t.rows.find((r) => r.code === 'XB')!.name).toBe('Lemuria');
    expect(t.total).toBe(assessBudgetYear(wb, 'paris', 2026).total);
    roundTrips(wb, pasteRows(wb, { budget: 'paris', year: 2026, text }));
  });

  it('pasteRows reads a header row naming the columns, and refuses a paste with no readable row', () => {
    const wb = example();
    const d = ok(pasteRows(wb, { budget: 'paris', year: 2026, text: 'Class\tCode\nIII\tFR\n' }));
    expect(assessBudgetYear(d.workbook, 'paris', 2026).rows.find((r) => r.code === 'FR')!.class).toBe('III');
    expect(pasteRows(wb, { budget: 'paris', year: 2026, text: '\n\n' }).ok).toBe(false);
    expect(pasteRows(wb, { budget: 'paris', year: 2026, text: 'not a code!\tx\tI' }).ok).toBe(false);
  });
});

describe('R13 class change notices', () => {
  it('R13: a lower class takes effect on 1 January after the session; without a session it is pending', async () => {
    const { addClassChange, setSessionDate } = await import('../../shared/edit');
    const wb = example();
    const row = assessBudgetYear(wb, 'paris', 2026).rows.find((r) => r.class === 'IV')!;
    const pending = ok(
      addClassChange(wb, { budget: 'paris', member: row.code, toClass: 'VII', notifiedOn: '2026-02-01' }),
    );
    expect(assessBudgetYear(pending.workbook, 'paris', 2027).rows.find((r) => r.code === row.code)!.class).toBe('IV');
    const id = pending.workbook.classChanges.at(-1)!.id;
    const heard = ok(setSessionDate(pending.workbook, id, '2026-10-01'));
    expect(assessBudgetYear(heard.workbook, 'paris', 2026).rows.find((r) => r.code === row.code)!.class).toBe('IV');
    expect(assessBudgetYear(heard.workbook, 'paris', 2027).rows.find((r) => r.code === row.code)!.class).toBe('VII');
    roundTrips(pending.workbook, setSessionDate(pending.workbook, id, '2026-10-01'));
    roundTrips(wb, addClassChange(wb, { budget: 'paris', member: row.code, toClass: 'VII', notifiedOn: '2026-02-01' }));
    expect(setSessionDate(pending.workbook, id, '2025-01-01').ok).toBe(false);
    expect(addClassChange(wb, { budget: 'paris', member: row.code, toClass: 'Q', notifiedOn: '2026-02-01' }).ok).toBe(
      false,
    );
  });
});

describe('import members from CSV', () => {
  it('imports rows read from a CSV file in one step, with the lines it could not read', async () => {
    const { importMembers } = await import('../../shared/edit');
    const { parseMembersCsv } = await import('../../shared/model/members-csv');
    const wb = example();
    const csv = 'code;name;class\nXA;Atlantis;VII\nXB;Lemuria;\nFR;France;II\n';
    const read = parseMembersCsv(csv, 'class');
    const d = ok(
      importMembers(wb, {
        budget: 'paris',
        year: 2026,
        rows: read.members.map((m) => ({ at: `line ${m.line}`, code: m.code, name: m.name, value: m.class ?? '' })),
        problems: read.problems.map((p) => ({ path: `line ${p.line}`, message: `line ${p.line}: ${p.message}` })),
      }),
    );
    expect(d.label).toBe('Import 2 rows (1 added, 1 updated)');
    expect(d.problems.map((p) => p.message)).toEqual([
      'line 3: XB: class is empty',
      'line 3: the new member XB needs a name and a class',
    ]);
    roundTrips(
      wb,
      importMembers(wb, {
        budget: 'paris',
        year: 2026,
        rows: [{ at: 'line 2', code: 'XA', name: 'Atlantis', value: 'VII' }],
      }),
    );
  });
});

describe('R1 scheme editor commands', () => {
  it('R1: class units are editable data; every member of the class follows, and undo restores them', async () => {
    const { setClassUnits, addSchemeClass, removeSchemeClass } = await import('../../shared/edit');
    const wb = example();
    const d = ok(setClassUnits(wb, { scheme: 'paris', code: 'I', units: '30' }));
    const t = assessBudgetYear(d.workbook, 'paris', 2026);
    for (const r of t.rows.filter((x) => x.class === 'I')) expect(r.units).toBe('30');
    expect(t.total).toBe(assessBudgetYear(wb, 'paris', 2026).total);
    roundTrips(wb, setClassUnits(wb, { scheme: 'paris', code: 'I', units: '30' }));
    expect(setClassUnits(wb, { scheme: 'paris', code: 'I', units: '0' }).ok).toBe(false);
    roundTrips(wb, addSchemeClass(wb, { scheme: 'paris', code: 'VIII', units: '0.5' }));
    expect(addSchemeClass(wb, { scheme: 'paris', code: 'I', units: '1' }).ok).toBe(false);
    const added = ok(addSchemeClass(wb, { scheme: 'paris', code: 'VIII', units: '0.5' }));
    roundTrips(added.workbook, removeSchemeClass(added.workbook, { scheme: 'paris', code: 'VIII' }));
    expect(removeSchemeClass(wb, { scheme: 'paris', code: 'VII' }).ok).toBe(false); // held by members
  });
});
