import type { AdvancesReport } from '../engine/advances';
import type { StatusReport } from '../engine/arrears';
import type { WcfReport } from '../engine/wcf';
import { groupThousands } from '../model/decimal';
import { csvField } from './contribution-table';
import { alignedText } from './text-table';

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

const money = (v: string | null) => (v === null ? '' : groupThousands(v));
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

export function statusText(report: StatusReport): string {
  const currencies = new Set(report.rows.map((r) => r.currency));
  const cur = currencies.size === 1 && !currencies.has(null) ? ` (${[...currencies][0]})` : '';
  const combined = report.votingTest === 'combined';
  const title =
    report.budget === null
      ? [
          `Voting status on ${report.date}, organization-wide${cur}`,
          'Art. 11(5): no vote in the Conference budget or in any Union means no vote in every body of which the state is a member.',
          combined
            ? 'Combined test (UN Charter Art. 19 practice): each member’s arrears over all its budgets against the sum of their thresholds.'
            : 'Amounts are summed over each member’s budgets; the status is the gravest of its budgets’ (see --budget ID for each).',
        ]
      : [
          `Voting status on ${report.date}: ${report.budgetName}${cur}`,
          ...(combined
            ? ['Combined test (UN Charter Art. 19 practice): each row is the member’s, over all its budgets.']
            : []),
        ];
  const head = [
    'Code',
    'Name',
    'Budget',
    'Arrears',
    'Threshold',
    'Status',
    'Minimum payment',
    'Loses vote on',
    'To keep it, pay',
  ];
  const notes: string[] = [];
  const body = report.rows.map((r) => {
    let status: string = r.status;
    if (r.decision) {
      notes.push(
        `[${notes.length + 1}] ${r.code}: ${r.decision.body}, ${r.decision.date} (${r.decision.reference}), from ${r.decision.from}${r.decision.to ? ` to ${r.decision.to}` : ''}`,
      );
      status += ` [${notes.length}]`;
    }
    if (r.incompleteHistory) status += ' *';
    const name = r.withdrew ? `${r.name} (withdrew ${r.withdrew})` : r.name;
    return [
      r.code,
      name,
      r.budget,
      money(r.arrears),
      money(r.threshold),
      status,
      money(r.minimumPayment),
      r.losesVoteOn ?? '',
      money(r.paymentToKeep),
    ];
  });
  const c = report.counts;
  const summary = `${report.rows.length} member${report.rows.length === 1 ? '' : 's'}: ${c.ok} ok, ${c['in arrears']} in arrears, ${c['no vote']} no vote, ${c['vote kept by decision']} vote kept by decision`;
  const lines = [
    ...title,
    '',
    ...alignedText(head, body, [false, false, false, true, true, false, true, false, true]),
    '',
    summary,
    'Arrears: unpaid contributions of the years before this one (R16). Threshold: contributions assessed for the two preceding years (R17).',
    report.budget === null || combined
      ? 'Minimum payment (R18): one payment, marked for no budget and credited as R15 says (the working capital fund first, then the oldest contributions), that regains the vote.'
      : 'Minimum payment (R18): one payment, marked for the budget and credited as R15 says (its working capital fund share first, then the oldest contributions), that regains the vote.',
    'To keep it, pay: the same, paid today, keeps the vote on the day it would be lost.',
    ...(report.rows.some((r) => r.incompleteHistory)
      ? [
          '* Incomplete history (R17a): the member took part before the first year of data and no opening balance says what it owed then; its figures count only what is known.',
        ]
      : []),
    ...(notes.length ? ['', 'Vote kept by decision:', ...notes] : []),
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

export function wcfText(report: WcfReport): string {
  const lines = [`Working capital fund on ${report.date} (R19)`, ''];
  if (report.funds.length === 0)
    return `${[...lines, 'No working capital fund decision is in force on this date.'].join('\n')}\n`;
  lines.push(
    ...alignedText(
      ['Budget', 'Currency', 'Established', 'Balance (paid in)', 'Owed'],
      report.funds.map((f) => [f.name, f.currency, money(f.established), money(f.balance), money(f.owed)]),
      [false, false, true, true, true],
    ),
    '',
    ...alignedText(
      ['Decision', 'Budget', 'Year', 'Basis', 'Due', 'Reference', 'Total', 'Paid', 'Owed'],
      report.decisions.map((d) => [
        d.id,
        d.budget,
        String(d.year),
        d.basis === 'proportion' ? `${d.value} of the contribution` : `${groupThousands(d.value)} apportioned`,
        d.due,
        d.reference ?? '',
        money(d.total),
        money(d.paid),
        money(d.owed),
      ]),
      [false, false, false, false, false, false, true, true, true],
    ),
    '',
    ...alignedText(
      ['Code', 'Name', 'Budget', 'Share', 'Paid', 'Owed'],
      report.rows.map((r) => [r.code, r.name, r.budget, money(r.share), money(r.paid), money(r.owed)]),
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

export function advancesText(report: AdvancesReport): string {
  const lines = [`Host-state advances on ${report.date} (R20)`, ''];
  if (report.rows.length === 0) return `${[...lines, 'No advance agreement is recorded.'].join('\n')}\n`;
  for (const r of report.rows) {
    lines.push(
      `Agreement ${r.agreement} with ${r.hostName} (${r.hostState}), ceiling ${money(r.ceiling)} ${r.currency}${r.conditions ? `: ${r.conditions}` : ''}`,
    );
    lines.push(
      r.endsOn
        ? `Denounced by the ${r.denouncedBy === 'host-state' ? 'host state' : 'Organization'} on ${r.notifiedOn}: the obligation ends on ${r.endsOn}; ${r.bound ? 'still bound' : 'no longer bound'}.`
        : r.bound
          ? 'In force, not denounced: the host state is bound.'
          : 'Not yet in force on this date.',
    );
    if (r.movements.length > 0) {
      lines.push(
        ...alignedText(
          ['Date', 'Movement', 'Amount', 'Reference'],
          r.movements.map((m) => [m.date, m.kind, money(m.amount), m.reference ?? '']),
          [false, false, true, false],
        ).map((l) => `  ${l}`),
      );
    }
    lines.push(
      `Drawn ${money(r.drawn)}, repaid ${money(r.repaid)}, outstanding ${money(r.outstanding)}, still available ${money(r.available)} ${r.currency}.`,
      '',
    );
  }
  for (const s of report.seats) {
    lines.push(
      s.seat
        ? `${s.name} (${s.hostState}) holds an ex officio seat on the Coordination Committee${s.boundUntil ? ` until ${s.boundUntil}` : ''}.`
        : `${s.name} (${s.hostState}) is no longer bound and holds no ex officio seat.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
