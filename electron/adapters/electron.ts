import { dialog, Menu, type BrowserWindow } from 'electron';
import type { FileRef, MenuCommand } from '../../shared/ipc/contract';
import type { CloseChoice, CloseDialogPort } from '../handlers/close';
import { unsavedWords } from '../handlers/close-words';
import type { DialogPort } from '../handlers/ports';
import { menuTemplate } from '../menu';

// The only place (with main.ts, preload.ts and ipc/) that touches Electron's APIs.

export function electronDialog(win: () => BrowserWindow | null): DialogPort {
  return {
    async chooseOpen() {
      const w = win();
      const opts = {
        properties: ['openFile' as const],
        filters: [{ name: 'Contribution workbook', extensions: ['json'] }],
      };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseSave(suggestedName, filter) {
      const w = win();
      const opts = { defaultPath: suggestedName, filters: [filter] };
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
}

const CLOSE_CHOICES: readonly CloseChoice[] = ['save', 'discard', 'cancel'];

/** Closing with unsaved changes asks Save / Don't Save / Cancel (Escape and the dialog's close box = Cancel). */
export function electronCloseDialog(win: () => BrowserWindow | null, lang: () => string): CloseDialogPort {
  return {
    async askUnsaved(name) {
      // In the app's language, as the menus (the page says which through setDocumentState).
      const words = unsavedWords(lang(), name);
      const opts = {
        type: 'warning' as const,
        buttons: words.buttons,
        defaultId: 0,
        cancelId: 2,
        noLink: true,
        message: words.message,
        detail: words.detail,
      };
      const w = win();
      const r = w ? await dialog.showMessageBox(w, opts) : await dialog.showMessageBox(opts);
      return CLOSE_CHOICES[r.response] ?? 'cancel';
    },
  };
}

export function installMenu(
  send: (c: MenuCommand) => void,
  recent: readonly FileRef[],
  devTools: boolean,
  lang: string,
): void {
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(menuTemplate({ send, recent, devTools, isMac: process.platform === 'darwin', lang })),
  );
}
