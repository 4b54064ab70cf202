import { createScenario, deleteScenario, duplicateScenario, renameScenario, refusal } from '../../../shared/edit';
import type { Scenario } from '../../../shared/model/types';
import { CommitField } from '../BudgetPanel';
import { useDocument } from '../document/DocumentProvider';
import { useSay, useT } from '../i18n';

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
  const t = useT();
  const say = useSay();
  const create = () => {
    let n = scenarios.length + 1;
    while (scenarios.some((s) => s.name === t('scenarios.bar.defaultName', { n }))) n++;
    let id: string | null = null;
    const o = run((wb) => {
      const r = createScenario(wb, { name: t('scenarios.bar.defaultName', { n }) });
      if (r.ok) id = r.workbook.scenarios.at(-1)!.id;
      return r;
    });
    if (o.ok) onSelect(id);
    else onProblem(refusal(o, say)!);
  };
  return (
    <div className="scenario-bar" role="toolbar" aria-label={t('scenarios.bar.label')} data-testid="scenario-bar">
      <label>
        {t('scenarios.bar.scenario')}{' '}
        <select
          data-testid="scenario-select"
          value={selected?.id ?? ''}
          onChange={(e) => onSelect(e.target.value || null)}
        >
          <option value="">{t('scenarios.baseline')}</option>
          {scenarios.map((s) => (
            <option key={s.id} value={s.id}>
              {s.overrides.length ? t('scenarios.bar.option', { name: s.name, count: s.overrides.length }) : s.name}
            </option>
          ))}
        </select>
      </label>
      <button data-testid="scenario-new" onClick={create} title={t('scenarios.bar.newTitle')}>
        {t('scenarios.bar.new')}
      </button>
      {selected && (
        <>
          <span className="scenario-name">
            <CommitField
              key={selected.id}
              label={t('scenarios.bar.name')}
              testId="scenario-name"
              value={selected.name}
              commit={(text) =>
                refusal(
                  run((wb) => renameScenario(wb, selected.id, text)),
                  say,
                )
              }
            />
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
            {t('scenarios.bar.duplicate')}
          </button>
          <button
            data-testid="scenario-delete"
            onClick={() => {
              const o = run((wb) => deleteScenario(wb, selected.id));
              if (o.ok) onSelect(null);
            }}
          >
            {t('scenarios.bar.delete')}
          </button>
        </>
      )}
      <span className="sep" />
      <span className="tabs" role="tablist">
        {(
          [
            ['members', t(selected ? 'scenarios.bar.tab.edit' : 'scenarios.bar.tab.members')],
            ['compare', t('scenarios.bar.tab.compare')],
            ['charts', t('scenarios.bar.tab.charts')],
          ] as const
        ).map(([v, label]) => (
          <button
            key={v}
            role="tab"
            aria-selected={view === v}
            className={view === v ? 'tab active' : 'tab'}
            data-testid={`view-${v}`}
            onClick={() => onView(v)}
          >
            {label}
          </button>
        ))}
      </span>
      {selected && <span className="scenario-flag">{t('scenarios.bar.flag')}</span>}
    </div>
  );
}
