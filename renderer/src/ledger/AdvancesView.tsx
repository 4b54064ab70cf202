import { useMemo, useState, useCallback } from 'react';
import { addAdvanceAgreement, clearDenunciation, recordAdvanceMovement, removeAdvanceMovement, setDenunciation } from '../../../shared/edit';
import { advancesReport, obligationEnds, type AdvanceStatus } from '../../../shared/engine';
import { advancesExport } from '../../../shared/export/ledger-export';
import { advancesCsv } from '../../../shared/export/ledger-tables';
import { groupThousands as g } from '../../../shared/model/decimal';
import { today } from '../export/exports';
import { DateText, useDateReader } from '../DateField';
import type { LedgerProps } from './LedgerView';
import { useExportSource } from '../document/DocumentProvider';
import { ARTICLE } from '../articles';

// R20 host-state advances on the "as of" date: agreements, advances drawn and repaid, the outstanding balance,
// the denunciation and the date the obligation ends, and whether the host state is bound (its ex officio seat).

export function AdvancesView({ workbook, asOf, run, notify }: LedgerProps) {
  const dates = useDateReader();
  const report = useMemo(() => advancesReport(workbook, asOf), [workbook, asOf]);
  useExportSource(
    useCallback(() => {
    const table = advancesExport(report, { organization: workbook.organization.name, produced: today() });
    return { stem: table.name, table, csv: advancesCsv(report), landscape: true };
    }, [report, workbook]),
  );

  return (
    <div className="ledger-body">
      <section className="ledger-main scroll" data-testid="advances">
        {report.rows.length === 0 && <p className="muted">No advance agreement is recorded.</p>}
        {report.seats.map((s) => (
          <p key={s.hostState} className={`seat ${s.seat ? 'bound' : 'free'}`} data-testid={`seat-${s.hostState}`}>
            {s.name} ({s.hostState}) {s.seat ? `holds an ex officio seat on the Coordination Committee${s.boundUntil ? ` until ${dates.show(s.boundUntil)}` : ''}` : 'is no longer bound and holds no ex officio seat'} on {dates.show(asOf)}.
          </p>
        ))}
        {report.rows.map((r) => (
          <Agreement key={r.agreement} row={r} run={run} notify={notify} signedOn={workbook.advanceAgreements.find((a) => a.id === r.agreement)?.signedOn} />
        ))}
      </section>
      <NewAgreement workbook={workbook} run={run} notify={notify} />
    </div>
  );
}

