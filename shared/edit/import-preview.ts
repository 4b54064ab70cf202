import { Decimal } from '../model/decimal';
import type { MembersRead } from '../model/members-csv';
import { readNumbers, type Tabular } from '../model/tabular';
import type { ClassHolding, Payment, Problem, Workbook } from '../model/types';
import type { Message } from '../i18n/intl';
import { problem, type Outcome } from './command';
import { importMembers, type MemberRow } from './commands';
import { debitMessage, importPayments, type PaymentMapping, type PaymentRowsArgs } from './ledger';
import { atMsg } from './messages';

// R25 an import shows what it will change before it changes anything: the rows it adds, the rows it changes (old →
// new, a rename flagged: a member's name is its name in every budget) and the rows it refuses, with the reason.
// It applies all or nothing, as one undoable step: `canApply` is false while any row is refused.

export interface Refusal {
  /** "line 4" (a text file) or "row 4" (a sheet). */
  at: string;
  message: string;
  /** The message as data (issue 11), when it has one. */
  msg?: Message;
}

export interface MemberAdded {
  at: string;
  code: string;
  name: string;
  /** The class (or weight) held from 1 January of the year. */
  value: string;
}

export interface MemberChanged {
  at: string;
  code: string;
  /** The name the member has now (the new one when renamed). */
  name: string;
  /** A rename changes the member's name in every budget. */
  rename?: { from: string; to: string };
  /** The class (or weight) in this budget from the year; `from` null = the member joins the budget. */
  holding?: { from: string | null; to: string };
}

export interface MembersPreview {
  added: MemberAdded[];
  changed: MemberChanged[];
  /** Rows read that change nothing. */
  unchanged: number;
  refused: Refusal[];
  /** All or nothing (R25): true only when no row is refused and something changes. */
  canApply: boolean;
}

export interface MembersImportArgs {
  budget: string;
  year: number;
  rows: MemberRow[];
  /** What the file reader refused, by `at`: those rows are left out of the command and shown as refused. */
  problems?: Problem[];
  /** Existing members keep their names (a file in another language would rename them all). */
  keepNames?: boolean;
}

/** A members file as read (R25) as the rows and problems of an import: "line 4" in a CSV, "row 4" in a sheet. */
export function membersImportRows(read: MembersRead): { rows: MemberRow[]; problems: Problem[] } {
  const at = (line: number) => `${read.unit} ${line}`;
  return {
    rows: read.members.map((m) => ({ at: at(m.line), code: m.code, name: m.name, value: m.class ?? m.weight ?? '' })),
    problems: read.problems.map((p) => problem(at(p.line), readProblem(at(p.line), p))),
  };
}

/** "line 4, weight: …" — what a file reader refused on a line (its reason in English unless it gives a Message). */
function readProblem(at: string, p: { field?: string; message: string; msg?: Message }): Message {
  const reason = p.msg ? { parts: { reason: p.msg } } : { values: { reason: p.message } };
  return p.field
    ? {
        id: 'engine.edit.read.lineField',
        values: { field: p.field, ...reason.values },
        parts: { at: atMsg(at), ...reason.parts },
      }
    : { id: 'engine.edit.rowProblem', values: reason.values, parts: { at: atMsg(at), ...reason.parts } };
}

/** The holding in force in `year` (the last one from that year or before). */
function holdingIn(classes: readonly ClassHolding[], year: number): string | null {
  let found: ClassHolding | undefined;
  for (const c of classes) if (c.year <= year && (!found || c.year >= found.year)) found = c;
  return found ? (found.class ?? found.weight ?? null) : null;
}

/** The rows and problems the members command is given: refused rows are not passed on, kept names are blanked. */
function membersCommandArgs(wb: Workbook, a: MembersImportArgs) {
  const refusedAt = new Set((a.problems ?? []).map((p) => p.path));
  const codes = new Set(wb.members.map((m) => m.code));
  const rows = a.rows
    .filter((r) => !refusedAt.has(r.at))
    .map((r) => (a.keepNames && codes.has(r.code) ? { ...r, name: '' } : r));
  return { budget: a.budget, year: a.year, rows, problems: a.problems ?? [] };
}

/** The members import as one step (what "Apply" runs): the same rows the preview showed. */
export function applyMembersImport(wb: Workbook, a: MembersImportArgs): Outcome {
  return importMembers(wb, membersCommandArgs(wb, a));
}

const problemText = (m: Message) => {
  const p = problem('', m);
  return { message: p.message, msg: m };
};

/** Refusals in file order ("line 12" after "line 9"), whichever check made them. */
const refusals = (problems: readonly Problem[]): Refusal[] => {
  const n = (at: string) => Number(/\d+/.exec(at)?.[0] ?? 0);
  return problems
    .map((p) => ({ at: p.path, message: p.message, ...(p.msg ? { msg: p.msg } : {}) }))
    .sort((a, b) => n(a.at) - n(b.at));
};

