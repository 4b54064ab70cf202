import ExcelJS from 'exceljs';
import type { ExportTable } from './table-model';

// XLSX through exceljs, the same code in Node and the browser. Excel stores numbers as doubles: an amount of up to
// 15 significant digits reads back exactly, and the total row carries the engine's exact total, not a SUM().

const FONT = 'Calibri';

function numberFormat(kind: string, t: ExportTable): string | undefined {
  const d = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  if (kind === 'money') return `#,##0${d(t.moneyDecimals)}${t.currency ? ` "${t.currency}"` : ''};-#,##0${d(t.moneyDecimals)}${t.currency ? ` "${t.currency}"` : ''}`;
  if (kind === 'percent') return '0.00##';
  if (kind === 'units') return '0.#####';
  return undefined;
}

function cellValue(kind: string, v: string | null): string | number | null {
  if (v === null || v === '') return null;
  return kind === 'text' || kind === 'date' ? v : Number(v);
}

/** Sheet names: at most 31 characters, none of []:*?/\ and unique in the book. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)}-${i}`;
  used.add(n.toLowerCase());
  return n;
}

export function addSheet(book: ExcelJS.Workbook, t: ExportTable, used = new Set<string>()): ExcelJS.Worksheet {
  const ws = book.addWorksheet(sheetName(t.name, used));
  ws.addRow([t.title]).font = { name: FONT, bold: true, size: 14 };
  for (const [k, v] of t.info) {
    const r = ws.addRow([k, v]);
    r.getCell(1).font = { name: FONT, bold: true };
  }
  ws.addRow([]);
  const header = ws.addRow(t.columns.map((c) => c.header));
  header.font = { name: FONT, bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const headerRow = header.number;
  t.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const fmt = numberFormat(c.kind, t);
    if (fmt) col.numFmt = fmt;
    if (c.kind !== 'text' && c.kind !== 'date') header.getCell(i + 1).alignment = { horizontal: 'right' };
  });
  for (const row of t.rows) ws.addRow(t.columns.map((c) => cellValue(c.kind, row[c.key] ?? null)));
  if (t.total) {
    const tr = ws.addRow(t.columns.map((c) => cellValue(c.kind, t.total![c.key] ?? null)));
    tr.font = { name: FONT, bold: true };
    tr.eachCell((cell) => (cell.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
  }
  ws.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  // Widths that fit: the longest text shown in the column (numbers with their separators), within bounds.
  t.columns.forEach((c, i) => {
    const texts = [c.header, ...t.rows.map((r) => r[c.key] ?? ''), t.total?.[c.key] ?? ''];
    const longest = Math.max(...texts.map((s) => (c.kind === 'money' ? s.length + Math.floor(s.length / 3) + t.currency.length + 1 : s.length)));
    ws.getColumn(i + 1).width = Math.min(Math.max(longest + 2, 8), 60);
  });
  // The title block's labels sit in column A; keep it wide enough for them.
  ws.getColumn(1).width = Math.max(ws.getColumn(1).width ?? 8, ...t.info.map(([k]) => k.length + 2));
  ws.pageSetup = { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` };
  return ws;
}

/** The tables as one XLSX file, a sheet each. `produced` fixes the document dates so a file is reproducible. */
export async function toXlsx(tables: ExportTable[], produced: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Contribution Calculator';
  book.created = new Date(`${produced}T00:00:00Z`);
  book.modified = book.created;
  const used = new Set<string>();
  for (const t of tables) addSheet(book, t, used);
  const buf = await book.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
