import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine';
import {
  cellPath,
  fillDownCells,
  memberCellCommand,
  paymentCellCommand,
  pasteBlock,
  pastesPayments,
  pastesRows,
  pathCell,
  placeBlock,
  type GridShape,
} from '../../shared/edit/paste-block';
import type { Workbook } from '../../shared/model/types';
import { validateWorkbook } from '../../shared/model/validate';
import { PAYMENT_FIELDS, pastePayments, paymentInput } from '../../shared/edit';
import { example, ok, roundTrips } from './edit-helpers';

// A block pasted (or filled down) over the members grid is one undoable step: refused cells change nothing, the
// others apply as typing into each would; undo gives back the workbook exactly.

const BUDGET = 'paris';
const YEAR = 2026;
const COLS = ['code', 'name', 'class', 'units', 'percent', 'amount'];
const EDITABLE = new Set(['name', 'class']);

const base = example();
const rows = assessBudgetYear(base, BUDGET, YEAR).rows.map((r) => r.code);

function shape(wb: Workbook, codes: readonly string[] = rows): GridShape {
  const table = assessBudgetYear(wb, BUDGET, YEAR);
  const byCode = new Map(table.rows.map((r) => [r.code, r]));
  return {
    rows: codes,
    cols: COLS,
    editable: (_row, col) => EDITABLE.has(col),
    current: (row, col) => {
      const r = byCode.get(row);
      if (!r) return undefined;
      return col === 'class' ? (r.class ?? undefined) : String((r as unknown as Record<string, unknown>)[col] ?? '');
    },
  };
}

const command = memberCellCommand({ budget: BUDGET, year: YEAR });

describe('paste-block: placing a block over the grid', () => {
  it('places a 3×2 block at its first cell, cell by cell', () => {
    const { cells, refused } = placeBlock(
      [
        ['Alpha', 'I'],
        ['Beta', 'II'],
        ['Gamma', 'III'],
      ],
      { row: 2, col: 1 },
      shape(base),
    );
    expect(refused).toEqual([]);
    expect(cells.map((c) => [c.row, c.col, c.value])).toEqual([
      [rows[2], 'name', 'Alpha'],
      [rows[2], 'class', 'I'],
      [rows[3], 'name', 'Beta'],
      [rows[3], 'class', 'II'],
      [rows[4], 'name', 'Gamma'],
      [rows[4], 'class', 'III'],
    ]);
  });

  it('refuses cells past the last row or column, and cells that are not typed into, naming the cell', () => {
    const last = rows.length - 1;
    const { cells, refused } = placeBlock(
      [
        ['II', '1'],
        ['III', '2'],
      ],
      { row: last, col: 2 },
      shape(base),
    );
    expect(cells.map((c) => [c.row, c.col])).toEqual([[rows[last], 'class']]);
    expect(refused.map((p) => [pathCell(p.path) ?? p.path, p.msg?.id])).toEqual([
      [{ row: rows[last], col: 'units' }, 'app.range.readOnly'],
      ['', 'app.range.pastLastRow'],
      ['', 'app.range.pastLastRow'],
    ]);
    const edge = placeBlock([['a', 'b', 'c']], { row: 0, col: COLS.length - 2 }, shape(base));
    expect(edge.refused.map((p) => p.msg?.id)).toEqual([
      'app.range.readOnly',
      'app.range.readOnly',
      'app.range.pastLastColumn',
    ]);
    expect(edge.refused[2].msg?.values).toEqual({ n: 3 });
  });

  it('whole member rows are read as rows: a header naming code, or pasted on the code column; else a block', () => {
    expect(
      pastesRows(
        [
          ['Code', 'Name', 'Class'],
          ['XA', 'Atlantis', 'VII'],
        ],
        'name',
      ),
    ).toBe(true);
    expect(pastesRows([['XA', 'Atlantis', 'VII']], 'code')).toBe(true);
    expect(pastesRows([['XA', 'Atlantis', 'VII']], undefined)).toBe(true);
    // A column of classes pasted on the class column is a block (issue 14: it was read as member rows).
    expect(pastesRows([['VI'], ['VII'], ['I']], 'class')).toBe(false);
    expect(pastesRows([['Atlantis', 'VII']], 'name')).toBe(false);
  });

  it('fill down repeats the first row of the range into the rows under it', () => {
    const s = shape(base);
    const range = rows.slice(0, 4);
    const { cells } = fillDownCells(range, ['name', 'class'], s);
    expect(cells).toHaveLength(6);
    for (const c of cells) expect(c.value).toBe(s.current!(rows[0], c.col));
  });
});

