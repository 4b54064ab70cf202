import { readFile, stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { FileVerdict, TextVerdict, WorkbookCheckPort } from '../handlers/ports';
import type { CheckRequest } from '../workers/workbook-check.worker';

// Issue 15 item 7: the main process hands a workbook to a worker thread and only receives its verdict, so a large
// file never freezes the window. One short-lived worker per request: a crash or out-of-memory ends that worker only.
// Texts go both ways as transferred UTF-8 bytes (a 40 MB string costs ~1.3 s to clone, its bytes ~30 ms to decode).

const DEV_BOOTSTRAP = new URL('../workers/dev-bootstrap.mjs', import.meta.url);

function run<T>(entry: URL, request: CheckRequest, transfer: ArrayBuffer[] = []): Promise<T> {
  // From source (.ts) the worker goes through tsx; the built app runs the bundled .cjs as is.
  const fromSource = entry.pathname.endsWith('.ts');
  return new Promise<T>((resolve, reject) => {
    const w = fromSource
      ? new Worker(DEV_BOOTSTRAP, { workerData: { entry: entry.href, request }, transferList: transfer })
      : new Worker(entry, { workerData: { request }, transferList: transfer });
    let answered = false;
    w.once('message', (m: T) => {
      answered = true;
      resolve(m);
      void w.terminate();
    });
    w.once('error', (e) => reject(e));
    w.once('exit', (code) => {
      if (!answered) reject(new Error(`the check stopped (exit code ${code})`));
    });
  });
}

const why = (e: unknown) => (e instanceof Error ? e.message : String(e));
type Posted = Exclude<FileVerdict, { kind: 'ok' }> | { kind: 'ok'; bytes: Uint8Array };

// Only the main process's fs reads inside app.asar (the bundled example); a worker thread may not see the archive.
const inAsar = (path: string) => /\.asar([\\/]|$)/.test(path);

export function workerWorkbookCheck(entry: URL): WorkbookCheckPort {
  const port: WorkbookCheckPort = {
    async readWorkbook(path, maxBytes) {
      if (inAsar(path)) {
        // Read here (asynchronous, off the main thread's time), checked in the worker all the same.
        let text: string;
        try {
          const size = (await stat(path)).size;
          if (size > maxBytes) return { kind: 'too-large', bytes: size };
          text = new TextDecoder().decode(await readFile(path));
        } catch (e) {
          return { kind: 'unreadable', reason: (e as NodeJS.ErrnoException).code ?? why(e) };
        }
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        const v = await port.checkText(text);
        return v.kind === 'ok' ? { kind: 'ok', text } : v;
      }
      try {
        const v = await run<Posted>(entry, { kind: 'file', path, maxBytes });
        return v.kind === 'ok' ? { kind: 'ok', text: new TextDecoder().decode(v.bytes) } : v;
      } catch (e) {
        return { kind: 'unreadable', reason: why(e) };
      }
    },
    async checkText(text) {
      const bytes = new TextEncoder().encode(text);
      return run<TextVerdict>(entry, { kind: 'text', bytes }, [bytes.buffer as ArrayBuffer]).catch(
        (e): TextVerdict => ({ kind: 'invalid', count: 1, message: `it could not be checked: ${why(e)}` }),
      );
    },
  };
  return port;
}
