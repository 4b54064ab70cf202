import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import {
  CHANNELS,
  INVOKE_NAMES,
  isExportKind,
  type Draft,
  type FileRef,
  type InvokeName,
  type TeamHandlers,
} from '../../shared/ipc/contract';
import { languageOf } from '../../shared/i18n/languages';
import type { FileHandlers } from '../handlers/files';
import {
  MAX_DATE_CHARS,
  MAX_EXPORT_BYTES,
  MAX_NAME_CHARS,
  MAX_PATH_CHARS,
  MAX_WORKBOOK_BYTES,
} from '../handlers/limits';
import { MAX_PRINT_HTML } from '../handlers/print';

// Every IPC payload is checked before it reaches a handler, and only our own page may call: the renderer is
// treated as untrusted input (Electron security checklist: validate the sender of all IPC messages).
// Each argument has a schema with a size cap (issue 15 item 8); objects go on as clean copies of their fields.

/** A schema returns the clean value, or INVALID. */
const INVALID = Symbol('invalid');
type Schema = (v: unknown) => unknown;

const text =
  (max: number): Schema =>
  (v) =>
    typeof v === 'string' && v.length <= max && !v.includes('\0') ? v : INVALID;
// Workbook text and exports may be large; a NUL in them is the validator's business, not a schema's.
const body =
  (max: number): Schema =>
  (v) =>
    typeof v === 'string' && v.length <= max ? v : INVALID;
const path = text(MAX_PATH_CHARS - 1);
const name = text(MAX_NAME_CHARS - 1);

const fileRef: Schema = (v) => {
  if (typeof v !== 'object' || v === null) return INVALID;
  const { id, name: n } = v as FileRef;
  return path(id) === INVALID || name(n) === INVALID ? INVALID : { id, name: n };
};

const draft: Schema = (v) => {
  if (typeof v !== 'object' || v === null) return INVALID;
  const d = v as Draft;
  const file = d.file === null ? null : fileRef(d.file);
  if (
    body(MAX_WORKBOOK_BYTES)(d.text) === INVALID ||
    text(MAX_DATE_CHARS - 1)(d.savedAt) === INVALID ||
    file === INVALID
  )
    return INVALID;
  return { text: d.text, file, savedAt: d.savedAt };
};

const exportKind: Schema = (v) => (isExportKind(v) ? v : INVALID);
const exportData: Schema = (v) => {
  if (typeof v === 'string') return v.length <= MAX_EXPORT_BYTES ? v : INVALID;
  return v instanceof Uint8Array && v.byteLength <= MAX_EXPORT_BYTES ? v : INVALID;
};

/** The schema of each argument of each call, in order. */
export const ARG_CHECKS: Record<InvokeName, Schema[]> = {
  open: [],
  openRecent: [path],
  openExample: [],
  save: [fileRef, body(MAX_WORKBOOK_BYTES)],
  saveAs: [name, body(MAX_WORKBOOK_BYTES)],
  recentFiles: [],
  autosave: [draft],
  recover: [],
  clearAutosave: [],
  exportFile: [name, exportKind, exportData],
  exportPdf: [name, body(MAX_PRINT_HTML)],
  saveOver: [fileRef, body(MAX_WORKBOOK_BYTES), text(128)],
  diskChanged: [fileRef],
  editAnyway: [fileRef],
  closeDocument: [],
  whoAmI: [],
};

export interface DocumentState {
  name: string;
  dirty: boolean;
  /** The app's language, which the menus follow (a known one only: anything else is left out). */
  lang?: string;
}

type Sender = { senderFrame?: { url: string; parent?: unknown } | null };

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>,
  handlers: FileHandlers & Partial<TeamHandlers>,
  opts: {
    isTrustedUrl(url: string): boolean;
    onDocumentState(state: DocumentState): void;
    onSaveResult?(saved: boolean): void;
  },
): () => void {
  // The app's own page, in its top-level frame: a frame inside it (none is expected) may not call.
  const trusted = (e: Sender) =>
    Boolean(e.senderFrame && !e.senderFrame.parent && opts.isTrustedUrl(e.senderFrame.url));
  // The issue 16 calls are answered only where the shell has them (the document guard).
  const names = INVOKE_NAMES.filter((n) => handlers[n] !== undefined);
  for (const n of names) {
    const checks = ARG_CHECKS[n];
    ipcMain.handle(CHANNELS[n], (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      if (!trusted(event)) throw new Error(`refused ${n}: not sent by the app's own page`);
      const clean = args.length === checks.length ? checks.map((check, i) => check(args[i])) : [INVALID];
      if (clean.includes(INVALID)) throw new Error(`refused ${n}: malformed arguments`);
      return (handlers[n] as (...a: unknown[]) => Promise<unknown>)(...clean);
    });
  }
  const onState = (event: IpcMainEvent, state: unknown) => {
    if (!trusted(event)) return;
    const s = state as DocumentState;
    if (typeof s !== 'object' || s === null || name(s.name) === INVALID || typeof s.dirty !== 'boolean') return;
    const lang = typeof s.lang === 'string' && s.lang.length <= 35 && languageOf(s.lang) ? s.lang : undefined;
    opts.onDocumentState({ name: s.name, dirty: s.dirty, ...(lang ? { lang } : {}) });
  };
  const onSaved = (event: IpcMainEvent, saved: unknown) => {
    if (trusted(event) && typeof saved === 'boolean') opts.onSaveResult?.(saved);
  };
  ipcMain.on(CHANNELS.setDocumentState, onState);
  ipcMain.on(CHANNELS.closeAfterSave, onSaved);
  return () => {
    for (const n of names) ipcMain.removeHandler(CHANNELS[n]);
    ipcMain.removeListener(CHANNELS.setDocumentState, onState);
    ipcMain.removeListener(CHANNELS.closeAfterSave, onSaved);
  };
}
