import { describe, expect, it, vi } from 'vitest';

// Never load the real electron module in Node tests.
vi.mock('electron', () => ({ ipcMain: {}, app: {}, BrowserWindow: class {}, dialog: {}, Menu: {} }));

import { createDocumentGuard } from '../../electron/handlers/document-guard';
import { createFileHandlers } from '../../electron/handlers/files';
import { registerIpc } from '../../electron/ipc/register';
import { CHANNELS } from '../../shared/ipc/contract';
import { currentAuthor, setShellAuthor } from '../../renderer/src/merge/journal-step';
import { fakeHost, paths, scriptedDialog, sharedDisk } from './lock-helpers';

// Issue 16: the shell gives the renderer the system's user and computer names (os.userInfo, os.hostname: the same
// the lock file carries), for the journal; names given in the history panel come first; a browser has none.

const APP = 'file:///opt/cc/dist/renderer/index.html';

function guardOn(machine: string, pid: number) {
  const disk = sharedDisk({ '/share/a.json': '{}' });
  const h = fakeHost(machine, pid, { now: Date.parse('2026-03-02T09:00:00Z') }, new Set());
  const files = createFileHandlers({
    fs: disk.fs,
    dialog: scriptedDialog([], []),
    paths: { userData: `/home/${pid}`, startFile: '/app/example.json', ...paths },
    check: disk.check,
  });
  return createDocumentGuard({ files, disk: disk.disk, lockFs: disk.lockFs, host: h.host, paths });
}

describe('whoAmI', () => {
  it('the guard answers with the host’s names, over the checked IPC channel, to the app’s page only', async () => {
    const g = guardOn('PC-FIN-07', 41);
    expect(await g.whoAmI()).toEqual({ user: 'user41', machine: 'PC-FIN-07' });
    const handles = new Map<string, (e: unknown, ...a: unknown[]) => unknown>();
    registerIpc(
      {
        handle: (c: string, f: (e: unknown, ...a: unknown[]) => unknown) => void handles.set(c, f),
        removeHandler: () => undefined,
        on: () => undefined,
        removeListener: () => undefined,
      } as never,
      g,
      { isTrustedUrl: (u) => u === APP, onDocumentState: () => {} },
    );
    const call = handles.get(CHANNELS.whoAmI)!;
    expect(await call({ senderFrame: { url: APP } })).toEqual({ user: 'user41', machine: 'PC-FIN-07' });
    expect(() => call({ senderFrame: { url: 'https://evil.example/' } })).toThrow(/not sent by the app/);
    expect(() => call({ senderFrame: { url: APP } }, 'extra')).toThrow(/malformed/);
  });

  it('the journal names each given name first, the system’s where none is given', () => {
    const store = (v: object) => ({ getItem: () => JSON.stringify(v), setItem: () => undefined });
    setShellAuthor({ user: '', machine: '' });
    expect(currentAuthor(store({}))).toEqual({ user: '', machine: '' });
    setShellAuthor({ user: 'jdoe', machine: 'PC-FIN-07' });
    expect(currentAuthor(store({}))).toEqual({ user: 'jdoe', machine: 'PC-FIN-07' });
    expect(currentAuthor(store({ user: 'Marie Dupont' }))).toEqual({ user: 'Marie Dupont', machine: 'PC-FIN-07' });
    expect(currentAuthor(store({ user: 'Marie', machine: 'Laptop' }))).toEqual({ user: 'Marie', machine: 'Laptop' });
    setShellAuthor({ user: '', machine: '' });
  });
});
