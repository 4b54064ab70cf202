import type {
  CellEditRequestEvent,
  CellPosition,
  ColDef,
  GetRowIdParams,
  GridApi,
  RowClassParams,
  SuppressKeyboardEventParams,
  TabToNextCellParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { gridTheme } from '../MembersGrid';
import { TextEditor } from '../grid/TextEditor';
import { byValue } from '../grid/sorting';
import { useLocale } from '../locale';
import { useGridRange } from '../grid/range';
import { TEXT_FILTER_PARAMS } from '../grid/find';
import { useGridLocale } from '../i18n';

// The ledger views' grid: rows computed by the engine, handed over as transactions keyed by getRowId so a
// recompute (a payment recorded) updates cells in place and keeps focus, scroll and the editor; edits go out as
// commands (readOnlyEdit), with the members grid's keys (Enter down, Tab right, F2, Escape). A view may pin a blank
// "new" row at the top to type a new line into: Tab wraps within it, and Enter there ends the edit and asks the view
// what next (onNewRowEnter) instead of moving down into the rows.

export interface LedgerEdit {
  rowId: string;
  colId: string;
  value: string;
  /** The edit was made in the pinned new row. */
  pinned: boolean;
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
  /** A blank row pinned at the top for typing a new line (its id from rowId, never one of the rows'). */
  newRow?: T | null;
  /** Enter pressed while editing the new row, after the edit (if any) was handed to onEdit. */
  onNewRowEnter?(colId: string): void;
}

const rowClass = (p: RowClassParams) => (p.node.rowPinned === 'top' ? 'ledger-new-row' : undefined);

/** Tab in the pinned new row stays in it: past its last editable cell it wraps to the first (Shift+Tab: the other way). */
function tabWithinNewRow<T>(p: TabToNextCellParams<T>): CellPosition | boolean {
  const from = p.previousCellPosition;
  const to = p.nextCellPosition;
  if (from.rowPinned !== 'top' || (to && to.rowPinned === 'top' && to.rowIndex === from.rowIndex)) return to ?? false;
  const editable = p.api.getAllDisplayedColumns().filter((c) => Boolean(c.getColDef().editable));
  const column = p.backwards ? editable.at(-1) : editable[0];
  return column ? { rowIndex: from.rowIndex, rowPinned: 'top', column } : (to ?? false);
}

export function LedgerGrid<T extends object>({
  rows,
  rowId,
  columns,
  onEdit,
  onFocusRow,
  apiRef,
  testId,
  error,
  onCloseError,
  newRow,
  onNewRowEnter,
}: Props<T>) {
  const api = useRef<GridApi<T> | null>(null);
  const gridLocale = useGridLocale();
  const { id: localeId } = useLocale();
  // Ranges: Shift+arrows or the mouse select cells, Ctrl+C copies them as shown (useClipboard).
  const range = useGridRange(api);
  const shown = useRef(new Map<string, T>());
  const order = useRef<string[]>([]);
  const latest = useRef(rows);
  latest.current = rows;
  const idOf = useRef(rowId);
  idOf.current = rowId;
  const pinned = useRef(newRow);
  pinned.current = newRow;
  const onEnter = useRef(onNewRowEnter);
  onEnter.current = onNewRowEnter;
  const onEditRef = useRef(onEdit);
  onEditRef.current = onEdit;
  // Made once per language: AG Grid rebuilds its columns when it is handed a new defaultColDef.
  const defaultColDef = useMemo<ColDef<T>>(
    () => ({
      resizable: true,
      sortable: true,
      // Every header sorts: decimals exactly, words by the user's language (a column may say otherwise: money).
      comparator: byValue(localeId),
      suppressMovable: true,
      // A header longer in another language (Утрачивает голос) wraps instead of being cut.
      wrapHeaderText: true,
      autoHeaderHeight: true,
      cellEditor: TextEditor,
      // A text filter (the member's name) ignores case and accents; number filters do not read it.
      filterParams: TEXT_FILTER_PARAMS,
      // Enter while editing the new row: the edit ends here, handed to onEdit at once (the grid's edit request comes
      // later), then the view says where to go next; the grid does not move down.
      suppressKeyboardEvent: (p: SuppressKeyboardEventParams<T>) => {
        if (
          p.node.rowPinned !== 'top' ||
          !p.editing ||
          p.event.key !== 'Enter' ||
          p.event.type !== 'keydown' ||
          !onEnter.current
        )
          return false;
        p.event.preventDefault();
        const colId = p.column.getColId();
        const [editor] = p.api.getCellEditorInstances({ rowNodes: [p.node], columns: [colId] });
        const value = String(editor?.getValue() ?? '');
        // The value held (getCellValue would give the one being typed).
        const old = String((p.node.data as Record<string, unknown> | undefined)?.[p.colDef.field ?? colId] ?? '');
        p.api.stopEditing(true);
        if (editor && p.node.data && value !== old)
          onEditRef.current?.({ rowId: idOf.current(p.node.data), colId, value, pinned: true });
        onEnter.current(colId);
        return true;
      },
    }),
    [localeId],
  );

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
    const appendOnly =
      add.length === 0 || (ids.length >= order.current.length && order.current.every((c, i) => ids[i] === c));
    if (appendOnly && prev.size > 0) a.applyTransaction({ add, update, remove });
    else a.setGridOption('rowData', [...list]);
    shown.current = next;
    order.current = ids;
  };

  useLayoutEffect(() => {
    if (api.current) hand(api.current, rows);
  }, [rows]);
  // The new row's data is updated in place: replacing the pinned row would drop the editor Tab just opened in it.
  const pinNewRow = (a: GridApi<T>, row: T | null | undefined) => {
    const node = a.getPinnedTopRowCount() === 1 ? a.getPinnedTopRow(0) : undefined;
    if (row && node && node.id === idOf.current(row)) node.updateData(row);
    else a.setGridOption('pinnedTopRowData', row ? [row] : []);
  };
  useLayoutEffect(() => {
    if (api.current) pinNewRow(api.current, newRow);
  }, [newRow]);
  const getRowId = useCallback((p: GetRowIdParams<T>) => idOf.current(p.data), []);

  return (
    <div className="grid ledger-grid" data-testid={testId} ref={range.ref}>
      <AgGridReact<T>
        // enableRtl is read once: a change of direction (Arabic chosen) builds the grid anew; onGridReady hands the rows.
        key={gridLocale.enableRtl ? 'rtl' : 'ltr'}
        theme={gridTheme}
        {...gridLocale}
        columnDefs={range.columns(columns)}
        defaultColDef={defaultColDef}
        getRowId={getRowId}
        readOnlyEdit
        onCellEditRequest={(e: CellEditRequestEvent<T>) =>
          onEdit?.({
            rowId: idOf.current(e.data),
            colId: e.column.getColId(),
            value: String(e.newValue ?? ''),
            pinned: Boolean(e.node.rowPinned),
          })
        }
        getRowClass={rowClass}
        tabToNextCell={tabWithinNewRow}
        onCellFocused={(e) => {
          if (e.rowIndex === null || e.rowPinned) return onFocusRow?.(null);
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
          pinNewRow(e.api, pinned.current);
        }}
      />
      {range.preview}
      {error && <CellErrorBubble testId={testId} error={error} onClose={onCloseError} />}
    </div>
  );
}

/** The refusal, next to the cell typed into (the cell keeps its old value). */
function CellErrorBubble({
  testId,
  error,
  onClose,
}: {
  testId: string;
  error: { rowId: string; colId: string; message: string };
  onClose?(): void;
}) {
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
    <div
      className="cell-error bubble"
      role="alert"
      data-testid="cell-error"
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }}
      onClick={onClose}
    >
      {error.message}
    </div>
  );
}
