import type { LockOwner } from '../../shared/ipc/contract';

// Issue 16 item 1: a lock file beside the open workbook, as LibreOffice does (`.~lock.NAME#`): who has it open,
// on which machine, since when. A lock is advice to people, not a guard against lost work: saving over a file changed
// since it was opened is refused by the document guard (document-guard.ts) whatever the locks say.
// Pure logic over small ports; adapters/lock-fs.ts implements them with node:fs and node:os.

/** What a lock file says (JSON). `heartbeat` is rewritten while the document stays open. */
export interface LockRecord {
  app: typeof LOCK_APP;
  user: string;
  machine: string;
  pid: number;
  since: string;
  heartbeat: string;
}

export const LOCK_APP = 'contribution-calculator';
/** A lock whose heartbeat is older than this was left by a session that ended without removing it. */
export const STALE_AFTER_MS = 24 * 3600_000;
export const HEARTBEAT_MS = 10 * 60_000;

export interface LockFsPort {
  /** The file's text; null when there is none. */
  readText(path: string): Promise<string | null>;
  /** Creates the file whole unless it exists; false when it exists (another process took it first). */
  createExclusive(path: string, text: string): Promise<boolean>;
  /** Replaces the file whole (atomic write). */
  replace(path: string, text: string): Promise<void>;
  /** Removes the file; no error when it is already gone. */
  remove(path: string): Promise<void>;
}

/** This process and its machine, and the clock. */
export interface HostPort {
  user: string;
  machine: string;
  pid: number;
  /** Whether a process of this machine is still running. */
  isAlive(pid: number): boolean;
  now(): number;
  /** Calls `f` every `ms` until the returned function is called. */
  every(ms: number, f: () => void): () => void;
  sleep(ms: number): Promise<void>;
}

/** A save under way elsewhere holds this longer than any save takes only when its process died mid-save. */
export const SAVE_LOCK_STALE_MS = 60_000;
const SAVE_LOCK_TRIES = 50;
const SAVE_LOCK_WAIT_MS = 100;

export interface LockPaths {
  join(...parts: string[]): string;
  basename(path: string): string;
  dirname(path: string): string;
}

export function lockPathFor(path: string, paths: LockPaths): string {
  return paths.join(paths.dirname(path), `.~lock.${paths.basename(path)}#`);
}

/** Held only while one save compares the file with what it expects and writes it (document-guard.ts). */
export function saveLockPathFor(path: string, paths: LockPaths): string {
  return paths.join(paths.dirname(path), `.~save.${paths.basename(path)}#`);
}

/**
 * Runs `task` while holding the file's save lock, so that between two copies of the app (two people, one network
 * drive) "is the file still what I opened?" and "write it" happen with no other save between them. 'busy' when
 * another save held it for the whole wait; a save lock left by a save that died is removed after a minute.
 */
export async function withSaveLock<T>(
  path: string,
  ports: { fs: LockFsPort; host: HostPort; paths: LockPaths },
  task: () => Promise<T>,
): Promise<T | 'busy'> {
  const { fs, host, paths } = ports;
  const lp = saveLockPathFor(path, paths);
  const me = JSON.stringify({
    app: LOCK_APP,
    machine: host.machine,
    pid: host.pid,
    at: new Date(host.now()).toISOString(),
  });
  for (let i = 0; i < SAVE_LOCK_TRIES; i++) {
    if (await fs.createExclusive(lp, me).catch(() => false)) {
      try {
        return await task();
      } finally {
        await fs.remove(lp).catch(() => undefined);
      }
    }
    const other = await fs.readText(lp).catch(() => null);
    let at = NaN;
    let gone = false;
    try {
      const v = JSON.parse(other ?? '') as { at?: string; machine?: string; pid?: number };
      at = Date.parse(v.at ?? '');
      gone = v.machine === host.machine && typeof v.pid === 'number' && v.pid !== host.pid && !host.isAlive(v.pid);
    } catch {
      // being written, or damaged: judged by age below once it parses, or after the wait
    }
    if (other !== null && (gone || (!Number.isNaN(at) && host.now() - at > SAVE_LOCK_STALE_MS)))
      await fs.remove(lp).catch(() => undefined);
    else await host.sleep(SAVE_LOCK_WAIT_MS);
  }
  return 'busy';
}

/**
 * A lock file's text as a record. A LibreOffice lock (`,user,machine,date,folder;` — the workbook opened in an office
 * program) is read too: it names who has the file, and has no heartbeat nor a process id we could check.
 */
