import type { AdvancesReport } from '../engine/advances';
import type { StatusReport, StatusRow } from '../engine/arrears';
import type { StatementLine } from '../engine/ledger';
import type { WcfReport } from '../engine/wcf';
import { decimalPlaces } from '../model/decimal';
import type { Payment, VotingDecision } from '../model/types';
import { exportWords, type ExportWords } from './export-words';
import type { ExportColumn, ExportContext, ExportTable } from './table-model';

// R15–R20 views as export tables (one model → CSV, XLSX, PDF). Figures are the engine's strings; nothing here
// computes money. The CSVs of status, WCF and advances stay those of ledger-tables.ts (the CLI's contract).

const col = (
  key: string,
  header: string,
  kind: ExportColumn['kind'] = 'text',
  print?: ExportColumn['print'],
): ExportColumn => ({ key, header, kind, ...(print ? { print } : {}) });

const places = (amounts: readonly (string | null | undefined)[]) =>
  Math.max(0, ...amounts.map((a) => (a ? decimalPlaces(a) : 0)));

/** One currency for the title block and the money format, or '' when amounts are in several. */
function oneCurrency(list: readonly (string | null)[]): string {
  const s = new Set(list.filter((c): c is string => c !== null));
  return s.size === 1 ? [...s][0] : '';
}

const decisionText = (d: StatusRow['decision'], w: ExportWords) =>
  d
    ? w.t(d.to ? 'decision.until' : 'decision.open', {
        body: d.body,
        date: d.date,
        reference: d.reference,
        from: d.from,
        to: d.to ?? '',
      })
    : null;

/** R17 a status in words of the export's language. */
const STATUS_KEY: Record<string, string> = {
  ok: 'ok',
  'in arrears': 'inArrears',
  'no vote': 'noVote',
  'vote kept by decision': 'kept',
};
const statusWords = (s: string, w: ExportWords) => w.t('status.value', { status: STATUS_KEY[s] ?? s });

/** What a table carries of its context's language. */
/** Issue 14 a budget as people read it: its name where the caller gives names, else its id. */
const nameOf = (ctx: ExportContext, id: string): string => ctx.budgetName?.(id) ?? id;

const language = (ctx: ExportContext): Pick<ExportTable, 'locale' | 'number'> => ({
  ...(ctx.locale ? { locale: ctx.locale } : {}),
  ...(ctx.number ? { number: ctx.number } : {}),
});

/**
 * R16–R18 one line per member and budget: the organization-wide report's budgets flattened, each line keeping its
 * member's Art. 11(5) status. A budget report's rows are already one per member.
 */
export interface StatusLine extends StatusRow {
  /** Art. 11(5) the gravest status over the member's budgets. */
  overall: StatusRow['status'];
}

export function statusLines(report: StatusReport): StatusLine[] {
  const out: StatusLine[] = [];
  for (const r of report.rows) {
    if (!r.budgets) {
      out.push({ ...r, overall: r.status });
      continue;
    }
    for (const b of r.budgets) {
      const line: StatusLine = {
        code: r.code,
        name: r.name,
        budget: b.budget,
        currency: b.currency,
        arrears: b.arrears,
        threshold: b.threshold,
        status: b.status,
        minimumPayment: b.minimumPayment,
        losesVoteOn: b.losesVoteOn,
        paymentToKeep: b.paymentToKeep,
        overall: r.status,
      };
      if (r.withdrew) line.withdrew = r.withdrew;
      if (b.decision) line.decision = b.decision;
      if (b.incompleteHistory) line.incompleteHistory = true;
      out.push(line);
    }
  }
  return out;
}

/** The lines of one status row (the app's LedgerState caches them per row, so an unchanged member keeps its lines). */
export function rowStatusLines(row: StatusRow): StatusLine[] {
  return statusLines({
    date: '',
    budget: null,
    budgetName: null,
    rows: [row],
    counts: { ok: 0, 'in arrears': 0, 'no vote': 0, 'vote kept by decision': 0 },
  });
}

