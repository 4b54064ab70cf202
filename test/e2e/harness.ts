import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

// Browser mode end to end: the built renderer (dist/renderer) served on a random 127.0.0.1 port, driven in
// Debian's Chromium (the Electron binary cannot be downloaded on the build machines).

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

// E2E_RENDERER: a build of one's own (vite build --outDir DIR), when another build of dist/renderer is under way.
export const RENDERER_DIR = resolve(process.env.E2E_RENDERER || 'dist/renderer');

/** Serves a folder read-only on 127.0.0.1 (a random port); paths cannot leave the folder. */
export async function serveStatic(dir = RENDERER_DIR): Promise<{ url: string; close(): Promise<void> }> {
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run build first`);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** The grid cell for a member (row id = member code) and column, as AG Grid 36 renders it (cells inside the row). */
export const cell = (code: string, col: string) =>
  `.ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
export const totalCell = '.ag-row-pinned[row-id="total"] .ag-cell[col-id="amount"]';

export interface OpenApp {
  page: Page;
  /** For a second page of the same browser, or going back to the app's address. */
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

/**
 * The built renderer in Chromium (browser mode) on the bundled example, its first grid row drawn; optionally at a
 * budget and year. Page errors are printed, so a test that fails for one says why.
 */
export async function openApp(o: {
  width: number;
  height: number;
  downloads?: boolean;
  budget?: string;
  year?: number;
  dir?: string;
  /** The address's query, such as ?locale=de (the app's number and date format). */
  query?: string;
  /** The browser's language (navigator.language), such as fr-FR. */
  locale?: string;
}): Promise<OpenApp> {
  const server = await serveStatic(o.dir ? resolve(o.dir) : RENDERER_DIR);
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: o.width, height: o.height },
    acceptDownloads: o.downloads ?? false,
    ...(o.locale ? { locale: o.locale } : {}),
  });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(server.url + (o.query ?? ''));
  await page.waitForSelector('.ag-row[row-index="0"]');
  if (o.budget) await page.selectOption('[data-testid=budget-select]', o.budget);
  if (o.year) await page.selectOption('[data-testid=year-select]', String(o.year));
  return {
    page,
    browser,
    url: server.url,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Clicks a toolbar item by its test id (or a selector such as button:text-is("New")), through the ⋯ menu when the row
 * is too short for it (issue 14: the toolbar never wraps; what does not fit is in the menu).
 */
export async function clickToolbar(page: Page, item: string): Promise<void> {
  const found = await revealToolbar(page, item);
  await found.click();
}

/** Shows a toolbar item: opens the ⋯ menu if it is put away there, and the Export list if it is one of its formats. */
export async function revealToolbar(page: Page, item: string) {
  const found = page.locator(/^[\w-]+$/.test(item) ? `[data-testid=${item}]` : item).first();
  if (await found.isVisible()) return found;
  const inList = (await found.locator('xpath=ancestor::*[contains(@class,"export-list")]').count()) > 0;
  const opener = inList ? page.locator('[data-testid=export-open]') : found;
  if (!(await opener.isVisible())) await page.click('[data-testid=toolbar-more]');
  if (inList) await opener.click();
  return found;
}
