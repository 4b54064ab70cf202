// One rule for a class and a member's name wherever they come in (issue 14 item 6): the CLI's members file, the
// workbook file and the app (grid edits, paste, import preview). Before it, the app read `vi` as VI while the CLI and
// the workbook checks refused it, and the CLI took a member with no name that the app and the file refuse.
//
// Classes — a normalization all three apply (R1): a code is taken as written when the scheme has it; otherwise, when
// exactly one class of the scheme is the same ignoring case and surrounding spaces, it is that class (`vi` → VI,
// `ivbis` → IVbis). Two classes that differ only by case (a scheme holding both S and s) make a text that is neither
// ambiguous: it is refused naming both, never guessed. The stored code is always the scheme's own.
// Names — the stricter rule: a member needs a name with something in it besides spaces, kept without the spaces
// around it. The app refuses a new member without one; the file refuses it; the CLI now refuses it with its line.

/** Folded as the class type-ahead folds (renderer/src/grid/typeahead.ts): the same in every locale. */
export const foldClass = (s: string): string => s.normalize('NFC').trim().toLowerCase();

export type ClassReading =
  | { ok: true; code: string }
  | { ok: false; reason: 'empty' | 'unknown' }
  | { ok: false; reason: 'ambiguous'; matches: string[] };

/** Reads classes typed or written in a file against one scheme's codes; made once per scheme for many rows. */
export class ClassReader {
  private readonly exact: Set<string>;
  private readonly folded = new Map<string, string[]>();

  constructor(readonly codes: readonly string[]) {
    this.exact = new Set(codes);
    for (const c of codes) {
      const k = foldClass(c);
      const list = this.folded.get(k);
      if (list) list.push(c);
      else this.folded.set(k, [c]);
    }
  }

  read(text: string): ClassReading {
    const t = text.trim();
    if (t === '') return { ok: false, reason: 'empty' };
    if (this.exact.has(t)) return { ok: true, code: t };
    const matches = this.folded.get(foldClass(t));
    if (!matches) return { ok: false, reason: 'unknown' };
    return matches.length === 1 ? { ok: true, code: matches[0] } : { ok: false, reason: 'ambiguous', matches };
  }
}

/** The class a text names in a scheme of these codes (see ClassReader): one-off reads. */
export function readClassCode(codes: readonly string[], text: string): ClassReading {
  return new ClassReader(codes).read(text);
}

/** A member's name as kept: without the spaces around it; undefined when nothing is left (refused everywhere). */
export function memberName(text: string | undefined): string | undefined {
  const n = (text ?? '').trim();
  return n === '' ? undefined : n;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The workbook file's side of the class rule: in a document just parsed from JSON (not yet checked, so read
 * defensively), every class a participation holds, a notice moves to, or a scenario names is written as its scheme
 * writes it when the rule reads it as exactly one class (`vi` → VI). Everything else is left as it is, for the
 * checks to refuse with their path and line. Changes the document in place; linear in its size.
 */
export function normalizeClassCodes(doc: unknown): void {
  if (!isObj(doc)) return;
  const readers = new Map<string, ClassReader>();
  for (const s of list(doc.schemes))
    if (isObj(s) && typeof s.id === 'string' && s.kind === 'classes' && !readers.has(s.id))
      readers.set(
        s.id,
        new ClassReader(
          list(s.classes)
            .filter(isObj)
            .map((k) => k.code)
            .filter((c): c is string => typeof c === 'string'),
        ),
      );
  const schemeOfBudget = new Map<string, string>();
  for (const b of list(doc.budgets))
    if (isObj(b) && typeof b.id === 'string' && typeof b.schemeId === 'string' && !schemeOfBudget.has(b.id))
      schemeOfBudget.set(b.id, b.schemeId);
  const readerOf = (budget: unknown) =>
    typeof budget === 'string' ? readers.get(schemeOfBudget.get(budget) ?? '') : undefined;
  const fix = (o: Obj, key: string, reader: ClassReader | undefined) => {
    const v = o[key];
    if (!reader || typeof v !== 'string') return;
    const r = reader.read(v);
    if (r.ok && r.code !== v) o[key] = r.code;
  };
  for (const p of list(doc.participations)) {
    if (!isObj(p)) continue;
    const reader = readerOf(p.budget);
    if (reader) for (const h of list(p.classes)) if (isObj(h)) fix(h, 'class', reader);
  }
  for (const c of list(doc.classChanges)) if (isObj(c)) fix(c, 'toClass', readerOf(c.budget));
  for (const s of list(doc.scenarios))
    if (isObj(s))
      for (const o of list(s.overrides)) {
        if (!isObj(o)) continue;
        if (o.kind === 'class' || o.kind === 'join') fix(o, 'class', readerOf(o.budget));
        else if (o.kind === 'units' && typeof o.scheme === 'string') fix(o, 'class', readers.get(o.scheme));
      }
}
