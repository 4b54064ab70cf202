import { msg, type Message, type MessageValues } from '../i18n/intl';
import { deriveScale, type DerivedScale, type ScaleMember } from '../engine/scale';
import { isAssessed } from '../engine/membership';
import { budgetLevel, budgetYears, levelEntry } from '../engine/years';
import { messageOf } from '../engine/messages';
import { Holdings } from '../model/classes';
import { Decimal, decimalPlaces, isWholeMultiple } from '../model/decimal';
import { isRate } from '../model/fields';
import { readNumbers, type Tabular, type TabularProblem } from '../model/tabular';
import type { BaseScale, Budget, BudgetYear, Problem, Workbook, YearScale } from '../model/types';
import { validateWorkbook } from '../model/validate';
import { changedParts as changed, problem, refuse, type Outcome, type Refused } from './command';
import { slugId } from './budgets';
import type { Refusal } from './import-preview';

// R21–R22 scales of assessment as commands, one undoable step each: base scales added, renamed, removed and their
// rates replaced from an imported or pasted table (all or nothing, R25); a budget year's derivation settings; the
// year's credit. A command never leaves a budget year that cannot be derived: what the settings cannot meet is
// refused on the field that causes it, in words.

/** Every message of these commands: catalog area `scales`, ids `scales.edit.*`. */
const S = (id: string, values?: MessageValues): Message => msg(`scales.edit.${id}`, values);
const messages = {
  needsName: () => S('needsName'),
  nameTaken: (name: string) => S('nameTaken', { name }),
  nothingChanged: () => S('nothingChanged'),
  noScale: (scale: string) => S('noScale', { scale }),
  addLabel: (name: string) => S('addLabel', { name }),
  renameLabel: (from: string, to: string) => S('renameLabel', { from, to }),
  sourceLabel: (name: string) => S('sourceLabel', { name }),
  removeLabel: (name: string) => S('removeLabel', { name }),
  inUse: (name: string, uses: string) => S('inUse', { name, uses }),
  ratesLabel: (name: string, count: number) => S('ratesLabel', { name, count }),
  noRows: () => S('noRows'),
  sameRates: () => S('sameRates'),
  rowField: (at: Message, field: string, reason: Message | string): Message =>
    typeof reason === 'string'
      ? { ...S('rowField', { field, reason }), parts: { at } }
      : { ...S('rowField', { field }), parts: { at, reason } },
  rowAt: (unit: string, n: number) => S('rowAt', { unit, n }),
  noColumn: (column: string) => S('noColumn', { column }),
  columnTwice: (column: string) => S('columnTwice', { column }),
  columnSpelled: (got: string, want: string) => S('columnSpelled', { got, want }),
  unread: (columns: string) => S('unread', { columns }),
  emptyCode: () => S('emptyCode'),
  codeTwice: (code: string, at: string) => S('codeTwice', { code, at }),
  notRate: (text: string) => S('notRate', { text }),
  readerSaid: (text: string) => S('readerSaid', { text }),
  breaksYear: (budget: string, year: number, reason: Message | string) =>
    typeof reason === 'string'
      ? S('breaksYear', { budget, year: String(year), reason })
      : { ...S('breaksYear', { budget, year: String(year) }), parts: { reason } },
  fixedNowOnBase: (member: string, scale: string) => S('fixedNowOnBase', { member, scale }),
  noBudget: (budget: string) => S('noBudget', { budget }),
  notScale: (budget: string) => S('notScale', { budget }),
  noYear: (budget: string, year: number) => S('noYear', { budget, year: String(year) }),
  figure: (text: string) => S('figure', { text }),
  decimals: (text: string) => S('decimals', { text }),
  rounding: () => S('rounding'),
  tooManyDecimals: (text: string, decimals: number) => S('tooManyDecimals', { text, decimals }),
  floorAboveCeiling: (floor: string, ceiling: string) => S('floorAboveCeiling', { floor, ceiling }),
  ceilingTooLow: (ceiling: string, count: number, most: string, share: string) =>
    S('ceilingTooLow', { ceiling, count, most, share }),
  floorTooHigh: (floor: string, count: number, least: string, share: string) =>
    S('floorTooHigh', { floor, count, least, share }),
  noMember: (member: string) => S('noMember', { member }),
  fixedTwice: (member: string) => S('fixedTwice', { member }),
  fixedOnBase: (member: string, rate: string) => S('fixedOnBase', { member, rate }),
  fixedDecimals: (member: string, decimals: number) => S('fixedDecimals', { member, decimals }),
  fixedAboveCeiling: (member: string, ceiling: string) => S('fixedAboveCeiling', { member, ceiling }),
  fixedBelowFloor: (member: string, floor: string) => S('fixedBelowFloor', { member, floor }),
  fixedOver100: (sum: string) => S('fixedOver100', { sum }),
  notOnBase: (members: string, count: number) => S('notOnBase', { members, count }),
  cannotDerive: (reason: Message | string) =>
    typeof reason === 'string' ? S('cannotDerive', { reason }) : { ...S('cannotDerive'), parts: { reason } },
  sameSettings: () => S('sameSettings'),
  settingsLabel: (budget: string, year: number) => S('settingsLabel', { budget, year: String(year) }),
  credit: (text: string) => S('credit', { text }),
  creditWhole: (unit: string) => S('creditWhole', { unit }),
  creditOver: (amount: string) => S('creditOver', { amount }),
  sameCredit: () => S('sameCredit'),
  noCredit: (budget: string, year: number) => S('noCredit', { budget, year: String(year) }),
  creditLabel: (budget: string, year: number, amount: string) =>
    S('creditLabel', { budget, year: String(year), amount }),
  clearCreditLabel: (budget: string, year: number) => S('clearCreditLabel', { budget, year: String(year) }),
};

