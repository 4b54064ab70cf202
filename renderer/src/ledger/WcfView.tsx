import type { ColDef } from 'ag-grid-community';
import { useMemo, useState, useCallback, type ReactNode } from 'react';
import { budgetNames } from '../../../shared/model/budget-name';
import { addWcfDecision, removeWcfDecision, updateWcfDecision } from '../../../shared/edit';
import type { WcfDecision } from '../../../shared/model/types';
import { wcfReport, type WcfMemberRow } from '../../../shared/engine';
import { wcfExport } from '../../../shared/export/ledger-export';
import { wcfCsv } from '../../../shared/export/ledger-tables';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import { LedgerGrid } from './LedgerGrid';
import { useAmountReader, useMoneyColumn } from './money';
import type { LedgerProps } from './LedgerView';
import { useArticle } from '../articles';
import { useAmount, useSay, useT } from '../i18n';
import { useRich } from './rich';
import { useExportSource } from '../document/DocumentProvider';
import { BudgetSelect } from './BudgetSelect';
import { useLocale } from '../locale';

// R19 the working capital funds on the "as of" date: decisions, each member's share, paid and owed, the balance.

export function WcfView({ workbook, asOf, state, run, notify }: LedgerProps) {
  const dates = useDateReader();
  const t = useT();
  const rich = useRich();
  const g = useAmount();
  const moneyColumn = useMoneyColumn();
  const [budget, setBudget] = useState('all');
  const [editing, setEditing] = useState<WcfDecision | null>(null);
  const computed = useMemo(() => {
    try {
      return {
        report: wcfReport(state.book(workbook).ledger, asOf, budget === 'all' ? undefined : budget),
        error: null,
      };
    } catch (e) {
      return { report: null, error: (e as Error).message };
    }
  }, [state, workbook, asOf, budget]);
  const report = computed.report;

  const nameOf = useMemo(() => budgetNames(workbook), [workbook]);
  const locale = useLocale();
  useExportSource(
    useCallback(() => {
      if (!report) return null;
      // In the user's language and number format (issue 11), as the voting status.
      const table = wcfExport(report, {
        organization: workbook.organization.name,
        produced: today(),
        budgetName: nameOf,
        locale: locale.id,
        number: locale.number,
      });
      return { stem: table.name, table, csv: wcfCsv(report), landscape: false };
    }, [report, workbook, nameOf, locale]),
  );

  const columns = useMemo<ColDef<WcfMemberRow>[]>(
    () => [
      { field: 'code', headerName: t('ledger.col.code'), width: 80 },
      { field: 'name', headerName: t('ledger.col.member'), flex: 1, minWidth: 180, filter: true },
      // Issue 14 the budget by its name (the row keeps its id).
      { field: 'budget', headerName: t('ledger.col.budget'), width: 130, valueGetter: (p) => nameOf(p.data?.budget) },
      { field: 'share', headerName: t('ledger.wcf.share'), width: 140, ...moneyColumn },
      { field: 'paid', headerName: t('ledger.wcf.paid'), width: 140, ...moneyColumn },
      {
        field: 'owed',
        headerName: t('ledger.wcf.owed'),
        width: 140,
        ...moneyColumn,
        cellClass: (p) => (p.value && !/^0(\.0+)?$/.test(p.value) ? 'unpaid' : ''),
      },
    ],
    [t, moneyColumn, nameOf],
  );

  return (
    <div className="ledger-body">
      <section className="ledger-main">
        <div className="ledger-tools">
          <label>
            {t('ledger.budget')}{' '}
            <BudgetSelect
              budgets={workbook.budgets}
              value={budget}
              allValue="all"
              testId="wcf-budget"
              onChange={(e) => setBudget(e.target.value)}
            />
          </label>
        </div>
        {computed.error && <p className="notice error">{computed.error}</p>}
        {report && (
          <>
            <div className="funds" data-testid="wcf-funds">
              {report.funds.length === 0 && (
                <p className="muted">{t('ledger.wcf.noFund', { date: dates.show(asOf) })}</p>
              )}
              {report.funds.map((f) => (
                <dl key={f.budget} className="fund">
                  <dt>{f.name}</dt>
                  <dd>
                    {rich('ledger.wcf.fund', {
                      established: g(f.established),
                      balance: g(f.balance),
                      owed: g(f.owed),
                      currency: f.currency,
                      b: (c: ReactNode[]) => <strong>{c}</strong>,
                      balanceTag: (c: ReactNode[]) => <strong data-testid={`wcf-balance-${f.budget}`}>{c}</strong>,
                    })}
                  </dd>
                </dl>
              ))}
            </div>
            <table className="plain" data-testid="wcf-decisions">
              <thead>
                <tr>
                  <th>{t('ledger.wcf.decision')}</th>
                  <th>{t('ledger.col.budget')}</th>
                  <th>{t('ledger.col.year')}</th>
                  <th>{t('ledger.wcf.basis')}</th>
                  <th>{t('ledger.wcf.due')}</th>
                  <th>{t('ledger.col.reference')}</th>
                  <th className="n">{t('ledger.wcf.total')}</th>
                  <th className="n">{t('ledger.wcf.paid')}</th>
                  <th className="n">{t('ledger.wcf.owed')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {report.decisions.map((d) => (
                  <tr key={d.id}>
                    <td>{d.id}</td>
                    <td>{nameOf(d.budget)}</td>
                    <td>{d.year}</td>
                    <td>
                      {d.basis === 'proportion'
                        ? t('ledger.wcf.proportionOf', { value: g(d.value) })
                        : t('ledger.wcf.apportioned', { amount: g(d.value) })}
                    </td>
                    <td className="date">{dates.show(d.due)}</td>
                    <td>{d.reference ?? ''}</td>
                    <td className="n">{g(d.total)}</td>
                    <td className="n">{g(d.paid)}</td>
                    <td className="n">{g(d.owed)}</td>
                    <td className="row-actions">
                      <button
                        className="link"
                        aria-label={t('ledger.change', { id: d.id })}
                        data-testid={`wcf-edit-${d.id}`}
                        onClick={() => setEditing(workbook.wcfDecisions.find((x) => x.id === d.id) ?? null)}
                      >
                        ✎
                      </button>
                      <button
                        className="link"
                        aria-label={t('ledger.remove', { id: d.id })}
                        onClick={() => run((wb) => removeWcfDecision(wb, d.id))}
                      >
                        ×
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <LedgerGrid<WcfMemberRow>
              testId="wcf-grid"
              rows={report.rows}
              rowId={(r) => `${r.code}|${r.budget}`}
              columns={columns}
            />
          </>
        )}
      </section>
      <WcfDecisionForm
        key={editing?.id ?? 'new'}
        workbook={workbook}
        run={run}
        notify={notify}
        editing={editing}
        onDone={() => setEditing(null)}
      />
    </div>
  );
}

/** A new decision, or (editing) a recorded one corrected in place: one undoable command either way. */
function WcfDecisionForm({
  workbook,
  run,
  notify,
  editing,
  onDone,
}: Pick<LedgerProps, 'workbook' | 'run' | 'notify'> & { editing: WcfDecision | null; onDone(): void }) {
  const dates = useDateReader();
  const t = useT();
  const say = useSay();
  const g = useAmount();
  const article = useArticle();
  const readAmount = useAmountReader();
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
      : {
          budget: workbook.budgets[0]?.id ?? '',
          year: '',
          basis: 'proportion',
          value: '',
          decidedOn: '',
          reference: '',
        },
  );
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setF({ ...f, [k]: e.target.value });
  return (
    <aside
      className="ledger-side"
      aria-label={editing ? t('ledger.change', { id: editing.id }) : t('ledger.wcf.newLabel')}
      data-testid="wcf-form"
    >
      <h3 title={article.wcf}>{editing ? t('ledger.change', { id: editing.id }) : t('ledger.wcf.establish')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const decidedOn = dates.read(f.decidedOn);
          if (!decidedOn.ok)
            return setError(t('ledger.fieldError', { field: t('ledger.wcf.decidedOn'), message: decidedOn.message }));
          // R25 the proportion or amount as the user writes numbers (0,05 in French).
          const value = readAmount(f.value);
          if (!value.ok) return setError(value.message);
          const args = {
            budget: f.budget,
            year: Number(f.year),
            ...(f.basis === 'proportion' ? { proportion: value.value } : { amount: value.value }),
            decidedOn: decidedOn.value,
            reference: f.reference,
          };
          const o = run((wb) => (editing ? updateWcfDecision(wb, editing.id, args) : addWcfDecision(wb, args)));
          setError(o.ok ? null : o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
          if (!o.ok) notify('error', o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
          else if (editing) onDone();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && editing) onDone();
        }}
      >
        <label className="field">
          <span>{t('ledger.col.budget')}</span>
          <select value={f.budget} onChange={set('budget')}>
            {workbook.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('ledger.wcf.year')}</span>
          <input value={f.year} onChange={set('year')} placeholder="2027" data-testid="wcf-year" />
        </label>
        <label className="field">
          <span>{t('ledger.wcf.basis')}</span>
          <select value={f.basis} onChange={set('basis')} data-testid="wcf-basis">
            <option value="proportion">{t('ledger.wcf.basisProportion')}</option>
            <option value="amount">{t('ledger.wcf.basisAmount')}</option>
          </select>
        </label>
        <label className="field">
          <span>
            {f.basis === 'proportion' ? t('ledger.wcf.proportion', { example: g('0.05') }) : t('ledger.col.amount')}
          </span>
          <input value={f.value} onChange={set('value')} data-testid="wcf-value" />
        </label>
        <label className="field">
          <span>{t('ledger.wcf.decidedOn')}</span>
          <DateText testId="wcf-decided-on" text={f.decidedOn} onText={(t) => setF((x) => ({ ...x, decidedOn: t }))} />
        </label>
        <label className="field">
          <span>{t('ledger.col.reference')}</span>
          <input value={f.reference} onChange={set('reference')} data-testid="wcf-reference" />
        </label>
        <button type="submit" data-testid="wcf-submit">
          {editing ? t('ledger.saveChanges') : t('ledger.recordDecision')}
        </button>
        {editing && (
          <button type="button" onClick={onDone}>
            {t('ledger.cancel')}
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
