import type { Comparison } from '../scenario/scenario';
import { comparisonCsv, comparisonJson } from './comparison-table';
import { csvField } from './contribution-table';
import { exportWords } from './export-words';
import { comparisonExport, comparisonLevel, type ExportContext, type ExportTable } from './table-model';

// R14 several scenarios against one baseline, side by side: one table model for the app's export and
// `contrib whatif --scenario A --scenario B` (CSV, XLSX, JSON). One scenario is the single comparison's contract.

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
  return [
    'code',
    'name',
    'class_before',
    'amount_before',
    ...unique.flatMap((n) => ['class_after', 'amount_after', 'difference', 'percent_change'].map((c) => `${c}[${n}]`)),
  ];
}

/** An export table as CSV: the column keys (or `header`, one per column) as header, plain decimals, no total row (like the CLI's CSVs). */
export function tableCsv(t: ExportTable, header?: readonly string[]): string {
  if (header && header.length !== t.columns.length)
    throw new Error(`a CSV header of ${header.length} names for ${t.columns.length} columns`);
  const lines = [(header ?? t.columns.map((c) => c.key.replace(/:/g, '_'))).map((h) => csvField(h)).join(',')];
  for (const r of t.rows)
    lines.push(t.columns.map((c) => (c.kind === 'text' ? csvField(r[c.key] ?? '') : (r[c.key] ?? ''))).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * The table of one or several scenarios: one is the single comparison's table; several are the first's table with
 * a class, amount, difference and change column per scenario. Rows: every member of any side, first seen first.
 */
export function comparisonsExport(comparisons: readonly Comparison[], ctx: ExportContext): ExportTable {
  const [first, ...others] = comparisons;
  if (!first) throw new Error('no scenario to compare');
  const base = comparisonExport(first, ctx);
  if (others.length === 0) return { ...base, name: 'What if' };
  const b = first.before.budget;
  const w = exportWords(ctx);
  const names = comparisons.map((c) => c.scenario);
  const suffix = (i: number) => (i === 0 ? '' : `:${i}`);
  const columns = base.columns.filter(
    (c) => c.key === 'code' || c.key === 'name' || c.key === 'classBefore' || c.key === 'amountBefore',
  );
  comparisons.forEach((c, i) => {
    columns.push(
      { key: `classAfter${suffix(i)}`, header: w.t('col.scenarioClass', { scenario: c.scenario }), kind: 'text' },
      {
        key: `amountAfter${suffix(i)}`,
        header: w.t('col.scenarioAmount', { scenario: c.scenario, currency: b.currency }),
        kind: 'money',
      },
      { key: `difference${suffix(i)}`, header: w.t('col.scenarioDifference', { scenario: c.scenario }), kind: 'money' },
      {
        key: `percentChange${suffix(i)}`,
        header: w.t('col.scenarioChange', { scenario: c.scenario }),
        kind: 'percent',
      },
    );
  });
  const byCode = new Map<string, Record<string, string | null>>();
  comparisons.forEach((c, i) => {
    for (const r of c.rows) {
      const row = byCode.get(r.code) ?? {
        code: r.code,
        name: r.name,
        classBefore: r.classBefore,
        amountBefore: r.amountBefore,
      };
      Object.assign(row, {
        [`classAfter${suffix(i)}`]: r.classAfter,
        [`amountAfter${suffix(i)}`]: r.amountAfter,
        [`difference${suffix(i)}`]: r.difference,
        [`percentChange${suffix(i)}`]: r.percentChange,
      });
      byCode.set(r.code, row);
    }
  });
  const total: Record<string, string | null> = {
    code: w.t('total'),
    name: w.t('members', { count: byCode.size }),
    classBefore: null,
    amountBefore: first.before.total,
  };
  comparisons.forEach((c, i) =>
    Object.assign(total, {
      [`classAfter${suffix(i)}`]: null,
      [`amountAfter${suffix(i)}`]: c.after.total,
      [`difference${suffix(i)}`]: c.totalDifference,
      [`percentChange${suffix(i)}`]: null,
    }),
  );
  const info: [string, string][] = base.info.flatMap(([k, v]): [string, string][] => {
    if (k === w.t('info.scenario')) return [[w.t('info.scenarios'), names.join('; ')]];
    if (k === w.t('info.after'))
      return comparisons.map((c): [string, string] => [
        w.t('info.afterScenario', { scenario: c.scenario }),
        comparisonLevel(c.after, ctx),
      ]);
    return [[k, v]];
  });
  return {
    ...base,
    name: 'What if',
    title: w.t('whatIf.title', { budget: b.name, year: String(first.before.year), scenario: names.join(' / ') }),
    info,
    columns,
    rows: [...byCode.values()],
    total,
  };
}

/** The CSV of one scenario (COMPARISON_CSV_HEADER) or several (comparisonsCsvHeader); `table` gives the rows shown. */
export function comparisonsCsv(comparisons: readonly Comparison[], table?: ExportTable): string {
  if (comparisons.length === 1 && !table) return comparisonCsv(comparisons[0]);
  const t = table ?? comparisonsExport(comparisons, { organization: '', produced: '' });
  if (comparisons.length === 1) {
    const byCode = new Map(comparisons[0].rows.map((r) => [r.code, r]));
    return comparisonCsv({ ...comparisons[0], rows: t.rows.flatMap((r) => byCode.get(String(r.code)) ?? []) });
  }
  return tableCsv(t, comparisonsCsvHeader(comparisons.map((c) => c.scenario)));
}

/** One scenario: comparisonJson; several: the baseline once and each scenario's level, totals and rows. */
export function comparisonsJson(comparisons: readonly Comparison[]): string {
  if (comparisons.length === 1) return comparisonJson(comparisons[0]);
  const first = comparisons[0];
  const level = (x: Comparison['before']) => ({
    method: x.method,
    level: x.level,
    total: x.total,
    unitValue: x.unitValue,
    totalUnits: x.totalUnits,
    carriedOver: x.carriedOver,
  });
  const doc = {
    budget: first.before.budget.id,
    year: first.before.year,
    currency: first.before.budget.currency,
    before: level(first.before),
    scenarios: comparisons.map((c) => ({
      scenario: c.scenario,
      after: level(c.after),
      totalDifference: c.totalDifference,
      rows: c.rows,
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
