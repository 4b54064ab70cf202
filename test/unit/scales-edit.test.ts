import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addBaseScale,
  baseScalePreview,
  baseScaleRows,
  checkYearScale,
  clearYearCredit,
  removeBaseScale,
  renameBaseScale,
  replaceBaseScaleRates,
  setYearCredit,
  setYearScale,
} from '../../shared/edit/scales';
import { EMPTY_HISTORY, perform, undo } from '../../shared/edit/history';
import { assessBudgetYear } from '../../shared/engine/assess';
import { say } from '../../shared/i18n/intl';
import { readTabular } from '../../shared/model/tabular';
import type { Workbook, YearScale } from '../../shared/model/types';
import { example, ok, refusedAt, roundTrips } from './edit-helpers';

// R21–R22 the scales commands: each one undoable step (its inverse gives back the workbook it started from), refusals
// as Messages on the field at fault, and what the engine then computes.

const FUND = 'special-fund';
const bytes = (s: string) => new TextEncoder().encode(s);
const table = (s: string, file = 'base.csv') => readTabular(bytes(s), file);
const settingsOf = (wb: Workbook, year = 2026): YearScale =>
  wb.budgets.find((b) => b.id === FUND)!.years.find((y) => y.year === year)!.scale!;

/** E5 as a workbook: base scale, members A B C D F G H I J and X (fixed 0.5), total 10,000,000, unit 1. */
function e5(): Workbook {
  const wb = example();
  const codes = ['A', 'B', 'C', 'D', 'F', 'G', 'H', 'I', 'J', 'X'];
  const rates: [string, string][] = [
    ['A', '45'],
    ['B', '22'],
    ['C', '15'],
    ['D', '9'],
    ['E', '5.5'],
    ['F', '2'],
    ['G', '0.9'],
    ['H', '0.42'],
    ['I', '0.15'],
    ['J', '0.05'],
  ];
  return {
    ...wb,
    members: codes.map((code) => ({ code, name: `Member ${code}` })),
    participations: codes.map((member) => ({ member, budget: 'e5', classes: [] })),
    classChanges: [],
    payments: [],
    wcfDecisions: [],
    advanceAgreements: [],
    votingDecisions: [],
    scenarios: [],
    openingBalances: [],
    liquidity: undefined,
    schemes: [{ id: 'pct', name: 'Percent', kind: 'scale', percent: true }],
    baseScales: [{ id: 'e5', name: 'E5 base', rates: rates.map(([code, rate]) => ({ code, rate })) }],
    budgets: [
      {
        id: 'e5',
        name: 'E5',
        schemeId: 'pct',
        currency: 'CHF',
        roundingUnit: '1',
        rounding: 'half-up',
        years: [
          {
            year: 2026,
            method: 'total',
            amount: '10000000',
            adopted: true,
            scale: {
              baseScale: 'e5',
              fixedRates: [{ member: 'X', rate: '0.5' }],
              excludeBelow: '0.1',
              ceiling: '30',
              floor: '0.5',
              decimals: 3,
              rounding: 'largest-remainder',
            },
          },
        ],
      },
    ],
  } as Workbook;
}
const e5Settings = (wb: Workbook) => wb.budgets[0].years[0].scale!;

