import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionTotal } from '../../shared/engine/apportion';
import { bienniumFigure, bienniumSplit } from '../../shared/engine/biennium';
import { EngineError } from '../../shared/model/errors';
import { deriveScale, type BaseRate, type ScaleMember, type ScaleSettings } from '../../shared/engine/scale';
import { decimalPlaces, formatScaled, toScaledBigInt } from '../../shared/model/decimal';

// Worked example E5 (R21).
const E5_BASE: BaseRate[] = 'A 45, B 22, C 15, D 9, E 5.5, F 2, G 0.9, H 0.42, I 0.15, J 0.05'.split(', ').map((s) => {
  const [code, rate] = s.split(' ');
  return { code, rate };
});
const E5_MEMBERS: ScaleMember[] = [...'ABCDFGHIJ']
  .map((code) => ({ code }) as ScaleMember)
  .concat([{ code: 'X', fixedRate: '0.5' }]);
const E5_SETTINGS: ScaleSettings = { excludeBelow: '0.1', ceiling: '30', floor: '0.5', decimals: 3 };
const byCode = (r: { rates: { code: string; rate: string }[] }) =>
  Object.fromEntries(r.rates.map((x) => [x.code, x.rate]));

describe('R21 derived scale: E5', () => {
  it('largest remainder: A 30 · B 30 · C 21.413 · D 12.848 · F 2.855 · G 1.285 · H 0.599 · I 0.5 · J 0 · X 0.5, sum 100.000', () => {
    const r = deriveScale(E5_BASE, E5_MEMBERS, { ...E5_SETTINGS, rounding: 'largest-remainder' });
    expect(byCode(r)).toEqual({
      A: '30.000',
      B: '30.000',
      C: '21.413',
      D: '12.848',
      F: '2.855',
      G: '1.285',
      H: '0.599',
      I: '0.500',
      J: '0.000',
      X: '0.500',
    });
    expect(r.sum).toBe('100.000');
    expect(r.rates.map((x) => x.note)).toEqual([
      'ceiling',
      'ceiling',
      '',
      '',
      '',
      '',
      '',
      'floor',
      'excluded',
      'fixed',
    ]);
    expect(r.rates.find((x) => x.code === 'X')!.baseRate).toBeNull();
  });

  it('half-up gives H 0.600 and a sum of 100.001', () => {
    const r = deriveScale(E5_BASE, E5_MEMBERS, { ...E5_SETTINGS, rounding: 'half-up' });
    expect(byCode(r)).toEqual({
      A: '30.000',
      B: '30.000',
      C: '21.413',
      D: '12.848',
      F: '2.855',
      G: '1.285',
      H: '0.600',
      I: '0.500',
      J: '0.000',
      X: '0.500',
    });
    expect(r.sum).toBe('100.001');
  });

  it('f = 99.5 / 94.47 exactly, shown to 15 significant digits; B reaches the ceiling only after A’s excess is spread', () => {
    const r = deriveScale(E5_BASE, E5_MEMBERS, E5_SETTINGS);
    expect(r.factor).toEqual({ fraction: '9950/9447', decimal: '1.05324441621679' });
    const kinds = r.steps.map((s) => s.step);
    expect(kinds).toEqual(['membership', 'exclusion', 'renormalization', 'ceiling', 'ceiling', 'floor', 'rounding']);
    const ceilings = r.steps.filter((s) => s.step === 'ceiling');
    expect(ceilings.map((s) => s.members.map((m) => m.code))).toEqual([['A'], ['B']]);
    expect(ceilings[0].members[0].before).toBe('47.3959987297555'); // 45 · 9950/9447
    expect(r.steps.find((s) => s.step === 'exclusion')).toMatchObject({ excluded: [{ code: 'J', baseRate: '0.05' }] });
    expect(r.steps.find((s) => s.step === 'membership')).toMatchObject({
      members: 10,
      onBase: 9,
      notMembers: 1,
      sumFixed: '0.5',
    });
  });

  it('a total of 10,000,000 on the largest-remainder rates (R5, unit 1)', () => {
    const r = deriveScale(E5_BASE, E5_MEMBERS, { ...E5_SETTINGS, rounding: 'largest-remainder' });
    const a = apportionTotal(
      r.rates.map((x) => ({ code: x.code, units: x.rate })),
      '10000000',
      '1',
    );
    expect(a.amounts).toEqual([
      '3000000',
      '3000000',
      '2141300',
      '1284800',
      '285500',
      '128500',
      '59900',
      '50000',
      '0',
      '50000',
    ]);
  });
});

