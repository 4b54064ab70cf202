import { describe, expect, it } from 'vitest';
import {
  createLocks,
  HEARTBEAT_MS,
  lockPathFor,
  parseLock,
  saveLockPathFor,
  STALE_AFTER_MS,
  staleReason,
  withSaveLock,
  type LockRecord,
} from '../../electron/handlers/lock';
import { fakeHost, paths, sharedDisk } from './lock-helpers';

// Issue 16 item 1: the lock file's life cycle, two copies of the app on one (in-memory) disk.

const FILE = '/share/union.json';
const LOCK = '/share/.~lock.union.json#';
const T0 = Date.parse('2026-03-02T09:00:00Z');

function two() {
  const disk = sharedDisk({ [FILE]: '{}' });
  const clock = { now: T0 };
  const alive = new Set<string>();
  const a = fakeHost('pc-a', 101, clock, alive);
  const b = fakeHost('pc-b', 202, clock, alive);
  const locks = (h: typeof a) => createLocks({ fs: disk.lockFs, host: h.host, paths });
  return { disk, clock, alive, a, b, la: locks(a), lb: locks(b) };
}
const record = (text: string | undefined) => JSON.parse(text!) as LockRecord;

describe('lock files (issue 16)', () => {
  it('is named like LibreOffice’s, beside the workbook', () => {
    expect(lockPathFor(FILE, paths)).toBe(LOCK);
    expect(saveLockPathFor(FILE, paths)).toBe('/share/.~save.union.json#');
  });

  it('open takes the lock (user, machine, pid, since, heartbeat); another copy is told who has it; close removes it', async () => {
    const t = two();
    expect(await t.la.acquire(FILE)).toEqual({ held: true });
    expect(record(t.disk.store.get(LOCK))).toEqual({
      app: 'contribution-calculator',
      user: 'user101',
      machine: 'pc-a',
      pid: 101,
      since: '2026-03-02T09:00:00.000Z',
      heartbeat: '2026-03-02T09:00:00.000Z',
    });
    expect(await t.lb.acquire(FILE)).toEqual({
      held: false,
      owner: { user: 'user101', machine: 'pc-a', since: '2026-03-02T09:00:00.000Z' },
    });
    // Release by the one who does not hold it removes nothing.
    await t.lb.release(FILE);
    expect(t.disk.store.has(LOCK)).toBe(true);
    await t.la.release(FILE);
    expect(t.disk.store.has(LOCK)).toBe(false);
    expect(await t.lb.acquire(FILE)).toEqual({ held: true });
    expect(t.lb.held()).toEqual([FILE]);
  });

  it('the heartbeat keeps the lock fresh for as long as the document is open', async () => {
    const t = two();
    await t.la.acquire(FILE);
    for (let hour = 1; hour <= 30; hour++) {
      t.clock.now = T0 + hour * 3600_000;
      t.a.beat();
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(record(t.disk.store.get(LOCK)).heartbeat).toBe(new Date(T0 + 30 * 3600_000).toISOString());
    // 30 hours open, but it beat an hour ago: not stale.
    t.clock.now += 3600_000;
    expect((await t.lb.acquire(FILE)).held).toBe(false);
    expect(HEARTBEAT_MS).toBeLessThan(STALE_AFTER_MS);
  });

  it('a lock with no heartbeat for more than a day is stale and replaced', async () => {
    const t = two();
    await t.la.acquire(FILE);
    t.clock.now = T0 + STALE_AFTER_MS; // exactly a day: still held
    expect((await t.lb.acquire(FILE)).held).toBe(false);
    t.clock.now = T0 + STALE_AFTER_MS + 1;
    expect(await t.lb.acquire(FILE)).toEqual({ held: true });
    expect(record(t.disk.store.get(LOCK)).machine).toBe('pc-b');
    // The first copy's heartbeat sees the lock is no longer its own and stops; its release leaves the new one.
    t.a.beat();
    await new Promise((r) => setTimeout(r, 5));
    expect(t.a.timers.size).toBe(0);
    expect(record(t.disk.store.get(LOCK)).machine).toBe('pc-b');
    await t.la.release(FILE);
    expect(record(t.disk.store.get(LOCK)).machine).toBe('pc-b');
  });

  it('a lock whose process is gone on this machine is stale at once; on another machine only by its heartbeat', async () => {
    const t = two();
    const a2 = fakeHost('pc-a', 102, t.clock, t.alive);
    await t.la.acquire(FILE);
    t.alive.delete('pc-a:101'); // the app on pc-a crashed
    expect(await createLocks({ fs: t.disk.lockFs, host: a2.host, paths }).acquire(FILE)).toEqual({ held: true });
    expect(record(t.disk.store.get(LOCK)).pid).toBe(102);
    // pc-b cannot see pc-a's processes: it trusts the heartbeat.
    t.alive.delete('pc-a:102');
    expect((await t.lb.acquire(FILE)).held).toBe(false);
  });

  it('staleReason names why', () => {
    const lock: LockRecord = {
      app: 'contribution-calculator',
      user: 'u',
      machine: 'm',
      pid: 5,
      since: '2026-01-01T00:00:00Z',
      heartbeat: '2026-01-02T00:00:00Z',
    };
    const at = (iso: string) => Date.parse(iso);
    expect(staleReason(lock, { machine: 'm', isAlive: () => false }, at('2026-01-02T00:00:00Z'))).toBe('process-gone');
    expect(staleReason(lock, { machine: 'm', isAlive: () => true }, at('2026-01-02T12:00:00Z'))).toBeNull();
    expect(staleReason(lock, { machine: 'other', isAlive: () => false }, at('2026-01-03T00:00:01Z'))).toBe(
      'no-heartbeat',
    );
    expect(
      staleReason({ ...lock, heartbeat: 'garbage', since: 'garbage' }, { machine: 'x', isAlive: () => true }, 0),
    ).toBe('no-heartbeat');
  });

  it('an office program’s lock names who has the file; a damaged lock is replaced', async () => {
    expect(
      parseLock(',Marie Curie,PC-FIN-07,02.03.2026 09:15,file:///C:/Users/marie/AppData/Roaming/LibreOffice/4;'),
    ).toEqual({ office: { user: 'Marie Curie', machine: 'PC-FIN-07', since: '02.03.2026 09:15' } });
    const t = two();
    t.disk.store.set(LOCK, ',Marie Curie,PC-FIN-07,02.03.2026 09:15,file:///x;');
    expect(await t.la.acquire(FILE)).toEqual({
      held: false,
      owner: { user: 'Marie Curie', machine: 'PC-FIN-07', since: '02.03.2026 09:15' },
    });
    t.disk.store.set(LOCK, '{"app":"contribution-calc');
    expect(await t.la.acquire(FILE)).toEqual({ held: true });
  });

  it('two copies taking a free lock at the same moment: exactly one holds it', async () => {
    const t = two();
    const [ra, rb] = await Promise.all([t.la.acquire(FILE), t.lb.acquire(FILE)]);
    expect([ra.held, rb.held].filter(Boolean)).toHaveLength(1);
  });

  it('the save lock lets one save at a time through, and a save lock left by a dead process is taken over', async () => {
    const t = two();
    const order: string[] = [];
    const save = (who: typeof t.a, name: string) =>
      withSaveLock(FILE, { fs: t.disk.lockFs, host: who.host, paths }, async () => {
        order.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 20));
        order.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([save(t.a, 'a'), save(t.b, 'b')])).toEqual(['a', 'b']);
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out']);
    expect(t.disk.store.has('/share/.~save.union.json#')).toBe(false);
    // A save that died mid-way on pc-a: pc-a's next copy takes it over at once, pc-b after a minute.
    t.disk.store.set(
      '/share/.~save.union.json#',
      JSON.stringify({
        app: 'contribution-calculator',
        machine: 'pc-a',
        pid: 999,
        at: new Date(t.clock.now).toISOString(),
      }),
    );
    expect(await save(t.a, 'a2')).toBe('a2');
    t.disk.store.set(
      '/share/.~save.union.json#',
      JSON.stringify({
        app: 'contribution-calculator',
        machine: 'pc-a',
        pid: 999,
        at: new Date(t.clock.now).toISOString(),
      }),
    );
    // pc-b cannot tell whether pc-a's pid runs: busy for now (it waited a few seconds), taken over after a minute.
    expect(await save(t.b, 'b2')).toBe('busy');
    t.clock.now += 60_000;
    expect(await save(t.b, 'b2')).toBe('b2');
  });

  it('a save lock held for longer than the wait by a live save elsewhere: busy, nothing run', async () => {
    const t = two();
    // A live holder whose time stamp keeps moving (it is written "now" at every look).
    let ran = false;
    const lockFs = {
      ...t.disk.lockFs,
      readText: async () =>
        JSON.stringify({
          app: 'contribution-calculator',
          machine: 'pc-a',
          pid: 101,
          at: new Date(t.clock.now).toISOString(),
        }),
      createExclusive: async () => false,
    };
    expect(await withSaveLock(FILE, { fs: lockFs, host: t.b.host, paths }, async () => (ran = true))).toBe('busy');
    expect(ran).toBe(false);
  });
});
