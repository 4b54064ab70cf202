import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers, createPathQueue } from '../../electron/handlers/files';
import type { DialogPort, FsPort, WorkbookCheckPort } from '../../electron/handlers/ports';
import { checkWorkbookText } from '../../electron/workers/workbook-check';

// The shell's file handlers in plain Node: an in-memory fs and a scripted dialog stand in for the real ones.

const exampleText = readFileSync('examples/example-workbook.json', 'utf8');

function memoryFs(files: Record<string, string> = {}) {
  const store = new Map(Object.entries(files));
  const log: string[] = [];
  const fs: FsPort = {
    async readFile(p) {
      const v = store.get(p);
      if (v === undefined) throw new Error(`ENOENT: ${p}`);
      return v;
    },
    // The atomic write itself is tested on a real disk (electron-file-safety.test.ts); here its effect.
    async writeAtomic(p, d, opts) {
      log.push(`write ${p}${opts.backup ? ' (backup)' : ''}`);
      if (opts.backup && store.has(p)) store.set(`${p}.bak`, store.get(p)!);
      store.set(p, typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
    },
    async unlink(p) {
      store.delete(p);
    },
    async exists(p) {
      return store.has(p);
    },
    async sweepTemps(dirs) {
      log.push(`sweep ${dirs.join(' ')}`);
    },
  };
  return { fs, store, log };
}

/** The worker's checks, run in-thread over the memory fs. */
function memoryCheck(fs: FsPort): WorkbookCheckPort {
  return {
    async readWorkbook(p) {
      let text: string;
      try {
        text = await fs.readFile(p);
      } catch (e) {
        return { kind: 'unreadable', reason: String(e) };
      }
      const v = checkWorkbookText(text);
      return v.kind === 'ok' ? { kind: 'ok', text } : v;
    },
    checkText: async (t) => checkWorkbookText(t),
  };
}

function scriptedDialog(open: (string | null)[] = [], save: (string | null)[] = []): DialogPort {
  return { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => save.shift() ?? null };
}

const paths = { userData: '/data', startFile: '/app/example.json', join, basename, dirname };
const changed = exampleText.replace('Example Intellectual Property Organization', 'Changed');

describe('electron file handlers', () => {
  it('a per-path queue runs the tasks of one path one at a time, in order, whatever fails', async () => {
    const queue = createPathQueue();
    const log: string[] = [];
    const task =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((r) => setTimeout(r, 5));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const rs = await Promise.allSettled([
      queue('/a', task('a1', true)),
      queue('/a', task('a2')),
      queue('/b', task('b1')),
    ]);
    expect(rs.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    expect(log.indexOf('start a2')).toBeGreaterThan(log.indexOf('end a1'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
  });

  it('opens a workbook, lists it in recent files, and saves back to it', async () => {
    const m = memoryFs({ '/w/book.json': exampleText });
    const h = createFileHandlers({
      fs: m.fs,
      check: memoryCheck(m.fs),
      dialog: scriptedDialog(['/w/book.json']),
      paths,
    });
    const r = await h.open();
    expect(r.ok && r.opened.file).toEqual({ id: '/w/book.json', name: 'book.json' });
    expect(await h.recentFiles()).toEqual([{ id: '/w/book.json', name: 'book.json' }]);
    const s = await h.save({ id: '/w/book.json', name: 'book.json' }, changed);
    expect(s.ok).toBe(true);
    expect(m.store.get('/w/book.json')).toBe(changed);
    expect(m.store.get('/w/book.json.bak')).toBe(exampleText);
  });

  it('a file that fails to load is reported and never overwritten', async () => {
    const m = memoryFs({ '/w/broken.json': '{ "format": ' });
    const h = createFileHandlers({
      fs: m.fs,
      check: memoryCheck(m.fs),
      dialog: scriptedDialog(['/w/broken.json'], [null]),
      paths,
    });
    const r = await h.open();
    expect(r.ok).toBe(false);
    expect(!r.ok && 'message' in r && r.message).toMatch(/broken\.json could not be opened.*left as it is.*Line 1/);
    // A save naming it goes through Save As (here cancelled): the damaged file stays as it was.
    const s = await h.save({ id: '/w/broken.json', name: 'broken.json' }, changed);
    expect(s.ok).toBe(false);
    expect(m.store.get('/w/broken.json')).toBe('{ "format": ');
    expect(await h.recentFiles()).toEqual([]);
  });

  it('writes only where the user chose: the example and unknown paths ask first', async () => {
    const m = memoryFs({ '/app/example.json': exampleText });
    const h = createFileHandlers({
      fs: m.fs,
      check: memoryCheck(m.fs),
      dialog: scriptedDialog([], ['/w/mine.json']),
      paths,
    });
    const ex = await h.openExample();
    expect(ex.ok).toBe(true);
    const s = await h.save({ id: '/app/example.json', name: 'example.json' }, changed);
    expect(s).toEqual({ ok: true, file: { id: '/w/mine.json', name: 'mine.json' } });
    expect(m.store.get('/app/example.json')).toBe(exampleText);
    expect(await h.saveAs('y.json', changed)).toEqual({ ok: false, cancelled: true });
    expect((await h.openRecent('/etc/passwd')).ok).toBe(false);
  });

  it('autosave keeps a draft that recover returns until it is cleared', async () => {
    const m = memoryFs();
    const h = createFileHandlers({ fs: m.fs, check: memoryCheck(m.fs), dialog: scriptedDialog(), paths });
    expect(await h.recover()).toBeNull();
    const draft = { text: '{}', file: null, savedAt: '2026-01-01T00:00:00Z' };
    await h.autosave(draft);
    expect(await h.recover()).toEqual(draft);
    await h.clearAutosave();
    expect(await h.recover()).toBeNull();
    m.store.set('/data/autosave.json', 'garbage');
    expect(await h.recover()).toBeNull();
  });

  it('exports to the chosen path, bytes or text', async () => {
    const m = memoryFs();
    const h = createFileHandlers({
      fs: m.fs,
      check: memoryCheck(m.fs),
      dialog: scriptedDialog([], ['/w/t.csv']),
      paths,
    });
    expect(await h.exportFile('t.csv', 'csv', 'code,amount\n')).toEqual({
      ok: true,
      file: { id: '/w/t.csv', name: 't.csv' },
    });
    expect(m.store.get('/w/t.csv')).toBe('code,amount\n');
  });
});
