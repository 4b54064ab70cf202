import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addMember, recordPayment, removeMember, setClass, type Outcome } from '../../shared/edit';
import type { DesktopApi, LockOwner } from '../../shared/ipc/contract';
import { journalEntry, journalOf, recordedBy, withJournal } from '../../shared/merge/journal';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, clickToolbar, launchChromium, serveStatic } from './harness';

// Issue 16 end to end: the lock notice, the changed-on-disk dialog and the merge view, in the built renderer.
// The Electron shell cannot run here, so the page gets a stand-in for the shell's window.api (set before the app's
// scripts run, as the preload would): one shared file on a "disk" the test changes as a colleague would, answering
// save / saveOver / diskChanged / editAnyway as electron/handlers/document-guard.ts does. Nothing of it is in the
// app's build: the app reads window.api as it does in Electron. The last test runs the plain browser build.

const exampleText = readFileSync('examples/example-workbook.json', 'utf8');
const example = parseWorkbook(exampleText).workbook!;
const ok = (o: Outcome): Workbook => {
  if (!o.ok) throw new Error(o.problems.map((p) => p.message).join('; '));
  return o.workbook;
};
const text = (wb: Workbook) => `${JSON.stringify(wb, null, 2)}\n`;

/** The stand-in shell, run in the page before the app: the file union.json on a disk the test can change. */
function fakeShell(args: { text: string; lockedBy: LockOwner | null }) {
  type Disk = { text: string; hash: string };
  const file = { id: '/share/union.json', name: 'union.json' };
  let n = 0;
  let disk: Disk = { text: args.text, hash: 'h0' };
  // What was opened or last saved here (the guard's expected hash), and whether someone else's lock holds.
  let expected = disk.hash;
  let lockedBy = args.lockedBy;
  const calls: unknown[][] = [];
  const write = (text: string) => {
    disk = { text, hash: `h${++n}` };
    expected = disk.hash;
    return { ok: true as const, file };
  };
  const opened = () => {
    expected = disk.hash;
    return { ok: true as const, opened: { file, text: disk.text }, ...(lockedBy ? { lockedBy } : {}) };
  };
  const api: DesktopApi = {
    kind: 'electron',
    open: async () => opened(),
    openRecent: async (id) => (calls.push(['openRecent', id]), opened()),
    openExample: async () => opened(),
    async save(f, text) {
      calls.push(['save', f.id]);
      if (lockedBy) return { ok: false, message: 'locked', lockedBy };
      if (disk.hash !== expected) return { ok: false, message: 'changed', changedOnDisk: { ...disk } };
      return write(text);
    },
    async saveOver(f, text, hash) {
      calls.push(['saveOver', f.id, hash]);
      if (disk.hash !== hash) return { ok: false, message: 'changed', changedOnDisk: { ...disk } };
      return write(text);
    },
    async saveAs(name) {
      calls.push(['saveAs', name]);
      return { ok: false, cancelled: true };
    },
    diskChanged: async () => (calls.push(['diskChanged']), disk.hash !== expected ? { ...disk } : null),
    async editAnyway(f) {
      calls.push(['editAnyway', f.id]);
      lockedBy = null;
    },
    closeDocument: async () => void calls.push(['closeDocument']),
    recentFiles: async () => [],
    autosave: async () => {},
    recover: async () => null,
    clearAutosave: async () => {},
    exportFile: async () => ({ ok: false, cancelled: true }),
    exportPdf: async () => ({ ok: false, cancelled: true }),
    setDocumentState: () => {},
    closeAfterSave: () => {},
    onMenu: () => () => {},
  };
  const w = globalThis as unknown as { api: DesktopApi; shell: unknown };
  w.api = api;
  w.shell = {
    calls,
    disk: () => disk,
    /** A colleague's save: the file on disk changes. */
    change: (text: string) => (disk = { text, hash: `h${++n}` }),
  };
}

// Each test opens the app afresh on a machine others share: more time than the default minute.
vi.setConfig({ testTimeout: 180_000 });