describe('R21 base scales as commands', () => {
  it('adds a base scale with a readable id, renames it, sets its source and removes it, each one undoable step', () => {
    const wb = example();
    const a = roundTrips(wb, addBaseScale(wb, { name: '  UN scale  2025–2027 ', source: 'A/RES/79/249' }));
    const s = a.workbook.baseScales!.at(-1)!;
    expect(s).toEqual({ id: 'un-scale-2025-2027', name: 'UN scale 2025–2027', source: 'A/RES/79/249', rates: [] });
    expect(a.label).toBe('Add base scale UN scale 2025–2027');
    expect(refusedAt(addBaseScale(a.workbook, { name: 'un scale 2025–2027' }), 'name')).toBe(
      'There is already a base scale named “un scale 2025–2027”.',
    );
    expect(refusedAt(addBaseScale(wb, { name: '   ' }), 'name')).toBe('A base scale needs a name.');
    const r = roundTrips(a.workbook, renameBaseScale(a.workbook, { scale: s.id, name: 'UN scale 2025', source: '' }));
    expect(r.workbook.baseScales!.at(-1)).toEqual({ id: s.id, name: 'UN scale 2025', rates: [] });
    expect(refusedAt(renameBaseScale(r.workbook, { scale: s.id, name: 'UN scale 2025' }), 'name')).toBe(
      'Nothing changed.',
    );
    const d = roundTrips(r.workbook, removeBaseScale(r.workbook, { scale: s.id }));
    expect(d.workbook).toEqual(wb);
  });

  it('the last base scale removed leaves no baseScales section; a scale a budget year derives from is not removed, naming the years', () => {
    const wb = example();
    const m = refusedAt(removeBaseScale(wb, { scale: 'base-2025' }), 'scale');
    expect(m).toBe(
      'Base scale 2025–2027 cannot be removed: the rates of Special Fund (derived scale, biennium 2026–2027) 2026, 2027 are derived from it.',
    );
    const bare = { ...wb, baseScales: undefined } as Workbook;
    delete bare.baseScales;
    const a = ok(addBaseScale(bare, { name: 'X' }));
    expect('baseScales' in ok(removeBaseScale(a.workbook, { scale: 'x' })).workbook).toBe(false);
  });
});

