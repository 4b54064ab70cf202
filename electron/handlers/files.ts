import type { DesktopApi, Draft, ExportKind, FileRef, OpenResult, SaveResult } from '../../shared/ipc/contract';
import { isDraft } from '../../shared/ipc/contract';
import { parseWorkbook } from '../../shared/model/validate';
import { createPdfExport } from './print';
import type { DialogPort, FsPort, PathsPort, PdfPort } from './ports';

export type FileHandlers = Pick<
  DesktopApi,
  'open' | 'openRecent' | 'openExample' | 'save' | 'saveAs' | 'recentFiles' | 'autosave' | 'recover' | 'clearAutosave' | 'exportFile' | 'exportPdf'
>;

const RECENT_MAX = 10;
const JSON_FILTER = { name: 'Contribution workbook', extensions: ['json'] };
const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  json: { name: 'JSON', extensions: ['json'] },
};

/**
 * Writes atomically: a temp file beside the target, then a rename, so a crash never leaves half a file.
 * The previous version is kept as `<file>.bak`.
 */
export async function writeAtomic(fs: FsPort, path: string, data: string | Uint8Array, keepBackup = true): Promise<void> {
  const tmp = `${path}.tmp-${Date.now().toString(36)}`;
  await fs.writeFile(tmp, data);
  try {
    if (keepBackup && (await fs.exists(path))) await fs.copyFile(path, `${path}.bak`);
    await fs.rename(tmp, path);
  } catch (e) {
    await fs.unlink(tmp).catch(() => undefined);
    throw e;
  }
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** File handlers for the desktop API. Only files the user chose (or that opened cleanly) may be written. */
export function createFileHandlers(ports: { fs: FsPort; dialog: DialogPort; paths: PathsPort; pdf?: PdfPort }): FileHandlers & { writable: ReadonlySet<string> } {
  const { fs, dialog, paths } = ports;
  const recentPath = paths.join(paths.userData, 'recent.json');
  const draftPath = paths.join(paths.userData, 'autosave.json');
  // A renderer can only name a path the user picked: it never writes anywhere else.
  const writable = new Set<string>();
  const ref = (path: string): FileRef => ({ id: path, name: paths.basename(path) });

  async function readRecent(): Promise<FileRef[]> {
    try {
      const v: unknown = JSON.parse(await fs.readFile(recentPath));
      return Array.isArray(v) ? v.filter((f): f is FileRef => typeof f?.id === 'string' && typeof f?.name === 'string') : [];
    } catch {
      return [];
    }
  }

  async function remember(path: string): Promise<void> {
    const list = [ref(path), ...(await readRecent()).filter((f) => f.id !== path)].slice(0, RECENT_MAX);
    await writeAtomic(fs, recentPath, JSON.stringify(list, null, 2), false).catch(() => undefined);
  }

  /** A file that fails to load is reported and never made writable, so it is never overwritten. */
  async function openPath(path: string, opts: { recent: boolean; writable: boolean }): Promise<OpenResult> {
    let text: string;
    try {
      text = await fs.readFile(path);
    } catch (e) {
      return { ok: false, message: `${paths.basename(path)} could not be read: ${why(e)}` };
    }
    const parsed = parseWorkbook(text);
    if (!parsed.workbook) {
      writable.delete(path);
      const first = parsed.problems[0];
      const line = parsed.lines[0];
      return { ok: false, message: `${paths.basename(path)} could not be opened (${parsed.problems.length} problem(s)); it was left as it is. ${line ? `Line ${line}: ` : ''}${first?.message ?? ''}` };
    }
    if (opts.writable) writable.add(path);
    if (opts.recent) await remember(path);
    return { ok: true, opened: { file: ref(path), text } };
  }

  async function writeChosen(path: string, text: string): Promise<SaveResult> {
    try {
      await writeAtomic(fs, path, text);
    } catch (e) {
      return { ok: false, message: `${paths.basename(path)} could not be saved: ${why(e)}` };
    }
    writable.add(path);
    await remember(path);
    return { ok: true, file: ref(path) };
  }

  const handlers: FileHandlers = {
    async open() {
      const path = await dialog.chooseOpen();
      if (!path) return { ok: false, cancelled: true };
      return openPath(path, { recent: true, writable: true });
    },
    async openRecent(id) {
      if (!(await readRecent()).some((f) => f.id === id)) return { ok: false, message: 'that file is not in the recent list' };
      return openPath(id, { recent: true, writable: true });
    },
    async openExample() {
      // The bundled example is read-only: its first Save asks where to write.
      return openPath(paths.startFile, { recent: false, writable: false });
    },
    async save(file, text) {
      if (!writable.has(file.id)) {
        const r = await handlers.saveAs(file.name, text);
        return 'cancelled' in r ? { ok: false, message: 'Save was cancelled' } : r;
      }
      return writeChosen(file.id, text);
    },
    async saveAs(suggestedName, text) {
      const path = await dialog.chooseSave(suggestedName, JSON_FILTER);
      if (!path) return { ok: false, cancelled: true };
      return writeChosen(path, text);
    },
    recentFiles: readRecent,
    async autosave(draft: Draft) {
      await writeAtomic(fs, draftPath, JSON.stringify(draft), false);
    },
    async recover() {
      if (!(await fs.exists(draftPath))) return null;
      try {
        const d: unknown = JSON.parse(await fs.readFile(draftPath));
        return isDraft(d) ? d : null;
      } catch {
        return null;
      }
    },
    async clearAutosave() {
      if (await fs.exists(draftPath)) await fs.unlink(draftPath);
    },
    async exportFile(suggestedName, kind, data) {
      const path = await dialog.chooseSave(suggestedName, EXPORT_FILTERS[kind]);
      if (!path) return { ok: false, cancelled: true };
      try {
        await writeAtomic(fs, path, data);
      } catch (e) {
        return { ok: false, message: `${paths.basename(path)} could not be written: ${why(e)}` };
      }
      return { ok: true, file: ref(path) };
    },
    ...createPdfExport({ dialog, pdf: ports.pdf, write: (path, data) => writeAtomic(fs, path, data, false), basename: paths.basename }),
  };
  return Object.assign(handlers, { writable });
}
