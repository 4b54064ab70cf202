import { done, edit, type Outcome } from '../../../shared/edit';
import { msg, say, type Message } from '../../../shared/i18n/intl';
import {
  journalAfterStep,
  journalEntry,
  journalOf,
  stepRecords,
  withJournal,
  withoutJournal,
  type Stamp,
} from '../../../shared/merge/journal';
import type { Author } from '../../../shared/ipc/contract';
import type { Workbook } from '../../../shared/model/types';
import type { DocumentState } from '../document/reducer';

// Issue 16 item 5 in the app: a workbook that keeps a journal gets one entry per step (a command, an undo, a redo),
// written when the step is applied. Who: the name and computer given in the history panel, kept on this computer;
// where none is given, the system's names from the Electron shell (whoAmI). A browser has none: only those given.
// A workbook without a journal is left exactly as it was.

const AUTHOR_KEY = 'contribution-calculator.author';

export type { Author };

let shellAuthor: Author = { user: '', machine: '' };

/** The system's user and computer names, as the shell gives them (once, when the app starts). */
export function setShellAuthor(a: Author): void {
  shellAuthor = { user: a.user, machine: a.machine };
}

export const shellNames = (): Author => shellAuthor;

/** Who an entry names: each name given in the history panel, else the system's. */
export function currentAuthor(storage: KeyValueStore | undefined = local()): Author {
  const given = readAuthor(storage);
  return { user: given.user || shellAuthor.user, machine: given.machine || shellAuthor.machine };
}

/** localStorage, typed here so this module also loads in Node (tests). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const local = (): KeyValueStore | undefined => (globalThis as { localStorage?: KeyValueStore }).localStorage;

export function readAuthor(storage: KeyValueStore | undefined = local()): Author {
  try {
    const v = JSON.parse(storage?.getItem(AUTHOR_KEY) ?? '{}') as Partial<Author>;
    return { user: typeof v.user === 'string' ? v.user : '', machine: typeof v.machine === 'string' ? v.machine : '' };
  } catch {
    return { user: '', machine: '' };
  }
}

export function writeAuthor(a: Author, storage: KeyValueStore | undefined = local()): void {
  try {
    storage?.setItem(AUTHOR_KEY, JSON.stringify(a));
  } catch {
    // Storage disabled: entries are written without a name.
  }
}

function stamp(): Stamp {
  const bytes = new Uint8Array(3);
  globalThis.crypto.getRandomValues(bytes);
  return {
    at: new Date().toISOString(),
    ...currentAuthor(),
    nonce: [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(''),
  };
}

/**
 * The state after a step, with the step's journal entry when the workbook keeps a journal (or the step started one).
 * `summary` is the step's label: a Message is stored as data beside its English text, so each reader sees it in their
 * language (issue 11); a plain text (a label without a message) is stored as it is.
 */
export function journalStep(
  before: DocumentState,
  after: DocumentState,
  summary: string | Message,
  now: () => Stamp = stamp,
): DocumentState {
  const b = before.doc;
  const a = after.doc;
  if (!b || !a || a === b || a.workbook === b.workbook || a.generation !== b.generation) return after;
  const kept = journalOf(b.workbook) ?? (journalOf(a.workbook) ? [] : undefined);
  if (!kept) return after;
  const text = typeof summary === 'string' ? summary : say(summary);
  const entry = journalEntry(
    now(),
    text,
    stepRecords(b.workbook, a.workbook),
    typeof summary === 'string' ? undefined : summary,
  );
  return {
    ...after,
    doc: { ...a, workbook: withJournal(a.workbook, journalAfterStep(kept, journalOf(a.workbook), entry)) },
  };
}

/** The label of an undo or a redo: "Undo: {the step's label}", the label as data when the step has one. */
export function undoStepLabel(dir: 'undo' | 'redo', step: { label: string; msg?: Message } | undefined): Message {
  const label = step?.label ?? '';
  return step?.msg
    ? { id: 'merge.history.undoStep', values: { dir }, parts: { label: step.msg } }
    : msg('merge.history.undoStep', { dir, label });
}

/** Starts the workbook's journal: one step (its undo takes the empty journal away; entries already written stay). */
export function startJournal(wb: Workbook): Outcome {
  const label = msg('merge.history.start');
  const stop = (w: Workbook): Outcome => done(label, withoutJournal(w), edit(label, startJournal));
  return done(label, withJournal(wb, journalOf(wb) ?? []), edit(label, stop));
}
