import { msg, type Message } from '../i18n/intl';
import type { Problem, Workbook } from '../model/types';
import { changedParts, problem, refuse, type Outcome } from './command';
import { renameMember, setClass } from './commands';
import { editPayment, guessPaymentMapping, PAYMENT_FIELDS, type PaymentField } from './ledger';

// A block of cells pasted (or filled down) over a grid is ONE undoable step: each cell is handed to the command
// that typing into it would run, one after the other over the running workbook; a refused cell changes nothing and
// is reported (which cell, why), the others still apply. Where the cells go is worked out here too (pure), so the
// grid only says which rows and columns it shows, in order, and which of its cells may be edited.

/** One cell of the block: where it goes (row id, column id) and the text put there. */
export interface BlockCell {
  row: string;
  col: string;
  value: string;
  /** What the cell holds now: a cell given the value it already holds is left as it is (no step, no refusal). */
  current?: string;
}

/** The command typing `value` into a cell would run. */
export type CellCommand = (wb: Workbook, cell: BlockCell) => Outcome;

/** Where a block's problem is: the cell's row and column ids (the display names them in the user's words). */
export const cellPath = (row: string, col: string) => `${row}\u0000${col}`;
export function pathCell(path: string): { row: string; col: string } | undefined {
  const i = path.indexOf('\u0000');
  return i < 0 ? undefined : { row: path.slice(0, i), col: path.slice(i + 1) };
}

const R = (id: string, values?: Record<string, string | number>): Message => msg(`app.range.${id}`, values);

/** The grid's shape at the paste: rows and columns in display order, and whether a cell may be edited. */
export interface GridShape {
  rows: readonly string[];
  cols: readonly string[];
  editable(row: string, col: string): boolean;
  /** The value the cell holds now (as the command reads it), to leave unchanged cells alone. */
  current?(row: string, col: string): string | undefined;
}

/** The cells of `values` (rows of fields) placed with their first cell at (`row`, `col`) of the grid (indexes). */
export function placeBlock(
  values: readonly (readonly string[])[],
  at: { row: number; col: number },
  grid: GridShape,
): { cells: BlockCell[]; refused: Problem[] } {
  const cells: BlockCell[] = [];
  const refused: Problem[] = [];
  values.forEach((line, i) =>
    line.forEach((value, j) => {
      const row = grid.rows[at.row + i];
      const col = grid.cols[at.col + j];
      // Past the last row or column: nowhere to put it (a new member needs a whole row: code, name and class).
      if (row === undefined || col === undefined) {
        const past = row === undefined ? R('pastLastRow', { n: i + 1 }) : R('pastLastColumn', { n: j + 1 });
        refused.push(problem('', past));
        return;
      }
      if (!grid.editable(row, col)) {
        refused.push(problem(cellPath(row, col), R('readOnly')));
        return;
      }
      const current = grid.current?.(row, col);
      cells.push(current === undefined ? { row, col, value } : { row, col, value, current });
    }),
  );
  return { cells, refused };
}

/**
 * Whether a paste reads whole member rows (code, name, class: pasteRows) rather than a block of cells: when its first
 * line names a `code` column, or it is pasted on the code column (or with no cell of the grid focused).
 */
export function pastesRows(values: readonly (readonly string[])[], firstCol: string | undefined): boolean {
  return (
    firstCol === undefined || firstCol === 'code' || (values[0] ?? []).some((h) => h.trim().toLowerCase() === 'code')
  );
}

/**
 * Whether a paste over the payments grid adds payments (whole rows, pastePayments) rather than changing a block of
 * cells: when no cell of the grid is selected, when it is pasted on the id column (no payment's id is typed), when
 * its first line is a header naming payment columns, or when its lines hold a whole payment (every field, as copied
 * from the grid or a bank file). A narrower block on a selected cell changes those cells.
 */
export function pastesPayments(values: readonly (readonly string[])[], firstCol: string | undefined): boolean {
  if (firstCol === undefined || firstCol === 'id') return true;
  if (values.length > 1 && guessPaymentMapping(values[0]) !== undefined) return true;
  return values.some((line) => line.length >= PAYMENT_FIELDS.length);
}

/** Fill down: the first row of the rows × cols range, repeated into the rows under it. */
export function fillDownCells(
  rows: readonly string[],
  cols: readonly string[],
  grid: Pick<GridShape, 'editable' | 'current'>,
): { cells: BlockCell[]; refused: Problem[] } {
  const first = cols.map((c) => grid.current?.(rows[0], c) ?? '');
  const shape: GridShape = { ...grid, rows, cols };
  const below = rows.slice(1).map(() => first);
  return placeBlock(below, { row: 1, col: 0 }, shape);
}

/**
 * Applies every cell through `command` over the running workbook, as one step whose inverse puts back the parts of
 * the workbook that changed. Refused cells (here or by `placeBlock`) are the step's problems; if no cell could be
 * applied, the whole block is refused with them.
 */
export function pasteBlock(
  wb: Workbook,
  a: { cells: readonly BlockCell[]; command: CellCommand; kind: 'paste' | 'fill'; refused?: readonly Problem[] },
): Outcome {
  const problems: Problem[] = [...(a.refused ?? [])];
  let now = wb;
  let changed = 0;
  for (const c of a.cells) {
    if (c.current !== undefined && c.current === c.value) continue;
    const o = a.command(now, c);
    if (!o.ok) {
      for (const p of o.problems) problems.push({ ...p, path: cellPath(c.row, c.col) });
      continue;
    }
    now = o.workbook;
    changed++;
  }
  if (changed === 0) return { ok: false, problems: problems.length ? problems : [problem('', R('nothingChanged'))] };
  const parts = (Object.keys(now) as (keyof Workbook)[]).filter(
    (k) => k !== 'format' && k !== 'version' && now[k] !== wb[k],
  ) as Exclude<keyof Workbook, 'format' | 'version'>[];
  return changedParts(R(a.kind === 'paste' ? 'pasteLabel' : 'fillLabel', { count: changed }), wb, now, parts, problems);
}

/**
 * The members grid's cells (R1/R2): the name renames the member, the class (or a scale's weight, in `units`) is held
 * from 1 January of `year`. Any other column is not typed into.
 */
export function memberCellCommand(a: { budget: string; year: number }): CellCommand {
  return (wb, c) => {
    if (c.col === 'name') return renameMember(wb, c.row, c.value);
    if (c.col === 'class' || c.col === 'units')
      return setClass(wb, { budget: a.budget, member: c.row, year: a.year, value: c.value });
    return refuse(cellPath(c.row, c.col), R('readOnly'));
  };
}

/** The payments grid's cells (R15): each field of a recorded payment, read and checked as when typed. */
export const paymentCellCommand: CellCommand = (wb, c) =>
  (PAYMENT_FIELDS as readonly string[]).includes(c.col)
    ? editPayment(wb, c.row, c.col as PaymentField, c.value)
    : refuse(cellPath(c.row, c.col), R('readOnly'));
