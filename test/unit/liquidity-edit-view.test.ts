import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liquiditySource } from '../../renderer/src/liquidity/export';
import { toPrintHtml } from '../../shared/export/print-html';
import { toXlsx } from '../../shared/export/xlsx';
import { readWhatIf, EMPTY_WHAT_IF } from '../../renderer/src/liquidity/whatIf';
import { dayInWords, keyDates, whatIfWords } from '../../renderer/src/liquidity/words';
import { setExpectedDate, type Done } from '../../shared/edit';
import { compareLiquidity, liquidityBasis, liquidityProjection, projectLiquidity } from '../../shared/engine/liquidity';
import { translator } from '../../shared/i18n/intl';
import { groupThousands } from '../../shared/model/decimal';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';

// R24 what the Liquidity view says and exports, without a browser: E7's dates in words in every language, the
// what-if fields as typed, and the export's rows equal to the engine's month-ends.

const e7 = (): Workbook => parseWorkbook(readFileSync('test/fixtures/e7-workbook.json', 'utf8')).workbook!;
const en = translator('en');

describe('R24 the Liquidity view’s words and export', () => {
  it('R24 E7 in words, as the issue writes them', () => {
    const p = liquidityProjection(e7(), 'e7', 2026);
    expect(keyDates(p, en, groupThousands, (d) => dayInWords(d, 'en'))).toEqual({
      wcf: 'The fund is first drawn on 28 February.',
      advances: 'Advances are first needed on 30 September: at most 50.',
      shortfall: 'No shortfall.',
    });
    // Q marked as not paying: the advances reach the ceiling, then spending goes unpaid.
    const wb = e7();
    wb.liquidity = { ...wb.liquidity, expected: [{ member: 'Q', year: 2026, notPaying: true }] };
    const q = liquidityProjection(wb, 'e7', 2026);
    expect(keyDates(q, en, groupThousands, (d) => dayInWords(d, 'en')).shortfall).toBe(
      `Spending cannot be paid from 30 November: ${q.shortfall} in all goes unpaid on its day.`,
    );
  });

  it('a day in words in each language: the Gregorian calendar, Latin digits unless asked, no year', () => {
    expect(dayInWords('2026-02-28', 'en')).toBe('28 February');
    expect(dayInWords('2026-02-28', 'fr')).toBe('28 février');
    expect(dayInWords('2026-02-28', 'ru')).toBe('28 февраля');
    expect(dayInWords('2026-02-28', 'zh')).toBe('2月28日');
    // Persian's own calendar would say 9 Esfand.
    expect(dayInWords('2026-02-28', 'fa')).toMatch(/^28 /);
    expect(dayInWords('2026-02-28', 'ar')).toMatch(/^28 /);
    expect(dayInWords('2026-02-28', 'ar', true)).toMatch(/^٢٨ /);
    expect(dayInWords('2026-09-30', 'en', false, 'short')).toBe('30 Sept');
  });

  it('what-if fields as typed: read into a what-if, a field that cannot be read left out with its reason', () => {
    expect(readWhatIf(EMPTY_WHAT_IF)).toEqual({ whatIf: {}, errors: {} });
    expect(readWhatIf({ ...EMPTY_WHAT_IF, lateMember: 'Q', lateMonths: '1', collect: '92,5 %' }).whatIf).toEqual({
      late: [{ member: 'Q', months: 1 }],
      collect: '92.5',
    });
    const bad = readWhatIf({
      ...EMPTY_WHAT_IF,
      lateMember: 'Q',
      lateMonths: '0',
      largestCount: '2',
      largestMonths: '121',
      collect: '100.5',
    });
    expect(bad.whatIf).toEqual({});
    expect(bad.errors).toEqual({
      lateMonths: 'liquidity.whatIf.badMonths',
      largestMonths: 'liquidity.whatIf.badMonths',
      collect: 'liquidity.whatIf.badPercent',
    });
    // A member chosen without months, or months without a member, is no what-if yet.
    expect(readWhatIf({ ...EMPTY_WHAT_IF, lateMember: 'Q' }).whatIf).toEqual({});
    expect(
      whatIfWords(
        { late: [{ member: 'Q', months: 1 }], lateLargest: { count: 2, months: 3 }, collect: '80' },
        en,
        (x) => x,
      ),
    ).toBe('Q pays 1 month late; the 2 largest contributors pay 3 months late; only 80 % is collected');
  });

  it('R24 the export: the month-ends exactly as the engine gives them, the dates in its title block, headers in the language', () => {
    const basis = liquidityBasis(e7(), 'e7', 2026);
    const p = projectLiquidity(basis);
    const src = liquiditySource(p, null, {}, { organization: 'E7', produced: '2026-11-27' });
    expect(src.stem).toBe('e7-2026-liquidity');
    expect(src.table.rows).toEqual(p.months);
    // The CLI's names (contrib liquidity --format csv) unless the user asks for headers in the language.
    expect(src.csv.split('\n')[0]).toBe('date,receipts,spending,cash,wcf,advances,shortfall');
    expect(src.csvInLanguage?.split('\n')[0]).toBe('Month-end,Receipts,Spending,Cash,WCF,Advances,Shortfall');
    expect(src.csv.split('\n')[2]).toBe('2026-02-28,0,100,0,50,0,0');
    expect(src.table.info.find(([k]) => k === 'Dates that matter')?.[1]).toBe(
      'The fund is first drawn on 28 February. Advances are first needed on 30 September: at most 50. No shortfall.',
    );
    // Q one month late, side by side: 150 of advances outstanding at the end of October instead of none; in French.
    const c = compareLiquidity(basis, { late: [{ member: 'Q', months: 1 }] });
    const fr = liquiditySource(
      c.baseline,
      c,
      { late: [{ member: 'Q', months: 1 }] },
      { organization: 'E7', produced: '2026-11-27', locale: 'fr' },
    );
    expect(fr.stem).toBe('e7-2026-liquidity-whatif');
    expect(fr.csv.split('\n')[0]).toBe(
      'date,spending,receipts,receipts_what_if,cash,cash_what_if,wcf,wcf_what_if,advances,advances_what_if,shortfall,shortfall_what_if',
    );
    expect(fr.csvInLanguage?.split('\n')[0]).toBe(
      'Fin de mois,Dépenses,Recettes,Recettes (simulation),Trésorerie,Trésorerie (simulation),Fonds de roulement,Fonds de roulement (simulation),Avances,Avances (simulation),Déficit,Déficit (simulation)',
    );
    const oct = fr.table.rows.find((r) => r.date === '2026-10-31')!;
    expect([oct.advances, oct.advancesWhatIf]).toEqual(['0', '150']);
    expect(fr.table.info.find(([k]) => k === 'Simulation')?.[1]).toBe('Q paie avec 1 mois de retard');
    // The workbook's own date for Q is the same projection as the what-if's.
    const set = liquidityProjection(
      (setExpectedDate(e7(), { member: 'Q', budget: 'e7', year: 2026, date: '2026-11-15' }) as Done).workbook,
      'e7',
      2026,
    );
    expect(set.months).toEqual(c.whatIf.months);
    // XLSX and the print layout (PDF) take the same table: every month-end and both sides in them.
    expect(toXlsx([fr.table], '2026-11-27').length).toBeGreaterThan(1000);
    const html = toPrintHtml(fr.table, { landscape: fr.landscape });
    expect(html).toContain('Avances (simulation)');
    expect((html.match(/2026-\d\d-\d\d|\d\d\/\d\d\/2026/g) ?? []).length).toBeGreaterThanOrEqual(12);
  });
});
