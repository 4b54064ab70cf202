import type { CellClassParams, ColDef, Column, GridApi, IRowNode } from 'ag-grid-community';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { formatTsv } from '../../../shared/edit/tsv';
import type { GridShape } from '../../../shared/edit/paste-block';
import { PastePreview } from './PastePreview';

// Range selection over AG Grid Community, which has none (its range selection is Enterprise): a rectangle of the
// displayed rows and columns, from an anchor (where the mouse went down, or the focused cell) to an end (Shift+arrows,
// a drag, Shift+click). It is drawn by a class rule on every column and read by copy, paste and fill down
// (useClipboard), which find the grid the event came from here.

export interface Corner {
  /** Displayed row index (pinned rows are never in a range). */
  row: number;
  col: string;
}

/** The selected rectangle: displayed row indexes top to bottom, column ids in display order. */
export interface Rect {
  rows: number[];
  cols: string[];
}

export interface RangeGrid {
  readonly container: HTMLElement;
  api(): GridApi | null;
  /** The rectangle selected: at least the focused cell; null when no body cell is focused. */
  rect(): Rect | null;
  /** The rectangle's cells as the user sees them (the columns' formatters), tab-separated. */
  copyText(): string | null;
  /** The grid's rows and columns in display order, for placing a block (row ids, column ids). */
  shape(): GridShape;
  /** Where a cell is, in the user's words: the row's first cell and the column's header. */
  where(row: string, col: string): string;
  /** Shows `r` as the selection (after a paste: the cells written). */
  select(r: Rect): void;
  /** Selects from `anchor` to `end` (null: nothing), redrawing the cells that change. */
  move(anchor: Corner | null, end?: Corner): void;
  focus(): void;
}

const grids = new Set<RangeGrid>();

/** The grid holding `target` (an event's), if it has a range. */
export function rangeGridOf(target: EventTarget | null): RangeGrid | undefined {
  if (!(target instanceof Node)) return undefined;
  for (const g of grids) if (g.container.contains(target)) return g;
  return undefined;
}

// ----- The preview of a block's refused cells (one at a time, shown over the grid it belongs to).

export interface Pending {
  grid: RangeGrid;
  kind: 'paste' | 'fill';
  /** How many cells the block holds, and the refused ones: where, why. */
  all: number;
  refused: { where: string; why: string }[];
  /** Applies the others (absent when none can be applied). */
  apply?: () => void;
  /** A paste where whole rows could also have been read (payments): the title says it changes cells. */
  intoCells?: boolean;
}

let pending: Pending | null = null;
const listeners = new Set<() => void>();
export function showPending(p: Pending | null): void {
  pending = p;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};
const getPending = () => pending;

// ----- The hook a grid calls.

const cellOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof HTMLElement ? target.closest<HTMLElement>('.ag-cell[col-id]') : null;

/** The body cell (not a pinned row) an element belongs to. */
function cornerOf(el: HTMLElement | null): Corner | null {
  const cell = cellOf(el);
  const row = cell?.closest<HTMLElement>('.ag-row[row-index]');
  if (!cell || !row || row.classList.contains('ag-row-pinned')) return null;
  const index = Number(row.getAttribute('row-index'));
  return Number.isInteger(index) && index >= 0 ? { row: index, col: cell.getAttribute('col-id')! } : null;
}

const NAVIGATION = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Tab',
  'Enter',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

const isEditor = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));

/**
 * Range selection for one grid. Spread `ref` on the element around the AgGridReact, pass its column defs through
 * `columns` (each gets the range's class rule), and render `preview`.
 */
