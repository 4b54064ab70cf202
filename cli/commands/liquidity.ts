import {
  compareLiquidity,
  liquidityBasis,
  projectLiquidity,
  type LiquidityBasis,
  type LiquidityComparison,
  type LiquidityProjection,
  type LiquidityWhatIf,
} from '../../shared/engine/liquidity';
import { isIsoDate } from '../../shared/model/dates';
import { isPercentage } from '../../shared/model/fields';
import type { Workbook } from '../../shared/model/types';
import { csvField } from '../../shared/export/contribution-table';
import { alignedText } from '../../shared/export/text-table';
import { inFile, output } from '../files';
import { C, cliLanguage, format, parse, UsageError, type Io } from '../io';
import { loadWorkbook } from '../workbook';
import { textWords, type TextWords } from '../../shared/export/text-words';
import type { MessageValues } from '../../shared/i18n/intl';
import type { Lang } from '../../shared/i18n/languages';

/** The contract other tools script against: one row per month-end. */
export const LIQUIDITY_CSV_HEADER = ['date', 'receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;

// Every sentence of the command is a catalog message (issue 11): usage errors in `cli.usage.*`, the table's words in
// `cli.liquidity.*` and, where the app says the same, the app's own `liquidity.*`.
const L = (id: string, values?: MessageValues) => C(`liquidity.${id}`, values);

/** `CODE=VALUE` split at the first "=". */
function pair(flag: string, shape: string, v: string): [string, string] {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m) throw new UsageError(C('usage.pair', { flag, shape, got: v }));
  return [m[1].trim(), m[2].trim()];
}

function monthsOf(flag: string, v: string, s: string): number {
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 120) throw new UsageError(L('months', { flag, got: v }));
  return Number(s);
}

/** The what-if the flags ask for; every member named is checked against the workbook and the budget. */
export function liquidityWhatIf(
  values: Record<string, unknown>,
  workbook: Workbook,
  budget: string,
  year: number,
): LiquidityWhatIf {
  const codes = new Set(workbook.members.map((m) => m.code));
  const taking = new Set(workbook.participations.filter((p) => p.budget === budget).map((p) => p.member));
  const member = (flag: string, v: string, code: string) => {
    if (!codes.has(code)) throw new UsageError(C('usage.noMember', { flag, got: v, code }));
    if (!taking.has(code)) throw new UsageError(C('usage.notTaking', { flag, got: v, code, budget }));
    return code;
  };
  const w: LiquidityWhatIf = {};
  const late = (values.late as string[] | undefined) ?? [];
  if (late.length > 0)
    w.late = late.map((v) => {
      const [code, n] = pair('late', 'CODE=MONTHS', v);
      return { member: member('late', v, code), months: monthsOf('late', v, n) };
    });
  const largest = values['late-largest'] as string | undefined;
  if (largest !== undefined) {
    const [k, n] = pair('late-largest', 'K=MONTHS', largest);
    if (!/^\d{1,6}$/.test(k) || Number(k) < 1) throw new UsageError(L('count', { got: largest }));
    w.lateLargest = { count: Number(k), months: monthsOf('late-largest', largest, n) };
  }
  const collect = values.collect as string | undefined;
  if (collect !== undefined) {
    if (!isPercentage(collect)) throw new UsageError(L('percent', { got: collect }));
    w.collect = collect;
  }
  const expect = (values.expect as string[] | undefined) ?? [];
  if (expect.length > 0)
    w.dates = expect.map((v) => {
      const [code, d] = pair('expect', 'CODE=YYYY-MM-DD', v);
      member('expect', v, code);
      if (!isIsoDate(d) || Number(d.slice(0, 4)) !== year)
        throw new UsageError(L('expectDate', { got: v, year: String(year) }));
      return { member: code, date: d };
    });
  const notPaying = (values['not-paying'] as string[] | undefined) ?? [];
  if (notPaying.length > 0) w.notPaying = notPaying.map((code) => member('not-paying', code, code));
  return w;
}

