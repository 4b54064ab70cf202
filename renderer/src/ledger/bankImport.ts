import type { PaymentMapping } from '../../../shared/edit';
import type { Tabular } from '../../../shared/model/tabular';
import { readTable } from '../import/readTable';

// Bank statements as rows, through the one tabular reader (R25: delimiter from the header line, quotes, encodings
// said so; the amount column is read as numbers once the user has said which it is). The column mapping a user
// chooses is remembered per set of headers (a bank's export keeps its headers), in the window's localStorage, which
// both the Electron renderer and a browser keep between sessions.

export interface Statement {
  name: string;
  table: Tabular;
  /** The first row (a header, or the first payment): what the mapping form shows. */
  first: string[];
  /** Rows after the first. */
  count: number;
}

export async function readStatement(file: File): Promise<Statement> {
  const table = await readTable(file);
  return { name: file.name, table, first: table.rows[0]?.cells ?? [], count: Math.max(0, table.rows.length - 1) };
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
export function rememberedMapping(
  firstRow: readonly string[],
): { mapping: PaymentMapping; header: boolean } | undefined {
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
