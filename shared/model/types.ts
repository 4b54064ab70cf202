// The workbook file, format version 2 (docs/workbook-format.md). Every amount and every unit count is a decimal
// string (R3). Version 1 files open unchanged: they are read as version 2 in memory and written as version 2 only
// when the user saves.

import type { Message } from '../i18n/intl';
import type { Liquidity } from './liquidity';

export const WORKBOOK_FORMAT = 'contribution-calculator-workbook';
export const WORKBOOK_VERSION = 2;

/** A decimal written as a string: "45579", "0.03125", "1000000.00". */
export type Dec = string;
/** A calendar date written as YYYY-MM-DD. */
export type IsoDate = string;

export type RoundingMode = 'half-up' | 'half-even';
/** R12: how the year of accession is assessed. */
export type NewMemberRule = 'full' | 'months' | 'days';
/** R15: order in which a payment is credited. */
export type CreditingOrder = 'wcf-then-oldest' | 'oldest-first';

export interface Workbook {
  format: typeof WORKBOOK_FORMAT;
  version: typeof WORKBOOK_VERSION;
  organization: Organization;
  settings: Settings;
  schemes: Scheme[];
  members: Member[];
  budgets: Budget[];
  participations: Participation[];
  classChanges: ClassChange[];
  // Filled by the ledger and scenario work; kept as data so a file round-trips unchanged.
  payments: Payment[];
  wcfDecisions: WcfDecision[];
  advanceAgreements: AdvanceAgreement[];
  votingDecisions: VotingDecision[];
  scenarios: Scenario[];
  /** R17a (version 2) what members owed from before the first year of data; empty in a version 1 file. */
  openingBalances: OpeningBalance[];
  /** R21 (version 2, optional) base scales budgets derive their rates from; absent = none. */
  baseScales?: BaseScale[];
  /** R24 (version 2, optional) cash on 1 January, spending plans, expected-date overrides; absent = none. */
  liquidity?: Liquidity;
  /** Issue 16 (optional) who changed what, one entry per step (shared/merge/journal.ts); absent = kept none. */
  journal?: JournalEntry[];
}

/** One step applied to the workbook: who, when, and the records it touched. Written once, never changed. */
export interface JournalEntry {
  /** Time, machine and a random part: two people writing at once never get the same id (unlike serial numbers). */
  id: string;
  /** ISO time the step was applied. */
  at: string;
  user: string;
  machine: string;
  /** The step's own label, in the domain's words: "Record payment pay-0013: FR 45579 CHF on 2026-02-01" (English). */
  summary: string;
  /**
   * The label as data (issue 11), so each reader sees it in their language; absent in entries written before it was
   * kept, or when the label has no message: `summary` is shown then.
   */
  summaryMsg?: Message;
  /** What the step added, changed or removed, as merge paths (`payments[pay-0013]`); a whole list past RECORDS_MAX. */
  records: string[];
}

/** R21 a base scale as printed (e.g. the UN scale 2025–2027): member code → rate in percent. */
export interface BaseScale {
  id: string;
  name: string;
  /** Where it was published (a resolution, a document symbol). */
  source?: string;
  rates: { code: string; name?: string; rate: Dec }[];
}

/** R21 how a budget's rates for a year are derived from a base scale. */
export interface YearScale {
  baseScale: string;
  /** Members not on the base scale, at a fixed rate. */
  fixedRates?: { member: string; rate: Dec }[];
  excludeBelow?: Dec;
  ceiling?: Dec;
  floor?: Dec;
  decimals: number;
  rounding: 'half-up' | 'largest-remainder';
}

/** R23 a budget adopted for two years with one figure; `split` when the decision gives each year's figure. */
export interface BudgetBiennium {
  years: [number, number];
  amount: Dec;
  split?: [Dec, Dec];
}

export interface Organization {
  name: string;
  description?: string;
}

export interface Settings {
  /** R12, default 'full'. */
  newMemberRule: NewMemberRule;
  /** R15, default 'wcf-then-oldest'. */
  creditingOrder: CreditingOrder;
  /** R17b (version 2) absent = 'per-budget' (WIPO Art. 11(5)); 'combined' = UN Charter Art. 19 practice. */
  votingTest?: VotingTest;
  /** R22 (version 2) what the R17 threshold compares with where a budget carries a credit; absent = 'gross'. */
  thresholdOn?: 'gross' | 'net';
}

/** R17b how the loss-of-vote test is applied. */
export type VotingTest = 'per-budget' | 'combined';

/**
 * R17a what a member still owed in a budget for a year before the budget's first year of data. `assessed` counts
 * in the R17 threshold; `unpaid` is owed and credited like any contribution (R15).
 */
export interface OpeningBalance {
  member: string;
  budget: string;
  year: number;
  assessed: Dec;
  unpaid: Dec;
  reference?: string;
}

/** R1 a class scheme (classes with units) or R2 a scale (each member carries its own weight). */
export type Scheme = ClassScheme | ScaleScheme;

export interface ClassScheme {
  id: string;
  name: string;
  kind: 'classes';
  classes: SchemeClass[];
}

export interface SchemeClass {
  code: string;
  units: Dec;
}

export interface ScaleScheme {
  id: string;
  name: string;
  kind: 'scale';
  /**
   * R21–R23 the weights are percentage rates entered by hand, meant to sum to 100: a sum that misses is shown and
   * warned about (the shares are still assessed on rate / sum). Absent = plain weights. Optional in every version.
   */
  percent?: boolean;
}

export interface Member {
  /** ISO 3166 alpha-2 or the organization's own code; unique. */
  code: string;
  name: string;
  /** Date the state joined the Organization (informational; each budget has its own dates). */
  joined?: IsoDate;
  withdrew?: IsoDate;
}

