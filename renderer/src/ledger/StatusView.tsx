import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { byGravity } from '../grid/sorting';
import { useEffect, useMemo, useState, useCallback } from 'react';
import { addVotingDecision, removeVotingDecision, updateVotingDecision } from '../../../shared/edit';
import type { VotingStatus } from '../../../shared/engine';
import type { StatusLine } from '../../../shared/export/ledger-export';
import { statusExport } from '../../../shared/export/ledger-export';
import { statusCsv } from '../../../shared/export/ledger-tables';
import { budgetName, budgetNames } from '../../../shared/model/budget-name';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import { ArrearsOverTime } from './ArrearsOverTime';
import { LedgerGrid } from './LedgerGrid';
import { useMoneyColumn } from './money';
import type { LedgerProps } from './LedgerView';
import { useExportSource } from '../document/DocumentProvider';
import { BudgetSelect } from './BudgetSelect';
import { OpeningBalances } from './OpeningBalances';
import { useArticle } from '../articles';
import { useSay, useT } from '../i18n';
import { useLocale } from '../locale';
import { b, bdi, useCount, useRich } from './rich';
import { useStatusWords } from './statusWords';
import { useRecordedBy } from '../merge/recorded';

// R16–R18 per member and budget on the "as of" date, and Art. 11(5) organization-wide; R17 voting decisions.

const BADGE: Record<VotingStatus, string> = {
  ok: 'ok',
  'in arrears': 'arrears',
  'no vote': 'novote',
  'vote kept by decision': 'kept',
};

export function StatusBadge({ status }: { status: VotingStatus }) {
  const words = useStatusWords();
  return <span className={`badge ${BADGE[status]}`}>{words(status)}</span>;
}

const badgeCell = (p: ICellRendererParams<StatusLine>) =>
  p.value ? <StatusBadge status={p.value as VotingStatus} /> : null;

/** `date` plus `months` whole months (the day clamped to the month's end). */
export function addMonths(date: string, months: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(yy, mm + 1, 0)).getUTCDate();
  const d = Math.min(Number(date.slice(8, 10)), last);
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

type Filter = 'all' | 'no vote' | 'at risk';