let server: Awaited<ReturnType<typeof serveStatic>>;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openShared(o: { lockedBy?: LockOwner; text?: string } = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.addInitScript(fakeShell, { text: o.text ?? exampleText, lockedBy: o.lockedBy ?? null });
  await page.goto(server.url);
  await page.waitForSelector('.ag-row[row-index="0"]', { timeout: 90_000 });
  await page.selectOption('[data-testid=budget-select]', 'paris');
  await page.selectOption('[data-testid=year-select]', '2026');
  return page;
}

const calls = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { shell: { calls: unknown[][] } }).shell.calls.map((c) => c[0]));
const onDisk = async (page: Page) =>
  parseWorkbook(
    await page.evaluate(() => (globalThis as unknown as { shell: { disk(): { text: string } } }).shell.disk().text),
  ).workbook!;
const colleagueSaves = (page: Page, wb: Workbook) =>
  page.evaluate((t) => (globalThis as unknown as { shell: { change(t: string): void } }).shell.change(t), text(wb));
const classOf = (wb: Workbook, member: string, year: number) =>
  wb.participations.find((p) => p.member === member && p.budget === 'paris')!.classes.find((c) => c.year === year)
    ?.class;
/** MERGE_SHOTS=dir: screenshots of the views for a note (nothing is asserted on them). */
const shot = async (page: Page, name: string) => {
  if (process.env.MERGE_SHOTS) await page.screenshot({ path: `${process.env.MERGE_SHOTS}/${name}.png` });
};
const title = (page: Page) => page.locator('[data-testid=doc-title]').textContent();

