// Runs a TypeScript worker from source (tests, the torture test, `electron .` before a build): tsx is registered in
// the worker thread itself, then the worker is imported. The packaged app runs the built .js worker directly.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.entry);
