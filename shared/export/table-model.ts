import type { ContributionTable } from '../engine/assess';
import { percentTotal } from '../engine/percent';
import { creditMessage, declaredRateWarning, derivationMessage } from './contribution-table';
import { classLabel } from '../i18n/classes';
import { say, translator } from '../i18n/intl';
import { decimalPlaces } from '../model/decimal';
import type { Comparison } from '../scenario/scenario';
import { exportWords, type ExportLocale } from './export-words';

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
  /** The language the table was written in (print direction, fonts, sheet direction); English when absent. */
  locale?: string;
  /** How the print layout writes amounts; the locale's own format when absent. */
  number?: ExportLocale['number'];
}

export interface ExportContext {
  organization: string;
  /** The date the export was produced, YYYY-MM-DD. */
  produced: string;
  scenario?: string;
  /** The language of the title block and headers (issue 11); English when absent. */
  locale?: string;
  number?: ExportLocale['number'];
  /** Issue 14 a budget's name for its id, in tables for people (budgetNames of shared/model); absent = the id. */
  budgetName?: (id: string) => string;
  /** The scheme of the table's classes: the Convention's are written in the language's letters (ألف in Arabic). */
  schemeId?: string;
}

/** What a table carries of its context's language. */
function language(ctx: ExportContext): Pick<ExportTable, 'locale' | 'number'> {
  return { ...(ctx.locale ? { locale: ctx.locale } : {}), ...(ctx.number ? { number: ctx.number } : {}) };
}

// R4–R7 the method, R9 the rounding, R10 a budget carried over: in words of the export's language.
function levelInfo(t: ContributionTable, ctx: ExportContext): [string, string][] {
  const b = t.budget;
  const w = exportWords(ctx);
  const byTotal = t.method === 'total';
  return [
    [w.t('info.method'), w.t(byTotal ? 'method.total' : 'method.unitValue')],
    [w.t(byTotal ? 'info.total' : 'info.unitValue'), `${w.amount(t.level)} ${b.currency}`],
    [
      w.t(byTotal ? 'info.impliedUnitValue' : 'info.impliedTotal'),
      `${w.amount(byTotal ? t.unitValue : t.total)} ${b.currency}`,
    ],
    [w.t('info.rounding'), roundingWords(b.roundingUnit, b.rounding, ctx)],
    [
      w.t('info.adopted'),
      t.carriedOver ? w.t('adopted.carriedOver', { year: String(t.sourceYear) }) : w.t('adopted.yes'),
    ],
  ];
}

function roundingWords(unit: string, mode: string, ctx: ExportContext): string {
  return exportWords(ctx).t('rounding', { unit, mode: mode === 'half-even' ? 'halfEven' : 'halfUp' });
}

/** R21/R22 the derivation and credit lines of a contribution table, in the export's language. */
function lineInfo(t: ContributionTable, ctx: ExportContext): [string, string][] {
  const tr = translator(ctx.locale ?? 'en');
  const w = exportWords(ctx);
  const d = derivationMessage(t);
  const c = creditMessage(t);
  return [
    ...(d ? ([[tr('scales.line.label'), say(d, ctx.locale ?? 'en', w.amount)]] as [string, string][]) : []),
    ...(c ? ([[tr('scales.line.creditLabel'), say(c, ctx.locale ?? 'en', w.amount)]] as [string, string][]) : []),
  ];
}

