import { basename, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileWatch, type WatchPort } from '../../electron/handlers/file-watch';

// Issue 16: the file watch in plain Node with a fake fs.watch and a fake clock.

function fakeWatch(opts: { refuse?: string } = {}) {
  const watchers: { dir: string; event(n: string | null): void; error(e: unknown): void; closed: boolean }[] = [];
  let now = 0;
  const timers = new Map<number, { at: number; f: () => void }>();
  let next = 1;
  const port: WatchPort = {
    watch(dir, event, error) {
      if (dir === opts.refuse) throw new Error('EPERM');
      const w = { dir, event, error, closed: false };
      watchers.push(w);
      return { close: () => void (w.closed = true) };
    },
    setTimeout(f, ms) {
      timers.set(next, { at: now + ms, f });
      return next++;
    },
    clearTimeout: (t) => void timers.delete(t as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [k, t] of [...timers])
      if (t.at <= now) {
        timers.delete(k);
        t.f();
      }
  };
  return { port, watchers, advance };
}

const setup = (opts?: { refuse?: string }) => {
  const f = fakeWatch(opts);
  const changes: string[] = [];
  const w = createFileWatch({
    watch: f.port,
    paths: { dirname, basename },
    onChange: (id) => changes.push(id),
    debounceMs: 300,
  });
  return { ...f, changes, w };
};

describe('file watch', () => {
  it('watches the folder; a burst of events on the file is one notice after the pause; other files are ignored', () => {
    const s = setup();
    expect(s.w.follow('/share/union.json')).toBe(true);
    expect(s.watchers.map((x) => x.dir)).toEqual(['/share']);
    const [w] = s.watchers;
    w.event('.~lock.union.json#');
    w.event('union.json.tmp-123');
    s.advance(1000);
    expect(s.changes).toEqual([]);
    w.event('union.json');
    s.advance(200);
    w.event('union.json');
    w.event(null); // the system did not say which file: it may be ours
    s.advance(299);
    expect(s.changes).toEqual([]);
    s.advance(1);
    expect(s.changes).toEqual(['/share/union.json']);
    w.event('union.json');
    s.advance(300);
    expect(s.changes).toEqual(['/share/union.json', '/share/union.json']);
  });

  it('follows the open workbook: another file closes the old watch, null closes it, the same file keeps it', () => {
    const s = setup();
    s.w.follow('/share/a.json');
    expect(s.w.follow('/share/a.json')).toBe(true);
    expect(s.watchers.length).toBe(1);
    s.w.follow('/other/b.json');
    expect(s.watchers.map((x) => [x.dir, x.closed])).toEqual([
      ['/share', true],
      ['/other', false],
    ]);
    // A pending notice of the old file is dropped with its watch.
    s.watchers[1].event('b.json');
    expect(s.w.follow(null)).toBe(false);
    s.advance(1000);
    expect(s.changes).toEqual([]);
    expect(s.watchers[1].closed).toBe(true);
  });

  it('where the folder cannot be watched, or the watch fails, polling is left to notice (no notice, no throw)', () => {
    const s = setup({ refuse: '/net' });
    expect(s.w.follow('/net/union.json')).toBe(false);
    expect(s.w.follow('/share/union.json')).toBe(true);
    s.watchers[0].error(new Error('network drive gone'));
    expect(s.watchers[0].closed).toBe(true);
    s.watchers[0].event('union.json');
    s.advance(1000);
    expect(s.changes).toEqual([]);
    // Following again (the next document state) tries once more.
    expect(s.w.follow('/share/union.json')).toBe(true);
    expect(s.watchers.length).toBe(2);
  });
});

describe('the guard tells the watch which workbook is open', () => {
  it('on open the file, on closing the document none', async () => {
    const { createDocumentGuard } = await import('../../electron/handlers/document-guard');
    const { createFileHandlers } = await import('../../electron/handlers/files');
    const { fakeHost, paths, scriptedDialog, sharedDisk } = await import('./lock-helpers');
    const { e1Workbook } = await import('./helpers');
    const disk = sharedDisk({ '/share/union.json': `${JSON.stringify(e1Workbook(), null, 2)}\n` });
    const h = fakeHost('PC-1', 7, { now: Date.parse('2026-03-02T09:00:00Z') }, new Set());
    const files = createFileHandlers({
      fs: disk.fs,
      dialog: scriptedDialog(['/share/union.json'], []),
      paths: { userData: '/home/7', startFile: '/app/example.json', ...paths },
      check: disk.check,
    });
    const seen: (string | null)[] = [];
    const g = createDocumentGuard({
      files,
      disk: disk.disk,
      lockFs: disk.lockFs,
      host: h.host,
      paths,
      onCurrent: (p) => seen.push(p),
    });
    expect((await g.open()).ok).toBe(true);
    await g.closeDocument();
    expect(seen).toEqual(['/share/union.json', null]);
  });
});
