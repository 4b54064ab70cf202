/**
 * A table for people as text lines: columns padded to their widest cell, `right` marking the columns of figures,
 * a rule under the header and, when there is a footer (a total line), a rule above it.
 */
export function alignedText(head: string[], rows: string[][], right: boolean[], foot?: string[]): string[] {
  const all = foot ? [...rows, foot] : rows;
  const widths = head.map((h, i) => Math.max(h.length, ...all.map((r) => r[i].length)));
  const fmt = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [fmt(head), rule, ...rows.map(fmt), ...(foot ? [rule, fmt(foot)] : [])];
}
