import { useMemo, useState } from 'react';
import { classSource, Holdings } from '../../shared/engine';
import { addClassChange, removeClassChange, setSessionDate, refusal, type Outcome } from '../../shared/edit';
import type { Budget, Workbook } from '../../shared/model/types';
import { DateField, DateText, useDateReader } from './DateField';
import { useArticle } from './articles';
import { useDocument } from './document/DocumentProvider';
import { Bidi, useClassLabel, useSay, useT } from './i18n';
import { useArrow, useRich } from './rich';
import { unionArticle } from './workspace';

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
  const t = useT();
  const article = useArticle();
  const classText = useClassLabel(budget.schemeId);
  const say = useSay();
  const rich = useRich();
  const arrow = useArrow();
  const changes = useMemo(() => {
    const holdings = new Holdings(workbook);
    return workbook.classChanges
      .filter((c) => c.budget === budget.id)
      .map((c) => {
        let effect: string;
        try {
          const e = holdings.timeline(budget, c.member).effects.get(c.id);
          effect = !e
            ? ''
            : e.status === 'pending'
              ? t('members.classChanges.pending')
              : t('members.classChanges.effect', { direction: e.direction, year: String(e.effectiveYear) });
        } catch (err) {
          effect = (err as Error).message;
        }
        return { change: c, effect };
      });
  }, [workbook, budget, t]);
  if (!classes) return null;
  const fail = (o: Outcome) => setError(refusal(o, say));
  // R11 a special union files no notice of its own: the class comes from the union it is linked to.
  const source = classSource(workbook, budget);

  return (
    <section className="class-changes" data-testid="class-changes">
      <h3 title={article.classChange}>{t('members.classChanges.title')}</h3>
      {changes.length === 0 && <p className="muted">{t('members.classChanges.none')}</p>}
      <ul>
        {changes.map(({ change: c, effect }) => (
          <li key={c.id}>
            <strong>
              <Bidi>{c.member}</Bidi>
            </strong>{' '}
            {arrow} <Bidi>{classText(c.toClass)}</Bidi>{' '}
            <span className="muted">{rich('members.classChanges.notifiedOn', { date: dates.show(c.notifiedOn) })}</span>
            <br />
            <DateField
              optional
              ariaLabel={t('members.classChanges.sessionOf', { id: c.id })}
              value={c.sessionDate}
              commit={(v) =>
                refusal(
                  run((wb) => setSessionDate(wb, c.id, v)),
                  say,
                )
              }
            />{' '}
            <span className="effect">{effect}</span>{' '}
            <button
              className="link"
              aria-label={t('members.classChanges.remove', { id: c.id })}
              onClick={() => fail(run((wb) => removeClassChange(wb, c.id)))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {source && (
        <p className="muted" role="note" data-testid="class-changes-linked">
          {rich('members.classChanges.linked', {
            budget: budget.name,
            source: source.name,
            article: unionArticle(t, budget),
          })}
        </p>
      )}
      {!source && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!member) return setError(t('members.classChanges.chooseMember'));
            const on = dates.read(notified, false);
            const at = dates.read(session);
            if (!on.ok) return setError(t('members.classChanges.notifiedError', { error: on.message }));
            if (!at.ok) return setError(t('members.classChanges.sessionError', { error: at.message }));
            fail(
              run((wb) =>
                addClassChange(wb, {
                  budget: budget.id,
                  member,
                  toClass: toClass || classes[0],
                  notifiedOn: on.value,
                  sessionDate: at.value || undefined,
                }),
              ),
            );
          }}
        >
          <span>
            {member ? <Bidi>{member}</Bidi> : t('members.classChanges.pick')} {arrow}
          </span>{' '}
          <select
            aria-label={t('members.classChanges.newClass')}
            value={toClass || classes[0]}
            onChange={(e) => setToClass(e.target.value)}
          >
            {classes.map((c) => (
              <option key={c} value={c}>
                {classText(c)}
              </option>
            ))}
          </select>
          <label>
            {t('members.classChanges.notified')}{' '}
            <DateText text={notified} onText={setNotified} optional={false} testId="notice-notified" />
          </label>
          <label>
            {t('members.classChanges.session')} <DateText text={session} onText={setSession} testId="notice-session" />
          </label>
          <button type="submit">{t('members.classChanges.record')}</button>
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
