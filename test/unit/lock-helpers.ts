import { basename, dirname, join } from 'node:path';
import { hashText, type DiskPort } from '../../electron/handlers/document-guard';
import type { HostPort, LockFsPort } from '../../electron/handlers/lock';
import type { DialogPort, FsPort, WorkbookCheckPort } from '../../electron/handlers/ports';
import { checkWorkbookText } from '../../electron/workers/workbook-check';

// Issue 16: one in-memory disk shared by several copies of the app (each with its own host: machine and pid), so the
// lock and save tests run two "people" against one file. Every operation yields first, so concurrent saves interleave.

export const paths = { join, basename, dirname };
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function sharedDisk(files: Record<string, string> = {}) {
  const store = new Map(Object.entries(files));
  const fs: FsPort = {
    async readFile(p) {
      await tick();
      const v = store.get(p);
      if (v === undefined) throw new Error(`ENOENT: ${p}`);
      return v;
    },
    async writeAtomic(p, d, opts) {
      await tick();
      if (opts.backup && store.has(p)) store.set(`${p}.bak`, store.get(p)!);
      store.set(p, typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
    },
    async unlink(p) {
      store.delete(p);
    },
    async exists(p) {
      return store.has(p);
    },
    async sweepTemps() {},
  };
  const check: WorkbookCheckPort = {
    async readWorkbook(p) {
      await tick();
      const text = store.get(p);
      if (text === undefined) return { kind: 'unreadable', reason: 'ENOENT' };
      const v = checkWorkbookText(text);
      return v.kind === 'ok' ? { kind: 'ok', text } : v;
    },
    checkText: async (t) => checkWorkbookText(t),
  };
  const lockFs: LockFsPort = {
    async readText(p) {
      await tick();
      return store.get(p) ?? null;
    },
    async createExclusive(p, text) {
      await tick();
      if (store.has(p)) return false;
      store.set(p, text);
      return true;
    },
    async replace(p, text) {
      await tick();
      store.set(p, text);
    },
    async remove(p) {
      await tick();
      store.delete(p);
    },
  };
  const disk: DiskPort = {
    async contentHash(p) {
      await tick();
      const t = store.get(p);
      return t === undefined ? null : hashText(t);
    },
    async readCurrent(p) {
      await tick();
      const t = store.get(p);
      return t === undefined ? null : { text: t, hash: hashText(t) };
    },
  };
  return { store, fs, check, lockFs, disk };
}

/** A copy of the app: its machine, pid and clock; `alive` says which pids run; `beat()` fires the heartbeats. */
export function fakeHost(machine: string, pid: number, clock: { now: number }, alive: Set<string>) {
  const timers = new Set<() => void>();
  alive.add(`${machine}:${pid}`);
  const host: HostPort = {
    user: `user${pid}`,
    machine,
    pid,
    isAlive: (p) => alive.has(`${machine}:${p}`),
    now: () => clock.now,
    every(_ms, f) {
      timers.add(f);
      return () => timers.delete(f);
    },
    async sleep(ms) {
      clock.now += ms;
      await tick();
    },
  };
  return { host, beat: () => [...timers].forEach((f) => f()), timers };
}

export function scriptedDialog(open: (string | null)[] = [], save: (string | null)[] = []): DialogPort {
  return { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => save.shift() ?? null };
}
