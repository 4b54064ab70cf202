import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { CHANNELS, INVOKE_NAMES, isDraft, isExportKind, isFileRef, type InvokeName } from '../../shared/ipc/contract';
import type { FileHandlers } from '../handlers/files';

// Every IPC payload is checked before it reaches a handler, and only our own page may call: the renderer is
// treated as untrusted input (Electron security checklist: validate the sender of all IPC messages).

const isString = (v: unknown): v is string => typeof v === 'string';
const isData = (v: unknown): v is string | Uint8Array => typeof v === 'string' || v instanceof Uint8Array;

/** The argument checks of each call, in order. */
export const ARG_CHECKS: Record<InvokeName, ((v: unknown) => boolean)[]> = {
  open: [],
  openRecent: [isString],
  openExample: [],
  save: [isFileRef, isString],
  saveAs: [isString, isString],
  recentFiles: [],
  autosave: [isDraft],
  recover: [],
  clearAutosave: [],
  exportFile: [isString, isExportKind, isData],
  exportPdf: [isString, isString],
};

export interface DocumentState {
  name: string;
  dirty: boolean;
}

type Sender = { senderFrame?: { url: string } | null };

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>,
  handlers: FileHandlers,
  opts: { isTrustedUrl(url: string): boolean; onDocumentState(state: DocumentState): void; onSaveResult?(saved: boolean): void },
): () => void {
  const trusted = (e: Sender) => Boolean(e.senderFrame && opts.isTrustedUrl(e.senderFrame.url));
  for (const name of INVOKE_NAMES) {
    const checks = ARG_CHECKS[name];
    ipcMain.handle(CHANNELS[name], (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!trusted(event)) throw new Error(`refused ${name}: not sent by the app's own page`);
      if (args.length !== checks.length || !checks.every((ok, i) => ok(args[i]))) throw new Error(`refused ${name}: malformed arguments`);
      return (handlers[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    });
  }
  const onState = (event: IpcMainEvent, state: unknown) => {
    if (!trusted(event)) return;
    const s = state as DocumentState;
    if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || typeof s.dirty !== 'boolean') return;
    opts.onDocumentState({ name: s.name, dirty: s.dirty });
  };
  const onSaved = (event: IpcMainEvent, saved: unknown) => {
    if (trusted(event) && typeof saved === 'boolean') opts.onSaveResult?.(saved);
  };
  ipcMain.on(CHANNELS.setDocumentState, onState);
  ipcMain.on(CHANNELS.closeAfterSave, onSaved);
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(CHANNELS[name]);
    ipcMain.removeListener(CHANNELS.setDocumentState, onState);
    ipcMain.removeListener(CHANNELS.closeAfterSave, onSaved);
  };
}
