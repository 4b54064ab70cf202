import { EMPTY_HISTORY, perform, redo, undo, type History, type Outcome } from '../../../shared/edit';
import type { ChangedOnDisk, Draft, FileRef, LockOwner } from '../../../shared/ipc/contract';
import { readOnlyRefusal } from '../merge/messages';
import { msg, say, type Message } from '../../../shared/i18n/intl';
import type { Problem, Workbook } from '../../../shared/model/types';

// The document's state and every change to it, as a pure function: no React, no platform; the provider
// (DocumentProvider) does the I/O and dispatches what came of it.

export interface Doc {
  workbook: Workbook;
  history: History;
  file: FileRef | null;
  /** The workbook as last saved or opened: dirty = any list differs from it. */
  saved: Workbook;
  /** One per document adopted (new, opened, recovered): the views are keyed by it, so none keeps the previous one's state. */
  generation: number;
  /** Issue 16: someone else has the file open: read-only (commands refused, Save disabled) until Edit anyway or Save As. */
  lockedBy?: LockOwner;
  /** Issue 16: the file as it is now on disk, changed elsewhere: merge with it, save as, replace or reload (merge/). */
  elsewhere?: Elsewhere;
}

/** The version on disk a save was refused for (`save`) or that the focus check found (`watch`). */
export interface Elsewhere extends ChangedOnDisk {
  found: 'save' | 'watch';
}

export interface Notice {
  /** 'warning': the file opened and computes, but something deserves a look (workbookWarnings). */
  kind: 'info' | 'warning' | 'error';
  /** Words already made (a platform error, a label not yet in the catalog), or a Message said in the user's language when shown. */
  text: string | Message;
  /** Values of `text` that are messages themselves (a command's label inside "Undid: …"), said in the same language. */
  inner?: Record<string, string | Message>;
  problems?: Problem[];
  /** Long work under way: shown with a spinner and aria-busy. */
  busy?: boolean;
}

/** A notice's text in a locale (English by default). */
export function noticeText(n: Notice, locale = 'en'): string {
  if (typeof n.text === 'string') return n.text;
  const inner = Object.fromEntries(
    Object.entries(n.inner ?? {}).map(([k, v]) => [k, typeof v === 'string' ? v : say(v, locale)]),
  );
  return say({ id: n.text.id, values: { ...n.text.values, ...inner } }, locale);
}

/** A refused cell edit, shown next to the cell. */
export interface CellError {
  rowId: string;
  colId: string;
  message: string;
}

export interface DocumentState {
  doc: Doc | null;
  notice: Notice | null;
  cellError: CellError | null;
  /** A draft left by a session that did not close cleanly, offered until recovered or discarded. */
  draftOffer: Draft | null;
  recent: FileRef[];
}

export const INITIAL_STATE: DocumentState = { doc: null, notice: null, cellError: null, draftOffer: null, recent: [] };

export type DocumentAction =
  | { type: 'adopt'; workbook: Workbook; file: FileRef | null; saved?: Workbook; notice?: Notice; lockedBy?: LockOwner }
  | { type: 'lock'; lockedBy: LockOwner | undefined }
  | { type: 'elsewhere'; elsewhere: Elsewhere | undefined }
  | { type: 'run'; command: (wb: Workbook) => Outcome }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A save wrote `workbook` to `file`: that is now the saved state (edits made meanwhile stay dirty). */
  | { type: 'saved'; file: FileRef; workbook: Workbook }
  | { type: 'notice'; notice: Notice | null }
  | { type: 'cellError'; error: CellError | null }
  | { type: 'draftOffer'; draft: Draft | null }
  | { type: 'recent'; files: FileRef[] };

/** Commands return new lists for what they change, so comparing references is enough; every part, so a new part
 * of the format (opening balances, scales, liquidity) can never change unsaved without the document saying so. */
export const isDirty = (d: Doc | null): boolean => {
  if (!d || d.workbook === d.saved) return false;
  const a = d.workbook as unknown as Record<string, unknown>;
  const b = d.saved as unknown as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].some((k) => a[k] !== b[k]);
};

