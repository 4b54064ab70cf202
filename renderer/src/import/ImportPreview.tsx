import { useEffect, useRef, type ReactNode } from 'react';
import type { MembersPreview, PaymentsPreview, Refusal } from '../../../shared/edit/import-preview';
import { Bidi, useAmount, useT, type T } from '../i18n';
import { useArrow, useRich } from '../rich';
import { formatDate } from '../../../shared/edit/input';
import { ModalDialog } from '../layout/dialog';
import { useLocale } from '../locale';
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
  const apply = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const t = useT();
  useEffect(() => {
    // showModal focuses the first control (Cancel): Enter is to apply, so the focus goes to Apply when it can.
    (apply.current && !apply.current.disabled ? apply.current : cancel.current)?.focus();
  }, []);
  return (
    <ModalDialog
      className="import-preview"
      testId="import-preview"
      titleId="import-preview-title"
      onCancel={p.onCancel}
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
              {s.rows.length > SHOWN && (
                <p className="muted">{t('members.import.more', { count: s.rows.length - SHOWN })}</p>
              )}
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
          {t('members.import.cancel')}
        </button>
        <button
          ref={apply}
          type="button"
          className="primary"
          data-testid="import-apply"
          disabled={!p.canApply}
          onClick={p.onApply}
        >
          {p.applyLabel}
        </button>
      </footer>
    </ModalDialog>
  );
}

const refusedRows = (refused: Refusal[]) =>
  refused.map((r, i) => ({
    key: `${r.at}|${i}`,
    // The message starts with its line ("line 4: …"): the line gets a column of its own.
    cells: [r.at, r.message.startsWith(`${r.at}`) ? r.message.slice(r.at.length).replace(/^[,:]\s*/, '') : r.message],
  }));

const blocked = (t: T) => t('members.import.blocked');

const Arrow = ({ from, to }: { from: ReactNode; to: ReactNode }) => (
  <>
    <del>{from}</del> {useArrow()} <ins>{to}</ins>
  </>
);
const arrow = (from: ReactNode, to: ReactNode) => <Arrow from={from} to={to} />;

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
  const t = useT();
  const rich = useRich();
  const renames = v.changed.filter((c) => c.rename).length;
  const What = p.what === 'class' ? t('members.import.class') : t('members.import.weight');
  const where = t('members.import.where');
  return (
    <ImportPreview
      title={t('members.import.title', { file: p.file, where: p.where })}
      notices={p.notices}
      summary={rich('members.import.summary', {
        added: v.added.length,
        changed: v.changed.length,
        renames,
        unchanged: v.unchanged,
        refused: v.refused.length,
        b: (chunks) => <b>{chunks}</b>,
        r: (chunks) => <b className={v.refused.length ? 'bad' : undefined}>{chunks}</b>,
      })}
      sections={[
        {
          id: 'refused',
          title: t('members.import.refused'),
          head: [where, t('members.import.why')],
          rows: refusedRows(v.refused),
        },
        {
          id: 'added',
          title: t('members.import.toAdd'),
          head: [where, t('members.import.code'), t('members.import.name'), What],
          rows: v.added.map((a) => ({
            key: a.code,
            cells: [a.at, <Bidi key="c">{a.code}</Bidi>, <Bidi key="n">{a.name}</Bidi>, a.value],
          })),
        },
        {
          id: 'changed',
          title: t('members.import.toChange'),
          head: [where, t('members.import.code'), t('members.import.name'), What],
          rows: v.changed.map((c) => ({
            key: c.code,
            flag: c.rename ? t('members.import.renameFlag', { code: c.code, to: c.rename.to }) : undefined,
            cells: [
              c.at,
              <Bidi key="c">{c.code}</Bidi>,
              c.rename ? (
                <>
                  {arrow(<Bidi>{c.rename.from}</Bidi>, <Bidi>{c.rename.to}</Bidi>)}{' '}
                  <span className="badge">{t('members.import.renameBadge')}</span>
                </>
              ) : (
                <Bidi>{c.name}</Bidi>
              ),
              c.holding ? (
                c.holding.from === null ? (
                  <>
                    {t('members.import.joins')} · {c.holding.to}
                  </>
                ) : (
                  arrow(c.holding.from, c.holding.to)
                )
              ) : (
                <span className="muted">{t('members.import.asBefore')}</span>
              ),
            ],
          })),
        },
      ]}
      options={
        (renames > 0 || p.keepNames) && (
          <label className="preview-option">
            <input
              type="checkbox"
              data-testid="keep-names"
              checked={p.keepNames}
              onChange={(e) => p.onKeepNames(e.target.checked)}
            />{' '}
            {t('members.import.keepNames')}
          </label>
        )
      }
      canApply={v.canApply}
      blocked={v.refused.length > 0 ? blocked(t) : t('members.import.nothing')}
      applyLabel={
        v.canApply
          ? t('members.import.apply', { added: v.added.length, changed: v.changed.length })
          : t('members.import.applyNone')
      }
      onApply={p.onApply}
      onCancel={p.onCancel}
    />
  );
}

/** Payments from a bank statement. */
export function PaymentsImportPreview(p: {
  file: string;
  preview: PaymentsPreview;
  notices: string[];
  onApply(): void;
  onCancel(): void;
}) {
  const { preview: v } = p;
  const t = useT();
  const rich = useRich();
  const amount = useAmount();
  const { date } = useLocale();
  const twice = v.added.filter((a) => a.sameAs).length;
  const where = t('members.import.where');
  return (
    <ImportPreview
      title={t('members.import.paymentsTitle', { file: p.file })}
      notices={p.notices}
      summary={rich('members.import.paymentsSummary', {
        added: v.added.length,
        twice,
        leftOut: v.leftOut.length,
        refused: v.refused.length,
        b: (chunks) => <b>{chunks}</b>,
        r: (chunks) => <b className={v.refused.length ? 'bad' : undefined}>{chunks}</b>,
      })}
      sections={[
        {
          id: 'refused',
          title: t('members.import.refused'),
          head: [where, t('members.import.why')],
          rows: refusedRows(v.refused),
        },
        {
          id: 'added',
          title: t('members.import.toRecord'),
          head: [
            where,
            t('members.import.member'),
            t('members.import.date'),
            t('members.import.amount'),
            t('members.import.currency'),
            t('members.import.budget'),
            t('members.import.reference'),
          ],
          numeric: [3],
          rows: v.added.map((a) => ({
            key: a.id,
            flag: a.sameAs ? t('members.import.sameFlag', { id: a.sameAs }) : undefined,
            cells: [
              a.at,
              <Bidi key="m">{a.member}</Bidi>,
              formatDate(a.date, date),
              <Bidi key="a">{amount(a.amount)}</Bidi>,
              a.currency,
              a.budget ?? t('members.import.anyBudget'),
              <>
                {a.reference ?? ''}
                {a.sameAs && <span className="badge">{t('members.import.sameAs', { id: a.sameAs })}</span>}
              </>,
            ],
          })),
        },
        {
          id: 'left-out',
          title: t('members.import.leftOut'),
          head: [where, t('members.import.why')],
          rows: refusedRows(v.leftOut),
        },
      ]}
      canApply={v.canApply}
      blocked={v.refused.length > 0 ? blocked(t) : t('members.import.noPayment')}
      applyLabel={v.canApply ? t('members.import.record', { count: v.added.length }) : t('members.import.recordNone')}
      onApply={p.onApply}
      onCancel={p.onCancel}
    />
  );
}
