import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { liquidityProjection } from '../../shared/engine/liquidity';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';

// R24 the workbook's liquidity section (format version 2): cash on 1 January, spending plans, expected dates.

const E7 = 'test/fixtures/e7-workbook.json';
const E4 = 'test/fixtures/e4-workbook.json';
const e7Doc = () => JSON.parse(readFileSync(E7, 'utf8'));

/** The problems of the E7 workbook with `liquidity` replaced. */
/** Path and English text of each problem (each also carries its message as data, tested in validation-messages). */
function problems(liquidity: unknown) {
  return validateWorkbook({ ...e7Doc(), liquidity }).map(({ path, message }) => ({ path, message }));
}

describe('R24 the liquidity section of a workbook', () => {
  it('the E7 fixture is valid, and a version 1 file without the section opens unchanged', () => {
    expect(parseWorkbook(readFileSync(E7, 'utf8')).problems).toEqual([]);
    const text = readFileSync(E4, 'utf8');
    const res = parseWorkbook(text);
    expect(res.problems).toEqual([]);
    expect(res.workbook!.liquidity).toBeUndefined();
    // Nothing is added to a version 1 file's lists but the empty ones version 2 reads it with.
    const read = { ...res.workbook! } as Record<string, unknown>;
    const original = JSON.parse(text);
    expect(read.openingBalances).toEqual([]);
    for (const k of ['version', 'openingBalances']) {
      delete read[k];
      delete original[k];
    }
    expect(read).toEqual(original);
    // A projection of a workbook without the section: no cash, the budget spread, every member on its usual date.
    const p = liquidityProjection(res.workbook!, 'conference', 2026);
    expect(p.opening).toMatchObject({ cash: '0', cashGiven: false });
    expect(p.months.map((m) => m.spending)).toEqual(new Array(12).fill('1000'));
  });

  it('a full section is accepted and kept as written', () => {
    const liquidity = {
      cash: [{ budget: 'e7', year: 2026, amount: '100', wcf: '150' }],
      spending: [
        {
          budget: 'e7',
          year: 2027,
          months: ['100', '100', '100', '100', '100', '100', '100', '100', '100', '100', '100', '100.50'],
        },
      ],
      expected: [
        { member: 'P', year: 2026, date: '2026-04-01' },
        { member: 'Q', budget: 'e7', year: 2026, notPaying: true },
      ],
    };
    expect(problems(liquidity)).toEqual([]);
    const text = JSON.stringify({ ...e7Doc(), liquidity }, null, 2);
    expect(parseWorkbook(text).workbook!.liquidity).toEqual(liquidity);
    expect(problems({})).toEqual([]);
  });

  it('each mistake is named by its path, in plain words', () => {
    const bad = problems({
      cash: [
        { budget: 'nope', year: 2026, amount: '100' },
        { budget: 'e7', year: 26, amount: 100 },
        { budget: 'e7', year: 2026, amount: '-5', wcf: 'lots' },
        { budget: 'e7', year: 2026, amount: '1' },
        'cash',
      ],
      spending: [
        { budget: 'e7', year: 2026, months: ['1', '2'] },
        { budget: 'e7', year: 2027, months: [...new Array(11).fill('1'), 1] },
      ],
      expected: [
        { member: 'Z', year: 2026, date: '2026-01-01' },
        { member: 'H', budget: 'e7', year: 2026, date: '2026-01-01' },
        { member: 'P', year: 2026 },
        { member: 'P', year: 2026, date: '2026-02-30' },
        { member: 'Q', year: 2026, date: '2027-01-01' },
        { member: 'Q', year: 2027, notPaying: false },
        { member: 'Q', year: 2028, date: '2028-01-01', notPaying: true },
      ],
    });
    expect(bad.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'liquidity.cash[0].budget: Cash on 1 January 2026 in nope: there is no budget nope',
      'liquidity.cash[1].year: Cash on 1 January ? in e7: the year must be a year such as 2026 (got 26)',
      'liquidity.cash[1].amount: Cash on 1 January ? in e7: the cash must be written as a decimal string such as "100" (in quotes), so no cent is lost',
      'liquidity.cash[2].amount: Cash on 1 January 2026 in e7: the cash must be a number of zero or more written like 1500000.00 (got "-5")',
      'liquidity.cash[2].wcf: Cash on 1 January 2026 in e7: the working capital fund\'s balance must be a number of zero or more written like 1500000.00 (got "lots")',
      'liquidity.cash[3]: Cash on 1 January 2026 in e7 is entered twice',
      'liquidity.cash[4]: Cash entry 5 is not an entry',
      'liquidity.spending[0].months: Spending plan of e7 for 2026: give 12 monthly amounts, January to December (got 2)',
      'liquidity.spending[1].months[11]: Spending plan of e7 for 2027: the spending of month 12 must be written as a decimal string such as "1" (in quotes), so no cent is lost',
      'liquidity.expected[0].member: Expected payment of Z in 2026: there is no member Z',
      'liquidity.expected[1].budget: Expected payment of H in 2026: H does not take part in e7',
      'liquidity.expected[2]: Expected payment of P in 2026: give either the date its payment is expected or notPaying: true, not both and not neither',
      'liquidity.expected[3].date: Expected payment of P in 2026: the expected date must be a date written YYYY-MM-DD (got "2026-02-30")',
      'liquidity.expected[3]: Expected payment of P in 2026 is entered twice',
      'liquidity.expected[4].date: Expected payment of Q in 2026: the expected date 2027-01-01 is not in 2026',
      'liquidity.expected[5].notPaying: Expected payment of Q in 2027: notPaying can only be true (got false); leave it out for a member expected to pay',
      'liquidity.expected[6]: Expected payment of Q in 2028: give either the date its payment is expected or notPaying: true, not both and not neither',
    ]);
    expect(problems('soon')).toEqual([
      { path: 'liquidity', message: 'The liquidity section must be an object with cash, spending and expected lists' },
    ]);
    expect(problems({ cash: {} })).toEqual([
      { path: 'liquidity.cash', message: 'The cash on 1 January must be a list' },
    ]);
  });

  it('a problem is reported at its line in the file', () => {
    const doc = e7Doc();
    doc.liquidity.expected = [{ member: 'P', year: 2026, date: '2026-13-01' }];
    const text = JSON.stringify(doc, null, 2);
    const res = parseWorkbook(text);
    expect(res.workbook).toBeUndefined();
    expect(res.problems[0].path).toBe('liquidity.expected[0].date');
    const line = text.split('\n').findIndex((l) => l.includes('"2026-13-01"')) + 1;
    expect(res.lines[0]).toBe(line);
  });
});
