import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

// One atomic write for the desktop shell and the CLI (cli/io.ts). Node only, never electron (the lint rule for
// electron/handlers says so), which is why both may import it from here.
//
// The plan, whatever is killed or fails at any point:
//   1. the new text goes to a temp file with a unique name beside the target, is fsynced and closed;
//   2. the backup: a hard link to the current file under a temp name (or, where links are not supported, a copy to
//      a temp name, fsynced), renamed over `<file>.bak`; the old backup is replaced only by a whole one;
//   3. the temp file is renamed over the target, and the folder is fsynced so the renames reach the disk.
// A failure removes our temp files and leaves the target and its backup as they were.
// The plan is written once as a generator of steps; a sync driver (the CLI) and an async driver (the app) run it.

export type Step =
  | { op: 'realpath'; path: string }
  | { op: 'mode'; path: string }
  | { op: 'writeNew'; path: string; data: Uint8Array; mode: number | null }
  | { op: 'link'; from: string; to: string }
  | { op: 'copyNew'; from: string; to: string }
  | { op: 'rename'; from: string; to: string }
  | { op: 'unlink'; path: string }
  | { op: 'syncDir'; path: string };

export type SyncOps = (step: Step) => unknown;
export type AsyncOps = (step: Step) => Promise<unknown>;

/** Our temp files: `.<name>.<pid>.<16 hex>.cc-tmp`. The pid tells the start-up sweep whose they were. */
const TEMP_RE = /^\..*\.(\d+)\.[0-9a-f]{16}\.cc-tmp$/;

export function tempPathFor(target: string): string {
  // Web Crypto's global, not node:crypto: loading that module costs `contrib` several ms at every start (issue 13);
  // the global loads what it needs when first used, that is when a file is written.
  const hex = Buffer.from(crypto.getRandomValues(new Uint8Array(8))).toString('hex');
  // The name is cut so a long file name still fits the usual 255-byte limit.
  return join(dirname(target), `.${basename(target).slice(0, 96)}.${process.pid}.${hex}.cc-tmp`);
}

/** The pid in one of our temp file names, or null for any other file. */
export function tempOwner(name: string): number | null {
  const m = TEMP_RE.exec(name);
  return m ? Number(m[1]) : null;
}

export function* atomicWritePlan(
  target: string,
  data: string | Uint8Array,
  backup: boolean,
): Generator<Step, void, unknown> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // A symbolic link stays one: the file it points at is replaced.
  const path = (yield { op: 'realpath', path: target }) as string;
  const mode = (yield { op: 'mode', path }) as number | null;
  let tmp: string | null = tempPathFor(path);
  let bakTmp: string | null = null;
  try {
    yield { op: 'writeNew', path: tmp, data: bytes, mode };
    if (backup && mode !== null) {
      bakTmp = tempPathFor(`${path}.bak`);
      try {
        yield { op: 'link', from: path, to: bakTmp };
      } catch {
        // FAT, some network shares: no hard links, so an atomic copy instead.
        yield { op: 'copyNew', from: path, to: bakTmp };
      }
      yield { op: 'rename', from: bakTmp, to: `${path}.bak` };
      bakTmp = null;
    }
    yield { op: 'rename', from: tmp, to: path };
    tmp = null;
  } catch (e) {
    for (const t of [tmp, bakTmp]) {
      if (!t) continue;
      try {
        yield { op: 'unlink', path: t };
      } catch {
        // Already gone (a failed create); nothing else of ours is left.
      }
    }
    throw e;
  }
  yield { op: 'syncDir', path: dirname(path) };
}

const code = (e: unknown) => (e as NodeJS.ErrnoException)?.code;
// Folders cannot be opened or fsynced on Windows and on some network filesystems: then the rename is all we get.
const DIR_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'EPERM', 'EACCES', 'EBADF', 'ENOTSUP']);