describe('R21 bounds compared exactly', () => {
  it('a rate a hair under the floor is raised to it; a rate a hair over the ceiling is set to it', () => {
    // B: 1.099 · 100 / 9999.999 = 0.0109900011 < 0.011.
    const f = deriveScale(
      [
        { code: 'A', rate: '9998.9' },
        { code: 'B', rate: '1.099' },
      ],
      [{ code: 'A' }, { code: 'B' }],
      { floor: '0.011', decimals: 3, rounding: 'largest-remainder' },
    );
    expect(f.rates.map((x) => `${x.code} ${x.rate} ${x.note}`)).toEqual(['A 99.989 ', 'B 0.011 floor']);
    // A: 60.0000001 · 100 / 100.0000001 = 60.00000004 > 60.
    const c = deriveScale(
      [
        { code: 'A', rate: '60.0000001' },
        { code: 'B', rate: '39.9999999' },
        { code: 'C', rate: '0.0000001' },
      ],
      [{ code: 'A' }, { code: 'B' }, { code: 'C' }],
      { ceiling: '60', decimals: 3, rounding: 'largest-remainder' },
    );
    expect(c.rates.map((x) => `${x.code} ${x.exactRate} ${x.note}`)).toEqual([
      'A 60 ceiling',
      'B 39.9999999 ',
      'C 0.0000001 ',
    ]);
  });
});

describe('R21 refusals', () => {
  const two: BaseRate[] = [
    { code: 'P', rate: '90' },
    { code: 'Q', rate: '10' },
  ];
  const both: ScaleMember[] = [{ code: 'P' }, { code: 'Q' }];
  const refused = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      return (e as Error).message;
    }
    throw new Error('not refused');
  };
  it('a ceiling that cannot hold 100 % among the members', () => {
    expect(refused(() => deriveScale(two, both, { ceiling: '49' }))).toBe(
      'a ceiling of 49 % for 2 members holds at most 98 %, less than the 100 % they share: raise the ceiling',
    );
  });
  it('a floor that asks for more than 100 %', () => {
    expect(refused(() => deriveScale(two, both, { floor: '51' }))).toBe(
      'a floor of 51 % for 2 members needs at least 102 %, more than the 100 % they share: lower the floor',
    );
  });
  it('a floor above the ceiling; bounds that leave nobody to take the difference', () => {
    expect(refused(() => deriveScale(two, both, { floor: '60', ceiling: '50' }))).toMatch(
      /the floor 60 is above the ceiling 50/,
    );
    // P capped at 60 leaves Q 40, below the floor of 45, and nobody is left to give the 5.
    expect(refused(() => deriveScale(two, both, { ceiling: '60', floor: '45' }))).toMatch(/cannot both be met/);
  });
  it('members without a rate, a fixed rate for a member on the base scale, fixed rates over 100 %', () => {
    expect(refused(() => deriveScale(two, [{ code: 'Z' }]))).toBe('Z is not on the base scale and has no fixed rate');
    expect(refused(() => deriveScale(two, [{ code: 'P', fixedRate: '1' }]))).toMatch(
      /P is on the base scale \(rate 90\)/,
    );
    expect(
      refused(() => deriveScale(two, [{ code: 'P' }, { code: 'Y', fixedRate: '60' }, { code: 'Z', fixedRate: '41' }])),
    ).toMatch(/add up to 101 %, more than 100 %/);
    expect(refused(() => deriveScale(two, [{ code: 'Y', fixedRate: '60' }]))).toMatch(/not 100 %/);
  });
  it('a bound with more decimals than the rates are rounded to', () => {
    expect(refused(() => deriveScale(two, both, { ceiling: '60.5', decimals: 0 }))).toMatch(/more decimals than the 0/);
    expect(refused(() => deriveScale(two, [...both, { code: 'X', fixedRate: '0.0005' }]))).toBe(
      "X's fixed rate 0.0005 has more decimals than the 3 the rates are rounded to, so it could not be assessed as fixed",
    );
  });
  it('everyone excluded', () => {
    expect(refused(() => deriveScale(two, both, { excludeBelow: '95' }))).toMatch(/not 100 %/);
  });
});

