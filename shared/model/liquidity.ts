import type { Dec, IsoDate } from './types';

// R24 the workbook's liquidity section (format version 2, optional: absent = no cash entered, the budget spread
// over the year, every member expected on its usual date). Validation is in validateLiquidity below.

export interface Liquidity {
  /** Cash on 1 January of a budget's year. */
  cash?: LiquidityCash[];
  /** A monthly spending plan replacing the budget spread over 12 month-ends. */
  spending?: SpendingPlan[];
  /** A member's expected payment date set by hand, or the member marked as not paying, for one year. */
  expected?: ExpectedOverride[];
}

export interface LiquidityCash {
  budget: string;
  year: number;
  /** Cash held on 1 January. */
  amount: Dec;
  /** The working capital fund's balance on 1 January when it differs from what members paid into it (R19). */
  wcf?: Dec;
}

export interface SpendingPlan {
  budget: string;
  year: number;
  /** What is spent at the end of each month, January to December: 12 amounts. */
  months: Dec[];
}

export interface ExpectedOverride {
  member: string;
  /** Absent = every budget the member takes part in. */
  budget?: string;
  year: number;
  /** The day its payment is expected, in `year`; exactly one of `date` and `notPaying`. */
  date?: IsoDate;
  notPaying?: true;
}
