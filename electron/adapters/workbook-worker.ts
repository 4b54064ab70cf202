import { Worker } from 'node:worker_threads';
import type { FileVerdict, TextVerdict, WorkbookCheckPort } from '../handlers/ports';
import type { CheckRequest } from '../workers/workbook-check.worker';

// Issue 15 item 7: the main process hands a workbook to a worker thread and only receives its verdict, so a large
// file never freezes the window. One short-lived worker per request: a crash or out-of-memory ends that worker only.

const DEV_BOOTSTRAP = new URL('../workers/dev-bootstrap.mjs', import.meta.url);

function run<T>(entry: URL, request: CheckRequest): Promise<T> {
  // From source (.ts) the worker goes through tsx; the built app runs the bundled .js as is.
  const fromSource = entry.pathname.endsWith('.ts');
  return new Promise<T>((resolve, reject) => {
    const w = fromSource ? new Worker(DEV_BOOTSTRAP, { workerData: { entry: entry.href, request } }) : new Worker(entry, { workerData: { request } });
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

export function workerWorkbookCheck(entry: URL): WorkbookCheckPort {
  return {
    readWorkbook: (path, maxBytes) => run<FileVerdict>(entry, { kind: 'file', path, maxBytes }).catch((e): FileVerdict => ({ kind: 'unreadable', reason: why(e) })),
    checkText: (text) => run<TextVerdict>(entry, { kind: 'text', text }).catch((e): TextVerdict => ({ kind: 'invalid', count: 1, message: `it could not be checked: ${why(e)}` })),
  };
}
