import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { builtinModules } from 'node:module';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { workerWorkbookCheck } from '../../electron/adapters/workbook-worker';
import { createFileHandlers } from '../../electron/handlers/files';
import { MAX_WORKBOOK_BYTES } from '../../electron/handlers/limits';
import type { FsPort, WorkbookCheckPort } from '../../electron/handlers/ports';
import { inlineWorkbookCheck } from '../../electron/workers/workbook-check';

// Issue 15 item 7: the main process reads, parses and validates opened files in a worker thread; it only receives
// the verdict and the text. Here the real worker runs, bundled as electron/build.mjs bundles it for the app (from
// source through tsx each worker would spend seconds compiling under a loaded CI machine).

const example = readFileSync('examples/example-workbook.json', 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'cc-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
let worker: WorkbookCheckPort;
beforeAll(async () => {
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: true,
      target: 'node22',
      outDir: join(dir, 'built'),
      emptyOutDir: false,
      minify: false,
      lib: {
        entry: 'electron/workers/workbook-check.worker.ts',
        formats: ['cjs'],
        fileName: () => 'workbook-check.worker.cjs',
      },
      rollupOptions: { external: ['electron', /^node:/, ...builtinModules] },
    },
    ssr: { noExternal: true },
  });
  worker = workerWorkbookCheck(pathToFileURL(join(dir, 'built', 'workbook-check.worker.cjs')));
});

/** A valid workbook of about `mb` MB: the example with many extra payments. */
function bigWorkbook(mb: number): string {
  const wb = JSON.parse(example);
  const member = wb.members[0].code;
  const extra = Math.ceil((mb * 1e6) / 120);
  for (let i = 0; i < extra; i++)
    wb.payments.push({ id: `bulk-${i}`, member, date: '2020-01-15', amount: '1.00', currency: wb.budgets[0].currency });
  return JSON.stringify(wb);
}

describe('issue 15 item 7: opening files off the main thread', () => {
  it('the worker reads and checks a workbook: the text of a good one, the first problem and its line for a bad one', async () => {
    expect(await worker.readWorkbook(file('good.json', example), MAX_WORKBOOK_BYTES)).toEqual({
      kind: 'ok',
      text: example,
    });
    // A byte-order mark is not part of the text.
    expect(await worker.readWorkbook(file('bom.json', `\uFEFF${example}`), MAX_WORKBOOK_BYTES)).toEqual({
      kind: 'ok',
      text: example,
    });
    const bad = await worker.readWorkbook(file('bad.json', '{\n  "format": '), MAX_WORKBOOK_BYTES);
    expect(bad).toMatchObject({ kind: 'invalid', count: 1, line: 2 });
    expect(await worker.readWorkbook(join(dir, 'missing.json'), MAX_WORKBOOK_BYTES)).toMatchObject({
      kind: 'unreadable',
    });
    expect(await worker.checkText(example)).toEqual({ kind: 'ok' });
    expect(await worker.checkText('<not a workbook>')).toMatchObject({ kind: 'invalid' });
  });

  it('a file over the size limit is not read at all, and the message says how large it is and what the limit is', async () => {
    const p = file('large.json', Buffer.alloc(3000, 0x20));
    expect(await worker.readWorkbook(p, 2000)).toEqual({ kind: 'too-large', bytes: 3000 });
    const h = createFileHandlers({
      fs: memoryFs(),
      dialog: { chooseOpen: async () => p, chooseSave: async () => null },
      paths: { userData: '/data', startFile: p, join, basename, dirname },
      check: {
        readWorkbook: async () => ({ kind: 'too-large', bytes: 300 * 1024 * 1024 }),
        checkText: async () => ({ kind: 'ok' }),
      },
    });
    const r = await h.open();
    expect(!r.ok && 'message' in r && r.message).toBe(
      'large.json is 300.0 MiB; the largest workbook the app opens is 128 MiB. It was left as it is.',
    );
    expect(MAX_WORKBOOK_BYTES).toBe(128 * 1024 * 1024);
  });

  it('the main thread keeps running while a large workbook is checked', async () => {
    const text = bigWorkbook(15);
    const p = file('big.json', text);
    const t0 = performance.now();
    await expect(inlineWorkbookCheck.checkText(text)).resolves.toEqual({ kind: 'ok' });
    const inline = performance.now() - t0;
    let gap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      gap = Math.max(gap, now - last);
      last = now;
    }, 5);
    const v = await worker.readWorkbook(p, MAX_WORKBOOK_BYTES);
    clearInterval(timer);
    expect(v.kind).toBe('ok');
    // In-thread the check blocks for `inline` ms; through the worker the loop never stops that long.
    expect(gap).toBeLessThan(Math.max(100, inline / 2));
  });

  it('the open handler never reads or parses the workbook itself: the check port does', async () => {
    const fs = memoryFs();
    const seen: string[] = [];
    const check: WorkbookCheckPort = {
      readWorkbook: async (path, max) => (seen.push(`${path} ${max}`), { kind: 'ok', text: example }),
      checkText: async () => ({ kind: 'ok' }),
    };
    const h = createFileHandlers({
      fs,
      dialog: { chooseOpen: async () => '/w/book.json', chooseSave: async () => null },
      paths: { userData: '/data', startFile: '/app/x.json', join, basename, dirname },
      check,
    });
    const r = await h.open();
    expect(r.ok && r.opened).toEqual({ file: { id: '/w/book.json', name: 'book.json' }, text: example });
    expect(seen).toEqual([`/w/book.json ${MAX_WORKBOOK_BYTES}`]);
    expect(fs.readFile).not.toHaveBeenCalledWith('/w/book.json');
  });

  it('inside app.asar (the bundled example) the main process reads, and the worker still checks', async () => {
    const asar = join(dir, 'app.asar', 'examples');
    mkdirSync(asar, { recursive: true });
    const p = join(asar, 'example-workbook.json');
    writeFileSync(p, example);
    expect(await worker.readWorkbook(p, MAX_WORKBOOK_BYTES)).toEqual({ kind: 'ok', text: example });
    expect(await worker.readWorkbook(p, 10)).toEqual({ kind: 'too-large', bytes: Buffer.byteLength(example) });
    writeFileSync(p, '{');
    expect(await worker.readWorkbook(p, MAX_WORKBOOK_BYTES)).toMatchObject({ kind: 'invalid' });
  });

  it('from source (tests, tools) the TypeScript worker runs through tsx', async () => {
    const fromSource = workerWorkbookCheck(new URL('../../electron/workers/workbook-check.worker.ts', import.meta.url));
    expect(await fromSource.checkText(example)).toEqual({ kind: 'ok' });
  });

  it('a worker that dies (out of memory, say) is a refusal, not a crash of the main process', async () => {
    const dead = workerWorkbookCheck(new URL('data:text/javascript,process.exit(3)'));
    expect(await dead.readWorkbook(file('x.json', example), MAX_WORKBOOK_BYTES)).toMatchObject({ kind: 'unreadable' });
    expect(await dead.checkText(example)).toMatchObject({ kind: 'invalid' });
  });
});

function memoryFs(): FsPort & { readFile: ReturnType<typeof vi.fn> } {
  const store = new Map<string, string>();
  return {
    readFile: vi.fn(async (p: string) => {
      const v = store.get(p);
      if (v === undefined) throw new Error(`ENOENT: ${p}`);
      return v;
    }),
    writeAtomic: async (p, d) => void store.set(p, String(d)),
    unlink: async (p) => void store.delete(p),
    exists: async (p) => store.has(p),
    sweepTemps: async () => undefined,
  };
}
