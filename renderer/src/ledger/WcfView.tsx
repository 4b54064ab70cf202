import type { ColDef } from 'ag-grid-community';
import { useMemo, useState, useCallback } from 'react';
import { addWcfDecision, removeWcfDecision, updateWcfDecision } from '../../../shared/edit';
import type { WcfDecision } from '../../../shared/model/types';
import { wcfReport, type WcfMemberRow } from '../../../shared/engine';
import { wcfExport } from '../../../shared/export/ledger-export';
import { wcfCsv } from '../../../shared/export/ledger-tables';
import { groupThousands as g } from '../../../shared/model/decimal';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import { LedgerGrid } from './LedgerGrid';
import { moneyColumn } from './money';
import type { LedgerProps } from './LedgerView';
import { ARTICLE } from '../articles';
import { useExportSource } from '../document/DocumentProvider';
import { BudgetSelect } from './BudgetSelect';

// R19 the working capital funds on the "as of" date: decisions, each member's share, paid and owed, the balance.


export function WcfView({ workbook, asOf, state, run, notify }: LedgerProps) {
  const dates = useDateReader();
  const [budget, setBudget] = useState('all');
  const [editing, setEditing] = useState<WcfDecision | null>(null);
  const computed = useMemo(() => {
    try {
      return { report: wcfReport(state.book(workbook).ledger, asOf, budget === 'all' ? undefined : budget), error: null };
    } catch (e) {
      return { report: null, error: (e as Error).message };
    }
  }, [state, workbook, asOf, budget]);
  const report = computed.report;

  useExportSource(
    useCallback(() => {
    if (!report) return null;
    const table = wcfExport(report, { organization: workbook.organization.name, produced: today() });
    return { stem: table.name, table, csv: wcfCsv(report), landscape: false };
    }, [report, workbook]),
  );

  const columns = useMemo<ColDef<WcfMemberRow>[]>(
    () => [
      { field: 'code', headerName: 'Code', width: 80 },
      { field: 'name', headerName: 'Member', flex: 1, minWidth: 180, filter: true },
      { field: 'budget', headerName: 'Budget', width: 110 },
      { field: 'share', headerName: 'Share', width: 140, ...moneyColumn },
      { field: 'paid', headerName: 'Paid', width: 140, ...moneyColumn },
      { field: 'owed', headerName: 'Owed', width: 140, ...moneyColumn, cellClass: (p) => (p.value && !/^0(\.0+)?$/.test(p.value) ? 'unpaid' : '') },
    ],
    [],
  );

  return (
    <div className="ledger-body">
      <section className="ledger-main">
        <div className="ledger-tools">
          <label>
            Budget{' '}
            <BudgetSelect budgets={workbook.budgets} value={budget} allValue="all" testId="wcf-budget" onChange={(e) => setBudget(e.target.value)} />
          </label>
        </div>
        {computed.error && <p className="notice error">{computed.error}</p>}
        {report && (
          <>
            <div className="funds" data-testid="wcf-funds">
              {report.funds.length === 0 && <p className="muted">No working capital fund decision is in force on {dates.show(asOf)}.</p>}
              {report.funds.map((f) => (
                <dl key={f.budget} className="fund">
                  <dt>{f.name}</dt>
                  <dd>
                    Established <strong>{g(f.established)}</strong> · balance (paid in) <strong data-testid={`wcf-balance-${f.budget}`}>{g(f.balance)}</strong> · owed <strong>{g(f.owed)}</strong> {f.currency}
                  </dd>
                </dl>
              ))}
            </div>
            <table className="plain" data-testid="wcf-decisions">
              <thead>
                <tr>
                  <th>Decision</th>
                  <th>Budget</th>
                  <th>Year</th>
                  <th>Basis</th>
                  <th>Due</th>
                  <th>Reference</th>
                  <th className="n">Total</th>
                  <th className="n">Paid</th>
                  <th className="n">Owed</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {report.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>{d.id}</td>
                    <td>{d.budget}</td>
                    <td>{d.year}</td>
                    <td>{d.basis === 'proportion' ? `${d.value} of the contribution` : `${g(d.value)} apportioned`}</td>
                    <td>{dates.show(d.due)}</td>
                    <td>{d.reference ?? ''}</td>
                    <td className="n">{g(d.total)}</td>
                    <td className="n">{g(d.paid)}</td>
                    <td className="n">{g(d.owed)}</td>
                    <td className="row-actions">
                      <button
                        className="link"
                        aria-label={`Change ${d.id}`}
                        data-testid={`wcf-edit-${d.id}`}
                        onClick={() => setEditing(workbook.wcfDecisions.find((x) => x.id === d.id) ?? null)}
                      >
                        ✎
                      </button>
                      <button className="link" aria-label={`Remove ${d.id}`} onClick={() => run((wb) => removeWcfDecision(wb, d.id))}>
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LedgerGrid<WcfMemberRow> testId="wcf-grid" rows={report.rows} rowId={(r) => `${r.code}|${r.budget}`} columns={columns} />
          </>
        )}
      </section>
      <WcfDecisionForm key={editing?.id ?? 'new'} workbook={workbook} run={run} notify={notify} editing={editing} onDone={() => setEditing(null)} />
    </div>
  );
}

/** A new decision, or (editing) a recorded one corrected in place: one undoable command either way. */
function WcfDecisionForm({ workbook, run, notify, editing, onDone }: Pick<LedgerProps, 'workbook' | 'run' | 'notify'> & { editing: WcfDecision | null; onDone(): void }) {
  const dates = useDateReader();
  const [f, setF] = useState(() =>
    editing
      ? {
          budget: editing.budget,
          year: String(editing.year),
          basis: editing.proportion !== undefined ? 'proportion' : 'amount',
          value: editing.proportion ?? editing.amount ?? '',
          decidedOn: dates.show(editing.decidedOn),
          reference: editing.reference ?? '',
        }
      : { budget: workbook.budgets[0]?.id ?? '', year: '', basis: 'proportion', value: '', decidedOn: '', reference: '' },
  );
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.value });
  return (
    <aside className="ledger-side" aria-label={editing ? `Change ${editing.id}` : 'New WCF decision'} data-testid="wcf-form">
      <h3 title={ARTICLE.wcf}>{editing ? `Change ${editing.id}` : 'Establish or increase the fund'}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const decidedOn = dates.read(f.decidedOn);
          if (!decidedOn.ok) return setError(`Decided on: ${decidedOn.message}`);
          const args = {
            budget: f.budget,
            year: Number(f.year),
            ...(f.basis === 'proportion' ? { proportion: f.value } : { amount: f.value }),
            decidedOn: decidedOn.value,
            reference: f.reference,
          };
          const o = run((wb) => (editing ? updateWcfDecision(wb, editing.id, args) : addWcfDecision(wb, args)));
          setError(o.ok ? null : o.problems[0].message);
          if (!o.ok) notify('error', o.problems[0].message);
          else if (editing) onDone();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) onDone();
        }}
      >
        <label className="field">
          <span>Budget</span>
          <select value={f.budget} onChange={set('budget')}>
            {workbook.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Year whose contributions it is based on</span>
          <input value={f.year} onChange={set('year')} placeholder="2027" data-testid="wcf-year" />
        </label>
        <label className="field">
          <span>Basis</span>
          <select value={f.basis} onChange={set('basis')} data-testid="wcf-basis">
            <option value="proportion">a proportion of the year’s contribution</option>
            <option value="amount">an amount apportioned</option>
          </select>
        </label>
        <label className="field">
          <span>{f.basis === 'proportion' ? 'Proportion (e.g. 0.05)' : 'Amount'}</span>
          <input value={f.value} onChange={set('value')} data-testid="wcf-value" />
        </label>
        <label className="field">
          <span>Decided on</span>
          <DateText testId="wcf-decided-on" text={f.decidedOn} onText={(t) => setF((x) => ({ ...x, decidedOn: t }))} />
        </label>
        <label className="field">
          <span>Reference</span>
          <input value={f.reference} onChange={set('reference')} data-testid="wcf-reference" />
        </label>
        <button type="submit" data-testid="wcf-submit">{editing ? 'Save changes' : 'Record decision'}</button>
        {editing && (
          <button type="button" onClick={onDone}>
            Cancel
          </button>
        )}
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </aside>
  );
}
