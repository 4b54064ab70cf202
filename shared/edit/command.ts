import type { Problem, Workbook } from '../model/types';

// Edits are commands: pure functions from a workbook to a new workbook plus the edit that undoes them.
// The workbook is never mutated; untouched parts are shared between versions (cheap undo history).

/** An edit that can be applied to a workbook; applying it yields the edit that reverses it. */
export interface Edit {
  label: string;
  apply(workbook: Workbook): Outcome;
}

export interface Done {
  ok: true;
  label: string;
  workbook: Workbook;
  /** Applied to `workbook`, gives back the workbook the edit started from. */
  inverse: Edit;
  /** Rows or fields that were skipped (paste): the edit still applied to the rest. */
  problems: Problem[];
}

/** Bad input is refused with a reason; nothing changed. */
export interface Refused {
  ok: false;
  problems: Problem[];
}

export type Outcome = Done | Refused;

export function refuse(path: string, message: string): Refused {
  return { ok: false, problems: [{ path, message }] };
}

export function done(label: string, workbook: Workbook, inverse: Edit, problems: Problem[] = []): Done {
  return { ok: true, label, workbook, inverse, problems };
}

/** An edit that puts a known earlier state of the workbook's parts back (used for inverses). */
export function edit(label: string, apply: (workbook: Workbook) => Outcome): Edit {
  return { label, apply };
}
