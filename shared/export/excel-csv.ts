// CSV for people (issue 14): the app's Export menu writes what Excel opens as it is, not the CLI's machine CSV.
// Excel reads a CSV without a byte-order mark in the system's code page (Côte d'Ivoire shows as CÃ´te), and where the
// decimal comma is used it splits fields on ';' and reads '1234.50' as text or a date. So: a UTF-8 BOM, ';' between
// fields and a decimal comma in the columns of figures where the locale writes one; ',' and '.' elsewhere. The figures
// stay exact and ungrouped. The CLI keeps its contract (`contributionCsv` and the others, unchanged).

import { parse } from '#csv-parse';
import { isDecimal } from '../model/fields';

export interface ExcelCsvOptions {
  /** The user's number format writes a decimal comma (fr, de, ru…): Excel's list separator is then ';'. */
  decimalComma: boolean;
}

export const BOM = '\uFEFF';

/** A machine CSV (comma-separated, header first) rewritten for Excel in the user's locale. */
export function excelCsv(machine: string, options: ExcelCsvOptions): string {
  const rows = records(machine.replace(/^\uFEFF/, ''));
  const width = Math.max(0, ...rows.map((r) => r.length));
  // A column of figures: every cell below the header a plain decimal (or empty), and one at least. Codes or classes
  // that look like numbers in one row only are not figures.
  const figures = Array.from({ length: width }, (_, k) => {
    const cells = rows.slice(1).map((r) => r[k] ?? '');
    return cells.some((c) => c !== '') && cells.every((c) => c === '' || isDecimal(c));
  });
  const sep = options.decimalComma ? ';' : ',';
  const field = (v: string) => (v.includes(sep) || /["\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = rows.map((r, i) =>
    r
      .map((v, k) => (i > 0 && figures[k] && options.decimalComma ? v.replace('.', ',') : v))
      .map(field)
      .join(sep),
  );
  return `${BOM}${lines.join('\n')}\n`;
}

/** The records of a CSV as our writers make it (RFC 4180: quoted fields may hold commas, quotes and line breaks). */
export function records(text: string): string[][] {
  return (parse as unknown as (t: string, o: object) => string[][])(text, {
    relax_column_count: true,
    // Any of the three line ends, mixed: a field written on another system may hold CRLF in a LF file.
    record_delimiter: ['\r\n', '\n', '\r'],
  });
}
