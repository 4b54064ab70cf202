import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { perform, undo, EMPTY_HISTORY } from '../../shared/edit';
import {
  applyMembersImport,
  membersImportRows,
  previewMembersImport,
  previewPaymentsImport,
  statementImport,
} from '../../shared/edit/import-preview';
import { guessPaymentMapping } from '../../shared/edit';
import { readMembersFile } from '../../shared/model/members-csv';
import { readTabular } from '../../shared/model/tabular';
import { example, ok, roundTrips } from './edit-helpers';
import { budget, takesPart, workbook } from './helpers';

// R25 an import shows what it will change (added, changed, refused) before it changes anything; all or nothing.

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (text: string | Uint8Array, want: 'class' | 'weight' = 'class', file = 'm.csv') =>
  membersImportRows(readMembersFile(typeof text === 'string' ? utf8(text) : text, file, want));

describe('R25 members import preview', () => {
  it('R25: the French fixture: DE renamed “Allemagne” is flagged as a rename (every budget), a class change shows old → new, a new member is added', () => {
    const wb = example();
    const rows = read(readFileSync('test/fixtures/r25-membres-fr.csv'), 'class', 'r25-membres-fr.csv');
    const p = previewMembersImport(wb, { budget: 'paris', year: 2026, ...rows });
    expect(p.refused).toEqual([]);
    expect(p.added).toEqual([{ at: 'line 6', code: 'XK', name: 'Kosovo, République du', value: 'VII' }]);
    expect(p.changed).toEqual([
      { at: 'line 2', code: 'DE', name: 'Allemagne', rename: { from: 'Germany', to: 'Allemagne' } },
      { at: 'line 4', code: 'CI', name: "Côte d'Ivoire", holding: { from: 'VII', to: 'VI' } },
      { at: 'line 5', code: 'AT', name: 'Autriche', rename: { from: 'Austria', to: 'Autriche' } },
    ]);
    expect(p.unchanged).toBe(1); // FR
    expect(p.canApply).toBe(true);
    // Nothing has changed yet.
    expect(wb.members.find((m) => m.code === 'DE')!.name).toBe('Germany');
  });

  it('R25: keeping the current names leaves the renames out, the rest as shown', () => {
    const wb = example();
    const args = {
      budget: 'paris',
      year: 2026,
      keepNames: true,
      ...read('code;name;class\nDE;Allemagne;I\nCI;Côte d’Ivoire;VI\n'),
    };
    const p = previewMembersImport(wb, args);
    expect(p.changed).toEqual([
      { at: 'line 3', code: 'CI', name: "Côte d'Ivoire", holding: { from: 'VII', to: 'VI' } },
    ]);
    expect(p.unchanged).toBe(1);
    const d = roundTrips(wb, applyMembersImport(wb, args));
    expect(d.workbook.members.find((m) => m.code === 'DE')!.name).toBe('Germany');
  });

  it('R25: a refused row blocks the import: refused rows are listed with their reason, and canApply is false', () => {
    const wb = example();
    const p = previewMembersImport(wb, {
      budget: 'paris',
      year: 2026,
      ...read('code;name;class\nDE;Germany;II\nXX;;\nFR;France;Q\nZZ;"open;I\n'),
    });
    expect(p.canApply).toBe(false);
    // In file order, whichever check refused them.
    expect(p.refused.map((r) => r.message)).toEqual([
      'line 3: XX: class is empty',
      expect.stringMatching(/^line 4: “Q” is not a class of .* \(classes: I, II, III, IV, V, VI, VII\)$/),
      'line 5: a quote opened on this line is never closed (the rest of the file would be one field)',
    ]);
    expect(p.changed).toEqual([{ at: 'line 2', code: 'DE', name: 'Germany', holding: { from: 'I', to: 'II' } }]);
  });

  it('R25: a file that changes nothing cannot be applied (nothing to do)', () => {
    const p = previewMembersImport(example(), {
      budget: 'paris',
      year: 2026,
      ...read('code;name;class\nDE;Germany;I\n'),
    });
    expect(p).toMatchObject({ added: [], changed: [], unchanged: 1, refused: [], canApply: false });
  });

  it('R25: applying is one undoable step that gives back the workbook', () => {
    const wb = example();
    const args = { budget: 'paris', year: 2026, ...read(readFileSync('test/fixtures/r25-membres-fr.csv'), 'class') };
    const r = perform(wb, EMPTY_HISTORY, (w) => applyMembersImport(w, args));
    expect(r.outcome.ok).toBe(true);
    expect(r.workbook.members.find((m) => m.code === 'DE')!.name).toBe('Allemagne');
    expect(undo(r.workbook, r.history)!.workbook).toEqual(wb);
  });

  it('R25: the decimal-comma Windows-1252 fixture previews exactly into a scale budget (the app’s path)', () => {
    const wb = workbook({
      members: [{ code: 'CI', name: "Côte d'Ivoire" }],
      budgets: [budget('un', 'scale', [{ year: 2026, method: 'total', amount: '1000.00', adopted: true }])],
      participations: [takesPart('CI', 'un', undefined, { classes: [{ year: 2000, weight: '0.03' }] })],
    });
    const p = previewMembersImport(wb, {
      budget: 'un',
      year: 2026,
      ...read(readFileSync('test/fixtures/r25-members-1252.csv'), 'weight'),
    });
    expect(p.refused).toEqual([]);
    expect(p.changed).toEqual([
      { at: 'line 4', code: 'CI', name: "Côte d'Ivoire", holding: { from: '0.03', to: '0.02' } },
    ]);
    expect(p.added.map((x) => [x.code, x.name, x.value])).toEqual([
      ['F043', 'Germany, Fed. Rep. of', '9.04'],
      ['SN', 'Sénégal', '0.005'],
      ['AT', 'Österreich', '0.679'],
      ['FR', 'France; République française', '4.318'],
      ['CH', 'Schweiz/Suisse', '1.134'],
    ]);
    expect(
      ok(
        applyMembersImport(wb, {
          budget: 'un',
          year: 2026,
          ...read(readFileSync('test/fixtures/r25-members-1252.csv'), 'weight'),
        }),
      ).label,
    ).toBe('Import 6 rows (5 added, 1 updated)');
  });
});