// Generated scales: base rates with up to 4 decimals, some members off the base scale with fixed rates, bounds
// chosen so that most cases can be met (the rest are refused and skipped).
const caseArb = fc.integer({ min: 0, max: 5 }).chain((d) =>
  fc.record({
    d: fc.constant(d),
    base: fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 40 }),
    take: fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }),
    fixed: fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 3 }),
    exclude: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }),
    ceiling: fc.option(fc.integer({ min: 5, max: 60 }), { nil: undefined }),
    floor: fc.option(fc.integer({ min: 0, max: 10 ** Math.min(d, 3) }), { nil: undefined }),
    rounding: fc.constantFrom('half-up', 'largest-remainder') as fc.Arbitrary<'half-up' | 'largest-remainder'>,
    seed: fc.integer(),
  }),
);

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(c: Case) {
  const base: BaseRate[] = c.base.map((r, i) => ({ code: `B${i}`, rate: formatScaled(BigInt(r), 4) }));
  const members: ScaleMember[] = base.filter((_, i) => c.take[i] || i === 0).map((b) => ({ code: b.code }));
  c.fixed.forEach((f, i) =>
    members.push({ code: `X${i}`, fixedRate: c.d > 0 ? formatScaled(BigInt(f), 1) : String(f) }),
  );
  const settings: ScaleSettings = {
    decimals: c.d,
    rounding: c.rounding,
    ...(c.exclude !== undefined ? { excludeBelow: formatScaled(BigInt(c.exclude), 4) } : {}),
    ...(c.ceiling !== undefined ? { ceiling: String(c.ceiling) } : {}),
    // A floor of at most 1 % with the rates' decimals.
    ...(c.floor !== undefined ? { floor: formatScaled(BigInt(c.floor), Math.min(c.d, 3)) } : {}),
  };
  return { base, members, settings };
}

function derived(base: BaseRate[], members: ScaleMember[], settings: ScaleSettings) {
  try {
    return deriveScale(base, members, settings);
  } catch (e) {
    if (e instanceof EngineError) return null;
    throw e;
  }
}

const scaled = (v: string, d: number) => toScaledBigInt(v, d);

