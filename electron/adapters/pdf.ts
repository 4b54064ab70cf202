import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PdfPort } from '../handlers/ports';

// printToPDF in a hidden window. The print layout is written to a private temp folder and loaded from there (a
// data: URL is limited in size; a large table is MBs). The window runs no script, has no preload, may not
// navigate or open windows, and is destroyed after printing.

export const electronPdf: PdfPort = {
  async htmlToPdf(html) {
    const dir = await mkdtemp(join(tmpdir(), 'contribution-print-'));
    const file = join(dir, 'print.html');
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, spellcheck: false },
    });
    try {
      await writeFile(file, html, 'utf8');
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.loadURL(pathToFileURL(file).toString());
      // The layout's @page rule sets the paper size, orientation and margins (page numbers in its margin boxes).
      return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    } finally {
      win.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  },
};