/** The contribution table of a budget and year. */
export function contributionExport(t: ContributionTable, ctx: ExportContext): ExportTable {
  const b = t.budget;
  const w = exportWords(ctx);
  // R1 display only, as the app's grid shows them; the CSV and JSON keep the codes.
  const tr = translator(ctx.locale ?? 'en');
  const cls = (code: string | null) => (code === null ? null : classLabel(ctx.schemeId, code, tr));
  return {
    name: `${b.id}-${t.year ?? 'apportionment'}`,
    title:
      t.year !== null
        ? w.t('contributions.title', { budget: b.name, year: String(t.year) })
        : w.t('contributions.titleNoYear', { budget: b.name }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.budget'), b.name],
      [w.t('info.year'), t.year === null ? '' : String(t.year)],
      ...(ctx.scenario ? ([[w.t('info.scenario'), ctx.scenario]] as [string, string][]) : []),
      ...levelInfo(t, ctx),
      // R21–R23 a percent scale: its sum, and the warning when it is not 100.
      ...(t.percentScale
        ? ([
            [
              w.t('info.declaredRates'),
              `${w.t('declaredRates', { sum: t.totalUnits })}${declaredRateWarning(t) ? `: ${declaredRateWarning(t)}` : ''}`,
            ],
          ] as [string, string][])
        : []),
      // R21 how the rates were derived, R22 the gross, credit and net: in the export's language.
      ...lineInfo(t, ctx),
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      { key: 'code', header: w.t('col.code'), kind: 'text' },
      { key: 'name', header: w.t('col.member'), kind: 'text' },
      { key: 'class', header: w.t('col.class'), kind: 'text' },
      { key: 'units', header: w.t(t.percentScale ? 'col.declaredRate' : 'col.units'), kind: 'units' },
      { key: 'percent', header: w.t(t.percentScale ? 'col.shareAssessed' : 'col.share'), kind: 'percent' },
      {
        key: 'amount',
        header: t.credit
          ? translator(ctx.locale ?? 'en')('scales.export.gross', { currency: b.currency })
          : w.t('col.amount', { currency: b.currency }),
        kind: 'money',
      },
      ...(t.credit
        ? ([
            { key: 'credit', header: w.t('col.credit', { currency: b.currency }), kind: 'money' },
            { key: 'net', header: w.t('col.net', { currency: b.currency }), kind: 'money' },
          ] as ExportColumn[])
        : []),
    ],
    rows: t.rows.map((r) => ({
      code: r.code,
      name: r.name,
      class: cls(r.class),
      units: r.units,
      percent: r.percent,
      amount: r.amount,
      ...(t.credit ? { credit: r.credit ?? null, net: r.net ?? null } : {}),
    })),
    total: {
      code: w.t('total'),
      name: w.t('members', { count: t.rows.length }),
      class: null,
      units: t.totalUnits,
      // Issue 14: the column of shares sums to exactly this (largest remainder, shared/engine/percent.ts).
      percent: percentTotal(t.totalUnits),
      amount: t.total,
      ...(t.credit ? { credit: t.credit.total, net: t.credit.net } : {}),
    },
    currency: b.currency,
    moneyDecimals: decimalPlaces(b.roundingUnit),
    ...language(ctx),
  };
}

/** R14 a side of a comparison in one line: its level and total. */
export function comparisonLevel(x: Comparison['before'], ctx: ExportContext): string {
  const w = exportWords(ctx);
  return w.t('whatIf.level', {
    method: x.method === 'total' ? 'total' : 'unitValue',
    level: w.amount(x.level),
    currency: x.budget.currency,
    total: w.amount(x.total),
  });
}

/** R14 a scenario against the baseline. */
export function comparisonExport(c: Comparison, ctx: ExportContext): ExportTable {
  const b = c.before.budget;
  const w = exportWords(ctx);
  return {
    name: `${b.id}-${c.before.year ?? ''}-whatif`,
    title: w.t('whatIf.title', { budget: b.name, year: String(c.before.year), scenario: c.scenario }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.budget'), b.name],
      [w.t('info.year'), String(c.before.year ?? '')],
      [w.t('info.scenario'), c.scenario],
      [w.t('info.before'), comparisonLevel(c.before, ctx)],
      [w.t('info.after'), comparisonLevel(c.after, ctx)],
      [w.t('info.rounding'), roundingWords(b.roundingUnit, b.rounding, ctx)],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      { key: 'code', header: w.t('col.code'), kind: 'text' },
      { key: 'name', header: w.t('col.member'), kind: 'text' },
      { key: 'classBefore', header: w.t('col.classBefore'), kind: 'text' },
      { key: 'classAfter', header: w.t('col.classAfter'), kind: 'text' },
      { key: 'amountBefore', header: w.t('col.before', { currency: b.currency }), kind: 'money' },
      { key: 'amountAfter', header: w.t('col.after', { currency: b.currency }), kind: 'money' },
      { key: 'difference', header: w.t('col.difference', { currency: b.currency }), kind: 'money' },
      { key: 'percentChange', header: w.t('col.change'), kind: 'percent' },
    ],
    rows: c.rows.map((r) => ({ ...r, changed: null })),
    total: {
      code: w.t('total'),
      name: w.t('members', { count: c.rows.length }),
      classBefore: null,
      classAfter: null,
      amountBefore: c.before.total,
      amountAfter: c.after.total,
      difference: c.totalDifference,
      percentChange: null,
    },
    currency: b.currency,
    moneyDecimals: decimalPlaces(b.roundingUnit),
    ...language(ctx),
  };
}
