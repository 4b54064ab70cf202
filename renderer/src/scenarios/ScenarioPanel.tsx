import { budgetNames } from '../../../shared/model/budget-name';
import { useMemo, useState } from 'react';
import {
  applyScenarioToBaseline,
  overrideKey,
  overrideMessage,
  parseAmountInput,
  removeScenarioOverride,
  setScenarioLevel,
  setScenarioOverride,
  refusal,
  type Outcome,
} from '../../../shared/edit';
import type { Message } from '../../../shared/i18n/intl';
import { decimalPlaces } from '../../../shared/model/decimal';
import { isPositiveDecimal } from '../../../shared/model/fields';
import type { Budget, Scenario, Scheme, Workbook } from '../../../shared/model/types';
import { levelEntry } from '../../../shared/engine/years';
import { applyScenario, type Comparison } from '../../../shared/scenario/scenario';
import { Derivation } from '../scales/ScalesView';
import { CommitField } from '../BudgetPanel';
import { DateText, useDateReader } from '../DateField';
import { useArticle } from '../articles';
import { useDocument } from '../document/DocumentProvider';
import { Bidi, useAmount, useSay, useT } from '../i18n';

interface Props {
  scenario: Scenario;
  budget: Budget;
  year: number;
  comparison: Comparison | null;
  /** The budget's scheme (R1 classes or R2 scale), for the units, joining and leaving assumptions. */
  scheme?: Scheme;
  onApplied(): void;
}

/** A difference with its sign: +1 234 for a rise (money written by the user's number format). */
export const signedWith = (amount: (plain: string) => string) => (d: string) =>
  isPositiveDecimal(d) ? `+${amount(d)}` : amount(d);

/** A refusal's text in the user's language when it carries its message as data. */
const reasonIn = (say: (m: Message) => string) => (r: { message: string; msg?: Message }) =>
  r.msg ? say(r.msg) : r.message;

