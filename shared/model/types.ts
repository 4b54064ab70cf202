// The workbook file, format version 1. Every amount and every unit count is a decimal string (R3).

export const WORKBOOK_FORMAT = 'contribution-calculator-workbook';
export const WORKBOOK_VERSION = 1;

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

export interface Payment {
  id: string;
  member: string;
  date: IsoDate;
  amount: Dec;
  currency: string;
  budget?: string;
  year?: number;
  /** 'wcf' when the payment is marked for the working capital fund. */
  purpose?: 'contribution' | 'wcf';
  reference?: string;
}

export interface WcfDecision {
  id: string;
  budget: string;
  year: number;
  /** Either a proportion of that year's contribution, or an amount apportioned by R5. */
  proportion?: Dec;
  amount?: Dec;
  decidedOn?: IsoDate;
  reference?: string;
}

export interface AdvanceAgreement {
  id: string;
  hostState: string;
  ceiling: Dec;
  currency: string;
  conditions?: string;
  signedOn?: IsoDate;
  movements: AdvanceMovement[];
  denunciation?: { by: string; notifiedOn: IsoDate };
}

export interface AdvanceMovement {
  date: IsoDate;
  kind: 'drawn' | 'repaid';
  amount: Dec;
  reference?: string;
}

export interface VotingDecision {
  id: string;
  member: string;
  /** Absent = every budget. */
  budget?: string;
  body: string;
  date: IsoDate;
  reference: string;
  from: IsoDate;
  to?: IsoDate;
}

export interface Scenario {
  id: string;
  name: string;
  overrides: unknown[];
}

/** A problem found in input: where it is and what is wrong, in words a budget officer understands. */
export interface Problem {
  path: string;
  message: string;
}
