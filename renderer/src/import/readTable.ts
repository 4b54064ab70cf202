import {
  MAX_TABULAR_BYTES,
  readTabular,
  tabularFromSheet,
  tooLarge,
  type Tabular,
} from '../../../shared/model/tabular';

// A file the user picked, as rows (R25): CSV/TSV through the shared reader, XLSX through its first sheet. The size
// is checked before the file is read.

export const isSheet = (name: string) => /\.xlsx$/i.test(name);

export async function readTable(file: File, opts: { comments?: boolean } = {}): Promise<Tabular> {
  if (file.size > MAX_TABULAR_BYTES) {
    return {
      file: file.name,
      unit: 'line',
      encoding: 'UTF-8',
      delimiter: null,
      rows: [],
      notices: [],
      problems: [{ file: file.name, line: 1, message: tooLarge(file.size, MAX_TABULAR_BYTES) }],
    };
  }
  const bytes = await file.arrayBuffer();
  if (isSheet(file.name)) {
    // exceljs is loaded only here (a separate chunk): the main bundle stays small.
    const { sheetRows } = await import('./sheet');
    return tabularFromSheet(await sheetRows(bytes), file.name);
  }
  return readTabular(new Uint8Array(bytes), file.name, opts);
}
