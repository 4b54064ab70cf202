import type { CellValue } from 'exceljs';
import type { TabularRow } from '../../../shared/model/tabular';

// The first sheet of an XLSX file as rows of text, each numbered by its sheet row, for the one tabular reader
// (shared/model/tabular: tabularFromSheet) that members files and bank statements both go through. exceljs is
// loaded on demand: it is large, and only these imports need it in the renderer.

/** A cell as text; a number keeps JavaScript's shortest exact form (weights R2, amounts R3: read, never computed). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') {
    const s = String(v);
    return /e/i.test(s) ? v.toFixed(20).replace(/\.?0+$/, '') : s;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return 'result' in v && v.result !== undefined ? cellText(v.result as CellValue) : '';
  if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
  return ''; // an error value (#N/A…) reads as empty, and is reported as such
}

export async function sheetRows(bytes: ArrayBuffer): Promise<TabularRow[]> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const ws = book.worksheets[0];
  if (!ws) return [];
  const rows: TabularRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value));
    rows.push({ line, cells });
  });
  return rows;
}
