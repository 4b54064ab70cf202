// @vitest-environment happy-dom
// The document lifecycle through the provider, with a fake platform: open, edit, undo, redo, save, autosave,
// recover, a failed save. Type-checked with the renderer (a .dom.test.ts), run in Node under happy-dom.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { addMember } from '../../shared/edit';
import type { DesktopApi, Draft, FileRef, MenuCommand, OpenResult, SaveResult } from '../../shared/ipc/contract';
import type { Workbook } from '../../shared/model/types';
import { blankWorkbook } from '../../renderer/src/document/blank';
import { DocumentProvider, useDocument, type DocumentStore } from '../../renderer/src/document/DocumentProvider';
import { DocumentNotice, RecoverOffer } from '../../renderer/src/document/Notices';
import { noticeText } from '../../renderer/src/document/reducer';
import { I18nProvider } from '../../renderer/src/i18n';

const EXAMPLE: FileRef = { id: 'example', name: 'example.json' };
const text = (wb: Workbook) => JSON.stringify(wb);

/** The contract in memory: files by id, one draft slot, every call recorded. */
function fakePlatform(opts: { draft?: Draft | null; failSave?: string } = {}) {
  const files = new Map<string, string>([[EXAMPLE.id, text(blankWorkbook(2024))]]);
  const calls: string[] = [];
  const state = { draft: opts.draft ?? null, titles: [] as { name: string; dirty: boolean; lang?: string }[] };
  const opened = (f: FileRef): OpenResult => ({ ok: true, opened: { file: f, text: files.get(f.id)! } });
  const api: DesktopApi = {
    kind: 'browser',
    open: async () => ({ ok: false, cancelled: true }),
    openRecent: async (id) => opened({ id, name: `${id}.json` }),
    openExample: async () => opened(EXAMPLE),
    save: async (file, t): Promise<SaveResult> => {
      calls.push(`save ${file.id}`);
      if (opts.failSave) return { ok: false, message: opts.failSave };
      files.set(file.id, t);
      return { ok: true, file };
    },
    saveAs: async (name, t) => {
      calls.push(`saveAs ${name}`);
      files.set(name, t);
      return { ok: true, file: { id: name, name } };
    },
    recentFiles: async () => [],
    autosave: async (d) => {
      calls.push('autosave');
      state.draft = d;
    },
    recover: async () => state.draft,
    clearAutosave: async () => {
      calls.push('clearAutosave');
      state.draft = null;
    },
    exportFile: async () => ({ ok: false, cancelled: true }),
    exportPdf: async () => ({ ok: false, cancelled: true }),
    setDocumentState: (s) => void state.titles.push(s),
    closeAfterSave: () => {},
    onMenu: (_l: (c: MenuCommand) => void) => () => {},
  };
  return { api, files, calls, state };
}

/** Renders the provider and hands back its store as it is after each render. */
function mount(api: DesktopApi) {
  const seen: { current: DocumentStore | null } = { current: null };
  function Probe() {
    seen.current = useDocument();
    return null;
  }
  // The components that show the store: the recovery offer and the notice.
  const provider = createElement(DocumentProvider, {
    api,
    children: [
      createElement(Probe, { key: 'p' }),
      createElement(RecoverOffer, { key: 'r' }),
      createElement(DocumentNotice, { key: 'n' }),
    ],
  });
  render(createElement(I18nProvider, { children: provider }));
  return () => seen.current!;
}

const addAA = (wb: Workbook) =>
  addMember(wb, { code: 'AA', name: 'Member AA', value: 'A', budget: 'conference', year: 2024 });
const codes = (s: DocumentStore) => s.doc!.workbook.members.map((m) => m.code);

afterEach(cleanup);

