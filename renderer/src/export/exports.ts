import type { ContributionTable } from '../../../shared/engine';
import { comparisonCsv } from '../../../shared/export/comparison-table';
import { contributionCsv, csvField } from '../../../shared/export/contribution-table';
import { comparisonExport, contributionExport, type ExportContext, type ExportTable } from '../../../shared/export/table-model';
import { groupThousands } from '../../../shared/model/decimal';
import type { Comparison } from '../../../shared/scenario/scenario';

// Export writes what the user sees: the budget, year and scenario shown, rows in the grid's displayed order
// (its sort and filter). Every figure is the engine's string, placed through shared/export's table model;
// nothing here computes money.

export interface ExportSource {
  /** File-name stem, e.g. paris-2026-whatif. */
  stem: string;
  /** The table for XLSX and the print layout (PDF). */
  table: ExportTable;
  csv: string;
  landscape: boolean;
}

/** The rows in the order given by `codes` (the grid's displayed rows), or all rows when codes is null. */
export function inDisplayedOrder<T extends { code?: unknown }>(rows: readonly T[], codes: readonly string[] | null): T[] {
  if (!codes) return [...rows];
  const byCode = new Map(rows.map((r) => [String(r.code), r]));
  return codes.flatMap((c) => {
    const r = byCode.get(c);
    return r ? [r] : [];
  });
}

function shownInfo(shown: number, all: number): [string, string][] {
  return shown < all ? [['Shown', `${shown} of ${all} members (filtered); the total row is the whole budget’s`]] : [];
}