function shuffle<T>(xs: T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('R21 properties over generated scales', () => {
  let feasible = 0;
  it('largest remainder: the rates sum to exactly 100; half-up misses by less than half a unit per member', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, members, settings } = build(c);
        const r = derived(base, members, settings);
        if (!r) return;
        feasible++;
        const sum = r.rates.reduce((s, x) => s + scaled(x.rate, c.d), 0n);
        expect(formatScaled(sum, c.d)).toBe(r.sum);
        if (c.rounding === 'largest-remainder') expect(sum).toBe(100n * 10n ** BigInt(c.d));
        else
          expect(
            2n *
              (sum > 100n * 10n ** BigInt(c.d) ? sum - 100n * 10n ** BigInt(c.d) : 100n * 10n ** BigInt(c.d) - sum) <=
              BigInt(members.length),
          ).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(feasible).toBeGreaterThan(100); // the generator does reach the interesting cases
  });

  it('no rate crosses a bound; excluded members pay nothing, fixed members their fixed rate', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, members, settings } = build(c);
        const r = derived(base, members, settings);
        if (!r) return;
        const P = 6;
        for (const [i, x] of r.rates.entries()) {
          const v = scaled(x.rate, P);
          if (x.note === 'excluded') {
            expect(v).toBe(0n);
            expect(scaled(x.baseRate!, P) < scaled(settings.excludeBelow!, P)).toBe(true);
            continue;
          }
          if (x.note === 'fixed') expect(v).toBe(scaled(members[i].fixedRate!, P));
          if (settings.ceiling) expect(v <= scaled(settings.ceiling, P)).toBe(true);
          if (settings.floor) expect(v >= scaled(settings.floor, P)).toBe(true);
          if (x.note === 'ceiling') expect(v).toBe(scaled(settings.ceiling!, P));
          if (x.note === 'floor') expect(v).toBe(scaled(settings.floor!, P));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a member with a higher base rate never gets a lower derived rate', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, members, settings } = build(c);
        const r = derived(base, members, settings);
        if (!r) return;
        const onBase = r.rates
          .filter((x) => x.baseRate !== null)
          .map((x) => [scaled(x.baseRate!, 4), scaled(x.rate, c.d)] as const);
        onBase.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
        for (let k = 1; k < onBase.length; k++)
          if (onBase[k][0] > onBase[k - 1][0]) expect(onBase[k][1] >= onBase[k - 1][1]).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('permuting the members (and the base scale) changes nothing', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const { base, members, settings } = build(c);
        const r = derived(base, members, settings);
        const p = derived(shuffle(base, c.seed), shuffle(members, c.seed ^ 0x5bd1e995), settings);
        expect(p === null).toBe(r === null);
        if (!r || !p) return;
        expect(byCode(p)).toEqual(byCode(r));
        expect(p.factor).toEqual(r.factor);
        expect(p.sum).toBe(r.sum);
        expect(Object.fromEntries(p.rates.map((x) => [x.code, x.note]))).toEqual(
          Object.fromEntries(r.rates.map((x) => [x.code, x.note])),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('R23 biennium', () => {
  it('the first year gets half rounded down to the rounding unit, the second the rest', () => {
    expect(bienniumSplit('2000001', '1')).toEqual(['1000000', '1000001']);
    expect(bienniumSplit('100.01', '0.01')).toEqual(['50.00', '50.01']);
    expect(bienniumSplit('1000', '100')).toEqual(['500', '500']);
    expect(bienniumSplit('1100', '100')).toEqual(['500', '600']);
    expect(() => bienniumSplit('100.5', '1')).toThrow(/not a whole number of the rounding unit 1/);
  });
  it('a decision that gives each year’s figure is followed; a year outside every biennium has none', () => {
    const biennia = [
      { years: [2026, 2027] as [number, number], amount: '300', split: ['100', '200'] as [string, string] },
      { years: [2028, 2029] as [number, number], amount: '301' },
    ];
    expect([2026, 2027, 2028, 2029, 2030].map((y) => bienniumFigure(biennia, y, '1'))).toEqual([
      '100',
      '200',
      '150',
      '151',
      undefined,
    ]);
  });
  it('the two years always add up to the biennial figure exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('1', '0.01', '0.05', '100'), (k, unit) => {
        const places = decimalPlaces(unit);
        const amount = formatScaled(k * toScaledBigInt(unit, places), places);
        const [a, b] = bienniumSplit(amount, unit);
        expect(toScaledBigInt(a, places) + toScaledBigInt(b, places)).toBe(toScaledBigInt(amount, places));
        expect(toScaledBigInt(a, places) <= toScaledBigInt(b, places)).toBe(true);
      }),
    );
  });
});