describe('R25 bank statement preview', () => {
  const statement = (bytes: Uint8Array) => {
    const t = readTabular(bytes, 's.csv');
    const { args, leftOut } = statementImport(t, guessPaymentMapping(t.rows[0].cells)!, true, 'Import s.csv');
    return [args, leftOut] as const;
  };

  it('R25: a semicolon statement with decimal commas in Windows-1252 is previewed exactly (row numbers are its lines)', () => {
    const wb = example();
    const p = previewPaymentsImport(wb, ...statement(readFileSync('test/fixtures/r25-statement-1252.csv')));
    expect(p.refused).toEqual([]);
    expect(p.added.map((x) => [x.at, x.member, x.date, x.amount, x.reference])).toEqual([
      ['row 2', 'FR', '2026-03-02', '1234.5', 'Contribution 2026'],
      ['row 3', 'AT', '2026-03-05', '12000', 'Beitrag, Rest 2025 (Österreich)'],
      ['row 4', 'CH', '2026-03-09', '0.75', 'Frais'],
    ]);
    expect(p.canApply).toBe(true);
  });

  it('R25: an amount with two readings is refused with its row, and blocks the import', () => {
    const p = previewPaymentsImport(
      example(),
      ...statement(utf8('date;member;amount\n2026-03-02;FR;1.234\n2026-03-03;CH;5\n')),
    );
    expect(p.canApply).toBe(false);
    expect(p.refused).toEqual([
      expect.objectContaining({
        at: 'row 2',
        message: expect.stringMatching(/^row 2, amount: “1\.234” can be read as 1\.234 .* or as 1234 /),
      }),
    ]);
  });

  it('R25: debits are left out and listed as such (they are not payments received); they do not block the import', () => {
    const p = previewPaymentsImport(
      example(),
      ...statement(utf8('date;member;amount\n2026-03-02;FR;-1.234,50\n2026-03-03;CH;5\n2026-03-04;CH;(7)\n')),
    );
    expect(p.leftOut.map(({ at, message, msg }) => ({ at, message, id: msg?.id }))).toEqual([
      { at: 'row 2', message: '-1234.50 is a debit, not a payment received', id: 'engine.edit.import.debit' },
      { at: 'row 4', message: '(7) is a debit, not a payment received', id: 'engine.edit.import.debit' },
    ]);
    expect(p.added.map((x) => [x.at, x.amount])).toEqual([['row 3', '5']]);
    expect(p.canApply).toBe(true);
  });

  it('R25: a payment already recorded with the same member, date and amount is flagged', () => {
    const wb = example();
    const first = wb.payments[0];
    const p = previewPaymentsImport(wb, {
      rows: [
        ['member', 'date', 'amount'],
        [first.member, first.date, first.amount],
      ],
      mapping: { member: 0, date: 1, amount: 2 },
      firstRow: 1,
      verb: 'Import',
    });
    expect(p.added[0].sameAs).toBe(first.id);
  });
});
