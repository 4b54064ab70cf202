import type { MenuCommand } from '../../shared/ipc/contract';

// Closing the window with unsaved changes asks Save / Don't Save / Cancel. The renderer holds the workbook, so
// "Save" is sent to it as the `saveAndClose` menu command; it answers with `closeAfterSave(saved)` and the window
// closes only once the file is written (a cancelled Save As or a failed write keeps the window open).
// Plain logic over small ports: main.ts wires Electron's window and dialog; the unit tests pass fakes.

export type CloseChoice = 'save' | 'discard' | 'cancel';

export interface CloseDialogPort {
  /** Asks what to do with the unsaved changes of `name`. */
  askUnsaved(name: string): Promise<CloseChoice>;
}

export interface CloseGuard {
  /** The renderer's title and unsaved mark (setDocumentState). */
  onDocumentState(state: { name: string; dirty: boolean }): void;
  /** The window's `close` event: prevented while there are unsaved changes and the user has not chosen. */
  onClose(event: { preventDefault(): void }): void;
  /** The renderer's answer to `saveAndClose`. */
  onSaveResult(saved: boolean): void;
}

export function createCloseGuard(ports: {
  dialog: CloseDialogPort;
  send(command: MenuCommand): void;
  /** Closes the window without another `close` event (BrowserWindow.destroy). */
  destroy(): void;
  /** "Don't Save" is a choice: the autosave draft of the discarded changes is not offered back. */
  discardDraft(): Promise<void>;
}): CloseGuard {
  let doc = { name: 'Untitled', dirty: false };
  let asking = false;
  let savingToClose = false;
  const close = () => {
    doc = { ...doc, dirty: false };
    ports.destroy();
  };
  return {
    onDocumentState(state) {
      doc = state;
    },
    onClose(event) {
      if (!doc.dirty) return;
      event.preventDefault();
      // A second close (a click on the close box while the dialog or a save is on screen) waits for the first.
      if (asking || savingToClose) return;
      asking = true;
      void ports.dialog
        .askUnsaved(doc.name)
        .then(async (choice) => {
          if (choice === 'discard') {
            await ports.discardDraft().catch(() => undefined);
            close();
          } else if (choice === 'save') {
            savingToClose = true;
            ports.send('saveAndClose');
          }
        })
        .finally(() => (asking = false));
    },
    onSaveResult(saved) {
      if (!savingToClose) return;
      savingToClose = false;
      if (saved) close();
    },
  };
}