export interface Budget {
  id: string;
  name: string;
  schemeId: string;
  currency: string;
  /** R9 the amount every share is rounded to, e.g. "0.01" or "1". */
  roundingUnit: Dec;
  rounding: RoundingMode;
  /** R11 a special union whose members hold, by default, the class they hold in this budget (the Paris Union). */
  classesFrom?: string;
  years: BudgetYear[];
  /** R23 (version 2) two-year budgets; a year a biennium covers takes its figure from it. */
  biennia?: BudgetBiennium[];
}

/** R4 a total apportioned by units, or R7 a fixed value per unit. */
export type BudgetMethod = 'total' | 'unit-value';

export interface BudgetYear {
  year: number;
  method: BudgetMethod;
  /** The total or the unit value; not needed when the year was not adopted (R10). */
  amount?: Dec;
  /** R10 false: the budget was not adopted before the year began, so the previous year's level applies. */
  adopted: boolean;
  /** R21 (version 2) the rates are derived from a base scale (the budget's scheme is a scale). */
  scale?: YearScale;
  /** R22 (version 2) the credit beside the gross: a total for a total, a value per unit for a unit value. */
  credit?: Dec;
}

/** A member's part in one budget: when it takes part and which class (or weight) it holds. */
export interface Participation {
  member: string;
  budget: string;
  /** Date of accession to this union; absent = from the beginning. */
  from?: IsoDate;
  /** Date it ceased to take part (withdrawal took effect); absent = still a member. */
  until?: IsoDate;
  /** Class (or, for a scale, weight) held from 1 January of `year` on. Empty under R11 = the linked class. */
  classes: ClassHolding[];
}

export interface ClassHolding {
  year: number;
  class?: string;
  weight?: Dec;
}

/** R13 a notice of a change of class. */
export interface ClassChange {
  id: string;
  member: string;
  budget: string;
  toClass: string;
  /** Date the state gave notice. */
  notifiedOn: IsoDate;
  /** For a move to a lower class: the ordinary session at which it was announced. */
  sessionDate?: IsoDate;
  /** For a move to a higher class: the year the state names. */
  requestedYear?: number;
}

/** R15 a payment received from a member. */
export interface Payment {
  id: string;
  member: string;
  date: IsoDate;
  amount: Dec;
  /** Must be the currency of the budgets it is credited to. */
  currency: string;
  /** Marked for this budget: credited to it only. */
  budget?: string;
  /** Marked for this year: credited to that year's contribution (or WCF share) only. */
  year?: number;
  /** 'wcf' = the working capital fund only; 'contribution' = contributions only; absent = R15 crediting order. */
  purpose?: 'contribution' | 'wcf';
  reference?: string;
}

/** R19 a decision establishing or increasing a budget's working capital fund. */
export interface WcfDecision {
  id: string;
  budget: string;
  year: number;
  /** Exactly one: a proportion of that year's contribution (each share rounded by R9), or an amount apportioned by R5. */
  proportion?: Dec;
  amount?: Dec;
  /** The shares fall due on 1 January of `year`, or on this date if it is later. */
  decidedOn?: IsoDate;
  reference?: string;
}

/** R20 an agreement under which the host state grants advances. */
export interface AdvanceAgreement {
  id: string;
  /** Member code of the host state. */
  hostState: string;
  ceiling: Dec;
  currency: string;
  conditions?: string;
  signedOn?: IsoDate;
  movements: AdvanceMovement[];
  /** R20 the obligation ends three years after the end of the year of notification. */
  denunciation?: { by: 'host-state' | 'organization'; notifiedOn: IsoDate; reference?: string };
}

export interface AdvanceMovement {
  date: IsoDate;
  kind: 'drawn' | 'repaid';
  amount: Dec;
  reference?: string;
}

/** R17 a body found the delay due to exceptional and unavoidable circumstances: the member keeps its vote. */
export interface VotingDecision {
  id: string;
  member: string;
  /** Absent = every budget. */
  budget?: string;
  body: string;
  /** Date of the decision; it counts from then on. */
  date: IsoDate;
  reference: string;
  /** The period it covers, both days included; no `to` = until revoked. */
  from: IsoDate;
  to?: IsoDate;
}

/** R14 a named copy of the assumptions: the baseline plus these overrides. It never changes the baseline. */
export interface Scenario {
  id: string;
  name: string;
  overrides: ScenarioOverride[];
}

export type ScenarioOverride =
  /** The member holds `class` (or, in a scale, `weight`) in the budget from 1 January of `fromYear`. */
  | { kind: 'class'; member: string; budget: string; fromYear: number; class?: string; weight?: Dec }
  /** The budget's total or unit value for a year (adopted). */
  | { kind: 'level'; budget: string; year: number; method: BudgetMethod; amount: Dec }
  /** A state joins a budget on `from` holding `class`; added to the members when it is not one. */
  | { kind: 'join'; member: string; name?: string; budget: string; from: IsoDate; class?: string; weight?: Dec }
  /** A member leaves a budget on `until`. */
  | { kind: 'leave'; member: string; budget: string; until: IsoDate }
  /** A class of a scheme counts `units` units. */
  | { kind: 'units'; scheme: string; class: string; units: Dec }
  /** R21 the budget's rates for `year` derived with these settings (base scale, bounds, rounding…) instead. */
  | { kind: 'derivation'; budget: string; year: number; scale: YearScale };

/** A problem found in input: where it is and what is wrong, in words a budget officer understands. */
export interface Problem {
  path: string;
  message: string;
  /** The message as data (issue 11), when it has been given one: `message` is its English text. */
  msg?: Message;
  /** A warning (workbookWarnings) never stops a file from opening or computing; absent = an error. */
  severity?: 'warning';
}
