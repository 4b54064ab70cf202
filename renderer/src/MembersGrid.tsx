import {
  AllCommunityModule,
  ModuleRegistry,
  themeQuartz,
  type CellDoubleClickedEvent,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type CellKeyDownEvent,
  type ColDef,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
  type ICellRendererParams,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { ContributionRow, ContributionTable } from '../../shared/engine';
import { percentTotal } from '../../shared/engine/percent';
import { formatDate, type DateFormat } from '../../shared/edit/input';
import { ClassEditor } from './grid/ClassEditor';
import { byAmount, byClassUnits, byCode, byText } from './grid/sorting';
import { TextEditor } from './grid/TextEditor';
import { useGridRange } from './grid/range';
import { FIND_OPTIONS, findShown } from './grid/find';
import { useAmount, useClassLabel, useGridLocale, useT, type T } from './i18n';
import { usePinStart, PINNED_NAME_WIDTH } from './layout/pin';
import { useLocale } from './locale';
import { isolateIn } from './rich';

ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontSize: 13,
  headerFontSize: 13,
  spacing: 6,
  fontFamily: 'system-ui, sans-serif',
});

export const TOTAL_ROW_ID = 'total';

/**
 * R22 gross, credit and net share the width left beside code, name, rate and share: at 1280 px (side panel open) all
 * three stay in view, in Arabic too, and only the note scrolls; wider windows give each up to the usual amount width.
 */
const CREDITED_WIDTH = { flex: 1, minWidth: 118, maxWidth: 170 } as const;

/** A row as the grid holds it: the engine's row (never recomputed here) or the pinned total. */
export interface GridRow {
  code: string;
  name: string;
  class: string | null;
  units: string;
  percent: string;
  amount: string;
  /** R22 where the budget carries a credit: this member's part of it, and net = gross (amount) − credit. */
  credit?: string;
  net?: string;
  roundedUp?: boolean;
  note?: string;
  /** R14 in a scenario: the class or units differ from the baseline's. */
  classChanged?: boolean;
  /** R14 in a scenario: the difference from the baseline's amount (the engine's string), when not zero. */
  difference?: string;
}

/** R14 how a row of a scenario differs from the baseline (computed by shared/scenario). */
export interface RowMark {
  classChanged: boolean;
  difference: string | null;
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
  /** R14 a scenario's changes against the baseline, by member code; absent for the baseline. */
  marks?: ReadonlyMap<string, RowMark>;
  /** R8/R12 dates of accession and leaving by member code (only members that have one), for the row's note. */
  dates?: ReadonlyMap<string, { from?: string; until?: string }>;
  /** Find: only the members whose code, name or class contain this text are shown (the total stays the budget's). */
  quickFilter?: string;
  /** How many members the find leaves shown. */
  onShownCount?(n: number): void;
  /**
   * R11 a special union: its members' class is the one they hold in `source` (the Paris Union), shown read-only and
   * marked so; typing there is handed to onEdit, whose command refuses it with the reason. `tip` cites the treaty.
   */
  linked?: { source: string; tip: string };
  /** The scheme's id: the Convention's classes are shown as the user's language names them (ألف for A). */
  schemeId?: string;
  /** R21–R23 a percent scale: the weight is the declared rate, shown beside the share assessed. */
  percentScale?: boolean;
}

/** R11 the class held through the linked union, marked with the union it comes from. */
function LinkedClass(p: ICellRendererParams<GridRow> & { source: string; tip: string }) {
  const t = useT();
  if (p.node.rowPinned || !p.value) return null;
  return (
    <span title={p.tip}>
      {String(p.value)} <span className="linked-class">{t('members.grid.classFrom', { source: p.source })}</span>
    </span>
  );
}

/**
 * Rows differ when a field other than the percentage does: a class edit moves every member's percentage (u_i / U)
 * but usually one amount, so the percentages are read from the engine's current table (`percentOf`) and their
 * cells refreshed, rather than every row being handed to the grid again (bench/ui).
 */
