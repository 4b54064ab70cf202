import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HISTORY,
  formatTsv,
  parseAmountInput,
  parseRoundingUnit,
  parseTsv,
  perform,
  redo,
  setClass,
  undo,
} from '../../shared/edit';
import { parseWorkbook } from '../../shared/model/validate';

const wb0 = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

describe('undo/redo stack', () => {
  it('undoes and redoes in order, and a new edit clears redo', () => {
    let s = { workbook: wb0, history: EMPTY_HISTORY };
    s = perform(s.workbook, s.history, (w) => setClass(w, { budget: 'paris', member: 'FR', year: 2026, value: 'II' }));
    const after1 = s.workbook;
    s = perform(s.workbook, s.history, (w) => setClass(w, { budget: 'paris', member: 'DE', year: 2026, value: 'VII' }));
    const after2 = s.workbook;
    expect(s.history.undo).toHaveLength(2);
    const u1 = undo(s.workbook, s.history)!;
    expect(u1.workbook).toEqual(after1);
    expect(u1.label).toMatch(/DE/);
    const u2 = undo(u1.workbook, u1.history)!;
    expect(u2.workbook).toEqual(wb0);
    expect(undo(u2.workbook, u2.history)).toBeUndefined();
    const r1 = redo(u2.workbook, u2.history)!;
    expect(r1.workbook).toEqual(after1);
    const r2 = redo(r1.workbook, r1.history)!;
    expect(r2.workbook).toEqual(after2);
    expect(redo(r2.workbook, r2.history)).toBeUndefined();
    const branch = perform(u1.workbook, u1.history, (w) =>
      setClass(w, { budget: 'paris', member: 'IT', year: 2026, value: 'I' }),
    );
    expect(branch.history.redo).toHaveLength(0);
  });

  it('a refused command changes neither the workbook nor the history', () => {
    const s = perform(wb0, EMPTY_HISTORY, (w) =>
      setClass(w, { budget: 'paris', member: 'FR', year: 2026, value: 'nope' }),
    );
    expect(s.workbook).toBe(wb0);
    expect(s.history).toBe(EMPTY_HISTORY);
    expect(s.outcome.ok).toBe(false);
  });
});

describe('TSV from a spreadsheet', () => {
  it('reads CRLF, a final line break, empty fields and quoted fields with tabs, newlines and quotes', () => {
    expect(parseTsv('a\tb\tc\r\nd\t\tf\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['d', '', 'f'],
    ]);
    expect(parseTsv('"x\ty"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([['x\ty', 'line1\nline2', 'say "hi"']]);
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
    expect(parseTsv('\n\n')).toEqual([]);
    const rows = [
      ['FR', 'France, "République"', 'I'],
      ['a\tb', 'c\nd', ''],
    ];
    expect(parseTsv(formatTsv(rows))).toEqual(rows);
  });
});

describe('amount input (R3)', () => {
  it('=+500 / =-500 adjust exactly, with no floating point', () => {
    expect(parseAmountInput('=+500', '3310000', { places: 0, what: 'The total' })).toEqual({
      ok: true,
      value: '3310500',
    });
    expect(parseAmountInput('=-0.10', '0.30', { places: 2, what: 'The total' })).toEqual({ ok: true, value: '0.2' });
    expect(parseAmountInput('=+0.1', '0.2', { what: 'The unit value' })).toEqual({ ok: true, value: '0.3' });
    expect(parseAmountInput("1'234'567.89", undefined, { places: 2, what: 'The total' })).toEqual({
      ok: true,
      value: '1234567.89',
    });
    expect(parseAmountInput('1,234,567', undefined, { places: 0, what: 'The total' })).toEqual({
      ok: true,
      value: '1234567',
    });
  });

  it('refuses what is not an amount, a result of zero or less, and too many decimals', () => {
    expect(parseAmountInput('12x', '1', { what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('1e6', '1', { what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('-500', '500', { what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('100.005', '1', { places: 2, what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('', '1', { what: 'The total' }).ok).toBe(false);
    expect(parseRoundingUnit('0.01').ok).toBe(true);
    expect(parseRoundingUnit(' 0.05 ')).toEqual({ ok: true, value: '0.05' });
    expect(parseRoundingUnit('100').ok).toBe(true);
    expect(parseRoundingUnit('0').ok).toBe(false);
    expect(parseRoundingUnit('-1').ok).toBe(false);
    expect(parseRoundingUnit('five').ok).toBe(false);
  });
});
