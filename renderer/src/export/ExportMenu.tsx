import type { GridApi } from 'ag-grid-community';
import { useCallback } from 'react';
import { toPrintHtml } from '../../../shared/export/print-html';
import { toXlsx } from '../../../shared/export/xlsx';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { PDF_PROGRESS_FROM } from '../limits';
import { today, type ExportSource } from './exports';

export type ExportKind = 'csv' | 'xlsx' | 'pdf';

/** The codes of the rows the grid displays, in its order (after its sort and filter); null without a grid. */
export function displayedCodes<T extends { code: string }>(api: GridApi<T> | null): string[] | null {
  if (!api || api.isDestroyed()) return null;
  const codes: string[] = [];
  api.forEachNodeAfterFilterAndSort((n) => {
    if (n.data && !n.rowPinned) codes.push(n.data.code);
  });
  return codes;
}

/** Runs an export of what the user sees through the desktop API (a save dialog in Electron, a download or print in a browser). */
export function useExport(api: DesktopApi, source: () => ExportSource | null, report: (kind: 'info' | 'error', text: string, busy?: boolean) => void) {
  return useCallback(
    async (kind: ExportKind) => {
      const src = source();
      if (!src) return report('error', 'Nothing to export: the table could not be computed.');
      // A PDF of 10,000 rows takes Chromium ~6 s to print (bench/export): say it is under way.
      const rows = src.table.rows.length;
      if (kind === 'pdf' && rows >= PDF_PROGRESS_FROM) report('info', `Preparing ${src.stem}.pdf (${rows.toLocaleString('en')} rows)…`, true);
      const r =
        kind === 'csv'
          ? await api.exportFile(`${src.stem}.csv`, 'csv', src.csv)
          : kind === 'xlsx'
            ? await api.exportFile(`${src.stem}.xlsx`, 'xlsx', toXlsx([src.table], today()))
            : await api.exportPdf(`${src.stem}.pdf`, toPrintHtml(src.table, { landscape: src.landscape }));
      if (r.ok) report('info', kind === 'pdf' && api.kind === 'browser' ? `Printing ${r.file.name}: choose “Save as PDF” in the print dialog` : `Exported ${r.file.name}`);
      else if (!('cancelled' in r)) report('error', r.message);
    },
    [api, source, report],
  );
}

export function ExportMenu({ onExport }: { onExport(kind: ExportKind): void }) {
  return (
    <span className="export-menu" role="group" aria-label="Export what is shown">
      Export
      <button data-testid="export-csv" onClick={() => onExport('csv')} title="CSV of the table shown (its sort and filter)">
        CSV
      </button>
      <button data-testid="export-xlsx" onClick={() => onExport('xlsx')} title="Excel workbook of the table shown, with its title block and total">
        XLSX
      </button>
      <button data-testid="export-pdf" onClick={() => onExport('pdf')} title="Print layout: title block, repeated header row, page numbers">
        PDF
      </button>
    </span>
  );
}
