import { useEffect, useState } from 'react';
import type { ContributionTable } from '../../shared/engine';
import {
  parseAmountInput,
  parseRoundingUnit,
  refusal,
  setBudgetTerms,
  setBudgetYear,
  type Outcome,
} from '../../shared/edit';
import { decimalPlaces } from '../../shared/model/decimal';
import type { Budget, RoundingMode } from '../../shared/model/types';
import { useArticle } from './articles';
import { useDocument } from './document/DocumentProvider';
import { useAmount, useSay, useT } from './i18n';
import { useLocale } from './locale';
import { useCount } from './ledger/rich';

interface Props {
  budget: Budget;
  year: number;
  table: ContributionTable | null;
}

/** A text field that commits on Enter or leaving it, cancels on Escape, and shows a refusal next to itself. */
export function CommitField(props: {
  label: string;
  value: string;
  disabled?: boolean;
  testId: string;
  commit(text: string): string | null;
}) {
  const [text, setText] = useState(props.value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText(props.value);
    setError(null);
  }, [props.value]);
  const commit = () => {
    if (text === props.value) return setError(null);
    setError(props.commit(text));
  };
  return (
    <label className="field">
      <span>{props.label}</span>
      <span className="field-input">
        <input
          data-testid={props.testId}
          value={text}
          disabled={props.disabled}
          aria-invalid={error !== null}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') {
              setText(props.value);
              setError(null);
            }
          }}
        />
        {error && (
          <span className="cell-error" role="alert" data-testid={`${props.testId}-error`}>
            {error}
          </span>
        )}
      </span>
    </label>
  );
}

export function BudgetPanel({ budget, year, table }: Props) {
  const { run } = useDocument();
  const t = useT();
  const amount = useAmount();
  const count = useCount();
  const say = useSay();
  const { number } = useLocale();
  const article = useArticle();
  const entry = budget.years.find((y) => y.year === year);
  const method = table?.method ?? entry?.method ?? 'total';
  // R23 a year of a biennium is adopted with its part of the biennial figure: shown, not typed here.
  const biennium = budget.biennia?.find((b) => b.years.includes(year));
  const adopted = biennium !== undefined || (entry?.adopted ?? false);
  const places = decimalPlaces(budget.roundingUnit);
  const figure = adopted && !biennium ? (entry?.amount ?? '') : (table?.level ?? '');
  // The commands' refusals in the user's language (their Message said; English where they have none yet).
  const problem = (o: Outcome) => refusal(o, say);

  return (
    <section className="panel" aria-label={t('budgets.panel.label')} data-testid="budget-panel">
      <h2>
        {budget.name} · {year}
      </h2>
      <div className="field">
        <span>{t('budgets.method.label')}</span>
        <span className="radios">
          {(['total', 'unit-value'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="method"
                checked={method === m}
                disabled={!adopted || !table || biennium !== undefined}
                onChange={() =>
                  // The figure carries over exactly: the total becomes Σ shares, the unit value T / U (R4/R7).
                  run((wb) =>
                    setBudgetYear(wb, {
                      budget: budget.id,
                      year,
                      method: m,
                      amount: m === 'total' ? table!.total : table!.unitValue,
                    }),
                  )
                }
              />
              {m === 'total' ? (
                <span title={article.total}>{t('budgets.method.total')}</span>
              ) : (
                t('budgets.method.unitValue')
              )}
            </label>
          ))}
        </span>
      </div>
      <CommitField
        label={t(method === 'total' ? 'budgets.figure.total' : 'budgets.figure.unitValue', {
          currency: budget.currency,
        })}
        testId="budget-figure"
        value={figure ? amount(figure) : ''}
        disabled={!adopted || biennium !== undefined}
        commit={(text) => {
          // R25 typed in the user's number format; the refusal in the user's language.
          const p = parseAmountInput(
            text,
            figure || undefined,
            {
              places: method === 'total' ? places : undefined,
              what: t(method === 'total' ? 'budgets.panel.theTotal' : 'budgets.panel.theUnitValue'),
            },
            number,
          );
          if (!p.ok) return p.msg ? say(p.msg) : p.message;
          return problem(run((wb) => setBudgetYear(wb, { budget: budget.id, year, amount: p.value })));
        }}
      />
      <label className="field check">
        <span>{t('budgets.panel.adopted', { year: String(year) })}</span>
        <input
          type="checkbox"
          data-testid="budget-adopted"
          checked={adopted}
          disabled={biennium !== undefined}
          onChange={(e) =>
            run((wb) =>
              setBudgetYear(wb, {
                budget: budget.id,
                year,
                adopted: e.target.checked,
                method,
                // Adopting a carried-over year starts from the level it was carried at (R10).
                ...(e.target.checked && !entry?.amount && table ? { amount: table.level } : {}),
              }),
            )
          }
        />
      </label>
      {biennium && (
        <p className="carried" data-testid="biennium-figure">
          {t('scales.biennium.panel', {
            year: String(year),
            first: String(biennium.years[0]),
            second: String(biennium.years[1]),
            amount: amount(biennium.amount),
          })}
        </p>
      )}
      {table?.carriedOver && (
        <p className="carried" data-testid="carried-over">
          {t('budgets.panel.carriedOver', { year: String(year), source: String(table.sourceYear), method })}
        </p>
      )}
      <CommitField
        label={t('budgets.roundingUnit')}
        testId="rounding-unit"
        value={budget.roundingUnit}
        commit={(text) => {
          const p = parseRoundingUnit(text);
          if (!p.ok) return p.msg ? say(p.msg) : p.message;
          return problem(run((wb) => setBudgetTerms(wb, { budget: budget.id, roundingUnit: p.value })));
        }}
      />
      <label className="field">
        <span>{t('budgets.panel.rounding')}</span>
        <select
          value={budget.rounding}
          onChange={(e) =>
            run((wb) => setBudgetTerms(wb, { budget: budget.id, rounding: e.target.value as RoundingMode }))
          }
        >
          <option value="half-up">{t('budgets.panel.halfUp')}</option>
          <option value="half-even">{t('budgets.panel.halfEven')}</option>
        </select>
      </label>
      {table && (
        <dl className="figures">
          <dt>{t(method === 'total' ? 'budgets.panel.impliedUnitValue' : 'budgets.panel.impliedTotal')}</dt>
          <dd data-testid="implied">{amount(method === 'total' ? table.unitValue : table.total)}</dd>
          <dt>{t('budgets.panel.totalUnits')}</dt>
          <dd>{amount(table.totalUnits)}</dd>
          <dt>{t('budgets.panel.membersAssessed')}</dt>
          <dd>{count(table.rows.length)}</dd>
          <dt>{t('budgets.panel.totalAssessed')}</dt>
          <dd data-testid="panel-total">
            {amount(table.total)} {budget.currency}
          </dd>
        </dl>
      )}
    </section>
  );
}
