import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeDisk, nodeHost, nodeLockFs } from '../../electron/adapters/lock-fs';
import { createDocumentGuard, hashText } from '../../electron/handlers/document-guard';
import { createFileHandlers } from '../../electron/handlers/files';
import { inlineWorkbookCheck } from '../../electron/workers/workbook-check';
import { nodeFs } from '../../electron/adapters/fs';
import type { FileRef, SaveResult } from '../../shared/ipc/contract';
import { recordPayment, type Outcome } from '../../shared/edit';
import { mergeWorkbooks } from '../../shared/merge/merge';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { e1Workbook } from './helpers';
import { fakeHost, paths, scriptedDialog, sharedDisk } from './lock-helpers';

// Issue 16 item 2 in the Electron handlers (plain Node, fake disk): two copies of the app on one workbook. Done when
// two handler instances on one file never lose a saved payment.

const FILE = '/share/union.json';
const text = (wb: Workbook) => `${JSON.stringify(wb, null, 2)}\n`;
const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};
const pay = (wb: Workbook, member: string, amount: string) =>
  ok(recordPayment(wb, { member, date: '2026-02-01', amount }));
const read = (t: string) => parseWorkbook(t).workbook!;

function office(files: Record<string, string> = { [FILE]: text(e1Workbook()) }) {
  const disk = sharedDisk(files);
  const clock = { now: Date.parse('2026-03-02T09:00:00Z') };
  const alive = new Set<string>();
  const copy = (machine: string, pid: number, save: (string | null)[] = []) => {
    const h = fakeHost(machine, pid, clock, alive);
    const files = createFileHandlers({
      fs: disk.fs,
      dialog: scriptedDialog([FILE, FILE, FILE], save),
      paths: { userData: `/home/${pid}`, startFile: '/app/example.json', ...paths },
      check: disk.check,
    });
    return createDocumentGuard({ files, disk: disk.disk, lockFs: disk.lockFs, host: h.host, paths });
  };
  return { disk, clock, alive, copy };
}

/** Opens the workbook: its file and workbook as the renderer would hold them. */
async function openIn(g: ReturnType<ReturnType<typeof office>['copy']>) {
  const r = await g.open();
  if (!r.ok) throw new Error('open failed');
  return { file: r.opened.file, base: read(r.opened.text), lockedBy: r.lockedBy };
}

/** What the renderer does with a refusal: merge with the file as it is now, then save over that version. */
async function saveMerging(
  g: ReturnType<ReturnType<typeof office>['copy']>,
  file: FileRef,
  base: Workbook,
  ours: Workbook,
): Promise<{ r: SaveResult; merges: number }> {
  let merges = 0;
  let r = await g.save(file, text(ours));
  while (!r.ok && r.changedOnDisk) {
    merges++;
    const m = mergeWorkbooks(base, ours, read(r.changedOnDisk.text));
    if (m.kind !== 'merged') throw new Error(`merge: ${m.kind}`);
    [base, ours] = [read(r.changedOnDisk.text), m.workbook];
    r = await g.saveOver!(file, text(ours), r.changedOnDisk.hash);
  }
  return { r, merges };
}

