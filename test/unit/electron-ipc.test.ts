import { describe, expect, it, vi } from 'vitest';

// Never load the real electron module in Node tests.
vi.mock('electron', () => ({ ipcMain: {}, app: {}, BrowserWindow: class {}, dialog: {}, Menu: {} }));

import { registerIpc } from '../../electron/ipc/register';
import type { FileHandlers } from '../../electron/handlers/files';
import { menuTemplate, type MenuItem } from '../../electron/menu';
import { CSP, hardenWindow, isAppUrl, secureWebPreferences, windowTitle } from '../../electron/window';
import { CHANNELS, INVOKE_NAMES, isMenuCommand, type MenuCommand } from '../../shared/ipc/contract';

const APP = 'file:///opt/cc/dist/renderer/index.html';

function fakeIpc() {
  const handles = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
  const ons = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
  return {
    handles,
    ons,
    ipc: {
      handle: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => void handles.set(c, f),
      removeHandler: (c: string) => void handles.delete(c),
      on: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => ons.set(c, f),
      removeListener: (c: string) => ons.delete(c),
    },
  };
}

function fakeHandlers(): FileHandlers {
  const h = {} as Record<string, unknown>;
  for (const n of INVOKE_NAMES) h[n] = vi.fn(async (...a: unknown[]) => ({ called: n, args: a }));
  return h as unknown as FileHandlers;
}

const fromApp = { senderFrame: { url: APP } };

describe('IPC registration', () => {
  it('registers one handler per channel of the contract, and removes them all', () => {
    const f = fakeIpc();
    const off = registerIpc(f.ipc as never, fakeHandlers(), {
      isTrustedUrl: (u) => isAppUrl(u, APP),
      onDocumentState: () => {},
    });
    expect([...f.handles.keys()].sort()).toEqual(INVOKE_NAMES.map((n) => CHANNELS[n]).sort());
    expect([...f.ons.keys()]).toEqual([CHANNELS.setDocumentState, CHANNELS.closeAfterSave]);
    off();
    expect(f.handles.size).toBe(0);
    expect(f.ons.size).toBe(0);
  });

  it('passes valid payloads from the app page to the handler', async () => {
    const f = fakeIpc();
    const h = fakeHandlers();
    registerIpc(f.ipc as never, h, { isTrustedUrl: (u) => isAppUrl(u, APP), onDocumentState: () => {} });
    await f.handles.get(CHANNELS.save)!(fromApp, { id: '/w/a.json', name: 'a.json' }, '{}');
    expect(h.save).toHaveBeenCalledWith({ id: '/w/a.json', name: 'a.json' }, '{}');
  });

  it('refuses other senders and malformed payloads', async () => {
    const f = fakeIpc();
    const h = fakeHandlers();
    registerIpc(f.ipc as never, h, { isTrustedUrl: (u) => isAppUrl(u, APP), onDocumentState: () => {} });
    const save = f.handles.get(CHANNELS.save)!;
    expect(() => save({ senderFrame: { url: 'https://evil.example/' } }, { id: 'x', name: 'x' }, '{}')).toThrow(
      /not sent by the app/,
    );
    expect(() => save({ senderFrame: null }, { id: 'x', name: 'x' }, '{}')).toThrow(/not sent by the app/);
    expect(() => save(fromApp, '/etc/passwd', '{}')).toThrow(/malformed/);
    expect(() => save(fromApp, { id: 'x', name: 'x' }, 42)).toThrow(/malformed/);
    expect(() => f.handles.get(CHANNELS.exportFile)!(fromApp, 'a.exe', 'exe', 'MZ')).toThrow(/malformed/);
    expect(() => f.handles.get(CHANNELS.open)!(fromApp, 'extra')).toThrow(/malformed/);
    expect(h.save).not.toHaveBeenCalled();
  });

  it('document state (title, unsaved mark) is checked too', () => {
    const f = fakeIpc();
    const states: unknown[] = [];
    registerIpc(f.ipc as never, fakeHandlers(), {
      isTrustedUrl: (u) => isAppUrl(u, APP),
      onDocumentState: (s) => states.push(s),
    });
    const on = f.ons.get(CHANNELS.setDocumentState)!;
    on(fromApp, { name: 'a.json', dirty: true });
    on(fromApp, { name: 'a.json', dirty: 'yes' });
    on({ senderFrame: { url: 'https://evil.example/' } }, { name: 'x', dirty: false });
    expect(states).toEqual([{ name: 'a.json', dirty: true }]);
    expect(windowTitle('a.json', true)).toBe('● a.json — Contribution Calculator');
  });

  it('the answer to saveAndClose is checked: a boolean from the app page only', () => {
    const f = fakeIpc();
    const results: boolean[] = [];
    registerIpc(f.ipc as never, fakeHandlers(), {
      isTrustedUrl: (u) => isAppUrl(u, APP),
      onDocumentState: () => {},
      onSaveResult: (s) => results.push(s),
    });
    const on = f.ons.get(CHANNELS.closeAfterSave)!;
    on(fromApp, true);
    on(fromApp, 'yes');
    on({ senderFrame: { url: 'https://evil.example/' } }, true);
    on(fromApp, false);
    expect(results).toEqual([true, false]);
  });
});