describe('paste-block: one undoable step', () => {
  it('R1/R5 a 3×2 block of names and classes applies as one step; the total stays exact; undo restores all 6 cells', () => {
    const { cells, refused } = placeBlock(
      [
        ['Alpha', 'I'],
        ['Beta', 'II'],
        ['Gamma', 'iii'],
      ],
      { row: 0, col: 1 },
      shape(base),
    );
    const d = roundTrips(base, pasteBlock(base, { cells, refused, command, kind: 'paste' }));
    expect(d.problems).toEqual([]);
    expect(d.label).toBe('Paste 6 cells');
    const t = assessBudgetYear(d.workbook, BUDGET, YEAR);
    expect(t.rows.slice(0, 3).map((r) => [r.name, r.class])).toEqual([
      ['Alpha', 'I'],
      ['Beta', 'II'],
      ['Gamma', 'III'],
    ]);
    expect(t.total).toBe(assessBudgetYear(base, BUDGET, YEAR).total);
  });

  it('a refused cell is reported with its cell and reason; the others apply', () => {
    const { cells, refused } = placeBlock([['Alpha', 'Z']], { row: 0, col: 1 }, shape(base));
    const d = ok(pasteBlock(base, { cells, refused, command, kind: 'paste' }));
    expect(d.label).toBe('Paste 1 cell');
    expect(d.problems).toHaveLength(1);
    expect(pathCell(d.problems[0].path)).toEqual({ row: rows[0], col: 'class' });
    expect(d.problems[0].message).toMatch(/not a class/);
    expect(d.workbook.members.find((m) => m.code === rows[0])!.name).toBe('Alpha');
  });

  it('a block with nothing to apply is refused, saying why', () => {
    const o = pasteBlock(base, { cells: [{ row: rows[0], col: 'class', value: 'Z' }], command, kind: 'paste' });
    expect(!o.ok && o.problems.map((p) => p.path)).toEqual([cellPath(rows[0], 'class')]);
    const same = placeBlock([[shape(base).current!(rows[0], 'class')!]], { row: 0, col: 2 }, shape(base));
    const o2 = pasteBlock(base, { ...same, command, kind: 'paste' });
    expect(!o2.ok && o2.problems[0].msg?.id).toBe('app.range.nothingChanged');
  });

  it('fill down is one step, undone exactly', () => {
    const s = shape(base);
    const { cells, refused } = fillDownCells(rows.slice(0, 5), ['class', 'units'], s);
    const d = roundTrips(base, pasteBlock(base, { cells, refused, command, kind: 'fill' }));
    // units are not typed into (R1: a class's units come from the scheme): refused, one per row below the first
    expect(d.problems).toHaveLength(4);
    const t = assessBudgetYear(d.workbook, BUDGET, YEAR);
    for (const r of t.rows.slice(0, 5)) expect(r.class).toBe(s.current!(rows[0], 'class'));
  });
});

describe('paste-block over the payments grid', () => {
  it('R15 fill down of the date and amount of recorded payments is one step, undone exactly; a bad cell is refused', () => {
    const ids = base.payments.slice(0, 3).map((p) => p.id);
    const byId = new Map(base.payments.map((p) => [p.id, p as unknown as Record<string, unknown>]));
    const grid = {
      editable: (_row: string, col: string) => col !== 'id',
      current: (row: string, col: string) => String(byId.get(row)?.[col] ?? ''),
    };
    const { cells, refused } = fillDownCells(ids, ['id', 'date', 'amount'], grid);
    expect(refused).toHaveLength(2); // the id column, one per row below
    const d = roundTrips(base, pasteBlock(base, { cells, refused, command: paymentCellCommand, kind: 'fill' }));
    for (const id of ids.slice(1)) {
      const p = d.workbook.payments.find((x) => x.id === id)!;
      expect([p.date, p.amount]).toEqual([base.payments[0].date, base.payments[0].amount]);
    }
    const bad = pasteBlock(base, {
      cells: [{ row: ids[1], col: 'amount', value: 'abc' }],
      command: paymentCellCommand,
      kind: 'paste',
    });
    expect(!bad.ok && pathCell(bad.problems[0].path)).toEqual({ row: ids[1], col: 'amount' });
  });
});

