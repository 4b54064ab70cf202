import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useEffect, useMemo, useState, useCallback } from 'react';
import { addVotingDecision, removeVotingDecision, updateVotingDecision } from '../../../shared/edit';
import type { VotingStatus } from '../../../shared/engine';
import type { StatusLine } from '../../../shared/export/ledger-export';
import { statusExport } from '../../../shared/export/ledger-export';
import { statusCsv } from '../../../shared/export/ledger-tables';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import { ArrearsOverTime } from './ArrearsOverTime';
import { LedgerGrid } from './LedgerGrid';
import { moneyColumn } from './money';
import type { LedgerProps } from './LedgerView';
import { useExportSource } from '../document/DocumentProvider';
import { BudgetSelect } from './BudgetSelect';
import { OpeningBalances } from './OpeningBalances';
import { ARTICLE } from '../articles';

// R16–R18 per member and budget on the "as of" date, and Art. 11(5) organization-wide; R17 voting decisions.

const BADGE: Record<VotingStatus, string> = { ok: 'ok', 'in arrears': 'arrears', 'no vote': 'novote', 'vote kept by decision': 'kept' };

export function StatusBadge({ status }: { status: VotingStatus }) {
  return <span className={`badge ${BADGE[status]}`}>{status}</span>;
}

const badgeCell = (p: ICellRendererParams<StatusLine>) => (p.value ? <StatusBadge status={p.value as VotingStatus} /> : null);

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
  const { show } = useDateReader();

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
        (filter === 'all' || (filter === 'no vote' ? l.status === 'no vote' : l.losesVoteOn !== null && l.losesVoteOn <= horizon)),
    );
  }, [view, budget, filter, horizon]);

  const filterText = [budget === 'all' ? '' : `budget ${budget}`, filter === 'no vote' ? 'members with no vote' : filter === 'at risk' ? `members who lose the vote by ${horizon} if nothing is paid` : '']
    .filter(Boolean)
    .join(', ');
  useExportSource(
    useCallback(() => {
    if (!view) return null;
    const ctx = { organization: workbook.organization.name, produced: today() };
    const table = statusExport(view.report, lines, ctx, filterText ? `${lines.length} lines: ${filterText}` : undefined);
    return { stem: table.name, table, csv: statusCsv({ ...view.report, rows: lines }), landscape: true };
    }, [view, lines, workbook, filterText]),
  );

  const columns = useMemo<ColDef<StatusLine>[]>(
    () => [
      { field: 'code', headerName: 'Code', width: 80, pinned: 'left' },
      { field: 'name', headerName: 'Member', flex: 2, minWidth: 130, filter: true },
      { field: 'budget', headerName: 'Budget', width: 95 },
      { field: 'arrears', headerName: 'Arrears', width: 105, ...moneyColumn, headerTooltip: 'Unpaid contributions of the years before the date’s year' },
      { field: 'threshold', headerName: 'Threshold', width: 105, ...moneyColumn, headerTooltip: 'Contributions assessed for the two preceding years (WIPO Convention Art. 11(5))' },
      { field: 'status', headerName: 'Status', width: 150, cellRenderer: badgeCell },
      {
        field: 'minimumPayment',
        headerName: 'Min. payment',
        width: 115,
        ...moneyColumn,
        headerTooltip: 'The smallest payment, made today and marked for this budget, that regains the vote: it is credited to the working capital fund share first, then to the oldest contributions',
      },
      { field: 'losesVoteOn', headerName: 'Loses vote on', width: 115, valueFormatter: (p) => show(p.value ?? undefined), headerTooltip: 'The 1 January on which the vote is lost if nothing more is paid' },
      {
        field: 'paymentToKeep',
        headerName: 'To keep it, pay',
        width: 120,
        ...moneyColumn,
        headerTooltip: 'The smallest payment, made today and marked for this budget, that keeps the vote on the day it would be lost (credited to the working capital fund share first)',
      },
      { field: 'overall', headerName: 'Art. 11(5)', width: 150, cellRenderer: badgeCell, headerTooltip: 'No vote in the Conference budget or any Union = no vote in every body' },
      {
        colId: 'decision',
        headerName: 'Vote kept by decision',
        flex: 1,
        minWidth: 160,
        valueGetter: (p) => (p.data?.decision ? `${p.data.decision.body}, ${show(p.data.decision.date)} (${p.data.decision.reference})` : ''),
      },
      {
        colId: 'history',
        headerName: 'History',
        width: 105,
        valueGetter: (p) => (p.data?.incompleteHistory ? 'incomplete' : ''),
        cellClass: (p) => (p.data?.incompleteHistory ? 'history-incomplete' : ''),
        tooltipValueGetter: (p) =>
          p.data?.incompleteHistory ? 'It took part before the first year of data and no opening balance says what it owed then: its figures count only what is known' : null,
        headerTooltip: 'Incomplete: the member took part before the first year of data and no opening balance says what it owed then',
      },
    ],
    [show],
  );

  if (!view) return <p className="notice error">{computed.error}</p>;
  const c = view.report.counts;
  return (
    <div className="ledger-body">
      <section className="ledger-main">
        <div className="ledger-tools">
          <span className="counts" data-testid="status-counts" title="Art. 11(5): each member’s gravest status over its budgets">
            Organization-wide on {show(asOf)}: <strong>{view.report.rows.length}</strong> members · <StatusBadge status="ok" /> {c.ok} · <StatusBadge status="in arrears" /> {c['in arrears']} ·{' '}
            <StatusBadge status="no vote" /> <span data-testid="count-no-vote">{c['no vote']}</span> · <StatusBadge status="vote kept by decision" /> {c['vote kept by decision']}
          </span>
          {view.report.votingTest === 'combined' && (
            <span className="muted" data-testid="combined-test" title="Set in Organization and settings">
              Combined test (UN Charter Art. 19 practice): each member’s arrears over all its budgets against the sum of their thresholds
            </span>
          )}
          {view.lines.some((l) => l.incompleteHistory) && (
            <span className="history-incomplete" data-testid="incomplete-history">
              {new Set(view.lines.filter((l) => l.incompleteHistory).map((l) => l.code)).size} members with an incomplete history: enter their opening balances
            </span>
          )}
        </div>
        <div className="ledger-tools">
          <label>
            Budget{' '}
            <BudgetSelect budgets={workbook.budgets} value={budget} allValue="all" testId="status-budget" onChange={(e) => setBudget(e.target.value)} />
          </label>
          <span role="radiogroup" aria-label="Show">
            {(['all', 'no vote', 'at risk'] as const).map((f) => (
              <label key={f}>
                <input type="radio" name="status-filter" data-testid={`filter-${f.replace(' ', '-')}`} checked={filter === f} onChange={() => setFilter(f)} />
                {f === 'all' ? 'All' : f === 'no vote' ? 'No vote' : 'At risk within'}
              </label>
            ))}
            <input aria-label="months" data-testid="risk-months" size={3} value={months} onChange={(e) => setMonths(e.target.value)} /> months
          </span>
          <span className="muted">{lines.length} lines</span>
        </div>
        <LedgerGrid<StatusLine> testId="status-grid" rows={lines} rowId={(l) => `${l.code}|${l.budget}`} columns={columns} onFocusRow={setFocused} />
        <ArrearsOverTime workbook={workbook} state={state} member={focused?.code ?? null} budget={focused?.budget ?? null} />
      </section>
      <VotingDecisions workbook={workbook} member={focused?.code ?? ''} budget={focused?.budget ?? ''} run={run} notify={notify} />
    </div>
  );
}

