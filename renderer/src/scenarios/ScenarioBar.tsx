import { createScenario, deleteScenario, duplicateScenario, renameScenario, refusal } from '../../../shared/edit';
import type { Scenario } from '../../../shared/model/types';
import { CommitField } from '../BudgetPanel';
import { useDocument } from '../document/DocumentProvider';

export type View = 'members' | 'compare' | 'charts';

interface Props {
  scenarios: readonly Scenario[];
  /** null = the baseline. */
  selected: Scenario | null;
  onSelect(id: string | null): void;
  view: View;
  onView(view: View): void;
  onProblem(message: string): void;
}

/** R14 pick the baseline or a scenario; create, rename, duplicate and delete scenarios (each undoable). */
export function ScenarioBar({ scenarios, selected, onSelect, view, onView, onProblem }: Props) {
  const { run } = useDocument();
  const create = () => {
    let n = scenarios.length + 1;
    while (scenarios.some((s) => s.name === `Scenario ${n}`)) n++;
    let id: string | null = null;
    const o = run((wb) => {
      const r = createScenario(wb, { name: `Scenario ${n}` });
      if (r.ok) id = r.workbook.scenarios.at(-1)!.id;
      return r;
    });
    if (o.ok) onSelect(id);
    else onProblem(refusal(o)!);
  };
  return (
    <div className="scenario-bar" role="toolbar" aria-label="Scenarios" data-testid="scenario-bar">
      <label>
        Scenario{' '}
        <select data-testid="scenario-select" value={selected?.id ?? ''} onChange={(e) => onSelect(e.target.value || null)}>
          <option value="">Baseline</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
              {s.overrides.length ? ` (${s.overrides.length})` : ''}
            </option>
          ))}
        </select>
      </label>
      <button data-testid="scenario-new" onClick={create} title="A new scenario: a named copy of the assumptions">
        New scenario
      </button>
      {selected && (
        <>
          <span className="scenario-name">
            <CommitField key={selected.id} label="Name" testId="scenario-name" value={selected.name} commit={(text) => refusal(run((wb) => renameScenario(wb, selected.id, text)))} />
          </span>
          <button
            data-testid="scenario-duplicate"
            onClick={() => {
              let id: string | null = null;
              const o = run((wb) => {
                const r = duplicateScenario(wb, selected.id);
                if (r.ok) id = r.workbook.scenarios.find((s) => !wb.scenarios.some((x) => x.id === s.id))?.id ?? null;
                return r;
              });
              if (o.ok) onSelect(id);
            }}
          >
            Duplicate
          </button>
          <button
            data-testid="scenario-delete"
            onClick={() => {
              const o = run((wb) => deleteScenario(wb, selected.id));
              if (o.ok) onSelect(null);
            }}
          >
            Delete
          </button>
        </>
      )}
      <span className="sep" />
      <span className="tabs" role="tablist">
        {(
          [
            ['members', selected ? 'Edit scenario' : 'Members'],
            ['compare', 'Comparison'],
            ['charts', 'Charts'],
          ] as const
        ).map(([v, label]) => (
          <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'tab active' : 'tab'} data-testid={`view-${v}`} onClick={() => onView(v)}>
            {label}
          </button>
        ))}
      </span>
      {selected && <span className="scenario-flag">What-if: the baseline is not changed until you apply the scenario</span>}
    </div>
  );
}
