import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Outcome } from '../../../shared/edit';
import { msg, translator } from '../../../shared/i18n/intl';
import type { DesktopApi, OpenResult, SaveResult } from '../../../shared/ipc/contract';
import type { Workbook } from '../../../shared/model/types';
import { platform } from '../../platform';
import { getLocale, useLocale } from '../locale';
import { useExport, type ExportKind } from '../export/ExportMenu';
import type { ExportSource } from '../export/exports';
import { BACKGROUND_FROM, readWorkbook } from '../open/readWorkbook';
import { blankWorkbook } from './blank';
import { journalStep, undoStepLabel } from '../merge/journal-step';
import { readOnlyMessage } from '../merge/messages';
import {
  documentReducer,
  INITIAL_STATE,
  isDirty,
  openedNotice,
  runCommand,
  serialize,
  type CellError,
  type DocumentAction,
  type DocumentState,
  type Elsewhere,
  type Notice,
} from './reducer';

// The document store: the reducer's state plus the platform I/O (open, save, autosave, recover). Views read it with
// useDocument() and dispatch commands through `run`; nothing is passed down for it.

export interface DocumentStore extends DocumentState {
  api: DesktopApi;
  dirty: boolean;
  /** Runs a command on the workbook and records it on our undo stack; the outcome says whether it was refused. */
  run(command: (wb: Workbook) => Outcome): Outcome;
  step(dir: 'undo' | 'redo'): void;
  /** Both saves say whether the file was written (closing after "Save" waits for that). */
  save(): Promise<boolean>;
  saveAs(): Promise<boolean>;
  /** A file that fails to load is reported and never adopted, so it is never overwritten by Save. */
  load(r: OpenResult): Promise<void>;
  open(): Promise<void>;
  openRecent(id: string): Promise<void>;
  openExample(): Promise<void>;
  newWorkbook(): void;
  recoverDraft(): Promise<void>;
  discardDraft(): void;
  notify(notice: Notice | null): void;
  setCellError(error: CellError | null): void;
  /** Issue 16: the user chose to edit a workbook someone else has open (it was read-only). */
  editAnyway(): Promise<void>;
  /** Issue 16: writes the workbook over the version on disk named by `hash` (merged with it, or replacing it once confirmed). */
  saveOver(hash: string): Promise<boolean>;
  /** Issue 16: the version on disk the user is to decide about (merge, save as, replace, reload), or none left. */
  setElsewhere(e: Elsewhere | undefined): void;
  /** Exports what the view that registered its source shows. */
  runExport(kind: ExportKind): Promise<void>;
  /** What Export writes: set by the view shown (useExportSource). */
  exportSourceRef: { current: (() => ExportSource | null) | null };
}

const DocumentContext = createContext<DocumentStore | null>(null);

export function useDocument(): DocumentStore {
  const s = useContext(DocumentContext);
  if (!s) throw new Error('useDocument() outside a DocumentProvider');
  return s;
}

/** The document as opened (components under a loaded document only). */
export function useOpenDocument() {
  const s = useDocument();
  if (!s.doc) throw new Error('no document is open');
  return { ...s, doc: s.doc };
}

/**
 * Registers what Export writes while the calling view is shown (and `active`); the latest registration, the view
 * shown now, wins, and a view leaving clears only its own.
 */
export function useExportSource(source: () => ExportSource | null, active = true) {
  const { exportSourceRef } = useDocument();
  useEffect(() => {
    if (!active) return;
    exportSourceRef.current = source;
    return () => {
      if (exportSourceRef.current === source) exportSourceRef.current = null;
    };
  }, [exportSourceRef, source, active]);
}

/** Milliseconds after the last change before a draft of unsaved work is kept. */
export const AUTOSAVE_DELAY = 1000;

