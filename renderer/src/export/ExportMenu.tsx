import type { GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { excelCsv } from '../../../shared/export/excel-csv';
import { toPrintHtml } from '../../../shared/export/print-html';
import { toXlsx } from '../../../shared/export/xlsx';
import { msg, type Message } from '../../../shared/i18n/intl';
import { separators } from '../../../shared/i18n/numbers';
import type { DesktopApi } from '../../../shared/ipc/contract';
import { useT } from '../i18n';
import { useLocale } from '../locale';
import { PDF_PROGRESS_FROM } from '../limits';
import { withPdfFonts } from '../pdf-fonts';
import { csvHeadersFrom, today, type ExportSource } from './exports';
import { setHeadersInLanguage, useHeadersInLanguage } from './headersChoice';

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
export function useExport(
  api: DesktopApi,
  source: () => ExportSource | null,
  report: (kind: 'info' | 'error', text: string | Message, busy?: boolean) => void,
) {
  // "Headers in the language" where the table offers them (issue 11); else the machine names of the CLI's contract.
  const inLanguage = useHeadersInLanguage();
  // The CSV is for people opening it in Excel: the separators of the number format they chose (issue 14).
  const locale = useLocale();
  const decimalComma = separators(locale.number).decimal === ',';
  const language = locale.id;
  return useCallback(
    async (kind: ExportKind) => {
      const src = source();
      if (!src) return report('error', msg('export.notice.nothing'));
      // A PDF of 10,000 rows takes Chromium ~6 s to print (bench/export): say it is under way.
      const rows = src.table.rows.length;
      if (kind === 'pdf' && rows >= PDF_PROGRESS_FROM)
        report('info', msg('export.notice.preparing', { file: `${src.stem}.pdf`, rows }), true);
      const r =
        kind === 'csv'
          ? await api.exportFile(
              `${src.stem}.csv`,
              'csv',
              excelCsv(inLanguage ? (src.csvInLanguage ?? csvHeadersFrom(src.csv, src.table)) : src.csv, {
                decimalComma,
              }),
            )
          : kind === 'xlsx'
            ? await api.exportFile(`${src.stem}.xlsx`, 'xlsx', toXlsx([src.table], today()))
            : await api.exportPdf(
                `${src.stem}.pdf`,
                await withPdfFonts(toPrintHtml(src.table, { landscape: src.landscape }), language),
              );
      if (r.ok)
        report(
          'info',
          msg(kind === 'pdf' && api.kind === 'browser' ? 'export.notice.printing' : 'export.notice.exported', {
            file: r.file.name,
          }),
        );
      else if (!('cancelled' in r)) report('error', r.message);
    },
    [api, source, report, decimalComma, inLanguage, language],
  );
}

/**
 * The toolbar's Export: one menu button (issue 14: the three formats and the headers choice side by side were the
 * widest group and pushed the edit commands into ⋯ at 1280 and 1400). The list stays mounted while closed so the
 * choice and the buttons' texts are always in the page.
 */
export function ExportMenu({ onExport }: { onExport(kind: ExportKind): void }) {
  const t = useT();
  const inLanguage = useHeadersInLanguage();
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLSpanElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // Open: the first format takes the focus; a press elsewhere closes the list.
  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLElement>('.export-list button')?.focus();
    const onDown = (e: MouseEvent) => {
      if (!wrap.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const run = (kind: ExportKind) => {
    close();
    onExport(kind);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    const list = [...(wrap.current?.querySelectorAll<HTMLElement>('.export-list :is(button, input)') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      // Only this list closes (not the ⋯ menu it may be drawn in).
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && at >= 0) {
      e.preventDefault();
      e.stopPropagation();
      list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    }
  };
  return (
    <span
      ref={wrap}
      className="export-menu"
      onKeyDown={onKeyDown}
      onBlur={(e) => {
        // Tab out of the list closes it.
        if (open && e.relatedTarget && !wrap.current?.contains(e.relatedTarget as Node)) setOpen(false);
      }}
    >
      <button
        ref={opener}
        className="export-open"
        data-testid="export-open"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={listId}
        title={t('export.menu.label')}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          // In the ⋯ menu ↓ goes to the next item there (Enter opens the list).
          if (e.key === 'ArrowDown' && !open && !e.currentTarget.closest('.tb-item.off')) {
            e.preventDefault();
            e.stopPropagation();
            setOpen(true);
          }
        }}
      >
        {t('export.menu.export')}
      </button>
      <span id={listId} className="export-list" role="group" aria-label={t('export.menu.label')} hidden={!open}>
        <button data-testid="export-csv" onClick={() => run('csv')} title={t('export.menu.csv')}>
          {t('export.menu.csvButton')}
        </button>
        <button data-testid="export-xlsx" onClick={() => run('xlsx')} title={t('export.menu.xlsx')}>
          XLSX
        </button>
        <button data-testid="export-pdf" onClick={() => run('pdf')} title={t('export.menu.pdf')}>
          PDF
        </button>
        <label className="export-headers" title={t('app.i18n.export.headersTip')}>
          <input
            type="checkbox"
            data-testid="export-headers-language"
            checked={inLanguage}
            onChange={(e) => setHeadersInLanguage(e.target.checked)}
          />
          {t('app.i18n.export.headers')}
        </label>
      </span>
    </span>
  );
}
