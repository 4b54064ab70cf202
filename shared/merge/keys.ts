import { overrideKey } from '../edit/scenarios';
import type { AdvanceMovement, Workbook } from '../model/types';

// Which record is "the same record" on the two sides of a merge: each list of the workbook (format version 2) and
// each list nested in a record, with the key that identifies one of its records.

type Rec = Record<string, unknown>;
export const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ListSpec {
  /** The record's identity in its list. A second record with the same key gets `#2`, `#3`… after it. */
  key(record: Rec): string;
  /**
   * The id is a serial number the app hands out (pay-0013, cc-4…): two people adding a record each get the same
   * id for different records. Such a pair is kept as two records and one is given the next free number.
   */
  serial?: boolean;
  /** Kept in this order (a year): the app keeps budget years and class holdings sorted. */
  order?(record: Rec): number;
  /** Lists nested in the record's fields (or deeper, in a field that is an object). */
  fields?: Fields;
}

/** A field that is one object (not a list) holding lists: a budget year's scale and its fixed rates. */
export interface ObjectSpec {
  fields: Fields;
}

export type Fields = Record<string, ListSpec | ObjectSpec>;
export const isListSpec = (s: ListSpec | ObjectSpec): s is ListSpec => 'key' in s;

const s = (v: unknown) => String(v);
const byYear = (r: Rec) => Number(r.year);

/** Advance movements carry no id: a movement is its date, kind, amount and reference (an edit = removal + addition). */
const movementKey = (r: Rec) => {
  const m = r as unknown as AdvanceMovement;
  return [m.date, m.kind, m.amount, m.reference].filter((x) => x !== undefined).join(' ');
};

/** Every list of the workbook with its records' identity; anything not named here merges as a single value. */
export const LISTS: Partial<Record<keyof Workbook, ListSpec>> = {
  schemes: { key: (r) => s(r.id), fields: { classes: { key: (r) => s(r.code) } } },
  members: { key: (r) => s(r.code) },
  budgets: {
    key: (r) => s(r.id),
    fields: {
      years: {
        key: (r) => s(r.year),
        order: byYear,
        fields: { scale: { fields: { fixedRates: { key: (r) => s(r.member) } } } },
      },
      // R23 a biennium is the two years it covers.
      biennia: {
        key: (r) => (Array.isArray(r.years) ? r.years.join('-') : s(r.years)),
        order: (r) => (Array.isArray(r.years) ? Number(r.years[0]) : 0),
      },
    },
  },
  // One participation per member and budget (validate.ts refuses a second one).
  participations: {
    key: (r) => `${s(r.member)}/${s(r.budget)}`,
    fields: { classes: { key: (r) => s(r.year), order: byYear } },
  },
  classChanges: { key: (r) => s(r.id), serial: true },
  payments: { key: (r) => s(r.id), serial: true },
  wcfDecisions: { key: (r) => s(r.id), serial: true },
  advanceAgreements: { key: (r) => s(r.id), serial: true, fields: { movements: { key: movementKey } } },
  votingDecisions: { key: (r) => s(r.id), serial: true },
  // A scenario's id is made from its name (scenarioIdFor): two people naming a new scenario alike get one id.
  // Overrides: one per thing a scenario assumes (the app's own overrideKey: member and budget from a year…).
  scenarios: { key: (r) => s(r.id), serial: true, fields: { overrides: { key: (r) => overrideKey(r as never) } } },
  openingBalances: { key: (r) => `${s(r.member)}/${s(r.budget)}/${s(r.year)}` },
  // R21 base scales as printed: a rate per member code.
  baseScales: { key: (r) => s(r.id), fields: { rates: { key: (r) => s(r.code) } } },
};

/** A JSON text that two equal values share whatever their key order: to order records deterministically. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (isRec(v))
    return `{${Object.keys(v)
      .filter((k) => v[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Records by key, in order; a repeated key gets `#2`, `#3`… so that no record is dropped. */
export function keyed(list: readonly unknown[], spec: ListSpec): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const r of list) {
    const k = isRec(r) ? spec.key(r) : canonical(r);
    let key = k;
    for (let n = 2; out.has(key); n++) key = `${k}#${n}`;
    out.set(key, r);
  }
  return out;
}
