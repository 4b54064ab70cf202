import { isIsoDate, obligationEnds } from '../model/dates';
import { isCurrency, isPositiveDecimal } from '../model/fields';
import { decimalPlaces, isWholeMultiple, toScaledBigInt } from '../model/decimal';
import type {
  AdvanceAgreement,
  AdvanceMovement,
  Budget,
  Payment,
  Problem,
  VotingDecision,
  WcfDecision,
  Workbook,
} from '../model/types';
import type { Message } from '../i18n/intl';
import { problem, refuse, type Outcome, changedParts as changed } from './command';
import { parseAmountInput } from './input';
import { clipboardEmpty, E, noBudget, noRowsToRead, notInBudget, notMember, said, withReason } from './messages';
import { parseTsv } from './tsv';

// R15–R20 ledger edits as commands: payments, voting decisions, WCF decisions, host-state advances. Like the other
// commands, each checks its input (refusing it with a message for the field) and its inverse puts back the lists
// it replaced. Amounts are read as decimal strings (R3), never through a JS number.

/** @deprecated the field vocabulary's isCurrency (shared/model/fields.ts) says it; kept for other callers. */
export const CURRENCY_RE = /^[A-Z]{3}$/;

/** A statement row that is a debit (a minus or brackets): not a payment received. */
export const debitMessage = (text: string): Message => E('import.debit', { text });
/** "Paste", or the words the caller gave (already in the user's language): the first word of the step's label. */
const verbMessage = (verb: string): Message => (verb === 'Paste' ? E('import.paste') : E('text', { text: verb }));

