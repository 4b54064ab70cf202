import { basename, dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ ipcMain: {}, app: {}, BrowserWindow: class {}, dialog: {}, Menu: {} }));

import { createFileHandlers, type FileHandlers } from '../../electron/handlers/files';
import { MAX_EXPORT_BYTES, MAX_WORKBOOK_BYTES, suggestedBaseName } from '../../electron/handlers/limits';
import type { DialogPort, FsPort } from '../../electron/handlers/ports';
import { MAX_PRINT_HTML } from '../../electron/handlers/print';
import { ARG_CHECKS, registerIpc } from '../../electron/ipc/register';
import { CHANNELS, INVOKE_NAMES, type InvokeName } from '../../shared/ipc/contract';

// Issue 15 item 8: every IPC payload has a size cap and a schema; suggested names reach a dialog as base names;
// the sender is the app's own top-level page.

const APP = 'app://app/index.html';
const fromApp = { senderFrame: { url: APP, parent: null } };

function setup() {
  const handles = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
  const ons = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
  const ipc = {
    handle: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => void handles.set(c, f),
    removeHandler: () => undefined,
    on: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => void ons.set(c, f),
    removeListener: () => undefined,
  };
  const h = {} as Record<string, ReturnType<typeof vi.fn>>;
  for (const n of INVOKE_NAMES) h[n] = vi.fn(async () => ({ ok: true }));
  const states: unknown[] = [];
  registerIpc(ipc as never, h as unknown as FileHandlers, {
    isTrustedUrl: (u) => u === APP,
    onDocumentState: (s) => states.push(s),
  });
  const call = (name: InvokeName, ...args: unknown[]) => handles.get(CHANNELS[name])!(fromApp, ...args);
  return { handles, ons, h, call, states };
}

const ref = { id: '/w/a.json', name: 'a.json' };
const big = (n: number) => 'x'.repeat(n + 1);

describe('issue 15 item 8: IPC payloads have size caps and a schema', () => {
  it('refuses a 256 MiB workbook (and anything over the cap) on save, save as and autosave', () => {
    const t = setup();
    const huge = big(MAX_WORKBOOK_BYTES);
    expect(() => t.call('save', ref, huge)).toThrow(/malformed/);
    expect(() => t.call('saveAs', 'a.json', huge)).toThrow(/malformed/);
    expect(() => t.call('autosave', { text: huge, file: null, savedAt: '2026-01-01T00:00:00Z' })).toThrow(/malformed/);
    expect(() => t.call('exportFile', 'a.csv', 'csv', big(MAX_EXPORT_BYTES))).toThrow(/malformed/);
    expect(() => t.call('exportFile', 'a.xlsx', 'xlsx', new Uint8Array(MAX_EXPORT_BYTES + 1))).toThrow(/malformed/);
    expect(() => t.call('exportPdf', 'a.pdf', `<!doctype html>${big(MAX_PRINT_HTML)}`)).toThrow(/malformed/);
    for (const n of INVOKE_NAMES) expect(t.h[n]).not.toHaveBeenCalled();
  });

  it('caps every string: paths, names, dates', () => {
    const t = setup();
    expect(() => t.call('save', { id: big(4096), name: 'a.json' }, '{}')).toThrow(/malformed/);
    expect(() => t.call('save', { id: '/w/a\0.json', name: 'a.json' }, '{}')).toThrow(/malformed/);
    expect(() => t.call('openRecent', big(4096))).toThrow(/malformed/);
    expect(() => t.call('saveAs', big(1024), '{}')).toThrow(/malformed/);
    expect(() => t.call('autosave', { text: '{}', file: null, savedAt: big(64) })).toThrow(/malformed/);
    expect(() => t.call('exportFile', 'a.csv', 'exe', 'x')).toThrow(/malformed/);
    t.ons.get(CHANNELS.setDocumentState)!(fromApp, { name: big(1024), dirty: true });
    expect(t.states).toEqual([]);
  });

  it('every channel has a schema: no call passes with the wrong number or kinds of arguments', () => {
    const t = setup();
    for (const name of INVOKE_NAMES) {
      expect(ARG_CHECKS[name]).toBeDefined();
      expect(() => t.call(name, ...ARG_CHECKS[name].map(() => 42), 'extra')).toThrow(/malformed/);
    }
  });

  it('objects reach the handler as clean copies: only the fields of the contract', async () => {
    const t = setup();
    await t.call('save', { ...ref, extra: 'x'.repeat(100), toString: 1 }, '{}');
    expect(t.h.save).toHaveBeenCalledWith(ref, '{}');
    await t.call('autosave', { text: '{}', file: { ...ref, more: 1 }, savedAt: 's', junk: [1, 2] });
    expect(t.h.autosave).toHaveBeenCalledWith({ text: '{}', file: ref, savedAt: 's' });
  });

  it('the sender is the app’s own top-level page: a frame inside it is refused', () => {
    const t = setup();
    const save = t.handles.get(CHANNELS.save)!;
    expect(() => save({ senderFrame: { url: APP, parent: { url: APP } } }, ref, '{}')).toThrow(/not sent by the app/);
    expect(() =>
      save({ senderFrame: { url: 'file:///opt/cc/dist/renderer/index.html', parent: null } }, ref, '{}'),
    ).toThrow(/not sent by the app/);
    t.ons.get(CHANNELS.setDocumentState)!({ senderFrame: { url: APP, parent: {} } }, { name: 'a', dirty: true });
    expect(t.states).toEqual([]);
  });
});

