import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, open, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../handlers/atomic-write';
import type { DiskPort } from '../handlers/document-guard';
import type { HostPort, LockFsPort } from '../handlers/lock';

// Issue 16: the ports of the lock files and the document guard, on node:fs and node:os (no Electron: the tests run
// them on a real temp folder).

const code = (e: unknown) => (e as NodeJS.ErrnoException)?.code;
const BOM = [0xef, 0xbb, 0xbf];

export const nodeLockFs: LockFsPort = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (e) {
      if (code(e) === 'ENOENT') return null;
      throw e;
    }
  },
  // A complete temp file linked into place: the lock appears whole or not at all, and link fails if it exists.
  // Where a folder has no hard links (FAT, some shares), an exclusive create, then the text.
  async createExclusive(path, text) {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(8).toString('hex')}.cc-tmp`);
    try {
      await writeFile(temp, text, { flag: 'wx' });
      try {
        await link(temp, path);
        return true;
      } catch (e) {
        if (code(e) === 'EEXIST') return false;
        if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EOPNOTSUPP'].includes(code(e) ?? '')) throw e;
      }
      try {
        const h = await open(path, 'wx');
        try {
          await h.writeFile(text);
        } finally {
          await h.close();
        }
        return true;
      } catch (e) {
        if (code(e) === 'EEXIST') return false;
        throw e;
      }
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  },
  replace: (path, text) => writeFileAtomic(path, text),
  async remove(path) {
    await unlink(path).catch((e) => {
      if (code(e) !== 'ENOENT') throw e;
    });
  },
};

/** The bytes without a leading UTF-8 byte order mark, as the workbook's text reads them. */
const withoutBom = (b: Uint8Array) =>
  b.length >= 3 && b[0] === BOM[0] && b[1] === BOM[1] && b[2] === BOM[2] ? b.subarray(3) : b;

export const nodeDisk: DiskPort = {
  // Streamed: a 100 MB workbook is hashed without holding it, and without blocking the main process.
  contentHash: (path) =>
    new Promise((resolve, reject) => {
      const hash = createHash('sha256');
      let first = true;
      createReadStream(path)
        .on('data', (chunk) => {
          const b = chunk as Buffer;
          hash.update(first ? withoutBom(b) : b);
          first = false;
        })
        .on('end', () => resolve(hash.digest('hex')))
        .on('error', (e) => (code(e) === 'ENOENT' ? resolve(null) : reject(e)));
    }),
  async readCurrent(path) {
    let bytes: Uint8Array;
    try {
      bytes = withoutBom(await readFile(path));
    } catch (e) {
      if (code(e) === 'ENOENT') return null;
      throw e;
    }
    return { text: new TextDecoder().decode(bytes), hash: createHash('sha256').update(bytes).digest('hex') };
  },
};

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '';
  }
}

export const nodeHost: HostPort = {
  user: userName(),
  machine: hostname(),
  pid: process.pid,
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      // EPERM: it runs, as another user.
      return code(e) === 'EPERM';
    }
  },
  now: () => Date.now(),
  every(ms, f) {
    const t = setInterval(f, ms);
    t.unref();
    return () => clearInterval(t);
  },
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};