/** R16–R18 the voting-status table shown (its lines after the view's filters). */
export function statusExport(
  report: StatusReport,
  lines: readonly StatusLine[],
  ctx: ExportContext,
  filter?: string,
): ExportTable {
  const currency = oneCurrency(lines.map((l) => l.currency));
  const c = report.counts;
  const w = exportWords(ctx);
  return {
    name: `voting-status-${report.date}`,
    title: report.budgetName
      ? w.t('status.titleBudget', { date: report.date, budget: report.budgetName })
      : w.t('status.title', { date: report.date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.asOf'), report.date],
      [w.t('info.budgets'), report.budgetName ?? w.t('status.allBudgets')],
      ...(filter ? ([[w.t('info.shown'), filter]] as [string, string][]) : []),
      [
        w.t('info.members'),
        w.t('status.counts', {
          total: report.rows.length,
          ok: c.ok,
          inArrears: c['in arrears'],
          noVote: c['no vote'],
          kept: c['vote kept by decision'],
        }),
      ],
      ...(report.votingTest === 'combined' ? ([[w.t('info.test'), w.t('status.combined')]] as [string, string][]) : []),
      [w.t('info.rules'), w.t('status.rules')],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('code', w.t('col.code')),
      col('name', w.t('col.member')),
      col('budget', w.t('col.budget')),
      col('arrears', currency ? w.t('col.arrearsIn', { currency }) : w.t('col.arrears'), 'money'),
      col('threshold', currency ? w.t('col.thresholdIn', { currency }) : w.t('col.threshold'), 'money'),
      col('status', w.t('col.status'), 'text', 'nowrap'),
      col('minimumPayment', w.t('col.minimumPayment'), 'money'),
      col('losesVoteOn', w.t('col.losesVoteOn'), 'date'),
      col('paymentToKeep', w.t('col.paymentToKeep'), 'money'),
      col('overall', w.t('col.article115'), 'text', 'nowrap'),
      col('decision', w.t('col.decision'), 'text', 'wide'),
      col('history', w.t('col.history'), 'text', 'nowrap'),
    ],
    rows: lines.map((l) => ({
      code: l.code,
      name: l.withdrew ? w.t('member.withdrew', { name: l.name, date: l.withdrew }) : l.name,
      budget: nameOf(ctx, l.budget),
      arrears: l.arrears,
      threshold: l.threshold,
      status: statusWords(l.status, w),
      minimumPayment: l.minimumPayment,
      losesVoteOn: l.losesVoteOn,
      paymentToKeep: l.paymentToKeep,
      overall: statusWords(l.overall, w),
      decision: decisionText(l.decision, w),
      history: l.incompleteHistory ? w.t('history.incomplete') : null,
    })),
    currency,
    moneyDecimals: places(lines.flatMap((l) => [l.arrears, l.threshold])),
    ...language(ctx),
  };
}

/** R17 the voting decisions recorded. */
export function votingDecisionsExport(decisions: readonly VotingDecision[], ctx: ExportContext): ExportTable {
  const w = exportWords(ctx);
  return {
    name: 'voting-decisions',
    title: w.t('decisions.title'),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('id', w.t('col.id')),
      col('member', w.t('col.member')),
      col('budget', w.t('col.budget')),
      col('body', w.t('col.body')),
      col('date', w.t('col.date'), 'date'),
      col('reference', w.t('col.reference')),
      col('from', w.t('col.from'), 'date'),
      col('to', w.t('col.to'), 'date'),
    ],
    rows: decisions.map((d) => ({
      id: d.id,
      member: d.member,
      budget: d.budget ? nameOf(ctx, d.budget) : w.t('decisions.allBudgets'),
      body: d.body,
      date: d.date,
      reference: d.reference,
      from: d.from,
      to: d.to ?? null,
    })),
    currency: '',
    moneyDecimals: 0,
    ...language(ctx),
  };
}

