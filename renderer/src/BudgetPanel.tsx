import { useEffect, useState } from 'react';
import type { ContributionTable } from '../../shared/engine';
import { parseAmountInput, parseRoundingUnit, setBudgetTerms, setBudgetYear, type Outcome } from '../../shared/edit';
import { decimalPlaces, groupThousands } from '../../shared/model/decimal';
import type { Budget, RoundingMode } from '../../shared/model/types';
import { ARTICLE } from './articles';
import { useDocument } from './document/DocumentProvider';

interface Props {
  budget: Budget;
  year: number;
  table: ContributionTable | null;
}

/** A text field that commits on Enter or leaving it, cancels on Escape, and shows a refusal next to itself. */
export function CommitField(props: { label: string; value: string; disabled?: boolean; testId: string; commit(text: string): string | null }) {
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
  const entry = budget.years.find((y) => y.year === year);
  const method = table?.method ?? entry?.method ?? 'total';
  const adopted = entry?.adopted ?? false;
  const places = decimalPlaces(budget.roundingUnit);
  const figure = adopted ? (entry?.amount ?? '') : (table?.level ?? '');
  const problem = (o: Outcome) => (o.ok ? null : o.problems.map((p) => p.message).join('; '));

  return (
    <section className="panel" aria-label="Budget" data-testid="budget-panel">
      <h2>
        {budget.name} · {year}
      </h2>
      <div className="field">
        <span>Method</span>
        <span className="radios">
          {(['total', 'unit-value'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="method"
                checked={method === m}
                disabled={!adopted || !table}
                onChange={() =>
                  // The figure carries over exactly: the total becomes Σ shares, the unit value T / U (R4/R7).
                  run((wb) => setBudgetYear(wb, { budget: budget.id, year, method: m, amount: m === 'total' ? table!.total : table!.unitValue }))
                }
              />
              {m === 'total' ? <span title={ARTICLE.total}>Total</span> : 'Unit value'}
            </label>
          ))}
        </span>
      </div>
      <CommitField
        label={method === 'total' ? `Total (${budget.currency})` : `Value of one unit (${budget.currency})`}
        testId="budget-figure"
        value={figure}
        disabled={!adopted}
        commit={(text) => {
          const p = parseAmountInput(text, figure || undefined, { places: method === 'total' ? places : undefined, what: method === 'total' ? 'The total' : 'The unit value' });
          if (!p.ok) return p.message;
          return problem(run((wb) => setBudgetYear(wb, { budget: budget.id, year, amount: p.value })));
        }}
      />
      <label className="field check">
        <span>Adopted before {year} began</span>
        <input
          type="checkbox"
          data-testid="budget-adopted"
          checked={adopted}
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
      {table?.carriedOver && (
        <p className="carried" data-testid="carried-over">
          Carried over: not adopted before {year} began, so {table.sourceYear}’s {method === 'total' ? 'total' : 'unit value'} applies.
        </p>
      )}
      <CommitField
        label="Rounding unit"
        testId="rounding-unit"
        value={budget.roundingUnit}
        commit={(text) => {
          const p = parseRoundingUnit(text);
          if (!p.ok) return p.message;
          return problem(run((wb) => setBudgetTerms(wb, { budget: budget.id, roundingUnit: p.value })));
        }}
      />
      <label className="field">
        <span>Rounding</span>
        <select value={budget.rounding} onChange={(e) => run((wb) => setBudgetTerms(wb, { budget: budget.id, rounding: e.target.value as RoundingMode }))}>
          <option value="half-up">half up</option>
          <option value="half-even">half even</option>
        </select>
      </label>
      {table && (
        <dl className="figures">
          <dt>{method === 'total' ? 'Implied unit value (T / U)' : 'Implied total (Σ shares)'}</dt>
          <dd data-testid="implied">{groupThousands(method === 'total' ? table.unitValue : table.total)}</dd>
          <dt>Total units (U)</dt>
          <dd>{table.totalUnits}</dd>
          <dt>Members assessed</dt>
          <dd>{table.rows.length}</dd>
          <dt>Total assessed</dt>
          <dd data-testid="panel-total">
            {groupThousands(table.total)} {budget.currency}
          </dd>
        </dl>
      )}
    </section>
  );
}
