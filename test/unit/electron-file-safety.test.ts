import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  atomicWritePlan,
  nodeAsyncOps,
  nodeSyncOps,
  legacyTempTime,
  runSync,
  sweepStaleTemps,
  tempOwner,
  tempPathFor,
  writeFileAtomic,
  writeFileAtomicSync,
  type Step,
} from '../../electron/handlers/atomic-write';
import { nodeFs } from '../../electron/adapters/fs';
import { createFileHandlers } from '../../electron/handlers/files';
import { inlineWorkbookCheck } from '../../electron/workers/workbook-check';
import { writeAtomic as cliWriteAtomic } from '../../cli/files';
import { InputError } from '../../cli/io';

// Issue 15, items 4, 5 and 6: saves on a real disk (a temp folder), with failures injected step by step.

const example = readFileSync('examples/example-workbook.json', 'utf8');
const dirs: string[] = [];
const folder = () => {
  const d = mkdtempSync(join(tmpdir(), 'cc-save-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.cc-tmp'));
const enospc = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** Runs the plan's first `k` steps, then stops dead: no cleanup runs, as when the process is SIGKILLed. */
function killAfter(target: string, data: string, k: number): boolean {
  const plan = atomicWritePlan(target, data, true);
  let r = plan.next();
  for (let i = 0; i < k && !r.done; i++) r = plan.next(nodeSyncOps(r.value));
  return r.done === true;
}

describe('issue 15 item 4: the .bak is made atomically', () => {
  it('a kill after any step leaves the file and its backup each whole: old or new, previous backup or old', () => {
    let finished = false;
    for (let k = 0; !finished; k++) {
      const d = folder();
      const f = join(d, 'book.json');
      writeFileSync(f, 'old');
      writeFileSync(`${f}.bak`, 'older');
      finished = killAfter(f, 'new', k);
      expect(['old', 'new']).toContain(readFileSync(f, 'utf8'));
      expect(['older', 'old']).toContain(readFileSync(`${f}.bak`, 'utf8'));
      if (readFileSync(f, 'utf8') === 'new') expect(readFileSync(`${f}.bak`, 'utf8')).toBe('old');
    }
  });

  it('the backup is a hard link or an fsynced copy renamed into place, never a copy over the old backup', () => {
    const d = folder();
    const f = join(d, 'book.json');
    writeFileSync(f, 'old');
    const steps: Step[] = [];
    runSync(atomicWritePlan(f, 'new', true), (s) => (steps.push(s), nodeSyncOps(s)));
    const ops = steps.map((s) => s.op);
    expect(ops).toEqual(['realpath', 'mode', 'writeNew', 'link', 'rename', 'rename', 'syncDir']);
    const bakRename = steps[4] as Extract<Step, { op: 'rename' }>;
    expect(bakRename.to).toBe(`${f}.bak`);
    expect(tempOwner(basename(bakRename.from))).toBe(process.pid);
    expect(readFileSync(`${f}.bak`, 'utf8')).toBe('old');
  });

  it('without hard links (FAT, shares) the backup is copied to a temp file, then renamed', () => {
    const d = folder();
    const f = join(d, 'book.json');
    writeFileSync(f, 'old');
    const ops: string[] = [];
    writeFileAtomicSync(f, 'new', {
      backup: true,
      ops: (s) => {
        ops.push(s.op);
        if (s.op === 'link') throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        return nodeSyncOps(s);
      },
    });
    expect(ops).toEqual(['realpath', 'mode', 'writeNew', 'link', 'copyNew', 'rename', 'rename', 'syncDir']);
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect(readFileSync(`${f}.bak`, 'utf8')).toBe('old');
    expect(temps(d)).toEqual([]);
  });

  it('a full disk during the backup never deletes or truncates the good backup', async () => {
    const d = folder();
    const f = join(d, 'book.json');
    writeFileSync(f, 'old');
    writeFileSync(`${f}.bak`, 'older');
    const ops = async (s: Step) => {
      if (s.op === 'link') throw enospc();
      if (s.op === 'copyNew') {
        // Half a copy is written, then the disk is full.
        writeFileSync(s.to, 'ol');
        throw enospc();
      }
      return nodeAsyncOps(s);
    };
    await expect(writeFileAtomic(f, 'new', { backup: true, ops })).rejects.toThrow('ENOSPC');
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(readFileSync(`${f}.bak`, 'utf8')).toBe('older');
    expect(temps(d)).toEqual([]);
  });

  it('the first save of a new file makes no backup; later ones keep the version before', async () => {
    const d = folder();
    const f = join(d, 'new.json');
    await writeFileAtomic(f, 'one', { backup: true });
    expect(existsSync(`${f}.bak`)).toBe(false);
    await writeFileAtomic(f, 'two', { backup: true });
    await writeFileAtomic(f, 'three', { backup: true });
    expect(readFileSync(f, 'utf8')).toBe('three');
    expect(readFileSync(`${f}.bak`, 'utf8')).toBe('two');
  });
});

describe('issue 15 item 5: temp files', () => {
  it('a failure at any step leaves no temp file, the file as it was and the backup as it was', async () => {
    const total = (() => {
      const d = folder();
      const f = join(d, 'a.json');
      writeFileSync(f, 'old');
      let n = 0;
      runSync(atomicWritePlan(f, 'new', true), (s) => (n++, nodeSyncOps(s)));
      return n;
    })();
    // The last step (the folder's fsync) comes after the rename: the file is new by then.
    for (let fail = 0; fail < total - 1; fail++) {
      const d = folder();
      const f = join(d, 'a.json');
      writeFileSync(f, 'old');
      writeFileSync(`${f}.bak`, 'older');
      let i = 0;
      const ops = async (s: Step) => {
        if (i++ === fail && s.op !== 'unlink') {
          if (s.op === 'writeNew') writeFileSync(s.path, 'partial');
          throw enospc();
        }
        return nodeAsyncOps(s);
      };
      const r = await writeFileAtomic(f, 'new', { backup: true, ops }).then(
        () => 'ok',
        () => 'failed',
      );
      expect(temps(d), `failure at step ${fail}`).toEqual([]);
      const now = readFileSync(f, 'utf8');
      if (r === 'failed') expect(now).toBe('old');
      expect(['older', 'old']).toContain(readFileSync(`${f}.bak`, 'utf8'));
    }
  });

  it('temp names are unique (random, not a timestamp) and name their owner', () => {
    const names = new Set(Array.from({ length: 1000 }, () => tempPathFor('/w/a.json')));
    expect(names.size).toBe(1000);
    const one = [...names][0];
    expect(dirname(one)).toBe('/w');
    expect(basename(one)).toMatch(/^\.a\.json\.\d+\.[0-9a-f]{16}\.cc-tmp$/);
    expect(tempOwner(basename(one))).toBe(process.pid);
    expect(tempOwner('a.json.tmp')).toBeNull();
    expect(tempOwner('.a.json.12.nothex.cc-tmp')).toBeNull();
    // A very long name still leaves a temp name within 255 bytes.
    expect(basename(tempPathFor(`/w/${'x'.repeat(250)}.json`)).length).toBeLessThanOrEqual(255);
  });

  it('the start-up sweep removes our temp files of dead processes and old ones, and nothing else', async () => {
    const d = folder();
    const mine = join(d, `.a.json.${process.pid}.0123456789abcdef.cc-tmp`);
    const dead = join(d, '.a.json.999999.0123456789abcdef.cc-tmp');
    const aliveOld = join(d, '.b.json.1.0123456789abcdef.cc-tmp');
    const aliveNew = join(d, '.c.json.1.fedcba9876543210.cc-tmp');
    const other = join(d, 'a.json.tmp-123');
    for (const p of [mine, dead, aliveOld, aliveNew, other, join(d, 'a.json')]) writeFileSync(p, 'x');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    utimesSync(aliveOld, twoHoursAgo, twoHoursAgo);
    const removed = await sweepStaleTemps([d, join(d, 'missing')], {
      isAlive: (pid) => pid === 1 || pid === process.pid,
    });
    expect(removed.sort()).toEqual([aliveOld, dead].sort());
    expect(readdirSync(d).sort()).toEqual([basename(aliveNew), basename(mine), 'a.json', basename(other)].sort());
  });

  it('the sweep also removes the older versions’ `<file>.tmp-<time>` files once they are an hour old', async () => {
    const d = folder();
    const stamp = (ms: number) => ms.toString(36);
    const oldTemp = join(d, `book.json.tmp-${stamp(Date.now() - 3 * 3600_000)}`);
    const freshTemp = join(d, `book.json.tmp-${stamp(Date.now())}`);
    const notOurs = join(d, 'notes.tmp-draft');
    for (const p of [oldTemp, freshTemp, notOurs]) writeFileSync(p, 'x');
    const twoHoursAgo = (Date.now() - 2 * 3600_000) / 1000;
    for (const p of [oldTemp, notOurs]) utimesSync(p, twoHoursAgo, twoHoursAgo);
    expect(await sweepStaleTemps([d])).toEqual([oldTemp]);
    expect(legacyTempTime('a.json.tmp-zzzzzzzzz')).toBeNull();
  });

  it('the app sweeps its own folder and the folders of recent files at start', async () => {
    const data = folder();
    const work = folder();
    const book = join(work, 'book.json');
    writeFileSync(book, example);
    const h = createFileHandlers({
      fs: nodeFs,
      dialog: { chooseOpen: async () => book, chooseSave: async () => null },
      paths: { userData: data, startFile: book, join, basename, dirname },
      check: inlineWorkbookCheck,
    });
    expect((await h.open()).ok).toBe(true);
    writeFileSync(join(work, '.book.json.999999.0123456789abcdef.cc-tmp'), 'x'.repeat(1000));
    writeFileSync(join(data, '.autosave.json.999999.0123456789abcdef.cc-tmp'), 'x');
    await h.sweepStaleTemps();
    expect(temps(work)).toEqual([]);
    expect(temps(data)).toEqual([]);
  });

  it('the CLI writes through the same module: a failed write leaves no temp file and reports the file', () => {
    const d = folder();
    const out = join(d, 'out.csv');
    cliWriteAtomic(out, 'a,b\n');
    expect(readFileSync(out, 'utf8')).toBe('a,b\n');
    expect(() => cliWriteAtomic(join(d, 'missing-folder', 'x.csv'), 'x')).toThrow(InputError);
    expect(readdirSync(d)).toEqual(['out.csv']);
    expect(readFileSync('cli/files.ts', 'utf8')).toMatch(/from '\.\.\/electron\/handlers\/atomic-write'/);
  });

  it('a write stopped by a full disk (a 16 KiB file-size limit in a child: EFBIG) leaves no temp file', () => {
    // A child with a 16 KiB file-size limit: the temp write fails with EFBIG, as a full disk would stop it.
    const d = folder();
    const f = join(d, 'big.json');
    writeFileSync(f, 'old');
    const script = `import { writeFileAtomicSync } from './electron/handlers/atomic-write.ts';
try { writeFileAtomicSync(${JSON.stringify(f)}, 'x'.repeat(1 << 20), { backup: true }); console.log('written'); } catch (e) { console.log(e.code); }`;
    const out = execFileSync(
      'bash',
      ['-c', `ulimit -f 16; exec node --import tsx --input-type=module -e "$0"`, script],
      { encoding: 'utf8' },
    ).trim();
    expect(out).toBe('EFBIG');
    expect(readFileSync(f, 'utf8')).toBe('old');
    expect(temps(d)).toEqual([]);
  });
});

describe('issue 15 item 6: two saves at once', () => {
  function app() {
    const data = folder();
    const work = folder();
    const book = join(work, 'book.json');
    writeFileSync(book, example);
    const h = createFileHandlers({
      fs: nodeFs,
      dialog: { chooseOpen: async () => book, chooseSave: async () => null },
      paths: { userData: data, startFile: book, join, basename, dirname },
      check: inlineWorkbookCheck,
    });
    return { h, book, work, ref: { id: book, name: 'book.json' } };
  }
  const variant = (name: string) => JSON.stringify({ ...JSON.parse(example), organization: { name } }, null, 2);

  it('simultaneous saves of one document are serialized: both succeed, the file is the last one, the backup the one before', async () => {
    const { h, book, work, ref } = app();
    expect((await h.open()).ok).toBe(true);
    for (let i = 0; i < 20; i++) {
      const a = variant(`A${i}`);
      const b = variant(`B${i}`);
      const [ra, rb] = await Promise.all([h.save(ref, a), h.save(ref, b)]);
      expect(ra.ok && rb.ok).toBe(true);
      expect(readFileSync(book, 'utf8')).toBe(b);
      expect(readFileSync(`${book}.bak`, 'utf8')).toBe(a);
    }
    expect(temps(work)).toEqual([]);
  });

  it('the later save wins even when its check finishes first', async () => {
    const data = folder();
    const work = folder();
    const book = join(work, 'book.json');
    writeFileSync(book, example);
    // The first text takes longer to check than the second.
    const check = {
      ...inlineWorkbookCheck,
      checkText: async (t: string) => (
        t.includes('"slow"') && (await new Promise((r) => setTimeout(r, 50))),
        inlineWorkbookCheck.checkText(t)
      ),
    };
    const h = createFileHandlers({
      fs: nodeFs,
      dialog: { chooseOpen: async () => book, chooseSave: async () => null },
      paths: { userData: data, startFile: book, join, basename, dirname },
      check,
    });
    expect((await h.open()).ok).toBe(true);
    const ref = { id: book, name: 'book.json' };
    const [a, b] = await Promise.all([h.save(ref, variant('slow')), h.save(ref, variant('fast'))]);
    expect(a.ok && b.ok).toBe(true);
    expect(readFileSync(book, 'utf8')).toBe(variant('fast'));
    expect(readFileSync(`${book}.bak`, 'utf8')).toBe(variant('slow'));
  });

  it('the same text saved twice at once never gives a false failure', async () => {
    const { h, book, ref } = app();
    expect((await h.open()).ok).toBe(true);
    const t = variant('same');
    const rs = await Promise.all([h.save(ref, t), h.save(ref, t), h.save(ref, t)]);
    expect(rs.map((r) => r.ok)).toEqual([true, true, true]);
    expect(readFileSync(book, 'utf8')).toBe(t);
  });

  it('a save whose text is not a workbook is refused before anything on disk changes', async () => {
    const { h, book, work, ref } = app();
    expect((await h.open()).ok).toBe(true);
    const before = readdirSync(work).sort();
    for (const bad of ['<not a workbook>', '{}', JSON.stringify({ ...JSON.parse(example), members: 'none' })]) {
      const r = await h.save(ref, bad);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toMatch(/book\.json was not saved: .*left as it is/);
    }
    expect(readFileSync(book, 'utf8')).toBe(example);
    expect(readdirSync(work).sort()).toEqual(before);
    // Save As refuses before it asks where.
    let asked = false;
    const h2 = createFileHandlers({
      fs: nodeFs,
      dialog: { chooseOpen: async () => null, chooseSave: async () => ((asked = true), null) },
      paths: { userData: folder(), startFile: book, join, basename, dirname },
      check: inlineWorkbookCheck,
    });
    expect((await h2.saveAs('x.json', 'nope')).ok).toBe(false);
    expect(asked).toBe(false);
  });
});
