import type { AdvancesReport } from '../engine/advances';
import type { StatusReport } from '../engine/arrears';
import type { WcfReport } from '../engine/wcf';
import { csvField } from './contribution-table';
import { alignedText } from './text-table';
import { textWords } from './text-words';
import type { MessageValues } from '../i18n/intl';
import type { Lang } from '../i18n/languages';

// R16–R20 tables as CSV (a contract other tools script against), JSON and aligned text for people.

// `history` (R17a) was added last, so scripts reading the earlier columns by position read them unchanged.
export const STATUS_CSV_HEADER = [
  'code',
  'name',
  'budget',
  'arrears',
  'threshold',
  'status',
  'minimum_payment',
  'loses_vote_on',
  'history',
] as const;
export const WCF_CSV_HEADER = ['code', 'name', 'budget', 'share', 'paid', 'owed'] as const;
export const ADVANCES_CSV_HEADER = [
  'agreement',
  'host_state',
  'name',
  'currency',
  'ceiling',
  'drawn',
  'repaid',
  'outstanding',
  'available',
  'bound',
  'denounced_by',
  'notified_on',
  'ends_on',
  'ex_officio_seat',
] as const;

function csv(header: readonly string[], rows: string[][]): string {
  return `${[header.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
}

const yesNo = (b: boolean) => (b ? 'yes' : 'no');

// --- R16–R18 status -------------------------------------------------------------------------------------------

export function statusCsv(report: StatusReport): string {
  return csv(
    STATUS_CSV_HEADER,
    report.rows.map((r) => [
      csvField(r.code),
      csvField(r.name),
      csvField(r.budget),
      r.arrears ?? '',
      r.threshold ?? '',
      r.status,
      r.minimumPayment ?? '',
      r.losesVoteOn ?? '',
      r.incompleteHistory ? 'incomplete' : 'complete',
    ]),
  );
}

export function statusJson(report: StatusReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const STATUS_KEY: Record<string, string> = {
  ok: 'ok',
  'in arrears': 'inArrears',
  'no vote': 'noVote',
  'vote kept by decision': 'kept',
};

/** R16–R18 the voting status for people, in `lang` (issue 11): English word for word as scripts have read it. */
export function statusText(report: StatusReport, lang: Lang = 'en'): string {
  const w = textWords(lang);
  const t = (id: string, values?: MessageValues) => w.t(`export.text.status.${id}`, values);
  const col = (id: string) => w.t(`export.file.col.${id}`);
  const currencies = new Set(report.rows.map((r) => r.currency));
  const currency = currencies.size === 1 && !currencies.has(null) ? [...currencies][0]! : 'none';
  const combined = report.votingTest === 'combined';
  const date = w.date(report.date);
  const title =
    report.budget === null
      ? [
          t('titleAll', { date, currency }),
          t('article115'), // Art. 11(5): no vote for one budget is no vote in every body
          t(combined ? 'combinedAll' : 'summedAll'),
        ]
      : [
          t('titleBudget', { date, budget: report.budgetName ?? report.budget, currency }),
          ...(combined ? [t('combinedBudget')] : []),
        ];
  const head = [
    'code',
    'name',
    'budget',
    'arrears',
    'threshold',
    'status',
    'minimumPayment',
    'losesVoteOn',
    'paymentToKeep',
  ].map(col);
  const notes: string[] = [];
  const body = report.rows.map((r) => {
    let status = w.t('export.file.status.value', { status: STATUS_KEY[r.status] ?? r.status });
    if (r.decision) {
      const d = r.decision;
      notes.push(
        t(d.to ? 'noteUntil' : 'note', {
          n: String(notes.length + 1),
          code: r.code,
          body: d.body,
          date: w.date(d.date),
          reference: d.reference,
          from: w.date(d.from),
          to: w.date(d.to),
        }),
      );
      status += ` [${notes.length}]`;
    }
    if (r.incompleteHistory) status += ' *';
    const name = r.withdrew ? w.t('export.file.member.withdrew', { name: r.name, date: w.date(r.withdrew) }) : r.name;
    return [
      r.code,
      name,
      report.budget === null && r.budget === 'all' ? w.t('export.file.decisions.allBudgets') : r.budget,
      w.amount(r.arrears),
      w.amount(r.threshold),
      status,
      w.amount(r.minimumPayment),
      w.date(r.losesVoteOn),
      w.amount(r.paymentToKeep),
    ];
  });
  const c = report.counts;
  // Counts as plain digits, as scripts have read them.
  const summary = t('summary', {
    count: report.rows.length,
    n: String(report.rows.length),
    ok: String(c.ok),
    inArrears: String(c['in arrears']),
    noVote: String(c['no vote']),
    kept: String(c['vote kept by decision']),
  });
  const lines = [
    ...title,
    '',
    ...alignedText(head, body, [false, false, false, true, true, false, true, false, true]),
    '',
    summary,
    t('explain'), // R16 arrears, R17 threshold
    t(report.budget === null || combined ? 'minimumAll' : 'minimumBudget'), // R18, credited as R15 says
    t('keep'),
    ...(report.rows.some((r) => r.incompleteHistory) ? [t('incomplete')] : []), // R17a
    ...(notes.length ? ['', t('keptTitle'), ...notes] : []),
  ];
  return `${lines.join('\n')}\n`;
}

// --- R19 working capital fund ----------------------------------------------------------------------------------

export function wcfCsv(report: WcfReport): string {
  return csv(
    WCF_CSV_HEADER,
    report.rows.map((r) => [csvField(r.code), csvField(r.name), csvField(r.budget), r.share, r.paid, r.owed]),
  );
}

export function wcfJson(report: WcfReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** R19 the working capital fund for people, in `lang`. */
export function wcfText(report: WcfReport, lang: Lang = 'en'): string {
  const w = textWords(lang);
  const col = (id: string) => w.t(`export.file.col.${id}`);
  const lines = [w.t('export.file.wcf.title', { date: w.date(report.date) }), ''];
  if (report.funds.length === 0) return `${[...lines, w.t('export.text.wcf.none')].join('\n')}\n`;
  lines.push(
    ...alignedText(
      ['budget', 'currency', 'established', 'balance', 'owed'].map(col),
      report.funds.map((f) => [f.name, f.currency, w.amount(f.established), w.amount(f.balance), w.amount(f.owed)]),
      [false, false, true, true, true],
    ),
    '',
    ...alignedText(
      ['decisionId', 'budget', 'year', 'basis', 'due', 'reference', 'total', 'paid', 'owed'].map((id) =>
        id === 'total' ? w.t('export.file.total') : col(id),
      ),
      report.decisions.map((d) => [
        d.id,
        d.budget,
        String(d.year),
        w.t('export.file.wcf.basis', {
          basis: d.basis === 'proportion' ? 'proportion' : 'amount',
          value: w.amount(d.value),
        }),
        w.date(d.due),
        d.reference ?? '',
        w.amount(d.total),
        w.amount(d.paid),
        w.amount(d.owed),
      ]),
      [false, false, false, false, false, false, true, true, true],
    ),
    '',
    ...alignedText(
      ['code', 'name', 'budget', 'wcfShare', 'paid', 'owed'].map(col),
      report.rows.map((r) => [r.code, r.name, r.budget, w.amount(r.share), w.amount(r.paid), w.amount(r.owed)]),
      [false, false, false, true, true, true],
    ),
  );
  return `${lines.join('\n')}\n`;
}

// --- R20 host-state advances ------------------------------------------------------------------------------------

export function advancesCsv(report: AdvancesReport): string {
  const seat = new Map(report.seats.map((s) => [s.hostState, s.seat]));
  return csv(
    ADVANCES_CSV_HEADER,
    report.rows.map((r) => [
      csvField(r.agreement),
      csvField(r.hostState),
      csvField(r.hostName),
      r.currency,
      r.ceiling,
      r.drawn,
      r.repaid,
      r.outstanding,
      r.available,
      yesNo(r.bound),
      r.denouncedBy ?? '',
      r.notifiedOn ?? '',
      r.endsOn ?? '',
      yesNo(seat.get(r.hostState) ?? false),
    ]),
  );
}

export function advancesJson(report: AdvancesReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** R20 the host-state advances for people, in `lang`. */
export function advancesText(report: AdvancesReport, lang: Lang = 'en'): string {
  const w = textWords(lang);
  const t = (id: string, values?: MessageValues) => w.t(`export.text.advances.${id}`, values);
  const lines = [w.t('export.file.advances.title', { date: w.date(report.date) }), ''];
  if (report.rows.length === 0) return `${[...lines, t('none')].join('\n')}\n`;
  for (const r of report.rows) {
    const agreement = {
      agreement: r.agreement,
      host: r.hostName,
      code: r.hostState,
      ceiling: w.amount(r.ceiling),
      currency: r.currency,
    };
    lines.push(
      r.conditions ? t('agreementConditions', { ...agreement, conditions: r.conditions }) : t('agreement', agreement),
    );
    lines.push(
      r.endsOn
        ? t('denounced', {
            by: r.denouncedBy === 'host-state' ? 'host' : 'organization',
            date: w.date(r.notifiedOn),
            ends: w.date(r.endsOn),
            bound: r.bound ? 'yes' : 'no',
          })
        : r.bound
          ? t('inForce')
          : t('notYet'),
    );
    if (r.movements.length > 0) {
      lines.push(
        ...alignedText(
          ['date', 'movement', 'amountPlain', 'reference'].map((id) => w.t(`export.file.col.${id}`)),
          r.movements.map((m) => [
            w.date(m.date),
            w.t('export.file.movement', { kind: m.kind }),
            w.amount(m.amount),
            m.reference ?? '',
          ]),
          [false, false, true, false],
        ).map((l) => `  ${l}`),
      );
    }
    lines.push(
      t('totals', {
        drawn: w.amount(r.drawn),
        repaid: w.amount(r.repaid),
        outstanding: w.amount(r.outstanding),
        available: w.amount(r.available),
        currency: r.currency,
      }),
      '',
    );
  }
  for (const s of report.seats) {
    const who = { name: s.name, code: s.hostState };
    lines.push(
      s.seat
        ? s.boundUntil
          ? t('seatUntil', { ...who, until: w.date(s.boundUntil) })
          : t('seat', who)
        : t('noSeat', who),
    );
  }
  return `${lines.join('\n')}\n`;
}
