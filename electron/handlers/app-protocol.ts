import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CSP } from '../window';

// The app:// protocol (issue 15 item 10): the app's page and the print window load from app:// instead of file://,
// so a page never has file:// privileges and the app's own files are the only ones that can be served.
// Plain functions over Request/Response (globals in Node and Electron's main process): the tests run them as is.

export const APP_SCHEME = 'app';
/** The app's page. */
export const APP_URL = 'app://app/index.html';
const APP_HOST = 'app';
/** The print window's documents, served from memory by its own session (adapters/pdf.ts). */
export const PRINT_ORIGIN = 'app://print';

/** Registered before ready (protocol.registerSchemesAsPrivileged): a standard, secure origin like https. */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
} as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file under `root` that an app:// URL names, or null: another host, a path leaving root, odd bytes. */
export function resolveAppAsset(url: string, root: string): { path: string; type: string } | null {
  let u: URL;
  let rel: string;
  try {
    u = new URL(url);
    if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
    rel = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // Backslashes, NULs and empty segments have no business in our asset names; refusing them beats normalizing.
  if (/[\\\0]/.test(rel) || rel.includes('//') || rel.split('/').some((s) => s === '..' || s === '.')) return null;
  const file = resolve(root, `.${rel === '/' ? '/index.html' : rel}`);
  const inside = relative(resolve(root), file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return { path: file, type: TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

const notFound = () => new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** protocol.handle's handler for the app's page: GET of files under `root`, with the CSP on every response. */
export function createAppProtocolHandler(
  root: string,
  readFile: (path: string) => Promise<Uint8Array>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return new Response('method not allowed', { status: 405 });
    const asset = resolveAppAsset(request.url, root);
    if (!asset) return notFound();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(asset.path);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : (bytes as Uint8Array<ArrayBuffer>), {
      status: 200,
      headers: {
        'content-type': asset.type,
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}

/** The print window's CSP: its layout is inline styles only; nothing is fetched, nothing runs. */
export const PRINT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

/**
 * The print session's handler: serves each document registered (by an unguessable token) while it prints, and
 * nothing else, so renderer-supplied HTML only ever reaches a script-less page with no file access.
 */
export function createPrintProtocolHandler(documents: ReadonlyMap<string, string>): (request: Request) => Response {
  return (request) => {
    const html = request.method === 'GET' ? documents.get(request.url) : undefined;
    if (html === undefined) return notFound();
    return new Response(html, {
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': PRINT_CSP,
        'x-content-type-options': 'nosniff',
      },
    });
  };
}

export const printUrl = (token: string) => `${PRINT_ORIGIN}/${token}.html`;
