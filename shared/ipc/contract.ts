// The one API between the renderer and the desktop shell. The Electron preload exposes exactly this as
// `window.api`; renderer/platform/browser.ts implements the same interface with browser storage and downloads.
// Every payload is plain data (strings, numbers, booleans): money crosses as decimal strings (R3).

/** A file the shell knows: `id` is its path in Electron, a storage key in the browser. */
export interface FileRef {
  id: string;
  /** The file name shown in the title and the Open Recent menu. */
  name: string;
}

/** The text of a file the user chose; the renderer parses and validates it (shared/model/validate). */
export interface OpenedFile {
  file: FileRef;
  text: string;
}

/** Issue 16: who has a workbook open (its lock file beside it): user name, machine, since when (ISO time). */
export interface LockOwner {
  user: string;
  machine: string;
  since: string;
}

/** Issue 16: who writes journal entries on this computer (the system's names, or those given in the app). */
export interface Author {
  user: string;
  machine: string;
}

/** Issue 16: the file as it is now on disk, changed since it was opened or last saved here; `hash` names that version. */
export interface ChangedOnDisk {
  text: string;
  hash: string;
}

/**
 * A failed save may say why in a way the renderer can act on: `changedOnDisk` (merge with it, save as, or overwrite
 * with saveOver after the user confirms), `lockedBy` (opened read-only: save as, or editAnyway).
 */
export type SaveResult =
  { ok: true; file: FileRef } | { ok: false; message: string; changedOnDisk?: ChangedOnDisk; lockedBy?: LockOwner };
/** `lockedBy`: someone else has the file open; it is open read-only until the user chooses editAnyway. */
export type OpenResult =
  | { ok: true; opened: OpenedFile; lockedBy?: LockOwner }
  | { ok: false; message: string }
  | { ok: false; cancelled: true };

/** A draft kept by autosave; offered back after a crash. */
export interface Draft {
  text: string;
  file: FileRef | null;
  savedAt: string;
}

export type ExportKind = 'csv' | 'xlsx' | 'json';

/**
 * Menu items the shell sends to the renderer (the native menu in Electron). `saveAndClose`: the user chose "Save"
 * when closing with unsaved changes; the renderer saves and answers with `closeAfterSave`.
 */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'export',
  'exportXlsx',
  'exportPdf',
  'undo',
  'redo',
  'shortcuts',
  'about',
  'saveAndClose',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number] | { openRecent: string };

export interface DesktopApi {
  /** 'electron' or 'browser': the renderer adapts a few labels, nothing else. */
  readonly kind: 'electron' | 'browser';
  /** Asks the user for a workbook file. */
  open(): Promise<OpenResult>;
  openRecent(id: string): Promise<OpenResult>;
  /** The bundled example workbook. */
  openExample(): Promise<OpenResult>;
  /** Writes to a file opened or saved before (atomic, previous version kept as a backup). */
  save(file: FileRef, text: string): Promise<SaveResult>;
  /** Asks where to write, then writes. */
  saveAs(suggestedName: string, text: string): Promise<SaveResult | { ok: false; cancelled: true }>;
  recentFiles(): Promise<FileRef[]>;
  /** Keeps a draft of unsaved work; called after edits, debounced by the renderer. */
  autosave(draft: Draft): Promise<void>;
  /** The draft left by a session that did not close cleanly, if any. */
  recover(): Promise<Draft | null>;
  clearAutosave(): Promise<void>;
  /** Writes an export (a table as CSV text, XLSX bytes, JSON text) where the user chooses. */
  exportFile(
    suggestedName: string,
    kind: ExportKind,
    data: string | Uint8Array,
  ): Promise<SaveResult | { ok: false; cancelled: true }>;
  /**
   * A print layout (a full HTML document from shared/export/print-html) as PDF: printToPDF in a hidden window in
   * Electron, then saved where the user chooses; in a browser, the browser's print dialog.
   */
  exportPdf(suggestedName: string, html: string): Promise<SaveResult | { ok: false; cancelled: true }>;
  /**
   * Title (file name) and unsaved mark; the shell asks before closing when dirty. `lang`: the app's language (a BCP 47
   * tag such as fr or ar), which the shell's menus follow.
   */
  setDocumentState(state: { name: string; dirty: boolean; lang?: string }): void;
  /** The answer to `saveAndClose`: true once the file is written (the shell closes the window), false to stay open. */
  closeAfterSave(saved: boolean): void;
  /**
   * Issue 16 (Electron only; a browser has no other writer): writes over the version on disk named by `hash` (a
   * ChangedOnDisk's): after merging with it, or once the user confirmed overwriting it. Refused again, with the newer
   * version, if the file changed once more.
   */
  saveOver?(file: FileRef, text: string, hash: string): Promise<SaveResult>;
  /** Issue 16 (Electron): the file as it is on disk when it changed since it was opened or last saved here; else null. */
  diskChanged?(file: FileRef): Promise<ChangedOnDisk | null>;
  /** Issue 16 (Electron): the user chose to edit a workbook someone else has open (open said `lockedBy`). */
  editAnyway?(file: FileRef): Promise<void>;
  /** Issue 16 (Electron): the open workbook is closed (New, or the window closes): its lock is removed. */
  closeDocument?(): Promise<void>;
  /** Issue 16 (Electron): the system's user name and computer name, written with each journal entry and lock. */
  whoAmI?(): Promise<Author>;
  /** Subscribes to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  /** Issue 16 (Electron): the open workbook's folder reported a change (file watch): ask diskChanged. Unsubscribes. */
  onDiskChange?(listener: () => void): () => void;
}

