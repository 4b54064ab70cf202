// Issue 16 item 2: while a workbook is open, a change on disk is noticed as it happens. The folder is watched (a
// save by another program replaces the file by rename, which a watch on the file itself would lose), events for
// other files (lock files, temp files) are ignored, and a burst of events (temp write, rename, backup) is one
// notice after `debounceMs`. fs.watch is not reliable everywhere (network drives may never report, or fail): the
// renderer's polling on focus and every 30 s stays as the fallback, so a watch that fails is simply closed.

export interface WatchPort {
  /** Watches a folder; `onEvent` gets the name of the file that changed (null when the system does not say). */
  watch(dir: string, onEvent: (fileName: string | null) => void, onError: (e: unknown) => void): { close(): void };
  setTimeout(f: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
}

export interface FileWatch {
  /** Watches the open workbook (or nothing, for null). False when its folder cannot be watched: polling only. */
  follow(fileId: string | null): boolean;
  stop(): void;
}

export const WATCH_DEBOUNCE_MS = 300;

export function createFileWatch(ports: {
  watch: WatchPort;
  paths: { dirname(p: string): string; basename(p: string): string };
  /** The open workbook may have changed on disk: the renderer asks diskChanged, which compares content hashes. */
  onChange(fileId: string): void;
  debounceMs?: number;
}): FileWatch {
  const { watch, paths, onChange } = ports;
  const ms = ports.debounceMs ?? WATCH_DEBOUNCE_MS;
  let current: { id: string; close(): void; timer?: unknown } | null = null;

  const stop = () => {
    if (!current) return;
    if (current.timer !== undefined) watch.clearTimeout(current.timer);
    try {
      current.close();
    } catch {
      // Already closed by the system (its folder gone).
    }
    current = null;
  };

  return {
    follow(fileId) {
      if (current?.id === fileId) return true;
      stop();
      if (fileId === null) return false;
      const name = paths.basename(fileId);
      const me: { id: string; close(): void; timer?: unknown } = { id: fileId, close: () => undefined };
      try {
        const w = watch.watch(
          paths.dirname(fileId),
          (changed) => {
            if (current !== me || (changed !== null && changed !== name)) return;
            if (me.timer !== undefined) watch.clearTimeout(me.timer);
            me.timer = watch.setTimeout(() => {
              me.timer = undefined;
              if (current === me) onChange(fileId);
            }, ms);
          },
          // A watch that fails (a network drive gone) is closed: polling notices changes from then on.
          () => {
            if (current === me) stop();
          },
        );
        me.close = () => w.close();
      } catch {
        return false;
      }
      current = me;
      return true;
    },
    stop,
  };
}
