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
import { groupThousands } from '../../shared/model/decimal';
import { isPercentage } from '../../shared/model/fields';
import type { Workbook } from '../../shared/model/types';
import { csvField } from '../../shared/export/contribution-table';
import { alignedText } from '../../shared/export/text-table';
import { format, inFile, loadWorkbook, output, parse, UsageError, type Io } from '../io';

export const LIQUIDITY_USAGE = `  contrib liquidity WORKBOOK.json --budget ID --year YYYY [--late CODE=MONTHS ...] [--late-largest K=MONTHS]
                    [--collect PERCENT] [--expect CODE=YYYY-MM-DD ...] [--not-paying CODE ...]
                    [--format table|csv|json] [--out FILE]`;

/** The contract other tools script against: one row per month-end. */
export const LIQUIDITY_CSV_HEADER = ['date', 'receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** Every user-visible sentence of the command (to move to the catalog). */
const messages = {
  oneWorkbook: 'liquidity needs one WORKBOOK.json',
  budget: '--budget ID is required',
  year: (v: string) => `--year must be a year such as 2026 (got "${v}")`,
  pair: (flag: string, shape: string, v: string) => `--${flag} takes ${shape} (got "${v}")`,
  months: (flag: string, v: string) => `--${flag} ${v}: the delay must be a whole number of months from 1 to 120`,
  count: (v: string) => `--late-largest ${v}: the number of contributors must be a whole number from 1 up`,
  percent: (v: string) => `--collect must be a percentage from 0 to 100 such as 80 or 92.5 (got "${v}")`,
  expectDate: (v: string, year: number) => `--expect ${v}: the date must be a day of ${year} written YYYY-MM-DD`,
  noMember: (flag: string, v: string, code: string) => `--${flag} ${v}: the workbook has no member ${code}`,
  notTaking: (flag: string, v: string, code: string, budget: string) =>
    `--${flag} ${v}: ${code} does not take part in ${budget}`,
  title: (p: LiquidityProjection) => `Liquidity of ${p.name} (${p.currency}) in ${p.year}`,
  opening: (p: LiquidityProjection) =>
    `On 1 January: cash ${money(p.opening.cash)}${p.opening.cashGiven ? '' : ' (none entered)'}, working capital fund ${money(p.opening.wcf)}, advances outstanding ${money(p.opening.advances)}, advance ceiling ${money(p.opening.ceiling)}.`,
  spending: (p: LiquidityProjection) =>
    p.spendingFrom === 'plan'
      ? 'Spending: the monthly plan entered in the workbook.'
      : "Spending: the year's budget spread over the 12 month-ends.",
  wcfDrawn: (d: string | null) =>
    d === null ? 'The working capital fund is not drawn.' : `The working capital fund is first drawn on ${inWords(d)}.`,
  advance: (d: string | null, most: string) =>
    d === null
      ? 'No advances are needed.'
      : `Advances are first needed on ${inWords(d)}; at most ${money(most)} is outstanding.`,
  shortfall: (d: string | null, total: string) =>
    d === null
      ? 'No shortfall: every month-end is paid.'
      : `Spending cannot be paid from ${inWords(d)}: ${money(total)} in all goes unpaid on its day.`,
  expectedTitle: 'Expected receipts',
  whatIf: (w: string) => `What if ${w}:`,
  summaryHead: ['', 'baseline', 'what-if', 'difference'],
  summary: {
    firstWcfDraw: 'WCF first drawn',
    firstAdvance: 'Advances first needed',
    firstShortfall: 'First shortfall',
    maxAdvances: 'Largest advance outstanding',
    shortfall: 'Spending unpaid on its day',
    receipts: 'Receipts in the year',
  },
  basis: {
    usual: 'usual date',
    override: 'date set in the workbook',
    'what-if': 'date set',
    'no-history': 'no payment in three years: not expected',
    'not-paying': 'not paying',
  },
  late: (n: number) => `${n} month${n === 1 ? '' : 's'} late`,
  afterYear: 'after the year',
  describe: {
    late: (code: string, n: number) => `${code} pays ${n} month${n === 1 ? '' : 's'} late`,
    largest: (k: number, n: number) =>
      `the ${k} largest contributor${k === 1 ? '' : 's'} pay${k === 1 ? 's' : ''} ${n} month${n === 1 ? '' : 's'} late`,
    collect: (p: string) => `only ${p} % is collected`,
    date: (code: string, d: string) => `${code} pays on ${inWords(d)}`,
    notPaying: (code: string) => `${code} does not pay`,
  },
  head: ['Month-end', 'Receipts', 'Spending', 'Cash', 'WCF', 'Advances', 'Shortfall'],
  expectedHead: ['Code', 'Name', 'Owed', 'Expected', 'On', 'Basis', 'From payments'],
  compareHead: ['Month-end', 'Cash', 'what-if', 'WCF', 'what-if', 'Advances', 'what-if', 'Shortfall', 'what-if'],
};

const money = (v: string) => groupThousands(v);
const inWords = (d: string) => `${Number(d.slice(8, 10))} ${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;

/** `CODE=VALUE` split at the first "=". */
function pair(flag: string, shape: string, v: string): [string, string] {
  const m = /^([^=]+)=(.+)$/.exec(v);
  if (!m) throw new UsageError(messages.pair(flag, shape, v));
  return [m[1].trim(), m[2].trim()];
}

function monthsOf(flag: string, v: string, s: string): number {
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 120) throw new UsageError(messages.months(flag, v));
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
    if (!codes.has(code)) throw new UsageError(messages.noMember(flag, v, code));
    if (!taking.has(code)) throw new UsageError(messages.notTaking(flag, v, code, budget));
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
    if (!/^\d{1,6}$/.test(k) || Number(k) < 1) throw new UsageError(messages.count(largest));
    w.lateLargest = { count: Number(k), months: monthsOf('late-largest', largest, n) };
  }
  const collect = values.collect as string | undefined;
  if (collect !== undefined) {
    if (!isPercentage(collect)) throw new UsageError(messages.percent(collect));
    w.collect = collect;
  }
  const expect = (values.expect as string[] | undefined) ?? [];
  if (expect.length > 0)
    w.dates = expect.map((v) => {
      const [code, d] = pair('expect', 'CODE=YYYY-MM-DD', v);
      member('expect', v, code);
      if (!isIsoDate(d) || Number(d.slice(0, 4)) !== year) throw new UsageError(messages.expectDate(v, year));
      return { member: code, date: d };
    });
  const notPaying = (values['not-paying'] as string[] | undefined) ?? [];
  if (notPaying.length > 0) w.notPaying = notPaying.map((code) => member('not-paying', code, code));
  return w;
}

function describe(w: LiquidityWhatIf): string {
  const d = messages.describe;
  return [
    ...(w.late ?? []).map((l) => d.late(l.member, l.months)),
    ...(w.lateLargest ? [d.largest(w.lateLargest.count, w.lateLargest.months)] : []),
    ...(w.collect !== undefined ? [d.collect(w.collect)] : []),
    ...(w.dates ?? []).map((x) => d.date(x.member, x.date)),
    ...(w.notPaying ?? []).map(d.notPaying),
  ].join(', ');
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
  });
  const fmt = format(values.format);
  if (positionals.length !== 1) throw new UsageError(messages.oneWorkbook);
  const budget = values.budget as string | undefined;
  const year = values.year as string | undefined;
  if (!budget) throw new UsageError(messages.budget);
  if (!year || !/^\d{4}$/.test(year)) throw new UsageError(messages.year(year ?? ''));
  const file = positionals[0];
  const workbook = loadWorkbook(file, io);
  const basis = inFile(file, () => liquidityBasis(workbook, budget, Number(year)));
  const whatIf = liquidityWhatIf(values, workbook, basis.budget.id, basis.year);
  const asked = Object.keys(whatIf).length > 0;
  const comparison = asked ? inFile(file, () => compareLiquidity(basis, whatIf)) : undefined;
  const projection = comparison ? comparison.whatIf : inFile(file, () => projectLiquidity(basis));
  const out = values.out as string | undefined;
  if (fmt === 'csv') return output(liquidityCsv(projection), out, io);
  if (fmt === 'json') return output(liquidityJson(projection, whatIf, comparison), out, io);
  return output(liquidityText(basis, projection, whatIf, comparison), out, io);
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
): string {
  const lines: string[] = [messages.title(p), messages.opening(p), messages.spending(p), ''];
  if (c) lines.push(messages.whatIf(describe(whatIf)), '');
  const right = [false, true, true, true, true, true, true];
  lines.push(
    ...alignedText(
      messages.head,
      p.months.map((m) =>
        [m.date, m.receipts, m.spending, m.cash, m.wcf, m.advances, m.shortfall].map((x, i) =>
          i === 0 ? x : money(x),
        ),
      ),
      right,
      ['Total', money(p.receipts), money(p.spending), '', '', '', ''],
    ),
  );
  lines.push(
    '',
    messages.wcfDrawn(p.firstWcfDraw),
    messages.advance(p.firstAdvance, p.maxAdvances),
    messages.shortfall(p.firstShortfall, p.shortfall),
  );
  if (c) {
    lines.push(
      '',
      ...alignedText(
        messages.summaryHead,
        c.summary.map((s) => [
          messages.summary[s.key],
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
        messages.compareHead,
        c.months.map((m) => [
          m.date,
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
  const rows = p.expected.map((e) => [
    e.code,
    e.name,
    money(e.owed),
    money(e.amount),
    e.date === null ? '' : e.date > yearEnd ? `${e.date} (${messages.afterYear})` : e.date,
    [messages.basis[e.basis], ...(e.late ? [messages.late(e.late)] : [])].join(', '),
    e.from.map((f) => f.date).join(' '),
  ]);
  lines.push(
    '',
    messages.expectedTitle,
    ...alignedText(messages.expectedHead, rows, [false, false, true, true, false, false, false]),
  );
  return `${lines.join('\n')}\n`;
}

const show = (v: string | null) => (v === null ? '-' : isIsoDate(v) ? v : money(v));