export function StatusView({ workbook, asOf, state, run, notify }: LedgerProps) {
  const [budget, setBudget] = useState('all');
  const [filter, setFilter] = useState<Filter>('all');
  const [months, setMonths] = useState('12');
  const [focused, setFocused] = useState<StatusLine | null>(null);
  const nameOf = useMemo(() => budgetNames(workbook), [workbook]);
  const { show } = useDateReader();
  const words = useStatusWords();
  const t = useT();
  const rich = useRich();
  const count = useCount();
  const moneyColumn = useMoneyColumn();
  // The code column stays at the start of the line: the right edge in Arabic and Persian.
  const locale = useLocale();
  const start = locale.dir === 'rtl' ? 'right' : 'left';

  const computed = useMemo(() => {
    try {
      return { view: state.status(workbook, asOf), error: null };
    } catch (e) {
      return { view: null, error: (e as Error).message };
    }
  }, [state, workbook, asOf]);
  const view = computed.view;

  const n = Math.max(0, Math.min(120, Number.parseInt(months, 10) || 0));
  const horizon = addMonths(asOf, n);
  const lines = useMemo(() => {
    if (!view) return [];
    return view.lines.filter(
      (l) =>
        (budget === 'all' || l.budget === budget) &&
        (filter === 'all' ||
          (filter === 'no vote' ? l.status === 'no vote' : l.losesVoteOn !== null && l.losesVoteOn <= horizon)),
    );
  }, [view, budget, filter, horizon]);

  const filterText = [
    budget === 'all' ? '' : t('ledger.status.filter.budget', { budget: budgetName(workbook, budget) }),
    filter === 'no vote'
      ? t('ledger.status.filter.noVote')
      : filter === 'at risk'
        ? t('ledger.status.filter.atRisk', { date: show(horizon) })
        : '',
  ]
    .filter(Boolean)
    .join(', ');
  useExportSource(
    useCallback(() => {
      if (!view) return null;
      // Title block and headers in the user's language (issue 11), as the contributions' export; the CSV keeps the
      // CLI's names unless the user asks for headers in the language.
      const ctx = {
        organization: workbook.organization.name,
        produced: today(),
        budgetName: nameOf,
        locale: locale.id,
        number: locale.number,
      };
      const table = statusExport(
        view.report,
        lines,
        ctx,
        filterText
          ? t('ledger.status.filter.note', { count: lines.length, n: count(lines.length), filter: filterText })
          : undefined,
      );
      return { stem: table.name, table, csv: statusCsv({ ...view.report, rows: lines }), landscape: true };
    }, [view, lines, workbook, filterText, t, count, nameOf, locale]),
  );

  const recorded = useRecordedBy(workbook, 'votingDecisions');
  const columns = useMemo<ColDef<StatusLine>[]>(
    () => [
      { field: 'code', headerName: t('ledger.col.code'), width: 80, pinned: start },
      // Issue 14: the member stays in view beside its code (a pinned column does not flex: the decision does).
      { field: 'name', headerName: t('ledger.col.member'), width: 190, pinned: start, filter: true },
      // Issue 14 the budget by its name; the row keeps its id (row ids, the CSV).
      {
        field: 'budget',
        headerName: t('ledger.col.budget'),
        width: 130,
        valueGetter: (p) => nameOf(p.data?.budget),
        tooltipValueGetter: (p) => nameOf(p.data?.budget),
      },
      {
        field: 'arrears',
        headerName: t('ledger.col.arrears'),
        width: 125,
        ...moneyColumn,
        headerTooltip: t('ledger.status.col.arrearsTip'),
      },
      {
        field: 'threshold',
        headerName: t('ledger.col.threshold'),
        width: 105,
        ...moneyColumn,
        headerTooltip: t('ledger.status.col.thresholdTip'),
      },
      {
        field: 'status',
        headerName: t('ledger.col.status'),
        width: 150,
        cellRenderer: badgeCell,
        comparator: byGravity,
        getQuickFilterText: (p) => words(p.value as VotingStatus),
      },
      {
        field: 'minimumPayment',
        headerName: t('ledger.status.col.minimum'),
        width: 115,
        ...moneyColumn,
        headerTooltip: t('ledger.status.col.minimumTip'),
      },
      {
        field: 'losesVoteOn',
        headerName: t('ledger.status.col.losesOn'),
        width: 115,
        valueFormatter: (p) => show(p.value ?? undefined),
        headerTooltip: t('ledger.status.col.losesOnTip'),
      },
      {
        field: 'paymentToKeep',
        headerName: t('ledger.status.col.toKeep'),
        width: 120,
        ...moneyColumn,
        headerTooltip: t('ledger.status.col.toKeepTip'),
      },
      {
        field: 'overall',
        headerName: t('ledger.status.col.overall'),
        width: 150,
        cellRenderer: badgeCell,
        comparator: byGravity,
        headerTooltip: t('ledger.status.col.overallTip'),
      },
      {
        colId: 'decision',
        headerName: t('ledger.status.col.decision'),
        flex: 1,
        minWidth: 160,
        valueGetter: (p) =>
          p.data?.decision
            ? t('ledger.status.decisionCell', {
                body: p.data.decision.body,
                date: show(p.data.decision.date),
                reference: p.data.decision.reference,
              })
            : '',
        // Issue 16: who recorded the decision, from the workbook's journal.
        tooltipValueGetter: (p) => (p.data?.decision ? recorded?.(p.data.decision.id)?.tip : null),
      },
      {
        colId: 'history',
        headerName: t('ledger.status.col.history'),
        width: 105,
        valueGetter: (p) => (p.data?.incompleteHistory ? t('ledger.status.incomplete') : ''),
        cellClass: (p) => (p.data?.incompleteHistory ? 'history-incomplete' : ''),
        tooltipValueGetter: (p) => (p.data?.incompleteHistory ? t('ledger.status.incompleteTip') : null),
        headerTooltip: t('ledger.status.col.historyTip'),
      },
    ],
    [show, t, moneyColumn, words, start, nameOf, recorded],
  );

  const incomplete = (k: number) => t('ledger.status.incompleteCount', { count: k, n: count(k) });
  if (!view) return <p className="notice error">{computed.error}</p>;
  const c = view.report.counts;
  return (
    <div className="ledger-body">
      <section className="ledger-main">
        <div className="ledger-tools">
          <span className="counts" data-testid="status-counts" title={t('ledger.status.countsTitle')}>
            {rich('ledger.status.counts', {
              date: show(asOf),
              count: view.report.rows.length,
              n: count(view.report.rows.length),
              b,
            })}{' '}
            · <StatusBadge status="ok" /> {count(c.ok)} · <StatusBadge status="in arrears" /> {count(c['in arrears'])} ·{' '}
            <StatusBadge status="no vote" /> <span data-testid="count-no-vote">{count(c['no vote'])}</span> ·{' '}
            <StatusBadge status="vote kept by decision" /> {count(c['vote kept by decision'])}
          </span>
          {view.report.votingTest === 'combined' && (
            <span className="muted" data-testid="combined-test" title={t('ledger.status.combinedTitle')}>
              {t('ledger.status.combined')}
            </span>
          )}
          {view.lines.some((l) => l.incompleteHistory) && (
            <span className="history-incomplete" data-testid="incomplete-history">
              {incomplete(new Set(view.lines.filter((l) => l.incompleteHistory).map((l) => l.code)).size)}
            </span>
          )}
        </div>
        <div className="ledger-tools">
          <label>
            {t('ledger.budget')}{' '}
            <BudgetSelect
              budgets={workbook.budgets}
              value={budget}
              allValue="all"
              testId="status-budget"
              onChange={(e) => setBudget(e.target.value)}
            />
          </label>
          <span role="radiogroup" aria-label={t('ledger.status.show')}>
            {(['all', 'no vote', 'at risk'] as const).map((f) => (
              <label key={f}>
                <input
                  type="radio"
                  name="status-filter"
                  data-testid={`filter-${f.replace(' ', '-')}`}
                  checked={filter === f}
                  onChange={() => setFilter(f)}
                />
                {t(
                  f === 'all' ? 'ledger.status.all' : f === 'no vote' ? 'ledger.status.noVote' : 'ledger.status.atRisk',
                )}
              </label>
            ))}
            <input
              aria-label={t('ledger.status.months')}
              data-testid="risk-months"
              size={3}
              value={months}
              onChange={(e) => setMonths(e.target.value)}
            />{' '}
            {t('ledger.status.months')}
          </span>
          <span className="muted">{t('ledger.status.lines', { count: lines.length, n: count(lines.length) })}</span>
        </div>
        <LedgerGrid<StatusLine>
          testId="status-grid"
          rows={lines}
          rowId={(l) => `${l.code}|${l.budget}`}
          columns={columns}
          onFocusRow={setFocused}
        />
        <ArrearsOverTime
          workbook={workbook}
          state={state}
          member={focused?.code ?? null}
          budget={focused?.budget ?? null}
        />
      </section>
      <VotingDecisions
        workbook={workbook}
        member={focused?.code ?? ''}
        budget={focused?.budget ?? ''}
        run={run}
        notify={notify}
      />
    </div>
  );
}

