// R14 × R21 what-if scenarios that change the derivation settings of a budget's derived scale (override kind
// 'derivation'): applied, compared member by member, refused field by field, validated in the file, and read by
// `contrib whatif --scenario`.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import {
  applyScenarioToBaseline,
  createScenario,
  describeOverride,
  removeBaseScale,
  replaceBaseScaleRates,
  setScenarioOverride,
} from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine/assess';
import { levelEntry } from '../../shared/engine/years';
import { formatScaled } from '../../shared/model/decimal';
import type { ScenarioOverride, Workbook, YearScale } from '../../shared/model/types';
import { parseWorkbook, validateWorkbook } from '../../shared/model/validate';
import { applyScenario, compareScenario } from '../../shared/scenario/scenario';
import { ok, roundTrips } from './edit-helpers';

const text = readFileSync('test/fixtures/e5-workbook.json', 'utf8');
const load = (t = text): Workbook => {
  const r = parseWorkbook(t);
  if (!r.workbook) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.workbook;
};
const e5Settings = (wb: Workbook, year = 2026): YearScale => levelEntry(wb.budgets[0], year)!.scale!;
const derivation = (scale: YearScale, year = 2026): ScenarioOverride => ({
  kind: 'derivation',
  budget: 'e5',
  year,
  scale,
});

