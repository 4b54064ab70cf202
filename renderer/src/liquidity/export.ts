import type { LiquidityComparison, LiquidityProjection, LiquidityWhatIf } from '../../../shared/engine/liquidity';
import { tableCsv } from '../../../shared/export/comparisons';
import { exportWords } from '../../../shared/export/export-words';
import type { ExportColumn, ExportContext, ExportTable } from '../../../shared/export/table-model';
import { translator } from '../../../shared/i18n/intl';
import { decimalPlaces } from '../../../shared/model/decimal';
import type { ExportSource } from '../export/exports';
import { dayInWords, keyDates, whatIfWords } from './words';

// R24 the Liquidity view exported as the user sees it: the month-end table (baseline, or baseline and what-if side
// by side), the opening figures and the dates that matter in its title block, in the user's language. The CSV has
// the machine names of `contrib liquidity --format csv` (headers in the language where the user asks for them),
// amounts as plain decimals a spreadsheet reads.

const SIDES = ['receipts', 'cash', 'wcf', 'advances', 'shortfall'] as const;
const ALL = ['receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;

export function liquiditySource(
  p: LiquidityProjection,
  c: LiquidityComparison | null,
  whatIf: LiquidityWhatIf,
  ctx: ExportContext & { nativeDigits?: boolean },
): ExportSource {
  const t = translator(ctx.locale ?? 'en');
  const w = exportWords(ctx);
  const day = (iso: string) => dayInWords(iso, ctx.locale ?? 'en', ctx.nativeDigits);
  const money = (plain: string) => `${w.amount(plain)} ${p.currency}`;
  const col = (key: string, header: string, kind: ExportColumn['kind']): ExportColumn => ({ key, header, kind });
  const head = (k: (typeof ALL)[number]) => t(`liquidity.col.${k}`);
  const described = c ? whatIfWords(whatIf, t, w.amount) : null;

  const dates = keyDates(p, t, w.amount, day);
  const info: [string, string][] = [
    [w.t('info.organization'), ctx.organization],
    [w.t('info.budget'), p.name],
    [w.t('info.year'), String(p.year)],
    [
      t('liquidity.export.cash'),
      p.opening.cashGiven ? money(p.opening.cash) : t('liquidity.export.cashNone', { amount: money(p.opening.cash) }),
    ],
    [t('liquidity.export.wcf'), money(p.opening.wcf)],
    [t('liquidity.export.advances'), money(p.opening.advances)],
    [t('liquidity.export.ceiling'), money(p.opening.ceiling)],
    [
      t('liquidity.export.spending'),
      t(p.spendingFrom === 'plan' ? 'liquidity.export.spendingPlan' : 'liquidity.export.spendingBudget'),
    ],
    [t('liquidity.export.dates'), [dates.wcf, dates.advances, dates.shortfall].join(' ')],
  ];
  if (c && described) {
    const alt = keyDates(c.whatIf, t, w.amount, day);
    info.push(
      [t('liquidity.export.whatIf'), described],
      [t('liquidity.export.whatIfDates'), [alt.wcf, alt.advances, alt.shortfall].join(' ')],
    );
  }
  info.push([w.t('info.produced'), ctx.produced]);

  let columns: ExportColumn[];
  let rows: Record<string, string | null>[];
  let total: Record<string, string | null>;
  if (c) {
    columns = [col('date', t('liquidity.col.monthEnd'), 'date'), col('spending', head('spending'), 'money')];
    for (const k of SIDES)
      columns.push(
        col(k, head(k), 'money'),
        col(`${k}WhatIf`, t('liquidity.col.whatIf', { column: head(k) }), 'money'),
      );
    rows = c.months.map((m) => {
      const r: Record<string, string | null> = { date: m.date, spending: m.baseline.spending };
      for (const k of SIDES) Object.assign(r, { [k]: m.baseline[k], [`${k}WhatIf`]: m.whatIf[k] });
      return r;
    });
    total = {
      date: t('liquidity.col.total'),
      spending: c.baseline.spending,
      receipts: c.baseline.receipts,
      receiptsWhatIf: c.whatIf.receipts,
    };
  } else {
    columns = [col('date', t('liquidity.col.monthEnd'), 'date'), ...ALL.map((k) => col(k, head(k), 'money'))];
    rows = p.months.map((m) => ({ ...m }));
    total = { date: t('liquidity.col.total'), receipts: p.receipts, spending: p.spending };
  }
  const stem = `${p.budget}-${p.year}-liquidity${c ? '-whatif' : ''}`;
  const table: ExportTable = {
    name: stem.slice(0, 31),
    title: t(c ? 'liquidity.export.titleWhatIf' : 'liquidity.export.title', {
      budget: p.name,
      year: String(p.year),
      currency: p.currency,
    }),
    info,
    columns,
    rows,
    total,
    currency: p.currency,
    moneyDecimals: decimalPlaces(p.months[0]?.cash ?? '0'),
    ...(ctx.locale ? { locale: ctx.locale } : {}),
    ...(ctx.number ? { number: ctx.number } : {}),
  };
  return {
    stem,
    table,
    // Machine names by default, as `contrib liquidity --format csv` writes them (date,receipts,…; a what-if's side
    // receipts_what_if…); "headers in the language" gives the columns' words.
    csv: tableCsv(
      table,
      columns.map((x) => x.key.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`)),
    ),
    csvInLanguage: tableCsv(
      table,
      columns.map((x) => x.header),
    ),
    landscape: c !== null,
  };
}
