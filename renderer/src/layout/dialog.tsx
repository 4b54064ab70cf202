import { useEffect, useRef, type KeyboardEventHandler, type ReactNode, type RefObject } from 'react';

// The markup the app's modal dialogs and their tables share (issue 13: written once, not in each view).

/**
 * A modal <dialog>, shown when it mounts. Escape does not close it by itself: it calls `onCancel` and the view
 * closes it, as its Cancel button does. `dialogRef` for a view that closes it itself (the paste preview).
 */
export function ModalDialog(p: {
  className: string;
  testId: string;
  /** The id of the dialog's title (aria-labelledby). */
  titleId: string;
  onCancel(): void;
  onKeyDown?: KeyboardEventHandler<HTMLDialogElement>;
  dialogRef?: RefObject<HTMLDialogElement | null>;
  children: ReactNode;
}) {
  const own = useRef<HTMLDialogElement>(null);
  const ref = p.dialogRef ?? own;
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, [ref]);
  return (
    <dialog
      ref={ref}
      className={p.className}
      data-testid={p.testId}
      aria-labelledby={p.titleId}
      onCancel={(e) => {
        e.preventDefault();
        p.onCancel();
      }}
      onKeyDown={p.onKeyDown}
    >
      {p.children}
    </dialog>
  );
}

/** A table with one header row of column titles; the rows are the children (inside its tbody). */
export function HeadedTable(p: { columns: ReactNode[]; className?: string; testId?: string; children: ReactNode }) {
  return (
    <table className={p.className} data-testid={p.testId}>
      <thead>
        <tr>
          {p.columns.map((c, i) => (
            <th key={i} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>{p.children}</tbody>
    </table>
  );
}
