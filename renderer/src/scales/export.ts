import type { DerivedScale } from '../../../shared/engine/scale';
import { tableCsv } from '../../../shared/export/comparisons';
import { exportWords } from '../../../shared/export/export-words';
import type { ExportContext, ExportTable } from '../../../shared/export/table-model';
import { translator } from '../../../shared/i18n/intl';
import type { ExportSource } from '../export/exports';
import { noteWords, stepWords } from './words';

// R21 the Scales view exported as the user sees it: the derived rates with their notes, each step in words in the
// title block. The CSV keeps the columns of `contrib scale derive` (code,name,base_rate,rate,note) so a script reads
// either; its notes stay the machine words.

export function scaleSource(
  s: DerivedScale,
  what: { budgetId: string; budget: string; year: number; baseScale: string; draft: boolean },
  ctx: ExportContext,
): ExportSource {
  const t = translator(ctx.locale ?? 'en');
  const w = exportWords(ctx);
  const table: ExportTable = {
    name: `scale-${what.year}`,
    title: t('scales.export.title', { budget: what.budget, year: String(what.year) }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [t('scales.field.baseScale'), what.baseScale],
      ...(what.draft ? ([[t('scales.export.status'), t('scales.preview.draft')]] as [string, string][]) : []),
      ...s.steps.map((st, i): [string, string] => [t('scales.export.step', { n: i + 1 }), stepWords(st, t, w.amount)]),
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      { key: 'code', header: t('scales.preview.code'), kind: 'text' },
      { key: 'name', header: t('scales.preview.name'), kind: 'text' },
      { key: 'base_rate', header: t('scales.preview.baseRate'), kind: 'percent' },
      { key: 'rate', header: t('scales.preview.rate'), kind: 'percent' },
      { key: 'note', header: t('scales.preview.note'), kind: 'text' },
    ],
    rows: s.rates.map((r) => ({
      code: r.code,
      name: r.name,
      base_rate: r.baseRate,
      rate: r.rate,
      note: noteWords(r.note, t),
    })),
    total: {
      code: w.t('total'),
      name: w.t('members', { count: s.rates.length }),
      base_rate: null,
      rate: s.sum,
      note: null,
    },
    currency: '',
    moneyDecimals: s.decimals,
    ...(ctx.locale ? { locale: ctx.locale } : {}),
    ...(ctx.number ? { number: ctx.number } : {}),
  };
  const csv = tableCsv({
    ...table,
    rows: s.rates.map((r) => ({ code: r.code, name: r.name, base_rate: r.baseRate, rate: r.rate, note: r.note })),
  });
  const stem = `${what.budgetId}-${what.year}-scale${what.draft ? '-draft' : ''}`;
  return { stem, table: { ...table, name: stem.slice(0, 31) }, csv, landscape: false };
}
