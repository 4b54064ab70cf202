import { hasMessage, type Message } from '../i18n/intl';
import type { JournalEntry, Workbook } from '../model/types';
import { keyed, LISTS } from './keys';
import type { Renamed } from './merge';

// Issue 16 item 5, as designed in docs/team.md: who changed what. A workbook may carry a `journal`: one entry per
// undoable step (an undo is a step too), written when the step is applied, never changed afterwards. Entries merge as
// a set (keyed by id, ordered by time then id), so the journal never conflicts. Pure: the caller gives the time, the
// user and the random part.

export type { JournalEntry };

/** Past this many records of one list in one step (an import), the entry names the list rather than each record. */
export const RECORDS_MAX = 200;

const isEntry = (v: unknown): v is JournalEntry => {
  const e = v as JournalEntry;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof e.id === 'string' &&
    typeof e.at === 'string' &&
    typeof e.summary === 'string' &&
    Array.isArray(e.records)
  );
};

/** The workbook's journal, or undefined when it keeps none (a file without one reads as keeping none). */
export function journalOf(wb: Workbook): JournalEntry[] | undefined {
  const j = (wb as { journal?: unknown }).journal;
  return Array.isArray(j) ? j.filter(isEntry) : undefined;
}

export function withJournal(wb: Workbook, journal: JournalEntry[]): Workbook {
  return { ...wb, journal } as Workbook;
}

/** The workbook without its journal: what the record-by-record merge sees. */
export function withoutJournal(wb: Workbook): Workbook {
  if (!('journal' in wb)) return wb;
  const rest = { ...(wb as Workbook & { journal?: unknown }) };
  delete rest.journal;
  return rest;
}

/**
 * The records a step added, changed or removed. A step replaces only the lists it changes, so only those are compared,
 * record by record with the merge's keys; a part that is not a list (settings) is named whole.
 */
export function stepRecords(before: Workbook, after: Workbook): string[] {
  const b = before as unknown as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const out: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (k === 'journal' || b[k] === a[k]) continue;
    const spec = LISTS[k as keyof typeof LISTS];
    if (!spec || !Array.isArray(b[k] ?? []) || !Array.isArray(a[k] ?? [])) {
      out.push(k);
      continue;
    }
    const bm = keyed((b[k] as unknown[] | undefined) ?? [], spec);
    const am = keyed((a[k] as unknown[] | undefined) ?? [], spec);
    const changed: string[] = [];
    // Unchanged records are the same objects (commands share what they do not touch): identity is enough.
    for (const [key, r] of am)
      if (bm.get(key) !== r && JSON.stringify(bm.get(key)) !== JSON.stringify(r)) changed.push(key);
    for (const key of bm.keys()) if (!am.has(key)) changed.push(key);
    if (changed.length > RECORDS_MAX) out.push(k);
    else out.push(...changed.map((key) => `${k}[${key}]`));
  }
  return out;
}

export interface Stamp {
  at: string;
  user: string;
  machine: string;
  /** A few random characters, so two entries of one millisecond on one machine still differ. */
  nonce: string;
}

/**
 * The entry of a step. `summary` is the label's English text, kept for old readers and as the fallback;
 * `summaryMsg` (issue 11) is the label as data, stored when it holds only text and numbers (JSON keeps nothing else).
 */
export function journalEntry(stamp: Stamp, summary: string, records: string[], summaryMsg?: Message): JournalEntry {
  const e: JournalEntry = {
    id: `${stamp.at} ${stamp.machine} ${stamp.nonce}`,
    at: stamp.at,
    user: stamp.user,
    machine: stamp.machine,
    summary,
    records,
  };
  const stored = summaryMsg && storableMessage(summaryMsg);
  if (stored) e.summaryMsg = stored;
  return e;
}