function Agreement({ row: r, signedOn, run, notify }: { row: AdvanceStatus; signedOn?: string } & Pick<LedgerProps, 'run' | 'notify'>) {
  const [move, setMove] = useState({ date: '', kind: 'drawn' as 'drawn' | 'repaid', amount: '', reference: '' });
  const [den, setDen] = useState({ by: 'host-state' as 'host-state' | 'organization', notifiedOn: '', reference: '' });
  const [error, setError] = useState<{ where: string; message: string } | null>(null);
  const dates = useDateReader();
  const denOn = dates.parse(den.notifiedOn);
  /** A date typed, read in the user's format (R25), or the refusal shown where the form shows its own. */
  const dateOr = (where: string, text: string): string | null => {
    const d = dates.read(text, false);
    if (d.ok) return d.value;
    setError({ where, message: d.message });
    return null;
  };
  const outcome = (where: string, o: ReturnType<LedgerProps['run']>) => {
    setError(o.ok ? null : { where, message: o.problems[0].message });
    if (!o.ok) notify('error', o.problems[0].message);
    return o.ok;
  };
  return (
    <article className="agreement" data-testid={`agreement-${r.agreement}`}>
      <h3>
        {r.agreement}: {r.hostName} ({r.hostState}){' '}
        <span className={`badge ${r.bound ? 'ok' : 'novote'}`} data-testid="bound">
          {r.bound ? 'bound' : 'not bound'}
        </span>
      </h3>
      <p className="muted">
        Ceiling {g(r.ceiling)} {r.currency}
        {signedOn ? `, signed ${dates.show(signedOn)}` : ''}
        {r.conditions ? `. ${r.conditions}` : ''}
      </p>
      <dl className="figures wide">
        <dt>Drawn</dt>
        <dd>{g(r.drawn)}</dd>
        <dt>Repaid</dt>
        <dd>{g(r.repaid)}</dd>
        <dt>Outstanding</dt>
        <dd data-testid="outstanding">{g(r.outstanding)}</dd>
        <dt>Still available</dt>
        <dd>{g(r.available)}</dd>
      </dl>
      <p data-testid="denunciation">
        {r.endsOn
          ? `Denounced by the ${r.denouncedBy === 'host-state' ? 'host state' : 'Organization'} on ${dates.show(r.notifiedOn ?? '')}: the obligation ends on `
          : 'Not denounced on this date.'}
        {r.endsOn && <strong data-testid="ends-on">{dates.show(r.endsOn)}</strong>}
        {r.endsOn && (r.bound ? '; the host state is still bound.' : '; the host state is no longer bound.')}
      </p>
      <table className="plain">
        <thead>
          <tr>
            <th>Date</th>
            <th>Movement</th>
            <th className="n">Amount</th>
            <th>Reference</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {r.movements.map((m, i) => (
            <tr key={i}>
              <td>{dates.show(m.date)}</td>
              <td>{m.kind}</td>
              <td className="n">{g(m.amount)}</td>
              <td>{m.reference ?? ''}</td>
              <td>
                <button className="link" aria-label={`Remove movement ${i + 1}`} onClick={() => outcome('move', run((wb) => removeAdvanceMovement(wb, r.agreement, i)))}>
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="inline"
        aria-label="Record an advance drawn or repaid"
        onSubmit={(e) => {
          e.preventDefault();
          const date = dateOr('move', move.date);
          if (date !== null && outcome('move', run((wb) => recordAdvanceMovement(wb, { agreement: r.agreement, ...move, date })))) setMove({ ...move, amount: '', reference: '' });
        }}
      >
        <DateText ariaLabel="Date" optional={false} text={move.date} onText={(t) => setMove((m) => ({ ...m, date: t }))} />
        <select aria-label="Movement" value={move.kind} onChange={(e) => setMove({ ...move, kind: e.target.value as 'drawn' | 'repaid' })}>
          <option value="drawn">drawn</option>
          <option value="repaid">repaid</option>
        </select>
        <input aria-label="Amount" placeholder="Amount" size={12} value={move.amount} onChange={(e) => setMove({ ...move, amount: e.target.value })} />
        <input aria-label="Reference" placeholder="Reference" value={move.reference} onChange={(e) => setMove({ ...move, reference: e.target.value })} />
        <button type="submit">Record movement</button>
        {error?.where === 'move' && (
          <span className="cell-error" role="alert">
            {error.message}
          </span>
        )}
      </form>
      <form
        className="inline"
        aria-label="Denunciation"
        onSubmit={(e) => {
          e.preventDefault();
          const notifiedOn = dateOr('den', den.notifiedOn);
          if (notifiedOn !== null) outcome('den', run((wb) => setDenunciation(wb, { agreement: r.agreement, ...den, notifiedOn })));
        }}
      >
        <span title={ARTICLE.advances}>Denunciation:</span>
        <select aria-label="Notified by" data-testid="den-by" value={den.by} onChange={(e) => setDen({ ...den, by: e.target.value as 'host-state' | 'organization' })}>
          <option value="host-state">by the host state</option>
          <option value="organization">by the Organization</option>
        </select>
        <DateText ariaLabel="Notified on" testId="den-notified" optional={false} text={den.notifiedOn} onText={(t) => setDen((d) => ({ ...d, notifiedOn: t }))} />
        <input aria-label="Reference" placeholder="Reference" value={den.reference} onChange={(e) => setDen({ ...den, reference: e.target.value })} />
        {denOn.ok && <span className="muted">ends on {dates.show(obligationEnds(denOn.value))}</span>}
        <button type="submit" data-testid="den-record">
          Record denunciation
        </button>
        {r.notifiedOn && (
          <button type="button" onClick={() => outcome('den', run((wb) => clearDenunciation(wb, r.agreement)))}>
            Withdraw it
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

function NewAgreement({ workbook, run, notify }: Pick<LedgerProps, 'workbook' | 'run' | 'notify'>) {
  const [f, setF] = useState({ hostState: '', ceiling: '', currency: workbook.budgets[0]?.currency ?? 'CHF', conditions: '', signedOn: '' });
  const [error, setError] = useState<string | null>(null);
  const dates = useDateReader();
  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [k]: e.target.value });
  return (
    <aside className="ledger-side" aria-label="New advance agreement">
      <h3 title={ARTICLE.advances}>New agreement</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const signedOn = dates.read(f.signedOn);
          if (!signedOn.ok) return setError(`Signed on: ${signedOn.message}`);
          const o = run((wb) => addAdvanceAgreement(wb, { ...f, signedOn: signedOn.value }));
          setError(o.ok ? null : o.problems[0].message);
          if (!o.ok) notify('error', o.problems[0].message);
        }}
      >
        {(
          [
            ['hostState', 'Host state (member code)', 'text'],
            ['ceiling', 'Ceiling', 'text'],
            ['currency', 'Currency', 'text'],
            ['conditions', 'Conditions', 'text'],
            ['signedOn', 'Signed on', 'date'],
          ] as const
        ).map(([k, label, type]) => (
          <label className="field" key={k}>
            <span>{label}</span>
            {type === 'date' ? <DateText text={f[k]} onText={(t) => setF((x) => ({ ...x, [k]: t }))} /> : <input type={type} value={f[k]} onChange={set(k)} />}
          </label>
        ))}
        <button type="submit">Add agreement</button>
        {error && (
          <p className="cell-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </aside>
  );
}
