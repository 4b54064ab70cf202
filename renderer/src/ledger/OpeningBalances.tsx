import { budgetName } from '../../../shared/model/budget-name';
import { useEffect, useState } from 'react';
import {
  pasteOpeningBalances,
  removeOpeningBalance,
  setOpeningBalance,
  type OpeningBalanceInput,
} from '../../../shared/edit';
import type { LedgerProps } from './LedgerView';
import { BudgetSelect } from './BudgetSelect';
import { useAmount, useSay, useT } from '../i18n';
import { b, bdi, useRich } from './rich';
import { useAmountReader } from './money';

// R17a what members still owed from before the first year of data: entered one by one for the member shown, or
// pasted from a spreadsheet for many (one undoable step, all or nothing).

type Field = 'member' | 'budget' | 'year' | 'assessed' | 'unpaid';

export function OpeningBalances({
  workbook,
  member,
  budget,
  run,
  notify,
}: Pick<LedgerProps, 'workbook' | 'run' | 'notify'> & { member: string; budget: string }) {
  const t = useT();
  const say = useSay();
  const rich = useRich();
  const amount = useAmount();
  const readAmount = useAmountReader();
  const blank: OpeningBalanceInput = { member: '', budget: '', year: '', assessed: '', unpaid: '' };
  const [f, setF] = useState<OpeningBalanceInput>(blank);
  const [error, setError] = useState<{ path: string; message: string } | null>(null);
  const [paste, setPaste] = useState('');
  const [pasteErrors, setPasteErrors] = useState<string[]>([]);
  useEffect(() => {
    if (member) setF((x) => ({ ...x, member, budget: budget && budget !== 'all' ? budget : x.budget }));
  }, [member, budget]);
  const shown = workbook.openingBalances.filter((o) => !f.member || o.member === f.member);
  const input = (k: Field, label: string) => (
    <label className="field" key={k}>
      <span>{label}</span>
      <input
        value={f[k]}
        onChange={(e) => setF({ ...f, [k]: e.target.value })}
        aria-invalid={error?.path === k}
        data-testid={`ob-${k}`}
        inputMode={k === 'member' ? 'text' : 'decimal'}
      />
      {error?.path === k && (
        <span className="cell-error" role="alert">
          {error.message}
        </span>
      )}
    </label>
  );
  return (
    <details className="opening-balances" data-testid="opening-balances">
      <summary>{t('ledger.opening.title')}</summary>
      <p className="muted">{t('ledger.opening.explain')}</p>
      <ul className="decisions">
        {shown.map((o) => (
          <li key={`${o.member}|${o.budget}|${o.year}`}>
            {rich('ledger.opening.item', {
              member: o.member,
              budget: budgetName(workbook, o.budget),
              year: String(o.year),
              unpaid: amount(o.unpaid),
              assessed: amount(o.assessed),
              b,
              bdi,
            })}{' '}
            <button
              className="link"
              aria-label={t('ledger.opening.remove', {
                member: o.member,
                budget: budgetName(workbook, o.budget),
                year: String(o.year),
              })}
              onClick={() => run((wb) => removeOpeningBalance(wb, o.member, o.budget, o.year))}
            >
              ×
            </button>
          </li>
        ))}
        {shown.length === 0 && (
          <li className="muted">
            {f.member ? t('ledger.opening.noneFor', { member: f.member }) : t('ledger.opening.none')}
          </li>
        )}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          // R25 the amounts as the user writes numbers; what reads two ways is refused at its field.
          const assessed = readAmount(f.assessed);
          if (!assessed.ok) return setError({ path: 'assessed', message: assessed.message });
          const unpaid = readAmount(f.unpaid);
          if (!unpaid.ok) return setError({ path: 'unpaid', message: unpaid.message });
          const o = run((wb) => setOpeningBalance(wb, { ...f, assessed: assessed.value, unpaid: unpaid.value }));
          if (o.ok) {
            setError(null);
            setF({ ...f, year: '', assessed: '', unpaid: '' });
          } else {
            setError(o.problems[0]);
            notify('error', o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
          }
        }}
      >
        {input('member', t('ledger.col.member'))}
        <label className="field">
          <span>{t('ledger.col.budget')}</span>
          <BudgetSelect
            budgets={workbook.budgets}
            value={f.budget}
            allValue=""
            testId="ob-budget"
            onChange={(e) => setF({ ...f, budget: e.target.value })}
          />
          {error?.path === 'budget' && (
            <span className="cell-error" role="alert">
              {error.message}
            </span>
          )}
        </label>
        {input('year', t('ledger.col.year'))}
        {input('assessed', t('ledger.opening.assessed'))}
        {input('unpaid', t('ledger.opening.unpaid'))}
        <button type="submit" data-testid="ob-submit">
          {t('ledger.opening.enter')}
        </button>
      </form>
      <label className="field">
        <span>{t('ledger.opening.paste')}</span>
        <textarea rows={3} value={paste} onChange={(e) => setPaste(e.target.value)} data-testid="ob-paste" />
      </label>
      {pasteErrors.length > 0 && (
        <ul className="cell-error" role="alert" data-testid="ob-paste-errors">
          {pasteErrors.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        data-testid="ob-paste-apply"
        disabled={paste.trim() === ''}
        onClick={() => {
          const o = run((wb) => pasteOpeningBalances(wb, paste));
          if (o.ok) {
            setPaste('');
            setPasteErrors([]);
          } else setPasteErrors(o.problems.map((p) => p.message));
        }}
      >
        {t('ledger.opening.pasteApply')}
      </button>
    </details>
  );
}
