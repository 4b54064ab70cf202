import { useEffect, useRef } from 'react';
import { parseTsv, pasteRows } from '../../shared/edit';
import {
  fillDownCells,
  memberCellCommand,
  paymentCellCommand,
  pasteBlock,
  pastesPayments,
  pastesRows,
  pathCell,
  placeBlock,
  type BlockCell,
  type CellCommand,
} from '../../shared/edit/paste-block';
import type { Problem, Workbook } from '../../shared/model/types';
import { msg } from '../../shared/i18n/intl';
import { parseAmount } from '../../shared/i18n/numbers';
import { useDateReader } from './DateField';
import { useDocument } from './document/DocumentProvider';
import { rangeGridOf, showPending, type RangeGrid } from './grid/range';
import { useSay } from './i18n';
import { useLocale } from './locale';
import { isTextField } from './useCommands';
import { useWorkspace } from './workspace';

/**
 * The grids' clipboard. Copy: the selected range (or the focused cell) as the user sees it, tab-separated. Paste in
 * the members grid: a block of cells at the range's first cell, one undoable step, the refused cells shown first
 * (grid/PastePreview); rows with a header naming `code`, or pasted on the code column, add or update whole members
 * as before. The payments grid the same: a block on selected cells changes them; whole payment rows (all fields, or a
 * header naming them) add payments (PaymentsView), pastesPayments decides. Ctrl+D fills the first row of the range
 * down (members grid and payments grid).
 */
export function useClipboard() {
  const { run, notify, doc } = useDocument();
  const { budget, year, scenario, page } = useWorkspace();
  const say = useSay();
  const { number } = useLocale();
  const dates = useDateReader();
  const workbook = useRef<Workbook | undefined>(undefined);
  workbook.current = doc?.workbook;
  useEffect(() => {
    const membersGrid = (t: EventTarget | null): RangeGrid | undefined => {
      const g = rangeGridOf(t);
      return g && page === 'contributions' && g.container.dataset.testid === 'members-grid' ? g : undefined;
    };
    const paymentsGrid = (t: EventTarget | null): RangeGrid | undefined => {
      const g = rangeGridOf(t);
      return g && g.container.dataset.testid === 'payments-grid' ? g : undefined;
    };
    /** Applies a block (after the preview when cells are refused); one step either way. */
    /** The command a cell of this grid runs: the members grid's, or the payments grid's (fill down only). */
    const commandOf = (g: RangeGrid): CellCommand | undefined =>
      g.container.dataset.testid === 'payments-grid'
        ? paymentCellCommand
        : budget && membersGrid(g.container)
          ? memberCellCommand({ budget: budget.id, year })
          : undefined;
    const applyBlock = (
      g: RangeGrid,
      kind: 'paste' | 'fill',
      placed: { cells: BlockCell[]; refused: Problem[] },
      written: { rows: number[]; cols: string[] },
    ) => {
      const wb = workbook.current;
      const command = commandOf(g);
      if (!command || !wb) return;
      const dry = pasteBlock(wb, { ...placed, command, kind });
      // The outcome worked out for the preview is the step, unless the workbook has changed since.
      const go = () => {
        const o = run((w) => (w === wb ? dry : pasteBlock(w, { ...placed, command, kind })));
        if (o.ok) g.select(written);
      };
      const refused = dry.problems;
      if (dry.ok && refused.length === 0) return go();
      if (
        !dry.ok &&
        refused.length === 1 &&
        refused[0].path === '' &&
        refused[0].msg?.id === 'app.range.nothingChanged'
      )
        return notify({ kind: 'info', text: refused[0].msg });
      showPending({
        grid: g,
        kind,
        all: placed.cells.length + placed.refused.length,
        refused: refused.map((p) => {
          const at = pathCell(p.path);
          return { where: at ? g.where(at.row, at.col) : '', why: p.msg ? say(p.msg) : p.message };
        }),
        apply: dry.ok ? go : undefined,
        intoCells: g.container.dataset.testid === 'payments-grid' && kind === 'paste',
      });
    };
    // A figure copied from the grid is written in the user's format: a scale's weight, a payment's amount and date are
    // read back the same way (what cannot be read goes to the command as it is, which refuses it with its reason).
    const read = (col: string, v: string) => {
      if (col === 'date') {
        const d = dates.parse(v);
        return d.ok ? d.value : v.trim();
      }
      if (col !== 'units' && col !== 'amount') return v.trim();
      const r = parseAmount(v, number);
      return r.ok ? r.value : v.trim();
    };
    /** A block of `values` placed at the range's first cell (one value over a range fills it), then applied. */
    const pasteAt = (g: RangeGrid, r: { rows: number[]; cols: string[] }, values: string[][]) => {
      const shape = g.shape();
      const at = { row: r.rows[0], col: shape.cols.indexOf(r.cols[0]) };
      // One value over a range fills every cell of it, as a spreadsheet does.
      const block =
        values.length === 1 && values[0].length === 1 && r.rows.length * r.cols.length > 1
          ? r.rows.map(() => r.cols.map(() => values[0][0]))
          : values;
      const placed = placeBlock(
        block.map((line) => line.map((v, j) => read(shape.cols[at.col + j] ?? '', v))),
        at,
        shape,
      );
      const width = block.reduce((m, l) => Math.max(m, l.length), 0);
      const written = {
        rows: block.map((_, i) => at.row + i).filter((i) => i < shape.rows.length),
        cols: shape.cols.slice(at.col, at.col + width),
      };
      applyBlock(g, 'paste', placed, written);
    };
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      // The payments grid: a block of cells here; whole payment rows are PaymentsView's (it leaves a block to this).
      const pg = paymentsGrid(e.target);
      const pr = pg?.rect();
      if (pg && pr) {
        const values = parseTsv(text);
        if (pastesPayments(values, pr.cols[0])) return;
        e.preventDefault();
        return pasteAt(pg, pr, values);
      }
      if (!budget || page !== 'contributions') return;
      e.preventDefault();
      const g = membersGrid(e.target);
      const r = g?.rect();
      const values = parseTsv(text);
      const rows = !g || !r || pastesRows(values, r.cols[0]);
      if (scenario) return notify({ kind: 'error', text: msg(rows ? 'app.paste.inScenario' : 'app.range.inScenario') });
      if (rows) {
        const o = run((wb) => pasteRows(wb, { budget: budget.id, year, text }));
        if (!o.ok) notify({ kind: 'error', text: msg('app.paste.nothing'), problems: o.problems });
        return;
      }
      pasteAt(g, r, values);
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const text = rangeGridOf(e.target)?.copyText();
      if (!text) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', text);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'd') return;
      if (isTextField(e.target)) return;
      const g = rangeGridOf(e.target);
      const r = g?.rect();
      if (!g || !r || !commandOf(g)) return;
      // The browser's Ctrl+D (bookmark) is not wanted over a grid.
      e.preventDefault();
      if (scenario && membersGrid(g.container)) return notify({ kind: 'error', text: msg('app.range.inScenario') });
      // One row selected: it takes the row above, as in a spreadsheet.
      const rows = r.rows.length > 1 ? r.rows : r.rows[0] > 0 ? [r.rows[0] - 1, r.rows[0]] : [];
      if (rows.length < 2) return;
      const shape = g.shape();
      const placed = fillDownCells(
        rows.map((i) => shape.rows[i]),
        r.cols,
        shape,
      );
      applyBlock(g, 'fill', placed, { rows, cols: r.cols });
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('keydown', onKey);
    };
  }, [budget, year, run, notify, scenario, page, say, number, dates]);
}
