import type { DesktopApi, Draft, ExportKind, FileRef, OpenResult, SaveResult } from '../../shared/ipc/contract';
import { isDraft } from '../../shared/ipc/contract';
import { MAX_WORKBOOK_BYTES, mib, suggestedBaseName } from './limits';
import { createPdfExport } from './print';
import type { DialogPort, FsPort, PathsPort, PdfPort, TextVerdict, WorkbookCheckPort } from './ports';

export type FileHandlers = Pick<
  DesktopApi,
  | 'open'
  | 'openRecent'
  | 'openExample'
  | 'save'
  | 'saveAs'
  | 'recentFiles'
  | 'autosave'
  | 'recover'
  | 'clearAutosave'
  | 'exportFile'
  | 'exportPdf'
>;

const RECENT_MAX = 10;
const JSON_FILTER = { name: 'Contribution workbook', extensions: ['json'] };
const EXPORT_FILTERS: Record<ExportKind, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  json: { name: 'JSON', extensions: ['json'] },
};

/**
 * Runs the tasks given for one path one after another (issue 15 item 6: two saves of one document at once must not
 * interleave). A failed task does not stop the next.
 */
export function createPathQueue(): <T>(path: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (path, task) => {
    const run = (tails.get(path) ?? Promise.resolve()).then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(path, tail);
    void tail.then(() => tails.get(path) === tail && tails.delete(path));
    return run;
  };
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
const first = (v: Extract<TextVerdict, { kind: 'invalid' }>) => `${v.line ? `Line ${v.line}: ` : ''}${v.message}`;

/** File handlers for the desktop API. Only files the user chose (or that opened cleanly) may be written. */
export function createFileHandlers(ports: {
  fs: FsPort;
  dialog: DialogPort;
  paths: PathsPort;
  check: WorkbookCheckPort;
  pdf?: PdfPort;
}): FileHandlers & {
  writable: ReadonlySet<string>;
  sweepStaleTemps(): Promise<void>;
} {
  const { fs, dialog, paths, check } = ports;
  const recentPath = paths.join(paths.userData, 'recent.json');
  const draftPath = paths.join(paths.userData, 'autosave.json');
  // A renderer can only name a path the user picked: it never writes anywhere else.
  const writable = new Set<string>();
  const ref = (path: string): FileRef => ({ id: path, name: paths.basename(path) });
  const queue = createPathQueue();
  // Each folder written to is swept once per session for temp files a killed save left there.
  const swept = new Set<string>();

  /** Every write of the shell: one at a time per path, atomic, after a sweep of the folder. */
  async function write(path: string, data: string | Uint8Array, backup: boolean): Promise<void> {
    await queue(path, async () => {
      const dir = paths.dirname(path);
      if (!swept.has(dir)) {
        swept.add(dir);
        await fs.sweepTemps([dir]).catch(() => undefined);
      }
      await fs.writeAtomic(path, data, { backup });
    });
  }

  async function readRecent(): Promise<FileRef[]> {
    try {
      const v: unknown = JSON.parse(await fs.readFile(recentPath));
      return Array.isArray(v)
        ? v.filter((f): f is FileRef => typeof f?.id === 'string' && typeof f?.name === 'string')
        : [];
    } catch {
      return [];
    }
  }

  // Read, change and write under the queue, so two saves at once both land in the list.
  const remember = (path: string) =>
    queue(`${recentPath}#list`, async () => {
      const list = [ref(path), ...(await readRecent()).filter((f) => f.id !== path)].slice(0, RECENT_MAX);
      await write(recentPath, JSON.stringify(list, null, 2), false);
    }).catch(() => undefined);

  /** A file that fails to load is reported and never made writable, so it is never overwritten. */
  async function openPath(path: string, opts: { recent: boolean; writable: boolean }): Promise<OpenResult> {
    const name = paths.basename(path);
    // Read, parsed and validated in a worker (issue 15 item 7): the main process only waits.
    const v = await check.readWorkbook(path, MAX_WORKBOOK_BYTES);
    if (v.kind !== 'ok') writable.delete(path);
    switch (v.kind) {
      case 'unreadable':
        return { ok: false, message: `${name} could not be read: ${v.reason}` };
      case 'too-large':
        return {
          ok: false,
          message: `${name} is ${mib(v.bytes)}; the largest workbook the app opens is ${MAX_WORKBOOK_BYTES / (1024 * 1024)} MiB. It was left as it is.`,
        };
      case 'invalid':
        return {
          ok: false,
          message: `${name} could not be opened (${v.count} problem(s)); it was left as it is. ${first(v)}`,
        };
    }
    if (opts.writable) writable.add(path);
    if (opts.recent) await remember(path);
    return { ok: true, opened: { file: ref(path), text: v.text } };
  }

  /** Why `text` may not be saved as a workbook, or null (issue 15 item 8: checked in the main process, off its thread). */
  async function refusal(name: string, text: string): Promise<SaveResult | null> {
    const kept = 'the file on disk was left as it is.';
    if (Buffer.byteLength(text, 'utf8') > MAX_WORKBOOK_BYTES)
      return {
        ok: false,
        message: `${name} was not saved: it is larger than ${MAX_WORKBOOK_BYTES / (1024 * 1024)} MiB; ${kept}`,
      };
    const v = await check.checkText(text);
    if (v.kind === 'ok') return null;
    return {
      ok: false,
      message: `${name} was not saved: it is not a valid workbook (${v.count} problem(s)); ${kept} ${first(v)}`,
    };
  }

  async function writeChosen(path: string, text: string): Promise<SaveResult> {
    try {
      await write(path, text, true);
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
      if (!(await readRecent()).some((f) => f.id === id))
        return { ok: false, message: 'that file is not in the recent list' };
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
      // The check is inside the document's queue too: a quick check of a later save must not overtake a slow one.
      return queue(
        `save:${file.id}`,
        async () => (await refusal(paths.basename(file.id), text)) ?? writeChosen(file.id, text),
      );
    },
    async saveAs(suggestedName, text) {
      const name = suggestedBaseName(suggestedName, 'workbook.json');
      // Refused before the dialog: there is no point asking where to write what will not be written.
      const no = await refusal(name, text);
      if (no) return no;
      const path = await dialog.chooseSave(name, JSON_FILTER);
      if (!path) return { ok: false, cancelled: true };
      return writeChosen(path, text);
    },
    recentFiles: readRecent,
    async autosave(draft: Draft) {
      await write(draftPath, JSON.stringify(draft), false);
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
      await queue(draftPath, async () => {
        if (await fs.exists(draftPath)) await fs.unlink(draftPath);
      });
    },
    async exportFile(suggestedName, kind, data) {
      const path = await dialog.chooseSave(suggestedBaseName(suggestedName, `export.${kind}`), EXPORT_FILTERS[kind]);
      if (!path) return { ok: false, cancelled: true };
      try {
        await write(path, data, false);
      } catch (e) {
        return { ok: false, message: `${paths.basename(path)} could not be written: ${why(e)}` };
      }
      return { ok: true, file: ref(path) };
    },
    ...createPdfExport({
      dialog,
      pdf: ports.pdf,
      write: (path, data) => write(path, data, false),
      basename: paths.basename,
    }),
  };
  return Object.assign(handlers, {
    writable,
    /** At start: our temp files left by a killed save, in the app's folder and the folders of recent files. */
    async sweepStaleTemps() {
      const dirs = [paths.userData, ...(await readRecent()).map((f) => paths.dirname(f.id))];
      for (const d of dirs) swept.add(d);
      await fs.sweepTemps(dirs).catch(() => undefined);
    },
  });
}
