import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear, computeContributions, withCredit } from '../../shared/engine/assess';
import { checkComputable } from '../../shared/engine/check';
import { Ledger } from '../../shared/engine/ledger';
import { grossCreditNet } from '../../shared/engine/net';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { contrib } from './cli-helpers';

// R21–R23 in the workbook (format 2): base scales, a year's derivation and credit, biennia.

const FIXTURE = 'test/fixtures/e5-workbook.json';
const text = readFileSync(FIXTURE, 'utf8');
const load = (t = text): Workbook => {
  const r = parseWorkbook(t);
  if (!r.workbook) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return r.workbook;
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test reaches into the JSON freely
type Doc = any;
const edit = (f: (doc: Doc) => void): string => {
  const doc = JSON.parse(text) as Doc;
  f(doc);
  return JSON.stringify(doc, null, 2);
};
const problems = (t: string) => {
  const r = parseWorkbook(t);
  return r.problems.map((p, i) => `${r.lines[i]}: ${p.message} [${p.path}]`);
};

describe('a budget whose rates are derived from a base scale (R21)', () => {
  it('E5 in the workbook: the largest-remainder rates and the total of 10,000,000 apportioned on them', () => {
    const t = assessBudgetYear(load(), 'e5', 2026);
    expect(t.rows.map((r) => `${r.code} ${r.units} ${r.amount}`)).toEqual([
      'A 30.000 3000000',
      'B 30.000 3000000',
      'C 21.413 2141300',
      'D 12.848 1284800',
      'F 2.855 285500',
      'G 1.285 128500',
      'H 0.599 59900',
      'I 0.500 50000',
      'J 0.000 0',
      'X 0.500 50000',
    ]);
    expect(t.derivation?.scale.factor).toEqual({ fraction: '9950/9447', decimal: '1.05324441621679' });
    expect(t.derivation?.baseScale).toEqual({
      id: 'base',
      name: 'Base scale E5',
      source: 'DOMAIN.md, worked example E5',
    });
    expect(t.credit).toBeUndefined();
  });

  it('contrib apportion WORKBOOK --budget --year prints it like any other budget; with a credit, credit,net come last', async () => {
    const r = await contrib('apportion', FIXTURE, '--budget', 'e5', '--year', '2026', '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('code,name,class,units,percent,amount,declared_rate');
    expect(r.out.split('\n')[1]).toBe('A,Alpha,,30.000,30.0000,3000000,30.000');
    const c = await contrib('apportion', FIXTURE, '--budget', 'e5', '--year', '2027', '--format', 'csv');
    expect(c.code).toBe(0);
    expect(c.out.split('\n')[0]).toBe('code,name,class,units,percent,amount,declared_rate,credit,net');
    const j = JSON.parse(
      (await contrib('apportion', FIXTURE, '--budget', 'e5', '--year', '2027', '--format', 'json')).out,
    ) as {
      total: string;
      creditTotal: string;
      netTotal: string;
      derivation: { factor: { fraction: string } };
      rows: { code: string; note: string }[];
    };
    expect([j.total, j.creditTotal, j.netTotal]).toEqual(['10000000', '1500000', '8500000']);
    expect(j.derivation.factor.fraction).toBe('9950/9447');
    expect(j.rows.map((x) => x.note)).toEqual(['ceiling', 'ceiling', '', '', '', '', '', 'floor', 'excluded', 'fixed']);
    const t = await contrib('apportion', FIXTURE, '--budget', 'e5', '--year', '2027');
    expect(t.out).toContain(
      'Rates derived from Base scale E5 (DOMAIN.md, worked example E5): factor 1.05324441621679 (9950/9447), excluded below 0.1, ceiling 30, floor 0.5, 3 decimals half-up',
    );
    expect(t.out).toContain('Gross 10,000,000, credit 1,500,000, net 8,500,000');
  });

  it('R22 each member’s net is its gross less its credit, and the columns sum exactly', () => {
    const t = assessBudgetYear(load(), 'e5', 2027);
    let g = 0n;
    let c = 0n;
    let n = 0n;
    for (const r of t.rows) {
      expect(BigInt(r.net!)).toBe(BigInt(r.amount) - BigInt(r.credit!));
      g += BigInt(r.amount);
      c += BigInt(r.credit!);
      n += BigInt(r.net!);
    }
    expect([g, c, n]).toEqual([10_000_000n, 1_500_000n, 8_500_000n]);
  });

  it('R23 the biennium 2027–2028 of 20,000,001: 10,000,000 then 10,000,001; 2029 is carried over (R10) with the same derivation and credit', () => {
    const wb = load();
    expect([2027, 2028, 2029].map((y) => assessBudgetYear(wb, 'e5', y).total)).toEqual([
      '10000000',
      '10000001',
      '10000001',
    ]);
    const t29 = assessBudgetYear(wb, 'e5', 2029);
    expect([t29.carriedOver, t29.sourceYear, t29.credit?.level, t29.derivation?.settings.rounding]).toEqual([
      true,
      2028,
      '1500000',
      'half-up',
    ]);
  });

  it('the ledger owes the net amounts; the loss-of-vote threshold reads the gross unless thresholdOn is net', () => {
    const wb = load();
    const ledger = new Ledger(wb);
    const t = assessBudgetYear(wb, 'e5', 2027);
    const a = t.rows.find((r) => r.code === 'A')!;
    expect(ledger.table('e5', 2027).get('A')).toBe(BigInt(a.net!));
    expect(ledger.assessed('e5', 'A', 2027)).toBe(BigInt(a.amount));
    const net = new Ledger({ ...wb, settings: { ...wb.settings, thresholdOn: 'net' } });
    expect(net.assessed('e5', 'A', 2027)).toBe(BigInt(a.net!));
    // A year without a credit: owed = gross, the derived amounts.
    expect(ledger.table('e5', 2026).get('C')).toBe(2_141_300n);
  });

  it('R22 withCredit on a total gives what grossCreditNet gives (generated weights and totals)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 25 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        (w, x, y) => {
          fc.pre(w.some((v) => v > 0));
          const [gross, credit] = x >= y ? [x, y] : [y, x];
          const members = w.map((u, i) => ({ code: `M${i}`, name: '', units: String(u) }));
          const table = computeContributions(
            { id: 'b', name: 'b', currency: 'CHF', roundingUnit: '1', rounding: 'half-up' },
            members,
            'total',
            String(gross),
            { year: null, carriedOver: false, sourceYear: null },
          );
          withCredit(table, members, String(credit));
          const ref = grossCreditNet(members, String(gross), String(credit), '1');
          expect(table.rows.map((r) => [r.amount, r.credit, r.net])).toEqual(
            ref.gross.map((g, i) => [g, ref.credit[i], ref.net[i]]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('R21–R23 workbook checks', () => {
  it('a version 2 file without the new sections reads as before; the fixture validates', () => {
    expect(problems(text)).toEqual([]);
    const plain = edit((d) => {
      delete d.baseScales;
      d.budgets[0].years = [{ year: 2026, method: 'total', amount: '100', adopted: true }];
      delete d.budgets[0].biennia;
      d.participations.forEach((p: { classes: unknown[] }) => (p.classes = [{ year: 2026, weight: '1' }]));
    });
    expect(problems(plain)).toEqual([]);
    expect(problems(plain.replace('"version": 2', '"version": 1'))).toEqual([]);
  });

  it('bad settings are named with their line and path', () => {
    const bad = edit((d) => {
      d.baseScales[0].rates[1].code = 'A';
      d.budgets[0].years[0].scale.baseScale = 'nope';
      d.budgets[0].years[0].scale.rounding = 'nearest';
      d.budgets[0].years[0].scale.fixedRates.push({ member: 'A', rate: '1' });
      d.budgets[0].years[1].credit = '1.5';
      d.budgets[0].biennia[0].split = ['1', '2'];
      d.settings.thresholdOn = 'both';
    });
    const got = problems(bad);
    expect(got).toEqual([
      expect.stringMatching(
        /^\d+: What the loss-of-vote threshold compares with must be "gross" or "net" \(got "both"\) \[settings.thresholdOn\]$/,
      ),
      expect.stringMatching(/^\d+: Base scale base lists A twice \[baseScales\[0\]\.rates\[1\]\.code\]$/),
      expect.stringMatching(
        /^\d+: Budget e5, 2026: there is no base scale "nope" \[budgets\[0\]\.years\[0\]\.scale\.baseScale\]$/,
      ),
      expect.stringMatching(
        /^\d+: Budget e5, 2026: the rounding must be "half-up" or "largest-remainder" \(got "nearest"\) \[budgets\[0\]\.years\[0\]\.scale\.rounding\]$/,
      ),
      expect.stringMatching(/^\d+: Budget e5, 2027: the credit 1\.5 is not a whole number of the rounding unit 1/),
      expect.stringMatching(
        /^\d+: Budget e5, biennium 1: the two years' figures 1 and 2 do not add up to the biennial figure 20000001 \[budgets\[0\]\.biennia\[0\]\.split\]$/,
      ),
    ]);
    // The line is the field's own line in the file.
    const line = Number(got[2].split(':')[0]);
    expect(bad.split('\n')[line - 1]).toContain('"baseScale": "nope"');
    // A fixed rate for a member on the base scale (with a base scale that exists).
    const fixed = edit((d) => d.budgets[0].years[0].scale.fixedRates.push({ member: 'A', rate: '1' }));
    expect(problems(fixed)).toEqual([
      expect.stringMatching(
        /Budget e5, 2026: A is on base scale base; a fixed rate is only for a member that is not on it/,
      ),
    ]);
  });

  it('a biennium year that also gives its own total, overlapping biennia, and years that do not follow', () => {
    const bad = edit((d) => {
      d.budgets[0].years[1].amount = '5000000';
      d.budgets[0].biennia.push({ years: [2028, 2029], amount: '2' }, { years: [2030, 2032], amount: '2' });
    });
    expect(problems(bad)).toEqual([
      expect.stringMatching(
        /Budget e5, 2027: 2027 takes its figure from the biennium, so its own total must be left out/,
      ),
      expect.stringMatching(/Budget e5, biennium 2: 2028 is already in another biennium/),
      expect.stringMatching(/Budget e5, biennium 3: the years must be two consecutive years/),
    ]);
  });

  it('bounds the members of a year cannot meet are found by checkComputable, on the budget', () => {
    const wb = load(edit((d) => (d.budgets[0].years[0].scale.ceiling = '10')));
    expect(checkComputable(wb).map((p) => p.path)).toEqual(['budgets[0]']);
    expect(checkComputable(wb)[0].message).toMatch(/a ceiling of 10 % for 8 members holds at most 80 %/);
  });
});
