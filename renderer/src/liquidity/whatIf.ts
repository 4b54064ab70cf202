import type { LiquidityWhatIf } from '../../../shared/engine/liquidity';
import { isPercentage } from '../../../shared/model/fields';

// R24 the what-if fields as typed, read into a what-if (no React here, so Node tests read it too): a field that
// cannot be read says why (a catalog id) and is left out of the what-if.

export interface WhatIfForm {
  lateMember: string;
  lateMonths: string;
  largestCount: string;
  largestMonths: string;
  collect: string;
}

export const EMPTY_WHAT_IF: WhatIfForm = {
  lateMember: '',
  lateMonths: '',
  largestCount: '',
  largestMonths: '',
  collect: '',
};

export type WhatIfField = keyof WhatIfForm;
/** A refusal: the catalog id of its message (area liquidity). */
export type WhatIfErrors = Partial<Record<WhatIfField, string>>;

const months = (s: string): number | undefined =>
  /^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 120 ? Number(s) : undefined;

/** The what-if the fields ask for, and the fields that cannot be read (each left out). */
export function readWhatIf(f: WhatIfForm): { whatIf: LiquidityWhatIf; errors: WhatIfErrors } {
  const w: LiquidityWhatIf = {};
  const errors: WhatIfErrors = {};
  const lateMonths = f.lateMonths.trim();
  if (f.lateMember && lateMonths) {
    const n = months(lateMonths);
    if (n === undefined) errors.lateMonths = 'liquidity.whatIf.badMonths';
    else w.late = [{ member: f.lateMember, months: n }];
  }
  const k = f.largestCount.trim();
  const kn = f.largestMonths.trim();
  if (k || kn) {
    const n = months(kn);
    const count = /^\d{1,6}$/.test(k) && Number(k) >= 1 ? Number(k) : undefined;
    if (k && count === undefined) errors.largestCount = 'liquidity.whatIf.badCount';
    if (kn && n === undefined) errors.largestMonths = 'liquidity.whatIf.badMonths';
    if (count !== undefined && n !== undefined) w.lateLargest = { count, months: n };
  }
  // A decimal comma is a decimal point here: a percentage has no thousands.
  const p = f.collect.trim().replace(/\s*%$/, '').replace(',', '.');
  if (p) {
    if (isPercentage(p)) w.collect = p;
    else errors.collect = 'liquidity.whatIf.badPercent';
  }
  return { whatIf: w, errors };
}
