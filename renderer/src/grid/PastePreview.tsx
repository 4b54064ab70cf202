import { useEffect, useRef } from 'react';
import { Bidi, useT } from '../i18n';
import { HeadedTable, ModalDialog } from '../layout/dialog';
import type { Pending } from './range';
import './range.css';

// Before a pasted or filled block is applied with cells refused: which cells (row and column) and why, in the
// user's language. "Paste the others" applies the rest as one undoable step; Cancel (or Escape) changes nothing.
// A modal <dialog>: Enter applies.

export function PastePreview({ pending, onClose }: { pending: Pending; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const apply = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const t = useT();
  const fill = pending.kind === 'fill';
  useEffect(() => {
    (apply.current ?? cancel.current)?.focus();
  }, []);
  const close = (run?: () => void) => {
    // Closed first: nothing outside a modal dialog can take the focus, and it goes back to the grid.
    ref.current?.close();
    pending.grid.focus();
    onClose();
    run?.();
  };
  return (
    <ModalDialog
      dialogRef={ref}
      className="paste-preview"
      testId="paste-preview"
      titleId="paste-preview-title"
      onCancel={() => close()}
    >
      <h2 id="paste-preview-title">
        {t(
          fill
            ? 'app.range.preview.titleFill'
            : pending.intoCells
              ? 'app.range.preview.titlePasteCells'
              : 'app.range.preview.titlePaste',
          {
            refused: pending.refused.length,
            all: pending.all,
          },
        )}
      </h2>
      <div className="paste-preview-list">
        <HeadedTable columns={[t('app.range.preview.cell'), t('app.range.preview.why')]}>
          {pending.refused.map((r, i) => (
            <tr key={i} data-testid="paste-refused">
              <td>
                <Bidi>{r.where || t('app.range.preview.outside')}</Bidi>
              </td>
              <td>{r.why}</td>
            </tr>
          ))}
        </HeadedTable>
      </div>
      {!pending.apply && (
        <p role="alert" data-testid="paste-none">
          {t('app.range.preview.none')}
        </p>
      )}
      <footer>
        <button ref={cancel} type="button" data-testid="paste-cancel" onClick={() => close()}>
          {t('app.range.preview.cancel')}
        </button>
        {pending.apply && (
          <button
            ref={apply}
            type="button"
            className="primary"
            data-testid="paste-apply"
            onClick={() => close(pending.apply)}
          >
            {t(fill ? 'app.range.preview.applyFill' : 'app.range.preview.applyPaste')}
          </button>
        )}
      </footer>
    </ModalDialog>
  );
}
