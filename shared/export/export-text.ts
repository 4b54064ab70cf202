import { exportWords } from './export-words';
import type { ExportTable } from './table-model';
import { displayWidth } from './text-table';

// The CLI's table for people in a language other than English (`--format table --lang fr`): the export model's
// title block, headers and total row (already in the language), figures written as the language writes them.
// English keeps the CLI's own table (contributionText), word for word as scripts have read it.

export { displayWidth };

const pad = (s: string, w: number, right: boolean) =>
  right ? ' '.repeat(Math.max(0, w - displayWidth(s))) + s : s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function exportText(t: ExportTable): string {
  const w = exportWords({ locale: t.locale, number: t.number });
  const cell = (kind: string, v: string | null | undefined) =>
    v == null || v === '' ? '' : kind === 'text' ? v : w.amount(v);
  const head = t.columns.map((c) => c.header);
  const right = t.columns.map((c) => c.kind !== 'text');
  const rows = t.rows.map((r) => t.columns.map((c) => cell(c.kind, r[c.key])));
  const foot = t.total ? t.columns.map((c) => cell(c.kind, t.total![c.key])) : undefined;
  const all = [head, ...rows, ...(foot ? [foot] : [])];
  // A reduce, not Math.max(...rows): 200,000 arguments overflow the stack.
  const widths = head.map((_, i) => all.reduce((m, r) => Math.max(m, displayWidth(r[i])), 0));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => pad(c, widths[i], right[i]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((n) => '-'.repeat(n)).join('  ');
  const label = Math.max(0, ...t.info.map(([k]) => displayWidth(k)));
  const info = t.info.filter(([, v]) => v !== '').map(([k, v]) => `${pad(k, label, false)}  ${v}`);
  return `${[t.title, ...info, '', line(head), rule, ...rows.map(line), ...(foot ? [rule, line(foot)] : [])].join('\n')}\n`;
}