const same = (a: GridRow, b: GridRow) =>
  a.amount === b.amount &&
  a.credit === b.credit &&
  a.net === b.net &&
  a.class === b.class &&
  a.units === b.units &&
  a.name === b.name &&
  a.roundedUp === b.roundedUp &&
  a.note === b.note &&
  a.classChanged === b.classChanged &&
  a.difference === b.difference;

/** The row's note: R12 a year of accession (pro rata or in full) and R8 a last year, R11 and R13 sources. */
const note = (r: ContributionRow, ctx: RowContext, d?: { from?: string; until?: string }): string | undefined => {
  const { year, t, date } = ctx;
  // A date in the user's format; isolated, so an ISO date keeps its order inside a right-to-left note.
  const day = (iso: string) => ctx.iso(formatDate(iso, date));
  const parts: string[] = [];
  const inYear = (day?: string) => day !== undefined && year !== null && day.startsWith(`${year}-`);
  const fraction = r.proRata ? `${r.proRata.num}/${r.proRata.den}` : '';
  if (r.proRata)
    parts.push(
      inYear(d?.from)
        ? t('members.note.joinedProRata', { date: day(d!.from!), fraction })
        : t('members.note.proRata', { fraction }),
    );
  else if (inYear(d?.from) && d!.from !== `${year}-01-01`)
    parts.push(t('members.note.joinedInFull', { date: day(d!.from!) }));
  if (inYear(d?.until) && d!.until !== `${year}-01-01`) parts.push(t('members.note.leaves', { date: day(d!.until!) }));
  if (r.classFrom) parts.push(t('members.note.classFrom', { source: ctx.source ?? r.classFrom }));
  if (r.changeId) parts.push(t('members.note.classChange', { id: r.changeId }));
  return parts.length ? parts.join(' · ') : undefined;
};

interface RowContext {
  marks?: ReadonlyMap<string, RowMark>;
  dates?: ReadonlyMap<string, { from?: string; until?: string }>;
  year: number | null;
  /** R11 the name of the union the classes come from. */
  source?: string;
  /** The notes are written in the user's language, dates in the user's format. */
  t: T;
  date: DateFormat;
  iso: (s: string) => string;
}

function toGridRow(r: ContributionRow, ctx: RowContext): GridRow {
  const mark = ctx.marks?.get(r.code);
  const row: GridRow = {
    code: r.code,
    name: r.name,
    class: r.class,
    units: r.units,
    percent: r.percent,
    amount: r.amount,
    roundedUp: r.roundedUp,
    note: note(r, ctx, ctx.dates?.get(r.code)),
  };
  if (r.credit !== undefined) Object.assign(row, { credit: r.credit, net: r.net });
  if (mark?.classChanged) row.classChanged = true;
  if (mark?.difference) row.difference = mark.difference;
  return row;
}

const rowsOf = (table: ContributionTable, ctx: Omit<RowContext, 'year'>) =>
  table.rows.map((r) => toGridRow(r, { ...ctx, year: table.year }));

