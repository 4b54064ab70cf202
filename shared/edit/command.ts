import { say, type Message } from '../i18n/intl';
import type { Problem, Workbook } from '../model/types';

// Edits are commands: pure functions from a workbook to a new workbook plus the edit that undoes them.
// The workbook is never mutated; untouched parts are shared between versions (cheap undo history).
// Messages are data (issue 11): refusals and labels are given as a Message; `message` and `label` keep its English
// text (say), which the CLI and the tests read, and a display says `msg` / `labelMsg` in the user's language.

/** A label or a reason: a Message (its English text is derived), or English text not yet in the catalog. */
export type Said = string | Message;
const textOf = (s: Said): string => (typeof s === 'string' ? s : say(s));
const msgOf = (s: Said): Message | undefined => (typeof s === 'string' ? undefined : s);

/** A problem at `path`: the message as data, and its English text. */
export function problem(path: string, m: Said): Problem {
  const p: Problem = { path, message: textOf(m) };
  const data = msgOf(m);
  if (data) p.msg = data;
  return p;
}

/** An edit that can be applied to a workbook; applying it yields the edit that reverses it. */
export interface Edit {
  label: string;
  labelMsg?: Message;
  apply(workbook: Workbook): Outcome;
}

export interface Done {
  ok: true;
  label: string;
  labelMsg?: Message;
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

/** What a refusal says, for showing next to the field; null when the command was done. A display passes its `say`. */
export function refusal(o: Outcome, sayIt?: (m: Message) => string): string | null {
  return o.ok ? null : o.problems.map((p) => (sayIt && p.msg ? sayIt(p.msg) : p.message)).join('; ');
}

export function refuse(path: string, message: Said): Refused {
  return { ok: false, problems: [problem(path, message)] };
}

export function done(label: Said, workbook: Workbook, inverse: Edit, problems: Problem[] = []): Done {
  const d: Done = { ok: true, label: textOf(label), workbook, inverse, problems };
  const m = msgOf(label);
  if (m) d.labelMsg = m;
  return d;
}

/** An edit that puts a known earlier state of the workbook's parts back (used for inverses). */
export function edit(label: Said, apply: (workbook: Workbook) => Outcome): Edit {
  const e: Edit = { label: textOf(label), apply };
  const m = msgOf(label);
  if (m) e.labelMsg = m;
  return e;
}

type Part = Exclude<keyof Workbook, 'format' | 'version'>;

/** The edit that puts back the given top-level parts (lists are shared, so this is exact and cheap). */
export function restoreParts(label: Said, parts: Partial<Pick<Workbook, Part>>): Edit {
  return edit(label, (wb) => {
    const now: Partial<Pick<Workbook, Part>> = {};
    for (const k of Object.keys(parts) as Part[]) (now as Record<Part, unknown>)[k] = wb[k];
    return done(label, { ...wb, ...parts }, restoreParts(label, now));
  });
}

/** `after` as the outcome of an edit that replaced `parts` of `before`, with its inverse. */
export function changedParts(
  label: Said,
  before: Workbook,
  after: Workbook,
  parts: Part[],
  problems: Problem[] = [],
): Outcome {
  const old: Partial<Pick<Workbook, Part>> = {};
  for (const k of parts) (old as Record<Part, unknown>)[k] = before[k];
  return done(label, after, restoreParts(label, old), problems);
}
