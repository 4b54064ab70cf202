// Type-ahead over a scheme's classes (R1): what a typed text may mean, as the class editor lists it.

/** Case folded the same in every locale (a Turkish user's `i` still finds I). */
const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * The classes a typed text may mean, best first: the class it names exactly (any case), then those that start with
 * it, in the scheme's order. Nothing typed: every class.
 */
export function classCandidates(classes: readonly string[], typed: string): string[] {
  const t = fold(typed);
  if (t === '') return [...classes];
  const exact = classes.filter((c) => fold(c) === t);
  return [...exact, ...classes.filter((c) => fold(c) !== t && fold(c).startsWith(t))];
}

/** The class Enter takes for a typed text: the first candidate, or null when no class starts with it. */
export function chooseClass(classes: readonly string[], typed: string): string | null {
  return fold(typed) === '' ? null : (classCandidates(classes, typed)[0] ?? null);
}