/** R14 the scenario's assumptions for this budget and year, its totals against the baseline, and "apply". */
export function ScenarioPanel({ scenario, budget, year, comparison, scheme, onApplied }: Props) {
  const { run, doc } = useDocument();
  const nameOf = useMemo(() => (doc ? budgetNames(doc.workbook) : (id: string) => id), [doc]);
  const t = useT();
  const article = useArticle();
  const say = useSay();
  const amount = useAmount();
  const signed = signedWith(amount);
  const after = comparison?.after;
  const before = comparison?.before;
  const method = after?.method ?? 'total';
  const places = decimalPlaces(budget.roundingUnit);

  return (
    <section className="panel scenario-panel" aria-label={t('scenarios.panel.label')} data-testid="scenario-panel">
      <h2>
        <Bidi>{scenario.name}</Bidi> · <Bidi>{budget.name}</Bidi> · {year}
      </h2>
      <div className="field">
        <span>{t('scenarios.panel.method')}</span>
        <span className="radios">
          {(['total', 'unit-value'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="scenario-method"
                checked={method === m}
                disabled={!after}
                // The figure carries over exactly: the total becomes Σ shares, the unit value T / U (R4/R7).
                onChange={() =>
                  run((wb) =>
                    setScenarioLevel(wb, {
                      scenario: scenario.id,
                      budget: budget.id,
                      year,
                      method: m,
                      amount: m === 'total' ? after!.total : after!.unitValue,
                    }),
                  )
                }
              />
              {m === 'total' ? (
                <span title={article.total}>{t('scenarios.panel.total')}</span>
              ) : (
                t('scenarios.panel.unitValue')
              )}
            </label>
          ))}
        </span>
      </div>
      <CommitField
        label={t(method === 'total' ? 'scenarios.panel.totalIn' : 'scenarios.panel.unitValueIn', {
          currency: budget.currency,
        })}
        testId="scenario-level"
        value={after?.level ?? ''}
        disabled={!after}
        commit={(text) => {
          const p = parseAmountInput(text, after?.level, {
            places: method === 'total' ? places : undefined,
            what: method === 'total' ? 'The total' : 'The unit value',
          });
          if (!p.ok) return reasonIn(say)(p);
          if (p.value === after?.level) return null;
          return refusal(
            run((wb) =>
              setScenarioLevel(wb, { scenario: scenario.id, budget: budget.id, year, method, amount: p.value }),
            ),
            say,
          );
        }}
      />
      {before && after && comparison && (
        <table className="before-after" data-testid="scenario-figures">
          <thead>
            <tr>
              <th />
              <th>{t('scenarios.baseline')}</th>
              <th>{t('scenarios.panel.scenario')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th>{t('scenarios.panel.totalCurrency', { currency: budget.currency })}</th>
              <td data-testid="total-before">{amount(before.total)}</td>
              <td data-testid="total-after">{amount(after.total)}</td>
            </tr>
            <tr>
              <th>{t(method === 'total' ? 'scenarios.panel.unitValueImplied' : 'scenarios.panel.unitValue')}</th>
              <td data-testid="unit-value-before">{amount(before.unitValue)}</td>
              <td data-testid="unit-value-after">{amount(after.unitValue)}</td>
            </tr>
            <tr>
              <th>{t('scenarios.panel.totalUnits')}</th>
              <td>{amount(before.totalUnits)}</td>
              <td>{amount(after.totalUnits)}</td>
            </tr>
            <tr>
              <th>{t('scenarios.panel.members')}</th>
              <td>{before.rows.length}</td>
              <td>{after.rows.length}</td>
            </tr>
            <tr>
              <th>{t('scenarios.panel.difference')}</th>
              <td />
              <td data-testid="total-difference">{signed(comparison.totalDifference)}</td>
            </tr>
          </tbody>
        </table>
      )}
      <MoreAssumptions scenario={scenario} budget={budget} year={year} scheme={scheme} run={run} />
      <DerivedScaleAssumption scenario={scenario} budget={budget} year={year} scheme={scheme} run={run} />
      <h3>{t('scenarios.panel.changes')}</h3>
      {scenario.overrides.length === 0 ? (
        <p className="muted">{t('scenarios.panel.noChanges')}</p>
      ) : (
        <ul className="overrides" data-testid="scenario-overrides">
          {scenario.overrides.map((o) => {
            const key = overrideKey(o);
            const words = say(overrideMessage(o, nameOf));
            return (
              <li key={key}>
                {words}{' '}
                <button
                  className="link"
                  aria-label={t('scenarios.panel.drop', { change: words })}
                  onClick={() => run((wb) => removeScenarioOverride(wb, scenario.id, key))}
                >
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
        title={t('scenarios.panel.applyTitle')}
        onClick={() => {
          if (run((wb) => applyScenarioToBaseline(wb, scenario.id)).ok) onApplied();
        }}
      >
        {t('scenarios.panel.apply')}
      </button>
    </section>
  );
}

/** What a panel of a scenario's assumptions works on. */
interface AssumptionProps {
  scenario: Scenario;
  budget: Budget;
  year: number;
  scheme?: Scheme;
  run(command: (wb: Workbook) => Outcome): Outcome;
}

/**
 * R14 × R21 a derived budget's settings for the year in this scenario (base scale, exclusion, ceiling, floor,
 * decimals, rounding, fixed rates): the Scales view's form and preview on the workbook the scenario assumes.
 */
function DerivedScaleAssumption({ scenario, budget, year, scheme, run }: AssumptionProps) {
  const { doc } = useDocument();
  const t = useT();
  const baseline = doc?.workbook;
  const assumed = useMemo(
    () => (baseline ? applyScenario(baseline, scenario.overrides) : undefined),
    [baseline, scenario.overrides],
  );
  const derived = useMemo(() => {
    try {
      return assumed !== undefined && levelEntry(budget, year)?.scale !== undefined;
    } catch {
      return false;
    }
  }, [assumed, budget, year]);
  if (!assumed || scheme?.kind !== 'scale' || !derived) return null;
  const changed = scenario.overrides.some((o) => o.kind === 'derivation' && o.budget === budget.id && o.year === year);
  return (
    <details className="more-assumptions scenario-derivation" data-testid="scenario-derivation" open={changed}>
      <summary>{t('scenarios.derivation.summary')}</summary>
      <Derivation
        key={`${scenario.id}|${budget.id}|${year}`}
        workbook={assumed}
        budget={budget}
        year={year}
        run={run}
        scenario={scenario.id}
      />
    </details>
  );
}

/** R14 the other assumptions a scenario may hold: a class's units, a member leaving, a state joining. */
function MoreAssumptions({ scenario, budget, year, scheme, run }: AssumptionProps) {
  const dates = useDateReader();
  const t = useT();
  const say = useSay();
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
      <summary>{t('scenarios.more.summary')}</summary>
      {scheme && classes && (
        <div className="units-grid">
          {classes.map((c) => {
            const key = overrideKey({ kind: 'units', scheme: scheme.id, class: c.code, units: c.units });
            const o = scenario.overrides.find((x) => overrideKey(x) === key);
            return (
              <CommitField
                key={c.code}
                label={t('scenarios.more.classUnits', { class: c.code })}
                testId={`scenario-units-${c.code}`}
                value={o?.kind === 'units' ? o.units : c.units}
                commit={(text) =>
                  // Typing the baseline's units again drops the assumption.
                  text.trim() === c.units && o
                    ? refusal(
                        run((wb) => removeScenarioOverride(wb, scenario.id, key)),
                        say,
                      )
                    : refusal(
                        run((wb) =>
                          setScenarioOverride(wb, scenario.id, {
                            kind: 'units',
                            scheme: scheme.id,
                            class: c.code,
                            units: text.trim(),
                          }),
                        ),
                        say,
                      )
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
          if (!d.ok) return setError(t('scenarios.more.leavesOnError', { reason: d.message }));
          setError(
            refusal(
              run((wb) =>
                setScenarioOverride(wb, scenario.id, {
                  kind: 'leave',
                  member: leaving.trim(),
                  budget: budget.id,
                  until: d.value,
                }),
              ),
              say,
            ),
          );
        }}
      >
        <input
          placeholder={t('scenarios.more.code')}
          size={5}
          aria-label={t('scenarios.more.leaving')}
          value={leaving}
          onChange={(e) => setLeaving(e.target.value)}
        />
        <label>
          {t('scenarios.more.leavesOn')}{' '}
          <DateText testId="scenario-leaves-on" optional={false} text={until} onText={setUntil} />
        </label>
        <button type="submit">{t('scenarios.more.record')}</button>
      </form>
      <form
        className="assumption"
        onSubmit={(e) => {
          e.preventDefault();
          const d = dates.read(from, false);
          if (!d.ok) return setError(t('scenarios.more.joinsOnError', { reason: d.message }));
          const v = value || classes?.at(-1)?.code || '';
          setError(
            refusal(
              run((wb) =>
                setScenarioOverride(wb, scenario.id, {
                  kind: 'join',
                  member: code.trim(),
                  name: name.trim() || undefined,
                  budget: budget.id,
                  from: d.value,
                  ...(classes ? { class: v } : { weight: v.trim() }),
                }),
              ),
              say,
            ),
          );
        }}
      >
        <input
          placeholder={t('scenarios.more.code')}
          size={5}
          aria-label={t('scenarios.more.joining')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <input
          placeholder={t('scenarios.more.name')}
          size={12}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        {classes ? (
          <select
            aria-label={t('scenarios.more.joiningClass')}
            value={value || classes.at(-1)?.code}
            onChange={(e) => setValue(e.target.value)}
          >
            {classes.map((c) => (
              <option key={c.code}>{c.code}</option>
            ))}
          </select>
        ) : (
          <input
            placeholder={t('scenarios.more.weight')}
            size={6}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <label>
          {t('scenarios.more.joinsOn')}{' '}
          <DateText testId="scenario-joins-on" optional={false} text={from} onText={setFrom} />
        </label>
        <button type="submit">{t('scenarios.more.record')}</button>
      </form>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </details>
  );
}
