import type { CellClassParams, ColDef, GridApi, ValueFormatterParams } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useMemo, useRef, useState, useCallback } from 'react';
import { budgetNames } from '../../../shared/model/budget-name';
import {
  editPayment,
  guessPaymentMapping,
  importPayments,
  type PaymentRowsArgs,
  pastePayments,
  PAYMENT_FIELDS,
  readDate,
  readPlainAmount,
  recordPayment,
  removePayment,
  type PaymentField,
  type PaymentInput,
  type PaymentMapping,
} from '../../../shared/edit';
import { memberStatement } from '../../../shared/engine';
import { paymentsExport } from '../../../shared/export/ledger-export';
import { compareAmounts } from '../../../shared/model/decimal';
import type { Payment } from '../../../shared/model/types';
import { tableCsv, today } from '../export/exports';
import { readStatement, rememberedMapping, rememberMapping, type Statement } from './bankImport';
import { previewPaymentsImport, statementImport, type Refusal } from '../../../shared/edit/import-preview';
import { PaymentsImportPreview } from '../import/ImportPreview';
import { ArrearsOverTime } from './ArrearsOverTime';
import { LedgerGrid, type LedgerEdit } from './LedgerGrid';
import type { LedgerProps } from './LedgerView';
import { useExportSource } from '../document/DocumentProvider';
import { ClassEditor } from '../grid/ClassEditor';
import { TextEditor } from '../grid/TextEditor';
import { rangeGridOf } from '../grid/range';
import { pastesPayments } from '../../../shared/edit/paste-block';
import { parseTsv } from '../../../shared/edit/tsv';
import { formatDate } from '../../../shared/edit/input';
import { DateText, useDatePattern, useDateReader } from '../DateField';
import { usePinStart } from '../layout/pin';
import { useLocale } from '../locale';
import { useAmount, useSay, useT, type T } from '../i18n';
import { bdi, useCount, useRich } from './rich';
import { useAmountReader } from './money';
import { useRecordedBy } from '../merge/recorded';

// R15 payments: entered (in the form, or in the blank row pinned at the top of the grid), edited in the grid, pasted
// from a spreadsheet, imported from a bank statement; and the statement of the member selected: how each payment
// was credited, year by year.
//
// The new row: each cell typed is checked at once (the message at the cell, as for an edit); Tab moves along the
// row (wrapping), Enter moves to the next field, or records the row once member, date and amount are in it: one
// undoable recordPayment. Escape (not editing) clears the row. The form stays: it offers budgets by name and a
// date picker, and keeps the member and date for the next line of a statement.

/** Text fields keep their own paste (the grid's cell editor is one). */
const isTextField = (t: EventTarget | null) =>
  t instanceof HTMLElement &&
  (t.isContentEditable ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement ||
    (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'file'].includes(t.type)));

const EMPTY: Required<PaymentInput> = {
  member: '',
  date: '',
  amount: '',
  currency: '',
  budget: '',
  year: '',
  purpose: '',
  reference: '',
};

/** A row of the payments grid: a recorded payment, or the new row (its fields as typed). */
type PaymentRow = Omit<Payment, 'year' | 'purpose'> & { year?: number | string; purpose?: string; isNew?: true };

const NEW_ROW_ID = 'new-payment';
const REQUIRED = ['member', 'date', 'amount'] as const;
// What an empty cell of the new row says (catalog ids; the date's hint is the pattern of the user's format).
const HINTS: Partial<Record<PaymentField | 'id', string>> = {
  id: 'ledger.payments.hint.new',
  member: 'ledger.payments.hint.member',
  amount: 'ledger.payments.hint.amount',
  currency: 'ledger.payments.hint.auto',
  budget: 'ledger.payments.hint.any',
  year: 'ledger.payments.hint.any',
  purpose: 'ledger.payments.hint.order',
};

