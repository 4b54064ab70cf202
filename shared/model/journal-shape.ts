import type { Message } from '../i18n/intl';

// Issue 16: the shape of a workbook's journal (shared/merge/journal.ts), checked with the rest of the file. A
// damaged entry would be matched wrongly in a merge or credited to the wrong person, so it is refused like any
// other damaged record. Kept apart from validate.ts: it needs nothing of the workbook but the list itself.

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const m = (id: string, values?: Message['values']): Message => (values ? { id, values } : { id });

// An ISO time as the app writes it (Date.prototype.toISOString); a time zone offset is read too.
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The label as data (optional, issue 11): an id, text or number values, parts of the same shape. */
function isStoredMessage(v: unknown, depth = 0): boolean {
  if (!isObj(v) || typeof v.id !== 'string' || depth > 16) return false;
  if (v.values !== undefined)
    if (!isObj(v.values) || !Object.values(v.values).every((x) => typeof x === 'string' || typeof x === 'number'))
      return false;
  if (v.parts !== undefined)
    if (!isObj(v.parts) || !Object.values(v.parts).every((p) => isStoredMessage(p, depth + 1))) return false;
  return Object.keys(v).every((k) => k === 'id' || k === 'values' || k === 'parts');
}

/** What is wrong with `journal` (absent = keeps none, fine): `{ path, message }` for each field at fault. */
export function journalProblems(journal: unknown): { path: string; msg: Message }[] {
  if (journal === undefined) return [];
  if (!Array.isArray(journal)) return [{ path: 'journal', msg: m('merge.journal.notList') }];
  const out: { path: string; msg: Message }[] = [];
  const seen = new Map<string, number>();
  journal.forEach((e, i) => {
    const path = `journal[${i}]`;
    const n = String(i + 1);
    if (!isObj(e)) return void out.push({ path, msg: m('merge.journal.notEntry', { n }) });
    const field = (key: string, kind: 'text' | 'time' | 'list' | 'message') => {
      const v = e[key];
      const fine =
        kind === 'message'
          ? v === undefined || isStoredMessage(v)
          : kind === 'list'
            ? Array.isArray(v) && v.every((x) => typeof x === 'string')
            : typeof v === 'string' && (kind === 'text' || (ISO_TIME.test(v) && !Number.isNaN(Date.parse(v))));
      if (!fine) out.push({ path: `${path}.${key}`, msg: m('merge.journal.field', { n, field: key, kind }) });
    };
    field('id', 'text');
    field('at', 'time');
    field('user', 'text');
    field('machine', 'text');
    field('summary', 'text');
    field('summaryMsg', 'message');
    field('records', 'list');
    if (typeof e.id === 'string') {
      const before = seen.get(e.id);
      if (before !== undefined)
        out.push({ path: `${path}.id`, msg: m('merge.journal.idTwice', { n, id: e.id, first: String(before + 1) }) });
      else seen.set(e.id, i);
    }
  });
  return out;
}