/** IPC channel for each call: invoke channels answer, send channels do not. */
export const CHANNELS = {
  open: 'file:open',
  openRecent: 'file:open-recent',
  openExample: 'file:open-example',
  save: 'file:save',
  saveAs: 'file:save-as',
  recentFiles: 'file:recent',
  autosave: 'draft:autosave',
  recover: 'draft:recover',
  clearAutosave: 'draft:clear',
  exportFile: 'file:export',
  exportPdf: 'file:export-pdf',
  saveOver: 'file:save-over',
  diskChanged: 'file:disk-changed',
  editAnyway: 'file:edit-anyway',
  closeDocument: 'file:close',
  whoAmI: 'system:who-am-i',
  setDocumentState: 'window:document-state',
  closeAfterSave: 'window:close-after-save',
  menu: 'menu:command',
  diskChange: 'file:disk-change',
} as const satisfies Record<
  Exclude<keyof DesktopApi, 'kind' | 'onMenu' | 'onDiskChange'> | 'menu' | 'diskChange',
  string
>;

export type InvokeName = Exclude<
  keyof DesktopApi,
  'kind' | 'onMenu' | 'onDiskChange' | 'setDocumentState' | 'closeAfterSave'
>;
export const INVOKE_NAMES: readonly InvokeName[] = [
  'open',
  'openRecent',
  'openExample',
  'save',
  'saveAs',
  'recentFiles',
  'autosave',
  'recover',
  'clearAutosave',
  'exportFile',
  'exportPdf',
  'saveOver',
  'diskChanged',
  'editAnyway',
  'closeDocument',
  'whoAmI',
];

/** Issue 16: the calls only the Electron shell answers (optional in DesktopApi). */
export type TeamHandlers = Required<
  Pick<DesktopApi, 'saveOver' | 'diskChanged' | 'editAnyway' | 'closeDocument' | 'whoAmI'>
>;

// Payload checks shared by the shell (which must not trust the renderer) and the tests.
export const isFileRef = (v: unknown): v is FileRef =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as FileRef).id === 'string' &&
  typeof (v as FileRef).name === 'string';

export const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Draft).text === 'string' &&
  typeof (v as Draft).savedAt === 'string' &&
  ((v as Draft).file === null || isFileRef((v as Draft).file));

export const isExportKind = (v: unknown): v is ExportKind => v === 'csv' || v === 'xlsx' || v === 'json';

export function isMenuCommand(v: unknown): v is MenuCommand {
  if (typeof v === 'string') return (MENU_COMMANDS as readonly string[]).includes(v);
  return typeof v === 'object' && v !== null && typeof (v as { openRecent?: unknown }).openRecent === 'string';
}
