import { readFile, stat } from 'node:fs/promises';
import { parseWorkbook } from '../../shared/model/validate';
import type { FileVerdict, TextVerdict, WorkbookCheckPort } from '../handlers/ports';

// Reading and checking a workbook, as plain functions: the worker thread (workbook-check.worker.ts) runs them for
// the app; the unit tests may run them in-thread (inlineWorkbookCheck).

export function checkWorkbookText(text: string): TextVerdict {
  const parsed = parseWorkbook(text);
  if (parsed.workbook) return { kind: 'ok' };
  const line = parsed.lines[0];
  return {
    kind: 'invalid',
    count: parsed.problems.length,
    message: parsed.problems[0]?.message ?? 'not a workbook',
    ...(line ? { line } : {}),
  };
}

const why = (e: unknown) => (e as NodeJS.ErrnoException)?.code ?? (e instanceof Error ? e.message : String(e));

export async function readWorkbookFile(path: string, maxBytes: number): Promise<FileVerdict> {
  let bytes: Buffer;
  try {
    // The size first: a huge file is refused without being read.
    const size = (await stat(path)).size;
    if (size > maxBytes) return { kind: 'too-large', bytes: size };
    bytes = await readFile(path);
  } catch (e) {
    return { kind: 'unreadable', reason: why(e) };
  }
  // It may have grown since the stat.
  if (bytes.byteLength > maxBytes) return { kind: 'too-large', bytes: bytes.byteLength };
  let text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const v = checkWorkbookText(text);
  return v.kind === 'ok' ? { kind: 'ok', text } : v;
}

/** In-thread: for tests and tools only; the app uses the worker (adapters/workbook-worker.ts). */
export const inlineWorkbookCheck: WorkbookCheckPort = {
  readWorkbook: (path, maxBytes) => readWorkbookFile(path, maxBytes),
  checkText: async (text) => checkWorkbookText(text),
};
