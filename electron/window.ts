// Window security (ARCHITECTURE.md, non-negotiable): isolated, sandboxed, no Node in the page, a CSP,
// no navigation, no new windows, no permissions. Plain data and functions over small structural types,
// so the unit tests check the policy without Electron; adapters/window.ts applies it.

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
  } as const;
}

export function windowOptions(preload: string) {
  return {
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Contribution Calculator',
    webPreferences: secureWebPreferences(preload),
  };
}

/** The page may only be the app's own index.html (app://app/index.html); anything else is refused. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const u = new URL(url);
    const a = new URL(appUrl);
    return u.protocol === a.protocol && u.host === a.host && u.pathname === a.pathname;
  } catch {
    return false;
  }
}

interface Hardenable {
  webContents: {
    on(
      event: 'will-navigate' | 'will-redirect',
      listener: (event: { preventDefault(): void }, url: string) => void,
    ): unknown;
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
    session: {
      setPermissionRequestHandler(
        handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
      ): void;
      setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
      webRequest: {
        onHeadersReceived(
          listener: (
            details: { responseHeaders?: Record<string, string[] | string> },
            callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void,
          ) => void,
        ): void;
      };
    };
  };
}

/** Denies navigation away from the app, new windows and every permission request; adds the CSP header. */
export function hardenWindow(win: Hardenable, appUrl: string): void {
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  };
  win.webContents.on('will-navigate', deny);
  win.webContents.on('will-redirect', deny);
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  win.webContents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  win.webContents.session.setPermissionCheckHandler(() => false);
  win.webContents.session.webRequest.onHeadersReceived((details, callback) =>
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } }),
  );
}

/** Title: file name, unsaved mark (and the platform's edited dot on macOS, set by the adapter). */
export function windowTitle(name: string, dirty: boolean): string {
  return `${dirty ? '● ' : ''}${name} — Contribution Calculator`;
}