const newRowOf = (d: Required<PaymentInput>): PaymentRow => ({ id: NEW_ROW_ID, ...d, isNew: true });
const isPaymentField = (f: string): f is PaymentField => (PAYMENT_FIELDS as readonly string[]).includes(f);
/** Empty cells of the new row show what to type, greyed. */
const hintOr = (t: T, p: ValueFormatterParams<PaymentRow>, shown: (v: string) => string) => {
  const v = p.value === undefined || p.value === null ? '' : String(p.value);
  const hint = HINTS[p.colDef.field as PaymentField];
  if (p.data?.isNew && v === '') return hint ? t(hint) : '';
  return v === '' ? '' : shown(v);
};
const hintClass = (p: CellClassParams<PaymentRow>) =>
  p.data?.isNew && (p.value ?? '') === '' ? 'new-row-hint' : undefined;

const LABELS: Record<PaymentField, string> = {
  member: 'ledger.col.member',
  date: 'ledger.col.date',
  amount: 'ledger.col.amount',
  currency: 'ledger.col.currency',
  budget: 'ledger.col.budget',
  year: 'ledger.col.year',
  purpose: 'ledger.col.purpose',
  reference: 'ledger.col.reference',
};
const PURPOSES: Record<string, string> = {
  contribution: 'ledger.payments.purpose.contribution',
  wcf: 'ledger.payments.purpose.wcf',
};

