import { done, edit, type Outcome, type Said } from '../../../shared/edit';
import { hasMessage, msg, type Message } from '../../../shared/i18n/intl';
import { isListSpec, LISTS, type Fields, type ListSpec, type ObjectSpec } from '../../../shared/merge/keys';
import {
  keyed,
  sameValue,
  type MergeInputs,
  type MergeResult,
  type Renamed,
  type Side,
  type Taken,
} from '../../../shared/merge/merge';
import type { Workbook } from '../../../shared/model/types';

// Issue 16: the merge's paths (`payments[pay-0013].amount`, `participations[AL/paris].classes[2026].class`) and
// its record of what came from where, in words for the merge view. Pure: no React, so unit tests read it.

/** One step of a path: a record of a list (`payments[pay-0013]`) or a field (`.amount`, `settings`). */
export type PathPart = { list: string; parent?: string; key: string } | { field: string; top: boolean };

/** Splits a merge path; a key may hold dots, slashes and spaces (an advance movement's date, kind, amount…). */
export function parsePath(path: string): PathPart[] {
  const out: PathPart[] = [];
  const lists: string[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '.') i++;
    let j = i;
    while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
    const name = path.slice(i, j);
    if (path[j] === '[') {
      const close = path.indexOf(']', j);
      const end = close < 0 ? path.length : close;
      out.push({ list: name, parent: lists.at(-1), key: path.slice(j + 1, end) });
      lists.push(name);
      i = end + 1;
    } else {
      out.push({ field: name, top: out.length === 0 });
      i = j;
    }
  }
  return out;
}

/** A record of a list in words: "payment pay-0013", "participation of AL in budget paris". */
function recordWords(p: { list: string; parent?: string; key: string }): Message {
  const [a, b, c] = p.key.split('/');
  const values = { key: p.key, member: a, budget: b ?? '', year: c ?? '' };
  for (const id of [p.parent ? `merge.list.${p.parent}.${p.list}` : '', `merge.list.${p.list}`])
    if (id && hasMessage(id)) return msg(id, values);
  return msg('merge.list.other', { name: p.list, key: p.key });
}

/** A field in words: "amount", "name"; a field without words of its own is named as the file names it. */
export function fieldWords(field: string): Message {
  return hasMessage(`merge.field.${field}`) ? msg(`merge.field.${field}`) : msg('merge.field.other', { name: field });
}

/** A path in words, one message per step: [payment pay-0013, amount]. */
export function describePath(path: string): Message[] {
  return parsePath(path).map((p) => {
    if ('list' in p) return recordWords(p);
    if (p.top)
      return hasMessage(`merge.part.${p.field}`)
        ? msg(`merge.part.${p.field}`)
        : msg('merge.part.other', { name: p.field });
    return fieldWords(p.field);
  });
}

/** How a value on one side of a conflict is shown: removed, a plain value, or a record's fields. */
export type ValueView =
  | { kind: 'absent' }
  | { kind: 'text'; text: string }
  | { kind: 'record'; fields: { field: string; text: string }[]; more: number };

const FIELDS_SHOWN = 8;

export function viewValue(v: unknown): ValueView {
  if (v === undefined || v === null) return { kind: 'absent' };
  if (typeof v !== 'object') return { kind: 'text', text: String(v) };
  if (Array.isArray(v))
    return { kind: 'text', text: v.every((x) => typeof x !== 'object') ? v.join(', ') : `[${v.length}]` };
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
  const fields = entries.slice(0, FIELDS_SHOWN).map(([field, x]) => ({
    field,
    text: typeof x === 'object' && x !== null ? (Array.isArray(x) ? `[${x.length}]` : '{…}') : String(x),
  }));
  return { kind: 'record', fields, more: entries.length - fields.length };
}

/** What the merge took, by where it came from, for the merge view's lists. */
export interface MergeSummary {
  ours: Taken[];
  theirs: Taken[];
  both: Taken[];
  renamed: Renamed[];
}

/**
 * The merge's record by side. Where one side alone changed a whole part (the merge then takes it whole: the workbook
 * when the other side changed nothing, a list that was empty), it is told record by record from the three inputs.
 */
export function summarize(r: Pick<MergeResult, 'taken' | 'renamed'>, inputs: MergeInputs): MergeSummary {
  const taken = dedupe(r.taken.flatMap((t) => expand(t, inputs)).map((t) => recordOfBoth(t, inputs.base)));
  const by = (from: Side | 'both') => taken.filter((t) => t.from === from);
  return { ours: by('ours'), theirs: by('theirs'), both: by('both'), renamed: r.renamed };
}