describe('R21 a scenario with other derivation settings', () => {
  it('E5 with a ceiling of 25 instead of 30: A, B and C at the ceiling, I at the floor, recomputed exactly', () => {
    const wb = load();
    const c = compareScenario(
      wb,
      { name: 'Ceiling 25', overrides: [derivation({ ...e5Settings(wb), ceiling: '25' })] },
      'e5',
      2026,
    );
    // After A, B, C at 25 and I at 0.5, D F G H share 24 in proportion to 9 : 2 : 0.9 : 0.42 (factor 150/77);
    // largest remainder gives D's 17.532467… the missing 0.001.
    expect(c.after.rows.map((r) => `${r.code} ${r.units} ${r.amount}`)).toEqual([
      'A 25.000 2500000',
      'B 25.000 2500000',
      'C 25.000 2500000',
      'D 17.533 1753300',
      'F 3.896 389600',
      'G 1.753 175300',
      'H 0.818 81800',
      'I 0.500 50000',
      'J 0.000 0',
      'X 0.500 50000',
    ]);
    expect(c.rows.map((r) => `${r.code} ${r.difference}`)).toEqual([
      'A -500000',
      'B -500000',
      'C 358700',
      'D 468500',
      'F 104100',
      'G 46800',
      'H 21900',
      'I 0',
      'J 0',
      'X 0',
    ]);
    expect(c.totalDifference).toBe('0');
    expect(c.rows.filter((r) => r.changed).map((r) => r.code)).toEqual(['A', 'B', 'C', 'D', 'F', 'G', 'H']);
    expect(c.after.derivation?.settings.ceiling).toBe('25');
    expect(c.after.derivation?.scale.rates.filter((r) => r.note === 'ceiling').map((r) => r.code)).toEqual([
      'A',
      'B',
      'C',
    ]);
    // The baseline is not touched.
    expect(assessBudgetYear(wb, 'e5', 2026).rows[0].amount).toBe('3000000');
    expect(wb.budgets[0].years[0].scale?.ceiling).toBe('30');
  });

  it('half-up instead of largest remainder: H gets 0.600 and the rates sum to 100.001 (E5)', () => {
    const wb = load();
    const after = applyScenario(wb, [derivation({ ...e5Settings(wb), rounding: 'half-up' })]);
    const t = assessBudgetYear(after, 'e5', 2026);
    expect(t.rows.find((r) => r.code === 'H')?.units).toBe('0.600');
    expect(t.derivation?.scale.sum).toBe('100.001');
  });

  it('a biennium year without an entry of its own (2028) and a carried-over year (2029) take the override', () => {
    const wb = load();
    for (const year of [2028, 2029]) {
      const after = applyScenario(wb, [derivation({ ...e5Settings(wb, year), ceiling: '25' }, year)]);
      const t = assessBudgetYear(after, 'e5', year);
      expect(t.derivation?.settings.ceiling).toBe('25');
      // The level and the credit stay those of the year: only the rates move.
      const before = assessBudgetYear(wb, 'e5', year);
      expect(t.total).toBe(before.total);
      expect(t.credit?.level).toBe(before.credit?.level);
      expect(t.rows.find((r) => r.code === 'A')?.units).toBe('25.000');
      // The other year of the biennium keeps its settings.
      expect(assessBudgetYear(after, 'e5', 2027).derivation?.settings.ceiling).toBe('30');
    }
  });

  it('recorded as one undoable change, replaced by the next change of the same year, described in words', () => {
    const wb0 = load();
    const wb = ok(createScenario(wb0, { name: 'Bounds', id: 'b' })).workbook;
    const o = setScenarioOverride(wb, 'b', derivation({ ...e5Settings(wb), ceiling: '25' }));
    const done = roundTrips(wb, o);
    const again = ok(setScenarioOverride(done.workbook, 'b', derivation({ ...e5Settings(wb), ceiling: '28' })));
    expect(again.workbook.scenarios[0].overrides).toHaveLength(1);
    expect(describeOverride(again.workbook.scenarios[0].overrides[0])).toBe(
      'e5 2026: rates derived from base, excluded below 0.1 %, ceiling 28 %, floor 0.5 %, fixed X 0.5 %, 3 decimals by largest remainder',
    );
    expect(validateWorkbook(JSON.parse(JSON.stringify(again.workbook)))).toEqual([]);
  });

  it('settings that cannot be met are refused on their field, with the Scales view’s words', () => {
    const wb = ok(createScenario(load(), { name: 'Bounds', id: 'b' })).workbook;
    const low = setScenarioOverride(wb, 'b', derivation({ ...e5Settings(wb), ceiling: '10' }));
    expect(low.ok).toBe(false);
    if (low.ok) return;
    expect(low.problems.map((p) => p.path)).toEqual(['ceiling']);
    expect(low.problems[0].message).toMatch(/10/);
    const noBase = setScenarioOverride(wb, 'b', derivation({ ...e5Settings(wb), baseScale: 'nope' }));
    expect(!noBase.ok && noBase.problems.map((p) => p.path)).toEqual(['baseScale']);
    const noYear = setScenarioOverride(wb, 'b', derivation(e5Settings(wb), 2020));
    expect(!noYear.ok && noYear.problems[0].message).toBe(
      'E5 budget has no adopted budget for 2020 or any year before it',
    );
  });

  it('a base scale a scenario derives from cannot be removed (the file would no longer open)', () => {
    const doc = JSON.parse(text);
    doc.baseScales.push({ ...doc.baseScales[0], id: 'other', name: 'Other base' });
    const wb0 = ok(createScenario(load(JSON.stringify(doc)), { name: 'Other', id: 'o' })).workbook;
    const wb = ok(setScenarioOverride(wb0, 'o', derivation({ ...e5Settings(wb0), baseScale: 'other' }))).workbook;
    const r = removeBaseScale(wb, { scale: 'other' });
    expect(!r.ok && r.problems[0].message).toBe(
      'Other base cannot be removed: the rates of “Other”: E5 budget 2026 are derived from it.',
    );
    expect(removeBaseScale(wb0, { scale: 'other' }).ok).toBe(true);
  });

  it('a state joining in the scenario can carry a fixed rate there: recorded, saved, reopened and applied', () => {
    const wb0 = ok(createScenario(load(), { name: 'Joins', id: 'j' })).workbook;
    const joined = ok(
      setScenarioOverride(wb0, 'j', { kind: 'join', member: 'Z', name: 'Zeta', budget: 'e5', from: '2026-01-01' }),
    ).workbook;
    const s = e5Settings(joined);
    const scale = { ...s, fixedRates: [...(s.fixedRates ?? []), { member: 'Z', rate: '1' }] };
    // Without the joining state the fixed rate names no member.
    expect(setScenarioOverride(wb0, 'j', derivation(scale)).ok).toBe(false);
    const wb = ok(setScenarioOverride(joined, 'j', derivation(scale))).workbook;
    expect(validateWorkbook(JSON.parse(JSON.stringify(wb)))).toEqual([]);
    const c = compareScenario(wb, wb.scenarios[0], 'e5', 2026);
    expect(c.after.rows.find((r) => r.code === 'Z')?.units).toBe('1.000');
    const applied = ok(applyScenarioToBaseline(wb, 'j')).workbook;
    expect(assessBudgetYear(applied, 'e5', 2026).rows.find((r) => r.code === 'Z')?.amount).toBe('100000');
  });

  it('new base rates that would break a scenario’s derivation are refused, naming the scenario', () => {
    const wb0 = ok(createScenario(load(), { name: 'Joins', id: 'j' })).workbook;
    const joined = ok(
      setScenarioOverride(wb0, 'j', { kind: 'join', member: 'Z', name: 'Zeta', budget: 'e5', from: '2026-01-01' }),
    ).workbook;
    const s = e5Settings(joined);
    const scale = { ...s, fixedRates: [...(s.fixedRates ?? []), { member: 'Z', rate: '1' }] };
    const wb = ok(setScenarioOverride(joined, 'j', derivation(scale))).workbook;
    const rows = (wb.baseScales ?? [])[0].rates.map((r, i) => ({
      at: `row ${i + 2}`,
      code: r.code,
      name: r.name ?? '',
      rate: r.rate,
    }));
    // Z on the base scale: the scenario's fixed rate for Z would clash, and the file would not open again.
    const r = replaceBaseScaleRates(wb, {
      scale: 'base',
      rows: [...rows, { at: 'row 99', code: 'Z', name: 'Zeta', rate: '0.5' }],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.message).join(' ')).toContain('Joins');
    // Without that scenario the same rates are taken, and what is taken validates.
    const plain = replaceBaseScaleRates(wb0, {
      scale: 'base',
      rows: [...rows, { at: 'row 99', code: 'Z', name: 'Zeta', rate: '0.5' }],
    });
    expect(plain.ok && validateWorkbook(JSON.parse(JSON.stringify(plain.workbook)))).toEqual([]);
  });

  it('a file with a bad derivation change is refused with the path of the field', () => {
    const doc = JSON.parse(text);
    doc.scenarios = [
      {
        id: 's',
        name: 'S',
        overrides: [{ kind: 'derivation', budget: 'e5', year: 2026, scale: { baseScale: 'nope', decimals: 13 } }],
      },
    ];
    const paths = validateWorkbook(doc).map((p) => p.path);
    expect(paths).toEqual([
      'scenarios[0].overrides[0].scale.baseScale',
      'scenarios[0].overrides[0].scale.decimals',
      'scenarios[0].overrides[0].scale.rounding',
    ]);
  });
});

