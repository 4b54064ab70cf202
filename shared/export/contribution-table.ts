import { groupThousands } from '../model/decimal';
import { percentSumWarning } from '../engine/percent-sum';
import type { ContributionRow, ContributionTable } from '../engine/assess';
import { percentTotal } from '../engine/percent';
import { exportWords } from './export-words';
import { alignedText } from './text-table';
import { msg, type Message } from '../i18n/intl';

export const CONTRIBUTION_CSV_HEADER = ['code', 'name', 'class', 'units', 'percent', 'amount'] as const;

/** One CSV field; text that a spreadsheet would read as a formula is prefixed with an apostrophe. */
export function csvField(value: string, text = true): string {
  let v = value;
  if (text && /^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** What a CSV row needs of a contribution row. */
export type CsvRow = Pick<
  ContributionRow,
  'code' | 'name' | 'class' | 'units' | 'percent' | 'amount' | 'credit' | 'net'
>;

/** Rows given one at a time (issue 13: 10^6 members need not be held as row objects). */
export interface CsvRows {
  length: number;
  at(i: number): CsvRow;
}

/** About this many characters in a piece of the streamed CSV. */
const CSV_CHUNK = 1 << 16;

/**
 * The contract other tools script against: header, then one row per member in input order, no total row.
 * R21–R23 a percent scale adds `declared_rate` last (the columns before it keep their places and names); R22 a
 * credit adds `credit,net` at the end (`amount` stays the gross amount).
 */
export function contributionCsv(table: ContributionTable, options: { headersIn?: string } = {}): string {
  let out = '';
  for (const piece of contributionCsvChunks(table, options)) out += piece;
  return out;
}

/**
 * `contributionCsv` in pieces of about 64 KB, each row written only when its piece is (issue 13: a million members'
 * CSV is never one string). `rows` stands in for `table.rows` where the rows are not held as objects.
 */
export function* contributionCsvChunks(
  table: ContributionTable,
  options: { headersIn?: string } = {},
  rows: CsvRows = { length: table.rows.length, at: (i) => table.rows[i] },
): Generator<string> {
  const rated = table.percentScale === true;
  const credited = table.credit !== undefined;
  const machine = [
    ...CONTRIBUTION_CSV_HEADER,
    ...(rated ? ['declared_rate'] : []),
    ...(credited ? ['credit', 'net'] : []),
  ];
  let piece = `${(options.headersIn ? languageHeaders(machine, table.budget.currency, options.headersIn) : machine).join(',')}\n`;
  for (let i = 0; i < rows.length; i++) {
    const r = rows.at(i);
    piece += `${csvField(r.code)},${csvField(r.name)},${csvField(r.class ?? '')},${r.units},${r.percent},${r.amount}`;
    if (rated) piece += `,${r.units}`;
    if (credited) piece += `,${r.credit ?? ''},${r.net ?? ''}`;
    piece += '\n';
    if (piece.length >= CSV_CHUNK) {
      yield piece;
      piece = '';
    }
  }
  yield piece;
}

// Issue 11: "headers in the language" for people opening the CSV; the machine names stay the default (the CLI's contract).
const HEADER_IDS: Record<string, string> = {
  code: 'col.code',
  name: 'col.name',
  class: 'col.class',
  units: 'col.units',
  percent: 'col.percent',
  amount: 'col.amount',
  declared_rate: 'col.declaredRate',
  credit: 'col.credit',
  net: 'col.net',
};

function languageHeaders(machine: readonly string[], currency: string, locale: string): string[] {
  const w = exportWords({ locale });
  return machine.map((h) => csvField(w.t(HEADER_IDS[h], { currency })));
}

/** R21 one line saying how the rates were derived (base scale, factor, bounds, rounding), or null. */
export function derivationLine(table: ContributionTable): string | null {
  const d = table.derivation;
  if (!d) return null;
  const s = d.settings;
  const parts = [
    `factor ${d.scale.factor.decimal} (${d.scale.factor.fraction})`,
    ...(s.excludeBelow !== undefined ? [`excluded below ${s.excludeBelow}`] : []),
    ...(s.ceiling !== undefined ? [`ceiling ${s.ceiling}`] : []),
    ...(s.floor !== undefined ? [`floor ${s.floor}`] : []),
    `${s.decimals} decimals ${s.rounding === 'half-up' ? 'half-up' : 'by largest remainder'}`,
  ];
  return `Rates derived from ${d.baseScale.name}${d.baseScale.source ? ` (${d.baseScale.source})` : ''}: ${parts.join(', ')}`;
}

/**
 * R21 the derivation line as a Message (catalog area `scales`), for the app and the exports in the user's language:
 * base scale and source, the exact factor, the bounds, the rounding. Rates stay plain decimals, as printed.
 */
export function derivationMessage(table: ContributionTable): Message | null {
  const d = table.derivation;
  if (!d) return null;
  const s = d.settings;
  return msg('scales.line.derivation', {
    base: d.baseScale.name,
    source: d.baseScale.source ?? 'none',
    decimal: d.scale.factor.decimal,
    fraction: d.scale.factor.fraction,
    excludeBelow: s.excludeBelow ?? 'none',
    ceiling: s.ceiling ?? 'none',
    floor: s.floor ?? 'none',
    decimals: s.decimals,
    rounding: s.rounding === 'half-up' ? 'halfUp' : 'largest',
  });
}

/** R22 the credit line as a Message (amounts written by the display's amount writer). */
export function creditMessage(table: ContributionTable): Message | null {
  const c = table.credit;
  if (!c) return null;
  return table.method === 'total'
    ? msg('scales.line.credit', { grossAmount: table.total, creditAmount: c.total, netAmount: c.net })
    : msg('scales.line.creditPerUnit', { levelAmount: c.level, creditAmount: c.total, netAmount: c.net });
}

/** R22 one line stating the credit beside the gross, or null. */
export function creditLine(table: ContributionTable): string | null {
  const c = table.credit;
  if (!c) return null;
  return table.method === 'total'
    ? `Gross ${groupThousands(table.total)}, credit ${groupThousands(c.total)}, net ${groupThousands(c.net)}`
    : `Credit of ${groupThousands(c.level)} per unit: credit ${groupThousands(c.total)}, net ${groupThousands(c.net)}`;
}

/** R21–R23 the warning about a percent scale's sum shown with its table, or null (plain weights, or a sum of 100). */
export function declaredRateWarning(table: ContributionTable): string | null {
  return table.percentScale ? percentSumWarning(table.totalUnits) : null;
}

export function contributionJson(table: ContributionTable): string {
  const { budget, year, method, level, carriedOver, sourceYear, total, unitValue, totalUnits, rows } = table;
  const notes = table.derivation ? new Map(table.derivation.scale.rates.map((x) => [x.code, x.note])) : undefined;
  const out = {
    budget: budget.id,
    budgetName: budget.name,
    currency: budget.currency,
    roundingUnit: budget.roundingUnit,
    rounding: budget.rounding,
    year,
    method,
    level,
    carriedOver,
    sourceYear,
    total,
    unitValue,
    totalUnits,
    ...(table.percentScale ? { declaredRateSum: totalUnits } : {}),
    ...(table.credit
      ? { credit: table.credit.level, creditTotal: table.credit.total, netTotal: table.credit.net }
      : {}),
    ...(table.derivation
      ? {
          derivation: {
            baseScale: table.derivation.baseScale,
            settings: table.derivation.settings,
            factor: table.derivation.scale.factor,
            sum: table.derivation.scale.sum,
            steps: table.derivation.scale.steps,
          },
        }
      : {}),
    rows: rows.map((r) => ({
      code: r.code,
      name: r.name,
      class: r.class,
      units: r.units,
      ...(table.percentScale ? { declaredRate: r.units } : {}),
      percent: r.percent,
      amount: r.amount,
      ...(r.credit !== undefined ? { credit: r.credit, net: r.net } : {}),
      ...(notes ? { note: notes.get(r.code) ?? '' } : {}),
      ...(r.proRata ? { proRata: `${r.proRata.num}/${r.proRata.den}` } : {}),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** For people: a title, aligned columns with thousands separators, and a total line. */
export function contributionText(table: ContributionTable): string {
  const { budget } = table;
  const cur = budget.currency ? ` ${budget.currency}` : '';
  const rated = table.percentScale === true;
  // R21–R23 a percent scale: the declared rate beside the share assessed.
  const credited = table.credit !== undefined;
  const money = (w: string) => (budget.currency ? `${w} (${budget.currency})` : w);
  const head = [
    'Code',
    'Name',
    'Class',
    rated ? 'Declared rate %' : 'Units',
    rated ? 'Share assessed %' : '%',
    money(credited ? 'Gross' : 'Amount'),
    ...(credited ? [money('Credit'), money('Net')] : []),
  ];
  const body = table.rows.map((r) => [
    r.code,
    r.name,
    r.class ?? '',
    r.units,
    r.percent,
    groupThousands(r.amount) + (r.proRata ? ` (${r.proRata.num}/${r.proRata.den})` : ''),
    ...(credited ? [groupThousands(r.credit ?? ''), groupThousands(r.net ?? '')] : []),
  ]);
  const foot = [
    'Total',
    `${table.rows.length} members`,
    '',
    table.totalUnits,
    percentTotal(table.totalUnits),
    groupThousands(table.total),
    ...(credited ? [groupThousands(table.credit!.total), groupThousands(table.credit!.net)] : []),
  ];
  const what =
    table.method === 'total'
      ? `total ${groupThousands(table.level)}, implied unit value ${groupThousands(table.unitValue)}`
      : `unit value ${groupThousands(table.level)}, implied total ${groupThousands(table.total)}`;
  const title = [
    `${budget.name}${table.year !== null ? `, ${table.year}` : ''}: ${what}${cur}, rounded to ${budget.roundingUnit} (${budget.rounding})`,
    // R10 a budget not adopted in time, said without the rule's id (users read this line).
    ...(table.carriedOver ? [`Carried over: not adopted; assessed at the ${table.sourceYear} level`] : []),
    ...(derivationLine(table) ? [derivationLine(table)!] : []),
    ...(creditLine(table) ? [creditLine(table)!] : []),
    ...(declaredRateWarning(table) ? [`Warning: ${declaredRateWarning(table)}`] : []),
  ];
  return `${[...title, '', ...alignedText(head, body, [false, false, false, true, true, true, true, true], foot)].join('\n')}\n`;
}