/** A fresh id "prefix-0001" after the highest number used with that prefix. */
function nextId(ids: Iterable<string>, prefix: string, count = 1): string[] {
  let max = 0;
  const re = new RegExp(`^${prefix}-(\\d+)$`);
  for (const id of ids) {
    const m = re.exec(id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(max + 1 + i).padStart(4, '0')}`);
}

/** A date typed as YYYY-MM-DD, or as a bank statement writes it: DD.MM.YYYY or DD/MM/YYYY (day first). */
export function readDate(text: string): string | undefined {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

// --- R15 payments ----------------------------------------------------------------------------------------------

/** A payment as typed or read from a statement: every field a string; empty = not given. */
export interface PaymentInput {
  member: string;
  date: string;
  amount: string;
  currency?: string;
  budget?: string;
  year?: string;
  purpose?: string;
  reference?: string;
}

export const PAYMENT_FIELDS = [
  'member',
  'date',
  'amount',
  'currency',
  'budget',
  'year',
  'purpose',
  'reference',
] as const;
export type PaymentField = (typeof PAYMENT_FIELDS)[number];

/** The fields of a recorded payment as text (for editing one of them). */
export function paymentInput(p: Payment): Required<PaymentInput> {
  return {
    member: p.member,
    date: p.date,
    amount: p.amount,
    currency: p.currency,
    budget: p.budget ?? '',
    year: p.year === undefined ? '' : String(p.year),
    purpose: p.purpose ?? '',
    reference: p.reference ?? '',
  };
}

/** Lookups over a workbook reused for many rows (a paste or an import of a whole statement). */
class PaymentReader {
  private readonly codes = new Map<string, string>();
  private readonly budgets = new Map<string, Budget>();
  private readonly taking = new Set<string>();
  private readonly budgetsOf = new Map<string, Budget[]>();

  constructor(private readonly wb: Workbook) {
    for (const m of wb.members) {
      this.codes.set(m.code, m.code);
      if (!this.codes.has(m.code.toLowerCase())) this.codes.set(m.code.toLowerCase(), m.code);
      if (!this.codes.has(m.name.toLowerCase())) this.codes.set(m.name.toLowerCase(), m.code);
    }
    for (const b of wb.budgets) {
      this.budgets.set(b.id, b);
      if (!this.budgets.has(b.name.toLowerCase())) this.budgets.set(b.name.toLowerCase(), b);
    }
    const byId = new Map(wb.budgets.map((b) => [b.id, b]));
    for (const p of wb.participations) {
      this.taking.add(`${p.member}\u0000${p.budget}`);
      const b = byId.get(p.budget);
      if (b) this.budgetsOf.set(p.member, [...(this.budgetsOf.get(p.member) ?? []), b]);
    }
  }

  /** The payment, or the problems keyed by field (the cell to show them at). */
  read(input: PaymentInput, id: string, current?: Payment): Payment | Problem[] {
    const problems: Problem[] = [];
    const bad = (path: PaymentField, message: string | Message) => problems.push(problem(path, message));
    const m = input.member.trim();
    const member = this.codes.get(m) ?? this.codes.get(m.toLowerCase());
    if (m === '') bad('member', E('payment.needsMember'));
    else if (!member) bad('member', E('payment.notMember', { text: m }));

    const date = readDate(input.date);
    if (input.date.trim() === '') bad('date', E('payment.needsDate'));
    else if (!date) bad('date', E('payment.notDate', { text: input.date.trim() }));

    const budgetText = (input.budget ?? '').trim();
    const budget =
      budgetText === '' ? undefined : (this.budgets.get(budgetText) ?? this.budgets.get(budgetText.toLowerCase()));
    if (budgetText !== '' && !budget)
      bad(
        'budget',
        E('payment.notBudget', {
          text: budgetText,
          budgets: [...new Set(this.wb.budgets.map((b) => b.id))].join(', '),
        }),
      );
    else if (budget && member && !this.taking.has(`${member}\u0000${budget.id}`))
      bad('budget', E('payment.notInBudget', { member, budget: budget.name }));

    const mine = member ? (this.budgetsOf.get(member) ?? []) : [];
    // Cents are accepted in any currency; more decimals than any budget keeps would be a typing slip.
    const places = Math.max(2, ...mine.map((b) => decimalPlaces(b.roundingUnit)));
    const amount = parseAmountInput(input.amount, current?.amount, {
      places,
      what: E('field.amount'),
      it: E('field.amountIt'),
      hint: E('field.hintPayment'),
    });
    if (!amount.ok) bad('amount', said(amount));

    const curText = (input.currency ?? '').trim().toUpperCase();
    const currency = curText !== '' ? curText : (budget?.currency ?? mine[0]?.currency);
    if (!currency) bad('currency', E('payment.needsCurrency'));
    else if (!isCurrency(currency)) bad('currency', E('notCurrency', { text: curText }));
    else if (budget && budget.currency !== currency)
      bad('currency', E('payment.otherCurrency', { budget: budget.name, budgetCurrency: budget.currency, currency }));
    else if (!budget && mine.length > 0 && !mine.some((b) => b.currency === currency))
      bad('currency', E('payment.noBudgetInCurrency', { member: member ?? '', currency }));

    const yearText = (input.year ?? '').trim();
    const year = yearText === '' ? undefined : Number(yearText);
    if (year !== undefined && !(/^\d{4}$/.test(yearText) && year >= 1900 && year <= 2200))
      bad('year', E('notYear', { text: yearText }));

    const purposeText = (input.purpose ?? '').trim().toLowerCase();
    const purpose =
      purposeText === ''
        ? undefined
        : /^(wcf|working capital fund)$/.test(purposeText)
          ? 'wcf'
          : /^contributions?$/.test(purposeText)
            ? 'contribution'
            : null;
    if (purpose === null) bad('purpose', E('payment.notPurpose', { text: input.purpose?.trim() ?? '' }));

    if (problems.length > 0) return problems;
    const p: Payment = {
      id,
      member: member!,
      date: date!,
      amount: (amount as { value: string }).value,
      currency: currency!,
    };
    if (budget) p.budget = budget.id;
    if (year !== undefined) p.year = year;
    if (purpose) p.purpose = purpose;
    const ref = (input.reference ?? '').trim();
    if (ref !== '') p.reference = ref;
    return p;
  }
}

const describe = (id: string, p: Payment) => ({
  id,
  member: p.member,
  amount: p.amount,
  currency: p.currency,
  date: p.date,
});

/** R15 records a payment received from a member. */
export function recordPayment(wb: Workbook, input: PaymentInput): Outcome {
  const [id] = nextId(
    wb.payments.map((p) => p.id),
    'pay',
  );
  const p = new PaymentReader(wb).read(input, id);
  if (Array.isArray(p)) return { ok: false, problems: p };
  return changed(E('payment.recordLabel', describe(id, p)), wb, { ...wb, payments: [...wb.payments, p] }, ['payments']);
}

/** Changes one field of a recorded payment; an amount may be adjusted exactly with =+500 / =-500. */
export function editPayment(wb: Workbook, id: string, field: PaymentField, value: string): Outcome {
  const i = wb.payments.findIndex((p) => p.id === id);
  if (i < 0) return refuse('id', E('payment.none', { id }));
  const old = wb.payments[i];
  const p = new PaymentReader(wb).read({ ...paymentInput(old), [field]: value }, id, old);
  if (Array.isArray(p)) return { ok: false, problems: p };
  const payments = [...wb.payments];
  payments[i] = p;
  return changed(E('payment.editLabel', { id, field }), wb, { ...wb, payments }, ['payments']);
}

export function removePayment(wb: Workbook, id: string): Outcome {
  const p = wb.payments.find((x) => x.id === id);
  if (!p) return refuse('id', E('payment.none', { id }));
  return changed(
    E('payment.removeLabel', describe(id, p)),
    wb,
    { ...wb, payments: wb.payments.filter((x) => x !== p) },
    ['payments'],
  );
}

/** Which column of a statement holds each field (index from 0); member, date and amount are needed. */
export type PaymentMapping = Partial<Record<PaymentField, number>>;

const HEADER_NAMES: Record<PaymentField, string[]> = {
  member: ['member', 'code', 'state', 'member state', 'payer', 'country'],
  date: ['date', 'value date', 'booking date', 'received'],
  amount: ['amount', 'credit', 'paid', 'sum'],
  currency: ['currency', 'ccy', 'cur'],
  budget: ['budget', 'union'],
  year: ['year'],
  purpose: ['purpose', 'for'],
  reference: ['reference', 'ref', 'description', 'details', 'text', 'communication'],
};

/** A mapping guessed from a header row; undefined when the row does not look like a header. */
export function guessPaymentMapping(header: readonly string[]): PaymentMapping | undefined {
  const h = header.map((x) => x.trim().toLowerCase());
  const map: PaymentMapping = {};
  for (const f of PAYMENT_FIELDS) {
    const at = h.findIndex((x) => HEADER_NAMES[f].includes(x));
    if (at >= 0) map[f] = at;
  }
  return map.member !== undefined || map.amount !== undefined || map.date !== undefined ? map : undefined;
}

/** Columns in the order the payments grid shows them: what a copy from the grid or a plain sheet holds. */
export const DEFAULT_PAYMENT_MAPPING: PaymentMapping = {
  member: 0,
  date: 1,
  amount: 2,
  currency: 3,
  budget: 4,
  year: 5,
  purpose: 6,
  reference: 7,
};

export interface PaymentRowsArgs {
  rows: readonly (readonly string[])[];
  mapping: PaymentMapping;
  /** Rows before this one are headers (0 = none). */
  firstRow?: number;
  /** "Paste" or "Import statement.csv": the label of the step. */
  verb: string;
  /** Earlier problems (lines the file reader could not read), reported with the rest. */
  problems?: Problem[];
}

/**
 * R15 payments from rows (a paste or a bank statement) in one undoable step. Rows that cannot be read are reported
 * by row number and skipped; when none can be read, nothing changes.
 */
export function importPayments(wb: Workbook, a: PaymentRowsArgs): Outcome {
  const problems: Problem[] = [...(a.problems ?? [])];
  for (const f of ['member', 'date', 'amount'] as const) {
    if (a.mapping[f] === undefined) return refuse('mapping', E('import.chooseColumn', { field: f }));
  }
  const reader = new PaymentReader(wb);
  const first = a.firstRow ?? 0;
  const ids = nextId(
    wb.payments.map((p) => p.id),
    'pay',
    Math.max(0, a.rows.length - first),
  );
  const added: Payment[] = [];
  for (let r = first; r < a.rows.length; r++) {
    const row = a.rows[r];
    if (row.every((c) => c.trim() === '')) continue;
    const cell = (f: PaymentField) => (a.mapping[f] === undefined ? '' : (row[a.mapping[f]!] ?? ''));
    const input: PaymentInput = { member: cell('member'), date: cell('date'), amount: cell('amount') };
    for (const f of ['currency', 'budget', 'year', 'purpose', 'reference'] as const) input[f] = cell(f);
    // Statements write debits with a minus or in brackets: they are not payments received (and "-500" would read
    // as an adjustment).
    const debit = /^\s*[-(]/.test(input.amount);
    const p = debit ? [problem('amount', debitMessage(input.amount.trim()))] : reader.read(input, ids[added.length]);
    if (Array.isArray(p))
      problems.push(
        ...p.map((x) => problem(`row ${r + 1}`, withReason('import.rowField', { row: r + 1, field: x.path }, x))),
      );
    else added.push(p);
  }
  if (added.length === 0) return { ok: false, problems: problems.length ? problems : [problem('', noRowsToRead())] };
  const label = { ...E('import.label', { count: added.length }), parts: { verb: verbMessage(a.verb) } };
  return changed(label, wb, { ...wb, payments: [...wb.payments, ...added] }, ['payments'], problems);
}

/** Payments pasted from a spreadsheet (tab-separated): a header row may name the columns, else the grid's order. */
export function pastePayments(wb: Workbook, text: string): Outcome {
  const rows = parseTsv(text);
  if (rows.length === 0) return refuse('paste', clipboardEmpty());
  const guessed = guessPaymentMapping(rows[0]);
  return importPayments(wb, {
    rows,
    mapping: guessed ?? DEFAULT_PAYMENT_MAPPING,
    firstRow: guessed ? 1 : 0,
    verb: 'Paste',
  });
}

/**
 * Corrects a recorded decision by adding it anew without the old one (so `add` checks it as any new one), then
 * putting the result back under the old id and at the old place: one undoable step.
 */
function updateInPlace<K extends 'votingDecisions' | 'wcfDecisions'>(
  wb: Workbook,
  key: K,
  id: string,
  add: (w: Workbook) => Outcome,
): Outcome {
  const list: readonly { id: string }[] = wb[key];
  const i = list.findIndex((d) => d.id === id);
  if (i < 0) return refuse('id', E('decision.none', { what: key, id }));
  const o = add({ ...wb, [key]: list.filter((d) => d.id !== id) });
  if (!o.ok) return o;
  const next = [...list];
  next[i] = { ...(o.workbook[key] as readonly { id: string }[]).at(-1)!, id };
  return changed(E('decision.changeLabel', { what: key, id }), wb, { ...wb, [key]: next }, [key]);
}

// --- R17 voting decisions -----------------------------------------------------------------------------------------

export interface VotingDecisionArgs {
  member: string;
  /** Empty = every budget. */
  budget?: string;
  body: string;
  date: string;
  reference: string;
  /** Default: the date of the decision. */
  from?: string;
  to?: string;
}

/** R17 a body found the delay due to exceptional and unavoidable circumstances: the member keeps its vote. */
export function addVotingDecision(wb: Workbook, a: VotingDecisionArgs): Outcome {
  const member = a.member.trim();
  if (!wb.members.some((m) => m.code === member)) return refuse('member', notMember(a.member));
  const budget = a.budget?.trim() || undefined;
  if (budget !== undefined) {
    const b = wb.budgets.find((x) => x.id === budget);
    if (!b) return refuse('budget', noBudget(budget));
    if (!wb.participations.some((p) => p.member === member && p.budget === budget))
      return refuse('budget', notInBudget(member, b.name));
  }
  const body = a.body.trim();
  if (body === '') return refuse('body', E('voting.needsBody'));
  if (!isIsoDate(a.date)) return refuse('date', E('decision.date', { text: a.date }));
  const reference = a.reference.trim();
  if (reference === '') return refuse('reference', E('voting.needsReference'));
  const from = a.from?.trim() || a.date;
  if (!isIsoDate(from)) return refuse('from', E('voting.fromDate', { text: from }));
  const to = a.to?.trim() || undefined;
  if (to !== undefined && !isIsoDate(to)) return refuse('to', E('voting.toDate', { text: to }));
  if (to !== undefined && to < from) return refuse('to', E('voting.endsBefore', { to, from }));
  const [id] = nextId(
    wb.votingDecisions.map((d) => d.id),
    'vd',
  );
  const d: VotingDecision = { id, member, body, date: a.date, reference, from };
  if (budget !== undefined) d.budget = budget;
  if (to !== undefined) d.to = to;
  return changed(
    E('voting.addLabel', { id, member, body, date: a.date }),
    wb,
    { ...wb, votingDecisions: [...wb.votingDecisions, d] },
    ['votingDecisions'],
  );
}

/** A recorded R17 decision corrected in place: checked as a new one would be, keeping its id and place. */
export function updateVotingDecision(wb: Workbook, id: string, a: VotingDecisionArgs): Outcome {
  return updateInPlace(wb, 'votingDecisions', id, (w) => addVotingDecision(w, a));
}

export function removeVotingDecision(wb: Workbook, id: string): Outcome {
  if (!wb.votingDecisions.some((d) => d.id === id))
    return refuse('id', E('decision.none', { what: 'votingDecisions', id }));
  return changed(
    E('voting.removeLabel', { id }),
    wb,
    { ...wb, votingDecisions: wb.votingDecisions.filter((d) => d.id !== id) },
    ['votingDecisions'],
  );
}

// --- R19 working capital fund ----------------------------------------------------------------------------------

export interface WcfDecisionArgs {
  budget: string;
  year: number;
  /** Exactly one of: a proportion of that year's contribution, or an amount apportioned by R5. */
  proportion?: string;
  amount?: string;
  decidedOn?: string;
  reference?: string;
}

/** R19 a decision establishing or increasing a budget's working capital fund. */
export function addWcfDecision(wb: Workbook, a: WcfDecisionArgs): Outcome {
  const b = wb.budgets.find((x) => x.id === a.budget);
  if (!b) return refuse('budget', noBudget(a.budget));
  if (!Number.isInteger(a.year) || a.year < 1900 || a.year > 2200)
    return refuse('year', E('notYear', { text: String(a.year) }));
  const first = Math.min(...b.years.map((y) => y.year));
  if (b.years.length === 0 || a.year < first)
    return refuse('year', E('wcf.noContributions', { budget: b.name, year: a.year }));
  const proportion = a.proportion?.trim() || undefined;
  const amountText = a.amount?.trim() || undefined;
  if ((proportion === undefined) === (amountText === undefined)) return refuse('amount', E('wcf.oneOf'));
  const d: WcfDecision = { id: '', budget: b.id, year: a.year };
  if (proportion !== undefined) {
    if (!isPositiveDecimal(proportion)) return refuse('proportion', E('wcf.notProportion', { text: proportion }));
    d.proportion = proportion;
  } else {
    const read = parseAmountInput(amountText!, undefined, { what: E('field.amount'), it: E('field.amountIt') });
    if (!read.ok) return refuse('amount', said(read));
    const amount = read.value;
    if (!isWholeMultiple(amount, b.roundingUnit))
      return refuse('amount', E('wcf.notWhole', { budget: b.name, unitAmount: b.roundingUnit }));
    d.amount = amount;
  }
  const decidedOn = a.decidedOn?.trim() || undefined;
  if (decidedOn !== undefined) {
    if (!isIsoDate(decidedOn)) return refuse('decidedOn', E('decision.date', { text: decidedOn }));
    d.decidedOn = decidedOn;
  }
  const reference = a.reference?.trim();
  if (reference) d.reference = reference;
  [d.id] = nextId(
    wb.wcfDecisions.map((x) => x.id),
    `wcf-${b.id}`,
  );
  return changed(E('wcf.addLabel', { id: d.id }), wb, { ...wb, wcfDecisions: [...wb.wcfDecisions, d] }, [
    'wcfDecisions',
  ]);
}

/** A recorded R19 decision corrected in place: checked as a new one would be, keeping its id and place. */
export function updateWcfDecision(wb: Workbook, id: string, a: WcfDecisionArgs): Outcome {
  return updateInPlace(wb, 'wcfDecisions', id, (w) => addWcfDecision(w, a));
}

export function removeWcfDecision(wb: Workbook, id: string): Outcome {
  if (!wb.wcfDecisions.some((d) => d.id === id)) return refuse('id', E('decision.none', { what: 'wcfDecisions', id }));
  return changed(
    E('wcf.removeLabel', { id }),
    wb,
    { ...wb, wcfDecisions: wb.wcfDecisions.filter((d) => d.id !== id) },
    ['wcfDecisions'],
  );
}

// --- R20 host-state advances -------------------------------------------------------------------------------------

export interface AdvanceAgreementArgs {
  hostState: string;
  ceiling: string;
  currency: string;
  conditions?: string;
  signedOn?: string;
}

/** R20 an agreement under which the host state grants advances. */
export function addAdvanceAgreement(wb: Workbook, a: AdvanceAgreementArgs): Outcome {
  const host = a.hostState.trim();
  if (!wb.members.some((m) => m.code === host)) return refuse('hostState', notMember(a.hostState));
  const ceiling = parseAmountInput(a.ceiling, undefined, { what: E('field.ceiling'), it: E('field.ceilingIt') });
  if (!ceiling.ok) return refuse('ceiling', said(ceiling));
  const currency = a.currency.trim().toUpperCase();
  if (!isCurrency(currency)) return refuse('currency', E('notCurrency', { text: a.currency }));
  const signedOn = a.signedOn?.trim() || undefined;
  if (signedOn !== undefined && !isIsoDate(signedOn))
    return refuse('signedOn', E('advance.signedDate', { text: signedOn }));
  const [id] = nextId(
    wb.advanceAgreements.map((x) => x.id),
    'advances',
  );
  const ag: AdvanceAgreement = { id, hostState: host, ceiling: ceiling.value, currency, movements: [] };
  const conditions = a.conditions?.trim();
  if (conditions) ag.conditions = conditions;
  if (signedOn) ag.signedOn = signedOn;
  return changed(E('advance.addLabel', { id, host }), wb, { ...wb, advanceAgreements: [...wb.advanceAgreements, ag] }, [
    'advanceAgreements',
  ]);
}

/** R20 an agreement's movements in date order (ties in entry order), each with the balance outstanding after it, exactly. */
export function* outstandingAfter(
  ag: AdvanceAgreement,
): Generator<{ m: AdvanceMovement; outstanding: bigint; ceiling: bigint; places: number }> {
  const places = Math.max(decimalPlaces(ag.ceiling), ...ag.movements.map((m) => decimalPlaces(m.amount)));
  const ceiling = toScaledBigInt(ag.ceiling, places);
  let outstanding = 0n;
  const moves = ag.movements
    .map((m, j) => ({ m, j }))
    .sort((x, y) => (x.m.date < y.m.date ? -1 : x.m.date > y.m.date ? 1 : x.j - y.j));
  for (const { m } of moves) {
    outstanding += (m.kind === 'drawn' ? 1n : -1n) * toScaledBigInt(m.amount, places);
    yield { m, outstanding, ceiling, places };
  }
}

/** R20 the checks an agreement's movements must pass: within the agreement's life, balance between 0 and the ceiling. */
export function movementProblem(ag: AdvanceAgreement): Message | undefined {
  const ends = ag.denunciation ? obligationEnds(ag.denunciation.notifiedOn) : undefined;
  for (const { m, outstanding, ceiling } of outstandingAfter(ag)) {
    if (ag.signedOn && m.date < ag.signedOn) return E('advance.beforeSigned', { date: m.date, signedOn: ag.signedOn });
    if (m.kind === 'drawn' && ends && m.date > ends) return E('advance.afterEnd', { date: m.date, ends });
    if (outstanding < 0n) return E('advance.overRepaid', { amount: m.amount, date: m.date });
    if (outstanding > ceiling)
      return E('advance.overCeiling', { amount: m.amount, date: m.date, ceilingAmount: ag.ceiling });
  }
  return undefined;
}

function withAgreement(
  wb: Workbook,
  id: string,
  f: (a: AdvanceAgreement) => AdvanceAgreement | Message,
  label: Message,
  path: string,
): Outcome {
  const ag = wb.advanceAgreements.find((x) => x.id === id);
  if (!ag) return refuse('agreement', E('advance.none', { id }));
  const next = f(ag);
  if (!('hostState' in next)) return refuse(path, next);
  const problem = movementProblem(next);
  if (problem) return refuse(path, problem);
  return changed(label, wb, { ...wb, advanceAgreements: wb.advanceAgreements.map((x) => (x === ag ? next : x)) }, [
    'advanceAgreements',
  ]);
}

export interface AdvanceMovementArgs {
  agreement: string;
  date: string;
  kind: 'drawn' | 'repaid';
  amount: string;
  reference?: string;
}

/** R20 an advance drawn under an agreement, or repaid. */
export function recordAdvanceMovement(wb: Workbook, a: AdvanceMovementArgs): Outcome {
  const date = readDate(a.date);
  if (!date) return refuse('date', E('advance.notDate', { text: a.date }));
  if (a.kind !== 'drawn' && a.kind !== 'repaid') return refuse('kind', E('advance.kind'));
  const amount = parseAmountInput(a.amount, undefined, {
    what: E('field.amount'),
    it: E('field.amountIt'),
    hint: E('field.hintRepaid'),
  });
  if (!amount.ok) return refuse('amount', said(amount));
  const m: AdvanceMovement = { date, kind: a.kind, amount: amount.value };
  const ref = a.reference?.trim();
  if (ref) m.reference = ref;
  return withAgreement(
    wb,
    a.agreement,
    (ag) => ({ ...ag, movements: [...ag.movements, m] }),
    E('advance.moveLabel', { kind: a.kind, agreement: a.agreement, amount: amount.value, date }),
    'amount',
  );
}

export function removeAdvanceMovement(wb: Workbook, agreement: string, index: number): Outcome {
  return withAgreement(
    wb,
    agreement,
    (ag) =>
      index >= 0 && index < ag.movements.length
        ? { ...ag, movements: ag.movements.filter((_, i) => i !== index) }
        : E('advance.noMovement', { n: index + 1 }),
    E('advance.removeMoveLabel', { agreement }),
    'movement',
  );
}

export interface DenunciationArgs {
  agreement: string;
  by: 'host-state' | 'organization';
  notifiedOn: string;
  reference?: string;
}

/** R20 either party denounces the obligation; it ends three years after the end of the year of notification. */
export function setDenunciation(wb: Workbook, a: DenunciationArgs): Outcome {
  const notifiedOn = readDate(a.notifiedOn);
  if (!notifiedOn) return refuse('notifiedOn', E('advance.notDate', { text: a.notifiedOn }));
  if (a.by !== 'host-state' && a.by !== 'organization') return refuse('by', E('advance.by'));
  const denunciation: NonNullable<AdvanceAgreement['denunciation']> = { by: a.by, notifiedOn };
  const ref = a.reference?.trim();
  if (ref) denunciation.reference = ref;
  return withAgreement(
    wb,
    a.agreement,
    (ag) =>
      ag.signedOn && notifiedOn < ag.signedOn
        ? E('advance.denouncedBeforeSigned', { date: notifiedOn, signedOn: ag.signedOn })
        : { ...ag, denunciation },
    E('advance.denounceLabel', { agreement: a.agreement, date: notifiedOn, ends: obligationEnds(notifiedOn) }),
    'notifiedOn',
  );
}

/** R20 withdraws a denunciation entered by mistake. */
export function clearDenunciation(wb: Workbook, agreement: string): Outcome {
  return withAgreement(
    wb,
    agreement,
    (ag) => {
      if (!ag.denunciation) return E('advance.notDenounced', { agreement });
      const next = { ...ag };
      delete next.denunciation;
      return next;
    },
    E('advance.withdrawLabel', { agreement }),
    'notifiedOn',
  );
}