describe('the document guard (issue 16)', () => {
  it('open takes the lock; a second copy opens read-only, is told who has it, and its save is refused until edit anyway', async () => {
    const o = office();
    const a = o.copy('pc-a', 1);
    const b = o.copy('pc-b', 2);
    const A = await openIn(a);
    expect(A.lockedBy).toBeUndefined();
    expect(o.disk.store.has('/share/.~lock.union.json#')).toBe(true);
    const B = await openIn(b);
    expect(B.lockedBy).toEqual({ user: 'user1', machine: 'pc-a', since: '2026-03-02T09:00:00.000Z' });
    const refused = await b.save(B.file, text(pay(B.base, 'P', '10')));
    expect(refused).toMatchObject({
      ok: false,
      lockedBy: B.lockedBy,
      message: expect.stringMatching(/open on pc-a by user1.*read-only/),
    });
    expect(read(o.disk.store.get(FILE)!).payments).toEqual([]);
    await b.editAnyway!(B.file);
    expect((await b.save(B.file, text(pay(B.base, 'P', '10')))).ok).toBe(true);
  });

  it('a save over a file changed since it was opened is refused with the file as it is now; merge then saveOver keeps both payments', async () => {
    const o = office();
    const a = o.copy('pc-a', 1);
    const b = o.copy('pc-b', 2);
    const A = await openIn(a);
    const B = await openIn(b);
    await b.editAnyway!(B.file);
    expect(await a.save(A.file, text(pay(A.base, 'P', '100')))).toEqual({ ok: true, file: A.file });
    const mine = pay(B.base, 'Q', '200');
    const r = await b.save(B.file, text(mine));
    expect(r.ok).toBe(false);
    if (r.ok || !r.changedOnDisk) throw new Error('expected changedOnDisk');
    expect(r.message).toMatch(/changed on disk since you opened or last saved it/);
    expect(r.changedOnDisk).toEqual({ text: o.disk.store.get(FILE), hash: hashText(o.disk.store.get(FILE)!) });
    // Nothing was written: A's payment is still there.
    expect(read(o.disk.store.get(FILE)!).payments.map((p) => p.member)).toEqual(['P']);
    const m = mergeWorkbooks(B.base, mine, read(r.changedOnDisk.text));
    if (m.kind !== 'merged') throw new Error(m.kind);
    expect((await b.saveOver!(B.file, text(m.workbook), r.changedOnDisk.hash)).ok).toBe(true);
    expect(
      read(o.disk.store.get(FILE)!)
        .payments.map((p) => `${p.member} ${p.amount}`)
        .sort(),
    ).toEqual(['P 100', 'Q 200']);
    // And A's next save is refused in turn, until A merges: nothing of B's is lost either.
    const again = await saveMerging(
      a,
      A.file,
      read(text(pay(A.base, 'P', '100'))),
      pay(pay(A.base, 'P', '100'), 'R', '300'),
    );
    expect(again.r.ok).toBe(true);
    expect(again.merges).toBe(1);
    expect(
      read(o.disk.store.get(FILE)!)
        .payments.map((p) => `${p.member} ${p.amount}`)
        .sort(),
    ).toEqual(['P 100', 'Q 200', 'R 300']);
  });

  it('two copies saving at the same moment, many times over: no saved payment is ever lost', async () => {
    const o = office();
    const a = o.copy('pc-a', 1);
    const b = o.copy('pc-b', 2);
    const A = await openIn(a);
    const B = await openIn(b);
    await b.editAnyway!(B.file);
    let [aBase, aWb, bBase, bWb] = [A.base, A.base, B.base, B.base];
    const saved = new Set<string>();
    let merges = 0;
    for (let round = 0; round < 6; round++) {
      aWb = pay(aWb, 'P', String(1000 + round));
      bWb = pay(bWb, 'S', String(2000 + round));
      const [ra, rb] = await Promise.all([saveMerging(a, A.file, aBase, aWb), saveMerging(b, B.file, bBase, bWb)]);
      expect(ra.r.ok && rb.r.ok).toBe(true);
      merges += ra.merges + rb.merges;
      saved.add(`P ${1000 + round}`).add(`S ${2000 + round}`);
      // Each copy now holds what is on disk as its base (the renderer adopts the merged workbook it saved).
      const disk = read(o.disk.store.get(FILE)!);
      const onDisk = new Set(disk.payments.map((p) => `${p.member} ${p.amount}`));
      // Everything saved so far by either side that has finished its save is on disk.
      for (const s of [...saved].filter((x) => (x.startsWith('P') ? ra : rb).r.ok)) expect(onDisk.has(s), s).toBe(true);
      [aBase, aWb, bBase, bWb] = [disk, disk, disk, disk];
    }
    // Both copies saved at once every round: each round one of them had to merge.
    expect(merges).toBeGreaterThanOrEqual(6);
    const final = read(o.disk.store.get(FILE)!).payments.map((p) => `${p.member} ${p.amount}`);
    expect(final.sort()).toEqual([...saved].sort());
    expect(new Set(read(o.disk.store.get(FILE)!).payments.map((p) => p.id)).size).toBe(12);
  });

  it('saveOver is refused again when the file changed once more since the version the user merged with', async () => {
    const o = office();
    const a = o.copy('pc-a', 1);
    const A = await openIn(a);
    o.disk.store.set(FILE, text(pay(A.base, 'Q', '5')));
    const r1 = await a.save(A.file, text(pay(A.base, 'P', '1')));
    if (r1.ok || !r1.changedOnDisk) throw new Error('expected changedOnDisk');
    o.disk.store.set(FILE, text(pay(pay(A.base, 'Q', '5'), 'R', '6')));
    const r2 = await a.saveOver!(A.file, text(pay(A.base, 'P', '1')), r1.changedOnDisk.hash);
    expect(r2.ok === false && r2.changedOnDisk?.text).toBe(o.disk.store.get(FILE));
    // Overwrite after confirmation: saveOver with the version just shown.
    if (r2.ok || !r2.changedOnDisk) return;
    expect((await a.saveOver!(A.file, text(pay(A.base, 'P', '1')), r2.changedOnDisk.hash)).ok).toBe(true);
    expect(read(o.disk.store.get(FILE)!).payments.map((p) => p.member)).toEqual(['P']);
  });

  it('diskChanged says when the file changed on disk while open, and only then', async () => {
    const o = office();
    const a = o.copy('pc-a', 1);
    const A = await openIn(a);
    expect(await a.diskChanged!(A.file)).toBeNull();
    await a.save(A.file, text(pay(A.base, 'P', '1')));
    expect(await a.diskChanged!(A.file)).toBeNull();
    o.disk.store.set(FILE, text(pay(A.base, 'Q', '2')));
    expect(await a.diskChanged!(A.file)).toEqual({
      text: o.disk.store.get(FILE),
      hash: hashText(o.disk.store.get(FILE)!),
    });
    expect(await a.diskChanged!({ id: '/elsewhere.json', name: 'elsewhere.json' })).toBeNull();
  });

  it('the lock goes when the document closes, when another file is opened, and at quit', async () => {
    const other = '/share/other.json';
    const o = office({ [FILE]: text(e1Workbook()), [other]: text(e1Workbook()) });
    const g = (() => {
      const h = fakeHost('pc-a', 1, o.clock, o.alive);
      const files = createFileHandlers({
        fs: o.disk.fs,
        dialog: scriptedDialog([FILE, other, FILE]),
        paths: { userData: '/home/1', startFile: '/app/example.json', ...paths },
        check: o.disk.check,
      });
      return createDocumentGuard({ files, disk: o.disk.disk, lockFs: o.disk.lockFs, host: h.host, paths });
    })();
    const locks = () => [...o.disk.store.keys()].filter((k) => k.includes('.~lock.')).sort();
    await g.open();
    expect(locks()).toEqual(['/share/.~lock.union.json#']);
    await g.open();
    expect(locks()).toEqual(['/share/.~lock.other.json#']);
    await g.closeDocument!();
    expect(locks()).toEqual([]);
    await g.open();
    expect(locks()).toEqual(['/share/.~lock.union.json#']);
    await g.releaseAll();
    expect(locks()).toEqual([]);
  });

  it('Save As moves the document, and its lock, to the new file', async () => {
    const o = office();
    const h = fakeHost('pc-a', 1, o.clock, o.alive);
    const files = createFileHandlers({
      fs: o.disk.fs,
      dialog: scriptedDialog([FILE], ['/share/copy.json']),
      paths: { userData: '/home/1', startFile: '/app/example.json', ...paths },
      check: o.disk.check,
    });
    const g = createDocumentGuard({ files, disk: o.disk.disk, lockFs: o.disk.lockFs, host: h.host, paths });
    const A = await openIn(g);
    const r = await g.saveAs('copy.json', text(pay(A.base, 'P', '1')));
    expect(r).toEqual({ ok: true, file: { id: '/share/copy.json', name: 'copy.json' } });
    expect([...o.disk.store.keys()].filter((k) => k.includes('.~lock.'))).toEqual(['/share/.~lock.copy.json#']);
    // A change to the copy made elsewhere is now what the guard watches.
    o.disk.store.set('/share/copy.json', text(pay(A.base, 'Q', '2')));
    expect((await g.save({ id: '/share/copy.json', name: 'copy.json' }, text(pay(A.base, 'P', '3')))).ok).toBe(false);
  });
});

