import type { Workbook } from '../model/types';
import { VotingStatusBook, type StatusReport, type StatusRow, type VotingStatus } from './arrears';

// Incremental state for R15–R18 (the app's status views; usable from the CLI): one ledger per workbook version
// (shared by the views: statuses, statements, WCF), and the organization-wide status report kept between versions. After a payment or a voting
// decision, only the members it touches are recomputed (bench/ui-ledger: 10,000 members × 30 years); any other
// change (classes, budgets, WCF decisions, members) recomputes everything. The engine decides every figure.

/** Parts of the workbook that contribution tables and WCF shares depend on: the same objects = same tables. */
const TABLE_PARTS = [
  'members',
  'budgets',
  'participations',
  'schemes',
  'classChanges',
  'settings',
  'wcfDecisions',
  'openingBalances',
] as const;

/** Members whose payments or voting decisions differ between two versions (commands share unchanged objects). */
export function touchedMembers(before: Workbook, after: Workbook): Set<string> {
  const touched = new Set<string>();
  for (const key of ['payments', 'votingDecisions'] as const) {
    const a = before[key] as readonly { member: string }[];
    const b = after[key] as readonly { member: string }[];
    if (a === b) continue;
    // The common prefix (a payment appended, the last one undone) costs no set of 300,000 objects.
    let i = 0;
    const n = Math.min(a.length, b.length);
    while (i < n && a[i] === b[i]) i++;
    if (i === n) {
      for (let j = n; j < a.length; j++) touched.add(a[j].member);
      for (let j = n; j < b.length; j++) touched.add(b[j].member);
      continue;
    }
    const inA = new Set(a.slice(i));
    const inB = new Set(b.slice(i));
    for (const x of inA) if (!inB.has(x)) touched.add(x.member);
    for (const x of inB) if (!inA.has(x)) touched.add(x.member);
  }
  return touched;
}

export interface StatusView<Line = unknown> {
  report: StatusReport;
  /** The rows as the caller shows them (`lineOf` of each row, in order). */
  lines: Line[];
  /** Members recomputed for this version (all, after a full recompute). */
  recomputed: number;
}

function counts(rows: readonly StatusRow[]): Record<VotingStatus, number> {
  const c: Record<VotingStatus, number> = { ok: 0, 'in arrears': 0, 'no vote': 0, 'vote kept by decision': 0 };
  for (const r of rows) c[r.status]++;
  return c;
}

/**
 * `lineOf` turns a row into the lines shown (the app: shared/export's rowStatusLines); the engine stays below the
 * export layer, so it is given, not imported.
 */
export class LedgerState<Line = unknown> {
  private wb: Workbook | undefined;
  private bookOf: VotingStatusBook | undefined;
  /** Lines of a row, kept with it: an unchanged member keeps the same line objects (the grid skips them). */
  private readonly lines = new WeakMap<StatusRow, Line[]>();
  private last: { wb: Workbook; asOf: string; view: StatusView<Line>; byMember: Map<string, StatusRow> } | undefined;

  constructor(private readonly lineOf: (row: StatusRow) => Line[] = () => []) {}

  private linesOf(r: StatusRow): Line[] {
    let l = this.lines.get(r);
    if (!l) this.lines.set(r, (l = this.lineOf(r)));
    return l;
  }

  /** The ledger and status book of this workbook version (built once per version). */
  book(wb: Workbook): VotingStatusBook {
    if (this.wb !== wb || !this.bookOf) {
      this.wb = wb;
      this.bookOf = new VotingStatusBook(wb);
    }
    return this.bookOf;
  }

  /** R16–R18 and Art. 11(5) on `asOf`: every member, or only those a payment or decision touched since last time. */
  status(wb: Workbook, asOf: string): StatusView<Line> {
    const last = this.last;
    if (last && last.wb === wb && last.asOf === asOf) return last.view;
    const book = this.book(wb);
    let rows: StatusRow[];
    let byMember: Map<string, StatusRow>;
    let recomputed: number;
    if (last && last.asOf === asOf && TABLE_PARTS.every((k) => last.wb[k] === wb[k])) {
      const touched = touchedMembers(last.wb, wb);
      byMember = new Map(last.byMember);
      for (const code of touched) {
        const m = wb.members.find((x) => x.code === code);
        const row = m && book.memberRow(m, asOf);
        if (row) byMember.set(code, row);
        else byMember.delete(code);
      }
      rows = [];
      for (const m of wb.members) {
        const r = byMember.get(m.code);
        if (r) rows.push(r);
      }
      recomputed = touched.size;
    } else {
      rows = book.organizationReport(asOf).rows;
      byMember = new Map(rows.map((r) => [r.code, r]));
      recomputed = rows.length;
    }
    const report: StatusReport = { date: asOf, budget: null, budgetName: null, rows, counts: counts(rows) };
    if (wb.settings.votingTest === 'combined') report.votingTest = 'combined';
    const view: StatusView<Line> = { report, lines: rows.flatMap((r) => this.linesOf(r)), recomputed };
    this.last = { wb, asOf, view, byMember };
    return view;
  }
}
