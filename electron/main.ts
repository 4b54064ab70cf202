import { app, BrowserWindow, ipcMain } from 'electron';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type MenuCommand } from '../shared/ipc/contract';
import { electronCloseDialog, electronDialog, installMenu } from './adapters/electron';
import { nodeFs } from './adapters/fs';
import { electronPdf } from './adapters/pdf';
import { createCloseGuard } from './handlers/close';
import { createFileHandlers } from './handlers/files';
import { registerIpc } from './ipc/register';
import { hardenWindow, isAppUrl, windowOptions, windowTitle } from './window';

// Composition root: builds the ports, the handlers and the window, and wires them together. No logic of its own.

const here = import.meta.dirname;
const rendererIndex = join(here, '../renderer/index.html');
const appUrl = pathToFileURL(rendererIndex).toString();
const startFile = process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.json')) ?? join(app.getAppPath(), 'examples/example-workbook.json');

let win: BrowserWindow | null = null;

app.enableSandbox();

app.whenReady().then(() => {
  const handlers = createFileHandlers({
    fs: nodeFs,
    dialog: electronDialog(() => win),
    paths: { userData: app.getPath('userData'), startFile: resolve(startFile), join, basename },
    pdf: electronPdf,
  });
  const send = (c: MenuCommand) => win?.webContents.send(CHANNELS.menu, c);
  const refreshMenu = () => void handlers.recentFiles().then((recent) => installMenu(send, recent, !app.isPackaged));
  const closeGuard = createCloseGuard({
    dialog: electronCloseDialog(() => win),
    send,
    destroy: () => win?.destroy(),
    discardDraft: () => handlers.clearAutosave(),
  });
  registerIpc(ipcMain, handlers, {
    isTrustedUrl: (url) => isAppUrl(url, appUrl),
    onSaveResult: (saved) => closeGuard.onSaveResult(saved),
    onDocumentState: (s) => {
      closeGuard.onDocumentState(s);
      win?.setTitle(windowTitle(s.name, s.dirty));
      win?.setDocumentEdited(s.dirty);
      refreshMenu();
    },
  });
  refreshMenu();

  win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  hardenWindow(win, appUrl);
  win.once('ready-to-show', () => win?.show());
  // Unsaved changes: Save / Don't Save / Cancel (handlers/close.ts).
  win.on('close', (e) => closeGuard.onClose(e));
  win.on('closed', () => (win = null));
  void win.loadURL(appUrl);
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('window-all-closed', () => app.quit());