function VotingDecisions({ workbook, member, budget, run, notify }: Pick<LedgerProps, 'workbook' | 'run' | 'notify'> & { member: string; budget: string }) {
  const [f, setF] = useState({ member: '', budget: '', body: '', date: '', reference: '', from: '', to: '' });
  const [error, setError] = useState<{ path: string; message: string } | null>(null);
  const dates = useDateReader();
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
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
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
        <DateText testId={`vd-${k}`} optional={k !== 'date'} text={f[k]} onText={(t) => setF((x) => ({ ...x, [k]: t }))} />
      ) : (
        <input type={type} value={f[k]} onChange={set(k)} aria-invalid={error?.path === k} data-testid={`vd-${k}`} />
      )}
      {error?.path === k && <span className="cell-error" role="alert">{error.message}</span>}
    </label>
  );
  return (
    <aside className="ledger-side" aria-label="Voting decisions">
      <h3 title={ARTICLE.vote}>Vote kept by decision</h3>
      <ul className="decisions" data-testid="voting-decisions">
        {workbook.votingDecisions.map((d) => (
          <li key={d.id}>
            <strong>{d.member}</strong> {d.budget ?? 'all budgets'}: {d.body}, {dates.show(d.date)} ({d.reference}), {dates.show(d.from)}
            {d.to ? ` to ${dates.show(d.to)}` : ' on'}{' '}
            <button
              className="link"
              aria-label={`Change ${d.id}`}
              data-testid={`vd-edit-${d.id}`}
              onClick={() => {
                setEditing(d.id);
                setError(null);
                setF({ member: d.member, budget: d.budget ?? '', body: d.body, date: dates.show(d.date), reference: d.reference, from: dates.show(d.from), to: dates.show(d.to) });
              }}
            >
              ✎
            </button>
            <button className="link" aria-label={`Remove ${d.id}`} onClick={() => run((wb) => removeVotingDecision(wb, d.id))}>
              ×
            </button>
          </li>
        ))}
        {workbook.votingDecisions.length === 0 && <li className="muted">None recorded.</li>}
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
            notify('error', o.problems[0].message);
          }
        }}
      >
        {field('member', 'Member')}
        <label className="field">
          <span>Budget</span>
          <BudgetSelect budgets={workbook.budgets} value={f.budget} allValue="" testId="vd-budget" onChange={set('budget')} />
        </label>
        {field('body', 'Body')}
        {field('date', 'Date of the decision', 'date')}
        {field('reference', 'Reference')}
        {field('from', 'Covers from (default: its date)', 'date')}
        {field('to', 'Covers until (empty: until revoked)', 'date')}
        <button type="submit" data-testid="vd-submit">
          {editing ? `Save changes to ${editing}` : 'Record decision'}
        </button>
        {editing && (
          <button type="button" onClick={stopEditing}>
            Cancel
          </button>
        )}
      </form>
      <OpeningBalances workbook={workbook} member={member} budget={budget} run={run} notify={notify} />
    </aside>
  );
}