export function MembersGrid({
  table,
  classes,
  totalEditable,
  onEdit,
  onFocusRow,
  apiRef,
  marks,
  dates,
  quickFilter,
  onShownCount,
  linked,
  percentScale,
  schemeId,
}: Props) {
  const shown = useRef(new Map<string, GridRow>());
  const order = useRef<string[]>([]);
  /** The engine's percentage of each member in the table shown (the percent column reads it). */
  const percentOf = useRef(new Map<string, string>());
  const source = linked?.source;
  const t = useT();
  const amount = useAmount();
  const classText = useClassLabel(schemeId);
  const { date, dir, id: localeId } = useLocale();
  const words = useMemo(() => byText(localeId), [localeId]);
  const iso = useMemo(() => isolateIn(dir), [dir]);
  const gridLocale = useGridLocale();
  const start = usePinStart();
  // Ranges: Shift+arrows or the mouse select cells; copy, paste and fill down read them (useClipboard).
  const range = useGridRange(apiRef);
  const latest = useRef({ table, marks, dates, source, t, date, iso });
  const credited = table?.credit !== undefined;
  latest.current = { table, marks, dates, source, t, date, iso };

  // The find reads each cell as shown: ألف for class A in Arabic, amounts in the user's format (findShown).
  const columnDefs = useMemo<ColDef<GridRow>[]>(
    (): ColDef<GridRow>[] =>
      findShown<GridRow>([
        // Issue 14: code and member stay in view at the line's start; the columns after them flex.
        { field: 'code', headerName: t('members.grid.code'), width: 90, pinned: start, comparator: byCode },
        {
          field: 'name',
          headerName: t('members.grid.member'),
          pinned: start,
          width: PINNED_NAME_WIDTH,
          editable: (p) => !p.node.rowPinned,
          comparator: words,
        },
        classes && linked
          ? ({
              // R11 read-only: the class comes from the Paris Union (Locarno Agreement Art. 7(4)(a)).
              field: 'class',
              headerName: t('members.grid.class'),
              width: 190,
              editable: false,
              cellRenderer: LinkedClass,
              cellRendererParams: { source: linked.source, tip: linked.tip },
              cellClass: 'linked',
              headerTooltip: linked.tip,
              comparator: byClassUnits<GridRow>((r) => r.units),
            } satisfies ColDef<GridRow>)
          : classes
            ? ({
                field: 'class',
                headerName: t('members.grid.class'),
                width: 110,
                editable: (p) => !p.node.rowPinned,
                // Type-ahead over the scheme's classes (R1): `vi` Enter gives VI.
                // Shown (not stored) as the user's language names the class: ألف for A in Arabic.
                valueFormatter: (p) => (p.value ? classText(String(p.value)) : ''),
                cellEditor: ClassEditor,
                // In the grid's popup layer, so the candidates show below the cell instead of being cut by it.
                cellEditorPopup: true,
                cellEditorPopupPosition: 'over',
                cellEditorParams: { values: classes, label: classText, scheme: schemeId },
                comparator: byClassUnits<GridRow>((r) => r.units),
                cellClassRules: { 'scenario-changed': (p) => Boolean(p.data?.classChanged) },
              } satisfies ColDef<GridRow>)
            : { field: 'class', headerName: t('members.grid.class'), width: 90, hide: true },
        {
          field: 'units',
          // R21–R23 a percent scale: the rate as declared, beside the share assessed (rate / sum of the rates).
          headerName: classes
            ? t('members.grid.units')
            : percentScale
              ? t('members.grid.declaredRate')
              : t('members.grid.weight'),
          headerTooltip: percentScale ? t('members.grid.declaredRateTip') : undefined,
          width: 110,
          type: 'rightAligned',
          valueFormatter: (p) => (p.value ? amount(String(p.value)) : ''),
          // R2 a scale's weight is typed in; a class's units come from the scheme.
          editable: (p) => !classes && !p.node.rowPinned,
          comparator: byAmount,
          cellClassRules: { 'scenario-changed': (p) => Boolean(p.data?.classChanged) },
        },
        {
          colId: 'percent',
          headerName: percentScale ? t('members.grid.shareAssessed') : '%',
          headerTooltip: percentScale ? t('members.grid.shareAssessedTip') : undefined,
          width: percentScale ? 140 : 110,
          type: 'rightAligned',
          valueGetter: (p) =>
            p.node?.rowPinned ? p.data?.percent : p.data && (percentOf.current.get(p.data.code) ?? p.data.percent),
          valueFormatter: (p) => (p.value ? amount(String(p.value)) : ''),
          comparator: byAmount,
        },
        {
          field: 'amount',
          headerName: credited ? t('scales.grid.gross') : t('members.grid.amount'),
          ...(credited ? CREDITED_WIDTH : { width: 170 }),
          type: 'rightAligned',
          valueFormatter: (p) => (p.value ? amount(p.value) : ''),
          // The total opens in the user's format, which the cell's parser reads back exactly (never ambiguous).
          cellEditorParams: { show: (v: unknown) => (v ? amount(String(v)) : '') },
          editable: (p) => Boolean(p.node.rowPinned) && totalEditable,
          comparator: byAmount,
          cellClassRules: {
            'rounded-up': (p) => Boolean(p.data?.roundedUp),
            'scenario-up': (p) => Boolean(p.data?.difference && !p.data.difference.startsWith('-')),
            'scenario-down': (p) => Boolean(p.data?.difference?.startsWith('-')),
          },
          tooltipValueGetter: (p) =>
            p.data?.difference
              ? t('members.grid.against', {
                  difference: `${p.data.difference.startsWith('-') ? '' : '+'}${amount(p.data.difference)}`,
                })
              : undefined,
          headerTooltip: t('members.grid.amountTip'),
        },
        // R22 a credit beside the gross (staff assessment): each member's part of it, and the net it pays.
        ...(credited
          ? (['credit', 'net'] as const).map((f): ColDef<GridRow> => ({
              field: f,
              headerName: t(`scales.grid.${f}`),
              headerTooltip: t(`scales.grid.${f}Tip`),
              ...CREDITED_WIDTH,
              type: 'rightAligned',
              valueFormatter: (p) => (p.value ? amount(String(p.value)) : ''),
              comparator: byAmount,
            }))
          : []),
        {
          field: 'note',
          headerName: t('members.grid.note'),
          flex: 1,
          minWidth: 140,
          cellClass: 'note',
          tooltipField: 'note',
          comparator: words,
        },
      ]),
    [classes, totalEditable, linked, percentScale, credited, t, amount, words, classText, schemeId, start],
  );

  // Recompute = a transaction of the rows that changed; the grid keeps focus, scroll and editors (getRowId).
  // A layout effect: the new figures reach the grid before the browser paints, not one frame later.
  useLayoutEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    if (!table) {
      // Nothing computed (an empty budget, an engine error): no row of what was shown before stays on screen.
      if (shown.current.size > 0) api.setGridOption('rowData', []);
      api.setGridOption('pinnedBottomRowData', []);
      shown.current = new Map();
      order.current = [];
      return;
    }
    const prev = shown.current;
    const rows = rowsOf(table, { marks, dates, source, t, date, iso });
    const percentsBefore = percentOf.current;
    percentOf.current = new Map(table.rows.map((r) => [r.code, r.percent]));
    const next = new Map(rows.map((r) => [r.code, r]));
    const codes = rows.map((r) => r.code);
    const add: GridRow[] = [];
    const update: GridRow[] = [];
    const remove: GridRow[] = [];
    for (const r of rows) {
      const old = prev.get(r.code);
      if (!old) add.push(r);
      else if (!same(old, r)) update.push(r);
    }
    for (const [code, r] of prev) if (!next.has(code)) remove.push(r);
    const appendOnly =
      add.length === 0 || (codes.length >= order.current.length && order.current.every((c, i) => codes[i] === c));
    if (appendOnly) api.applyTransaction({ add, update, remove });
    // A reordering change (another budget): hand over the list; with getRowId the grid still updates in place.
    else api.setGridOption('rowData', rows);
    shown.current = next;
    order.current = codes;
    // Percentages that moved: only the cells the grid has rendered are redrawn (it compares old and new values).
    if (appendOnly && table.rows.some((r) => percentsBefore.get(r.code) !== r.percent))
      api.refreshCells({ columns: ['percent'] });
    api.setGridOption('pinnedBottomRowData', [totalRow(table, t)]);
  }, [table, marks, dates, source, apiRef, t, date, iso]);

  // Props AG Grid compares by reference are made once: a new defaultColDef (or getRowId) on every render made the
  // grid rebuild all its columns after each edit (bench/ui: the largest single cost of a class edit).
  const handlers = useRef({ onEdit, onFocusRow, linked: Boolean(linked) });
  handlers.current = { onEdit, onFocusRow, linked: Boolean(linked) };
  const stable = useMemo(
    () => ({
      defaultColDef: {
        resizable: true,
        // Every header sorts (click, or Enter on it); each column says how (exactly for figures).
        sortable: true,
        suppressMovable: true,
        cellEditor: TextEditor,
      } satisfies ColDef<GridRow>,
      getRowId: (p: GetRowIdParams<GridRow>) => (p.rowPinned ? TOTAL_ROW_ID : p.data.code),
      onCellEditRequest: (e: CellEditRequestEvent<GridRow>) =>
        handlers.current.onEdit({
          rowId: e.node.rowPinned ? TOTAL_ROW_ID : e.data.code,
          colId: e.column.getColId(),
          pinned: Boolean(e.node.rowPinned),
          value: String(e.newValue ?? ''),
        }),
      // R11 typing (or double-clicking) in a linked union's read-only class: the command says why not.
      onCellKeyDown: (e: CellKeyDownEvent<GridRow>) => {
        const k = (e.event as KeyboardEvent | null | undefined)?.key ?? '';
        const typing =
          (k.length === 1 && !(e.event as KeyboardEvent).ctrlKey && !(e.event as KeyboardEvent).metaKey) ||
          k === 'Enter' ||
          k === 'F2' ||
          k === 'Backspace' ||
          k === 'Delete';
        if (typing && handlers.current.linked && e.column.getColId() === 'class' && !e.node.rowPinned && e.data) {
          handlers.current.onEdit({ rowId: e.data.code, colId: 'class', pinned: false, value: '' });
        }
      },
      onCellDoubleClicked: (e: CellDoubleClickedEvent<GridRow>) => {
        if (handlers.current.linked && e.column.getColId() === 'class' && !e.node.rowPinned && e.data)
          handlers.current.onEdit({ rowId: e.data.code, colId: 'class', pinned: false, value: '' });
      },
      onCellFocused: (e: CellFocusedEvent<GridRow>) => {
        if (e.rowIndex === null || e.rowPinned) return handlers.current.onFocusRow(null);
        handlers.current.onFocusRow(e.api.getDisplayedRowAtIndex(e.rowIndex)?.data?.code ?? null);
      },
      onGridReady: (e: GridReadyEvent<GridRow>) => {
        apiRef.current = e.api;
        shown.current = new Map();
        order.current = [];
        const { table, marks, dates, source, t, date, iso } = latest.current;
        if (table) {
          percentOf.current = new Map(table.rows.map((r) => [r.code, r.percent]));
          const rows = rowsOf(table, { marks, dates, source, t, date, iso });
          e.api.setGridOption('rowData', rows);
          shown.current = new Map(rows.map((r) => [r.code, r]));
          order.current = rows.map((r) => r.code);
          e.api.setGridOption('pinnedBottomRowData', [totalRow(table, t)]);
        }
      },
    }),
    [apiRef],
  );

  return (
    <div className="grid" data-testid="members-grid" ref={range.ref}>
      <AgGridReact<GridRow>
        {...gridLocale}
        theme={gridTheme}
        columnDefs={range.columns(columnDefs)}
        defaultColDef={stable.defaultColDef}
        getRowId={stable.getRowId}
        readOnlyEdit
        onCellEditRequest={stable.onCellEditRequest}
        onCellFocused={stable.onCellFocused}
        onCellKeyDown={stable.onCellKeyDown}
        onCellDoubleClicked={stable.onCellDoubleClicked}
        enterNavigatesVertically
        enterNavigatesVerticallyAfterEdit
        stopEditingWhenCellsLoseFocus
        undoRedoCellEditing={false}
        suppressClipboardPaste
        animateRows={false}
        onGridReady={stable.onGridReady}
        quickFilterText={quickFilter}
        {...FIND_OPTIONS}
        onModelUpdated={(e) => onShownCount?.(e.api.getDisplayedRowCount())}
      />
      {range.preview}
    </div>
  );
}

/** The pinned total: the engine's exact sum (R5), never added up here. */
function totalRow(table: ContributionTable, t: T): GridRow {
  return {
    code: '',
    name: t('members.grid.total', { count: table.rows.length }),
    class: null,
    units: table.totalUnits,
    // The column of shares sums to exactly this (issue 14: largest remainder; 0 when no member holds a unit).
    percent: percentTotal(table.totalUnits),
    amount: table.total,
    ...(table.credit ? { credit: table.credit.total, net: table.credit.net } : {}),
  };
}
