import type { ContributionTable } from '../engine/assess';
import { declaredRateWarning } from './contribution-table';
import { decimalPlaces, groupThousands as g } from '../model/decimal';
import type { Comparison } from '../scenario/scenario';

// One table model for every export (CSV, XLSX, PDF): what the user sees, with a title block and a total row.

export type ColumnKind = 'text' | 'money' | 'units' | 'percent' | 'date';

export interface ExportColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  /** Print layout only: a short label kept on one line, or a long text given room rather than squeezed. */
  print?: 'nowrap' | 'wide';
}

export interface ExportTable {
  /** Sheet name (XLSX) and file-name stem. */
  name: string;
  title: string;
  /** The title block: label and value, e.g. ['Budget', 'Paris Union']. */
  info: [string, string][];
  columns: ExportColumn[];
  /** Cells as strings (money as plain decimals); null = empty. */
  rows: Record<string, string | null>[];
  total?: Record<string, string | null>;
  currency: string;
  /** Decimals of the rounding unit, for money formats. */
  moneyDecimals: number;
}

export interface ExportContext {
  organization: string;
  /** The date the export was produced, YYYY-MM-DD. */
  produced: string;
  scenario?: string;
}

function levelInfo(t: ContributionTable): [string, string][] {
  const b = t.budget;
  return [
    ['Method', t.method === 'total' ? 'Total apportioned by units (R4–R6)' : 'Fixed value per unit (R7)'],
    [t.method === 'total' ? 'Total' : 'Unit value', `${g(t.level)} ${b.currency}`],
    [t.method === 'total' ? 'Implied unit value' : 'Implied total', `${g(t.method === 'total' ? t.unitValue : t.total)} ${b.currency}`],
    ['Rounding', `to ${b.roundingUnit}, ${b.rounding}`],
    ['Adopted', t.carriedOver ? `No: carried over at the ${t.sourceYear} level (R10)` : 'Yes'],
  ];
}

/** The contribution table of a budget and year. */
export function contributionExport(t: ContributionTable, ctx: ExportContext): ExportTable {
  const b = t.budget;
  return {
    name: `${b.id}-${t.year ?? 'apportionment'}`,
    title: `${b.name}${t.year !== null ? `, ${t.year}` : ''}: assessed contributions`,
    info: [
      ['Organization', ctx.organization],
      ['Budget', b.name],
      ['Year', t.year === null ? '' : String(t.year)],
      ...(ctx.scenario ? ([['Scenario', ctx.scenario]] as [string, string][]) : []),
      ...levelInfo(t),
      // R21–R23 a percent scale: its sum, and the warning when it is not 100.
      ...(t.percentScale ? ([['Declared rates', `sum ${t.totalUnits} %${declaredRateWarning(t) ? `: ${declaredRateWarning(t)}` : ''}`]] as [string, string][]) : []),
      ['Produced', ctx.produced],
    ],
    columns: [
      { key: 'code', header: 'Code', kind: 'text' },
      { key: 'name', header: 'Member', kind: 'text' },
      { key: 'class', header: 'Class', kind: 'text' },
      { key: 'units', header: t.percentScale ? 'Declared rate %' : 'Units', kind: 'units' },
      { key: 'percent', header: t.percentScale ? 'Share assessed %' : 'Share %', kind: 'percent' },
      { key: 'amount', header: `Amount (${b.currency})`, kind: 'money' },
    ],
    rows: t.rows.map((r) => ({ code: r.code, name: r.name, class: r.class, units: r.units, percent: r.percent, amount: r.amount })),
    total: { code: 'Total', name: `${t.rows.length} members`, class: null, units: t.totalUnits, percent: '100.0000', amount: t.total },
    currency: b.currency,
    moneyDecimals: decimalPlaces(b.roundingUnit),
  };
}

/** R14 a scenario against the baseline. */
export function comparisonExport(c: Comparison, ctx: ExportContext): ExportTable {
  const b = c.before.budget;
  return {
    name: `${b.id}-${c.before.year ?? ''}-whatif`,
    title: `${b.name}, ${c.before.year}: what if ${c.scenario}`,
    info: [
      ['Organization', ctx.organization],
      ['Budget', b.name],
      ['Year', String(c.before.year ?? '')],
      ['Scenario', c.scenario],
      ['Before', `${c.before.method === 'total' ? 'total' : 'unit value'} ${g(c.before.level)} ${b.currency}, total ${g(c.before.total)}`],
      ['After', `${c.after.method === 'total' ? 'total' : 'unit value'} ${g(c.after.level)} ${b.currency}, total ${g(c.after.total)}`],
      ['Rounding', `to ${b.roundingUnit}, ${b.rounding}`],
      ['Produced', ctx.produced],
    ],
    columns: [
      { key: 'code', header: 'Code', kind: 'text' },
      { key: 'name', header: 'Member', kind: 'text' },
      { key: 'classBefore', header: 'Class before', kind: 'text' },
      { key: 'classAfter', header: 'Class after', kind: 'text' },
      { key: 'amountBefore', header: `Before (${b.currency})`, kind: 'money' },
      { key: 'amountAfter', header: `After (${b.currency})`, kind: 'money' },
      { key: 'difference', header: `Difference (${b.currency})`, kind: 'money' },
      { key: 'percentChange', header: 'Change %', kind: 'percent' },
    ],
    rows: c.rows.map((r) => ({ ...r, changed: null })),
    total: { code: 'Total', name: `${c.rows.length} members`, classBefore: null, classAfter: null, amountBefore: c.before.total, amountAfter: c.after.total, difference: c.totalDifference, percentChange: null },
    currency: b.currency,
    moneyDecimals: decimalPlaces(b.roundingUnit),
  };
}
