import type { Comparison } from '../scenario/scenario';
import { groupThousands } from '../model/decimal';
import { csvField } from './contribution-table';
import { alignedText } from './text-table';

export const COMPARISON_CSV_HEADER = [
  'code',
  'name',
  'class_before',
  'class_after',
  'amount_before',
  'amount_after',
  'difference',
  'percent_change',
] as const;

/** R14 the comparison as CSV; a member absent on one side has an empty amount there. */
export function comparisonCsv(c: Comparison): string {
  const lines = [COMPARISON_CSV_HEADER.join(',')];
  for (const r of c.rows) {
    lines.push(
      [
        csvField(r.code),
        csvField(r.name),
        csvField(r.classBefore ?? ''),
        csvField(r.classAfter ?? ''),
        r.amountBefore ?? '',
        r.amountAfter ?? '',
        r.difference,
        r.percentChange ?? '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function comparisonJson(c: Comparison): string {
  const t = (x: Comparison['before']) => ({
    method: x.method,
    level: x.level,
    total: x.total,
    unitValue: x.unitValue,
    totalUnits: x.totalUnits,
    carriedOver: x.carriedOver,
  });
  return `${JSON.stringify(
    {
      scenario: c.scenario,
      budget: c.before.budget.id,
      year: c.before.year,
      currency: c.before.budget.currency,
      before: t(c.before),
      after: t(c.after),
      totalDifference: c.totalDifference,
      rows: c.rows,
    },
    null,
    2,
  )}\n`;
}

/** For people: before and after per member, the movers marked, the budget's totals and unit values. */
export function comparisonText(c: Comparison): string {
  const b = c.before.budget;
  const head = ['Code', 'Name', 'Class', 'Before', 'After', 'Difference', '%'];
  const body = c.rows.map((r) => [
    `${r.changed ? '*' : ' '}${r.code}`,
    r.name,
    r.classBefore === r.classAfter ? (r.classAfter ?? '') : `${r.classBefore ?? '-'} > ${r.classAfter ?? '-'}`,
    r.amountBefore === null ? '-' : groupThousands(r.amountBefore),
    r.amountAfter === null ? '-' : groupThousands(r.amountAfter),
    groupThousands(r.difference),
    r.percentChange ?? '',
  ]);
  const foot = [
    ' Total',
    '',
    '',
    groupThousands(c.before.total),
    groupThousands(c.after.total),
    groupThousands(c.totalDifference),
    '',
  ];
  const level = (t: Comparison['before']) =>
    t.method === 'total'
      ? `total ${groupThousands(t.level)}, unit value ${groupThousands(t.unitValue)}`
      : `unit value ${groupThousands(t.level)}, total ${groupThousands(t.total)}`;
  return `${[
    `${b.name}, ${c.before.year}: what if ${c.scenario}`,
    `  before: ${level(c.before)} ${b.currency}`,
    `  after:  ${level(c.after)} ${b.currency}`,
    '',
    ...alignedText(head, body, [false, false, false, true, true, true, true], foot),
    '* class, units or membership changed',
  ].join('\n')}\n`;
}