function VotingDecisions({
  workbook,
  member,
  budget,
  run,
  notify,
}: Pick<LedgerProps, 'workbook' | 'run' | 'notify'> & { member: string; budget: string }) {
  const [f, setF] = useState({ member: '', budget: '', body: '', date: '', reference: '', from: '', to: '' });
  const [error, setError] = useState<{ path: string; message: string } | null>(null);
  const dates = useDateReader();
  const t = useT();
  const say = useSay();
  const rich = useRich();
  const article = useArticle();
  const recorded = useRecordedBy(workbook, 'votingDecisions');
  // The id of a recorded decision being corrected in place, or null for a new one.
  const [editing, setEditing] = useState<string | null>(null);
  useEffect(() => {
    if (!editing) setF((x) => ({ ...x, member: member || x.member, budget: member ? budget : x.budget }));
  }, [member, budget, editing]);
  const blank = { body: '', reference: '', date: '', from: '', to: '' };
  const stopEditing = () => {
    setEditing(null);
    setError(null);
    setF((x) => ({ ...x, ...blank }));
  };
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF({ ...f, [k]: e.target.value });
  /** A date of the form in ISO (R25: typed in the user's format), or null with the refusal shown at its field. */
  const iso = (k: 'date' | 'from' | 'to'): string | null => {
    const r = dates.read(f[k], k !== 'date');
    if (r.ok) return r.value;
    setError({ path: k, message: r.message });
    return null;
  };
  const field = (k: keyof typeof f, label: string, type = 'text') => (
    <label className="field" key={k}>
      <span>{label}</span>
      {type === 'date' ? (
        <DateText
          testId={`vd-${k}`}
          optional={k !== 'date'}
          text={f[k]}
          onText={(t) => setF((x) => ({ ...x, [k]: t }))}
        />
      ) : (
        <input type={type} value={f[k]} onChange={set(k)} aria-invalid={error?.path === k} data-testid={`vd-${k}`} />
      )}
      {error?.path === k && (
        <span className="cell-error" role="alert">
          {error.message}
        </span>
      )}
    </label>
  );
  return (
    <aside className="ledger-side" aria-label={t('ledger.decisions.label')}>
      <h3 title={article.vote}>{t('ledger.decisions.title')}</h3>
      <ul className="decisions" data-testid="voting-decisions">
        {workbook.votingDecisions.map((d) => (
          <li key={d.id} title={recorded?.(d.id)?.tip}>
            {rich('ledger.decisions.item', {
              member: d.member,
              budget: d.budget ? budgetName(workbook, d.budget) : t('ledger.decisions.allBudgets'),
              body: d.body,
              date: dates.show(d.date),
              reference: d.reference,
              from: dates.show(d.from),
              to: dates.show(d.to),
              until: d.to ? 'date' : 'open',
              b,
              bdi,
            })}{' '}
            <button
              className="link"
              aria-label={t('ledger.change', { id: d.id })}
              data-testid={`vd-edit-${d.id}`}
              onClick={() => {
                setEditing(d.id);
                setError(null);
                setF({
                  member: d.member,
                  budget: d.budget ?? '',
                  body: d.body,
                  date: dates.show(d.date),
                  reference: d.reference,
                  from: dates.show(d.from),
                  to: dates.show(d.to),
                });
              }}
            >
              ✎
            </button>
            <button
              className="link"
              aria-label={t('ledger.remove', { id: d.id })}
              onClick={() => run((wb) => removeVotingDecision(wb, d.id))}
            >
              ×
            </button>
          </li>
        ))}
        {workbook.votingDecisions.length === 0 && <li className="muted">{t('ledger.decisions.none')}</li>}
      </ul>
      <form
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) stopEditing();
        }}
        onSubmit={(e) => {
          e.preventDefault();
          const date = iso('date');
          const from = date === null ? null : iso('from');
          const to = from === null ? null : iso('to');
          if (to === null) return;
          const args = { ...f, date: date!, from: from!, to };
          const o = run((wb) => (editing ? updateVotingDecision(wb, editing, args) : addVotingDecision(wb, args)));
          if (o.ok) stopEditing();
          else {
            setError(o.problems[0]);
            notify('error', o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
          }
        }}
      >
        {field('member', t('ledger.col.member'))}
        <label className="field">
          <span>{t('ledger.col.budget')}</span>
          <BudgetSelect
            budgets={workbook.budgets}
            value={f.budget}
            allValue=""
            testId="vd-budget"
            onChange={set('budget')}
          />
        </label>
        {field('body', t('ledger.decisions.body'))}
        {field('date', t('ledger.decisions.date'), 'date')}
        {field('reference', t('ledger.col.reference'))}
        {field('from', t('ledger.decisions.from'), 'date')}
        {field('to', t('ledger.decisions.to'), 'date')}
        <button type="submit" data-testid="vd-submit">
          {editing ? t('ledger.decisions.save', { id: editing }) : t('ledger.recordDecision')}
        </button>
        {editing && (
          <button type="button" onClick={stopEditing}>
            {t('ledger.cancel')}
          </button>
        )}
      </form>
      <OpeningBalances workbook={workbook} member={member} budget={budget} run={run} notify={notify} />
    </aside>
  );
}