// Generated base scales and settings: a scenario whose settings are the year's own computes exactly as the
// baseline (or is refused exactly as the baseline is), whatever the year (own entry, biennium, carried over).
const settingsArb = fc.record({
  base: fc.array(fc.integer({ min: 0, max: 500_000 }), { minLength: 10, maxLength: 10 }),
  places: fc.integer({ min: 0, max: 4 }),
  decimals: fc.integer({ min: 0, max: 4 }),
  exclude: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
  ceiling: fc.option(fc.integer({ min: 12, max: 60 }), { nil: undefined }),
  floor: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
  fixed: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
  rounding: fc.constantFrom('half-up', 'largest-remainder') as fc.Arbitrary<YearScale['rounding']>,
  year: fc.constantFrom(2026, 2027, 2028, 2029),
});

function assess(wb: Workbook, year: number): string {
  try {
    const t = assessBudgetYear(wb, 'e5', year);
    return JSON.stringify([t.rows.map((r) => [r.code, r.units, r.amount, r.credit]), t.total, t.credit]);
  } catch (e) {
    return `refused: ${(e as Error).message}`;
  }
}

describe('R21 property: unchanged settings give the baseline figures', () => {
  it('over generated base scales and settings, in every kind of year', () => {
    let computed = 0;
    fc.assert(
      fc.property(settingsArb, (c) => {
        const doc = JSON.parse(text);
        doc.baseScales[0].rates.forEach(
          (r: { rate: string }, i: number) => (r.rate = formatScaled(BigInt(c.base[i]), c.places)),
        );
        const scale: YearScale = {
          baseScale: 'base',
          decimals: c.decimals,
          rounding: c.rounding,
          ...(c.fixed !== undefined ? { fixedRates: [{ member: 'X', rate: String(c.fixed / 10) }] } : {}),
          ...(c.exclude !== undefined ? { excludeBelow: formatScaled(BigInt(c.exclude), 2) } : {}),
          ...(c.ceiling !== undefined ? { ceiling: String(c.ceiling) } : {}),
          ...(c.floor !== undefined ? { floor: String(c.floor / 10) } : {}),
        };
        for (const y of doc.budgets[0].years) y.scale = scale;
        const wb = doc as Workbook;
        const before = assess(wb, c.year);
        const after = applyScenario(wb, [derivation(levelEntry(wb.budgets[0], c.year)!.scale!, c.year)]);
        expect(assess(after, c.year)).toBe(before);
        if (!before.startsWith('refused')) {
          computed++;
          const cmp = compareScenario(wb, { name: 'same', overrides: [derivation(scale, c.year)] }, 'e5', c.year);
          expect(cmp.rows.every((r) => r.difference === '0' && !r.changed)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
    // The generator must reach computable cases, not only refusals.
    expect(computed).toBeGreaterThan(50);
  });
});

describe('contrib whatif --scenario with other derivation settings', () => {
  it('reads the scenario from the workbook and prints the member-by-member comparison', async () => {
    const doc = JSON.parse(text);
    doc.scenarios = [
      {
        id: 'c25',
        name: 'Ceiling 25',
        overrides: [derivation({ ...e5Settings(load()), ceiling: '25' })],
      },
    ];
    const file = join(mkdtempSync(join(tmpdir(), 'contrib-scales-whatif-')), 'e5.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
    let out = '';
    let err = '';
    const code = await run(
      ['whatif', file, '--budget', 'e5', '--year', '2026', '--scenario', 'Ceiling 25', '--format', 'csv'],
      { out: (t) => (out += t), err: (t) => (err += t) },
    );
    // The fixture's 2027 is derived half-up (sum 100.001): a warning, never an error.
    expect(err).not.toMatch(/error/);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    const a = lines.find((l) => l.startsWith('A,'))!;
    expect(a).toContain('3000000');
    expect(a).toContain('2500000');
    expect(a).toContain('-500000');
  });
});
