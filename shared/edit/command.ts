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

/** What a refusal says, for showing next to the field; null when the command was done. */
export function refusal(o: Outcome): string | null {
  return o.ok ? null : o.problems.map((p) => p.message).join('; ');
}

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

type Part = Exclude<keyof Workbook, 'format' | 'version'>;

/** The edit that puts back the given top-level parts (lists are shared, so this is exact and cheap). */
export function restoreParts(label: string, parts: Partial<Pick<Workbook, Part>>): Edit {
  return edit(label, (wb) => {
    const now: Partial<Pick<Workbook, Part>> = {};
    for (const k of Object.keys(parts) as Part[]) (now as Record<Part, unknown>)[k] = wb[k];
    return done(label, { ...wb, ...parts }, restoreParts(label, now));
  });
}

/** `after` as the outcome of an edit that replaced `parts` of `before`, with its inverse. */
export function changedParts(label: string, before: Workbook, after: Workbook, parts: Part[], problems: Problem[] = []): Outcome {
  const old: Partial<Pick<Workbook, Part>> = {};
  for (const k of parts) (old as Record<Part, unknown>)[k] = before[k];
  return done(label, after, restoreParts(label, old), problems);
}
