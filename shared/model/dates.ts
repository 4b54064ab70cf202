// Calendar dates are YYYY-MM-DD strings; comparing them as strings orders them in time.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  if (s.length !== 10 || !DATE_RE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  const mo = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: string): number {
  return Number(date.slice(5, 7));
}

export function dayOf(date: string): number {
  return Number(date.slice(8, 10));
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInYear(y: number): number {
  return isLeapYear(y) ? 366 : 365;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : MONTH_DAYS[m - 1];
}

/** 1-based day of the year: 1 January is 1. */
export function dayOfYear(date: string): number {
  const y = yearOf(date);
  let n = dayOf(date);
  for (let m = 1; m < monthOf(date); m++) n += daysInMonth(y, m);
  return n;
}

export function firstOfJanuary(year: number): string {
  return `${String(year).padStart(4, '0')}-01-01`;
}

/** R20 a denunciation ends the obligation three years after the end of the year of notification. */
export function obligationEnds(notifiedOn: string): string {
  return `${String(yearOf(notifiedOn) + 3).padStart(4, '0')}-12-31`;
}