export const serialize = (wb: Workbook) => `${JSON.stringify(wb, null, 2)}\n`;

/** Runs a command on the open workbook and records it; the outcome is returned so the caller can show a refusal. */
export function runCommand(
  state: DocumentState,
  command: (wb: Workbook) => Outcome,
): { state: DocumentState; outcome: Outcome } {
  const d = state.doc;
  if (!d)
    return { state, outcome: { ok: false, problems: [{ path: '', message: say(msg('app.notice.noWorkbook')) }] } };
  if (d.lockedBy) return { state, outcome: readOnlyRefusal(d.lockedBy) };
  const r = perform(d.workbook, d.history, command);
  if (!r.outcome.ok) return { state, outcome: r.outcome };
  const skipped = r.outcome.problems;
  const label = r.outcome.labelMsg ?? r.outcome.label;
  const notice: Notice = skipped.length
    ? { kind: 'error', text: msg('app.notice.skipped', { count: skipped.length }), inner: { label }, problems: skipped }
    : { kind: 'info', text: label };
  return {
    state: { ...state, doc: { ...d, workbook: r.workbook, history: r.history }, cellError: null, notice },
    outcome: r.outcome,
  };
}

export function documentReducer(state: DocumentState, action: DocumentAction): DocumentState {
  switch (action.type) {
    case 'adopt': {
      const doc: Doc = {
        workbook: action.workbook,
        history: EMPTY_HISTORY,
        file: action.file,
        saved: action.saved ?? action.workbook,
        generation: (state.doc?.generation ?? 0) + 1,
      };
      if (action.lockedBy) doc.lockedBy = action.lockedBy;
      return { ...state, doc, cellError: null, notice: action.notice ?? state.notice };
    }
    case 'run':
      return runCommand(state, action.command).state;
    case 'undo':
    case 'redo': {
      const d = state.doc;
      if (!d) return state;
      const m = action.type === 'undo' ? undo(d.workbook, d.history) : redo(d.workbook, d.history);
      if (!m || d.lockedBy) return state;
      const notice: Notice = {
        kind: 'info',
        text: msg(action.type === 'undo' ? 'app.notice.undid' : 'app.notice.redid'),
        inner: { label: m.msg ?? m.label },
      };
      return { ...state, doc: { ...d, workbook: m.workbook, history: m.history }, cellError: null, notice };
    }
    case 'saved':
      if (!state.doc) return state;
      // Saved (Save As under another name, or over the version on disk): neither read-only nor behind the disk now.
      return {
        ...state,
        doc: { ...state.doc, file: action.file, saved: action.workbook, lockedBy: undefined, elsewhere: undefined },
        notice: { kind: 'info', text: msg('app.notice.saved', { file: action.file.name }) },
      };
    case 'lock':
      // Lifted (Edit anyway): a refusal still shown next to a cell no longer holds.
      return state.doc
        ? {
            ...state,
            doc: { ...state.doc, lockedBy: action.lockedBy },
            cellError: action.lockedBy ? state.cellError : null,
          }
        : state;
    case 'elsewhere':
      return state.doc ? { ...state, doc: { ...state.doc, elsewhere: action.elsewhere } } : state;
    case 'notice':
      return { ...state, notice: action.notice };
    case 'cellError':
      return { ...state, cellError: action.error };
    case 'draftOffer':
      return { ...state, draftOffer: action.draft };
    case 'recent':
      return { ...state, recent: action.files };
  }
}

/** What opening a file says: with its warnings, if any, listed in a notice that blocks nothing. */
export function openedNotice(text: Message, warnings: readonly Problem[]): Notice {
  if (warnings.length === 0) return { kind: 'info', text };
  // The same words with the count of warnings: the id's "…WithWarnings" twin.
  return {
    kind: 'warning',
    text: msg(`${text.id}WithWarnings`, { ...text.values, count: warnings.length }),
    problems: warnings.map((w) => ({ path: '', message: w.message, ...(w.msg ? { msg: w.msg } : {}) })),
  };
}