export const nodeSyncOps: SyncOps = (s) => {
  switch (s.op) {
    case 'realpath':
      try {
        return fs.realpathSync(s.path);
      } catch (e) {
        if (code(e) === 'ENOENT') return s.path;
        throw e;
      }
    case 'mode':
      try {
        return fs.statSync(s.path).mode & 0o7777;
      } catch (e) {
        if (code(e) === 'ENOENT') return null;
        throw e;
      }
    case 'writeNew': {
      const fd = fs.openSync(s.path, 'wx', s.mode ?? 0o666);
      try {
        for (let off = 0; off < s.data.byteLength;) off += fs.writeSync(fd, s.data, off, s.data.byteLength - off);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return;
    }
    case 'link':
      return fs.linkSync(s.from, s.to);
    case 'copyNew': {
      fs.copyFileSync(s.from, s.to, fs.constants.COPYFILE_EXCL);
      const fd = fs.openSync(s.to, 'r+');
      try {
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      return;
    }
    case 'rename':
      return fs.renameSync(s.from, s.to);
    case 'unlink':
      return fs.unlinkSync(s.path);
    case 'syncDir': {
      if (process.platform === 'win32') return;
      let fd: number;
      try {
        fd = fs.openSync(s.path, 'r');
      } catch (e) {
        if (DIR_SYNC_UNSUPPORTED.has(code(e) ?? '')) return;
        throw e;
      }
      try {
        fs.fsyncSync(fd);
      } catch (e) {
        if (!DIR_SYNC_UNSUPPORTED.has(code(e) ?? '')) throw e;
      } finally {
        fs.closeSync(fd);
      }
      return;
    }
  }
};

export const nodeAsyncOps: AsyncOps = async (s) => {
  switch (s.op) {
    case 'realpath':
      return fsp.realpath(s.path).catch((e) => {
        if (code(e) === 'ENOENT') return s.path;
        throw e;
      });
    case 'mode':
      return fsp.stat(s.path).then(
        (st) => st.mode & 0o7777,
        (e) => {
          if (code(e) === 'ENOENT') return null;
          throw e;
        },
      );
    case 'writeNew': {
      const fh = await fsp.open(s.path, 'wx', s.mode ?? 0o666);
      try {
        await fh.writeFile(s.data);
        await fh.sync();
      } finally {
        await fh.close();
      }
      return;
    }
    case 'link':
      return fsp.link(s.from, s.to);
    case 'copyNew': {
      await fsp.copyFile(s.from, s.to, fs.constants.COPYFILE_EXCL);
      const fh = await fsp.open(s.to, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      return;
    }
    case 'rename':
      return fsp.rename(s.from, s.to);
    case 'unlink':
      return fsp.unlink(s.path);
    case 'syncDir': {
      if (process.platform === 'win32') return;
      let fh: fsp.FileHandle;
      try {
        fh = await fsp.open(s.path, 'r');
      } catch (e) {
        if (DIR_SYNC_UNSUPPORTED.has(code(e) ?? '')) return;
        throw e;
      }
      try {
        await fh.sync();
      } catch (e) {
        if (!DIR_SYNC_UNSUPPORTED.has(code(e) ?? '')) throw e;
      } finally {
        await fh.close();
      }
      return;
    }
  }
};

/** Runs the plan step by step; a failed step is thrown into the plan, which cleans up and rethrows. */
export function runSync(plan: Generator<Step, void, unknown>, ops: SyncOps): void {
  let r = plan.next();
  while (!r.done) {
    let out: unknown;
    try {
      out = ops(r.value);
    } catch (e) {
      r = plan.throw(e);
      continue;
    }
    r = plan.next(out);
  }
}

export async function runAsync(plan: Generator<Step, void, unknown>, ops: AsyncOps): Promise<void> {
  let r = plan.next();
  while (!r.done) {
    let out: unknown;
    try {
      out = await ops(r.value);
    } catch (e) {
      r = plan.throw(e);
      continue;
    }
    r = plan.next(out);
  }
}

export interface AtomicOptions {
  /** Keep the previous version as `<file>.bak` (workbooks; not exports, drafts or the recent list). */
  backup?: boolean;
}

export function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  opts: AtomicOptions & { ops?: AsyncOps } = {},
): Promise<void> {
  return runAsync(atomicWritePlan(path, data, opts.backup ?? false), opts.ops ?? nodeAsyncOps);
}

export function writeFileAtomicSync(
  path: string,
  data: string | Uint8Array,
  opts: AtomicOptions & { ops?: SyncOps } = {},
): void {
  runSync(atomicWritePlan(path, data, opts.backup ?? false), opts.ops ?? nodeSyncOps);
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) === 'EPERM';
  }
}

/**
 * A temp file of the app before this module (`<file>.tmp-<Date.now() in base 36>`, issue 15: a kill test left 72 of
 * them, 2 GB): the time in its name, or null. Only names whose time is a plausible save time count.
 */
export function legacyTempTime(name: string, now = Date.now()): number | null {
  const m = /^.+\.tmp-([0-9a-z]{8,9})$/.exec(name);
  if (!m) return null;
  const t = parseInt(m[1], 36);
  return t >= Date.UTC(2024, 0, 1) && t <= now ? t : null;
}

/**
 * Removes temp files a killed save left behind in these folders (run at start): ours by name, and either left by a
 * process that is gone or older than `maxAgeMs` (a pid can be reused); the older versions' temp files once older than
 * `maxAgeMs`. Another program's files are never touched.
 */
export async function sweepStaleTemps(
  dirs: Iterable<string>,
  opts: { maxAgeMs?: number; now?: number; isAlive?: (pid: number) => boolean } = {},
): Promise<string[]> {
  const maxAge = opts.maxAgeMs ?? 60 * 60 * 1000;
  const now = opts.now ?? Date.now();
  const isAlive = opts.isAlive ?? isProcessAlive;
  const removed: string[] = [];
  for (const dir of new Set(dirs)) {
    let names: string[];
    try {
      names = await fsp.readdir(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const pid = tempOwner(name);
      if (pid === null && legacyTempTime(name, now) === null) continue;
      const path = join(dir, name);
      try {
        const st = await fsp.lstat(path);
        if (!st.isFile()) continue;
        const orphan = pid !== null && pid !== process.pid && !isAlive(pid);
        if (!orphan && now - st.mtimeMs < maxAge) continue;
        await fsp.unlink(path);
        removed.push(path);
      } catch {
        // Gone meanwhile, or not ours to remove: leave it.
      }
    }
  }
  return removed;
}
