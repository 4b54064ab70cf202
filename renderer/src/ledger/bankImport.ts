import { parse } from 'csv-parse/browser/esm/sync';
import type { PaymentMapping } from '../../../shared/edit';

// Bank statements as rows of text: CSV (comma, semicolon or tab) or the first sheet of an XLSX. The column mapping
// a user chooses is remembered per set of headers (a bank's export keeps its headers), in the window's
// localStorage, which both the Electron renderer and a browser keep between sessions.

export interface Statement {
  name: string;
  rows: string[][];
}

export async function readStatement(file: File): Promise<Statement> {
  if (/\.xlsx$/i.test(file.name)) return { name: file.name, rows: await readXlsx(await file.arrayBuffer()) };
  const text = await file.text();
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = first.includes('\t') ? '\t' : first.split(';').length > first.split(',').length ? ';' : ',';
  const rows = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  return { name: file.name, rows };
}

/** exceljs is loaded only when an XLSX statement is imported (it is large). */
async function readXlsx(data: ArrayBuffer): Promise<string[][]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  });
  return rows;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  // A number cell holds a binary double; its shortest decimal form is the figure the spreadsheet shows (R3: the
  // amount is then read as a decimal string, never computed with).
  if (typeof v === 'number') return String(v);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText) return o.richText.map((t) => t.text).join('');
    if (o.result !== undefined) return cellText(o.result);
    if (typeof o.text === 'string') return o.text;
  }
  return String(v);
}

const KEY = 'contribution-calculator.payment-mappings';

interface Stored {
  byHeader: Record<string, { mapping: PaymentMapping; header: boolean }>;
}

const signature = (header: readonly string[]) => header.map((h) => h.trim().toLowerCase()).join('\u0001');

function load(): Stored {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    return v && typeof v.byHeader === 'object' ? v : { byHeader: {} };
  } catch {
    return { byHeader: {} };
  }
}

/** The mapping chosen before for a statement with this first row, if any. */
export function rememberedMapping(firstRow: readonly string[]): { mapping: PaymentMapping; header: boolean } | undefined {
  return load().byHeader[signature(firstRow)];
}

export function rememberMapping(firstRow: readonly string[], mapping: PaymentMapping, header: boolean): void {
  try {
    const s = load();
    s.byHeader[signature(firstRow)] = { mapping, header };
    localStorage.setItem(KEY, JSON.stringify(s));
  } catch {
    // Storage full or disabled: the mapping is a convenience; the import itself went through.
  }
}