export function PaymentsView({ workbook, asOf, state, run, notify }: LedgerProps) {
  const [draft, setDraft] = useState(EMPTY);
  const [draftError, setDraftError] = useState<{ path: string; message: string } | null>(null);
  const [cellError, setCellError] = useState<{ rowId: string; colId: string; message: string } | null>(null);
  const [selected, setSelected] = useState<Payment | null>(null);
  const [statementFile, setStatementFile] = useState<Statement | null>(null);
  // R25 the statement's payments as they would be recorded, shown before anything changes.
  const [pending, setPending] = useState<{
    args: PaymentRowsArgs;
    leftOut: Refusal[];
    mapping: PaymentMapping;
    header: boolean;
  } | null>(null);
  const statementPreview = useMemo(
    () => (pending ? previewPaymentsImport(workbook, pending.args, pending.leftOut) : null),
    [pending, workbook],
  );
  const [rowDraft, setRowDraftState] = useState(EMPTY);
  const rowDraftRef = useRef(rowDraft);
  const setRowDraft = (d: Required<PaymentInput>) => {
    rowDraftRef.current = d;
    setRowDraftState(d);
  };
  const gridApi = useRef<GridApi<PaymentRow> | null>(null);
  const dates = useDateReader();
  const locale = useLocale();
  const dateFormat = locale.date;
  const t = useT();
  // The new row's date hint as the date fields write it (JJ/MM/AAAA in French, AAAA-MM-JJ for ISO).
  const pattern = useDatePattern();
  const say = useSay();
  const rich = useRich();
  const amount = useAmount();
  const count = useCount();
  const readAmount = useAmountReader();
  /** A purpose (the command's word: contribution, wcf) as the user reads it. */
  const purpose = useCallback((v: string) => (PURPOSES[v] ? t(PURPOSES[v]) : v), [t]);
  const newRow = useMemo(() => newRowOf(rowDraft), [rowDraft]);
  const isCode = (c: string) => workbook.members.some((m) => m.code === c);
  const member =
    selected?.member ??
    (isCode(rowDraft.member)
      ? rowDraft.member
      : isCode(draft.member.trim().toUpperCase())
        ? draft.member.trim().toUpperCase()
        : null);

  const nameOf = useMemo(() => budgetNames(workbook), [workbook]);
  useExportSource(
    useCallback(() => {
      // In the user's language and number format (issue 11); the CSV keeps the column keys either way.
      const table = paymentsExport(workbook.payments, {
        organization: workbook.organization.name,
        produced: today(),
        budgetName: nameOf,
        locale: locale.id,
        number: locale.number,
      });
      return { stem: table.name, table, csv: tableCsv(table), landscape: true };
    }, [workbook, nameOf, locale]),
  );

  // Rows copied from a spreadsheet or a bank file: one undoable step. A narrower block pasted on selected cells of
  // the grid changes those cells instead (useClipboard; pastesPayments decides by the block's and the range's shape).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target)) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      const g = rangeGridOf(e.target);
      const r = g?.container.dataset.testid === 'payments-grid' ? g.rect() : null;
      if (r && !pastesPayments(parseTsv(text), r.cols[0])) return;
      e.preventDefault();
      const o = run((wb) => pastePayments(wb, text));
      if (!o.ok) notify('error', t('ledger.payments.nothingPasted'), o.problems);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [run, notify, t]);

  const start = usePinStart();
  const recorded = useRecordedBy(workbook, 'payments');
  const columns = useMemo<ColDef<PaymentRow>[]>(() => {
    const editable = true;
    const plain = (v: string) => v;
    // Every field is text as typed (the command reads it): a date as 2026-06-01 or 01.06.2026, not a locale's picker.
    const base = {
      cellDataType: 'text',
      cellClass: hintClass,
      valueFormatter: (p: ValueFormatterParams<PaymentRow>) => hintOr(t, p, plain),
    };
    return [
      {
        field: 'id',
        headerName: t('ledger.col.id'),
        width: 100,
        // Issue 14: the payment and its member stay in view at the line's start.
        pinned: start,
        cellClass: (p) => (p.data?.isNew ? 'new-row-hint' : undefined),
        valueFormatter: (p) => (p.data?.isNew ? t('ledger.payments.hint.new') : String(p.value ?? '')),
      },
      {
        ...base,
        field: 'member',
        headerName: t('ledger.col.member'),
        width: 100,
        pinned: start,
        editable,
        filter: true,
      },
      // R25 shown and typed in the user's format (the editor opens on the date as shown); recorded in ISO.
      {
        ...base,
        field: 'date',
        headerName: t('ledger.col.date'),
        width: 125,
        editable,
        valueFormatter: (p) => (p.data?.isNew && !p.value ? pattern : formatDate(String(p.value ?? ''), dateFormat)),
        cellEditorParams: { show: (v: unknown) => (v ? formatDate(String(v), dateFormat) : '') },
      },
      {
        ...base,
        field: 'amount',
        headerName: t('ledger.col.amount'),
        width: 150,
        editable,
        type: 'rightAligned',
        valueFormatter: (p) => hintOr(t, p, amount),
        comparator: compareAmounts,
      },
      { ...base, field: 'currency', headerName: t('ledger.col.currency'), width: 95, editable },
      // Issue 14 the budget by its name (the cell keeps the id, and a name typed is read as the budget).
      {
        ...base,
        field: 'budget',
        headerName: t('ledger.col.budget'),
        width: 130,
        editable,
        valueFormatter: (p) => hintOr(t, p, nameOf),
      },
      { ...base, field: 'year', headerName: t('ledger.col.year'), width: 80, editable },
      {
        ...base,
        field: 'purpose',
        headerName: t('ledger.col.purpose'),
        width: 120,
        editable,
        valueFormatter: (p) => hintOr(t, p, purpose),
        // A recorded payment's purpose: type-ahead over the list (w Enter gives wcf), shown in the popup layer; in the
        // new row it is typed like the rest (contribution, wcf).
        cellEditorSelector: (p) =>
          p.data?.isNew
            ? { component: TextEditor }
            : {
                component: ClassEditor,
                popup: true,
                popupPosition: 'over',
                params: {
                  values: ['', 'contribution', 'wcf'],
                  label: (v: string) => purpose(v ?? ''),
                  none: (text: string) => t('ledger.payments.noPurposeStarts', { text }),
                },
              },
      },
      { ...base, field: 'reference', headerName: t('ledger.col.reference'), flex: 1, minWidth: 160, editable },
      // Issue 16: who recorded the payment, from the workbook's journal (shown only when it keeps one).
      ...(recorded
        ? [
            {
              colId: 'recordedBy',
              headerName: t('merge.recorded.column'),
              width: 130,
              valueGetter: (p: { data?: PaymentRow }) => (p.data?.isNew ? '' : (recorded(p.data?.id ?? '')?.who ?? '')),
              tooltipValueGetter: (p: { data?: PaymentRow }) =>
                p.data?.isNew ? null : recorded(p.data?.id ?? '')?.tip,
            },
          ]
        : []),
    ];
  }, [start, dateFormat, t, amount, purpose, pattern, nameOf, recorded]);

  const focusNewRow = (field: PaymentField) => {
    const api = gridApi.current;
    if (api && !api.isDestroyed()) api.setFocusedCell(0, field, 'top');
  };
  /** The payment just recorded from the new row, scrolled to once the grid has it (its rows are handed over first). */
  const reveal = useRef<string | null>(null);
  useLayoutEffect(() => {
    const api = gridApi.current;
    const node = reveal.current && api && !api.isDestroyed() ? api.getRowNode(reveal.current) : undefined;
    reveal.current = null;
    if (node) api!.ensureNodeVisible(node);
  }, [workbook.payments]);
  /** The last cell typed in the new row was refused (Enter then stays on it). */
  const refusedRef = useRef(false);

  /** Records the new row: one undoable step; a refusal is shown at the cell it concerns. */
  const recordNewRow = (d: Required<PaymentInput>) => {
    const o = run((wb) => recordPayment(wb, d));
    if (o.ok) {
      // The row recorded is shown where it was added (the end of the list); the new row is blank for the next one.
      setRowDraft(EMPTY);
      setCellError(null);
      reveal.current = o.workbook.payments.at(-1)?.id ?? null;
      focusNewRow('member');
      return;
    }
    const at = o.problems.find((p) => isPaymentField(p.path))?.path ?? 'member';
    setCellError({
      rowId: NEW_ROW_ID,
      colId: at,
      message: o.problems.map((x) => (x.msg ? say(x.msg) : x.message)).join('; '),
    });
    focusNewRow(at as PaymentField);
  };

  /** A cell of the new row typed: checked at once (as recordPayment reads it), kept in the row, or refused at the cell. */
  const editNewRow = (e: LedgerEdit) => {
    if (!isPaymentField(e.colId)) return;
    const field = e.colId;
    let value = e.value.trim();
    refusedRef.current = false;
    if (field === 'date' && value !== '') {
      // R25 read in the user's format first: the command alone would read 03/04/2026 day first.
      const d = dates.parse(value);
      if (!d.ok) {
        refusedRef.current = true;
        setCellError({ rowId: NEW_ROW_ID, colId: field, message: d.message });
        return;
      }
      value = d.value;
    }
    if (field === 'amount') {
      // R25 read in the user's number format (1 234,50 in French); what reads two ways is refused at the cell.
      const a = readAmount(value);
      if (!a.ok) {
        refusedRef.current = true;
        setCellError({ rowId: NEW_ROW_ID, colId: field, message: a.message });
        return;
      }
      value = a.value;
    }
    const next = { ...rowDraftRef.current, [field]: value };
    if (value !== '') {
      const o = recordPayment(workbook, next);
      const refused = o.ok ? undefined : o.problems.find((p) => p.path === field);
      if (refused) {
        refusedRef.current = true;
        setCellError({ rowId: NEW_ROW_ID, colId: field, message: refused.message });
        return;
      }
      // Shown as it will be recorded: the member's code, an ISO date, the amount without separators (exact, R3).
      if (field === 'member')
        value =
          workbook.members.find(
            (m) =>
              m.code === value ||
              m.code.toLowerCase() === value.toLowerCase() ||
              m.name.toLowerCase() === value.toLowerCase(),
          )?.code ?? value;
      if (field === 'date') value = readDate(value) ?? value;
      if (field === 'amount') value = readPlainAmount(value) ?? value;
      if (field === 'currency') value = value.toUpperCase();
      next[field] = value;
    }
    setRowDraft(next);
    // A refusal stays at its cell until that cell is typed again.
    setCellError((err) => (err && (err.rowId !== NEW_ROW_ID || err.colId === field) ? null : err));
  };

  /** Enter in the new row: records it once member, date and amount are in it, else goes to the next one missing. */
  const enterNewRow = (colId: string) => {
    if (refusedRef.current) return void (refusedRef.current = false);
    const d = rowDraftRef.current;
    const missing = REQUIRED.find((f) => d[f] === '');
    if (!missing) recordNewRow(d);
    else
      focusNewRow(
        missing === colId ? PAYMENT_FIELDS[(PAYMENT_FIELDS.indexOf(missing) + 1) % PAYMENT_FIELDS.length] : missing,
      );
  };

  const onEdit = (e: LedgerEdit) => {
    if (e.rowId === NEW_ROW_ID) return editNewRow(e);
    const p = workbook.payments.find((x) => x.id === e.rowId);
    if (!p || !(PAYMENT_FIELDS as readonly string[]).includes(e.colId)) return;
    const field = e.colId as PaymentField;
    let value = e.value;
    if (field === 'date') {
      const d = dates.parse(value);
      if (!d.ok) return setCellError({ rowId: e.rowId, colId: field, message: d.message });
      value = d.value;
    }
    if (field === 'amount') {
      const a = readAmount(value);
      if (!a.ok) return setCellError({ rowId: e.rowId, colId: field, message: a.message });
      value = a.value;
    }
    if (String(p[field] ?? '') === value) return;
    const o = run((wb) => editPayment(wb, e.rowId, field, value));
    setCellError(
      o.ok
        ? null
        : {
            rowId: e.rowId,
            colId: o.problems[0].path || e.colId,
            message: o.problems.map((x) => (x.msg ? say(x.msg) : x.message)).join('; '),
          },
    );
  };

  const record = () => {
    // R25 the date as the user writes it; left empty, the command says a payment needs one.
    const on = draft.date.trim() === '' ? { ok: true as const, value: '' } : dates.parse(draft.date);
    if (!on.ok) return setDraftError({ path: 'date', message: on.message });
    const typed = readAmount(draft.amount);
    if (!typed.ok) return setDraftError({ path: 'amount', message: typed.message });
    const o = run((wb) => recordPayment(wb, { ...draft, date: on.value, amount: typed.value }));
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
          aria-label={t('ledger.payments.newLabel')}
          onSubmit={(e) => {
            e.preventDefault();
            record();
          }}
        >
          {PAYMENT_FIELDS.map((f) => (
            <label key={f} className={`field pay-${f}`}>
              <span>{t(LABELS[f])}</span>
              {f === 'budget' || f === 'purpose' ? (
                <select
                  data-testid={`pay-${f}`}
                  value={draft[f]}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                >
                  <option value="">
                    {f === 'budget' ? t('ledger.payments.anyBudget') : t('ledger.payments.hint.order')}
                  </option>
                  {f === 'budget'
                    ? workbook.budgets.map((b) => (
                        <option key={b.id} value={b.id}>
                          {b.name}
                        </option>
                      ))
                    : ['contribution', 'wcf'].map((x) => (
                        <option key={x} value={x}>
                          {purpose(x)}
                        </option>
                      ))}
                </select>
              ) : f === 'date' ? (
                <DateText testId="pay-date" text={draft.date} onText={(t) => setDraft((d) => ({ ...d, date: t }))} />
              ) : (
                <input
                  data-testid={`pay-${f}`}
                  type="text"
                  value={draft[f]}
                  placeholder={
                    f === 'currency'
                      ? t('ledger.payments.hint.auto')
                      : f === 'year'
                        ? t('ledger.payments.hint.any')
                        : ''
                  }
                  aria-invalid={draftError?.path === f}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                />
              )}
            </label>
          ))}
          <button type="submit" data-testid="pay-record">
            {t('ledger.payments.record')}
          </button>
          {draftError && (
            <span className="cell-error" role="alert" data-testid="pay-error">
              {t('ledger.fieldError', {
                field: draftError.path in LABELS ? t(LABELS[draftError.path as PaymentField]) : '',
                message: draftError.message,
              })}
            </span>
          )}
        </form>
        <div className="ledger-tools">
          <label className="button">
            {t('ledger.payments.importStatement')}
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
                    (s) =>
                      s.table.rows.length
                        ? setStatementFile(s)
                        : notify(
                            'error',
                            s.table.problems.length
                              ? t('ledger.payments.unreadable', { file: file.name })
                              : t('ledger.payments.noRows', { file: file.name }),
                            s.table.problems.map((p) => ({
                              path: t('ledger.payments.row', { line: String(p.line) }),
                              message: t('ledger.payments.rowProblem', {
                                line: String(p.line),
                                message: p.msg ? say(p.msg) : p.message,
                              }),
                            })),
                          ),
                    (err: Error) =>
                      notify('error', t('ledger.payments.unreadableWhy', { file: file.name, message: err.message })),
                  );
              }}
            />
          </label>
          <button disabled={!selected} onClick={() => selected && run((wb) => removePayment(wb, selected.id))}>
            {selected ? t('ledger.remove', { id: selected.id }) : t('ledger.payments.removePayment')}
          </button>
          <span className="muted">
            <span data-testid="payments-count">
              {t('ledger.payments.count', { count: workbook.payments.length, n: count(workbook.payments.length) })}
            </span>{' '}
            · {t('ledger.payments.pasteHint')}
          </span>
        </div>
        {statementFile && (
          <MappingForm
            statement={statementFile}
            onCancel={() => setStatementFile(null)}
            onImport={(mapping, header) =>
              setPending({
                ...statementImport(
                  statementFile.table,
                  mapping,
                  header,
                  t('ledger.payments.importLabel', { file: statementFile.name }),
                ),
                mapping,
                header,
              })
            }
          />
        )}
        {statementFile && pending && statementPreview && (
          <PaymentsImportPreview
            file={statementFile.name}
            preview={statementPreview}
            notices={statementFile.table.noticeMsgs?.map((m) => say(m)) ?? statementFile.table.notices}
            onCancel={() => setPending(null)}
            onApply={() => {
              const o = run((wb) => importPayments(wb, pending.args));
              setPending(null);
              if (!o.ok)
                return notify('error', t('ledger.payments.nothingImported', { file: statementFile.name }), o.problems);
              rememberMapping(statementFile.first, pending.mapping, pending.header);
              setStatementFile(null);
            }}
          />
        )}
        <div
          className="ledger-grid-host"
          onKeyDownCapture={(e) => {
            // Escape on the new row (not editing it) clears what was typed there.
            const api = gridApi.current;
            if (
              e.key !== 'Escape' ||
              !api ||
              api.getEditingCells().length > 0 ||
              api.getFocusedCell()?.rowPinned !== 'top'
            )
              return;
            setRowDraft(EMPTY);
            setCellError(null);
          }}
        >
          <LedgerGrid<PaymentRow>
            testId="payments-grid"
            rows={workbook.payments}
            rowId={(p) => p.id}
            columns={columns}
            onEdit={onEdit}
            onFocusRow={(r) => setSelected(r ? (workbook.payments.find((p) => p.id === r.id) ?? null) : null)}
            apiRef={gridApi}
            error={cellError}
            onCloseError={() => setCellError(null)}
            newRow={newRow}
            onNewRowEnter={enterNewRow}
          />
        </div>
      </section>
      <aside className="ledger-side statement" aria-label={t('ledger.statement.label')} data-testid="statement">
        <h3>
          {member
            ? rich('ledger.statement.titleOf', {
                name: workbook.members.find((m) => m.code === member)?.name ?? member,
                code: member,
                date: dates.show(asOf),
                bdi,
              })
            : t('ledger.statement.title', { date: dates.show(asOf) })}
        </h3>
        {!statement && <p className="muted">{t('ledger.statement.hint')}</p>}
        {member && (
          <ArrearsOverTime workbook={workbook} state={state} member={member} budget={selected?.budget ?? null} />
        )}
        {statement && 'error' in statement && <p className="notice error">{statement.error}</p>}
        {statement && 'lines' in statement && (
          <>
            <table className="statement-table">
              <thead>
                <tr>
                  <th>{t('ledger.col.budget')}</th>
                  <th>{t('ledger.statement.item')}</th>
                  <th className="n">{t('ledger.statement.assessed')}</th>
                  <th className="n">{t('ledger.statement.credited')}</th>
                  <th className="n">{t('ledger.statement.unpaid')}</th>
                </tr>
              </thead>
              <tbody>
                {statement.lines.map((l) => (
                  <tr
                    key={`${l.budget}|${l.kind}|${l.decision ?? ''}|${l.year}`}
                    title={l.credits
                      .map((c) =>
                        t('ledger.statement.credit', {
                          payment: c.payment,
                          amount: amount(c.amount),
                          date: dates.show(c.date),
                        }),
                      )
                      .join('\n')}
                  >
                    <td>{nameOf(l.budget)}</td>
                    <td>
                      {l.kind === 'wcf' ? t('ledger.statement.wcfYear', { year: String(l.year) }) : l.year}
                      {l.credits.length > 0 && (
                        <div className="credits">
                          {l.credits.map((c) => `${c.payment} ${amount(c.amount)}`).join(t('ledger.listSeparator'))}
                        </div>
                      )}
                    </td>
                    <td className="n">{amount(l.assessed)}</td>
                    <td className="n">{amount(l.credited)}</td>
                    <td className={`n ${l.unpaid !== '0' && !/^0\.0+$/.test(l.unpaid) ? 'unpaid' : ''}`}>
                      {amount(l.unpaid)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted">{t('ledger.statement.unapplied', { amount: amount(statement.unapplied) })}</p>
          </>
        )}
      </aside>
    </div>
  );
}

/** Which column holds what: chosen once per bank format (its header row) and remembered. */
function MappingForm({
  statement,
  onImport,
  onCancel,
}: {
  statement: Statement;
  onImport(m: PaymentMapping, header: boolean): void;
  onCancel(): void;
}) {
  const first = statement.first;
  const initial = useMemo(() => {
    const known = rememberedMapping(first);
    if (known) return { ...known, remembered: true };
    const guessed = guessPaymentMapping(first);
    return { mapping: guessed ?? { member: 0, date: 1, amount: 2 }, header: guessed !== undefined, remembered: false };
  }, [first]);
  const t = useT();
  const count = useCount();
  const [mapping, setMapping] = useState<PaymentMapping>(initial.mapping);
  const [header, setHeader] = useState(initial.header);
  const width = Math.max(...statement.table.rows.slice(0, 20).map((r) => r.cells.length));
  const column = (i: number) => t('ledger.mapping.column', { n: count(i + 1) });
  const colName = (i: number) =>
    header ? first[i] || column(i) : t('ledger.mapping.columnWith', { column: column(i), first: first[i] ?? '' });
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
        {t('ledger.mapping.rows', {
          file: statement.name,
          count: statement.count + (header ? 0 : 1),
          n: count(statement.count + (header ? 0 : 1)),
        })}
      </strong>{' '}
      {initial.remembered ? t('ledger.mapping.remembered') : t('ledger.mapping.choose')}
      {PAYMENT_FIELDS.map((f) => (
        <label key={f}>
          {t(LABELS[f])}{' '}
          <select
            data-testid={`map-${f}`}
            value={mapping[f] ?? ''}
            onChange={(e) =>
              setMapping({ ...mapping, [f]: e.target.value === '' ? undefined : Number(e.target.value) })
            }
          >
            <option value="">
              {f === 'member' || f === 'date' || f === 'amount' ? t('ledger.mapping.pick') : t('ledger.mapping.none')}
            </option>
            {Array.from({ length: width }, (_, i) => (
              <option key={i} value={i}>
                {colName(i)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <label>
        <input type="checkbox" checked={header} onChange={(e) => setHeader(e.target.checked)} />{' '}
        {t('ledger.mapping.header')}
      </label>
      <button type="submit" data-testid="map-import">
        {t('ledger.mapping.import')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('ledger.cancel')}
      </button>
    </form>
  );
}
