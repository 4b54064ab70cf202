import type { Message } from '../i18n/intl';
import type { Workbook } from '../model/types';
import type { Edit, Outcome } from './command';

// Our own undo/redo stack: AG Grid drops its history whenever rows are replaced, and a workbook edit
// (a paste of 50 rows, a budget figure) is one step however many cells it touches.

export interface Step {
  label: string;
  /** The label as data (a display says it in the user's language); `label` is its English text. */
  msg?: Message;
  edit: Edit;
}

const step = (label: string, edit: Edit, msg?: Message): Step => (msg ? { label, msg, edit } : { label, edit });

export interface History {
  readonly undo: readonly Step[];
  readonly redo: readonly Step[];
}

export const EMPTY_HISTORY: History = { undo: [], redo: [] };
export const HISTORY_LIMIT = 500;

/** Records a done edit: its inverse goes on the undo stack and the redo stack is cleared. */
export function record(history: History, label: string, inverse: Edit, msg?: Message): History {
  const undo = [...history.undo, step(label, inverse, msg)];
  return { undo: undo.length > HISTORY_LIMIT ? undo.slice(undo.length - HISTORY_LIMIT) : undo, redo: [] };
}

/** Runs a command and records it; a refused command leaves the workbook and the history as they were. */
export function perform(
  workbook: Workbook,
  history: History,
  run: (workbook: Workbook) => Outcome,
): { workbook: Workbook; history: History; outcome: Outcome } {
  const outcome = run(workbook);
  if (!outcome.ok) return { workbook, history, outcome };
  return {
    workbook: outcome.workbook,
    history: record(history, outcome.label, outcome.inverse, outcome.labelMsg),
    outcome,
  };
}

export interface Moved {
  workbook: Workbook;
  history: History;
  label: string;
  msg?: Message;
}

/** Undoes the last step; undefined when there is nothing to undo (or the inverse was refused). */
export function undo(workbook: Workbook, history: History): Moved | undefined {
  const last = history.undo.at(-1);
  if (!last) return undefined;
  const r = last.edit.apply(workbook);
  if (!r.ok) return undefined;
  return {
    workbook: r.workbook,
    history: { undo: history.undo.slice(0, -1), redo: [...history.redo, step(last.label, r.inverse, last.msg)] },
    label: last.label,
    ...(last.msg ? { msg: last.msg } : {}),
  };
}

export function redo(workbook: Workbook, history: History): Moved | undefined {
  const last = history.redo.at(-1);
  if (!last) return undefined;
  const r = last.edit.apply(workbook);
  if (!r.ok) return undefined;
  return {
    workbook: r.workbook,
    history: { undo: [...history.undo, step(last.label, r.inverse, last.msg)], redo: history.redo.slice(0, -1) },
    label: last.label,
    ...(last.msg ? { msg: last.msg } : {}),
  };
}