/** R19 each member's share of the fund, paid and owed; the fund's figures in the title block and total row. */
export function wcfExport(report: WcfReport, ctx: ExportContext): ExportTable {
  const currency = oneCurrency(report.funds.map((f) => f.currency));
  const one = report.funds.length === 1 ? report.funds[0] : undefined;
  const w = exportWords(ctx);
  return {
    name: `wcf-${report.date}`,
    title: one ? w.t('wcf.titleFund', { date: report.date, fund: one.name }) : w.t('wcf.title', { date: report.date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.asOf'), report.date],
      ...report.funds.map((f): [string, string] => [
        f.name,
        w.t('wcf.fund', { established: f.established, balance: f.balance, owed: f.owed, currency: f.currency }),
      ]),
      ...report.decisions.map((d): [string, string] => [
        w.t('wcf.decision', { id: d.id }),
        `${w.t('wcf.decisionValue', { year: String(d.year), basis: w.t('wcf.basis', { basis: d.basis === 'proportion' ? 'proportion' : 'amount', value: d.value }), due: d.due })}${d.reference ? `, ${d.reference}` : ''}`,
      ]),
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('code', w.t('col.code')),
      col('name', w.t('col.member')),
      col('budget', w.t('col.budget')),
      col('share', w.t('col.wcfShare'), 'money'),
      col('paid', w.t('col.paid'), 'money'),
      col('owed', w.t('col.owed'), 'money'),
    ],
    rows: report.rows.map((r) => ({
      code: r.code,
      name: r.name,
      budget: nameOf(ctx, r.budget),
      share: r.share,
      paid: r.paid,
      owed: r.owed,
    })),
    ...(one
      ? {
          total: {
            code: w.t('total'),
            name: w.t('members', { count: report.rows.length }),
            budget: nameOf(ctx, one.budget),
            share: one.established,
            paid: one.balance,
            owed: one.owed,
          },
        }
      : {}),
    currency,
    moneyDecimals: places(report.rows.map((r) => r.share)),
    ...language(ctx),
  };
}

/** R19 the decisions in force: total, paid, owed. */
export function wcfDecisionsExport(report: WcfReport, ctx: ExportContext): ExportTable {
  const w = exportWords(ctx);
  return {
    name: 'wcf-decisions',
    title: w.t('wcf.decisionsTitle', { date: report.date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('id', w.t('col.decisionId')),
      col('budget', w.t('col.budget')),
      col('year', w.t('col.year')),
      col('basis', w.t('col.basis')),
      col('due', w.t('col.due'), 'date'),
      col('reference', w.t('col.reference')),
      col('total', w.t('total'), 'money'),
      col('paid', w.t('col.paid'), 'money'),
      col('owed', w.t('col.owed'), 'money'),
    ],
    rows: report.decisions.map((d) => ({
      id: d.id,
      budget: nameOf(ctx, d.budget),
      year: String(d.year),
      // The value as given (a proportion such as 0.1, or an amount): the words around it in the table's language.
      basis: w.t('wcf.basis', { basis: d.basis === 'proportion' ? 'proportion' : 'amount', value: d.value }),
      due: d.due,
      reference: d.reference ?? null,
      total: d.total,
      paid: d.paid,
      owed: d.owed,
    })),
    currency: oneCurrency(report.funds.map((f) => f.currency)),
    moneyDecimals: places(report.decisions.map((d) => d.total)),
    ...language(ctx),
  };
}

/** R20 the agreements on a date: drawn, repaid, outstanding, the denunciation, whether the host is bound. */
export function advancesExport(report: AdvancesReport, ctx: ExportContext): ExportTable {
  const seat = new Map(report.seats.map((s) => [s.hostState, s]));
  const w = exportWords(ctx);
  const yesNo = (b: boolean) => w.t('yesNo', { value: b ? 'yes' : 'no' });
  return {
    name: `advances-${report.date}`,
    title: w.t('advances.title', { date: report.date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.asOf'), report.date],
      ...report.seats.map((s): [string, string] => [
        `${s.name} (${s.hostState})`,
        s.seat && s.boundUntil
          ? w.t('advances.seatUntil', { until: s.boundUntil })
          : w.t('advances.seat', { seat: s.seat ? 'yes' : 'no' }),
      ]),
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('agreement', w.t('col.agreement')),
      col('host', w.t('col.hostState')),
      col('ceiling', w.t('col.ceiling'), 'money'),
      col('drawn', w.t('col.drawn'), 'money'),
      col('repaid', w.t('col.repaid'), 'money'),
      col('outstanding', w.t('col.outstanding'), 'money'),
      col('available', w.t('col.available'), 'money'),
      col('denounced', w.t('col.denounced')),
      col('endsOn', w.t('col.obligationEnds'), 'date'),
      col('bound', w.t('col.bound')),
      col('seat', w.t('col.exOfficioSeat')),
    ],
    rows: report.rows.map((r) => ({
      agreement: r.agreement,
      host: `${r.hostName} (${r.hostState})`,
      ceiling: r.ceiling,
      drawn: r.drawn,
      repaid: r.repaid,
      outstanding: r.outstanding,
      available: r.available,
      denounced: r.denouncedBy
        ? w.t('advances.denounced', {
            by: r.denouncedBy === 'host-state' ? 'host' : 'organization',
            date: r.notifiedOn ?? '',
          })
        : null,
      endsOn: r.endsOn,
      bound: yesNo(r.bound),
      seat: yesNo(seat.get(r.hostState)?.seat ?? false),
    })),
    currency: oneCurrency(report.rows.map((r) => r.currency)),
    moneyDecimals: places(report.rows.map((r) => r.ceiling)),
    ...language(ctx),
  };
}

/** R20 every advance drawn and repaid, by agreement. */
export function advanceMovementsExport(report: AdvancesReport, ctx: ExportContext): ExportTable {
  const w = exportWords(ctx);
  return {
    name: 'advance-movements',
    title: w.t('movements.title', { date: report.date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('agreement', w.t('col.agreement')),
      col('date', w.t('col.date'), 'date'),
      col('kind', w.t('col.movement')),
      col('amount', w.t('col.amountPlain'), 'money'),
      col('reference', w.t('col.reference')),
    ],
    rows: report.rows.flatMap((r) =>
      r.movements.map((m) => ({
        agreement: r.agreement,
        date: m.date,
        kind: w.t('movement', { kind: m.kind }),
        amount: m.amount,
        reference: m.reference ?? null,
      })),
    ),
    currency: oneCurrency(report.rows.map((r) => r.currency)),
    moneyDecimals: places(report.rows.flatMap((r) => r.movements.map((m) => m.amount))),
    ...language(ctx),
  };
}

/** R15 the payments recorded (those shown). */
export function paymentsExport(payments: readonly Payment[], ctx: ExportContext, shown?: string): ExportTable {
  const w = exportWords(ctx);
  return {
    name: 'payments',
    title: w.t('payments.title'),
    info: [
      [w.t('info.organization'), ctx.organization],
      ...(shown ? ([[w.t('info.shown'), shown]] as [string, string][]) : []),
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('id', w.t('col.id')),
      col('member', w.t('col.member')),
      col('date', w.t('col.date'), 'date'),
      col('amount', w.t('col.amountPlain'), 'money'),
      col('currency', w.t('col.currency')),
      col('budget', w.t('col.budget')),
      col('year', w.t('col.year')),
      col('purpose', w.t('col.purpose')),
      col('reference', w.t('col.reference')),
    ],
    rows: payments.map((p) => ({
      id: p.id,
      member: p.member,
      date: p.date,
      amount: p.amount,
      currency: p.currency,
      budget: p.budget ? nameOf(ctx, p.budget) : null,
      year: p.year === undefined ? null : String(p.year),
      purpose: p.purpose ?? null,
      reference: p.reference ?? null,
    })),
    currency: oneCurrency(payments.map((p) => p.currency)),
    moneyDecimals: places(payments.map((p) => p.amount)),
    ...language(ctx),
  };
}

/** R15 a member's statement: each item due, what was credited to it and from which payment, what is unpaid. */
export function statementExport(
  member: { code: string; name: string },
  date: string,
  statement: { lines: StatementLine[]; unapplied: string },
  ctx: ExportContext,
): ExportTable {
  const w = exportWords(ctx);
  return {
    name: `statement-${member.code}-${date}`,
    title: w.t('statement.title', { name: member.name, code: member.code, date }),
    info: [
      [w.t('info.organization'), ctx.organization],
      [w.t('info.asOf'), date],
      [w.t('info.crediting'), w.t('statement.crediting')],
      [w.t('info.unapplied'), statement.unapplied],
      [w.t('info.produced'), ctx.produced],
    ],
    columns: [
      col('budget', w.t('col.budget')),
      col('item', w.t('col.item')),
      col('due', w.t('col.due'), 'date'),
      col('assessed', w.t('col.assessed'), 'money'),
      col('credited', w.t('col.credited'), 'money'),
      col('unpaid', w.t('col.unpaid'), 'money'),
      col('credits', w.t('col.creditedFrom')),
    ],
    rows: statement.lines.map((l) => ({
      budget: nameOf(ctx, l.budget),
      item:
        l.kind === 'wcf'
          ? w.t('statement.wcfItem', { decision: l.decision ?? '', year: String(l.year) })
          : w.t('statement.contributionItem', { year: String(l.year) }),
      due: l.due,
      assessed: l.assessed,
      credited: l.credited,
      unpaid: l.unpaid,
      credits: l.credits.map((c) => `${c.payment} ${c.amount} (${c.date})`).join('; ') || null,
    })),
    currency: '',
    moneyDecimals: places(statement.lines.map((l) => l.assessed)),
    ...language(ctx),
  };
}
