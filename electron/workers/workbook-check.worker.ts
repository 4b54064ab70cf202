import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkbookText, readWorkbookFile } from './workbook-check';

// A worker thread per request (issue 15 item 7): reads, parses and validates off the main process, posts one
// verdict and ends. Built to dist/electron/workbook-check.worker.cjs (electron/build.mjs; CommonJS, as the preload,
// so it loads from inside app.asar through Electron's patched module loader).

export type CheckRequest = { kind: 'file'; path: string; maxBytes: number } | { kind: 'text'; text: string };

const req = (workerData as { request: CheckRequest }).request;
void (req.kind === 'file' ? readWorkbookFile(req.path, req.maxBytes) : Promise.resolve(checkWorkbookText(req.text))).then((v) => parentPort!.postMessage(v));
