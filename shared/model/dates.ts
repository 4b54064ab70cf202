// Calendar dates are YYYY-MM-DD strings; comparing them as strings orders them in time.

export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  // YYYY-MM-DD read digit by digit, no regular expression or cut strings (300,000 payment dates in a large workbook).
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  return y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The number written by the ASCII digits s[from..to), or -1 when one is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
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