describe('issue 15 item 8: suggested file names are reduced to a base name', () => {
  it('keeps only the last part of any path, without control characters; nothing usable gives a default', () => {
    expect(suggestedBaseName('/root/.bashrc', 'workbook.json')).toBe('.bashrc');
    expect(suggestedBaseName('..\\..\\Windows\\System32\\evil.json', 'workbook.json')).toBe('evil.json');
    expect(suggestedBaseName('C:\\Users\\x\\a.json', 'workbook.json')).toBe('a.json');
    expect(suggestedBaseName('a\u0000b\nc.json', 'workbook.json')).toBe('abc.json');
    expect(suggestedBaseName('..', 'workbook.json')).toBe('workbook.json');
    expect(suggestedBaseName('dir/', 'workbook.json')).toBe('workbook.json');
    expect(suggestedBaseName('   ', 'x.csv')).toBe('x.csv');
    expect(suggestedBaseName('y'.repeat(400), 'x.csv').length).toBeLessThanOrEqual(200);
  });

  it('the save, export and PDF dialogs never receive a path from the renderer', async () => {
    const asked: string[] = [];
    const dialog: DialogPort = { chooseOpen: async () => null, chooseSave: async (name) => (asked.push(name), null) };
    const fs: FsPort = {
      readFile: async () => '[]',
      writeAtomic: async () => undefined,
      unlink: async () => undefined,
      exists: async () => false,
      sweepTemps: async () => undefined,
    };
    const h = createFileHandlers({
      fs,
      dialog,
      paths: { userData: '/data', startFile: '/app/x.json', join, basename, dirname },
      check: { readWorkbook: async () => ({ kind: 'ok', text: '{}' }), checkText: async () => ({ kind: 'ok' }) },
      pdf: { htmlToPdf: async () => new Uint8Array() },
    });
    await h.saveAs('/root/.bashrc', '{}');
    await h.save({ id: '/etc/cron.d/x', name: '/etc/cron.d/x' }, '{}');
    await h.exportFile('../../../home/u/.profile', 'csv', 'a');
    await h.exportPdf('/tmp/../etc/report', '<!doctype html><p>');
    expect(asked).toEqual(['.bashrc', 'x', '.profile', 'report.pdf']);
  });
});
