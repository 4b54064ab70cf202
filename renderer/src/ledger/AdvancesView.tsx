import { useMemo, useState, useCallback, type ReactNode } from 'react';
import {
  addAdvanceAgreement,
  clearDenunciation,
  editAdvanceAgreement,
  recordAdvanceMovement,
  removeAdvanceAgreement,
  removeAdvanceMovement,
  setDenunciation,
} from '../../../shared/edit';
import type { AdvanceAgreement } from '../../../shared/model/types';
import { advancesReport, obligationEnds, type AdvanceStatus } from '../../../shared/engine';
import { advancesExport } from '../../../shared/export/ledger-export';
import { advancesCsv } from '../../../shared/export/ledger-tables';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import type { LedgerProps } from './LedgerView';
import { useExportSource } from '../document/DocumentProvider';
import { useArticle } from '../articles';
import { useAmount, useSay, useT } from '../i18n';
import { bdi, useRich } from './rich';
import { useAmountReader } from './money';
import { useLocale } from '../locale';

// R20 host-state advances on the "as of" date: agreements, advances drawn and repaid, the outstanding balance,
// the denunciation and the date the obligation ends, and whether the host state is bound (its ex officio seat).

export function AdvancesView({ workbook, asOf, run, notify }: LedgerProps) {
  const dates = useDateReader();
  const t = useT();
  const rich = useRich();
  const locale = useLocale();
  const report = useMemo(() => advancesReport(workbook, asOf), [workbook, asOf]);
  useExportSource(
    useCallback(() => {
      // The title block and headers in the user's language, amounts in their number format (issue 11).
      const table = advancesExport(report, {
        organization: workbook.organization.name,
        produced: today(),
        locale: locale.id,
        number: locale.number,
      });
      return { stem: table.name, table, csv: advancesCsv(report), landscape: true };
    }, [report, workbook, locale]),
  );

  return (
    <div className="ledger-body">
      <section className="ledger-main scroll" data-testid="advances">
        {report.rows.length === 0 && <p className="muted">{t('ledger.advances.none')}</p>}
        {report.seats.map((s) => (
          <p key={s.hostState} className={`seat ${s.seat ? 'bound' : 'free'}`} data-testid={`seat-${s.hostState}`}>
            {rich(
              s.seat ? (s.boundUntil ? 'ledger.advances.seatUntil' : 'ledger.advances.seat') : 'ledger.advances.noSeat',
              {
                name: s.name,
                code: s.hostState,
                until: dates.show(s.boundUntil),
                date: dates.show(asOf),
                bdi,
              },
            )}
          </p>
        ))}
        {report.rows.map((r) => {
          const agreement = workbook.advanceAgreements.find((a) => a.id === r.agreement);
          return (
            <Agreement
              key={r.agreement}
              row={r}
              run={run}
              notify={notify}
              agreement={agreement}
              signedOn={agreement?.signedOn}
            />
          );
        })}
      </section>
      <NewAgreement workbook={workbook} run={run} notify={notify} />
    </div>
  );
}

