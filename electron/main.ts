import { app, BrowserWindow, ipcMain } from 'electron';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHANNELS, type MenuCommand } from '../shared/ipc/contract';
import { electronCloseDialog, electronDialog, installMenu } from './adapters/electron';
import { nodeFs } from './adapters/fs';
import { nodeDisk, nodeHost, nodeLockFs } from './adapters/lock-fs';
import { electronPdf } from './adapters/pdf';
import { installAppProtocol, registerAppScheme } from './adapters/protocol';
import { workerWorkbookCheck } from './adapters/workbook-worker';
import { APP_URL } from './handlers/app-protocol';
import { createCloseGuard } from './handlers/close';
import { createDocumentGuard } from './handlers/document-guard';
import { createFileWatch } from './handlers/file-watch';
import { nodeWatch } from './adapters/watch';
import { createFileHandlers } from './handlers/files';
import { registerIpc } from './ipc/register';
import { hardenWindow, isAppUrl, windowOptions, windowTitle } from './window';

// Composition root: builds the ports, the handlers and the window, and wires them together. No logic of its own.

const here = import.meta.dirname;
const rendererRoot = join(here, '../renderer');
// Built: the bundled worker beside main.js; from source (tests): the TypeScript worker, run through tsx.
const checkWorker = import.meta.url.endsWith('.ts')
  ? new URL('./workers/workbook-check.worker.ts', import.meta.url)
  : pathToFileURL(join(here, 'workbook-check.worker.cjs'));
const startFile =
  process.argv.slice(app.isPackaged ? 1 : 2).find((a) => a.endsWith('.json')) ??
  join(app.getAppPath(), 'examples/example-workbook.json');

let win: BrowserWindow | null = null;

app.enableSandbox();
// app:// instead of file:// (issue 15 item 10): registered before ready, handled once ready.
registerAppScheme();

app.whenReady().then(() => {
  installAppProtocol(rendererRoot);
  const files = createFileHandlers({
    fs: nodeFs,
    dialog: electronDialog(() => win),
    paths: { userData: app.getPath('userData'), startFile: resolve(startFile), join, basename, dirname },
    check: workerWorkbookCheck(checkWorker),
    pdf: electronPdf,
  });
  void files.sweepStaleTemps();
  // Issue 16: a change on disk to the open workbook is told to the page as it happens (polling stays the fallback).
  const fileWatch = createFileWatch({
    watch: nodeWatch,
    paths: { dirname, basename },
    onChange: () => win?.webContents.send(CHANNELS.diskChange),
  });
  // Issue 16: lock files beside open workbooks, and no save over a file changed on disk since it was opened.
  const handlers = createDocumentGuard({
    onCurrent: (path) => void fileWatch.follow(path),
    files,
    disk: nodeDisk,
    lockFs: nodeLockFs,
    host: nodeHost,
    paths: { join, basename, dirname },
  });
  // The locks go before the app does (app.exit skips this event, so the second quit goes through).
  app.on('will-quit', (e) => {
    e.preventDefault();
    void handlers.releaseAll().finally(() => app.exit());
  });
  const send = (c: MenuCommand) => win?.webContents.send(CHANNELS.menu, c);
  // The menus speak the app's language: the system's until the page says which it shows (setDocumentState).
  let lang = app.getLocale();
  const refreshMenu = () =>
    void handlers.recentFiles().then((recent) => installMenu(send, recent, !app.isPackaged, lang));
  const closeGuard = createCloseGuard({
    dialog: electronCloseDialog(
      () => win,
      () => lang,
    ),
    send,
    destroy: () => win?.destroy(),
    discardDraft: () => handlers.clearAutosave(),
  });
  registerIpc(ipcMain, handlers, {
    isTrustedUrl: (url) => isAppUrl(url, APP_URL),
    onSaveResult: (saved) => closeGuard.onSaveResult(saved),
    onDocumentState: (s) => {
      closeGuard.onDocumentState(s);
      if (s.lang) lang = s.lang;
      win?.setTitle(windowTitle(s.name, s.dirty));
      win?.setDocumentEdited(s.dirty);
      refreshMenu();
    },
  });
  refreshMenu();

  win = new BrowserWindow(windowOptions(join(here, 'preload.cjs')));
  hardenWindow(win, APP_URL);
  win.once('ready-to-show', () => win?.show());
  // Unsaved changes: Save / Don't Save / Cancel (handlers/close.ts).
  win.on('close', (e) => closeGuard.onClose(e));
  win.on('closed', () => (win = null));
  void win.loadURL(APP_URL);
});

app.on('web-contents-created', (_e, contents) => {
  contents.on('will-attach-webview', (e) => e.preventDefault());
});

app.on('window-all-closed', () => app.quit());
