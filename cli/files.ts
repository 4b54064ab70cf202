// Reading and writing the files a command names (R25 decoding, size limits, atomic writes), and the flags read as
// amounts: shared by the commands, not needed by the dispatcher (issue 13: start-up).
import { readFileSync, statSync } from 'node:fs';
import { writeFileAtomicSync } from '../electron/handlers/atomic-write';
import { EngineError, messageOf } from '../shared/engine/apportion';
import type { Message } from '../shared/i18n/intl';
import { isAmount } from '../shared/model/fields';
import { decodeText, tooLarge } from '../shared/model/tabular';
import { C, InputError, UsageError, type Io } from './io';

/** Workbooks run past 100 MB; V8 strings stop near 512 MiB of UTF-16 (ERR_STRING_TOO_LONG), JSON.parse far sooner. */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** The file's bytes; its size is checked from its metadata first, so a 539 MB file is refused, not read. */
export function readBytes(file: string, limit = MAX_INPUT_BYTES): Uint8Array {
  const failed = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new InputError(
      file,
      1,
      code === 'ENOENT' ? C('file.none') : code === 'EISDIR' ? C('file.folder') : C('file.unreadable', { code }),
    );
  };
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw failed(e);
  }
  if (size > limit) throw new InputError(file, 1, tooLarge(size, limit));
  try {
    return readFileSync(file);
  } catch (e) {
    throw failed(e);
  }
}

/** A text file decoded by R25 (UTF-8, UTF-16 with BOM, else Windows-1252 said on stderr); a NUL byte is refused. */
export function readText(file: string, io?: Io): string {
  const d = decodeText(readBytes(file), file, MAX_INPUT_BYTES);
  if (d.problems.length > 0) {
    const p = d.problems[0] as { line: number; message: string; msg?: Message };
    throw new InputError(file, p.line, p.msg ?? p.message);
  }
  for (const n of d.notices) (io ?? stderrIo).err(`${file}: warning: ${n}\n`);
  return d.text;
}

const stderrIo = { err: (t: string) => void process.stderr.write(t) };

/** Writes atomically with the app's own writer (unique temp file, fsync, rename; no temp file left on failure). */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  try {
    writeFileAtomicSync(file, data);
  } catch (e) {
    throw new InputError(
      file,
      1,
      C('file.unwritable', { code: (e as NodeJS.ErrnoException).code ?? (e as Error).message }),
    );
  }
}

/** Writes to --out (atomically) or to stdout. */
export function output(data: string | Uint8Array, out: string | undefined, io: Io): number {
  if (out) writeAtomic(out, data);
  else io.out(typeof data === 'string' ? data : new TextDecoder().decode(data));
  return 0;
}

export function inFile<T>(file: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof EngineError) throw new InputError(file, 1, messageOf(e) ?? e.message);
    throw e;
  }
}

export function amountFlag(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!isAmount(v)) throw new UsageError(C('usage.amount', { name, got: v }));
  return v;
}