/** What importing these rows would add, change and refuse; nothing is changed. */
export function previewMembersImport(wb: Workbook, a: MembersImportArgs): MembersPreview {
  const o = applyMembersImport(wb, a);
  if (!o.ok) return { added: [], changed: [], unchanged: 0, refused: refusals(o.problems), canApply: false };
  const after = o.workbook;
  const refusedAt = new Set(o.problems.map((p) => p.path));
  const before = new Map(wb.members.map((m) => [m.code, m]));
  const now = new Map(after.members.map((m) => [m.code, m]));
  const heldBefore = new Map(wb.participations.filter((p) => p.budget === a.budget).map((p) => [p.member, p]));
  const heldAfter = new Map(after.participations.filter((p) => p.budget === a.budget).map((p) => [p.member, p]));
  const preview: MembersPreview = {
    added: [],
    changed: [],
    unchanged: 0,
    refused: refusals(o.problems),
    canApply: false,
  };
  for (const r of a.rows) {
    if (refusedAt.has(r.at)) continue;
    const m = now.get(r.code);
    if (!m) continue;
    const to = holdingIn(heldAfter.get(r.code)?.classes ?? [], a.year);
    const old = before.get(r.code);
    if (!old) {
      preview.added.push({ at: r.at, code: r.code, name: m.name, value: to ?? '' });
      continue;
    }
    const p = heldBefore.get(r.code);
    const from = p ? holdingIn(p.classes, a.year) : null;
    const change: MemberChanged = { at: r.at, code: r.code, name: m.name };
    if (old.name !== m.name) change.rename = { from: old.name, to: m.name };
    if (to !== null && (!p || from !== to)) change.holding = { from, to };
    if (change.rename || change.holding) preview.changed.push(change);
    else preview.unchanged++;
  }
  preview.canApply = preview.refused.length === 0 && preview.added.length + preview.changed.length > 0;
  return preview;
}

export interface PaymentAdded extends Payment {
  /** The statement's row it comes from ("row 4"). */
  at: string;
  /** A payment already recorded with the same member, date and amount: the statement may have been imported before. */
  sameAs?: string;
}

export interface PaymentsPreview {
  added: PaymentAdded[];
  refused: Refusal[];
  /** Rows that are not payments received (debits): left out, and listed as such. */
  leftOut: Refusal[];
  canApply: boolean;
}

/** What importing these statement rows would record (payments are only ever added) and refuse. */
export function previewPaymentsImport(wb: Workbook, a: PaymentRowsArgs, leftOut: Refusal[] = []): PaymentsPreview {
  const o = importPayments(wb, a);
  if (!o.ok) return { added: [], refused: refusals(o.problems), leftOut, canApply: false };
  const key = (p: Payment) => `${p.member}\u0000${p.date}\u0000${new Decimal(p.amount).toFixed()}`;
  const known = new Map(wb.payments.map((p) => [key(p), p.id]));
  // importPayments records the rows it reads in order, so the n-th payment is the n-th row neither blank nor refused.
  const refusedAt = new Set(o.problems.map((p) => p.path));
  const from: string[] = [];
  for (let r = a.firstRow ?? 0; r < a.rows.length; r++) {
    if (a.rows[r].some((c) => c.trim() !== '') && !refusedAt.has(`row ${r + 1}`)) from.push(`row ${r + 1}`);
  }
  const added = o.workbook.payments.slice(wb.payments.length).map((p, i): PaymentAdded => {
    const same = known.get(key(p));
    return { ...p, at: from[i] ?? '', ...(same ? { sameAs: same } : {}) };
  });
  const refused = refusals(o.problems);
  return { added, refused, leftOut, canApply: refused.length === 0 && added.length > 0 };
}

/**
 * A statement as read (R25) as the rows of a payments import: the amount column read as numbers (decimal commas
 * where the delimiter is not a comma; two readings refused), rows placed at their line (or sheet row) so "row N"
 * is where the user finds it, a refused row left blank so that it is not imported as well. Debits (a minus or
 * brackets) are not payments received: they are left out, and listed as left out.
 */
export function statementImport(
  t: Tabular,
  mapping: PaymentMapping,
  header: boolean,
  verb: string,
): { args: PaymentRowsArgs; leftOut: Refusal[] } {
  const read = mapping.amount === undefined ? t : readNumbers(t, [mapping.amount], { header });
  const refused = new Set(read.problems.map((p) => p.line));
  const rows: string[][] = [];
  const leftOut: Refusal[] = [];
  for (const [k, r] of read.rows.entries()) {
    const amount = mapping.amount === undefined ? '' : (r.cells[mapping.amount] ?? '').trim();
    const debit = (k > 0 || !header) && /^[-(]/.test(amount);
    if (debit) leftOut.push({ at: `row ${r.line}`, ...problemText(debitMessage(amount)) });
    rows[r.line - 1] = refused.has(r.line) || debit ? [] : r.cells;
  }
  const first = read.rows[0]?.line ?? 1;
  return {
    args: {
      rows: Array.from(rows, (r) => r ?? []),
      mapping,
      firstRow: header ? first : first - 1,
      verb,
      problems: read.problems.map((p) => problem(`row ${p.line}`, readProblem(`row ${p.line}`, p))),
    },
    leftOut,
  };
}