export function parseLock(text: string): LockRecord | { office: LockOwner } | null {
  try {
    const v = JSON.parse(text) as Partial<LockRecord>;
    if (
      v &&
      v.app === LOCK_APP &&
      typeof v.user === 'string' &&
      typeof v.machine === 'string' &&
      Number.isInteger(v.pid) &&
      typeof v.since === 'string'
    ) {
      return {
        app: LOCK_APP,
        user: v.user,
        machine: v.machine,
        pid: v.pid!,
        since: v.since,
        heartbeat: typeof v.heartbeat === 'string' ? v.heartbeat : v.since,
      };
    }
  } catch {
    // not ours: perhaps an office program's
  }
  const f = text.split(',');
  if (f.length >= 4 && f[0] === '' && f[1].trim() !== '')
    return { office: { user: f[1].trim(), machine: f[2].trim(), since: f[3].trim() } };
  return null;
}

/** Why a lock no longer holds: its process ended (on this machine), or it missed its heartbeat for a day. */
export function staleReason(
  lock: LockRecord,
  host: Pick<HostPort, 'machine' | 'isAlive'>,
  now: number,
): 'process-gone' | 'no-heartbeat' | null {
  if (lock.machine === host.machine && !host.isAlive(lock.pid)) return 'process-gone';
  const beat = Date.parse(lock.heartbeat);
  const last = Number.isNaN(beat) ? Date.parse(lock.since) : beat;
  // An unreadable date counts as old: such a lock cannot say it is alive.
  if (Number.isNaN(last) || now - last > STALE_AFTER_MS) return 'no-heartbeat';
  return null;
}

const owner = (l: LockRecord): LockOwner => ({ user: l.user, machine: l.machine, since: l.since });
const isMine = (l: LockRecord, host: HostPort) => l.machine === host.machine && l.pid === host.pid;

export type Acquired = { held: true } | { held: false; owner: LockOwner };

export interface Locks {
  /** Takes the lock of `path` (replacing a stale one), or says who holds it. */
  acquire(path: string): Promise<Acquired>;
  /** Removes our lock of `path` (never another's). */
  release(path: string): Promise<void>;
  releaseAll(): Promise<void>;
  /** The paths whose lock we hold. */
  held(): string[];
}

export function createLocks(ports: { fs: LockFsPort; host: HostPort; paths: LockPaths }): Locks {
  const { fs, host, paths } = ports;
  // Our locks: the record written and the heartbeat's stop.
  const mine = new Map<string, { record: LockRecord; stop: () => void }>();

  const read = async (lockPath: string) => {
    const text = await fs.readText(lockPath).catch(() => null);
    return text === null ? null : parseLock(text);
  };

  async function beat(path: string): Promise<void> {
    const lp = lockPathFor(path, paths);
    const held = mine.get(path);
    if (!held) return;
    const now = await read(lp);
    // Replaced by someone who judged ours stale (a day without heartbeat, a suspended laptop): it is theirs now.
    if (!now || 'office' in now || !isMine(now, host) || now.since !== held.record.since) {
      held.stop();
      mine.delete(path);
      return;
    }
    held.record = { ...held.record, heartbeat: new Date(host.now()).toISOString() };
    await fs.replace(lp, JSON.stringify(held.record)).catch(() => undefined);
  }

  async function take(path: string, lp: string): Promise<boolean> {
    const at = new Date(host.now()).toISOString();
    const record: LockRecord = {
      app: LOCK_APP,
      user: host.user,
      machine: host.machine,
      pid: host.pid,
      since: at,
      heartbeat: at,
    };
    if (!(await fs.createExclusive(lp, JSON.stringify(record)).catch(() => false))) return false;
    mine.get(path)?.stop();
    mine.set(path, { record, stop: host.every(HEARTBEAT_MS, () => void beat(path)) });
    return true;
  }

  return {
    async acquire(path) {
      const lp = lockPathFor(path, paths);
      // Twice at most: a lock that appears between our look and our write is someone else's, and said so.
      for (let attempt = 0; attempt < 2; attempt++) {
        const found = await read(lp);
        if (found && 'office' in found) return { held: false, owner: found.office };
        if (found && isMine(found, host)) {
          if (!mine.has(path)) mine.set(path, { record: found, stop: host.every(HEARTBEAT_MS, () => void beat(path)) });
          return { held: true };
        }
        if (found && !staleReason(found, host, host.now())) return { held: false, owner: owner(found) };
        // None, stale, or unreadable (no owner can be named): replaced.
        if (found || (await fs.readText(lp).catch(() => null)) !== null) await fs.remove(lp).catch(() => undefined);
        if (await take(path, lp)) return { held: true };
      }
      const last = await read(lp);
      return {
        held: false,
        owner: last && 'office' in last ? last.office : last ? owner(last) : { user: '', machine: '', since: '' },
      };
    },
    async release(path) {
      const held = mine.get(path);
      if (!held) return;
      held.stop();
      mine.delete(path);
      const lp = lockPathFor(path, paths);
      const now = await read(lp);
      if (now && !('office' in now) && isMine(now, host) && now.since === held.record.since)
        await fs.remove(lp).catch(() => undefined);
    },
    async releaseAll() {
      await Promise.all([...mine.keys()].map((p) => this.release(p)));
    },
    held: () => [...mine.keys()],
  };
}