function describe(w: LiquidityWhatIf, words: TextWords): string {
  const t = (id: string, values?: MessageValues) => words.t(`cli.liquidity.${id}`, values);
  const months = (n: number) => ({ count: n, n: String(n) });
  return [
    ...(w.late ?? []).map((l) => t('describeLate', { code: l.member, ...months(l.months) })),
    ...(w.lateLargest
      ? [
          t('describeLargest', {
            k: w.lateLargest.count,
            kn: String(w.lateLargest.count),
            ...months(w.lateLargest.months),
          }),
        ]
      : []),
    ...(w.collect !== undefined ? [t('describeCollect', { percent: words.amount(w.collect) })] : []),
    ...(w.dates ?? []).map((x) => t('describeDate', { code: x.member, date: words.longDate(x.date) })),
    ...(w.notPaying ?? []).map((code) => t('describeNotPaying', { code })),
  ].join(t('separator'));
}

/** R24 `contrib liquidity`: the budget's cash over the year, month-end by month-end, and under a what-if. */
export function liquidity(args: string[], io: Io): number {
  const { values, positionals } = parse(args, {
    budget: { type: 'string' },
    year: { type: 'string' },
    late: { type: 'string', multiple: true },
    'late-largest': { type: 'string' },
    collect: { type: 'string' },
    expect: { type: 'string', multiple: true },
    'not-paying': { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    lang: { type: 'string' },
  });
  const fmt = format(values.format);
  const lang = cliLanguage(values.lang);
  if (positionals.length !== 1) throw new UsageError(C('usage.oneWorkbook', { command: 'liquidity' }));
  const budget = values.budget as string | undefined;
  const year = values.year as string | undefined;
  if (!budget) throw new UsageError(C('usage.budgetRequired'));
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(C('usage.year', { got: year ?? '' }));
  const file = positionals[0];
  const workbook = loadWorkbook(file, io, lang);
  const basis = inFile(file, () => liquidityBasis(workbook, budget, Number(year)));
  const whatIf = liquidityWhatIf(values, workbook, basis.budget.id, basis.year);
  const asked = Object.keys(whatIf).length > 0;
  const comparison = asked ? inFile(file, () => compareLiquidity(basis, whatIf)) : undefined;
  const projection = comparison ? comparison.whatIf : inFile(file, () => projectLiquidity(basis));
  const out = values.out as string | undefined;
  if (fmt === 'csv') return output(liquidityCsv(projection), out, io);
  if (fmt === 'json') return output(liquidityJson(projection, whatIf, comparison), out, io);
  return output(liquidityText(basis, projection, whatIf, comparison, lang), out, io);
}

export function liquidityCsv(p: LiquidityProjection): string {
  const rows = p.months.map((m) =>
    [m.date, m.receipts, m.spending, m.cash, m.wcf, m.advances, m.shortfall].map((c) => csvField(c, false)).join(','),
  );
  return `${[LIQUIDITY_CSV_HEADER.join(','), ...rows].join('\n')}\n`;
}

/** The projection asked for; with a what-if, the what-if asked, the baseline's figures and the comparison. */
export function liquidityJson(p: LiquidityProjection, whatIf: LiquidityWhatIf, c?: LiquidityComparison): string {
  const doc: Record<string, unknown> = { ...p };
  if (c) {
    doc.whatIf = whatIf;
    const b = c.baseline;
    doc.baseline = {
      months: b.months,
      firstWcfDraw: b.firstWcfDraw,
      firstAdvance: b.firstAdvance,
      firstShortfall: b.firstShortfall,
      maxAdvances: b.maxAdvances,
      shortfall: b.shortfall,
      receipts: b.receipts,
    };
    doc.comparison = { summary: c.summary, months: c.months.map((m) => m.difference), members: c.members };
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
}

export function liquidityText(
  basis: LiquidityBasis,
  p: LiquidityProjection,
  whatIf: LiquidityWhatIf,
  c?: LiquidityComparison,
  lang: Lang = 'en',
): string {
  const w = textWords(lang);
  const t = (id: string, values?: MessageValues) => w.t(`cli.liquidity.${id}`, values);
  const app = (id: string, values?: MessageValues) => w.t(`liquidity.${id}`, values);
  const money = w.amount;
  const col = (k: string) => app(`col.${k}`);
  const lines: string[] = [
    app('title', { budget: `${p.name} (${p.currency})`, year: String(p.year) }),
    t('opening', {
      cash: money(p.opening.cash),
      given: p.opening.cashGiven ? 'yes' : 'no',
      wcf: money(p.opening.wcf),
      advances: money(p.opening.advances),
      ceiling: money(p.opening.ceiling),
    }),
    app(p.spendingFrom === 'plan' ? 'spending.plan' : 'spending.budget'),
    '',
  ];
  if (c) lines.push(t('whatIf', { whatIf: describe(whatIf, w) }), '');
  const right = [false, true, true, true, true, true, true];
  lines.push(
    ...alignedText(
      ['monthEnd', 'receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'].map(col),
      p.months.map((m) =>
        [m.date, m.receipts, m.spending, m.cash, m.wcf, m.advances, m.shortfall].map((x, i) =>
          i === 0 ? w.date(x) : money(x),
        ),
      ),
      right,
      [col('total'), money(p.receipts), money(p.spending), '', '', '', ''],
    ),
  );
  lines.push(
    '',
    p.firstWcfDraw === null ? t('wcfNotDrawn') : t('wcfDrawn', { date: w.longDate(p.firstWcfDraw) }),
    p.firstAdvance === null
      ? app('dates.noAdvance')
      : t('advance', { date: w.longDate(p.firstAdvance), amount: money(p.maxAdvances) }),
    p.firstShortfall === null
      ? t('noShortfall')
      : app('dates.shortfall', { date: w.longDate(p.firstShortfall), amount: money(p.shortfall) }),
  );
  const show = (v: string | null) => (v === null ? '-' : isIsoDate(v) ? w.date(v) : money(v));
  if (c) {
    const whatIfColumn = t('whatIfColumn');
    lines.push(
      '',
      ...alignedText(
        ['', t('baseline'), whatIfColumn, t('difference')],
        c.summary.map((s) => [
          s.key === 'firstWcfDraw' ? t('firstWcfDraw') : app(`summary.${s.key}`),
          show(s.baseline),
          show(s.whatIf),
          s.difference === null ? '' : money(s.difference),
        ]),
        [false, true, true, true],
      ),
    );
    lines.push(
      '',
      ...alignedText(
        [
          col('monthEnd'),
          ...(['cash', 'wcf', 'advances', 'shortfall'] as const).flatMap((k) => [col(k), whatIfColumn]),
        ],
        c.months.map((m) => [
          w.date(m.date),
          ...(['cash', 'wcf', 'advances', 'shortfall'] as const).flatMap((k) => [
            money(m.baseline[k]),
            money(m.whatIf[k]),
          ]),
        ]),
        [false, true, true, true, true, true, true, true, true],
      ),
    );
  }
  const yearEnd = `${basis.year}-12-31`;
  const BASIS: Record<string, string> = { 'what-if': 'whatIf', 'no-history': 'noHistory', 'not-paying': 'notPaying' };
  const rows = p.expected.map((e) => [
    e.code,
    e.name,
    money(e.owed),
    money(e.amount),
    e.date === null ? '' : e.date > yearEnd ? app('expected.afterYear', { date: w.date(e.date) }) : w.date(e.date),
    [
      t('basis', { basis: BASIS[e.basis] ?? e.basis }),
      ...(e.late ? [t('late', { count: e.late, n: String(e.late) })] : []),
    ].join(t('separator')),
    e.from.map((f) => w.date(f.date)).join(' '),
  ]);
  lines.push(
    '',
    app('expected.heading'),
    ...alignedText(
      [
        w.t('export.file.col.code'),
        w.t('export.file.col.name'),
        app('expected.owed'),
        app('expected.amount'),
        t('on'),
        app('expected.basis'),
        t('fromPayments'),
      ],
      rows,
      [false, false, true, true, false, false, false],
    ),
  );
  return `${lines.join('\n')}\n`;
}
