import { useMemo, useState } from 'react';
import { classSource, Holdings, specialUnionArticle } from '../../shared/engine';
import { addClassChange, removeClassChange, setSessionDate, refusal, type Outcome } from '../../shared/edit';
import type { Budget, Workbook } from '../../shared/model/types';
import { DateField, DateText, useDateReader } from './DateField';
import { ARTICLE } from './articles';
import { useDocument } from './document/DocumentProvider';

interface Props {
  workbook: Workbook;
  budget: Budget;
  classes: string[] | null;
  member: string | null;
}

/** R13 notices of a change of class, with the year each takes effect as the engine reads it. */
export function ClassChanges({ workbook, budget, classes, member }: Props) {
  const { run } = useDocument();
  const [toClass, setToClass] = useState('');
  const [notified, setNotified] = useState('');
  const [session, setSession] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dates = useDateReader();
  const changes = useMemo(() => {
    const holdings = new Holdings(workbook);
    return workbook.classChanges
      .filter((c) => c.budget === budget.id)
      .map((c) => {
        let effect: string;
        try {
          const e = holdings.timeline(budget, c.member).effects.get(c.id);
          effect = !e ? '' : e.status === 'pending' ? 'pending: no session yet' : `${e.direction}, from 1 Jan ${e.effectiveYear}`;
        } catch (err) {
          effect = (err as Error).message;
        }
        return { change: c, effect };
      });
  }, [workbook, budget]);
  if (!classes) return null;
  const fail = (o: Outcome) => setError(refusal(o));
  // R11 a special union files no notice of its own: the class comes from the union it is linked to.
  const source = classSource(workbook, budget);

  return (
    <section className="class-changes" data-testid="class-changes">
      <h3 title={ARTICLE.classChange}>Class changes</h3>
      {changes.length === 0 && <p className="muted">None for this budget.</p>}
      <ul>
        {changes.map(({ change: c, effect }) => (
          <li key={c.id}>
            <strong>{c.member}</strong> → {c.toClass} <span className="muted">notified {dates.show(c.notifiedOn)}</span>
            <br />
            <DateField optional ariaLabel={`Session date of ${c.id}`} value={c.sessionDate} commit={(v) => refusal(run((wb) => setSessionDate(wb, c.id, v)))} />{' '}
            <span className="effect">{effect}</span>{' '}
            <button className="link" aria-label={`Remove ${c.id}`} onClick={() => fail(run((wb) => removeClassChange(wb, c.id)))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      {source && (
        <p className="muted" role="note" data-testid="class-changes-linked">
          {budget.name} takes its classes from {source.name}: a notice of a change of class is filed with {source.name}, and the new class flows into {budget.name} ({specialUnionArticle(budget)}).
        </p>
      )}
      {!source && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!member) return setError('choose a member in the grid first');
            const on = dates.read(notified, false);
            const at = dates.read(session);
            if (!on.ok) return setError(`Notified: ${on.message}`);
            if (!at.ok) return setError(`Session: ${at.message}`);
            fail(run((wb) => addClassChange(wb, { budget: budget.id, member, toClass: toClass || classes[0], notifiedOn: on.value, sessionDate: at.value || undefined })));
          }}
        >
          <span>{member ?? 'Pick a member'} →</span>{' '}
          <select aria-label="New class" value={toClass || classes[0]} onChange={(e) => setToClass(e.target.value)}>
            {classes.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
          <label>
            notified <DateText text={notified} onText={setNotified} optional={false} testId="notice-notified" />
          </label>
          <label>
            session <DateText text={session} onText={setSession} testId="notice-session" />
          </label>
          <button type="submit">Record notice</button>
        </form>
      )}
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </section>
  );
}
