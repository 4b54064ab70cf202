import { describe, expect, it } from 'vitest';
import { datePattern, formatDate, ISO_DATES, parseDateInput, type DateFormat } from '../../shared/edit';

// R25 dates typed in the app: the locale's format (ISO in English; day first in a European locale), ISO always,
// and never a guess: what can be read two ways is refused naming both, a year outside 1900–2200 is refused.

const DE: DateFormat = { order: 'dmy', separator: '.' };
const FR: DateFormat = { order: 'dmy', separator: '/' };
const read = (text: string, f: DateFormat) => {
  const p = parseDateInput(text, f);
  return p.ok ? p.value : `refused: ${p.message}`;
};

describe('date input (R25)', () => {
  it('R25: shows a date in the locale’s format, files keep ISO', () => {
    expect(formatDate('2026-12-31', ISO_DATES)).toBe('2026-12-31');
    expect(formatDate('2026-12-31', DE)).toBe('31.12.2026');
    expect(formatDate('2026-03-05', FR)).toBe('05/03/2026');
    expect(datePattern(ISO_DATES)).toBe('YYYY-MM-DD');
    expect(datePattern(DE)).toBe('DD.MM.YYYY');
    expect(datePattern(FR)).toBe('DD/MM/YYYY');
  });

  it('R25: reads the locale’s format, and ISO in every locale', () => {
    expect(read('2026-12-31', ISO_DATES)).toBe('2026-12-31');
    expect(read(' 31.12.2026 ', DE)).toBe('2026-12-31');
    expect(read('5.3.2026', DE)).toBe('2026-03-05');
    expect(read('2026-12-31', DE)).toBe('2026-12-31');
    expect(read('31/12/2026', FR)).toBe('2026-12-31');
    expect(read('05/03/2026', FR)).toBe('2026-03-05');
    expect(read('2026-03-05', FR)).toBe('2026-03-05');
    // Day first wherever dots are written (a bank's 01.06.2026), in English too.
    expect(read('01.06.2026', ISO_DATES)).toBe('2026-06-01');
  });

  it('R25: 31122026 never computes for 2202: read as 31.12.2026 where the locale writes the day first, refused in ISO', () => {
    expect(read('31122026', DE)).toBe('2026-12-31');
    expect(read('31122026', FR)).toBe('2026-12-31');
    expect(read('31122026', ISO_DATES)).toBe(
      'refused: “31122026” is not a date: type it as YYYY-MM-DD, such as 2026-12-31',
    );
    // Eight digits are also ISO's basic form; only one of the two readings is ever a date in 1900–2200.
    expect(read('20261231', ISO_DATES)).toBe('2026-12-31');
    expect(read('20261231', DE)).toBe('2026-12-31');
  });

  it('R25: a date that can be read two ways is refused naming both; one that can be read one way only is read', () => {
    expect(read('03/04/2026', ISO_DATES)).toBe(
      'refused: “03/04/2026” can be read as 3 April 2026 or 4 March 2026: type it as YYYY-MM-DD (2026-04-03 or 2026-03-04)',
    );
    expect(read('12/31/2026', ISO_DATES)).toBe('2026-12-31');
    expect(read('31/12/2026', ISO_DATES)).toBe('2026-12-31');
    expect(read('04/04/2026', ISO_DATES)).toBe('2026-04-04');
  });

  it('R25: a year outside 1900–2200 is refused at the field', () => {
    expect(read('2202-12-31', ISO_DATES)).toBe('refused: The year 2202 is outside 1900–2200: check the date');
    expect(read('31.12.2202', DE)).toBe('refused: The year 2202 is outside 1900–2200: check the date');
    expect(read('01.01.1899', DE)).toBe('refused: The year 1899 is outside 1900–2200: check the date');
    expect(read('1900-01-01', ISO_DATES)).toBe('1900-01-01');
    expect(read('2200-12-31', DE)).toBe('2200-12-31');
  });

  it('R25: what is not a date is refused saying the format to type', () => {
    expect(read('31.13.2026', DE)).toBe(
      'refused: “31.13.2026” is not a date: type it as DD.MM.YYYY, such as 31.12.2026',
    );
    expect(read('2026-02-29', ISO_DATES)).toBe(
      'refused: “2026-02-29” is not a date: type it as YYYY-MM-DD, such as 2026-12-31',
    );
    expect(read('29.02.2028', DE)).toBe('2028-02-29');
    expect(read('31.12.26', DE)).toBe('refused: “31.12.26”: write the year in full, such as 31.12.2026');
    expect(read('tomorrow', FR)).toBe('refused: “tomorrow” is not a date: type it as DD/MM/YYYY, such as 31/12/2026');
    expect(read('', DE)).toBe('refused: Type a date such as 31.12.2026');
  });
});
