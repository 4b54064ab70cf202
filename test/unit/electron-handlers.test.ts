import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileHandlers, writeAtomic } from '../../electron/handlers/files';
import type { DialogPort, FsPort } from '../../electron/handlers/ports';

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
    async writeFile(p, d) {
      log.push(`write ${p}`);
      store.set(p, typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
    },
    async rename(a, b) {
      log.push(`rename ${a} ${b}`);
      store.set(b, store.get(a)!);
      store.delete(a);
    },
    async copyFile(a, b) {
      log.push(`copy ${a} ${b}`);
      store.set(b, store.get(a)!);
    },
    async unlink(p) {
      store.delete(p);
    },
    async exists(p) {
      return store.has(p);
    },
  };
  return { fs, store, log };
}

function scriptedDialog(open: (string | null)[] = [], save: (string | null)[] = []): DialogPort {
  return { chooseOpen: async () => open.shift() ?? null, chooseSave: async () => save.shift() ?? null };
}

const paths = { userData: '/data', startFile: '/app/example.json', join, basename };

describe('electron file handlers', () => {
  it('saves atomically through a temp file and keeps the previous version as .bak', async () => {
    const m = memoryFs({ '/w/a.json': 'old' });
    await writeAtomic(m.fs, '/w/a.json', 'new');
    expect(m.store.get('/w/a.json')).toBe('new');
    expect(m.store.get('/w/a.json.bak')).toBe('old');
    expect(m.log[0]).toMatch(/^write \/w\/a\.json\.tmp-/);
    expect(m.log.at(-1)).toMatch(/^rename \/w\/a\.json\.tmp-\S+ \/w\/a\.json$/);
    expect([...m.store.keys()].some((k) => k.includes('.tmp-'))).toBe(false);
  });

  it('a failed rename leaves the original file and no temp file', async () => {
    const m = memoryFs({ '/w/a.json': 'old' });
    m.fs.rename = async () => {
      throw new Error('EXDEV');
    };
    await expect(writeAtomic(m.fs, '/w/a.json', 'new')).rejects.toThrow('EXDEV');
    expect(m.store.get('/w/a.json')).toBe('old');
    expect([...m.store.keys()].some((k) => k.includes('.tmp-'))).toBe(false);
  });

  it('opens a workbook, lists it in recent files, and saves back to it', async () => {
    const m = memoryFs({ '/w/book.json': exampleText });
    const h = createFileHandlers({ fs: m.fs, dialog: scriptedDialog(['/w/book.json']), paths });
    const r = await h.open();
    expect(r.ok && r.opened.file).toEqual({ id: '/w/book.json', name: 'book.json' });
    expect(await h.recentFiles()).toEqual([{ id: '/w/book.json', name: 'book.json' }]);
    const s = await h.save({ id: '/w/book.json', name: 'book.json' }, 'changed');
    expect(s.ok).toBe(true);
    expect(m.store.get('/w/book.json')).toBe('changed');
    expect(m.store.get('/w/book.json.bak')).toBe(exampleText);
  });

  it('a file that fails to load is reported and never overwritten', async () => {
    const m = memoryFs({ '/w/broken.json': '{ "format": ' });
    const h = createFileHandlers({ fs: m.fs, dialog: scriptedDialog(['/w/broken.json'], [null]), paths });
    const r = await h.open();
    expect(r.ok).toBe(false);
    expect(!r.ok && 'message' in r && r.message).toMatch(/broken\.json could not be opened.*left as it is.*Line 1/);
    // A save naming it goes through Save As (here cancelled): the damaged file stays as it was.
    const s = await h.save({ id: '/w/broken.json', name: 'broken.json' }, 'x');
    expect(s.ok).toBe(false);
    expect(m.store.get('/w/broken.json')).toBe('{ "format": ');
    expect(await h.recentFiles()).toEqual([]);
  });

  it('writes only where the user chose: the example and unknown paths ask first', async () => {
    const m = memoryFs({ '/app/example.json': exampleText });
    const h = createFileHandlers({ fs: m.fs, dialog: scriptedDialog([], ['/w/mine.json']), paths });
    const ex = await h.openExample();
    expect(ex.ok).toBe(true);
    const s = await h.save({ id: '/app/example.json', name: 'example.json' }, 'x');
    expect(s).toEqual({ ok: true, file: { id: '/w/mine.json', name: 'mine.json' } });
    expect(m.store.get('/app/example.json')).toBe(exampleText);
    expect(await h.saveAs('y.json', 'y')).toEqual({ ok: false, cancelled: true });
    expect((await h.openRecent('/etc/passwd')).ok).toBe(false);
  });

  it('autosave keeps a draft that recover returns until it is cleared', async () => {
    const m = memoryFs();
    const h = createFileHandlers({ fs: m.fs, dialog: scriptedDialog(), paths });
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
    const h = createFileHandlers({ fs: m.fs, dialog: scriptedDialog([], ['/w/t.csv']), paths });
    expect(await h.exportFile('t.csv', 'csv', 'code,amount\n')).toEqual({ ok: true, file: { id: '/w/t.csv', name: 't.csv' } });
    expect(m.store.get('/w/t.csv')).toBe('code,amount\n');
  });
});