describe('a paste over the payments grid: payment rows or a block of cells', () => {
  const PAY_COLS = ['id', ...PAYMENT_FIELDS];
  const field = fc.constantFrom('WO', '2026-03-01', '1200.50', 'CHF', 'paris', '2026', 'contribution', 'ref 7', '');

  it('whole rows (every field, or a header naming the columns) add payments; none selected too; on the id column too', () => {
    // An existing payment's fields, in the grid's order (as copied from it).
    const row = PAYMENT_FIELDS.map((f) => paymentInput(base.payments[0])[f]);
    expect(pastesPayments([row], 'date')).toBe(true);
    expect(
      pastesPayments(
        [
          ['member', 'date', 'amount'],
          ['WO', '2026-03-01', '5'],
        ],
        'amount',
      ),
    ).toBe(true);
    expect(pastesPayments([['2026-03-01']], undefined)).toBe(true);
    expect(pastesPayments([['x']], 'id')).toBe(true);
    // A block narrower than a payment, on a selected cell: cells.
    expect(
      pastesPayments(
        [
          ['2026-03-01', '5'],
          ['2026-03-02', '6'],
        ],
        'date',
      ),
    ).toBe(false);
    expect(pastesPayments([['Amount']], 'reference')).toBe(false); // one cell, not a header
    // What is read as rows is what pastePayments adds: as many payments as lines.
    const o = pastePayments(base, [row, row].map((r) => r.join('\t')).join('\n'));
    expect(o.ok && o.workbook.payments.length - base.payments.length).toBe(2);
  });

  it('property: a block narrower than a payment with no header line, on an editable column, changes cells', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: PAYMENT_FIELDS.length - 1 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.constantFrom(...PAYMENT_FIELDS),
        (block, col) => {
          expect(pastesPayments(block, col)).toBe(false);
          // As wide as a payment: rows, wherever it is pasted.
          expect(pastesPayments([...block, PAYMENT_FIELDS.map(() => 'x')], col)).toBe(true);
        },
      ),
    );
  });

  it('R15 a block of amounts and dates in one step, undone exactly; a cell on the id column and a bad amount listed', () => {
    const ids = base.payments.slice(0, 2).map((p) => p.id);
    const byId = new Map(base.payments.map((p) => [p.id, p as unknown as Record<string, unknown>]));
    const grid: GridShape = {
      rows: base.payments.map((p) => p.id),
      cols: PAY_COLS,
      editable: (_row, col) => col !== 'id',
      current: (row, col) => String(byId.get(row)?.[col] ?? ''),
    };
    const values = [
      ['2026-02-01', '10.25'],
      ['2026-02-02', 'abc'],
    ];
    const at = { row: 0, col: PAY_COLS.indexOf('date') };
    const placed = placeBlock(values, at, grid);
    const o = pasteBlock(base, { ...placed, command: paymentCellCommand, kind: 'paste' });
    const d = roundTrips(base, o);
    const first = d.workbook.payments.find((x) => x.id === ids[0])!;
    expect([first.date, first.amount]).toEqual(['2026-02-01', '10.25']);
    expect(d.workbook.payments.find((x) => x.id === ids[1])!.date).toBe('2026-02-02');
    expect(d.workbook.payments).toHaveLength(base.payments.length); // no payment added
    expect(d.problems.map((p) => pathCell(p.path))).toEqual([{ row: ids[1], col: 'amount' }]);
    // On the id column: that cell is refused as read-only, the rest applies.
    const onId = placeBlock([['P-x', '2026-02-03']], { row: 0, col: 0 }, grid);
    expect(onId.refused.map((p) => pathCell(p.path))).toEqual([{ row: ids[0], col: 'id' }]);
  });
});

// Generated blocks over the members grid: classes (some lowercase), bad classes, names and empty names, at any cell.
const valueArb = fc.constantFrom('I', 'ii', 'III', 'IV', 'V', 'VI', 'VII', 'Z', '', 'Alpha', 'Beta', ' ', '7.5');
const blockArb = fc.record({
  values: fc.array(fc.array(valueArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
  row: fc.integer({ min: 0, max: rows.length - 1 }),
  col: fc.integer({ min: 0, max: COLS.length - 1 }),
});

describe('paste-block properties', () => {
  it('paste then undo gives back the workbook; redo the pasted one; the result validates and the total is exact', () => {
    const total = assessBudgetYear(base, BUDGET, YEAR).total;
    fc.assert(
      fc.property(blockArb, ({ values, row, col }) => {
        const placed = placeBlock(values, { row, col }, shape(base));
        const o = pasteBlock(base, { ...placed, command, kind: 'paste' });
        if (!o.ok) return;
        const back = ok(o.inverse.apply(o.workbook));
        expect(back.workbook).toEqual(base);
        expect(ok(back.inverse.apply(back.workbook)).workbook).toEqual(o.workbook);
        expect(validateWorkbook(o.workbook)).toEqual([]);
        expect(assessBudgetYear(o.workbook, BUDGET, YEAR).total).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it('refused cells change nothing: pasting only the accepted cells gives the same workbook', () => {
    fc.assert(
      fc.property(blockArb, ({ values, row, col }) => {
        const placed = placeBlock(values, { row, col }, shape(base));
        const o = pasteBlock(base, { ...placed, command, kind: 'paste' });
        const refusedCells = new Set((o.ok ? o.problems : o.problems).map((p) => p.path));
        const accepted = placed.cells.filter((c) => !refusedCells.has(cellPath(c.row, c.col)));
        const again = pasteBlock(base, { cells: accepted, command, kind: 'paste' });
        if (!o.ok) {
          // Nothing applied: the accepted cells (if any) only held their own values already.
          expect(again.ok).toBe(false);
          return;
        }
        expect(ok(again).workbook).toEqual(o.workbook);
        expect(ok(again).problems).toEqual([]);
        // Every cell of the block is either applied, left as it was, or reported.
        const reported = o.problems.length;
        const outside = placed.refused.length;
        expect(reported).toBeGreaterThanOrEqual(outside);
      }),
      { numRuns: 60 },
    );
  });
});
