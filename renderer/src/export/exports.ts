import type { ContributionTable } from '../../../shared/engine';
import { comparisonsCsv, comparisonsExport } from '../../../shared/export/comparisons';
import { contributionCsv, csvField } from '../../../shared/export/contribution-table';
import { exportWords } from '../../../shared/export/export-words';
import {
  comparisonExport,
  contributionExport,
  type ExportContext,
  type ExportTable,
} from '../../../shared/export/table-model';
import { translator } from '../../../shared/i18n/intl';
import type { Comparison } from '../../../shared/scenario/scenario';

// Export writes what the user sees: the budget, year and scenario shown, rows in the grid's displayed order
// (its sort and filter). Every figure is the engine's string, placed through shared/export's table model;
// nothing here computes money.

// PaymentsView's statements are written with the same CSV writer.
export { tableCsv } from '../../../shared/export/comparisons';

export interface ExportSource {
  /** File-name stem, e.g. paris-2026-whatif. */
  stem: string;
  /** The table for XLSX and the print layout (PDF). */
  table: ExportTable;
  csv: string;
  /** The same CSV with its column names in the export's language, where the table offers it ("headers in the language"). */
  csvInLanguage?: string;
  landscape: boolean;
}

/** A CSV header's name and a table column's key alike: `minimum_payment` is `minimumPayment`, `class_after[A]` and
 * `classAfter:1` are both a scenario's `classafter`. */
const norm = (name: string) =>
  name
    .replace(/\[[^\]]*\]$|:\d+$/, '')
    .replace(/_/g, '')
    .toLowerCase();

/** The first record of a CSV (its header): the fields unquoted, and where the record ends. */
function headerOf(csv: string): { names: string[]; end: number } {
  const names: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (csv[i] === '"') {
      for (i++; i < csv.length; i++) {
        if (csv[i] !== '"') field += csv[i];
        else if (csv[i + 1] === '"') field += csv[i++];
        else break;
      }
      i++;
    } else while (i < csv.length && !',\r\n'.includes(csv[i])) field += csv[i++];
    names.push(field);
    if (csv[i] !== ',') return { names, end: i };
    i++;
  }
}

/**
 * Issue 11 "headers in the language" for any CSV the app exports: each machine name of its header (the CLI's
 * contract, still the default) replaced by the header of the table column it is, as the XLSX and PDF write it. The
 * n-th `class_after[…]` is the n-th scenario's class column; a name the table does not show keeps its machine name.
 */
export function csvHeadersFrom(csv: string, table: ExportTable): string {
  const { names, end } = headerOf(csv);
  const columns = new Map<string, string[]>();
  for (const c of table.columns) columns.set(norm(c.key), [...(columns.get(norm(c.key)) ?? []), c.header]);
  const header = names.map((n) => csvField(columns.get(norm(n))?.shift() ?? n));
  return header.join(',') + csv.slice(end);
}

/** The rows in the order given by `codes` (the grid's displayed rows), or all rows when codes is null. */
export function inDisplayedOrder<T extends { code?: unknown }>(
  rows: readonly T[],
  codes: readonly string[] | null,
): T[] {
  if (!codes) return [...rows];
  const byCode = new Map(rows.map((r) => [String(r.code), r]));
  return codes.flatMap((c) => {
    const r = byCode.get(c);
    return r ? [r] : [];
  });
}

/** The row a filtered export adds to its title block, in the export's language. */
function shownInfo(shown: number, all: number, ctx: ExportContext): [string, string][] {
  const t = translator(ctx.locale ?? 'en');
  return shown < all ? [[t('export.view.shown'), t('export.view.shownValue', { shown, all })]] : [];
}

/** Today in the user's time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const withInfo = (t: ExportTable, extra: [string, string][], ctx: ExportContext): ExportTable => {
  if (extra.length === 0) return t;
  const produced = exportWords(ctx).t('info.produced');
  const at = t.info.findIndex(([k]) => k === produced);
  return { ...t, info: at < 0 ? [...t.info, ...extra] : [...t.info.slice(0, at), ...extra, ...t.info.slice(at)] };
};

/** The contribution table shown in the members grid (the baseline or a scenario's). */
export function membersSource(
  table: ContributionTable,
  codes: readonly string[] | null,
  ctx: ExportContext,
): ExportSource {
  const full = contributionExport(table, ctx);
  const rows = inDisplayedOrder(table.rows, codes);
  const t = withInfo(
    { ...full, rows: inDisplayedOrder(full.rows, codes) },
    shownInfo(rows.length, table.rows.length, ctx),
    ctx,
  );
  const stem = ctx.scenario ? `${full.name}-${slug(ctx.scenario)}` : full.name;
  return {
    stem,
    table: { ...t, name: stem.slice(0, 31) },
    csv: contributionCsv({ ...table, rows }),
    csvInLanguage: contributionCsv({ ...table, rows }, { headersIn: ctx.locale ?? 'en' }),
    landscape: false,
  };
}

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '') || 'scenario';

/**
 * R14 one or several scenarios against the baseline (shared/export/comparisons.ts, as `contrib whatif` exports
 * them), rows in the grid's displayed order. One scenario's CSV is the CLI's single-comparison contract.
 */
export function comparisonSource(
  comparisons: readonly Comparison[],
  codes: readonly string[] | null,
  ctx: ExportContext,
): ExportSource {
  const [first] = comparisons;
  const full = comparisonsExport(comparisons, ctx);
  const stem = comparisonExport(first, ctx).name;
  const all = new Set(comparisons.flatMap((c) => c.rows.map((r) => r.code))).size;
  const rows = inDisplayedOrder(full.rows, codes);
  const shown = shownInfo(rows.length, all, ctx);
  if (comparisons.length === 1) {
    const table = withInfo({ ...full, rows }, shown, ctx);
    return { stem: `${stem}-${slug(first.scenario)}`, table, csv: comparisonsCsv(comparisons, table), landscape: true };
  }
  const table: ExportTable = { ...full, rows, info: [...full.info.slice(0, -1), ...shown, ...full.info.slice(-1)] };
  return {
    stem: `${stem}-${comparisons.length}-scenarios`,
    table,
    csv: comparisonsCsv(comparisons, table),
    landscape: true,
  };
}
