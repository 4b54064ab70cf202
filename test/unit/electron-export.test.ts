import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

// The PDF export port in plain Node: the handler with a fake PdfPort, and the Electron adapter with electron mocked.

const windows: { options: unknown; loaded?: string; destroyed: boolean; printed?: unknown }[] = [];
const served = vi.hoisted(() => ({ handler: undefined as undefined | ((r: Request) => Response) }));
vi.mock('electron', () => ({
  session: {
    fromPartition: () => ({
      protocol: { handle: (_s: string, h: (r: Request) => Response) => void (served.handler = h) },
      webRequest: { onBeforeRequest: () => undefined },
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
    }),
  },
  BrowserWindow: class {
    private rec: (typeof windows)[number];
    webContents: unknown;
    constructor(options: unknown) {
      this.rec = { options, destroyed: false };
      windows.push(this.rec);
      const rec = this.rec;
      this.webContents = {
        on: () => undefined,
        setWindowOpenHandler: () => undefined,
        async printToPDF(o: unknown) {
          rec.printed = o;
          // The document loaded must be served while printing (it is forgotten afterwards).
          if (!rec.loaded || served.handler!(new Request(rec.loaded)).status !== 200) throw new Error('nothing loaded');
          return Buffer.from('%PDF-1.7 fake');
        },
      };
    }
    async loadURL(url: string) {
      this.rec.loaded = url;
    }
    destroy() {
      this.rec.destroyed = true;
    }
  },
  ipcMain: {},
  app: {},
  dialog: {},
  Menu: {},
}));

import { electronPdf } from '../../electron/adapters/pdf';
import { createFileHandlers } from '../../electron/handlers/files';
import type { DialogPort, FsPort, PdfPort } from '../../electron/handlers/ports';
import { registerIpc } from '../../electron/ipc/register';
import { inlineWorkbookCheck } from '../../electron/workers/workbook-check';
import { CHANNELS, INVOKE_NAMES } from '../../shared/ipc/contract';

const HTML = '<!doctype html>\n<html><head><title>t</title></head><body><table></table></body></html>';

function memoryFs() {
  const store = new Map<string, string | Uint8Array>();
  const fs: FsPort = {
    readFile: async (p) => {
      const v = store.get(p);
      if (v === undefined) throw new Error(`ENOENT: ${p}`);
      return String(v);
    },
    writeAtomic: async (p, d) => void store.set(p, d),
    unlink: async (p) => void store.delete(p),
    exists: async (p) => store.has(p),
    sweepTemps: async () => undefined,
  };
  return { fs, store };
}

function handlers(opts: { save?: (string | null)[]; pdf?: PdfPort } = {}) {
  const m = memoryFs();
  const asked: { name: string; ext: string[] }[] = [];
  const save = [...(opts.save ?? [])];
  const dialog: DialogPort = {
    chooseOpen: async () => null,
    chooseSave: async (name, filter) => {
      asked.push({ name, ext: filter.extensions });
      return save.shift() ?? null;
    },
  };
  const h = createFileHandlers({
    fs: m.fs,
    dialog,
    paths: { userData: '/data', startFile: '/app/x.json', join, basename, dirname },
    check: inlineWorkbookCheck,
    pdf: opts.pdf,
  });
  return { h, ...m, asked };
}

describe('PDF export handler', () => {
  it('asks where to save, renders the print layout through the port and writes the bytes atomically', async () => {
    const seen: string[] = [];
    const t = handlers({
      save: ['/w/paris-2026.pdf'],
      pdf: { htmlToPdf: async (html) => (seen.push(html), new Uint8Array([37, 80, 68, 70])) },
    });
    expect(await t.h.exportPdf('paris-2026', HTML)).toEqual({
      ok: true,
      file: { id: '/w/paris-2026.pdf', name: 'paris-2026.pdf' },
    });
    expect(t.asked).toEqual([{ name: 'paris-2026.pdf', ext: ['pdf'] }]);
    expect(seen).toEqual([HTML]);
    expect(t.store.get('/w/paris-2026.pdf')).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect([...t.store.keys()].some((k) => k.includes('.tmp-'))).toBe(false);
  });

  it('renders nothing when the user cancels', async () => {
    const pdf = { htmlToPdf: vi.fn(async () => new Uint8Array()) };
    const t = handlers({ save: [null], pdf });
    expect(await t.h.exportPdf('a.pdf', HTML)).toEqual({ ok: false, cancelled: true });
    expect(pdf.htmlToPdf).not.toHaveBeenCalled();
  });

  it('reports a failed rendering and writes nothing', async () => {
    const t = handlers({
      save: ['/w/a.pdf'],
      pdf: { htmlToPdf: async () => Promise.reject(new Error('renderer crashed')) },
    });
    expect(await t.h.exportPdf('a.pdf', HTML)).toEqual({
      ok: false,
      message: 'the PDF could not be made: renderer crashed',
    });
    expect(t.store.size).toBe(0);
  });

  it('refuses what is not a print layout, and says so when there is no PDF port', async () => {
    const pdf = { htmlToPdf: vi.fn(async () => new Uint8Array()) };
    const t = handlers({ save: ['/w/a.pdf'], pdf });
    expect(await t.h.exportPdf('a.pdf', 'javascript:alert(1)')).toEqual({
      ok: false,
      message: 'that is not a print layout',
    });
    expect(pdf.htmlToPdf).not.toHaveBeenCalled();
    expect(await handlers().h.exportPdf('a.pdf', HTML)).toEqual({
      ok: false,
      message: 'PDF export is not available here',
    });
  });

  it('the IPC registration checks the payload: a name and an HTML string', () => {
    const handles = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
    const ipc = {
      handle: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => void handles.set(c, f),
      removeHandler: () => undefined,
      on: () => undefined,
      removeListener: () => undefined,
    };
    const h = {} as Record<string, unknown>;
    for (const n of INVOKE_NAMES) h[n] = vi.fn(async () => ({ ok: true }));
    registerIpc(ipc as never, h as never, {
      isTrustedUrl: (u) => u === 'file:///app/index.html',
      onDocumentState: () => undefined,
    });
    const call = handles.get(CHANNELS.exportPdf)!;
    const fromApp = { senderFrame: { url: 'file:///app/index.html' } };
    expect(() => call(fromApp, 'a.pdf', new Uint8Array([1]))).toThrow(/malformed/);
    expect(() => call({ senderFrame: { url: 'https://evil.example/' } }, 'a.pdf', HTML)).toThrow(/not sent by the app/);
    void call(fromApp, 'a.pdf', HTML);
    expect(h.exportPdf).toHaveBeenCalledWith('a.pdf', HTML);
  });
});

describe('Electron PDF adapter (electron mocked)', () => {
  it('prints in a hidden window without script, honours the layout’s @page size, then destroys the window and forgets the document', async () => {
    const bytes = await electronPdf.htmlToPdf(HTML);
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    const w = windows.at(-1)!;
    expect(w.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect(w.printed).toMatchObject({ preferCSSPageSize: true, printBackground: true });
    expect(w.loaded).toMatch(/^app:\/\/print\/[0-9a-f]+\.html$/);
    expect(w.destroyed).toBe(true);
    expect(served.handler!(new Request(w.loaded!)).status).toBe(404);
  });
});