describe('R21 R25 base scale rates from a table', () => {
  it('reads code,name,rate by header (any case, any order), decimal commas in a semicolon file, and replaces the rates in one step', () => {
    const wb = example();
    const a = ok(addBaseScale(wb, { name: 'New' }));
    const read = baseScaleRows(table('Rate;CODE;Name\n0,5;AA;Alpha\n99,5;BB;Beta\n'));
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([
      { at: 'line 2', code: 'AA', name: 'Alpha', rate: '0.5' },
      { at: 'line 3', code: 'BB', name: 'Beta', rate: '99.5' },
    ]);
    const p = baseScalePreview(a.workbook, 'new', read);
    expect([p.added.length, p.changed.length, p.removed.length, p.canApply]).toEqual([2, 0, 0, true]);
    const d = roundTrips(a.workbook, replaceBaseScaleRates(a.workbook, { scale: 'new', rows: read.rows }));
    expect(d.workbook.baseScales!.at(-1)!.rates).toEqual([
      { code: 'AA', name: 'Alpha', rate: '0.5' },
      { code: 'BB', name: 'Beta', rate: '99.5' },
    ]);
    expect(d.label).toBe('Rates of New (2 rates)');
    expect(refusedAt(replaceBaseScaleRates(d.workbook, { scale: 'new', rows: read.rows }), 'rates')).toBe(
      'The table holds the rates the base scale already has.',
    );
  });

  it('R25 bad rows are refused all or nothing, each naming its line and field', () => {
    const read = baseScaleRows(
      table('code,name,rate\nAA,Alpha,abc\n,Nobody,1\nBB,Beta,-1\nAA,Again,2\nCC,"Gamma, the third",0.125\n'),
    );
    const said = read.problems.map((p) => [p.path, p.message]);
    expect(said).toEqual([
      ['line 2', 'line 2, rate: “abc” is not a rate written like 0.125'],
      ['line 3', 'line 3, code: the code is empty'],
      ['line 4', 'line 4, rate: “-1” is not a rate written like 0.125'],
      ['line 5', 'line 5, code: AA is listed twice (also on line 2)'],
    ]);
    expect(read.rows.map((r) => r.code)).toEqual(['AA', 'CC']);
    expect(read.rows[1].name).toBe('Gamma, the third');
    const wb = example();
    const o = replaceBaseScaleRates(wb, { scale: 'base-2025', rows: read.rows, problems: read.problems });
    expect(o.ok).toBe(false);
    expect(refusedAt(o, 'line 4')).toContain('rate');
    const p = baseScalePreview(wb, 'base-2025', read);
    expect(p.canApply).toBe(false);
    expect(p.refused.map((r) => r.at)).toEqual(['line 2', 'line 3', 'line 4', 'line 5']);
    // Rows handed over without the reader are checked again.
    expect(
      refusedAt(
        replaceBaseScaleRates(wb, { scale: 'base-2025', rows: [{ at: 'row 7', code: 'AA', name: '', rate: '1e3' }] }),
        'row 7',
      ),
    ).toBe('row 7, rate: “1e3” is not a rate written like 0.125');
  });

  it('R25 a header without a rate column, a misspelt one or an ambiguous number is refused on the header or the line', () => {
    expect(baseScaleRows(table('code,name\nAA,Alpha\n')).problems.map((p) => p.message)).toEqual([
      'The header has no “rate” column.',
    ]);
    expect(baseScaleRows(table('code,Rate %\nAA,1\n')).problems.map((p) => p.message)).toEqual([
      'A column is headed “Rate %”: write “rate”.',
    ]);
    const amb = baseScaleRows(table('code;rate\nAA;1,500\n'));
    expect(amb.problems.map((p) => p.message)).toEqual([
      'line 2, rate: “1,500” can be read as 1.500 (the comma marking decimals) or as 1500 (the comma separating thousands): write the number the file means without a thousands separator',
    ]);
    expect(baseScaleRows(table('code,rate,comment\nAA,1,x\n')).notices.map((n) => say(n))).toEqual([
      'Not read: “comment” (only code, name and rate are).',
    ]);
  });

  it('a paste without a header: two columns are code and rate, three are code, name and rate', () => {
    expect(
      baseScaleRows(readTabular(bytes('AA\t0.5\nBB\t99.5\n'), 'paste'), { headerless: true }).rows.map((r) => [
        r.at,
        r.code,
        r.name,
        r.rate,
      ]),
    ).toEqual([
      ['line 1', 'AA', '', '0.5'],
      ['line 2', 'BB', '', '99.5'],
    ]);
    expect(baseScaleRows(readTabular(bytes('AA\tAlpha\t0,5\n'), 'paste'), { headerless: true }).rows[0]).toEqual({
      at: 'line 1',
      code: 'AA',
      name: 'Alpha',
      rate: '0.5',
    });
  });

  it('R21 rates that would break a budget year deriving from the scale are refused, naming the year and why', () => {
    const wb = example();
    const base = wb.baseScales![0];
    // The Holy See (fixed rate) put on the base scale.
    const rows = [
      ...base.rates.map((r, i) => ({ at: `line ${i + 2}`, code: r.code, name: r.name ?? '', rate: r.rate })),
      { at: 'line 999', code: 'VA', name: 'Holy See', rate: '0.001' },
    ];
    const o = replaceBaseScaleRates(wb, { scale: 'base-2025', rows });
    expect(refusedAt(o, 'rates')).toBe(
      'Special Fund (derived scale, biennium 2026–2027) 2026: VA has a fixed rate there and would now be on Base scale 2025–2027; remove its fixed rate first',
    );
    expect(baseScalePreview(wb, 'base-2025', { rows, problems: [] }).breaks).toHaveLength(2);
    // A member taken off the base scale: no rate and no fixed rate.
    const fund = assessBudgetYear(wb, FUND, 2026).rows.map((r) => r.code);
    const gone = rows.filter((r) => r.code !== fund[0] && r.code !== 'VA');
    expect(refusedAt(replaceBaseScaleRates(wb, { scale: 'base-2025', rows: gone }), 'rates')).toMatch(
      /^Special Fund .* 2026: [A-Z]{2} is not on the base scale and has no fixed rate: give it one\.$/,
    );
  });
});