/** "30.000" → "30": a figure as short as it is exact. */
const short = (v: string) => (v.includes('.') ? v.replace(/\.?0+$/, '') : v);

function cleanName(name: string): string | null {
  const n = name.trim().replace(/\s+/g, ' ');
  return n === '' || n.length > 120 ? null : n;
}
const scaleOf = (wb: Workbook, id: string) => (wb.baseScales ?? []).find((s) => s.id === id);
const withScales = (wb: Workbook, scales: BaseScale[]): Workbook => {
  const out: Workbook = { ...wb };
  if (scales.length > 0) out.baseScales = scales;
  else delete out.baseScales;
  return out;
};

/** The budget years (the entries) that derive their rates from base scale `id`. */
function usesOf(wb: Workbook, id: string): { budget: Budget; years: number[] }[] {
  const out: { budget: Budget; years: number[] }[] = [];
  for (const b of wb.budgets) {
    const years = b.years.filter((y) => y.scale?.baseScale === id).map((y) => y.year);
    if (years.length > 0) out.push({ budget: b, years });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Base scales.

/** R21 a new base scale, without rates yet (they are imported or pasted). */
export function addBaseScale(wb: Workbook, a: { name: string; source?: string }): Outcome {
  const name = cleanName(a.name);
  if (!name) return refuse('name', messages.needsName());
  const scales = wb.baseScales ?? [];
  if (scales.some((s) => s.name.toLowerCase() === name.toLowerCase())) return refuse('name', messages.nameTaken(name));
  const id = slugId(name, new Set(scales.map((s) => s.id)), 'scale');
  const source = a.source?.trim();
  const scale: BaseScale = { id, name, ...(source ? { source } : {}), rates: [] };
  return changed(messages.addLabel(name), wb, withScales(wb, [...scales, scale]), ['baseScales']);
}

/** A base scale's name and, when given, its source ('' clears it). The id stays: budget years name it. */
export function renameBaseScale(wb: Workbook, a: { scale: string; name: string; source?: string }): Outcome {
  const s = scaleOf(wb, a.scale);
  if (!s) return refuse('scale', messages.noScale(a.scale));
  const name = cleanName(a.name);
  if (!name) return refuse('name', messages.needsName());
  if ((wb.baseScales ?? []).some((x) => x.id !== s.id && x.name.toLowerCase() === name.toLowerCase()))
    return refuse('name', messages.nameTaken(name));
  const source = a.source === undefined ? s.source : a.source.trim() || undefined;
  if (name === s.name && source === s.source) return refuse('name', messages.nothingChanged());
  const next: BaseScale = { id: s.id, name, ...(source !== undefined ? { source } : {}), rates: s.rates };
  const label = name !== s.name ? messages.renameLabel(s.name, name) : messages.sourceLabel(name);
  return changed(
    label,
    wb,
    withScales(
      wb,
      (wb.baseScales ?? []).map((x) => (x.id === s.id ? next : x)),
    ),
    ['baseScales'],
  );
}

/** Removes a base scale no budget year derives from (the years that do are named). */
export function removeBaseScale(wb: Workbook, a: { scale: string }): Outcome {
  const s = scaleOf(wb, a.scale);
  if (!s) return refuse('scale', messages.noScale(a.scale));
  const uses = usesOf(wb, s.id).map((u) => `${u.budget.name} ${u.years.join(', ')}`);
  // R14 a scenario whose derivation names it too: the file would no longer open without it.
  for (const sc of wb.scenarios ?? [])
    for (const o of sc.overrides)
      if (o.kind === 'derivation' && o.scale.baseScale === s.id)
        uses.push(`“${sc.name}”: ${wb.budgets.find((b) => b.id === o.budget)?.name ?? o.budget} ${o.year}`);
  if (uses.length > 0) return refuse('scale', messages.inUse(s.name, uses.join('; ')));
  return changed(
    messages.removeLabel(s.name),
    wb,
    withScales(
      wb,
      (wb.baseScales ?? []).filter((x) => x.id !== s.id),
    ),
    ['baseScales'],
  );
}

/** One rate of a base scale as read from a file or a paste; `at` names where ("line 4", "row 4"). */
export interface BaseScaleRow {
  at: string;
  code: string;
  name: string;
  rate: string;
}

export interface BaseScaleRead {
  rows: BaseScaleRow[];
  /** Rows and header refused, by `at` (the header's own line when a column is missing). */
  problems: Problem[];
  /** Said though nothing is refused: the encoding read, columns not read. */
  notices: Message[];
}

const COLUMNS = ['code', 'name', 'rate'] as const;
/** "row 4" / "line 4" in the language. */
const atMsg = (at: string): Message => {
  const m = /^(line|row) (\d+)$/.exec(at);
  return m ? messages.rowAt(m[1], Number(m[2])) : msg('scales.edit.text', { text: at });
};
const rowProblem = (at: string, field: string, reason: Message | string): Problem =>
  problem(
    at,
    field
      ? messages.rowField(atMsg(at), field, reason)
      : { ...messages.rowField(atMsg(at), field, reason), id: 'scales.edit.rowReason' },
  );

/**
 * R25 a base scale from a table read by the shared reader (a CSV/TSV file, an XLSX sheet, a paste): the columns
 * code, name (optional) and rate found by their header (case-blind); without a header (`headerless`, a paste of
 * two or three columns), code[, name], rate. Rates read as numbers (decimal commas where the delimiter is not a
 * comma); codes unique. Every problem names its line (or row) and field.
 */
export function baseScaleRows(t: Tabular, opts: { headerless?: boolean } = {}): BaseScaleRead {
  const at = (line: number) => `${t.unit} ${line}`;
  const problems: Problem[] = t.problems.map((p: TabularProblem) =>
    rowProblem(at(p.line), p.field ?? '', p.msg ?? messages.readerSaid(p.message)),
  );
  // The reader's notices as data when it gives them (issue 11), else its words.
  const notices: Message[] = t.noticeMsgs ?? t.notices.map((n) => messages.readerSaid(n));
  if (t.rows.length === 0)
    return { rows: [], problems: problems.length ? problems : [problem(at(1), messages.noRows())], notices };
  const col = new Map<string, number>();
  let first = 1;
  if (opts.headerless) {
    first = 0;
    const width = t.rows[0].cells.length;
    col.set('code', 0);
    if (width >= 3) col.set('name', 1);
    col.set('rate', width >= 3 ? 2 : 1);
  } else {
    const head = t.rows[0];
    const header = head.cells.map((h) => h.trim().toLowerCase());
    const squash = (h: string) => h.replace(/[^a-z]/g, '');
    for (const c of COLUMNS) {
      const i = header.indexOf(c);
      if (i >= 0 && header.indexOf(c, i + 1) >= 0) problems.push(problem(at(head.line), messages.columnTwice(c)));
      if (i >= 0) col.set(c, i);
    }
    // "Rate %" or "Code:" for rate, code: refused naming the column, never left unread in silence.
    header.forEach((h, i) => {
      const meant = COLUMNS.find((k) => k !== h && squash(h).startsWith(k) && !col.has(k));
      if (meant) problems.push(problem(at(head.line), messages.columnSpelled(head.cells[i], meant)));
    });
    for (const c of ['code', 'rate'] as const)
      if (!col.has(c) && !problems.some((p) => p.msg?.values?.want === c))
        problems.push(problem(at(head.line), messages.noColumn(c)));
    if (problems.some((p) => p.path === at(head.line))) return { rows: [], problems, notices };
    const unread = head.cells.filter((c, i) => c !== '' && ![...col.values()].includes(i));
    if (unread.length > 0) notices.push(messages.unread(unread.map((c) => `“${c}”`).join(', ')));
  }
  const read = readNumbers(t, [col.get('rate')!], { header: !opts.headerless });
  const numberProblems = read.problems.slice(t.problems.length);
  for (const p of numberProblems)
    problems.push(rowProblem(at(p.line), p.field ?? 'rate', p.msg ?? messages.readerSaid(p.message)));
  const refusedLines = new Set(read.problems.map((p) => p.line));
  const rows: BaseScaleRow[] = [];
  const seen = new Map<string, string>();
  for (const { line, cells } of read.rows.slice(first)) {
    const get = (c: string) => (col.has(c) ? (cells[col.get(c)!] ?? '').trim() : '');
    const where = at(line);
    const code = get('code');
    if (code === '') {
      problems.push(rowProblem(where, 'code', messages.emptyCode()));
      continue;
    }
    if (seen.has(code)) problems.push(rowProblem(where, 'code', messages.codeTwice(code, seen.get(code)!)));
    else seen.set(code, where);
    const rate = get('rate');
    if (!isRate(rate)) {
      if (!refusedLines.has(line)) problems.push(rowProblem(where, 'rate', messages.notRate(rate)));
      continue;
    }
    rows.push({ at: where, code, name: get('name'), rate });
  }
  return { rows, problems, notices };
}

/** What replacing a base scale's rates will change (R25: shown before anything changes). */
export interface BaseScalePreview {
  added: BaseScaleRow[];
  changed: (BaseScaleRow & { from: { name: string; rate: string } })[];
  removed: { code: string; name: string; rate: string }[];
  unchanged: number;
  refused: Refusal[];
  /** What it would break in the budget years deriving from this scale (also refusals). */
  breaks: Refusal[];
  /** All or nothing: true only when nothing is refused and something changes. */
  canApply: boolean;
}

function ratesOf(rows: readonly BaseScaleRow[]): BaseScale['rates'] {
  return rows.map((r) => ({ code: r.code, ...(r.name ? { name: r.name } : {}), rate: r.rate }));
}

/** R21 each budget year deriving from `scale` still derives with `rates` (a fixed rate for a member now on it is not). */
function breaksOf(wb: Workbook, scale: BaseScale, rates: BaseScale['rates']): Problem[] {
  const out: Problem[] = [];
  const on = new Set(rates.map((r) => r.code));
  const next = withScales(
    wb,
    (wb.baseScales ?? []).map((x) => (x.id === scale.id ? { ...x, rates } : x)),
  );
  for (const { budget, years } of usesOf(wb, scale.id)) {
    for (const y of years) {
      const entry = budget.years.find((e) => e.year === y)!;
      const clash = (entry.scale!.fixedRates ?? []).find((f) => on.has(f.member));
      if (clash) {
        out.push(
          problem('rates', messages.breaksYear(budget.name, y, messages.fixedNowOnBase(clash.member, scale.name))),
        );
        continue;
      }
      const r = checkYearScale(next, { budget: budget.id, year: y, settings: entry.scale! });
      if (!r.ok)
        out.push(problem('rates', messages.breaksYear(budget.name, y, r.problems[0].msg ?? r.problems[0].message)));
    }
  }
  return out;
}

export function baseScalePreview(
  wb: Workbook,
  scale: string,
  read: Pick<BaseScaleRead, 'rows' | 'problems'>,
): BaseScalePreview {
  const s = scaleOf(wb, scale);
  const old = new Map((s?.rates ?? []).map((r) => [r.code, r]));
  const added: BaseScalePreview['added'] = [];
  const chg: BaseScalePreview['changed'] = [];
  let unchanged = 0;
  const codes = new Set<string>();
  for (const r of read.rows) {
    codes.add(r.code);
    const o = old.get(r.code);
    if (!o) added.push(r);
    else if (o.rate !== r.rate || (o.name ?? '') !== r.name)
      chg.push({ ...r, from: { name: o.name ?? '', rate: o.rate } });
    else unchanged++;
  }
  const removed = (s?.rates ?? [])
    .filter((r) => !codes.has(r.code))
    .map((r) => ({ code: r.code, name: r.name ?? '', rate: r.rate }));
  const refusal = (p: Problem): Refusal => ({ at: p.path, message: p.message, ...(p.msg ? { msg: p.msg } : {}) });
  const refused = read.problems.map(refusal);
  const order = (s?.rates ?? []).map((r) => r.code).join('\n') !== read.rows.map((r) => r.code).join('\n');
  const changes = added.length + chg.length + removed.length > 0 || order;
  const breaks = s && refused.length === 0 && changes ? breaksOf(wb, s, ratesOf(read.rows)).map(refusal) : [];
  return {
    added,
    changed: chg,
    removed,
    unchanged,
    refused,
    breaks,
    canApply: Boolean(s) && refused.length === 0 && breaks.length === 0 && read.rows.length > 0 && changes,
  };
}

/**
 * R21/R25 a base scale's rates replaced by the rows read (in their order), all or nothing: any refused row refuses
 * the whole, each named by its line or row and field; so does a budget year the new rates could not derive.
 */
export function replaceBaseScaleRates(
  wb: Workbook,
  a: { scale: string; rows: readonly BaseScaleRow[]; problems?: readonly Problem[] },
): Outcome {
  const s = scaleOf(wb, a.scale);
  if (!s) return refuse('scale', messages.noScale(a.scale));
  const problems: Problem[] = [...(a.problems ?? [])];
  // Rows given by a caller are checked again: the command is the gate.
  const seen = new Map<string, string>();
  for (const r of a.rows) {
    if (r.code.trim() === '') problems.push(rowProblem(r.at, 'code', messages.emptyCode()));
    else if (seen.has(r.code)) problems.push(rowProblem(r.at, 'code', messages.codeTwice(r.code, seen.get(r.code)!)));
    else seen.set(r.code, r.at);
    if (!isRate(r.rate)) problems.push(rowProblem(r.at, 'rate', messages.notRate(r.rate)));
  }
  if (problems.length > 0) return { ok: false, problems };
  if (a.rows.length === 0) return refuse('rates', messages.noRows());
  const rates = ratesOf(a.rows);
  if (JSON.stringify(rates) === JSON.stringify(s.rates)) return refuse('rates', messages.sameRates());
  const breaks = breaksOf(wb, s, rates);
  if (breaks.length > 0) return { ok: false, problems: breaks };
  const after = withScales(
    wb,
    (wb.baseScales ?? []).map((x) => (x.id === s.id ? { ...x, rates } : x)),
  );
  // R14 R21 a scenario deriving from this scale (a fixed rate for a state now on it…) must still hold, or the saved
  // file would not open again: its problems, which name the scenario and the change, refuse the new rates.
  if (wb.scenarios.some((sc) => sc.overrides.some((o) => o.kind === 'derivation' && o.scale.baseScale === s.id))) {
    const broken = validateWorkbook(after).filter((p) => p.path.startsWith('scenarios'));
    if (broken.length > 0) return { ok: false, problems: broken.map((p) => ({ ...p, path: 'rates' })) };
  }
  return changed(messages.ratesLabel(s.name, rates.length), wb, after, ['baseScales']);
}

// ---------------------------------------------------------------------------------------------------------------
// A budget year's derivation settings.

/** R8/R12 the members a budget assesses in a year (the derivation's members), in workbook order. */
export function scaleMembersOf(wb: Workbook, budget: Budget, year: number): { code: string; name: string }[] {
  const holdings = new Holdings(wb);
  const out: { code: string; name: string }[] = [];
  for (const m of wb.members) {
    const p = holdings.participation(budget.id, m.code);
    if (!p) continue;
    const until =
      p.until === undefined
        ? m.withdrew
        : m.withdrew === undefined
          ? p.until
          : p.until < m.withdrew
            ? p.until
            : m.withdrew;
    if (isAssessed(year, p.from, until)) out.push({ code: m.code, name: m.name });
  }
  return out;
}

/** The engine's reason, as a Message when it has one. */
const reasonOf = (e: unknown): Message | string => messageOf(e) ?? (e instanceof Error ? e.message : String(e));

/** R21 the rates of `year` derived with `settings`, or the engine's reason (no field checks: see checkYearScale). */
function derive(
  wb: Workbook,
  budget: Budget,
  year: number,
  settings: YearScale,
): { ok: true; scale: DerivedScale } | { ok: false; reason: Message | string } {
  const base = scaleOf(wb, settings.baseScale);
  if (!base) return { ok: false, reason: messages.noScale(settings.baseScale) };
  const fixed = new Map((settings.fixedRates ?? []).map((f) => [f.member, f.rate]));
  const members: ScaleMember[] = scaleMembersOf(wb, budget, year).map((m) =>
    fixed.has(m.code) ? { ...m, fixedRate: fixed.get(m.code)! } : m,
  );
  try {
    const { excludeBelow, ceiling, floor, decimals, rounding } = settings;
    return { ok: true, scale: deriveScale(base.rates, members, { excludeBelow, ceiling, floor, decimals, rounding }) };
  } catch (e) {
    return { ok: false, reason: reasonOf(e) };
  }
}

export type DraftResult = { ok: true; scale: DerivedScale } | { ok: false; problems: Problem[] };

/**
 * R21 the settings of a budget year checked field by field, then the derivation they give for `year`'s members:
 * what the app previews while the user types, and what setYearScale applies. Each problem's path is its field
 * (baseScale, excludeBelow, ceiling, floor, decimals, rounding, fixedRates[k], fixedRates, scale), so the display
 * puts it next to that field; infeasible bounds are refused on the bound, saying what it can hold.
 */
export function checkYearScale(wb: Workbook, a: { budget: string; year: number; settings: YearScale }): DraftResult {
  const b = wb.budgets.find((x) => x.id === a.budget);
  if (!b) return { ok: false, problems: [problem('budget', messages.noBudget(a.budget))] };
  const s = tidy(a.settings);
  const out: Problem[] = [];
  const base = scaleOf(wb, s.baseScale);
  if (!base) out.push(problem('baseScale', messages.noScale(s.baseScale)));
  const d = s.decimals;
  const dOk = Number.isInteger(d) && d >= 0 && d <= 12;
  if (!dOk) out.push(problem('decimals', messages.decimals(String(d))));
  if (s.rounding !== 'half-up' && s.rounding !== 'largest-remainder')
    out.push(problem('rounding', messages.rounding()));
  for (const k of ['excludeBelow', 'ceiling', 'floor'] as const) {
    const v = s[k];
    if (v === undefined) continue;
    if (!isRate(v)) out.push(problem(k, messages.figure(v)));
    else if (k !== 'excludeBelow' && dOk && decimalPlaces(short(v)) > d)
      out.push(problem(k, messages.tooManyDecimals(v, d)));
  }
  const C = isRate(s.ceiling) ? new Decimal(s.ceiling) : undefined;
  const F = isRate(s.floor) ? new Decimal(s.floor) : undefined;
  if (C && F && F.gt(C) && !out.some((p) => p.path === 'floor'))
    out.push(problem('floor', messages.floorAboveCeiling(s.floor!, s.ceiling!)));
  const onBase = new Map((base?.rates ?? []).map((r) => [r.code, r.rate]));
  const seen = new Set<string>();
  let sumFixed = new Decimal(0);
  (s.fixedRates ?? []).forEach((f, k) => {
    const path = `fixedRates[${k}]`;
    if (!wb.members.some((m) => m.code === f.member)) return out.push(problem(path, messages.noMember(f.member)));
    if (seen.has(f.member)) return out.push(problem(path, messages.fixedTwice(f.member)));
    seen.add(f.member);
    if (onBase.has(f.member)) return out.push(problem(path, messages.fixedOnBase(f.member, onBase.get(f.member)!)));
    if (!isRate(f.rate)) return out.push(problem(path, messages.figure(f.rate)));
    if (dOk && decimalPlaces(short(f.rate)) > d) return out.push(problem(path, messages.fixedDecimals(f.member, d)));
    if (C && new Decimal(f.rate).gt(C))
      return out.push(problem(path, messages.fixedAboveCeiling(f.member, s.ceiling!)));
    if (F && new Decimal(f.rate).lt(F)) return out.push(problem(path, messages.fixedBelowFloor(f.member, s.floor!)));
    sumFixed = sumFixed.plus(f.rate);
  });
  if (sumFixed.gt(100)) out.push(problem('fixedRates', messages.fixedOver100(sumFixed.toFixed())));
  const members = scaleMembersOf(wb, b, a.year);
  if (base) {
    const missing = members.filter((m) => !onBase.has(m.code) && !seen.has(m.code)).map((m) => m.code);
    if (missing.length > 0) out.push(problem('fixedRates', messages.notOnBase(missing.join(', '), missing.length)));
  }
  if (out.length > 0) return { ok: false, problems: out };

  // R21 feasibility of the bounds, said on the bound: n members at no fixed rate and not excluded share 100 − Σ fixed.
  const T0 = s.excludeBelow !== undefined ? new Decimal(s.excludeBelow) : undefined;
  const free = members.filter((m) => !seen.has(m.code) && !(T0 && new Decimal(onBase.get(m.code)!).lt(T0))).length;
  const share = new Decimal(100).minus(sumFixed);
  if (free > 0 && C && C.times(free).lt(share))
    out.push(problem('ceiling', messages.ceilingTooLow(s.ceiling!, free, C.times(free).toFixed(), share.toFixed())));
  if (free > 0 && F && F.times(free).gt(share))
    out.push(problem('floor', messages.floorTooHigh(s.floor!, free, F.times(free).toFixed(), share.toFixed())));
  if (out.length > 0) return { ok: false, problems: out };
  const r = derive(wb, b, a.year, s);
  return r.ok ? r : { ok: false, problems: [problem('scale', messages.cannotDerive(r.reason))] };
}

/** The settings as stored: optional figures absent rather than empty, fixed rates only when there are some. */
function tidy(s: YearScale): YearScale {
  const out: YearScale = { baseScale: s.baseScale, decimals: s.decimals, rounding: s.rounding };
  if (s.fixedRates && s.fixedRates.length > 0)
    out.fixedRates = s.fixedRates.map((f) => ({ member: f.member, rate: f.rate }));
  for (const k of ['excludeBelow', 'ceiling', 'floor'] as const) if (s[k] !== undefined && s[k] !== '') out[k] = s[k];
  // The stored order of keys, so that an unchanged setting compares equal.
  const { baseScale, fixedRates, excludeBelow, ceiling, floor, decimals, rounding } = out;
  return JSON.parse(
    JSON.stringify({ baseScale, fixedRates, excludeBelow, ceiling, floor, decimals, rounding }),
  ) as YearScale;
}

/** The years whose derivation and credit come from the entry of `entryYear` (R10 carried over, R23 biennium). */
function yearsOfEntry(b: Budget, entryYear: number): number[] {
  const last = Math.max(...b.years.map((y) => y.year), ...(b.biennia ?? []).flatMap((x) => x.years));
  return budgetYears(b, last).filter((y) => {
    try {
      return levelEntry(b, y)?.year === entryYear;
    } catch {
      return false;
    }
  });
}

const withYear = (wb: Workbook, b: Budget, year: number, entry: BudgetYear): Workbook => ({
  ...wb,
  budgets: wb.budgets.map((x) =>
    x.id === b.id ? { ...x, years: x.years.map((y) => (y.year === year ? entry : y)) } : x,
  ),
});

function entryOf(
  wb: Workbook,
  budget: string,
  year: number,
): { ok: true; b: Budget; entry: BudgetYear } | { ok: false; outcome: Refused } {
  const b = wb.budgets.find((x) => x.id === budget);
  if (!b) return { ok: false, outcome: refuse('budget', messages.noBudget(budget)) };
  const entry = b.years.find((y) => y.year === year);
  if (!entry) return { ok: false, outcome: refuse('year', messages.noYear(b.name, year)) };
  return { ok: true, b, entry };
}

/**
 * R21 a budget year's derivation settings (base scale, exclusion threshold, ceiling, floor, decimals, rounding,
 * fixed rates), one undoable step. Refused on the field at fault when they cannot be met for this year or for a
 * year that takes its settings from it.
 */
export function setYearScale(wb: Workbook, a: { budget: string; year: number; settings: YearScale }): Outcome {
  const e = entryOf(wb, a.budget, a.year);
  if (!e.ok) return e.outcome;
  const { b, entry } = e;
  const scheme = wb.schemes.find((s) => s.id === b.schemeId);
  if (scheme?.kind !== 'scale') return refuse('budget', messages.notScale(b.name));
  const settings = tidy(a.settings);
  if (entry.scale && JSON.stringify(tidy(entry.scale)) === JSON.stringify(settings))
    return refuse('scale', messages.sameSettings());
  const next = withYear(wb, b, a.year, { ...entry, scale: settings });
  const nb = next.budgets.find((x) => x.id === b.id)!;
  for (const y of [a.year, ...yearsOfEntry(nb, a.year).filter((y) => y !== a.year)]) {
    const r = checkYearScale(next, { budget: b.id, year: y, settings });
    if (!r.ok)
      return {
        ok: false,
        problems:
          y === a.year
            ? r.problems
            : r.problems.map((p) => problem(p.path, messages.breaksYear(b.name, y, p.msg ?? p.message))),
      };
  }
  return changed(messages.settingsLabel(b.name, a.year), wb, next, ['budgets']);
}

// ---------------------------------------------------------------------------------------------------------------
// The year's credit (R22).

/**
 * R22 the credit beside a year's gross: a total (a whole number of the rounding unit, not above the gross total) for
 * a total year, a value per unit (not above the unit value) for a unit-value year.
 */
export function setYearCredit(wb: Workbook, a: { budget: string; year: number; credit: string }): Outcome {
  const e = entryOf(wb, a.budget, a.year);
  if (!e.ok) return e.outcome;
  const { b, entry } = e;
  const credit = a.credit.trim();
  if (!isRate(credit)) return refuse('credit', messages.credit(a.credit));
  if (entry.method === 'total' && !isWholeMultiple(credit, b.roundingUnit))
    return refuse('credit', messages.creditWhole(b.roundingUnit));
  let level: string | undefined;
  try {
    level = budgetLevel(b, a.year).amount;
  } catch {
    level = entry.amount;
  }
  if (level !== undefined && new Decimal(credit).gt(level)) return refuse('credit', messages.creditOver(level));
  if (entry.credit !== undefined && new Decimal(entry.credit).eq(credit))
    return refuse('credit', messages.sameCredit());
  return changed(messages.creditLabel(b.name, a.year, credit), wb, withYear(wb, b, a.year, { ...entry, credit }), [
    'budgets',
  ]);
}

/** R22 the year has no credit: members pay the gross. */
export function clearYearCredit(wb: Workbook, a: { budget: string; year: number }): Outcome {
  const e = entryOf(wb, a.budget, a.year);
  if (!e.ok) return e.outcome;
  const { b, entry } = e;
  if (entry.credit === undefined) return refuse('credit', messages.noCredit(b.name, a.year));
  const next: BudgetYear = { ...entry };
  delete next.credit;
  return changed(messages.clearCreditLabel(b.name, a.year), wb, withYear(wb, b, a.year, next), ['budgets']);
}
