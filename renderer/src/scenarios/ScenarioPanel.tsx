import { useState } from 'react';
import { applyScenarioToBaseline, describeOverride, overrideKey, parseAmountInput, removeScenarioOverride, setScenarioLevel, setScenarioOverride, refusal, type Outcome } from '../../../shared/edit';
import { decimalPlaces, groupThousands } from '../../../shared/model/decimal';
import type { Budget, Scenario, Scheme, Workbook } from '../../../shared/model/types';
import type { Comparison } from '../../../shared/scenario/scenario';
import { CommitField } from '../BudgetPanel';
import { DateText, useDateReader } from '../DateField';
import { ARTICLE } from '../articles';
import { useDocument } from '../document/DocumentProvider';

interface Props {
  scenario: Scenario;
  budget: Budget;
  year: number;
  comparison: Comparison | null;
  /** The budget's scheme (R1 classes or R2 scale), for the units, joining and leaving assumptions. */
  scheme?: Scheme;
  onApplied(): void;
}

const signed = (d: string) => (d.startsWith('-') || /^0(\.0+)?$/.test(d) ? groupThousands(d) : `+${groupThousands(d)}`);

/** R14 the scenario's assumptions for this budget and year, its totals against the baseline, and "apply". */
export function ScenarioPanel({ scenario, budget, year, comparison, scheme, onApplied }: Props) {
  const { run } = useDocument();
  const after = comparison?.after;
  const before = comparison?.before;
  const method = after?.method ?? 'total';
  const places = decimalPlaces(budget.roundingUnit);

  return (
    <section className="panel scenario-panel" aria-label="Scenario" data-testid="scenario-panel">
      <h2>
        {scenario.name} · {budget.name} · {year}
      </h2>
      <div className="field">
        <span>Method in this scenario</span>
        <span className="radios">
          {(['total', 'unit-value'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="scenario-method"
                checked={method === m}
                disabled={!after}
                // The figure carries over exactly: the total becomes Σ shares, the unit value T / U (R4/R7).
                onChange={() => run((wb) => setScenarioLevel(wb, { scenario: scenario.id, budget: budget.id, year, method: m, amount: m === 'total' ? after!.total : after!.unitValue }))}
              />
              {m === 'total' ? <span title={ARTICLE.total}>Total</span> : 'Unit value'}
            </label>
          ))}
        </span>
      </div>
      <CommitField
        label={method === 'total' ? `Total in this scenario (${budget.currency})` : `Unit value in this scenario (${budget.currency})`}
        testId="scenario-level"
        value={after?.level ?? ''}
        disabled={!after}
        commit={(text) => {
          const p = parseAmountInput(text, after?.level, { places: method === 'total' ? places : undefined, what: method === 'total' ? 'The total' : 'The unit value' });
          if (!p.ok) return p.message;
          if (p.value === after?.level) return null;
          return refusal(run((wb) => setScenarioLevel(wb, { scenario: scenario.id, budget: budget.id, year, method, amount: p.value })));
        }}
      />
      {before && after && comparison && (
        <table className="before-after" data-testid="scenario-figures">
          <thead>
            <tr>
              <th />
              <th>Baseline</th>
              <th>Scenario</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>Total ({budget.currency})</th>
              <td data-testid="total-before">{groupThousands(before.total)}</td>
              <td data-testid="total-after">{groupThousands(after.total)}</td>
            </tr>
            <tr>
              <th>Unit value{method === 'total' ? ' (implied, T / U)' : ''}</th>
              <td data-testid="unit-value-before">{groupThousands(before.unitValue)}</td>
              <td data-testid="unit-value-after">{groupThousands(after.unitValue)}</td>
            </tr>
            <tr>
              <th>Total units</th>
              <td>{before.totalUnits}</td>
              <td>{after.totalUnits}</td>
            </tr>
            <tr>
              <th>Members</th>
              <td>{before.rows.length}</td>
              <td>{after.rows.length}</td>
            </tr>
            <tr>
              <th>Difference</th>
              <td />
              <td data-testid="total-difference">{signed(comparison.totalDifference)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <MoreAssumptions scenario={scenario} budget={budget} year={year} scheme={scheme} run={run} />
      <h3>Changes in this scenario</h3>
      {scenario.overrides.length === 0 ? (
        <p className="muted">None yet: change a member’s class in the grid, or the total above.</p>
      ) : (
        <ul className="overrides" data-testid="scenario-overrides">
          {scenario.overrides.map((o) => {
            const key = overrideKey(o);
            return (
              <li key={key}>
                {describeOverride(o)}{' '}
                <button className="link" aria-label={`Drop ${describeOverride(o)}`} onClick={() => run((wb) => removeScenarioOverride(wb, scenario.id, key))}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <button
        className="primary"
        data-testid="scenario-apply"
        disabled={scenario.overrides.length === 0}
        title="Make these assumptions the baseline: one step, undoable"
        onClick={() => {
          if (run((wb) => applyScenarioToBaseline(wb, scenario.id)).ok) onApplied();
        }}
      >
        Apply scenario to baseline
      </button>
    </section>
  );
}

/** R14 the other assumptions a scenario may hold: a class's units, a member leaving, a state joining. */
function MoreAssumptions({ scenario, budget, year, scheme, run }: { scenario: Scenario; budget: Budget; year: number; scheme?: Scheme; run(command: (wb: Workbook) => Outcome): Outcome }) {
  const dates = useDateReader();
  const [leaving, setLeaving] = useState('');
  const [until, setUntil] = useState(() => dates.show(`${year - 1}-12-31`));
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState('');
  const [from, setFrom] = useState(() => dates.show(`${year}-01-01`));
  const [error, setError] = useState<string | null>(null);
  const classes = scheme?.kind === 'classes' ? scheme.classes : null;
  return (
    <details className="more-assumptions" data-testid="scenario-more">
      <summary>Units, members leaving or joining</summary>
      {scheme && classes && (
        <div className="units-grid">
          {classes.map((c) => {
            const key = overrideKey({ kind: 'units', scheme: scheme.id, class: c.code, units: c.units });
            const o = scenario.overrides.find((x) => overrideKey(x) === key);
            return (
              <CommitField
                key={c.code}
                label={`Class ${c.code} units`}
                testId={`scenario-units-${c.code}`}
                value={o?.kind === 'units' ? o.units : c.units}
                commit={(text) =>
                  // Typing the baseline's units again drops the assumption.
                  text.trim() === c.units && o ? refusal(run((wb) => removeScenarioOverride(wb, scenario.id, key))) : refusal(run((wb) => setScenarioOverride(wb, scenario.id, { kind: 'units', scheme: scheme.id, class: c.code, units: text.trim() })))
                }
              />
            );
          })}
        </div>
      )}
      <form
        className="assumption"
        onSubmit={(e) => {
          e.preventDefault();
          const d = dates.read(until, false);
          if (!d.ok) return setError(`Leaves on: ${d.message}`);
          setError(refusal(run((wb) => setScenarioOverride(wb, scenario.id, { kind: 'leave', member: leaving.trim(), budget: budget.id, until: d.value }))));
        }}
      >
        <input placeholder="Code" size={5} aria-label="Member leaving" value={leaving} onChange={(e) => setLeaving(e.target.value)} />
        <label>
          leaves on <DateText testId="scenario-leaves-on" optional={false} text={until} onText={setUntil} />
        </label>
        <button type="submit">Record</button>
      </form>
      <form
        className="assumption"
        onSubmit={(e) => {
          e.preventDefault();
          const d = dates.read(from, false);
          if (!d.ok) return setError(`Joins on: ${d.message}`);
          const v = value || classes?.at(-1)?.code || '';
          setError(
            refusal(
              run((wb) =>
                setScenarioOverride(wb, scenario.id, { kind: 'join', member: code.trim(), name: name.trim() || undefined, budget: budget.id, from: d.value, ...(classes ? { class: v } : { weight: v.trim() }) }),
              ),
            ),
          );
        }}
      >
        <input placeholder="Code" size={5} aria-label="State joining" value={code} onChange={(e) => setCode(e.target.value)} />
        <input placeholder="Name" size={12} value={name} onChange={(e) => setName(e.target.value)} />
        {classes ? (
          <select aria-label="Class of the state joining" value={value || classes.at(-1)?.code} onChange={(e) => setValue(e.target.value)}>
            {classes.map((c) => (
              <option key={c.code}>{c.code}</option>
            ))}
          </select>
        ) : (
          <input placeholder="Weight" size={6} value={value} onChange={(e) => setValue(e.target.value)} />
        )}
        <label>
          joins on <DateText testId="scenario-joins-on" optional={false} text={from} onText={setFrom} />
        </label>
        <button type="submit">Record</button>
      </form>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </details>
  );
}