describe('document lifecycle (provider with a fake platform)', () => {
  it('opens the example, edits, undoes, redoes and saves', async () => {
    const p = fakePlatform();
    const store = mount(p.api);
    await waitFor(() => expect(store().doc?.file).toEqual(EXAMPLE));
    expect(store().notice?.kind).toBe('info');
    expect(noticeText(store().notice!)).toBe('Opened example.json');
    expect(noticeText(store().notice!, 'fr')).toBe('example.json ouvert');
    expect(store().dirty).toBe(false);

    act(() => void store().run(addAA));
    expect(codes(store())).toEqual(['AA']);
    expect(store().dirty).toBe(true);
    await waitFor(() => expect(p.state.titles.at(-1)).toEqual({ name: 'example.json', dirty: true, lang: 'en' }));

    act(() => store().step('undo'));
    expect(codes(store())).toEqual([]);
    expect(store().dirty).toBe(false);
    act(() => store().step('redo'));
    expect(codes(store())).toEqual(['AA']);

    let ok = false;
    await act(async () => void (ok = await store().save()));
    expect(ok).toBe(true);
    expect(store().dirty).toBe(false);
    expect(noticeText(store().notice!)).toBe('Saved example.json');
    expect(JSON.parse(p.files.get(EXAMPLE.id)!).members.map((m: { code: string }) => m.code)).toEqual(['AA']);
    expect(p.calls).toContain('clearAutosave');
    expect(store().doc!.history.undo).toHaveLength(1); // saving keeps the undo history
  });

  it('keeps a draft after a change (autosave), and not before', async () => {
    const p = fakePlatform();
    const store = mount(p.api);
    await waitFor(() => expect(store().doc).not.toBeNull());
    await new Promise((r) => setTimeout(r, 1200));
    expect(p.calls).not.toContain('autosave'); // nothing unsaved, nothing kept
    act(() => void store().run(addAA));
    await waitFor(() => expect(p.state.draft).not.toBeNull(), { timeout: 3000 });
    expect(p.state.draft!.file).toEqual(EXAMPLE);
    expect(JSON.parse(p.state.draft!.text).members.map((m: { code: string }) => m.code)).toEqual(['AA']);
  });

  it('offers a kept draft and recovers it as unsaved work on its file', async () => {
    const wb = addAA(blankWorkbook(2024));
    if (!wb.ok) throw new Error('addMember refused');
    const draft: Draft = {
      text: text(wb.workbook),
      file: { id: 'f1', name: 'budget.json' },
      savedAt: '2026-01-01T10:00:00.000Z',
    };
    const p = fakePlatform({ draft });
    const store = mount(p.api);
    await waitFor(() => expect(store().doc?.file).toEqual(EXAMPLE));
    expect(store().draftOffer).toEqual(draft);

    expect(screen.getByTestId('recover').textContent).toContain('(budget.json) was kept.');
    await act(async () => void fireEvent.click(screen.getByTestId('recover-draft')));
    await waitFor(() => expect(store().doc?.file).toEqual(draft.file));
    expect(screen.queryByTestId('recover')).toBeNull();
    expect(store().draftOffer).toBeNull();
    expect(store().doc!.file).toEqual(draft.file);
    expect(codes(store())).toEqual(['AA']);
    expect(store().dirty).toBe(true); // recovered work is not saved until the user saves it
    expect(noticeText(store().notice!)).toBe('Recovered unsaved work on budget.json: save it to keep it');
  });

  it('discarding the offer clears the kept draft', async () => {
    const p = fakePlatform({ draft: { text: '{}', file: null, savedAt: '2026-01-01T10:00:00.000Z' } });
    const store = mount(p.api);
    await waitFor(() => expect(store().draftOffer).not.toBeNull());
    fireEvent.click(screen.getByText('Discard'));
    expect(store().draftOffer).toBeNull();
    expect(p.state.draft).toBeNull();
  });

  it('a failed save keeps the workbook, its history and the dirty mark, and shows the error', async () => {
    const p = fakePlatform({ failSave: 'The disk is full: example.json was not written.' });
    const store = mount(p.api);
    await waitFor(() => expect(store().doc).not.toBeNull());
    act(() => void store().run(addAA));
    const before = store().doc!;
    let ok = true;
    await act(async () => void (ok = await store().save()));
    expect(ok).toBe(false);
    expect(store().notice).toEqual({ kind: 'error', text: 'The disk is full: example.json was not written.' });
    expect(screen.getByRole('alert').textContent).toContain('The disk is full: example.json was not written.');
    expect(store().doc!.workbook).toBe(before.workbook);
    expect(store().doc!.history).toBe(before.history);
    expect(store().dirty).toBe(true);
    expect(p.state.titles.at(-1)).toEqual({ name: 'example.json', dirty: true, lang: 'en' });
    expect(p.calls).not.toContain('clearAutosave'); // the draft of the unsaved work stays
    await waitFor(() => expect(p.state.draft).not.toBeNull(), { timeout: 3000 });
  });
});
