import type { ColDef } from 'ag-grid-community';
import { useEffect, useMemo, useState } from 'react';
import {
  editPayment,
  guessPaymentMapping,
  importPayments,
  pastePayments,
  PAYMENT_FIELDS,
  recordPayment,
  removePayment,
  type PaymentField,
  type PaymentInput,
  type PaymentMapping,
} from '../../../shared/edit';
import { memberStatement } from '../../../shared/engine';
import { paymentsExport } from '../../../shared/export/ledger-export';
import { groupThousands } from '../../../shared/model/decimal';
import type { Payment } from '../../../shared/model/types';
import { tableCsv, today } from '../export/exports';
import { readStatement, rememberedMapping, rememberMapping, type Statement } from './bankImport';
import { ArrearsOverTime } from './ArrearsOverTime';
import { LedgerGrid, type LedgerEdit } from './LedgerGrid';
import type { LedgerProps } from './LedgerView';

// R15 payments: entered, edited in the grid, pasted from a spreadsheet, imported from a bank statement; and the
// statement of the member selected: how each payment was credited, year by year.

/** Text fields keep their own paste (the grid's cell editor is one). */
const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(t.type)));

const EMPTY: Required<PaymentInput> = { member: '', date: '', amount: '', currency: '', budget: '', year: '', purpose: '', reference: '' };

const LABELS: Record<PaymentField, string> = { member: 'Member', date: 'Date', amount: 'Amount', currency: 'Currency', budget: 'Budget', year: 'Year', purpose: 'Purpose', reference: 'Reference' };

