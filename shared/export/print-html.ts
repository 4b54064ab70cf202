import { groupThousands } from '../model/decimal';
import type { ExportColumn, ExportTable } from './table-model';

// The print layout for PDF: one HTML document that Electron's printToPDF and the browser's print both render.
// The header row repeats on every page (thead), and page numbers come from @page margin boxes (Chromium ≥ 131).

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function shown(kind: string, v: string | null): string {
  if (v === null || v === '') return '';
  return kind === 'money' ? groupThousands(v) : v;
}

export function toPrintHtml(t: ExportTable, options: { landscape?: boolean } = {}): string {
  const numeric = (k: string) => k === 'money' || k === 'percent' || k === 'units';
  const th = t.columns.map((c) => `<th class="${numeric(c.kind) ? 'n' : ''}">${esc(c.header)}</th>`).join('');
  // Numbers and dates never break across lines (a wrapped "2027-\n01-01" misreads); names and headers may.
  const cell = (c: ExportColumn) => (numeric(c.kind) ? 'n' : c.kind === 'date' || c.print === 'nowrap' ? 'd' : c.print === 'wide' ? 'w' : '');
  const tr = (r: Record<string, string | null>, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${t.columns.map((c) => `<td class="${cell(c)}">${esc(shown(c.kind, r[c.key] ?? null))}</td>`).join('')}</tr>`;
  const info = t.info.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(t.title)}</title>
<style>
@page { size: A4 ${options.landscape ? 'landscape' : 'portrait'}; margin: 16mm 14mm 18mm 14mm;
  @bottom-left { content: "${esc(t.title).replace(/"/g, '')}"; font: 8pt sans-serif; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #555; } }
body { font: 9pt/1.3 "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 6pt; }
table.info { border-collapse: collapse; margin-bottom: 10pt; }
table.info th { text-align: left; padding: 1pt 12pt 1pt 0; font-weight: 600; }
table.info td { padding: 1pt 0; }
table.data { border-collapse: collapse; width: 100%; }
table.data thead { display: table-header-group; }
table.data th { background: #e8eef4; border-bottom: 1px solid #333; text-align: left; padding: 3pt 5pt; font-weight: 600; }
table.data td { padding: 1.5pt 5pt; border-bottom: 0.5px solid #ddd; }
table.data tr { break-inside: avoid; }
.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data th.n { text-align: right; }
.d { white-space: nowrap; }
.w { min-width: 30ch; }
tr.total td { font-weight: 700; border-top: 1px solid #333; border-bottom: 3px double #333; }
</style></head>
<body>
<h1>${esc(t.title)}</h1>
<table class="info">${info}</table>
<table class="data"><thead><tr>${th}</tr></thead>
<tbody>${t.rows.map((r) => tr(r)).join('')}</tbody>
${t.total ? `<tfoot style="display: table-row-group">${tr(t.total, 'total')}</tfoot>` : ''}
</table>
</body></html>
`;
}