export function useGridRange<T>(apiRef: React.RefObject<GridApi<T> | null>): {
  ref: (el: HTMLDivElement | null) => void;
  columns: (defs: ColDef<T>[]) => ColDef<T>[];
  preview: ReactNode;
} {
  const sel = useRef<{ anchor: Corner; end: Corner } | null>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);

  const grid = useMemo<RangeGrid | null>(() => {
    if (!container) return null;
    const api = () => apiRef.current as GridApi | null;
    const columns = (): Column[] => api()?.getAllDisplayedColumns() ?? [];
    const rect = (): Rect | null => {
      const a = api();
      const s = sel.current;
      if (!a || !s) return null;
      const ids = columns().map((c) => c.getColId());
      const [c1, c2] = [ids.indexOf(s.anchor.col), ids.indexOf(s.end.col)].sort((x, y) => x - y);
      const last = a.getDisplayedRowCount() - 1;
      const [r1, r2] = [Math.min(s.anchor.row, last), Math.min(s.end.row, last)].sort((x, y) => x - y);
      if (c1 < 0 || r1 < 0) return null;
      return { rows: Array.from({ length: r2 - r1 + 1 }, (_, i) => r1 + i), cols: ids.slice(c1, c2 + 1) };
    };
    const node = (i: number) => api()?.getDisplayedRowAtIndex(i);
    const shown = (n: IRowNode | undefined, col: string) =>
      n ? String(api()?.getCellValue({ rowNode: n, colKey: col, useFormatter: true }) ?? '') : '';
    return {
      container,
      api,
      rect,
      copyText: () => {
        const r = rect();
        if (!r) return null;
        return formatTsv(r.rows.map((i) => r.cols.map((c) => shown(node(i), c))));
      },
      shape: () => {
        const a = api();
        const n = a?.getDisplayedRowCount() ?? 0;
        const nodes = Array.from({ length: n }, (_, i) => node(i)!);
        const byId = new Map(nodes.map((x) => [x.id!, x]));
        const cols = columns();
        const byCol = new Map(cols.map((c) => [c.getColId(), c]));
        return {
          rows: nodes.map((x) => x.id!),
          cols: cols.map((c) => c.getColId()),
          editable: (row, col) => {
            const x = byId.get(row);
            const c = byCol.get(col);
            return Boolean(x && c?.isCellEditable(x));
          },
          current: (row, col) => {
            const x = byId.get(row);
            if (!x || !a) return undefined;
            const v = a.getCellValue({ rowNode: x, colKey: col });
            return v === null || v === undefined ? '' : String(v);
          },
        };
      },
      where: (row, col) => {
        const a = api();
        const x = a?.getRowNode(row);
        const first = columns()[0];
        const label = x && first ? shown(x, first.getColId()) || row : row;
        const c = columns().find((k) => k.getColId() === col);
        return `${label} · ${c?.getColDef().headerName ?? col}`;
      },
      select: (r) => move({ row: r.rows[0], col: r.cols[0] }, { row: r.rows.at(-1)!, col: r.cols.at(-1)! }),
      move,
      focus: () => {
        const s = sel.current;
        if (s) api()?.setFocusedCell(Math.min(s.anchor.row, s.end.row), s.anchor.col);
      },
    };
    // Redraws the rows of the old and new rectangles (cell class rules are evaluated on refresh).
    function move(anchor: Corner | null, end: Corner = anchor!) {
      const a = apiRef.current as GridApi | null;
      const old = rect();
      sel.current = anchor ? { anchor, end } : null;
      if (!a) return;
      const s = sel.current;
      const rows = new Set(old?.rows ?? []);
      if (s) for (let i = Math.min(s.anchor.row, s.end.row); i <= Math.max(s.anchor.row, s.end.row); i++) rows.add(i);
      const rowNodes = [...rows].map((i) => a.getDisplayedRowAtIndex(i)).filter((x): x is IRowNode => Boolean(x));
      if (rowNodes.length) a.refreshCells({ rowNodes });
    }
  }, [container, apiRef]);

  // The class rules read the selection through this (module-level rules would not know the grid).
  const RULES = useMemo(() => {
    const at = (p: CellClassParams) => {
      const s = sel.current;
      if (!s || p.node.rowPinned || p.rowIndex === null || p.rowIndex === undefined) return null;
      if (s.anchor.row === s.end.row && s.anchor.col === s.end.col) return null; // one cell: the focus shows it
      const ids = (p.api.getAllDisplayedColumns() as Column[]).map((c) => c.getColId());
      const [c1, c2] = [ids.indexOf(s.anchor.col), ids.indexOf(s.end.col)].sort((x, y) => x - y);
      const [r1, r2] = [s.anchor.row, s.end.row].sort((x, y) => x - y);
      const c = ids.indexOf(p.column.getColId());
      if (p.rowIndex < r1 || p.rowIndex > r2 || c < c1 || c > c2) return null;
      return { top: p.rowIndex === r1, bottom: p.rowIndex === r2, start: c === c1, end: c === c2 };
    };
    return {
      'cell-range': (p: CellClassParams) => at(p) !== null,
      // Edges by logical side: inline-start is the right in a right-to-left grid (the CSS uses logical borders).
      'cell-range-top': (p: CellClassParams) => Boolean(at(p)?.top),
      'cell-range-bottom': (p: CellClassParams) => Boolean(at(p)?.bottom),
      'cell-range-start': (p: CellClassParams) => Boolean(at(p)?.start),
      'cell-range-end': (p: CellClassParams) => Boolean(at(p)?.end),
    };
  }, []);

  // Every column gets the class rules (merged with its own); the same defs give the same list (AG Grid compares).
  const cache = useRef(new WeakMap<ColDef<T>[], ColDef<T>[]>());
  const columns = (defs: ColDef<T>[]) => {
    let out = cache.current.get(defs);
    if (!out) {
      out = defs.map((d) => ({ ...d, cellClassRules: { ...d.cellClassRules, ...RULES } }));
      cache.current.set(defs, out);
    }
    return out;
  };
  useEffect(() => {
    if (!grid) return;
    grids.add(grid);
    const el = grid.container;
    let dragging = false;
    let moved = false;
    const set = (anchor: Corner, end: Corner) => {
      grid.move(anchor, end);
      const a = grid.api();
      a?.ensureIndexVisible(end.row);
      a?.ensureColumnVisible(end.col);
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.shiftKey && !isEditor(e.target) && NAVIGATION.has(e.key)) moved = true;
      if (!e.shiftKey || e.ctrlKey || e.metaKey || e.altKey || isEditor(e.target)) return;
      const dir = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[e.key];
      const here = cornerOf(e.target as HTMLElement);
      const a = grid.api();
      if (!dir || !here || !a) return;
      e.preventDefault();
      e.stopPropagation();
      const s = sel.current ?? { anchor: here, end: here };
      const ids = a.getAllDisplayedColumns().map((c) => c.getColId());
      const rtl = Boolean(a.getGridOption('enableRtl'));
      const col = ids.indexOf(s.end.col) + dir[1] * (rtl ? -1 : 1);
      const row = s.end.row + dir[0];
      if (col < 0 || col >= ids.length || row < 0 || row >= a.getDisplayedRowCount()) return;
      set(s.anchor, { row, col: ids[col] });
    };
    const onDown = (e: PointerEvent) => {
      const here = cornerOf(e.target as HTMLElement);
      if (e.button !== 0 || !here || isEditor(e.target)) return;
      if (e.shiftKey && sel.current) {
        // Shift+click: from the anchor to here; the grid still focuses the cell clicked (kept in the range).
        set(sel.current.anchor, here);
        return;
      }
      dragging = true;
      set(here, here);
    };
    const onOver = (e: MouseEvent) => {
      if (!dragging || !sel.current) return;
      if ((e.buttons & 1) === 0) {
        dragging = false;
        return;
      }
      const here = cornerOf(e.target as HTMLElement);
      if (here && (here.row !== sel.current.end.row || here.col !== sel.current.end.col)) {
        e.preventDefault();
        set(sel.current.anchor, here);
      }
    };
    const onUp = () => {
      dragging = false;
    };
    // Moving the focus with the keys (arrows, Tab, Enter…) starts again from the cell focused, as in a spreadsheet;
    // so does a focus that lands outside the range (a click is handled on mousedown).
    const onFocus = (e: FocusEvent) => {
      const here = cornerOf(e.target as HTMLElement);
      // A pinned row (the total, a new line) is in no range: a paste there is not a block.
      if (!here && cellOf(e.target)) return grid.move(null);
      if (!here || isEditor(e.target) || dragging) return;
      const r = grid.rect();
      const inside = r !== null && r.rows.includes(here.row) && r.cols.includes(here.col);
      if (inside && !moved) return;
      moved = false;
      set(here, here);
    };
    el.addEventListener('keydown', onKey, true);
    // pointerdown comes before the mousedown on which the grid focuses the cell (which would start the range there).
    el.addEventListener('pointerdown', onDown, true);
    el.addEventListener('mouseover', onOver);
    window.addEventListener('mouseup', onUp);
    el.addEventListener('focusin', onFocus);
    return () => {
      grids.delete(grid);
      el.removeEventListener('keydown', onKey, true);
      el.removeEventListener('pointerdown', onDown, true);
      el.removeEventListener('mouseover', onOver);
      window.removeEventListener('mouseup', onUp);
      el.removeEventListener('focusin', onFocus);
    };
  }, [grid]);

  const p = useSyncExternalStore(subscribe, getPending);
  return {
    ref: setContainer,
    columns,
    preview: p && grid && p.grid === grid ? <PastePreview pending={p} onClose={() => showPending(null)} /> : null,
  };
}
