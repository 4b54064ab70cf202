import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { Workbook } from '../../../shared/model/types';
import { arrearsOverTime, budgetsOfMember } from './arrears-over-time';
import type { LedgerState } from '../../../shared/engine/status-state';
import { useDateReader } from '../DateField';
import { useAmount, useT } from '../i18n';
import { useStatusWords } from './statusWords';

// AG Charts is loaded when the chart is first shown (a separate chunk, as for the contributions charts).
const ArrearsChart = lazy(() => import('../charts/ArrearsChart'));

interface Props {
  workbook: Workbook;
  state: LedgerState;
  member: string | null;
  /** The budget of the line selected, if any; else the member's first budget. */
  budget?: string | null;
}

/** The member selected in the voting-status or payments view: its arrears and threshold over the budget's years. */
export function ArrearsOverTime({ workbook, state, member, budget }: Props) {
  const t = useT();
  const amount = useAmount();
  const words = useStatusWords();
  const { show } = useDateReader();
  const budgets = useMemo(() => (member ? budgetsOfMember(workbook, member) : []), [workbook, member]);
  const [chosen, setChosen] = useState<string | null>(budget ?? null);
  // The chart, or its figures in the same box (the layout does not move).
  const [figures, setFigures] = useState(false);
  useEffect(() => setChosen(budget ?? null), [budget, member]);
  const budgetId = budgets.find((b) => b.id === chosen)?.id ?? budgets[0]?.id ?? null;
  const computed = useMemo(() => {
    if (!member || !budgetId) return null;
    try {
      return { points: arrearsOverTime(state.book(workbook), member, budgetId), error: null };
    } catch (e) {
      return { points: [], error: (e as Error).message };
    }
  }, [state, workbook, member, budgetId]);

  if (!member) return <p className="muted arrears-hint">{t('ledger.arrears.hint')}</p>;
  const b = workbook.budgets.find((x) => x.id === budgetId);
  const name = workbook.members.find((m) => m.code === member)?.name ?? member;
  return (
    <section className="arrears-over-time" data-testid="arrears-over-time">
      <div className="ledger-tools">
        <strong>{t('ledger.arrears.title')}</strong>
        {budgets.length > 1 && (
          <select
            aria-label={t('ledger.arrears.budget')}
            data-testid="arrears-budget"
            value={budgetId ?? ''}
            onChange={(e) => setChosen(e.target.value)}
          >
            {budgets.map((x) => (
              <option key={x.id} value={x.id}>
                {x.name}
              </option>
            ))}
          </select>
        )}
        <button className="link plain" data-testid="arrears-toggle" onClick={() => setFigures((f) => !f)}>
          {figures ? t('ledger.arrears.showChart') : t('ledger.arrears.showFigures')}
        </button>
      </div>
      {computed?.error && <p className="notice error">{computed.error}</p>}
      {computed && b && computed.points.length > 0 && (
        <>
          {!figures ? (
            <div className="arrears-chart" data-testid="arrears-chart">
              <Suspense fallback={<p className="muted">{t('ledger.arrears.loading')}</p>}>
                <ArrearsChart points={computed.points} currency={b.currency} title={`${member} ${name}, ${b.name}`} />
              </Suspense>
            </div>
          ) : (
            <div className="arrears-chart arrears-figures">
              <table className="plain" data-testid="arrears-table">
                <thead>
                  <tr>
                    <th>{t('ledger.arrears.january')}</th>
                    <th className="n">{t('ledger.col.arrears')}</th>
                    <th className="n">{t('ledger.col.threshold')}</th>
                    <th>{t('ledger.col.status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {computed.points.map((p) => (
                    <tr key={p.date} data-date={p.date}>
                      <td className="date">{show(p.date)}</td>
                      <td className="n">{amount(p.arrears)}</td>
                      <td className="n">{amount(p.threshold)}</td>
                      <td>{words(p.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