export function DocumentProvider({
  children,
  api: given,
  start = true,
}: {
  children: ReactNode;
  api?: DesktopApi;
  start?: boolean;
}) {
  const api = useMemo(() => given ?? platform(), [given]);
  const [state, setState] = useState<DocumentState>(INITIAL_STATE);
  // The state as of the last dispatch: handlers read it synchronously (two edits in one event see each other).
  const ref = useRef(state);
  const commit = useCallback((next: DocumentState) => {
    ref.current = next;
    setState(next);
  }, []);
  const dispatch = useCallback((a: DocumentAction) => commit(documentReducer(ref.current, a)), [commit]);
  const refreshRecent = useCallback(
    () => void api.recentFiles().then((files) => dispatch({ type: 'recent', files })),
    [api, dispatch],
  );

  const loading = useRef(0);
  const load = useCallback(
    async (r: OpenResult) => {
      if (!r.ok) {
        if (!('cancelled' in r)) dispatch({ type: 'notice', notice: { kind: 'error', text: r.message } });
        return;
      }
      // A large file is checked in the background (progress shown); a later open supersedes this one.
      const ticket = ++loading.current;
      const size = r.opened.text.length;
      if (size >= BACKGROUND_FROM)
        dispatch({
          type: 'notice',
          notice: {
            kind: 'info',
            text: msg('app.notice.opening', { file: r.opened.file.name, size: (size / 1e6).toFixed(1) }),
            busy: true,
          },
        });
      const parsed = await readWorkbook(r.opened.text);
      if (ticket !== loading.current) return;
      if (!parsed.workbook) {
        const t = translator(getLocale().id);
        const problems = parsed.problems.map((p, i) => ({
          path: parsed.lines[i] ? t('app.notice.line', { line: String(parsed.lines[i]) }) : p.path,
          message: p.message,
        }));
        return dispatch({
          type: 'notice',
          notice: { kind: 'error', text: msg('app.notice.notOpened', { file: r.opened.file.name }), problems },
        });
      }
      dispatch({
        type: 'adopt',
        workbook: parsed.workbook,
        file: r.opened.file,
        notice: openedNotice(msg('app.notice.opened', { file: r.opened.file.name }), parsed.warnings),
      });
      if (r.lockedBy) dispatch({ type: 'lock', lockedBy: r.lockedBy });
      refreshRecent();
    },
    [dispatch, refreshRecent],
  );

  const run = useCallback(
    (command: (wb: Workbook) => Outcome) => {
      const r = runCommand(ref.current, command);
      // Issue 16: a workbook that keeps a journal records the step (merge/journal-step.ts).
      if (r.state !== ref.current)
        commit(journalStep(ref.current, r.state, r.outcome.ok ? (r.outcome.labelMsg ?? r.outcome.label) : ''));
      return r.outcome;
    },
    [commit],
  );

  const written = useCallback(
    (file: { id: string; name: string }, workbook: Workbook) => {
      dispatch({ type: 'saved', file, workbook });
      void api.clearAutosave();
      refreshRecent();
    },
    [api, dispatch, refreshRecent],
  );
  // Issue 16: a save refused because the file changed on disk (merge/ offers what to do) or someone has it open.
  const refused = useCallback(
    (r: Exclude<SaveResult, { ok: true }>) => {
      if (r.changedOnDisk) return dispatch({ type: 'elsewhere', elsewhere: { ...r.changedOnDisk, found: 'save' } });
      dispatch({ type: 'notice', notice: { kind: 'error', text: r.message } });
      if (r.lockedBy) dispatch({ type: 'lock', lockedBy: r.lockedBy });
    },
    [dispatch],
  );
  const saveAs = useCallback(async () => {
    const d = ref.current.doc;
    if (!d) return false;
    const r = await api.saveAs(d.file?.name ?? 'workbook.json', serialize(d.workbook));
    if (r.ok) written(r.file, d.workbook);
    else if (!('cancelled' in r)) dispatch({ type: 'notice', notice: { kind: 'error', text: r.message } });
    return r.ok;
  }, [api, dispatch, written]);
  const save = useCallback(async () => {
    const d = ref.current.doc;
    if (!d) return false;
    if (!d.file) return saveAs();
    if (d.lockedBy) {
      dispatch({ type: 'notice', notice: { kind: 'error', text: readOnlyMessage(d.lockedBy) } });
      return false;
    }
    const r = await api.save(d.file, serialize(d.workbook));
    // A failed save keeps the workbook, its history and its dirty mark: only the notice says why.
    if (r.ok) written(r.file, d.workbook);
    else refused(r);
    return r.ok;
  }, [api, dispatch, saveAs, written, refused]);
  const saveOver = useCallback(
    async (hash: string) => {
      const d = ref.current.doc;
      if (!d?.file || !api.saveOver) return false;
      const r = await api.saveOver(d.file, serialize(d.workbook), hash);
      if (r.ok) written(r.file, d.workbook);
      else refused(r);
      return r.ok;
    },
    [api, written, refused],
  );

  const recoverDraft = useCallback(async () => {
    const offer = ref.current.draftOffer;
    if (!offer) return;
    dispatch({ type: 'draftOffer', draft: null });
    dispatch({ type: 'notice', notice: { kind: 'info', text: msg('app.notice.recovering'), busy: true } });
    const parsed = await readWorkbook(offer.text);
    if (parsed.workbook) {
      // Recovered work is unsaved: its saved state is the document it replaces (or a blank one), so it shows dirty.
      const current = ref.current.doc?.workbook;
      const saved = current && current !== parsed.workbook ? current : blankWorkbook(new Date().getFullYear());
      const notice = openedNotice(
        offer.file ? msg('app.notice.recovered', { file: offer.file.name }) : msg('app.notice.recoveredUntitled'),
        parsed.warnings,
      );
      dispatch({ type: 'adopt', workbook: parsed.workbook, file: offer.file, saved, notice });
    } else {
      // Left in storage: nothing is deleted because it could not be read here.
      dispatch({
        type: 'notice',
        notice: { kind: 'error', text: msg('app.notice.draftUnreadable'), problems: parsed.problems },
      });
    }
  }, [dispatch]);

  const exportSourceRef = useRef<(() => ExportSource | null) | null>(null);
  const exportSource = useCallback(() => (ref.current.doc ? (exportSourceRef.current?.() ?? null) : null), []);
  const runExport = useExport(
    api,
    exportSource,
    useCallback(
      (kind: 'info' | 'error', text: Notice['text'], busy?: boolean) =>
        dispatch({ type: 'notice', notice: { kind, text, busy } }),
      [dispatch],
    ),
  );

  // Start: offer a draft left by a session that did not close cleanly, else open the bundled example.
  useEffect(() => {
    if (!start) return;
    void (async () => {
      dispatch({ type: 'recent', files: await api.recentFiles() });
      const draft = await api.recover();
      if (draft) dispatch({ type: 'draftOffer', draft });
      await load(await api.openExample());
    })();
  }, [api, dispatch, load, start]);

  // Title with the file name and the unsaved mark; the shell asks before closing when dirty.
  const { doc } = state;
  const dirty = isDirty(doc);
  // The shell's menus follow the language: it is told with the document's state.
  const lang = useLocale().id;
  useEffect(() => {
    if (doc) api.setDocumentState({ name: doc.file?.name ?? translator(lang)('app.toolbar.untitled'), dirty, lang });
  }, [api, doc, dirty, lang]);

  // Issue 16: a document without a file (New, a recovered untitled draft) holds no lock: the shell releases the last one.
  const fileless = doc !== null && doc.file === null;
  const generation = doc?.generation;
  useEffect(() => {
    if (fileless) void api.closeDocument?.();
  }, [api, fileless, generation]);

  // Autosave a draft of unsaved work (debounced) so a crash can be recovered.
  useEffect(() => {
    if (!doc || !dirty) return;
    // Compact JSON: this runs on the window's thread, and indenting doubles it (27 MB workbook: 320 ms against 180 ms).
    const t = setTimeout(
      () =>
        void api.autosave({ text: JSON.stringify(doc.workbook), file: doc.file, savedAt: new Date().toISOString() }),
      AUTOSAVE_DELAY,
    );
    return () => clearTimeout(t);
  }, [api, doc, dirty]);

  useEffect(() => {
    // Browser mode: unsaved changes make the browser ask before leaving (its own words; that is all a page may do).
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (api.kind === 'browser' && isDirty(ref.current.doc)) {
        e.preventDefault();
        e.returnValue = ''; // older Chromium and Safari ask only when returnValue is set
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [api]);

  const actions = useMemo(
    () => ({
      api,
      run,
      step: (dir: 'undo' | 'redo') => {
        const before = ref.current;
        dispatch({ type: dir });
        // The journal is never undone: an undo is a step of its own (issue 16).
        const label = undoStepLabel(dir, before.doc?.history[dir].at(-1));
        if (ref.current !== before) commit(journalStep(before, ref.current, label));
      },
      save,
      saveAs,
      load,
      open: async () => load(await api.open()),
      openRecent: async (id: string) => load(await api.openRecent(id)),
      openExample: async () => load(await api.openExample()),
      editAnyway: async () => {
        const file = ref.current.doc?.file;
        if (file) await api.editAnyway?.(file);
        dispatch({ type: 'lock', lockedBy: undefined });
      },
      saveOver,
      setElsewhere: (elsewhere: Elsewhere | undefined) => dispatch({ type: 'elsewhere', elsewhere }),
      newWorkbook: () =>
        dispatch({
          type: 'adopt',
          workbook: blankWorkbook(new Date().getFullYear(), translator(getLocale().id)('app.blank.budget')),
          file: null,
          notice: { kind: 'info', text: msg('app.notice.newWorkbook') },
        }),
      recoverDraft,
      discardDraft: () => {
        dispatch({ type: 'draftOffer', draft: null });
        void api.clearAutosave();
      },
      notify: (notice: Notice | null) => dispatch({ type: 'notice', notice }),
      setCellError: (error: CellError | null) => dispatch({ type: 'cellError', error }),
      runExport,
      exportSourceRef,
    }),
    [api, run, dispatch, commit, save, saveAs, saveOver, load, recoverDraft, runExport],
  );
  const store = useMemo<DocumentStore>(() => ({ ...state, ...actions, dirty }), [state, actions, dirty]);
  return <DocumentContext.Provider value={store}>{children}</DocumentContext.Provider>;
}
