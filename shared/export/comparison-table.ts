import type { Comparison } from '../scenario/scenario';
import { csvField } from './contribution-table';
import { alignedText } from './text-table';
import { textWords } from './text-words';
import type { Lang } from '../i18n/languages';

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

/** For people: before and after per member, the movers marked, the budget's totals and unit values, in `lang`. */
export function comparisonText(c: Comparison, lang: Lang = 'en'): string {
  const b = c.before.budget;
  const w = textWords(lang);
  const money = w.amount;
  const head = [
    w.t('export.file.col.code'),
    w.t('export.file.col.name'),
    w.t('export.file.col.class'),
    w.t('export.file.info.before'),
    w.t('export.file.info.after'),
    w.t('export.text.whatIf.difference'),
    '%',
  ];
  const body = c.rows.map((r) => [
    `${r.changed ? '*' : ' '}${r.code}`,
    r.name,
    r.classBefore === r.classAfter ? (r.classAfter ?? '') : `${r.classBefore ?? '-'} > ${r.classAfter ?? '-'}`,
    r.amountBefore === null ? '-' : money(r.amountBefore),
    r.amountAfter === null ? '-' : money(r.amountAfter),
    money(r.difference),
    lang === 'en' ? (r.percentChange ?? '') : money(r.percentChange), // English as scripts have read it: ungrouped
  ]);
  const foot = [
    ` ${w.t('export.file.total')}`,
    '',
    '',
    money(c.before.total),
    money(c.after.total),
    money(c.totalDifference),
    '',
  ];
  const level = (x: Comparison['before']) =>
    w.t('export.text.whatIf.level', {
      method: x.method === 'total' ? 'total' : 'unitValue',
      level: money(x.level),
      other: money(x.method === 'total' ? x.unitValue : x.total),
    });
  return `${[
    w.t('export.file.whatIf.title', { budget: b.name, year: String(c.before.year), scenario: c.scenario }),
    `  ${w.t('export.text.whatIf.before', { level: level(c.before), currency: b.currency })}`,
    `  ${w.t('export.text.whatIf.after', { level: level(c.after), currency: b.currency })}`,
    '',
    ...alignedText(head, body, [false, false, false, true, true, true, true], foot),
    w.t('export.text.whatIf.changed'),
  ].join('\n')}\n`;
}
