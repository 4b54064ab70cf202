import { AllCommunityModule, ModuleRegistry, themeQuartz, type CellEditRequestEvent, type ColDef, type GetRowIdParams, type GridApi } from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ContributionRow, ContributionTable } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';

ModuleRegistry.registerModules([AllCommunityModule]);

const theme = themeQuartz.withParams({ fontSize: 13, headerFontSize: 13, spacing: 6, fontFamily: 'system-ui, sans-serif' });

export const TOTAL_ROW_ID = 'total';

/** A row as the grid holds it: the engine's row (never recomputed here) or the pinned total. */
export interface GridRow {
  code: string;
  name: string;
  class: string | null;
  units: string;
  percent: string;
  amount: string;
  roundedUp?: boolean;
  note?: string;
}

export interface CellEdit {
  rowId: string;
  colId: string;
  pinned: boolean;
  value: string;
}

interface Props {
  table: ContributionTable | null;
  /** The scheme's class codes (R1), or null for a scale (R2) where the weight is typed. */
  classes: string[] | null;
  /** The pinned total is editable when the budget sets a total (R4): it edits the budget's figure. */
  totalEditable: boolean;
  onEdit(edit: CellEdit): void;
  onFocusRow(code: string | null): void;
  apiRef: React.RefObject<GridApi<GridRow> | null>;
}

const same = (a: ContributionRow, b: ContributionRow) =>
  a.amount === b.amount && a.class === b.class && a.units === b.units && a.percent === b.percent && a.name === b.name && a.roundedUp === b.roundedUp;

const note = (r: ContributionRow): string | undefined => {
  const parts: string[] = [];
  if (r.proRata) parts.push(`R12 pro rata ${r.proRata.num}/${r.proRata.den}`);
  if (r.classFrom) parts.push(`R11 class from ${r.classFrom}`);
  if (r.changeId) parts.push(`R13 change ${r.changeId}`);
  return parts.length ? parts.join(' · ') : undefined;
};

const toGridRow = (r: ContributionRow): GridRow => ({ ...r, class: r.class, note: note(r) });

export function MembersGrid({ table, classes, totalEditable, onEdit, onFocusRow, apiRef }: Props) {
  const shown = useRef(new Map<string, ContributionRow>());
  const order = useRef<string[]>([]);
  const latest = useRef(table);
  latest.current = table;

  const columnDefs = useMemo<ColDef<GridRow>[]>(
    () => [
      { field: 'code', headerName: 'Code', width: 90, pinned: 'left' },
      { field: 'name', headerName: 'Member', flex: 2, minWidth: 180, editable: (p) => !p.node.rowPinned },
      classes
        ? {
            field: 'class',
            headerName: 'Class',
            width: 110,
            editable: (p) => !p.node.rowPinned,
            cellEditor: 'agSelectCellEditor',
            cellEditorParams: { values: classes },
          }
        : { field: 'class', headerName: 'Class', width: 90, hide: true },
      {
        field: 'units',
        headerName: classes ? 'Units' : 'Weight',
        width: 110,
        type: 'rightAligned',
        // R2 a scale's weight is typed in; a class's units come from the scheme.
        editable: (p) => !classes && !p.node.rowPinned,
      },
      { field: 'percent', headerName: '%', width: 110, type: 'rightAligned', valueFormatter: (p) => (p.value ? `${p.value}` : '') },
      {
        field: 'amount',
        headerName: 'Amount',
        width: 170,
        type: 'rightAligned',
        valueFormatter: (p) => (p.value ? groupThousands(p.value) : ''),
        editable: (p) => Boolean(p.node.rowPinned) && totalEditable,
        cellClassRules: { 'rounded-up': (p) => Boolean(p.data?.roundedUp) },
        headerTooltip: 'R5: shares sum exactly to the total; ▴ marks a share that received a rounding unit',
      },
      { field: 'note', headerName: 'Note', flex: 1, minWidth: 140, cellClass: 'note' },
    ],
    [classes, totalEditable],
  );

  // Recompute = a transaction of the rows that changed; the grid keeps focus, scroll and editors (getRowId).
  // A layout effect: the new figures reach the grid before the browser paints, not one frame later.
  useLayoutEffect(() => {
    const api = apiRef.current;
    if (!api || !table) return;
    const prev = shown.current;
    const next = new Map(table.rows.map((r) => [r.code, r]));
    const codes = table.rows.map((r) => r.code);
    const add: GridRow[] = [];
    const update: GridRow[] = [];
    const remove: GridRow[] = [];
    for (const r of table.rows) {
      const old = prev.get(r.code);
      if (!old) add.push(toGridRow(r));
      else if (!same(old, r)) update.push(toGridRow(r));
    }
    for (const [code, r] of prev) if (!next.has(code)) remove.push(toGridRow(r));
    const appendOnly = add.length === 0 || (codes.length >= order.current.length && order.current.every((c, i) => codes[i] === c));
    if (appendOnly) api.applyTransaction({ add, update, remove });
    // A reordering change (another budget): hand over the list; with getRowId the grid still updates in place.
    else api.setGridOption('rowData', table.rows.map(toGridRow));
    shown.current = next;
    order.current = codes;
    api.setGridOption('pinnedBottomRowData', [totalRow(table)]);
  }, [table, apiRef]);

  return (
    <div className="grid" data-testid="members-grid">
      <AgGridReact<GridRow>
        theme={theme}
        columnDefs={columnDefs}
        defaultColDef={{ resizable: true, sortable: false, suppressMovable: true }}
        getRowId={(p: GetRowIdParams<GridRow>) => (p.rowPinned ? TOTAL_ROW_ID : p.data.code)}
        readOnlyEdit
        onCellEditRequest={(e: CellEditRequestEvent<GridRow>) =>
          onEdit({ rowId: e.node.rowPinned ? TOTAL_ROW_ID : e.data.code, colId: e.column.getColId(), pinned: Boolean(e.node.rowPinned), value: String(e.newValue ?? '') })
        }
        onCellFocused={(e) => {
          if (e.rowIndex === null || e.rowPinned) return onFocusRow(null);
          onFocusRow(e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.code ?? null);
        }}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        undoRedoCellEditing={false}
        suppressClipboardPaste
        animateRows={false}
        onGridReady={(e) => {
          apiRef.current = e.api;
          shown.current = new Map();
          order.current = [];
          const table = latest.current;
          if (table) {
            e.api.setGridOption('rowData', table.rows.map(toGridRow));
            shown.current = new Map(table.rows.map((r) => [r.code, r]));
            order.current = table.rows.map((r) => r.code);
            e.api.setGridOption('pinnedBottomRowData', [totalRow(table)]);
          }
        }}
      />
    </div>
  );
}

/** The pinned total: the engine's exact sum (R5), never added up here. */
function totalRow(t: ContributionTable): GridRow {
  return { code: '', name: `Total, ${t.rows.length} members`, class: null, units: t.totalUnits, percent: '100.0000', amount: t.total };
}
