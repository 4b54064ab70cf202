import type { Problem, Workbook } from '../model/types';
import { validateWorkbook } from '../model/validate';
import { journalOf, mergeJournals, withJournal, withoutJournal } from './journal';
import { canonical, isListSpec, isRec, keyed, LISTS, type Fields, type ListSpec } from './keys';

export { canonical, keyed };

// Three-way merge of workbooks: base (what both started from), ours and theirs. Records are matched by their key
// (keys.ts), fields merged one by one: a change on one side is taken, the same change on both is taken once, two
// different changes to one field (or a removal on one side and a change on the other) are a conflict. Pure: the
// same three workbooks give the same result on every machine, whichever order the records came in.

export type Side = 'ours' | 'theirs';

/** One place both sides changed differently. `undefined` = absent there (removed, or never there). */
export interface Conflict {
  /** Where: `payments[pay-0013].amount`, `members[FR]`, `settings.creditingOrder`; unique within one merge. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

/** What the merged workbook took from where: the merge view lists these. */
export interface Taken {
  path: string;
  from: Side | 'both';
  what: 'added' | 'removed' | 'changed';
}

/** A record both sides added under one serial id: kept twice, one of them under the next free id. */
export interface Renamed {
  list: string;
  /** The side whose record moved. */
  side: Side;
  from: string;
  to: string;
}

export interface MergeInputs {
  base: Workbook;
  ours: Workbook;
  theirs: Workbook;
}

export type MergeResult =
  | { kind: 'merged'; workbook: Workbook; taken: Taken[]; renamed: Renamed[] }
  /** Choose a side for each (resolve) to finish the merge. */
  | { kind: 'conflicts'; conflicts: Conflict[]; inputs: MergeInputs; taken: Taken[]; renamed: Renamed[] }
  /** Every change merged, but the result is not a workbook that can be saved (a payment of a member removed…). */
  | { kind: 'invalid'; problems: Problem[]; workbook: Workbook; taken: Taken[]; renamed: Renamed[] };

/** The three-way merge of two workbooks that started from `base`. */
export function mergeWorkbooks(base: Workbook, ours: Workbook, theirs: Workbook): MergeResult {
  return run({ base, ours, theirs }, {});
}

/**
 * Finishes a merge with a side chosen for conflicts (by path). A conflict with no choice stays a conflict. The
 * result is validated like the plain merge, so a choice can still end in `invalid`.
 */
export function resolve(pending: { inputs: MergeInputs }, choices: Readonly<Record<string, Side>>): MergeResult {
  return run(pending.inputs, choices);
}

function run(inputs: MergeInputs, choices: Readonly<Record<string, Side>>): MergeResult {
  // The journal is not merged record by record: its entries are a set (journal.ts), so it never conflicts.
  const records = {
    base: withoutJournal(inputs.base),
    ours: withoutJournal(inputs.ours),
    theirs: withoutJournal(inputs.theirs),
  };
  const journals = [inputs.base, inputs.ours, inputs.theirs].map(journalOf);
  // Ids the journals name (a payment recorded, then removed) are not handed out again: "recorded by" stays true.
  const named = journals.flatMap((j) => (j ?? []).flatMap((e) => e.records));
  const m = new Merger(choices, records, named);
  let workbook = m.value('', records.base, records.ours, records.theirs, undefined, LISTS as Fields) as Workbook;
  const { taken, renamed } = m;
  if (journals.some((j) => j !== undefined))
    workbook = withJournal(workbook, mergeJournals(journals[0], journals[1], journals[2], renamed));
  if (m.conflicts.length > 0) return { kind: 'conflicts', conflicts: m.conflicts, inputs, taken, renamed };
  const problems = validateWorkbook(workbook);
  if (problems.length > 0) return { kind: 'invalid', problems, workbook, taken, renamed };
  return { kind: 'merged', workbook, taken, renamed };
}

type Rec = Record<string, unknown>;

/** Deep equality of JSON values; the order of an object's keys does not matter, the order of a list does. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (!isRec(a) || !isRec(b)) return false;
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue(a[k], b[k]));
}

const SERIAL_RE = /^(.*?)(\d+)$/;

class Merger {
  readonly conflicts: Conflict[] = [];
  readonly taken: Taken[] = [];
  readonly renamed: Renamed[] = [];

  constructor(
    private readonly choices: Readonly<Record<string, Side>>,
    private readonly inputs: MergeInputs,
    /** Record paths the journals name (`payments[pay-0002]`). */
    private readonly named: readonly string[] = [],
  ) {}

  /** The merged value at `path`; undefined = absent in the result. */
  value(path: string, b: unknown, o: unknown, t: unknown, list?: ListSpec, fields?: Fields): unknown {
    if (sameValue(o, t)) {
      if (!sameValue(b, o)) this.take(path, 'both', b, o);
      return o;
    }
    if (sameValue(b, o)) return this.take(path, 'theirs', b, t);
    if (sameValue(b, t)) return this.take(path, 'ours', b, o);
    if (list && Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b)))
      return this.list(path, (b as unknown[]) ?? [], o, t, list);
    // Both sides changed a record (or both added one under the same key): field by field, from an empty base.
    if (isRec(o) && isRec(t) && (b === undefined || isRec(b))) return this.record(path, b ?? {}, o, t, fields);
    const choice = this.choices[path];
    if (choice) return choice === 'ours' ? o : t;
    this.conflicts.push({ path, base: b, ours: o, theirs: t });
    return o;
  }

  private take(path: string, from: Side | 'both', b: unknown, v: unknown): unknown {
    this.taken.push({ path, from, what: b === undefined ? 'added' : v === undefined ? 'removed' : 'changed' });
    return v;
  }

  private record(path: string, b: Rec, o: Rec, t: Rec, fields?: Fields): Rec {
    const out: Rec = {};
    for (const k of new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b)])) {
      const spec = fields?.[k];
      const [list, inner] = !spec ? [] : isListSpec(spec) ? [spec] : [undefined, spec.fields];
      const v = this.value(path ? `${path}.${k}` : k, b[k], o[k], t[k], list, inner);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }

  private list(
    path: string,
    b: readonly unknown[],
    o: readonly unknown[],
    t: readonly unknown[],
    spec: ListSpec,
  ): unknown[] {
    const bm = keyed(b, spec);
    const om = keyed(o, spec);
    const tm = keyed(t, spec);
    const at = (k: string) => `${path}[${k}]`;
    const sub = (k: string) => this.value(at(k), bm.get(k), om.get(k), tm.get(k), undefined, spec.fields);
    // Serial ids both sides added for different records (R15 payments recorded by two people at once).
    const twins = spec.serial
      ? [...om.keys()].filter((k) => !bm.has(k) && tm.has(k) && !sameValue(om.get(k), tm.get(k))).sort()
      : [];
    const moved = new Map<string, { side: Side; record: Rec }>();
    if (twins.length > 0) {
      const taken = new Set([...bm.keys(), ...om.keys(), ...tm.keys(), ...this.idsOf(path)]);
      for (const k of twins) {
        // The record whose text sorts first keeps the id: the same pair gives the same ids from either side.
        const side: Side = canonical(om.get(k)) <= canonical(tm.get(k)) ? 'theirs' : 'ours';
        const record = (side === 'ours' ? om : tm).get(k) as Rec;
        const to = freeId(String(record.id ?? k), taken);
        taken.add(to);
        moved.set(k, { side, record: { ...record, id: to } });
        this.renamed.push({ list: path, side, from: k, to });
      }
    }
    const out: unknown[] = [];
    const push = (v: unknown) => v !== undefined && out.push(v);
    for (const k of om.keys()) {
      const twin = moved.get(k);
      if (!twin) push(sub(k));
      else {
        push(twin.side === 'ours' ? twin.record : om.get(k));
        this.taken.push({ path: at(k), from: 'ours', what: 'added' });
      }
    }
    for (const k of tm.keys()) {
      const twin = moved.get(k);
      if (twin) {
        push(twin.side === 'theirs' ? twin.record : tm.get(k));
        this.taken.push({
          path: at(twin.side === 'theirs' ? (twin.record.id as string) : k),
          from: 'theirs',
          what: 'added',
        });
      } else if (!om.has(k)) push(sub(k));
    }
    // Removed on both sides: nothing to add, but the merge view says so.
    for (const k of bm.keys())
      if (!om.has(k) && !tm.has(k)) this.taken.push({ path: at(k), from: 'both', what: 'removed' });
    if (spec.order) out.sort((x, y) => spec.order!(x as Rec) - spec.order!(y as Rec));
    return out;
  }

  /** Every id a top-level list holds on any side, so a fresh id is free in all three. */
  private idsOf(path: string): string[] {
    const all = (w: Workbook) => {
      const v = (w as unknown as Rec)[path];
      return Array.isArray(v) ? v.map((r) => (isRec(r) ? String(r.id) : '')) : [];
    };
    const prefix = `${path}[`;
    const inJournals = this.named.filter((p) => p.startsWith(prefix) && p.endsWith(']'));
    return [
      ...all(this.inputs.base),
      ...all(this.inputs.ours),
      ...all(this.inputs.theirs),
      ...inJournals.map((p) => p.slice(prefix.length, -1)),
    ];
  }
}

/** The next free id after `id` in its series: pay-0013 → pay-0014 (or later), austerity → austerity-2. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  const m = SERIAL_RE.exec(id);
  const prefix = m ? m[1] : `${id}-`;
  const width = m ? m[2].length : 1;
  let n = m ? Number(m[2]) : 1;
  // After the highest number of the series in use, as the app numbers new records (shared/edit/ledger.ts nextId).
  for (const t of taken) {
    const x = SERIAL_RE.exec(t);
    if (x && x[1] === prefix) n = Math.max(n, Number(x[2]));
  }
  let id2: string;
  do id2 = `${prefix}${String(++n).padStart(width, '0')}`;
  while (taken.has(id2));
  return id2;
}
