// The effects the handlers need, as small ports: electron/adapters implements them with node:fs and Electron's
// dialog; the unit tests pass in-memory fakes, so the handlers run in plain Node.

export interface FsPort {
  readFile(path: string): Promise<string>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}

export interface DialogPort {
  /** A workbook file to open, or null when cancelled. */
  chooseOpen(): Promise<string | null>;
  /** Where to write, or null when cancelled. */
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
}
