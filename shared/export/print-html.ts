import { languageOf } from '../i18n/languages';
import { exportWords } from './export-words';
import { EMBEDDED_FONTS } from './print-fonts';
import type { ExportColumn, ExportTable } from './table-model';

// The print layout for PDF: one HTML document that Electron's printToPDF and the browser's print both render.
// The header row repeats on every page (thead), and page numbers come from @page margin boxes (Chromium ≥ 131).
// In the table's language (issue 11): Arabic and Persian laid out right to left, amounts kept left to right inside
// their cells; the fonts for Arabic and Chinese are embedded by print-fonts.ts (embedFonts) when the caller has them.

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A CSS string literal. */
const cssString = (s: string) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, ' ')}"`;

/** "Page {page} of {pages}" in the language, as the content of an @page margin box (its counters in place). */
function pageContent(text: string): string {
  return text
    .split(/(\uE000|\uE001)/)
    .filter((p) => p !== '')
    .map((p) => (p === '\uE000' ? 'counter(page)' : p === '\uE001' ? 'counter(pages)' : cssString(p)))
    .join(' ');
}

/** Latin and Cyrillic from the machine's fonts; Arabic first from the embedded Noto face in right-to-left layouts. */
function fontStack(rtl: boolean): string {
  const base = '"DejaVu Sans", "Segoe UI", Arial';
  return rtl
    ? `"Noto Sans Arabic", ${base}, Tahoma, ${EMBEDDED_FONTS}, sans-serif`
    : `${base}, ${EMBEDDED_FONTS}, "Microsoft YaHei", "PingFang SC", sans-serif`;
}

export function toPrintHtml(t: ExportTable, options: { landscape?: boolean } = {}): string {
  const w = exportWords({ locale: t.locale, number: t.number });
  const rtl = w.dir === 'rtl';
  const lang = languageOf(w.locale) ? w.locale.replace(/-XA$/, '') : 'en';
  const shown = (kind: string, v: string | null): string =>
    v === null || v === '' ? '' : kind === 'money' ? w.amount(v) : v;
  const numeric = (k: string) => k === 'money' || k === 'percent' || k === 'units';
  const th = t.columns.map((c) => `<th class="${numeric(c.kind) ? 'n' : ''}">${esc(c.header)}</th>`).join('');
  // Numbers and dates never break across lines (a wrapped "2027-\n01-01" misreads); names and headers may.
  const cell = (c: ExportColumn) =>
    numeric(c.kind) ? 'n' : c.kind === 'date' ? 'd dt' : c.print === 'nowrap' ? 'd' : c.print === 'wide' ? 'w' : '';
  const tr = (r: Record<string, string | null>, cls = '') =>
    `<tr${cls ? ` class="${cls}"` : ''}>${t.columns.map((c) => `<td class="${cell(c)}">${esc(shown(c.kind, r[c.key] ?? null))}</td>`).join('')}</tr>`;
  const info = t.info.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');
  const page = pageContent(w.t('page', { page: '\uE000', pages: '\uE001' }));
  const title = cssString(t.title.replace(/"/g, ''));
  // Right to left: the title sits at the foot's right, the page number at its left (mirrored, as the page is).
  const [titleBox, pageBox] = rtl ? ['@bottom-right', '@bottom-left'] : ['@bottom-left', '@bottom-right'];
  const foot = `font: 8pt ${fontStack(rtl)}; color: #555;${rtl ? ' direction: rtl;' : ''}`;
  return `<!doctype html>
<html lang="${esc(lang)}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; font-src data:">
<title>${esc(t.title)}</title>
<style>
@page { size: A4 ${options.landscape ? 'landscape' : 'portrait'}; margin: 16mm 14mm 18mm 14mm;
  ${titleBox} { content: ${title}; ${foot} }
  ${pageBox} { content: ${page}; ${foot} } }
body { font: 9pt/1.3 ${fontStack(rtl)}; color: #111; margin: 0; }
h1 { font-size: 13pt; margin: 0 0 6pt; }
table.info { border-collapse: collapse; margin-bottom: 10pt; }
table.info th { text-align: start; padding-block: 1pt; padding-inline: 0 12pt; font-weight: 600; }
table.info td { padding: 1pt 0; }
table.data { border-collapse: collapse; width: 100%; }
table.data thead { display: table-header-group; }
table.data th { background: #e8eef4; border-bottom: 1px solid #333; text-align: start; padding: 3pt 5pt; font-weight: 600; }
table.data td { padding: 1.5pt 5pt; border-bottom: 0.5px solid #ddd; }
table.data tr { break-inside: avoid; }
.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.data th.n { text-align: end; }
td.n, td.dt { direction: ltr; unicode-bidi: isolate; }
[dir='ltr'] td.n { text-align: right; }
[dir='rtl'] td.n { text-align: left; }
[dir='rtl'] td.dt { text-align: right; }
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
