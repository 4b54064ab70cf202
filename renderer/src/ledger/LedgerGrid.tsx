import type { CellEditRequestEvent, ColDef, GetRowIdParams, GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { gridTheme } from '../MembersGrid';

// The ledger views' grid: rows computed by the engine, handed over as transactions keyed by getRowId so a
// recompute (a payment recorded) updates cells in place and keeps focus, scroll and the editor; edits go out as
// commands (readOnlyEdit), with the members grid's keys (Enter down, Tab right, F2, Escape).

export interface LedgerEdit {
  rowId: string;
  colId: string;
  value: string;
}

interface Props<T> {
  rows: readonly T[];
  rowId(row: T): string;
  columns: ColDef<T>[];
  onEdit?(edit: LedgerEdit): void;
  onFocusRow?(row: T | null): void;
  apiRef?: React.RefObject<GridApi<T> | null>;
  testId: string;
  /** The refusal of the last edit, shown at its cell. */
  error?: { rowId: string; colId: string; message: string } | null;
  onCloseError?(): void;
}

// Made once: AG Grid rebuilds its columns when it is handed a new defaultColDef (as on every render if inline).
const LEDGER_DEFAULT_COL = { resizable: true, sortable: true, suppressMovable: true };

export function LedgerGrid<T extends object>({ rows, rowId, columns, onEdit, onFocusRow, apiRef, testId, error, onCloseError }: Props<T>) {
  const api = useRef<GridApi<T> | null>(null);
  const shown = useRef(new Map<string, T>());
  const order = useRef<string[]>([]);
  const latest = useRef(rows);
  latest.current = rows;
  const idOf = useRef(rowId);
  idOf.current = rowId;

  const hand = (a: GridApi<T>, list: readonly T[]) => {
    const prev = shown.current;
    const next = new Map<string, T>();
    const add: T[] = [];
    const update: T[] = [];
    const ids: string[] = [];
    for (const r of list) {
      const id = idOf.current(r);
      ids.push(id);
      next.set(id, r);
      const old = prev.get(id);
      if (!old) add.push(r);
      else if (old !== r) update.push(r);
    }
    const remove: T[] = [];
    for (const [id, r] of prev) if (!next.has(id)) remove.push(r);
    // Appended rows or rows left out keep the order; anything else (a filter reordering) hands over the list.
    const appendOnly = add.length === 0 || (ids.length >= order.current.length && order.current.every((c, i) => ids[i] === c));
    if (appendOnly && prev.size > 0) a.applyTransaction({ add, update, remove });
    else a.setGridOption('rowData', [...list]);
    shown.current = next;
    order.current = ids;
  };

  useLayoutEffect(() => {
    if (api.current) hand(api.current, rows);
  }, [rows]);
  const getRowId = useCallback((p: GetRowIdParams<T>) => idOf.current(p.data), []);

  return (
    <div className="grid ledger-grid" data-testid={testId}>
      <AgGridReact<T>
        theme={gridTheme}
        columnDefs={columns}
        defaultColDef={LEDGER_DEFAULT_COL}
        getRowId={getRowId}
        readOnlyEdit
        onCellEditRequest={(e: CellEditRequestEvent<T>) => onEdit?.({ rowId: idOf.current(e.data), colId: e.column.getColId(), value: String(e.newValue ?? '') })}
        onCellFocused={(e) => {
          if (e.rowIndex === null) return onFocusRow?.(null);
          onFocusRow?.(e.api.getDisplayedRowAtIndex(e.rowIndex)?.data ?? null);
        }}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        undoRedoCellEditing={false}
        suppressClipboardPaste
        animateRows={false}
        onGridReady={(e) => {
          api.current = e.api;
          if (apiRef) apiRef.current = e.api;
          shown.current = new Map();
          order.current = [];
          hand(e.api, latest.current);
        }}
      />
      {error && <CellErrorBubble testId={testId} error={error} onClose={onCloseError} />}
    </div>
  );
}

/** The refusal, next to the cell typed into (the cell keeps its old value). */
function CellErrorBubble({ testId, error, onClose }: { testId: string; error: { rowId: string; colId: string; message: string }; onClose?(): void }) {
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const host = document.querySelector(`[data-testid="${testId}"]`);
    const cell = host?.querySelector(`.ag-row[row-id="${CSS.escape(error.rowId)}"] .ag-cell[col-id="${error.colId}"]`);
    if (!host || !cell) return setPos({ top: 40, left: 8 });
    const c = cell.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    cell.classList.add('cell-refused');
    setPos({ top: c.bottom - h.top + 2, left: Math.max(0, c.left - h.left) });
    return () => cell.classList.remove('cell-refused');
  }, [error, testId]);
  return (
    <div className="cell-error bubble" role="alert" data-testid="cell-error" style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }} onClick={onClose}>
      {error.message}
    </div>
  );
}