/** A message as a file stores it: id, text and number values, parts; undefined when it holds anything else. */
export function storableMessage(m: Message): Message | undefined {
  const out: Message = { id: m.id };
  if (m.values) {
    const values: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(m.values)) {
      if (v === undefined) continue;
      if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return undefined;
      values[k] = v;
    }
    out.values = values;
  }
  if (m.parts) {
    const parts: Record<string, Message> = {};
    for (const [k, p] of Object.entries(m.parts)) {
      const sp = storableMessage(p);
      if (!sp) return undefined;
      parts[k] = sp;
    }
    out.parts = parts;
  }
  return out;
}

const knownIds = (m: Message): boolean => hasMessage(m.id) && Object.values(m.parts ?? {}).every(knownIds);

/**
 * An entry's label in the reader's language: its message said by `say` when this version knows every id in it, else
 * (an entry written before labels were stored, or by a newer version, or one that cannot be said) its English text.
 */
export function entrySummary(e: JournalEntry, say: (m: Message) => string): string {
  if (!e.summaryMsg || !knownIds(e.summaryMsg)) return e.summary;
  try {
    return say(e.summaryMsg);
  } catch {
    return e.summary; // values that do not fit the message (another version's words): its English text
  }
}

const byTime = (x: JournalEntry, y: JournalEntry) =>
  x.at < y.at ? -1 : x.at > y.at ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;

/** Entries of several journals as one set: an entry both hold is one entry; ordered by time, then id. */
export function unionJournals(...journals: readonly (readonly JournalEntry[] | undefined)[]): JournalEntry[] {
  const all = new Map<string, JournalEntry>();
  for (const j of journals) for (const e of j ?? []) if (!all.has(e.id)) all.set(e.id, e);
  return [...all.values()].sort(byTime);
}

/**
 * The journal after a step: the one before, whatever the step's own result holds (a merge brings theirs' entries;
 * undoing a merge does not take them away: the journal is never undone), and the step's entry.
 */
export function journalAfterStep(
  before: readonly JournalEntry[],
  result: readonly JournalEntry[] | undefined,
  entry: JournalEntry,
): JournalEntry[] {
  return unionJournals(before, result, [entry]);
}

/**
 * The journals of a merge: both sides' entries kept. When the merge gave a record the next free number (pay-0013 of
 * theirs became pay-0014), that side's entries since the base are rewritten to the new id, so "recorded by" stays true.
 */
export function mergeJournals(
  base: readonly JournalEntry[] | undefined,
  ours: readonly JournalEntry[] | undefined,
  theirs: readonly JournalEntry[] | undefined,
  renamed: readonly Renamed[],
): JournalEntry[] {
  const inBase = new Set((base ?? []).map((e) => e.id));
  const rewrite = (side: 'ours' | 'theirs', j: readonly JournalEntry[] | undefined) => {
    const moves = new Map(
      renamed.filter((r) => r.side === side).map((r) => [`${r.list}[${r.from}]`, `${r.list}[${r.to}]`]),
    );
    if (moves.size === 0) return j ?? [];
    return (j ?? []).map((e) =>
      inBase.has(e.id) || !e.records.some((p) => moves.has(p))
        ? e
        : { ...e, records: e.records.map((p) => moves.get(p) ?? p) },
    );
  };
  return unionJournals(base, rewrite('ours', ours), rewrite('theirs', theirs));
}

/** Who recorded a record: the first entry that names it (payments[pay-0013]), or undefined. */
export function recordedBy(journal: readonly JournalEntry[] | undefined, path: string): JournalEntry | undefined {
  return journal?.find((e) => e.records.includes(path));
}

/** recordedBy for every record at once (a grid asks for each of its rows): path → the first entry naming it. */
export function recordedIndex(journal: readonly JournalEntry[] | undefined): Map<string, JournalEntry> {
  const out = new Map<string, JournalEntry>();
  for (const e of journal ?? []) for (const p of e.records) if (!out.has(p)) out.set(p, e);
  return out;
}
