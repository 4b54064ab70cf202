import { useEffect, useRef, type ReactNode } from 'react';
import type { MembersPreview, PaymentsPreview, Refusal } from '../../../shared/edit/import-preview';
import { groupThousands } from '../../../shared/model/decimal';
import './import-preview.css';

// R25 what an import will change, before anything changes: the rows it adds, the rows it changes (old → new, a
// rename flagged) and the rows it refuses with the reason. All or nothing: while a row is refused, nothing can be
// applied. A modal <dialog>: Enter applies, Escape cancels; applying is one undoable step.

/** A long file is summed up: the first rows of each list are shown, the rest counted. */
const SHOWN = 300;

interface Section {
  id: 'refused' | 'added' | 'changed' | 'left-out';
  title: string;
  head: string[];
  /** Columns of figures: aligned right. */
  numeric?: number[];
  rows: { key: string; cells: ReactNode[]; flag?: string }[];
}

interface Props {
  title: string;
  /** Said before the lists (the encoding read, columns not read). */
  notices: string[];
  summary: ReactNode;
  sections: Section[];
  canApply: boolean;
  /** Why nothing can be applied, when it cannot. */
  blocked?: string;
  applyLabel: string;
  options?: ReactNode;
  onApply(): void;
  onCancel(): void;
}

