// A terminal gives Chinese characters (and full-width forms) two columns: pad by what shows, not by code units.
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;
const MARKS = /\p{M}|[\u200e\u200f\u061c]/gu; // combining marks (Arabic vowel signs) and direction marks take no column

/** The columns a string takes in a terminal (ASCII: its length). */
export function displayWidth(s: string): number {
  return [...s.replace(MARKS, '')].length + (s.match(WIDE)?.length ?? 0);
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

/**
 * A table for people as text lines: columns padded to their widest cell, `right` marking the columns of figures,
 * a rule under the header and, when there is a footer (a total line), a rule above it.
 */
export function alignedText(head: string[], rows: string[][], right: boolean[], foot?: string[]): string[] {
  const all = foot ? [...rows, foot] : rows;
  // A reduce, not Math.max(...rows): 200,000 arguments overflow the stack.
  const widths = head.map((h, i) => all.reduce((m, r) => Math.max(m, displayWidth(r[i])), displayWidth(h)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? padStart(c, widths[i]) : padEnd(c, widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(head), rule, ...rows.map(fmt), ...(foot ? [rule, fmt(foot)] : [])];
}
