import { useState } from 'react';
import { addSchemeClass, removeSchemeClass, setClassUnits, refusal } from '../../shared/edit';
import type { Scheme } from '../../shared/model/types';
import { CommitField } from './BudgetPanel';
import { useArticle } from './articles';
import { useDocument } from './document/DocumentProvider';
import { useClassLabel, useSay, useT } from './i18n';
import { useRich } from './rich';

/** R1 the budget's class scheme as editable data: units per class, classes added and removed (undoable). */
export function SchemeEditor({ scheme }: { scheme: Scheme }) {
  const { run } = useDocument();
  const [code, setCode] = useState('');
  const [units, setUnits] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const article = useArticle();
  const say = useSay();
  const rich = useRich();
  const classText = useClassLabel(scheme.id);
  if (scheme.kind !== 'classes') return null;
  return (
    <details className="scheme-editor" data-testid="scheme-editor">
      <summary title={article.classes}>{rich('members.scheme.title', { name: scheme.name })}</summary>
      {scheme.classes.map((c) => (
        <div className="scheme-row" key={c.code}>
          <CommitField
            label={t('members.scheme.class', { code: classText(c.code) })}
            testId={`units-${c.code}`}
            value={c.units}
            commit={(text) =>
              refusal(
                run((wb) => setClassUnits(wb, { scheme: scheme.id, code: c.code, units: text })),
                say,
              )
            }
          />
          <button
            className="link"
            aria-label={t('members.scheme.remove', { code: c.code })}
            onClick={() =>
              setError(
                refusal(
                  run((wb) => removeSchemeClass(wb, { scheme: scheme.id, code: c.code })),
                  say,
                ),
              )
            }
          >
            ×
          </button>
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const m = refusal(
            run((wb) => addSchemeClass(wb, { scheme: scheme.id, code, units })),
            say,
          );
          setError(m);
          if (!m) {
            setCode('');
            setUnits('');
          }
        }}
      >
        <input
          placeholder={t('members.scheme.classPlaceholder')}
          size={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
        <input
          placeholder={t('members.scheme.units')}
          size={7}
          value={units}
          onChange={(e) => setUnits(e.target.value)}
        />
        <button type="submit">{t('members.scheme.add')}</button>
      </form>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </details>
  );
}