// The adapters on a real temp folder: the same life cycle with node:fs.
describe('the lock and disk adapters on a real folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cc-lock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('open, save, a change by another program, refusal, and the lock removed on close', async () => {
    const file = join(dir, 'union.json');
    writeFileSync(file, `\ufeff${text(e1Workbook())}`); // with a byte order mark, as some editors write
    const files = createFileHandlers({
      fs: nodeFs,
      dialog: scriptedDialog([file]),
      paths: { userData: join(dir, 'user'), startFile: file, join, basename, dirname },
      check: inlineWorkbookCheck,
    });
    const g = createDocumentGuard({
      files,
      disk: nodeDisk,
      lockFs: nodeLockFs,
      host: nodeHost,
      paths: { join, basename, dirname },
    });
    const A = await openIn(g);
    const lock = JSON.parse(readFileSync(join(dir, '.~lock.union.json#'), 'utf8'));
    expect(lock).toMatchObject({ app: 'contribution-calculator', pid: process.pid, machine: nodeHost.machine });
    // The byte order mark is not a change.
    expect(await g.diskChanged!(A.file)).toBeNull();
    expect((await g.save(A.file, text(pay(A.base, 'P', '1')))).ok).toBe(true);
    expect(await nodeDisk.contentHash(file)).toBe(hashText(text(pay(A.base, 'P', '1'))));
    writeFileSync(file, text(pay(A.base, 'Q', '2')));
    const r = await g.save(A.file, text(pay(A.base, 'P', '3')));
    expect(r.ok === false && read(r.changedOnDisk!.text).payments[0].member).toBe('Q');
    expect(readdirSync(dir).filter((n) => n.includes('.~save.') || n.endsWith('.cc-tmp'))).toEqual([]);
    await g.closeDocument!();
    expect(readdirSync(dir).filter((n) => n.startsWith('.~lock.'))).toEqual([]);
    expect(await nodeLockFs.createExclusive(join(dir, 'x#'), 'one')).toBe(true);
    expect(await nodeLockFs.createExclusive(join(dir, 'x#'), 'two')).toBe(false);
    expect(readFileSync(join(dir, 'x#'), 'utf8')).toBe('one');
    expect(nodeHost.isAlive(process.pid)).toBe(true);
  });
});