describe('R21 a budget year’s derivation settings', () => {
  it('R21 E5 set through the command reproduces the published rates; the ceiling changed to 22 changes them, and undo gives them back', () => {
    const wb = e5();
    const before = assessBudgetYear(wb, 'e5', 2026);
    expect(before.rows.map((r) => r.units)).toEqual([
      '30.000',
      '30.000',
      '21.413',
      '12.848',
      '2.855',
      '1.285',
      '0.599',
      '0.500',
      '0.000',
      '0.500',
    ]);
    const d = roundTrips(
      wb,
      setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...e5Settings(wb), ceiling: '25' } }),
    );
    expect(d.label).toBe('Derivation of E5 2026');
    const after = assessBudgetYear(d.workbook, 'e5', 2026);
    expect(after.rows.slice(0, 3).map((r) => r.units)).toEqual(['25.000', '25.000', '25.000']);
    expect(after.derivation!.settings.ceiling).toBe('25');
    const done = perform(wb, EMPTY_HISTORY, (w) =>
      setYearScale(w, { budget: 'e5', year: 2026, settings: { ...e5Settings(w), ceiling: '25' } }),
    );
    expect(done.workbook).toEqual(d.workbook);
    const back = undo(done.workbook, done.history)!;
    expect(back.label).toBe('Derivation of E5 2026');
    expect(assessBudgetYear(back.workbook, 'e5', 2026).rows.map((r) => r.units)).toEqual(
      before.rows.map((r) => r.units),
    );
    expect(refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...e5Settings(wb) } }), 'scale')).toBe(
      'These are the settings the year already has.',
    );
  });

  it('R21 infeasible bounds are refused on the bound, in words saying what it can hold', () => {
    const wb = e5();
    const s = e5Settings(wb);
    // 8 members share 99.5 (J excluded, X fixed): a ceiling of 12 holds 96.
    expect(
      refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, ceiling: '12' } }), 'ceiling'),
    ).toBe('A ceiling of 12 % for 8 members holds at most 96 %, less than the 99.5 % they share: raise the ceiling.');
    expect(
      refusedAt(
        setYearScale(wb, {
          budget: 'e5',
          year: 2026,
          settings: { ...s, floor: '13', fixedRates: [{ member: 'X', rate: '13' }] },
        }),
        'floor',
      ),
    ).toBe('A floor of 13 % for 8 members needs at least 104 %, more than the 87 % they share: lower the floor.');
    expect(
      refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, floor: '13' } }), 'fixedRates[0]'),
    ).toBe("X's fixed rate is below the floor 13.");
    expect(refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, floor: '40' } }), 'floor')).toBe(
      'The floor 40 is above the ceiling 30.',
    );
    expect(
      refusedAt(
        setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, ceiling: '22.5', decimals: 0 } }),
        'ceiling',
      ),
    ).toBe('22.5 has more decimals than the 0 the rates are rounded to, so a rounded rate could cross it.');
    expect(
      refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, ceiling: 'abc' } }), 'ceiling'),
    ).toBe('“abc” is not a rate of zero or more written like 0.125.');
    expect(
      refusedAt(
        setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, fixedRates: [{ member: 'X', rate: '35' }] } }),
        'fixedRates[0]',
      ),
    ).toBe("X's fixed rate is above the ceiling 30.");
    expect(
      refusedAt(
        setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, fixedRates: [{ member: 'A', rate: '1' }] } }),
        'fixedRates[0]',
      ),
    ).toBe('A is on the base scale (rate 45); a fixed rate is only for a member that is not on it.');
    expect(
      refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, fixedRates: [] } }), 'fixedRates'),
    ).toBe('X is not on the base scale and has no fixed rate: give it one.');
    expect(
      refusedAt(setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, decimals: 13 } }), 'decimals'),
    ).toBe('The decimals must be a whole number from 0 to 12 (got 13).');
    expect(refusedAt(setYearScale(wb, { budget: 'e5', year: 2027, settings: s }), 'year')).toBe(
      'E5 has no entry for 2027.',
    );
  });

  it('several fields at fault are each named at once (the preview shows each next to its field)', () => {
    const wb = e5();
    const r = checkYearScale(wb, {
      budget: 'e5',
      year: 2026,
      settings: { ...e5Settings(wb), ceiling: 'x', excludeBelow: '-1', decimals: 2.5 },
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.path).sort()).toEqual(['ceiling', 'decimals', 'excludeBelow']);
  });

  it('an empty bound is no bound; the stored settings leave it out', () => {
    const wb = e5();
    const d = roundTrips(
      wb,
      setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...e5Settings(wb), floor: '', excludeBelow: '' } }),
    );
    expect(Object.keys(e5Settings(d.workbook))).toEqual(['baseScale', 'fixedRates', 'ceiling', 'decimals', 'rounding']);
    expect(assessBudgetYear(d.workbook, 'e5', 2026).rows.find((r) => r.code === 'J')!.units).not.toBe('0.000');
  });

  it('R21 the Special Fund of the example: a ceiling of 12 moves the largest members to it; the factor and the sum are shown', () => {
    const wb = example();
    const r = checkYearScale(wb, { budget: FUND, year: 2026, settings: { ...settingsOf(wb), ceiling: '12' } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scale.sum).toBe('100.000');
    expect(r.scale.rates.filter((x) => x.note === 'ceiling').length).toBeGreaterThan(0);
    expect(r.scale.rates.every((x) => Number(x.rate) <= 12)).toBe(true);
    const d = roundTrips(
      wb,
      setYearScale(wb, { budget: FUND, year: 2026, settings: { ...settingsOf(wb), ceiling: '12' } }),
    );
    // 2027 keeps its own entry.
    expect(settingsOf(d.workbook, 2027).ceiling).toBe('15');
  });

  it('R21 property: any ceiling the command accepts yields rates at or under it summing to exactly 100; any it refuses is refused on a field', () => {
    const wb = e5();
    const s = e5Settings(wb);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4000 }), (c) => {
        const ceiling = `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
        const o = setYearScale(wb, { budget: 'e5', year: 2026, settings: { ...s, ceiling, decimals: 3 } });
        if (!o.ok) return ['ceiling', 'floor', 'fixedRates[0]', 'scale'].includes(o.problems[0].path);
        const rows = assessBudgetYear(o.workbook, 'e5', 2026).rows;
        const sum = rows.reduce((t, r) => t + Math.round(Number(r.units) * 1000), 0);
        return sum === 100000 && rows.every((r) => Number(r.units) <= Number(ceiling));
      }),
      { numRuns: 150 },
    );
  });
});

describe('R22 the year’s credit', () => {
  it('R22 sets, changes and clears the credit, each undoable; net = gross − credit per member', () => {
    const wb = example();
    const d = roundTrips(wb, setYearCredit(wb, { budget: FUND, year: 2026, credit: '300000' }));
    expect(d.label).toBe('Credit of Special Fund (derived scale, biennium 2026–2027) 2026: 300000');
    const t = assessBudgetYear(d.workbook, FUND, 2026);
    expect(t.credit!.total).toBe('300000');
    for (const r of t.rows) expect(BigInt(r.net!)).toBe(BigInt(r.amount) - BigInt(r.credit!));
    const c = roundTrips(d.workbook, clearYearCredit(d.workbook, { budget: FUND, year: 2026 }));
    expect(assessBudgetYear(c.workbook, FUND, 2026).credit).toBeUndefined();
    expect(refusedAt(clearYearCredit(c.workbook, { budget: FUND, year: 2026 }), 'credit')).toBe(
      'Special Fund (derived scale, biennium 2026–2027) 2026 has no credit.',
    );
  });

  it('R22 a credit that is not a whole number of the unit, above the gross, negative or unchanged is refused', () => {
    const wb = example();
    const a = { budget: FUND, year: 2026 };
    expect(refusedAt(setYearCredit(wb, { ...a, credit: '10.5' }), 'credit')).toBe(
      'The credit must be a whole number of the rounding unit 1.',
    );
    // The 2026 half of the biennium's 2,400,001 is 1,200,000.
    expect(refusedAt(setYearCredit(wb, { ...a, credit: '1200001' }), 'credit')).toBe(
      'The credit is more than the gross 1200000: members would be owed money.',
    );
    expect(ok(setYearCredit(wb, { ...a, credit: '1200000' })).ok).toBe(true);
    expect(refusedAt(setYearCredit(wb, { ...a, credit: '-5' }), 'credit')).toBe(
      '“-5” is not an amount of zero or more.',
    );
    expect(refusedAt(setYearCredit(wb, { ...a, credit: '240000' }), 'credit')).toBe(
      'The year already has this credit.',
    );
  });

  it('every refusal and label is a Message of the scales catalog, said whole in French', () => {
    const wb = example();
    const o = setYearCredit(wb, { budget: FUND, year: 2026, credit: '10.5' });
    expect(!o.ok && o.problems[0].msg!.id).toBe('scales.edit.creditWhole');
    const fr = say(!o.ok ? o.problems[0].msg! : { id: '' }, 'fr');
    expect(fr).not.toBe(say(!o.ok ? o.problems[0].msg! : { id: '' }, 'en'));
    expect(fr).toContain('1');
  });
});

describe('R25 what the reader refuses', () => {
  it('a line the reader refuses without a field is named by its line alone', () => {
    const read = baseScaleRows(table('code,name,rate\nAA,"Alpha, Beta",1,extra\n'));
    expect(read.problems.map((p) => p.message)).toEqual([
      'line 2: this line has 4 fields where the header has 3: a name holding a “,” must be in quotes',
    ]);
  });
});