describe('window security', () => {
  it('isolates and sandboxes the page with no Node', () => {
    expect(secureWebPreferences('/p.cjs')).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("style-src 'self' 'unsafe-inline'");
    expect(CSP).not.toMatch(/unsafe-eval/);
  });

  it('denies navigation, new windows and permissions, and sets the CSP header', () => {
    const on = new Map<string, (e: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | undefined;
    let permission: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, p: string) => boolean) | null = null;
    let headers:
      ((d: { responseHeaders?: Record<string, string[] | string> }, cb: (r: unknown) => void) => void) | undefined;
    hardenWindow(
      {
        webContents: {
          on: (ev, l) => on.set(ev, l),
          setWindowOpenHandler: (h) => (openHandler = h),
          session: {
            setPermissionRequestHandler: (h) => (permission = h),
            setPermissionCheckHandler: (h) => (check = h),
            webRequest: { onHeadersReceived: (l) => (headers = l) },
          },
        },
      },
      APP,
    );
    const prevented = vi.fn();
    on.get('will-navigate')!({ preventDefault: prevented }, 'https://evil.example/');
    on.get('will-navigate')!({ preventDefault: prevented }, APP);
    expect(prevented).toHaveBeenCalledTimes(1);
    expect(openHandler!({ url: 'https://x' })).toEqual({ action: 'deny' });
    const cb = vi.fn();
    permission!(null, 'media', cb);
    expect(cb).toHaveBeenCalledWith(false);
    expect(check!(null, 'notifications')).toBe(false);
    const res = vi.fn();
    headers!({ responseHeaders: {} }, res);
    expect(res).toHaveBeenCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } });
  });
});

describe('native menu', () => {
  const labels = (items: MenuItem[]) => items.filter((i) => i.visible !== false).map((i) => i.label ?? i.role ?? '-');
  it('has File, Edit, View and Help with the usual items and shortcuts', () => {
    const sent: MenuCommand[] = [];
    const t = menuTemplate({
      send: (c) => sent.push(c),
      recent: [{ id: '/w/a.json', name: 'a.json' }],
      devTools: false,
      isMac: false,
    });
    expect(labels(t)).toEqual(['File', 'Edit', 'View', 'Help']);
    expect(labels(t[0].submenu!)).toEqual([
      'New',
      'Open…',
      'Open Recent',
      '-',
      'Save',
      'Save As…',
      'Export',
      '-',
      'quit',
    ]);
    const exp = t[0].submenu!.find((i) => i.label === 'Export')!;
    expect(labels(exp.submenu!)).toEqual(['Export as CSV…', 'Export as XLSX…', 'Export as PDF…']);
    expect(exp.submenu!.map((i) => i.accelerator)).toEqual(['CmdOrCtrl+E', 'CmdOrCtrl+Shift+E', 'CmdOrCtrl+P']);
    expect(labels(t[1].submenu!)).toEqual(['Undo', 'Redo', '-', 'cut', 'copy', 'paste', 'selectAll']);
    const save = t[0].submenu!.find((i) => i.label === 'Save')!;
    expect(save.accelerator).toBe('CmdOrCtrl+S');
    save.click!();
    t[0].submenu![2].submenu![0].click!();
    t[1].submenu![0].click!();
    for (const i of exp.submenu!) i.click!();
    expect(sent).toEqual(['save', { openRecent: '/w/a.json' }, 'undo', 'export', 'exportXlsx', 'exportPdf']);
    // The preload passes only contract commands on to the renderer: the three exports are among them.
    expect(sent.every(isMenuCommand)).toBe(true);
    expect(isMenuCommand('exportDocx')).toBe(false);
    expect(t[1].submenu!.filter((i) => i.label === 'Redo').map((i) => i.accelerator)).toEqual([
      'Ctrl+Y',
      'Ctrl+Shift+Z',
    ]);
    // Help: the shortcuts on F1, then About; both contract commands.
    const help = t[3].submenu!;
    expect(labels(help)).toEqual(['Keyboard Shortcuts', 'About Contribution Calculator']);
    expect(help[0].accelerator).toBe('F1');
    const before = sent.length;
    for (const i of help) i.click!();
    expect(sent.slice(before)).toEqual(['shortcuts', 'about']);
    expect(sent.every(isMenuCommand)).toBe(true);
  });
});