/** Today in the user's time zone, YYYY-MM-DD. */
export function today(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

const withInfo = (t: ExportTable, extra: [string, string][]): ExportTable => {
  if (extra.length === 0) return t;
  const at = t.info.findIndex(([k]) => k === 'Produced');
  return { ...t, info: at < 0 ? [...t.info, ...extra] : [...t.info.slice(0, at), ...extra, ...t.info.slice(at)] };
};

/** The contribution table shown in the members grid (the baseline or a scenario's). */
export function membersSource(table: ContributionTable, codes: readonly string[] | null, ctx: ExportContext): ExportSource {
  const full = contributionExport(table, ctx);
  const rows = inDisplayedOrder(table.rows, codes);
  const t = withInfo({ ...full, rows: inDisplayedOrder(full.rows, codes) }, shownInfo(rows.length, table.rows.length));
  const stem = ctx.scenario ? `${full.name}-${slug(ctx.scenario)}` : full.name;
  return { stem, table: { ...t, name: stem.slice(0, 31) }, csv: contributionCsv({ ...table, rows }), landscape: false };
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';

/**
 * The CSV header of several scenarios side by side, in the CLI's single-scenario names (COMPARISON_CSV_HEADER):
 * `code,name,class_before,amount_before`, then per scenario `class_after[NAME],amount_after[NAME],difference[NAME],
 * percent_change[NAME]` with NAME the scenario's name as shown (a name used twice gets " (2)", " (3)"… so no two
 * columns share a header). Fields with a comma or a quote are quoted as any CSV field.
 */
export function comparisonsCsvHeader(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const unique = names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n} (${k})`;
  });
  return ['code', 'name', 'class_before', 'amount_before', ...unique.flatMap((n) => ['class_after', 'amount_after', 'difference', 'percent_change'].map((c) => `${c}[${n}]`))];
}

/**
 * R14 one or several scenarios against the baseline. One scenario: the table (and CSV, the CLI's contract) of
 * shared/export; several: the first's table with a class, amount, difference and change column per scenario, and
 * the CSV header of comparisonsCsvHeader.
 */
export function comparisonSource(comparisons: readonly Comparison[], codes: readonly string[] | null, ctx: ExportContext): ExportSource {
  const [first, ...others] = comparisons;
  const base = comparisonExport(first, ctx);
  const all = new Set(comparisons.flatMap((c) => c.rows.map((r) => r.code))).size;
  if (others.length === 0) {
    const rows = inDisplayedOrder(first.rows, codes);
    const t = withInfo({ ...base, rows: inDisplayedOrder(base.rows, codes) }, shownInfo(rows.length, all));
    const stem = `${base.name}-${slug(first.scenario)}`;
    return { stem, table: { ...t, name: 'What if' }, csv: comparisonCsv({ ...first, rows }), landscape: true };
  }
  const b = first.before.budget;
  const names = comparisons.map((c) => c.scenario);
  const suffix = (i: number) => (i === 0 ? '' : `:${i}`);
  const columns = base.columns.flatMap((c) => {
    if (c.key === 'code' || c.key === 'name' || c.key === 'classBefore' || c.key === 'amountBefore') return [c];
    return [];
  });
  comparisons.forEach((c, i) => {
    columns.push(
      { key: `classAfter${suffix(i)}`, header: `${c.scenario}: class`, kind: 'text' },
      { key: `amountAfter${suffix(i)}`, header: `${c.scenario} (${b.currency})`, kind: 'money' },
      { key: `difference${suffix(i)}`, header: `${c.scenario}: difference`, kind: 'money' },
      { key: `percentChange${suffix(i)}`, header: `${c.scenario}: change %`, kind: 'percent' },
    );
  });
  const byCode = new Map<string, Record<string, string | null>>();
  comparisons.forEach((c, i) => {
    for (const r of c.rows) {
      const row = byCode.get(r.code) ?? { code: r.code, name: r.name, classBefore: r.classBefore, amountBefore: r.amountBefore };
      Object.assign(row, { [`classAfter${suffix(i)}`]: r.classAfter, [`amountAfter${suffix(i)}`]: r.amountAfter, [`difference${suffix(i)}`]: r.difference, [`percentChange${suffix(i)}`]: r.percentChange });
      byCode.set(r.code, row);
    }
  });
  const rows = inDisplayedOrder([...byCode.values()], codes);
  const total: Record<string, string | null> = { code: 'Total', name: `${all} members`, classBefore: null, amountBefore: first.before.total };
  comparisons.forEach((c, i) => Object.assign(total, { [`classAfter${suffix(i)}`]: null, [`amountAfter${suffix(i)}`]: c.after.total, [`difference${suffix(i)}`]: c.totalDifference, [`percentChange${suffix(i)}`]: null }));
  const info: [string, string][] = base.info.flatMap(([k, v]): [string, string][] => {
    if (k === 'Scenario') return [['Scenarios', names.join('; ')]];
    if (k === 'After') return comparisons.map((c): [string, string] => [`After: ${c.scenario}`, `${c.after.method === 'total' ? 'total' : 'unit value'} ${groupThousands(c.after.level)} ${b.currency}, total ${groupThousands(c.after.total)}`]);
    return [[k, v]];
  });
  const table: ExportTable = { ...base, name: 'What if', title: `${b.name}, ${first.before.year}: what if ${names.join(' / ')}`, info: [...info.slice(0, -1), ...shownInfo(rows.length, all), ...info.slice(-1)], columns, rows, total };
  return { stem: `${base.name}-${comparisons.length}-scenarios`, table, csv: tableCsv(table, comparisonsCsvHeader(names)), landscape: true };
}

/** An export table as CSV: the column keys (or `header`, one per column) as header, plain decimals, no total row (like the CLI's CSVs). */
export function tableCsv(t: ExportTable, header?: readonly string[]): string {
  if (header && header.length !== t.columns.length) throw new Error(`a CSV header of ${header.length} names for ${t.columns.length} columns`);
  const lines = [(header ?? t.columns.map((c) => c.key.replace(/:/g, '_'))).map((h) => csvField(h)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => (c.kind === 'text' ? csvField(r[c.key] ?? '') : (r[c.key] ?? ''))).join(','));
  return `${lines.join('\n')}\n`;
}
