import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, INVOKE_NAMES } from '../../shared/ipc/contract';

// The composition root (electron/main.ts) and the preload have never run against a real Electron here (the binary
// cannot be downloaded). This drives both with a fake Electron that records what they ask of it.

const rec = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>;
    url?: string;
    events: string[];
    webEvents: string[];
    windowOpen?: () => unknown;
    perm?: (a: unknown, b: unknown, cb: (ok: boolean) => void) => void;
  }[],
  handled: new Set<string>(),
  listened: new Set<string>(),
  menus: 0,
  sandbox: false,
  appEvents: [] as string[],
  exposed: {} as Record<string, unknown>,
  invoked: [] as unknown[][],
  schemes: [] as unknown[],
  protocols: [] as string[],
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const w = { options, events: [] as string[], webEvents: [] as string[] } as (typeof rec.windows)[number];
      rec.windows.push(w);
      this.webContents = {
        on: (e: string) => w.webEvents.push(e),
        send: () => {},
        setWindowOpenHandler: (h: () => unknown) => (w.windowOpen = h),
        session: {
          setPermissionRequestHandler: (h: (a: unknown, b: unknown, cb: (ok: boolean) => void) => void) => (w.perm = h),
          setPermissionCheckHandler: () => {},
          webRequest: { onHeadersReceived: () => {} },
        },
      };
      (this as unknown as { w: typeof w }).w = w;
    }
    once(e: string) {
      (this as unknown as { w: { events: string[] } }).w.events.push(e);
    }
    on(e: string) {
      (this as unknown as { w: { events: string[] } }).w.events.push(e);
    }
    loadURL(url: string) {
      (this as unknown as { w: { url?: string } }).w.url = url;
      return Promise.resolve();
    }
    setTitle() {}
    setDocumentEdited() {}
    show() {}
    destroy() {}
  }
  const app = {
    isPackaged: false,
    enableSandbox: () => (rec.sandbox = true),
    whenReady: () => Promise.resolve(),
    getPath: () => '/tmp/cc-user-data',
    getLocale: () => 'en-US',
    getAppPath: () => process.cwd(),
    on: (e: string) => rec.appEvents.push(e),
    quit: () => {},
  };
  const ipcMain = {
    handle: (c: string) => rec.handled.add(c),
    on: (c: string) => rec.listened.add(c),
    removeHandler: () => {},
    removeListener: () => {},
  };
  const protocol = {
    registerSchemesAsPrivileged: (s: unknown[]) => rec.schemes.push(...s),
    handle: (scheme: string) => rec.protocols.push(scheme),
  };
  const session = { fromPartition: () => ({}) };
  const Menu = { buildFromTemplate: (t: unknown) => t, setApplicationMenu: () => rec.menus++ };
  const dialog = {
    showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
    showSaveDialog: async () => ({ canceled: true }),
    showMessageBox: async () => ({ response: 2 }),
  };
  const contextBridge = { exposeInMainWorld: (k: string, v: unknown) => (rec.exposed[k] = v) };
  const ipcRenderer = {
    invoke: (...a: unknown[]) => (rec.invoked.push(a), Promise.resolve(null)),
    send: () => {},
    on: () => {},
    removeListener: () => {},
  };
  const mod = { app, BrowserWindow, ipcMain, Menu, dialog, contextBridge, ipcRenderer, protocol, session };
  return { ...mod, default: mod };
});

describe('the Electron composition root with a fake Electron', () => {
  it('opens one secure window on the app page, with every IPC channel handled and the menu installed', async () => {
    await import('../../electron/main');
    await vi.waitFor(() => expect(rec.windows.length).toBe(1));
    const w = rec.windows[0];
    expect(rec.sandbox).toBe(true);
    expect(w.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String((w.options.webPreferences as { preload: string }).preload)).toMatch(/preload\.cjs$/);
    // app://, never file:// (issue 15 item 10): the scheme registered as privileged before ready, handled after.
    expect(w.url).toBe('app://app/index.html');
    expect(rec.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    expect(rec.protocols).toEqual(['app']);
    expect(w.events).toEqual(expect.arrayContaining(['ready-to-show', 'close', 'closed']));
    expect(w.webEvents).toEqual(expect.arrayContaining(['will-navigate', 'will-redirect']));
    expect(w.windowOpen?.()).toEqual({ action: 'deny' });
    let granted: boolean | undefined;
    w.perm?.(null, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
    for (const name of INVOKE_NAMES) expect(rec.handled.has(CHANNELS[name])).toBe(true);
    expect(rec.listened).toEqual(new Set([CHANNELS.setDocumentState, CHANNELS.closeAfterSave]));
    await vi.waitFor(() => expect(rec.menus).toBeGreaterThan(0));
    expect(rec.appEvents).toEqual(expect.arrayContaining(['web-contents-created', 'window-all-closed']));
  });

  it('the preload exposes exactly the contract as window.api, each call on its channel', async () => {
    await import('../../electron/preload');
    const api = rec.exposed.api as Record<string, unknown>;
    expect(api.kind).toBe('electron');
    for (const name of INVOKE_NAMES) {
      expect(typeof api[name]).toBe('function');
      await (api[name] as () => Promise<unknown>)();
      expect(rec.invoked.at(-1)?.[0]).toBe(CHANNELS[name]);
    }
    expect(Object.keys(api).sort()).toEqual(
      ['kind', 'onMenu', 'onDiskChange', 'setDocumentState', 'closeAfterSave', ...INVOKE_NAMES].sort(),
    );
  });
});
