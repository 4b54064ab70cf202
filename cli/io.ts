import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A failure the CLI reports as `FILE:LINE: message` (exit 2) and after which it writes nothing. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/** A mistake in the command line itself. */
export class UsageError extends Error {}

export function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(file, 1, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : `cannot be read (${code})`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Writes atomically: a temp file beside the target, then a rename, so a failed write leaves the old file whole. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new InputError(file, 1, `cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