export function ImportPreview(p: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const apply = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    // showModal focuses the first control (Cancel): Enter is to apply, so the focus goes to Apply when it can.
    (apply.current && !apply.current.disabled ? apply.current : cancel.current)?.focus();
  }, []);
  return (
    <dialog
      ref={ref}
      className="import-preview"
      data-testid="import-preview"
      aria-labelledby="import-preview-title"
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || e.defaultPrevented) return;
        // Enter on Cancel (reached with Tab) cancels, as a button does.
        if ((e.target as HTMLElement).dataset.role === 'cancel') return;
        e.preventDefault();
        if (p.canApply) p.onApply();
      }}
    >
      <h2 id="import-preview-title">{p.title}</h2>
      {p.notices.map((n) => (
        <p key={n} className="preview-notice" role="note" data-testid="import-notice">
          {n.charAt(0).toUpperCase() + n.slice(1)}
        </p>
      ))}
      <p className="preview-summary" data-testid="import-summary">
        {p.summary}
      </p>
      <div className="preview-lists">
        {p.sections
          .filter((s) => s.rows.length > 0)
          .map((s) => (
            <section key={s.id} className={`preview-${s.id}`} data-testid={`preview-${s.id}`}>
              <h3>
                {s.title} ({s.rows.length})
              </h3>
              <table>
                <thead>
                  <tr>
                    {s.head.map((h, i) => (
                      <th key={h} className={s.numeric?.includes(i) ? 'n' : undefined}>
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {s.rows.slice(0, SHOWN).map((r) => (
                    <tr key={r.key} className={r.flag ? 'flagged' : undefined} title={r.flag}>
                      {r.cells.map((c, i) => (
                        <td key={i} className={s.numeric?.includes(i) ? 'n' : undefined}>
                          {c}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
              {s.rows.length > SHOWN && <p className="muted">… and {s.rows.length - SHOWN} more</p>}
            </section>
          ))}
      </div>
      {p.options}
      {!p.canApply && p.blocked && (
        <p className="preview-blocked" role="alert" data-testid="import-blocked">
          {p.blocked}
        </p>
      )}
      <footer>
        <button ref={cancel} type="button" data-role="cancel" data-testid="import-cancel" onClick={p.onCancel}>
          Cancel
        </button>
        <button ref={apply} type="button" className="primary" data-testid="import-apply" disabled={!p.canApply} onClick={p.onApply}>
          {p.applyLabel}
        </button>
      </footer>
    </dialog>
  );
}

const refusedRows = (refused: Refusal[]) =>
  refused.map((r, i) => ({
    key: `${r.at}|${i}`,
    // The message starts with its line ("line 4: …"): the line gets a column of its own.
    cells: [r.at, r.message.startsWith(`${r.at}`) ? r.message.slice(r.at.length).replace(/^[,:]\s*/, '') : r.message],
  }));

const BLOCKED = 'Nothing is imported while a row is refused: correct the rows listed in the file and import it again. An import goes through whole or not at all.';

const arrow = (from: ReactNode, to: ReactNode) => (
  <>
    <del>{from}</del> → <ins>{to}</ins>
  </>
);

/** Members from a file into a budget and year. */
export function MembersImportPreview(p: {
  file: string;
  where: string;
  what: 'class' | 'weight';
  preview: MembersPreview;
  notices: string[];
  keepNames: boolean;
  onKeepNames(keep: boolean): void;
  onApply(): void;
  onCancel(): void;
}) {
  const { preview: v } = p;
  const renames = v.changed.filter((c) => c.rename).length;
  const What = p.what === 'class' ? 'Class' : 'Weight';
  const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
  return (
    <ImportPreview
      title={`Import ${p.file} into ${p.where}`}
      notices={p.notices}
      summary={
        <>
          <b>{v.added.length}</b> to add · <b>{v.changed.length}</b> to change{renames > 0 && <> ({n(renames, 'rename')})</>} · {v.unchanged} unchanged ·{' '}
          <b className={v.refused.length ? 'bad' : undefined}>{v.refused.length}</b> refused
        </>
      }
      sections={[
        { id: 'refused', title: 'Refused', head: ['Where', 'Why'], rows: refusedRows(v.refused) },
        { id: 'added', title: 'To add', head: ['Where', 'Code', 'Name', What], rows: v.added.map((a) => ({ key: a.code, cells: [a.at, a.code, a.name, a.value] })) },
        {
          id: 'changed',
          title: 'To change',
          head: ['Where', 'Code', 'Name', What],
          rows: v.changed.map((c) => ({
            key: c.code,
            flag: c.rename ? `A rename: ${c.code} is called “${c.rename.to}” in every budget, not only this one` : undefined,
            cells: [
              c.at,
              c.code,
              c.rename ? (
                <>
                  {arrow(c.rename.from, c.rename.to)} <span className="badge">rename, every budget</span>
                </>
              ) : (
                c.name
              ),
              c.holding ? (c.holding.from === null ? <>joins · {c.holding.to}</> : arrow(c.holding.from, c.holding.to)) : <span className="muted">as before</span>,
            ],
          })),
        },
      ]}
      options={
        (renames > 0 || p.keepNames) && (
          <label className="preview-option">
            <input type="checkbox" data-testid="keep-names" checked={p.keepNames} onChange={(e) => p.onKeepNames(e.target.checked)} /> Keep the names the workbook has (leave out the
            file’s renames)
          </label>
        )
      }
      canApply={v.canApply}
      blocked={v.refused.length > 0 ? BLOCKED : 'The file changes nothing in this budget and year.'}
      applyLabel={v.canApply ? `Import: add ${v.added.length}, change ${v.changed.length}` : 'Import'}
      onApply={p.onApply}
      onCancel={p.onCancel}
    />
  );
}

/** Payments from a bank statement. */
export function PaymentsImportPreview(p: { file: string; preview: PaymentsPreview; notices: string[]; onApply(): void; onCancel(): void }) {
  const { preview: v } = p;
  const twice = v.added.filter((a) => a.sameAs).length;
  return (
    <ImportPreview
      title={`Import payments from ${p.file}`}
      notices={p.notices}
      summary={
        <>
          <b>{v.added.length}</b> payment{v.added.length === 1 ? '' : 's'} to record{twice > 0 && <> ({twice} look already recorded)</>} ·{' '}
          {v.leftOut.length > 0 && <>{v.leftOut.length} left out (debits) · </>}
          <b className={v.refused.length ? 'bad' : undefined}>{v.refused.length}</b> refused
        </>
      }
      sections={[
        { id: 'refused', title: 'Refused', head: ['Where', 'Why'], rows: refusedRows(v.refused) },
        {
          id: 'added',
          title: 'To record',
          head: ['Where', 'Member', 'Date', 'Amount', 'Currency', 'Budget', 'Reference'],
          numeric: [3],
          rows: v.added.map((a) => ({
            key: a.id,
            flag: a.sameAs ? `${a.sameAs} has the same member, date and amount: is this statement imported already?` : undefined,
            cells: [
              a.at,
              a.member,
              a.date,
              groupThousands(a.amount),
              a.currency,
              a.budget ?? 'any',
              <>
                {a.reference ?? ''}
                {a.sameAs && <span className="badge">same as {a.sameAs}</span>}
              </>,
            ],
          })),
        },
        { id: 'left-out', title: 'Left out (not payments received)', head: ['Where', 'Why'], rows: refusedRows(v.leftOut) },
      ]}
      canApply={v.canApply}
      blocked={v.refused.length > 0 ? BLOCKED : 'The statement holds no payment to record.'}
      applyLabel={v.canApply ? `Record ${v.added.length} payment${v.added.length === 1 ? '' : 's'}` : 'Record'}
      onApply={p.onApply}
      onCancel={p.onCancel}
    />
  );
}
