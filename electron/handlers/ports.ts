// The effects the handlers need, as small ports: electron/adapters implements them with node:fs, a worker thread
// and Electron's dialog; the unit tests pass in-memory fakes, so the handlers run in plain Node.

export interface FsPort {
  /** Small files of the app's own (the recent list, the draft). Workbooks are read by the WorkbookCheckPort. */
  readFile(path: string): Promise<string>;
  /** Atomic write (atomic-write.ts): unique temp file, fsync, rename; `backup` keeps the previous version as `.bak`. */
  writeAtomic(path: string, data: string | Uint8Array, opts: { backup: boolean }): Promise<void>;
  unlink(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
  /** Removes the temp files a killed save left in these folders. */
  sweepTemps(dirs: string[]): Promise<void>;
}

/** What became of a workbook file: its text when it is one, else why not. */
export type FileVerdict =
  | { kind: 'ok'; text: string }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'invalid'; count: number; message: string; line?: number };

export type TextVerdict = { kind: 'ok' } | { kind: 'invalid'; count: number; message: string; line?: number };

/** Reading, parsing and validating a workbook: in a worker thread in the app, so the main process never stalls. */
export interface WorkbookCheckPort {
  readWorkbook(path: string, maxBytes: number): Promise<FileVerdict>;
  /** The text a save would write: refused unless it is a valid workbook. */
  checkText(text: string): Promise<TextVerdict>;
}

export interface DialogPort {
  /** A workbook file to open, or null when cancelled. */
  chooseOpen(): Promise<string | null>;
  /** Where to write, or null when cancelled. `suggestedName` is a base name (limits.ts suggestedBaseName). */
  chooseSave(suggestedName: string, filter: { name: string; extensions: string[] }): Promise<string | null>;
}

/** Renders a print layout (a complete HTML document) to PDF bytes: printToPDF in a hidden window. */
export interface PdfPort {
  htmlToPdf(html: string): Promise<Uint8Array>;
}

export interface PathsPort {
  /** The app's own folder for the recent list and the autosave draft. */
  userData: string;
  /** The workbook opened at start (the bundled example, or a path given on the command line). */
  startFile: string;
  join(...parts: string[]): string;
  basename(path: string): string;
  dirname(path: string): string;
}
