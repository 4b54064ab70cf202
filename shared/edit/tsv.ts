// Rows copied from a spreadsheet arrive as tab-separated text (Excel, LibreOffice, Google Sheets): fields that hold
// a tab, a newline or a quote are quoted with doubled quotes inside; lines end in CRLF or LF, often with a final one.

/** Parses tab-separated clipboard text into rows of fields; a trailing line break does not make an empty row. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let atFieldStart = true;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (atFieldStart && ch === '"') {
      // A quoted field: runs to the matching quote; "" is a literal quote.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        value += text[j++];
      }
      if (closed && (j >= n || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        field = value;
        i = j;
        atFieldStart = false;
        continue;
      }
      // Not a well-formed quoted field (e.g. 5" screen): read the quote as text.
    }
    atFieldStart = false;
    if (ch === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** Writes rows as tab-separated text a spreadsheet reads back the same way (used for Copy). */
export function formatTsv(rows: readonly (readonly string[])[]): string {
  const field = (f: string) => (/[\t\n\r"]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(field).join('\t')).join('\n') + '\n';
}
