import { dayOfYear, daysInYear, firstOfJanuary, monthOf, dayOf, yearOf } from '../model/dates';
import type { NewMemberRule } from '../model/types';

/** The part of a year a member is assessed for, as a fraction num/den (1/1 = in full). */
export interface Fraction {
  num: number;
  den: number;
}

export const FULL_YEAR: Fraction = { num: 1, den: 1 };

/**
 * R8 contributions fall due on 1 January: a member is assessed for a year if it takes part on 1 January of it,
 * or joins during it (R12). A member whose participation ended on or before 1 January is not assessed.
 */
export function isAssessed(year: number, from: string | undefined, until: string | undefined): boolean {
  if (from !== undefined && yearOf(from) > year) return false;
  if (until !== undefined && until <= firstOfJanuary(year)) return false;
  return true;
}

/**
 * R12 the year of accession: in full (default), by whole months remaining (the months that begin on or after
 * the date of accession), or by days remaining (the day of accession included).
 */
export function accessionFraction(year: number, from: string | undefined, rule: NewMemberRule): Fraction {
  if (from === undefined || yearOf(from) !== year || rule === 'full' || from === firstOfJanuary(year)) return FULL_YEAR;
  if (rule === 'months') {
    const months = 12 - monthOf(from) + (dayOf(from) === 1 ? 1 : 0);
    return { num: months, den: 12 };
  }
  const total = daysInYear(year);
  return { num: total - dayOfYear(from) + 1, den: total };
}
