import { createHash } from 'node:crypto';
import type {
  ChangedOnDisk,
  FileRef,
  LockOwner,
  OpenResult,
  SaveResult,
  TeamHandlers,
} from '../../shared/ipc/contract';
import type { FileHandlers } from './files';
import { createPathQueue } from './files';
import { createLocks, withSaveLock, type HostPort, type LockFsPort, type LockPaths, type Locks } from './lock';

// Issue 16 item 2: the last save no longer wins silently. The guard wraps the file handlers: it remembers the hash of
// what was opened or last saved, and a save over a file whose content changed since is refused with that content, for
// the renderer to merge (shared/merge), save under another name, or overwrite once the user confirms (saveOver).
// It also takes the lock file on open (lock.ts) and releases it when the document closes.

/** Every sentence the guard says, in one place (for the message catalog). */
const messages = {
  changed: (name: string) =>
    `${name} was changed on disk since you opened or last saved it (by someone else, or by another program), so it was not overwritten. Merge your changes with it, save yours under another name, or replace it.`,
  readOnly: (name: string, o: LockOwner) =>
    `${name} is open on ${o.machine || 'another computer'}${o.user ? ` by ${o.user}` : ''}, so it was opened read-only and was not saved. Save it under another name, or choose to edit it anyway.`,
  busy: (name: string) => `${name} is being saved by someone else right now; it was not saved. Try again in a moment.`,
};

/** The hash of a workbook's text as its UTF-8 bytes: what a save writes, so the file's content hash after it. */
export function hashText(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The workbook file as it is on disk now. */
export interface DiskPort {
  /** The hash of the file's bytes (a leading UTF-8 byte order mark left out, as the text reads); null when missing. */
  contentHash(path: string): Promise<string | null>;
  /** Its text and that version's hash, from one read; null when missing. */
  readCurrent(path: string): Promise<ChangedOnDisk | null>;
}

export type GuardedHandlers = FileHandlers &
  TeamHandlers & {
    /** At quit: every lock this process holds goes. */
    releaseAll(): Promise<void>;
  };

interface OpenDoc {
  /** The hash of what was opened or last saved here. */
  expected: string;
  /** Someone else holds the lock: saves are refused until editAnyway. */
  lockedBy?: LockOwner;
}

export function createDocumentGuard(ports: {
  files: FileHandlers;
  disk: DiskPort;
  lockFs: LockFsPort;
  host: HostPort;
  paths: LockPaths;
  locks?: Locks;
  /** The open workbook changed (null: none open): the file watch follows it. */
  onCurrent?(path: string | null): void;
}): GuardedHandlers {
  const { files, disk, paths } = ports;
  const locks = ports.locks ?? createLocks({ fs: ports.lockFs, host: ports.host, paths });
  const docs = new Map<string, OpenDoc>();
  let current: string | null = null;
  const queue = createPathQueue();

  async function close(): Promise<void> {
    if (current === null) return;
    const path = current;
    current = null;
    ports.onCurrent?.(null);
    docs.delete(path);
    await locks.release(path);
  }

  /** `path` is now the open document: the previous one is closed, the lock taken (or its holder named). */
  async function adopt(
    path: string,
    text: string,
    opts: { lock: boolean; readOnlyIfLocked: boolean },
  ): Promise<LockOwner | undefined> {
    if (current !== path) await close();
    current = path;
    ports.onCurrent?.(path);
    const doc: OpenDoc = { expected: hashText(text) };
    docs.set(path, doc);
    if (!opts.lock) return undefined;
    const got = await locks.acquire(path);
    if (got.held) return undefined;
    if (opts.readOnlyIfLocked) doc.lockedBy = got.owner;
    return got.owner;
  }

  async function opened(r: OpenResult): Promise<OpenResult> {
    if (!r.ok) return r;
    const owner = await adopt(r.opened.file.id, r.opened.text, { lock: true, readOnlyIfLocked: true });
    return owner ? { ...r, lockedBy: owner } : r;
  }

  /**
   * Compares the file with `expected` and writes it, under the save lock: no save from another copy of the app comes
   * between the two. `expected` undefined: a file this guard did not open (nothing to compare with).
   */
  async function write(file: FileRef, text: string, expected: string | undefined): Promise<SaveResult> {
    const name = paths.basename(file.id);
    const doc = docs.get(file.id);
    if (doc?.lockedBy) return { ok: false, message: messages.readOnly(name, doc.lockedBy), lockedBy: doc.lockedBy };
    const r = await queue(file.id, () =>
      withSaveLock(file.id, { fs: ports.lockFs, host: ports.host, paths }, async (): Promise<SaveResult> => {
        if (expected !== undefined) {
          const now = await disk.contentHash(file.id);
          // A file deleted since is written again: nothing on disk is lost by that.
          if (now !== null && now !== expected) {
            const current = await disk.readCurrent(file.id);
            if (current && current.hash !== expected)
              return { ok: false, message: messages.changed(name), changedOnDisk: current };
          }
        }
        return files.save(file, text);
      }),
    );
    if (r === 'busy') return { ok: false, message: messages.busy(name) };
    if (r.ok) {
      // A file that was never writable went through Save As: the new path is the document now.
      if (r.file.id !== file.id) await adopt(r.file.id, text, { lock: true, readOnlyIfLocked: false });
      else docs.set(file.id, { expected: hashText(text) });
    }
    return r;
  }

  return {
    ...files,
    open: async () => opened(await files.open()),
    openRecent: async (id) => opened(await files.openRecent(id)),
    async openExample() {
      const r = await files.openExample();
      // The bundled example is read-only (its first save asks where): nothing to lock or compare.
      if (r.ok) await close();
      return r;
    },
    save: (file, text) => write(file, text, docs.get(file.id)?.expected),
    saveOver: (file, text, hash) => write(file, text, hash),
    async saveAs(suggestedName, text) {
      const r = await files.saveAs(suggestedName, text);
      // Saved where the user chose (the system asked before replacing a file): that file is the document now.
      if (r.ok) await adopt(r.file.id, text, { lock: true, readOnlyIfLocked: false });
      return r;
    },
    async diskChanged(file) {
      const doc = docs.get(file.id);
      if (!doc) return null;
      const now = await disk.contentHash(file.id);
      if (now === null || now === doc.expected) return null;
      const current = await disk.readCurrent(file.id);
      return current && current.hash !== doc.expected ? current : null;
    },
    async editAnyway(file) {
      const doc = docs.get(file.id);
      if (!doc) return;
      doc.lockedBy = undefined;
      // Theirs may have gone meanwhile: then the lock is ours.
      await locks.acquire(file.id);
    },
    closeDocument: close,
    // Issue 16: the names the lock file carries, for the renderer's journal entries too.
    whoAmI: async () => ({ user: ports.host.user, machine: ports.host.machine }),
    async releaseAll() {
      current = null;
      docs.clear();
      await locks.releaseAll();
    },
  };
}