/** Our edit, made in the grid: AL's class in the Paris budget for 2026. */
async function setAlClass(page: Page, value: string) {
  await page.click(cell('AL', 'name'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowDown');
  await page.locator('.ag-select-list').getByRole('option', { name: value, exact: true }).click();
}

describe('a workbook someone else has open (browser build, stand-in shell)', () => {
  it('names who and since when; read-only refuses edits and Save; Edit anyway lifts it', async () => {
    const page = await openShared({
      lockedBy: { user: 'marie', machine: 'PC-FIN-07', since: '2026-03-02T09:15:03.120Z' },
    });
    const notice = page.locator('[data-testid=lock-notice]');
    await expect
      .poll(() => notice.textContent())
      .toMatch(/^marie on PC-FIN-07 has had this workbook open since Mar 2, 2026, .*It is open read-only/);
    await shot(page, 'lock-notice');
    await page.click('[data-testid=lock-read-only]');
    await expect.poll(() => notice.textContent()).toMatch(/^Read-only: marie on PC-FIN-07 has this workbook open\./);
    expect(await page.locator('[data-testid=save]').isDisabled()).toBe(true);

    const before = await page.locator(cell('AL', 'amount')).textContent();
    await setAlClass(page, 'I');
    await expect
      .poll(() => page.locator('[data-testid=cell-error]').textContent())
      .toMatch(/This workbook is open read-only \(marie on PC-FIN-07 has it open\): nothing was changed/);
    expect(await page.locator(cell('AL', 'amount')).textContent()).toBe(before);
    expect(await title(page)).toBe('union.json');

    await page.click('[data-testid=lock-edit-anyway]');
    await expect.poll(() => notice.count()).toBe(0);
    expect(await calls(page)).toContain('editAnyway');
    expect(await page.locator('[data-testid=save]').isDisabled()).toBe(false);
    await setAlClass(page, 'I');
    await expect.poll(() => page.locator(cell('AL', 'amount')).textContent()).not.toBe(before);
    await page.click('[data-testid=save]');
    await expect.poll(() => title(page)).toBe('union.json');
    expect(classOf(await onDisk(page), 'AL', 2026)).toBe('I');
    await page.close();
  });
});

describe('saving over a file changed on disk (browser build, stand-in shell)', () => {
  it('merges: the view lists what came from where, applies as one undoable step and saves over that version', async () => {
    const page = await openShared();
    // A colleague records a payment and saves; we change AL's class, then save.
    const theirs = ok(recordPayment(example, { member: 'FR', date: '2026-02-01', amount: '45579' }));
    const added = theirs.payments.find((p) => !example.payments.some((x) => x.id === p.id))!;
    await colleagueSaves(page, theirs);
    await setAlClass(page, 'I');
    await page.click('[data-testid=save]');

    const dialog = page.locator('[data-testid=elsewhere]');
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/union\.json was changed on disk since you opened or last saved it/);
    await shot(page, 'changed-on-disk');
    expect(await page.locator('[data-testid=elsewhere-reload]').count()).toBe(0); // unsaved changes: no plain reload
    await page.click('[data-testid=elsewhere-merge]');
    const view = page.locator('[data-testid=merge-view]');
    await expect.poll(() => view.locator('[data-testid=merge-state]').textContent()).toMatch(/merged without conflict/);
    expect(await view.locator('[data-testid=merge-from-ours]').textContent()).toMatch(
      /From your changes \(1\).*changed participation of AL in budget paris/,
    );
    expect(await view.locator('[data-testid=merge-from-theirs]').textContent()).toBe(
      `From the version on disk (1)added payment ${added.id}`,
    );
    await shot(page, 'merge-view');
    await page.click('[data-testid=merge-apply]');

    await expect.poll(() => title(page)).toBe('union.json'); // saved: nothing unsaved
    expect(await view.count()).toBe(0);
    const disk = await onDisk(page);
    expect(classOf(disk, 'AL', 2026)).toBe('I');
    expect(disk.payments.find((p) => p.id === added.id)).toEqual(added);
    expect(disk.payments).toHaveLength(example.payments.length + 1);
    expect((await calls(page)).filter((c) => c === 'save' || c === 'saveOver')).toEqual(['save', 'saveOver']);

    // One step: undo takes the merge back (their payment goes, our class stays), and the document is unsaved again.
    await page.click('[data-testid=undo]');
    await expect.poll(() => title(page)).toBe('● union.json');
    expect(await page.locator('[data-testid=notice]').textContent()).toMatch(
      /Merge with union\.json as changed on disk/,
    );
    await page.click('[data-testid=undo]');
    await expect.poll(() => page.locator(cell('AL', 'class')).textContent()).toBe('VII');
    await page.close();
  });

  it('shows a conflict side by side with the field in words; the side chosen is applied and saved', async () => {
    const page = await openShared();
    await colleagueSaves(page, ok(setClass(example, { budget: 'paris', member: 'AL', year: 2026, value: 'II' })));
    await setAlClass(page, 'I');
    await page.click('[data-testid=save]');
    await page.click('[data-testid=elsewhere-merge]');
    const view = page.locator('[data-testid=merge-view]');
    await expect
      .poll(() => view.locator('[data-testid=merge-state]').textContent())
      .toMatch(/^1 place was changed differently in your version and on disk/);
    const row = view.locator('[data-testid=conflict]');
    expect(await row.count()).toBe(1);
    expect(await row.locator('th').textContent()).toBe(
      'participation of AL in budget paris › class held in 2026 › class',
    );
    expect(await row.locator('td').nth(0).textContent()).toBe(' I');
    expect(await row.locator('td').nth(1).textContent()).toBe(' II');
    // Nothing applies until every conflict has a side.
    expect(await view.locator('[data-testid=merge-apply]').isDisabled()).toBe(true);
    await row.locator('[data-testid=choose-theirs]').check();
    await shot(page, 'merge-conflict');
    await view.locator('[data-testid=merge-apply]').click();

    await expect.poll(() => title(page)).toBe('union.json');
    expect(classOf(await onDisk(page), 'AL', 2026)).toBe('II');
    await expect.poll(() => page.locator(cell('AL', 'class')).textContent()).toBe('II');
    await page.close();
  });

  it('a merge that would not be a valid workbook says why and changes nothing', async () => {
    // A member with nothing recorded yet (a member with history cannot be removed): they record its first payment,
    // we remove it.
    const base = ok(
      addMember(example, { code: 'AA', name: 'Aardvark Isles', budget: 'paris', year: 2026, value: 'VII' }),
    );
    const page = await openShared({ text: text(base) });
    await colleagueSaves(page, ok(recordPayment(base, { member: 'AA', date: '2026-02-01', amount: '100' })));
    expect(removeMember(base, 'AA').ok).toBe(true);
    await page.fill('[data-testid=find-member]', 'AA');
    await page.click(cell('AA', 'name'));
    await clickToolbar(page, 'remove-member');
    await expect.poll(() => page.locator(cell('AA', 'name')).count()).toBe(0);
    await page.click('[data-testid=save]');
    await page.click('[data-testid=elsewhere-merge]');
    const view = page.locator('[data-testid=merge-view]');
    await expect
      .poll(() => view.locator('[data-testid=merge-invalid]').textContent())
      .toMatch(/^Merged, the two versions would not make a valid workbook, so nothing was changed:.*AA/);
    expect(await view.locator('[data-testid=merge-apply]').count()).toBe(0);
    await view.locator('[data-testid=merge-cancel]').click();
    await page.click('[data-testid=elsewhere-later]');
    expect(await title(page)).toBe('● union.json');
    expect((await onDisk(page)).members.some((m) => m.code === 'AA')).toBe(true);
    expect(await calls(page)).not.toContain('saveOver');
    await page.close();
  });

  it('replaces only after naming what would be lost', async () => {
    const page = await openShared();
    const theirs = ok(recordPayment(example, { member: 'FR', date: '2026-02-01', amount: '45579' }));
    const added = theirs.payments.find((p) => !example.payments.some((x) => x.id === p.id))!;
    await colleagueSaves(page, theirs);
    await setAlClass(page, 'I');
    await page.click('[data-testid=save]');
    await page.click('[data-testid=elsewhere-replace]');
    const confirm = page.locator('[data-testid=replace-confirm]');
    await expect
      .poll(() => confirm.textContent())
      .toMatch(/^Replace union\.json with your version\? This change made on disk would be lost:/);
    expect(await confirm.locator('[data-testid=replace-lost]').textContent()).toBe(
      `From the version on disk (1)added payment ${added.id}`,
    );
    await page.click('[data-testid=replace-no]');
    expect(await calls(page)).not.toContain('saveOver');
    await page.click('[data-testid=elsewhere-replace]');
    await page.click('[data-testid=replace-yes]');
    await expect.poll(() => title(page)).toBe('union.json');
    const disk = await onDisk(page);
    expect(classOf(disk, 'AL', 2026)).toBe('I');
    expect(disk.payments.some((p) => p.id === added.id)).toBe(false);
    await page.close();
  });
});

describe('a change on disk noticed when the window regains focus (browser build, stand-in shell)', () => {
  it('offers Reload when nothing is unsaved, and Not now does not ask again about the same version', async () => {
    const page = await openShared();
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect.poll(() => calls(page)).toContain('diskChanged');
    expect(await page.locator('[data-testid=elsewhere]').count()).toBe(0); // unchanged: nothing to say

    const theirs = ok(recordPayment(example, { member: 'FR', date: '2026-02-01', amount: '45579' }));
    await colleagueSaves(page, theirs);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    const dialog = page.locator('[data-testid=elsewhere]');
    await expect
      .poll(() => dialog.textContent())
      .toMatch(/^union\.json changed on diskunion\.json was changed on disk since you opened or last saved it/);
    await page.click('[data-testid=elsewhere-later]');
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect.poll(async () => (await calls(page)).filter((c) => c === 'diskChanged').length).toBe(3);
    expect(await dialog.count()).toBe(0);

    // A newer version is offered again: Reload reads it.
    await colleagueSaves(page, ok(recordPayment(theirs, { member: 'DE', date: '2026-02-02', amount: '10' })));
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await page.click('[data-testid=elsewhere-reload]');
    await expect.poll(() => calls(page)).toContain('openRecent');
    await expect.poll(() => page.locator('[data-testid=notice]').textContent()).toMatch(/^Opened union\.json/);
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await expect.poll(async () => (await calls(page)).filter((c) => c === 'diskChanged').length).toBe(5);
    expect(await dialog.count()).toBe(0);
    await page.close();
  });
});

describe('who changed what: the journal (browser build, stand-in shell)', () => {
  it('records each step with the name given, and keeps both sides’ entries through a merge', async () => {
    const page = await openShared();
    await clickToolbar(page, 'history-open');
    const panel = page.locator('[data-testid=history]');
    await expect.poll(() => panel.textContent()).toMatch(/This workbook keeps no history of changes yet/);
    await page.fill('[data-testid=history-user]', 'ana');
    await page.fill('[data-testid=history-machine]', 'PC-2');
    await page.click('[data-testid=history-start]');
    await expect.poll(() => panel.locator('[data-testid=history-entry]').count()).toBe(1);
    await page.click('[data-testid=history-close]');
    await setAlClass(page, 'I');

    // A colleague who keeps the history too records a payment and saves.
    const paid = ok(recordPayment(example, { member: 'FR', date: '2026-02-01', amount: '45579' }));
    const added = paid.payments.find((p) => !example.payments.some((x) => x.id === p.id))!;
    const theirEntry = journalEntry(
      { at: '2026-01-05T08:00:00.000Z', user: 'marie', machine: 'PC-FIN-07', nonce: 'aaaaaa' },
      `Record payment ${added.id}`,
      [`payments[${added.id}]`],
    );
    await colleagueSaves(page, withJournal(paid, [theirEntry]));
    await page.click('[data-testid=save]');
    await page.click('[data-testid=elsewhere-merge]');
    await page.click('[data-testid=merge-apply]');
    await expect.poll(() => title(page)).toBe('union.json');

    const journal = journalOf(await onDisk(page))!;
    expect(journal.map((e) => `${e.user} ${e.summary}`)).toEqual([
      `marie Record payment ${added.id}`,
      'ana Keep a history of changes',
      "ana Set AL's class to I from 2026 in Paris Union",
      'ana Merge with union.json as changed on disk',
    ]);
    expect(recordedBy(journal, `payments[${added.id}]`)?.user).toBe('marie');
    await clickToolbar(page, 'history-open');
    // By day: today's three steps open, marie's (5 January) under its own day, closed until Enter opens it.
    await expect.poll(() => panel.locator('[data-testid=history-entry]').count()).toBe(3);
    const days = panel.locator('[data-testid=history-day]');
    expect(await days.count()).toBe(2);
    expect(await days.nth(1).getAttribute('aria-expanded')).toBe('false');
    await days.nth(1).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.locator('[data-testid=history-entry]').count()).toBe(4);
    expect(await days.nth(1).getAttribute('aria-expanded')).toBe('true');
    expect(await panel.locator('[data-testid=history-entry]').first().textContent()).toMatch(
      /ana \(PC-2\)Merge with union\.json as changed on disk$/,
    );
    await shot(page, 'history');
    await page.close();
  });
});

describe('browser mode (no shell): the team calls do not exist', () => {
  it('shows no lock notice or changed-on-disk dialog, and Save still writes', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('.ag-row[row-index="0"]');
    await page.evaluate("window.dispatchEvent(new Event('focus'))");
    await page.selectOption('[data-testid=budget-select]', 'paris');
    await page.selectOption('[data-testid=year-select]', '2026');
    await setAlClass(page, 'I');
    await expect.poll(() => title(page)).toBe('● example-workbook.json');
    const download = page.waitForEvent('download');
    await page.click('[data-testid=save]');
    await download;
    await expect.poll(() => title(page)).toBe('example-workbook.json');
    expect(
      await page.locator('[data-testid=lock-notice], [data-testid=elsewhere], [data-testid=merge-view]').count(),
    ).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
