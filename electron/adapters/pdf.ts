import { BrowserWindow, session, type Session } from 'electron';
import { randomBytes } from 'node:crypto';
import { APP_SCHEME, createPrintProtocolHandler, printUrl } from '../handlers/app-protocol';
import type { PdfPort } from '../handlers/ports';

// printToPDF in a hidden window (issue 15 item 10). The layout the renderer sent never touches the disk and never
// reaches a privileged page: it is served from memory, under an unguessable URL, by a session of its own (in memory,
// not persisted) that answers nothing else and cancels every other request, file:// included. The window runs no
// script, has no preload, may not navigate or open windows, is denied every permission and is destroyed after.

const PARTITION = 'print'; // no `persist:` prefix: an in-memory session
const documents = new Map<string, string>();
let printSession: Session | null = null;

function sessionForPrinting(): Session {
  if (printSession) return printSession;
  const s = session.fromPartition(PARTITION, { cache: false });
  s.protocol.handle(APP_SCHEME, createPrintProtocolHandler(documents));
  s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !documents.has(details.url) }));
  s.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  s.setPermissionCheckHandler(() => false);
  printSession = s;
  return s;
}

export const electronPdf: PdfPort = {
  async htmlToPdf(html) {
    const ses = sessionForPrinting();
    const url = printUrl(randomBytes(16).toString('hex'));
    documents.set(url, html);
    const win = new BrowserWindow({
      show: false,
      webPreferences: {
        session: ses,
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        spellcheck: false,
        webviewTag: false,
      },
    });
    try {
      win.webContents.on('will-navigate', (e) => e.preventDefault());
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      await win.loadURL(url);
      // The layout's @page rule sets the paper size, orientation and margins (page numbers in its margin boxes).
      return await win.webContents.printToPDF({ printBackground: true, preferCSSPageSize: true });
    } finally {
      documents.delete(url);
      win.destroy();
    }
  },
};
