import { parentPort, workerData } from 'node:worker_threads';
import { checkWorkbookText, readWorkbookFile } from './workbook-check';

// A worker thread per request (issue 15 item 7): reads, parses and validates off the main process, posts one
// verdict and ends. Built to dist/electron/workbook-check.worker.cjs (electron/build.mjs; CommonJS, as the preload,
// so it loads from inside app.asar through Electron's patched module loader).
// Texts cross as UTF-8 bytes in transferred buffers: cloning a 40 MB string costs the main thread over a second.

export type CheckRequest = { kind: 'file'; path: string; maxBytes: number } | { kind: 'text'; bytes: Uint8Array };

const req = (workerData as { request: CheckRequest }).request;
if (req.kind === 'text') parentPort!.postMessage(checkWorkbookText(new TextDecoder().decode(req.bytes)));
else
  void readWorkbookFile(req.path, req.maxBytes).then((v) => {
    if (v.kind !== 'ok') return parentPort!.postMessage(v);
    const bytes = new TextEncoder().encode(v.text);
    parentPort!.postMessage({ kind: 'ok', bytes }, [bytes.buffer]);
  });