export function PaymentsView({ workbook, asOf, state, run, notify, exportRef }: LedgerProps) {
  const [draft, setDraft] = useState(EMPTY);
  const [draftError, setDraftError] = useState<{ path: string; message: string } | null>(null);
  const [cellError, setCellError] = useState<{ rowId: string; colId: string; message: string } | null>(null);
  const [selected, setSelected] = useState<Payment | null>(null);
  const [statementFile, setStatementFile] = useState<Statement | null>(null);
  const member = selected?.member ?? (workbook.members.some((m) => m.code === draft.member.trim().toUpperCase()) ? draft.member.trim().toUpperCase() : null);

  useEffect(() => {
    exportRef.current = () => {
      const table = paymentsExport(workbook.payments, { organization: workbook.organization.name, produced: today() });
      return { stem: table.name, table, csv: tableCsv(table), landscape: true };
    };
    return () => {
      exportRef.current = null;
    };
  }, [exportRef, workbook]);

  // Rows copied from a spreadsheet: one undoable step (the app's own paste is for the contributions view).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      const o = run((wb) => pastePayments(wb, text));
      if (!o.ok) notify('error', 'Nothing was pasted:', o.problems);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [run, notify]);

  const columns = useMemo<ColDef<Payment>[]>(() => {
    const editable = true;
    return [
      { field: 'id', headerName: 'Id', width: 100 },
      { field: 'member', headerName: 'Member', width: 100, editable, filter: true },
      { field: 'date', headerName: 'Date', width: 115, editable },
      { field: 'amount', headerName: 'Amount', width: 150, editable, type: 'rightAligned', valueFormatter: (p) => (p.value ? groupThousands(p.value) : '') },
      { field: 'currency', headerName: 'Currency', width: 95, editable },
      { field: 'budget', headerName: 'Budget', width: 110, editable },
      { field: 'year', headerName: 'Year', width: 80, editable },
      { field: 'purpose', headerName: 'Purpose', width: 120, editable, cellEditor: 'agSelectCellEditor', cellEditorParams: { values: ['', 'contribution', 'wcf'] } },
      { field: 'reference', headerName: 'Reference', flex: 1, minWidth: 160, editable },
    ];
  }, []);

  const onEdit = (e: LedgerEdit) => {
    const p = workbook.payments.find((x) => x.id === e.rowId);
    if (!p || !(PAYMENT_FIELDS as readonly string[]).includes(e.colId)) return;
    const field = e.colId as PaymentField;
    if (String(p[field] ?? '') === e.value) return;
    const o = run((wb) => editPayment(wb, e.rowId, field, e.value));
    setCellError(o.ok ? null : { rowId: e.rowId, colId: o.problems[0].path || e.colId, message: o.problems.map((x) => x.message).join('; ') });
  };

  const record = () => {
    const o = run((wb) => recordPayment(wb, draft));
    if (o.ok) {
      // The member and date stay for the next line of the same statement.
      setDraft({ ...EMPTY, member: draft.member, date: draft.date });
      setDraftError(null);
      document.querySelector<HTMLInputElement>('[data-testid="pay-member"]')?.focus();
    } else setDraftError(o.problems[0]);
  };

  const statement = useMemo(() => {
    if (!member) return null;
    try {
      return memberStatement(state.book(workbook).ledger, member, asOf);
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [state, workbook, member, asOf]);

  return (
    <div className="ledger-body">
      <section className="ledger-main">
        <form
          className="payment-entry"
          aria-label="New payment"
          onSubmit={(e) => {
            e.preventDefault();
            record();
          }}
        >
          {PAYMENT_FIELDS.map((f) => (
            <label key={f} className={`field pay-${f}`}>
              <span>{LABELS[f]}</span>
              {f === 'budget' || f === 'purpose' ? (
                <select data-testid={`pay-${f}`} value={draft[f]} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}>
                  <option value="">{f === 'budget' ? 'any (R15 order)' : 'R15 order'}</option>
                  {f === 'budget'
                    ? workbook.budgets.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))
                    : ['contribution', 'wcf'].map((x) => <option key={x}>{x}</option>)}
                </select>
              ) : (
                <input
                  data-testid={`pay-${f}`}
                  type={f === 'date' ? 'date' : 'text'}
                  value={draft[f]}
                  placeholder={f === 'currency' ? 'auto' : f === 'year' ? 'any' : ''}
                  aria-invalid={draftError?.path === f}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                />
              )}
            </label>
          ))}
          <button type="submit" data-testid="pay-record">
            Record
          </button>
          {draftError && (
            <span className="cell-error" role="alert" data-testid="pay-error">
              {LABELS[draftError.path as PaymentField] ?? ''}: {draftError.message}
            </span>
          )}
        </form>
        <div className="ledger-tools">
          <label className="button">
            Import bank statement (CSV, XLSX)…
            <input
              type="file"
              accept=".csv,.txt,.tsv,.xlsx,text/csv"
              hidden
              data-testid="import-statement"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file)
                  void readStatement(file).then(
                    (s) => (s.rows.length ? setStatementFile(s) : notify('error', `${file.name} holds no rows`)),
                    (err: Error) => notify('error', `${file.name} could not be read: ${err.message}`),
                  );
              }}
            />
          </label>
          <button disabled={!selected} onClick={() => selected && run((wb) => removePayment(wb, selected.id))}>
            Remove {selected?.id ?? 'payment'}
          </button>
          <span className="muted">
            <span data-testid="payments-count">{workbook.payments.length} payments</span> · paste rows copied from a spreadsheet (member, date, amount, currency, budget, year, purpose, reference)
          </span>
        </div>
        {statementFile && (
          <MappingForm
            statement={statementFile}
            onCancel={() => setStatementFile(null)}
            onImport={(mapping, header) => {
              const o = run((wb) => importPayments(wb, { rows: statementFile.rows, mapping, firstRow: header ? 1 : 0, verb: `Import ${statementFile.name}` }));
              if (!o.ok) return notify('error', `Nothing was imported from ${statementFile.name}:`, o.problems);
              rememberMapping(statementFile.rows[0], mapping, header);
              setStatementFile(null);
            }}
          />
        )}
        <LedgerGrid<Payment>
          testId="payments-grid"
          rows={workbook.payments}
          rowId={(p) => p.id}
          columns={columns}
          onEdit={onEdit}
          onFocusRow={setSelected}
          error={cellError}
          onCloseError={() => setCellError(null)}
        />
      </section>
      <aside className="ledger-side statement" aria-label="Member statement" data-testid="statement">
        <h3>Statement{member ? ` of ${workbook.members.find((m) => m.code === member)?.name ?? member} (${member})` : ''} on {asOf}</h3>
        {!statement && <p className="muted">Select a payment (or type a member) to see how its payments were credited, year by year (R15).</p>}
        {member && <ArrearsOverTime workbook={workbook} state={state} member={member} budget={selected?.budget ?? null} />}
        {statement && 'error' in statement && <p className="notice error">{statement.error}</p>}
        {statement && 'lines' in statement && (
          <>
            <table className="statement-table">
              <thead>
                <tr>
                  <th>Budget</th>
                  <th>Item</th>
                  <th className="n">Assessed</th>
                  <th className="n">Credited</th>
                  <th className="n">Unpaid</th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((l) => (
                  <tr key={`${l.budget}|${l.kind}|${l.decision ?? ''}|${l.year}`} title={l.credits.map((c) => `${c.payment}: ${groupThousands(c.amount)} on ${c.date}`).join('\n')}>
                    <td>{l.budget}</td>
                    <td>
                      {l.kind === 'wcf' ? `WCF ${l.year}` : l.year}
                      {l.credits.length > 0 && <div className="credits">{l.credits.map((c) => `${c.payment} ${groupThousands(c.amount)}`).join(', ')}</div>}
                    </td>
                    <td className="n">{groupThousands(l.assessed)}</td>
                    <td className="n">{groupThousands(l.credited)}</td>
                    <td className={`n ${l.unpaid !== '0' && !/^0\.0+$/.test(l.unpaid) ? 'unpaid' : ''}`}>{groupThousands(l.unpaid)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">Paid but not yet credited: {groupThousands(statement.unapplied)}</p>
          </>
        )}
      </aside>
    </div>
  );
}

/** Which column holds what: chosen once per bank format (its header row) and remembered. */
function MappingForm({ statement, onImport, onCancel }: { statement: Statement; onImport(m: PaymentMapping, header: boolean): void; onCancel(): void }) {
  const first = statement.rows[0];
  const initial = useMemo(() => {
    const known = rememberedMapping(first);
    if (known) return { ...known, remembered: true };
    const guessed = guessPaymentMapping(first);
    return { mapping: guessed ?? { member: 0, date: 1, amount: 2 }, header: guessed !== undefined, remembered: false };
  }, [first]);
  const [mapping, setMapping] = useState<PaymentMapping>(initial.mapping);
  const [header, setHeader] = useState(initial.header);
  const width = Math.max(...statement.rows.slice(0, 20).map((r) => r.length));
  const colName = (i: number) => (header ? `${first[i] || `column ${i + 1}`}` : `column ${i + 1} (${first[i] ?? ''})`);
  return (
    <form
      className="mapping"
      data-testid="mapping"
      onSubmit={(e) => {
        e.preventDefault();
        onImport(mapping, header);
      }}
    >
      <strong>
        {statement.name}: {statement.rows.length - (header ? 1 : 0)} rows.
      </strong>{' '}
      {initial.remembered ? 'The columns chosen last time for this format:' : 'Choose the column of each field:'}
      {PAYMENT_FIELDS.map((f) => (
        <label key={f}>
          {LABELS[f]}{' '}
          <select
            data-testid={`map-${f}`}
            value={mapping[f] ?? ''}
            onChange={(e) => setMapping({ ...mapping, [f]: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">{f === 'member' || f === 'date' || f === 'amount' ? '(choose)' : '(none)'}</option>
            {Array.from({ length: width }, (_, i) => (
              <option key={i} value={i}>
                {colName(i)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} /> first row is a header
      </label>
      <button type="submit" data-testid="map-import">
        Import
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
