import { watch } from 'node:fs';
import type { WatchPort } from '../handlers/file-watch';

// fs.watch on a folder, for handlers/file-watch.ts.
export const nodeWatch: WatchPort = {
  watch(dir, onEvent, onError) {
    const w = watch(dir, { persistent: false }, (_event, name) => onEvent(name === null ? null : String(name)));
    w.on('error', onError);
    return { close: () => w.close() };
  },
  setTimeout: (f, ms) => setTimeout(f, ms),
  clearTimeout: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
};
