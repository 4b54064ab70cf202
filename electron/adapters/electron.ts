import { dialog, Menu, type BrowserWindow } from 'electron';
import type { FileRef, MenuCommand } from '../../shared/ipc/contract';
import type { DialogPort } from '../handlers/ports';
import { menuTemplate } from '../menu';

// The only place (with main.ts, preload.ts and ipc/) that touches Electron's APIs.

export function electronDialog(win: () => BrowserWindow | null): DialogPort {
  return {
    async chooseOpen() {
      const w = win();
      const opts = { properties: ['openFile' as const], filters: [{ name: 'Contribution workbook', extensions: ['json'] }] };
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

/** Closing with unsaved changes asks first; true = close anyway. */
export async function confirmDiscard(win: BrowserWindow, name: string): Promise<boolean> {
  const r = await dialog.showMessageBox(win, {
    type: 'warning',
    buttons: ['Cancel', 'Close without saving'],
    defaultId: 0,
    cancelId: 0,
    message: `${name} has unsaved changes.`,
    detail: 'Close anyway? A draft is kept and offered back the next time the app starts.',
  });
  return r.response === 1;
}

export function installMenu(send: (c: MenuCommand) => void, recent: readonly FileRef[], devTools: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ send, recent, devTools, isMac: process.platform === 'darwin' })));
}
