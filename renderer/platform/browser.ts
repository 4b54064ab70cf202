import exampleText from '../../examples/example-workbook.json?raw';
import type { DesktopApi, Draft, FileRef, OpenResult } from '../../shared/ipc/contract';

// Browser mode: the same contract as the Electron preload. Open = a file picker, save = a download,
// recent files and the autosave draft in localStorage (a workbook is tens of kB; the quota is MBs: a larger draft is
// dropped, never left stale).

const RECENT_KEY = 'contribution-calculator.recent';
const FILE_KEY = (id: string) => `contribution-calculator.file.${id}`;
const DRAFT_KEY = 'contribution-calculator.draft';
const RECENT_MAX = 8;

function readRecent(storage: Storage): FileRef[] {
  try {
    const v: unknown = JSON.parse(storage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(v)
      ? v.filter((f): f is FileRef => typeof f?.id === 'string' && typeof f?.name === 'string')
      : [];
  } catch {
    return [];
  }
}

function remember(storage: Storage, file: FileRef, text: string): void {
  try {
    storage.setItem(FILE_KEY(file.id), text);
    const list = [file, ...readRecent(storage).filter((f) => f.id !== file.id)];
    for (const old of list.slice(RECENT_MAX)) storage.removeItem(FILE_KEY(old.id));
    storage.setItem(RECENT_KEY, JSON.stringify(list.slice(0, RECENT_MAX)));
  } catch {
    // Storage full or disabled: recent files are a convenience, the download already happened.
  }
}

/** The browser keeps no path: a file is known by its name. */
const refFor = (name: string): FileRef => ({ id: name, name });

function download(win: Window, name: string, data: string | Uint8Array, type: string): void {
  const part: BlobPart = typeof data === 'string' ? data : new Uint8Array(data);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = win.document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  win.document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The browser's print of the print layout, in a hidden iframe (srcdoc: the layout's own CSP applies, no script).
 * The frame stays until the next print, so the print dialog (and a test) can still read it.
 */
function printHtml(win: Window, name: string, html: string): void {
  win.document.querySelector('iframe[data-testid="print-frame"]')?.remove();
  const frame = win.document.createElement('iframe');
  frame.dataset.testid = 'print-frame';
  frame.title = name;
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  // print() can leave focus in the frame, where the app's shortcuts (Alt+1…5, Ctrl+Z) no longer reach: give it back.
  const before = win.document.activeElement as HTMLElement | null;
  frame.addEventListener(
    'load',
    () => {
      frame.contentWindow?.print();
      win.focus();
      before?.focus?.();
      frame.dataset.printed = 'true';
    },
    { once: true },
  );
  frame.srcdoc = html;
  win.document.body.append(frame);
}

function pickFile(win: Window): Promise<File | null> {
  return new Promise((resolve) => {
    const input = win.document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    input.addEventListener('change', () => {
      resolve(input.files?.[0] ?? null);
      input.remove();
    });
    input.addEventListener('cancel', () => {
      resolve(null);
      input.remove();
    });
    win.document.body.append(input);
    input.click();
  });
}

export function browserApi(win: Window): DesktopApi {
  const storage = win.localStorage;
  const listeners = new Set<(c: Parameters<Parameters<DesktopApi['onMenu']>[0]>[0]) => void>();
  return {
    kind: 'browser',
    async open(): Promise<OpenResult> {
      const file = await pickFile(win);
      if (!file) return { ok: false, cancelled: true };
      const text = await file.text();
      const ref = refFor(file.name);
      return { ok: true, opened: { file: ref, text } };
    },
    async openRecent(id) {
      const text = storage.getItem(FILE_KEY(id));
      const ref = readRecent(storage).find((f) => f.id === id);
      if (text === null || !ref) return { ok: false, message: `${id} is no longer in this browser's storage` };
      return { ok: true, opened: { file: ref, text } };
    },
    async openExample() {
      return { ok: true, opened: { file: refFor('example-workbook.json'), text: exampleText } };
    },
    async save(file, text) {
      download(win, file.name, text, 'application/json');
      remember(storage, file, text);
      return { ok: true, file };
    },
    async saveAs(suggestedName, text) {
      const file = refFor(suggestedName.endsWith('.json') ? suggestedName : `${suggestedName}.json`);
      download(win, file.name, text, 'application/json');
      remember(storage, file, text);
      return { ok: true, file };
    },
    async recentFiles() {
      return readRecent(storage);
    },
    async autosave(draft: Draft) {
      try {
        storage.setItem(DRAFT_KEY, JSON.stringify(draft));
      } catch {
        // Quota (a workbook of several MB): no draft rather than an older one offered later as the unsaved work.
        // The user still has Save, and the page asks before it is left with unsaved changes.
        storage.removeItem(DRAFT_KEY);
      }
    },
    async recover() {
      try {
        const d: unknown = JSON.parse(storage.getItem(DRAFT_KEY) ?? 'null');
        return d && typeof (d as Draft).text === 'string' ? (d as Draft) : null;
      } catch {
        return null;
      }
    },
    async clearAutosave() {
      storage.removeItem(DRAFT_KEY);
    },
    async exportFile(suggestedName, kind, data) {
      const type =
        kind === 'csv'
          ? 'text/csv'
          : kind === 'json'
            ? 'application/json'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      download(win, suggestedName, data, type);
      return { ok: true, file: refFor(suggestedName) };
    },
    async exportPdf(suggestedName, html) {
      printHtml(win, suggestedName, html);
      return { ok: true, file: refFor(suggestedName) };
    },
    setDocumentState({ name, dirty }) {
      win.document.title = `${dirty ? '● ' : ''}${name} — Contribution Calculator`;
    },
    closeAfterSave() {
      // A browser tab is closed by the browser (its beforeunload prompt); nothing asks the page to save first.
    },
    onMenu(listener) {
      // No native menu in a browser: the renderer's toolbar and shortcuts call the same actions.
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