/**
 * The same field made alike on both sides of a record both sides added or changed (a year added with a class by
 * each): told once, as the record, added or changed as the base says.
 */
function recordOfBoth(t: Taken, base: Workbook): Taken {
  const last = parsePath(t.path).at(-1);
  const cut = t.path.lastIndexOf(']');
  if (t.from !== 'both' || !last || 'list' in last || cut < 0) return t;
  const path = t.path.slice(0, cut + 1);
  return { path, from: 'both', what: recordAt(base, path) === undefined ? 'added' : 'changed' };
}

/** The record at a merge path in a workbook (matched by the merge's keys), or undefined. */
export function recordAt(wb: Workbook, path: string): unknown {
  let here: unknown = wb;
  let fields: Fields | undefined = LISTS as Fields;
  for (const p of parsePath(path)) {
    if (!isRec(here)) return undefined;
    if ('list' in p) {
      const spec: ListSpec | ObjectSpec | undefined = fields?.[p.list];
      const list = here[p.list];
      if (!spec || !isListSpec(spec) || !Array.isArray(list)) return undefined;
      here = keyed(list, spec).get(p.key);
      fields = spec.fields;
    } else {
      const spec: ListSpec | ObjectSpec | undefined = fields?.[p.field];
      here = here[p.field];
      fields = spec && !isListSpec(spec) ? spec.fields : undefined;
    }
  }
  return here;
}

const dedupe = (ts: Taken[]): Taken[] => {
  const seen = new Set<string>();
  return ts.filter((t) => {
    const k = `${t.from} ${t.path}`;
    return !seen.has(k) && (seen.add(k), true);
  });
};

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const whatOf = (b: unknown, v: unknown): Taken['what'] =>
  b === undefined ? 'added' : v === undefined ? 'removed' : 'changed';

function expand(t: Taken, inputs: MergeInputs): Taken[] {
  const b = inputs.base as unknown as Rec;
  const s = (t.from === 'theirs' ? inputs.theirs : inputs.ours) as unknown as Rec;
  if (t.path === '')
    return [...new Set([...Object.keys(b), ...Object.keys(s)])].flatMap((k) =>
      sameValue(b[k], s[k]) ? [] : expandPart(k, b[k], s[k], t.from),
    );
  if (t.path in LISTS && t.what !== 'removed') return expandPart(t.path, b[t.path], s[t.path], t.from);
  return [t];
}

/** A top-level part one side changed: its records (a list) or its fields (settings, organization), else itself. */
function expandPart(k: string, bv: unknown, sv: unknown, from: Taken['from']): Taken[] {
  const spec = LISTS[k as keyof typeof LISTS];
  if (spec && (Array.isArray(bv) || Array.isArray(sv))) {
    const bm = keyed(Array.isArray(bv) ? bv : [], spec);
    const sm = keyed(Array.isArray(sv) ? sv : [], spec);
    const out: Taken[] = [];
    for (const [key, v] of sm)
      if (!sameValue(bm.get(key), v)) out.push({ path: `${k}[${key}]`, from, what: whatOf(bm.get(key), v) });
    for (const key of bm.keys()) if (!sm.has(key)) out.push({ path: `${k}[${key}]`, from, what: 'removed' });
    return out;
  }
  if (isRec(bv) && isRec(sv))
    return [...new Set([...Object.keys(bv), ...Object.keys(sv)])]
      .filter((f) => !sameValue(bv[f], sv[f]))
      .map((f) => ({ path: `${k}.${f}`, from, what: whatOf(bv[f], sv[f]) }));
  return [{ path: k, from, what: whatOf(bv, sv) }];
}

/** The record a renumbering moved, as a path the view describes: `payments[pay-0013]`. */
export const renamedPath = (r: Renamed): string => `${r.list}[${r.from}]`;

/**
 * The command that puts the merged workbook in place: one undoable step, whose undo puts back the workbook as it was
 * before (and whose redo the merged one again).
 */
export function adoptMerged(label: Said, merged: Workbook): (wb: Workbook) => Outcome {
  const swap =
    (to: Workbook) =>
    (from: Workbook): Outcome =>
      done(label, to, edit(label, swap(from)));
  return swap(merged);
}
