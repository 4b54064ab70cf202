import { useState } from 'react';
import { addSchemeClass, removeSchemeClass, setClassUnits, refusal } from '../../shared/edit';
import type { Scheme } from '../../shared/model/types';
import { CommitField } from './BudgetPanel';
import { ARTICLE } from './articles';
import { useDocument } from './document/DocumentProvider';

/** R1 the budget's class scheme as editable data: units per class, classes added and removed (undoable). */
export function SchemeEditor({ scheme }: { scheme: Scheme }) {
  const { run } = useDocument();
  const [code, setCode] = useState('');
  const [units, setUnits] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (scheme.kind !== 'classes') return null;
  return (
    <details className="scheme-editor" data-testid="scheme-editor">
      <summary title={ARTICLE.classes}>Scheme: {scheme.name}</summary>
      {scheme.classes.map((c) => (
        <div className="scheme-row" key={c.code}>
          <CommitField label={`Class ${c.code}`} testId={`units-${c.code}`} value={c.units} commit={(text) => refusal(run((wb) => setClassUnits(wb, { scheme: scheme.id, code: c.code, units: text })))} />
          <button className="link" aria-label={`Remove class ${c.code}`} onClick={() => setError(refusal(run((wb) => removeSchemeClass(wb, { scheme: scheme.id, code: c.code }))))}>
            ×
          </button>
        </div>
      ))}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const m = refusal(run((wb) => addSchemeClass(wb, { scheme: scheme.id, code, units })));
          setError(m);
          if (!m) {
            setCode('');
            setUnits('');
          }
        }}
      >
        <input placeholder="Class" size={6} value={code} onChange={(e) => setCode(e.target.value)} />
        <input placeholder="Units" size={7} value={units} onChange={(e) => setUnits(e.target.value)} />
        <button type="submit">Add class</button>
      </form>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </details>
  );
}
