import type { CellValue } from 'exceljs';

// Members from an XLSX file: the first sheet becomes CSV text, one line per sheet row, so the CSV reader
// (shared/model/members-csv) checks it and its "line N" is the sheet's row N. exceljs is loaded on demand:
// it is large, and only this import needs it in the renderer.

/** A cell as the text the CSV reader expects; a number keeps JavaScript's shortest exact form (weights, R2). */
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
  if ('formula' in v || 'sharedFormula' in v) return 'result' in v && v.result !== undefined ? cellText(v.result as CellValue) : '';
  if ('text' in v && typeof v.text === 'string') return v.text; // hyperlink
  return ''; // an error value (#N/A…) reads as empty, and is reported as such
}

/** Every field quoted: a name may hold a comma or a semicolon (both are separators to the CSV reader). */
const quoted = (s: string) => `"${s.replace(/[\r\n]+/g, ' ').replace(/"/g, '""')}"`;

export async function xlsxToCsv(bytes: ArrayBuffer): Promise<string> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const ws = book.worksheets[0];
  if (!ws) return '';
  const lines: string[] = [];
  for (let n = 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c).value).trim());
    // An empty row stays an (empty) line, so line numbers stay row numbers.
    lines.push(cells.some((x) => x !== '') ? cells.map(quoted).join(',') : '');
  }
  return `${lines.join('\n')}\n`;
}

