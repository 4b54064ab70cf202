import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
// @ts-expect-error js-yaml (installed with electron-builder) ships no types; it is only read as data here.
import { load } from 'js-yaml';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Issue 15 item 10: shell hardening, checked without the Electron binary: the packaging config as data, the
// protocol handlers as functions over Request/Response, the adapters with electron mocked.

const rec = vi.hoisted(() => ({
  privileged: [] as unknown[],
  handled: new Map<string, (r: Request) => Promise<Response> | Response>(),
  sessions: new Map<
    string,
    {
      handlers: Map<string, (r: Request) => Promise<Response> | Response>;
      beforeRequest?: (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
      permission?: unknown;
      options?: unknown;
    }
  >(),
  gate: null as Promise<void> | null,
  windows: [] as { options: Record<string, unknown>; loaded?: string; served?: string; destroyed: boolean }[],
}));

vi.mock('electron', () => {
  const fakeSession = (name: string, options?: unknown) => {
    if (!rec.sessions.has(name)) rec.sessions.set(name, { handlers: new Map(), options });
    const s = rec.sessions.get(name)!;
    return {
      protocol: {
        handle: (scheme: string, h: (r: Request) => Promise<Response>) => void s.handlers.set(scheme, h),
        unhandle: (scheme: string) => void s.handlers.delete(scheme),
        isProtocolHandled: (scheme: string) => s.handlers.has(scheme),
      },
      webRequest: { onBeforeRequest: (l: typeof s.beforeRequest) => void (s.beforeRequest = l ?? undefined) },
      setPermissionRequestHandler: (h: unknown) => void (s.permission = h),
      setPermissionCheckHandler: () => undefined,
    };
  };
  class BrowserWindow {
    rec: (typeof rec.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.rec = { options, destroyed: false };
      rec.windows.push(this.rec);
      const r = this.rec;
      this.webContents = {
        on: () => undefined,
        setWindowOpenHandler: () => undefined,
        async printToPDF() {
          await rec.gate;
          // What the window shows is what the print session serves at the loaded URL.
          const ses = rec.sessions.get('print')!;
          const res = await ses.handlers.get('app')!(new Request(r.loaded!));
          r.served = await res.text();
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
  }
  const protocol = {
    registerSchemesAsPrivileged: (s: unknown[]) => rec.privileged.push(...s),
    handle: (scheme: string, h: (r: Request) => Promise<Response>) => void rec.handled.set(scheme, h),
  };
  const session = { fromPartition: (name: string, options?: unknown) => fakeSession(name, options) };
  const mod = { BrowserWindow, protocol, session, app: {}, ipcMain: {}, dialog: {}, Menu: {} };
  return { ...mod, default: mod };
});

import { electronPdf } from '../../electron/adapters/pdf';
import { installAppProtocol, registerAppScheme } from '../../electron/adapters/protocol';
import { APP_URL, createAppProtocolHandler, resolveAppAsset } from '../../electron/handlers/app-protocol';

interface Fuses {
  runAsNode?: boolean;
  enableCookieEncryption?: boolean;
  enableNodeOptionsEnvironmentVariable?: boolean;
  enableNodeCliInspectArguments?: boolean;
  enableEmbeddedAsarIntegrityValidation?: boolean;
  onlyLoadAppFromAsar?: boolean;
  grantFileProtocolExtraPrivileges?: boolean;
}

describe('issue 15 item 10: Electron fuses in the packaging config', () => {
  const config = load(readFileSync('build/electron-builder.yml', 'utf8')) as { electronFuses?: Fuses; asar?: boolean };
  it('turns off run-as-node, NODE_OPTIONS and --inspect; turns on cookie encryption, ASAR integrity and ASAR-only', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The app no longer loads from file:// (app:// below), so file:// keeps no extra privileges.
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('uses only fuse names electron-builder knows (its own schema)', () => {
    const scheme = JSON.parse(readFileSync('node_modules/app-builder-lib/scheme.json', 'utf8')) as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    for (const k of Object.keys(config.electronFuses ?? {})) expect(known).toContain(k);
  });
});

describe('issue 15 item 10: the app:// protocol instead of file://', () => {
  const root = mkdtempSync(join(tmpdir(), 'cc-renderer-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'check.worker-x.js'), 'self.onmessage=()=>{}');
  writeFileSync(join(root, '..', 'cc-secret.txt'), 'secret');
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
    rmSync(join(root, '..', 'cc-secret.txt'), { force: true });
  });

  it('resolves only files under the renderer folder, whatever the spelling of the path', () => {
    expect(APP_URL).toBe('app://app/index.html');
    expect(resolveAppAsset('app://app/index.html', root)).toEqual({
      path: join(root, 'index.html'),
      type: 'text/html; charset=utf-8',
    });
    expect(resolveAppAsset('app://app/', root)?.path).toBe(join(root, 'index.html'));
    expect(resolveAppAsset('app://app/assets/index-abc.js?v=1#x', root)).toEqual({
      path: join(root, 'assets', 'index-abc.js'),
      type: 'text/javascript; charset=utf-8',
    });
    for (const bad of [
      'app://app/../cc-secret.txt',
      'app://app/%2e%2e/cc-secret.txt',
      'app://app/assets/%2e%2e%2f%2e%2e%2fcc-secret.txt',
      'app://app/..%5ccc-secret.txt',
      'app://app/assets\\..\\..\\cc-secret.txt',
      'app://app/%00index.html',
      'app://app//etc/passwd',
      'app://other/index.html',
      'app://print/index.html',
      'file:///etc/passwd',
      'app://app/%E0%A4%A',
      'not a url',
    ]) {
      // Refused, or (where the URL parser already folded the dots away) a path inside the folder.
      const r = resolveAppAsset(bad, root);
      expect(r === null || r.path.startsWith(root + sep), bad).toBe(true);
    }
    expect(resolveAppAsset('app://app/assets/%2e%2e%2f%2e%2e%2fcc-secret.txt', root)).toBeNull();
    expect(resolveAppAsset('app://app/%00index.html', root)).toBeNull();
  });

  it('serves the file with its type and the CSP; anything outside is 404, anything but GET is refused', async () => {
    const serve = createAppProtocolHandler(root, (p) => import('node:fs/promises').then((f) => f.readFile(p)));
    const ok = await serve(new Request('app://app/index.html'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(ok.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await ok.text()).toContain('<title>app</title>');
    expect((await serve(new Request('app://app/assets/index-abc.js'))).headers.get('content-type')).toMatch(
      /javascript/,
    );
    expect((await serve(new Request('app://app/../cc-secret.txt'))).status).toBe(404);
    expect((await serve(new Request('app://app/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://app/assets'))).status).toBe(404);
    expect((await serve(new Request('app://app/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('the scheme is registered as privileged standard + secure before ready, and handled after', async () => {
    registerAppScheme();
    expect(rec.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(rec.privileged[0]).not.toMatchObject({ privileges: { bypassCSP: true } });
    installAppProtocol(root);
    const res = await rec.handled.get('app')!(new Request('app://app/index.html'));
    expect(res.status).toBe(200);
    expect((await rec.handled.get('app')!(new Request('app://app/%2e%2e/cc-secret.txt'))).status).toBe(404);
  });

  it('main.ts and window.ts load the app from app://, never file://', () => {
    const main = readFileSync('electron/main.ts', 'utf8');
    expect(main).toMatch(/APP_URL/);
    expect(main).not.toMatch(/pathToFileURL\(rendererIndex\)/);
  });
});

describe('issue 15 item 10: the print window', () => {
  const HTML = '<!doctype html>\n<html><head><title>t</title></head><body><table></table></body></html>';

  it('prints from memory in a sandboxed, script-less window of its own in-memory session: no file, no preload, no file access', async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith('contribution-print-'));
    const bytes = await electronPdf.htmlToPdf(HTML);
    expect(Buffer.from(bytes).toString()).toBe('%PDF-1.7 fake');
    const w = rec.windows.at(-1)!;
    const prefs = w.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
    });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition ?? prefs.session).toBeDefined();
    expect(w.loaded).toMatch(/^app:\/\/print\/[0-9a-f]{32}\.html$/);
    expect(w.served).toBe(HTML);
    expect(w.destroyed).toBe(true);
    // Nothing was written to disk for it.
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('contribution-print-'))).toEqual(before);
  });

  it('its session serves only that document, only while printing, and blocks every other request (file:// included)', async () => {
    const blocked: Record<string, boolean> = {};
    let open!: () => void;
    rec.gate = new Promise((r) => (open = r));
    const n = rec.windows.length;
    const print = electronPdf.htmlToPdf(HTML);
    await vi.waitFor(() => expect(rec.windows[n]?.loaded).toBeDefined());
    const ses = rec.sessions.get('print')!;
    const url = rec.windows.at(-1)!.loaded!;
    const during = await ses.handlers.get('app')!(new Request(url));
    const other = await ses.handlers.get('app')!(new Request('app://print/index.html'));
    for (const u of [url, 'file:///etc/passwd', 'https://evil.example/x.png', 'app://app/index.html'])
      ses.beforeRequest!({ url: u }, (r) => (blocked[u] = r.cancel));
    open();
    await print;
    expect(during.status).toBe(200);
    expect(during.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(other.status).toBe(404);
    expect(blocked).toEqual({
      [url]: false,
      'file:///etc/passwd': true,
      'https://evil.example/x.png': true,
      'app://app/index.html': true,
    });
    expect((await ses.handlers.get('app')!(new Request(url))).status).toBe(404);
    expect(ses.options).not.toMatchObject({ persist: true });
    let granted: boolean | undefined;
    (ses.permission as (a: unknown, b: string, cb: (g: boolean) => void) => void)(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });
});