function Agreement({
  row: r,
  signedOn,
  agreement,
  run,
  notify,
}: { row: AdvanceStatus; signedOn?: string; agreement?: AdvanceAgreement } & Pick<LedgerProps, 'run' | 'notify'>) {
  const [move, setMove] = useState({ date: '', kind: 'drawn' as 'drawn' | 'repaid', amount: '', reference: '' });
  const [den, setDen] = useState({ by: 'host-state' as 'host-state' | 'organization', notifiedOn: '', reference: '' });
  const [error, setError] = useState<{ where: string; message: string; which?: string[] } | null>(null);
  const [editing, setEditing] = useState(false);
  const dates = useDateReader();
  const t = useT();
  const say = useSay();
  const rich = useRich();
  const g = useAmount();
  const article = useArticle();
  const readAmount = useAmountReader();
  const denOn = dates.parse(den.notifiedOn);
  /** A date typed, read in the user's format (R25), or the refusal shown where the form shows its own. */
  const dateOr = (where: string, text: string): string | null => {
    const d = dates.read(text, false);
    if (d.ok) return d.value;
    setError({ where, message: d.message });
    return null;
  };
  const outcome = (where: string, o: ReturnType<LedgerProps['run']>) => {
    if (o.ok) {
      setError(null);
      return true;
    }
    // The first problem says what was refused; the others (a removal refused) name the advances that refer to it.
    const [first, ...rest] = o.problems.map((p) => (p.msg ? say(p.msg) : p.message));
    setError({ where, message: first, which: rest });
    notify('error', first);
    return false;
  };
  const alert = (where: string) =>
    error?.where === where && (
      <span className="cell-error" role="alert">
        {error.message}
        {error.which && error.which.length > 0 && (
          <ul data-testid="referred-by">
            {error.which.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        )}
      </span>
    );
  return (
    <article className="agreement" data-testid={`agreement-${r.agreement}`}>
      <h3>
        {rich('ledger.advances.heading', { agreement: r.agreement, name: r.hostName, code: r.hostState, bdi })}{' '}
        <span className={`badge ${r.bound ? 'ok' : 'novote'}`} data-testid="bound">
          {r.bound ? t('ledger.advances.bound') : t('ledger.advances.notBound')}
        </span>{' '}
        <button type="button" className="link" data-testid="agreement-edit" onClick={() => setEditing(!editing)}>
          {t('ledger.advances.correct')}
        </button>{' '}
        <button
          type="button"
          className="link"
          data-testid="agreement-remove"
          onClick={() =>
            outcome(
              'agreement',
              run((wb) => removeAdvanceAgreement(wb, r.agreement)),
            )
          }
        >
          {t('ledger.advances.remove')}
        </button>
      </h3>
      {alert('agreement')}
      {editing && agreement && (
        <EditAgreement
          agreement={agreement}
          onDone={(o) => {
            if (outcome('agreement', o)) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
          onError={(message) => setError({ where: 'agreement', message })}
          run={run}
        />
      )}
      <p className="muted">
        {t('ledger.advances.ceilingIs', { amount: g(r.ceiling), currency: r.currency })}
        {signedOn ? t('ledger.advances.signed', { date: dates.show(signedOn) }) : ''}
        {r.conditions ? t('ledger.advances.conditionsAfter', { conditions: r.conditions }) : ''}
      </p>
      <dl className="figures wide">
        <dt>{t('ledger.advances.drawn')}</dt>
        <dd>{g(r.drawn)}</dd>
        <dt>{t('ledger.advances.repaid')}</dt>
        <dd>{g(r.repaid)}</dd>
        <dt>{t('ledger.advances.outstanding')}</dt>
        <dd data-testid="outstanding">{g(r.outstanding)}</dd>
        <dt>{t('ledger.advances.available')}</dt>
        <dd>{g(r.available)}</dd>
      </dl>
      <p data-testid="denunciation">
        {r.endsOn
          ? rich('ledger.advances.denounced', {
              by: r.denouncedBy === 'host-state' ? 'host' : 'organization',
              notified: dates.show(r.notifiedOn ?? ''),
              ends: dates.show(r.endsOn),
              bound: r.bound ? 'yes' : 'no',
              endsTag: (c: ReactNode[]) => <strong data-testid="ends-on">{c}</strong>,
            })
          : t('ledger.advances.notDenounced')}
      </p>
      <table className="plain">
        <thead>
          <tr>
            <th>{t('ledger.col.date')}</th>
            <th>{t('ledger.advances.movement')}</th>
            <th className="n">{t('ledger.col.amount')}</th>
            <th>{t('ledger.col.reference')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {r.movements.map((m, i) => (
            <tr key={i}>
              <td className="date">{dates.show(m.date)}</td>
              <td>
                {m.kind === 'drawn'
                  ? t('ledger.advances.kindDrawn')
                  : m.kind === 'repaid'
                    ? t('ledger.advances.kindRepaid')
                    : m.kind}
              </td>
              <td className="n">{g(m.amount)}</td>
              <td>{m.reference ?? ''}</td>
              <td>
                <button
                  className="link"
                  aria-label={t('ledger.advances.removeMovement', { n: String(i + 1) })}
                  onClick={() =>
                    outcome(
                      'move',
                      run((wb) => removeAdvanceMovement(wb, r.agreement, i)),
                    )
                  }
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline"
        aria-label={t('ledger.advances.recordLabel')}
        onSubmit={(e) => {
          e.preventDefault();
          const date = dateOr('move', move.date);
          const amount = readAmount(move.amount);
          if (!amount.ok) return setError({ where: 'move', message: amount.message });
          if (
            date !== null &&
            outcome(
              'move',
              run((wb) => recordAdvanceMovement(wb, { agreement: r.agreement, ...move, date, amount: amount.value })),
            )
          )
            setMove({ ...move, amount: '', reference: '' });
        }}
      >
        <DateText
          ariaLabel={t('ledger.col.date')}
          optional={false}
          text={move.date}
          onText={(t) => setMove((m) => ({ ...m, date: t }))}
        />
        <select
          aria-label={t('ledger.advances.movement')}
          value={move.kind}
          onChange={(e) => setMove({ ...move, kind: e.target.value as 'drawn' | 'repaid' })}
        >
          <option value="drawn">{t('ledger.advances.kindDrawn')}</option>
          <option value="repaid">{t('ledger.advances.kindRepaid')}</option>
        </select>
        <input
          aria-label={t('ledger.col.amount')}
          placeholder={t('ledger.col.amount')}
          size={12}
          value={move.amount}
          onChange={(e) => setMove({ ...move, amount: e.target.value })}
        />
        <input
          aria-label={t('ledger.col.reference')}
          placeholder={t('ledger.col.reference')}
          value={move.reference}
          onChange={(e) => setMove({ ...move, reference: e.target.value })}
        />
        <button type="submit">{t('ledger.advances.recordMovement')}</button>
        {error?.where === 'move' && (
          <span className="cell-error" role="alert">
            {error.message}
          </span>
        )}
      </form>
      <form
        className="inline"
        aria-label={t('ledger.advances.denunciation')}
        onSubmit={(e) => {
          e.preventDefault();
          const notifiedOn = dateOr('den', den.notifiedOn);
          if (notifiedOn !== null)
            outcome(
              'den',
              run((wb) => setDenunciation(wb, { agreement: r.agreement, ...den, notifiedOn })),
            );
        }}
      >
        <span title={article.advances}>{t('ledger.advances.denunciationColon')}</span>
        <select
          aria-label={t('ledger.advances.notifiedBy')}
          data-testid="den-by"
          value={den.by}
          onChange={(e) => setDen({ ...den, by: e.target.value as 'host-state' | 'organization' })}
        >
          <option value="host-state">{t('ledger.advances.byHost')}</option>
          <option value="organization">{t('ledger.advances.byOrganization')}</option>
        </select>
        <DateText
          ariaLabel={t('ledger.advances.notifiedOn')}
          testId="den-notified"
          optional={false}
          text={den.notifiedOn}
          onText={(t) => setDen((d) => ({ ...d, notifiedOn: t }))}
        />
        <input
          aria-label={t('ledger.col.reference')}
          placeholder={t('ledger.col.reference')}
          value={den.reference}
          onChange={(e) => setDen({ ...den, reference: e.target.value })}
        />
        {denOn.ok && (
          <span className="muted">
            {t('ledger.advances.endsOn', { date: dates.show(obligationEnds(denOn.value)) })}
          </span>
        )}
        <button type="submit" data-testid="den-record">
          {t('ledger.advances.recordDenunciation')}
        </button>
        {r.notifiedOn && (
          <button
            type="button"
            onClick={() =>
              outcome(
                'den',
                run((wb) => clearDenunciation(wb, r.agreement)),
              )
            }
          >
            {t('ledger.advances.withdraw')}
          </button>
        )}
        {error?.where === 'den' && (
          <span className="cell-error" role="alert">
            {error.message}
          </span>
        )}
      </form>
    </article>
  );
}

/** R20 the terms of a recorded agreement, corrected in place (one undoable step; the command checks the advances). */
function EditAgreement({
  agreement: a,
  run,
  onDone,
  onCancel,
  onError,
}: {
  agreement: AdvanceAgreement;
  run: LedgerProps['run'];
  onDone: (o: ReturnType<LedgerProps['run']>) => void;
  onCancel: () => void;
  onError: (message: string) => void;
}) {
  const dates = useDateReader();
  const g = useAmount();
  const t = useT();
  const readAmount = useAmountReader();
  const [f, setF] = useState({
    hostState: a.hostState,
    ceiling: g(a.ceiling),
    currency: a.currency,
    conditions: a.conditions ?? '',
    signedOn: dates.show(a.signedOn),
  });
  return (
    <form
      className="inline"
      aria-label={t('ledger.advances.correctLabel', { agreement: a.id })}
      data-testid="agreement-form"
      onSubmit={(e) => {
        e.preventDefault();
        const signedOn = dates.read(f.signedOn);
        if (!signedOn.ok)
          return onError(t('ledger.fieldError', { field: t('ledger.advances.signedOn'), message: signedOn.message }));
        const ceiling = readAmount(f.ceiling);
        if (!ceiling.ok)
          return onError(t('ledger.fieldError', { field: t('ledger.advances.ceiling'), message: ceiling.message }));
        onDone(run((wb) => editAdvanceAgreement(wb, a.id, { ...f, ceiling: ceiling.value, signedOn: signedOn.value })));
      }}
    >
      {(
        [
          ['hostState', 'ledger.advances.hostState'],
          ['ceiling', 'ledger.advances.ceiling'],
          ['currency', 'ledger.col.currency'],
          ['conditions', 'ledger.advances.conditions'],
        ] as const
      ).map(([k, label]) => (
        <input
          key={k}
          aria-label={t(label)}
          placeholder={t(label)}
          size={k === 'currency' ? 4 : k === 'conditions' ? 24 : 12}
          value={f[k]}
          onChange={(e) => setF({ ...f, [k]: e.target.value })}
        />
      ))}
      <DateText
        ariaLabel={t('ledger.advances.signedOn')}
        text={f.signedOn}
        onText={(text) => setF((x) => ({ ...x, signedOn: text }))}
      />
      <button type="submit" data-testid="agreement-save">
        {t('ledger.advances.save')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('ledger.advances.cancel')}
      </button>
    </form>
  );
}

function NewAgreement({ workbook, run, notify }: Pick<LedgerProps, 'workbook' | 'run' | 'notify'>) {
  const [f, setF] = useState({
    hostState: '',
    ceiling: '',
    currency: workbook.budgets[0]?.currency ?? 'CHF',
    conditions: '',
    signedOn: '',
  });
  const [error, setError] = useState<string | null>(null);
  const dates = useDateReader();
  const t = useT();
  const say = useSay();
  const article = useArticle();
  const readAmount = useAmountReader();
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [k]: e.target.value });
  return (
    <aside className="ledger-side" aria-label={t('ledger.advances.newLabel')}>
      <h3 title={article.advances}>{t('ledger.advances.new')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const signedOn = dates.read(f.signedOn);
          if (!signedOn.ok)
            return setError(
              t('ledger.fieldError', { field: t('ledger.advances.signedOn'), message: signedOn.message }),
            );
          const ceiling = readAmount(f.ceiling);
          if (!ceiling.ok)
            return setError(t('ledger.fieldError', { field: t('ledger.advances.ceiling'), message: ceiling.message }));
          const o = run((wb) => addAdvanceAgreement(wb, { ...f, ceiling: ceiling.value, signedOn: signedOn.value }));
          setError(o.ok ? null : o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
          if (!o.ok) notify('error', o.problems[0].msg ? say(o.problems[0].msg) : o.problems[0].message);
        }}
      >
        {(
          [
            ['hostState', 'ledger.advances.hostState', 'text'],
            ['ceiling', 'ledger.advances.ceiling', 'text'],
            ['currency', 'ledger.col.currency', 'text'],
            ['conditions', 'ledger.advances.conditions', 'text'],
            ['signedOn', 'ledger.advances.signedOn', 'date'],
          ] as const
        ).map(([k, label, type]) => (
          <label className="field" key={k}>
            <span>{t(label)}</span>
            {type === 'date' ? (
              <DateText text={f[k]} onText={(t) => setF((x) => ({ ...x, [k]: t }))} />
            ) : (
              <input type={type} value={f[k]} onChange={set(k)} />
            )}
          </label>
        ))}
        <button type="submit">{t('ledger.advances.add')}</button>
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </aside>
  );
}
