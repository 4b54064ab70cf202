import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';

// R21 `contrib scale derive` and R22 `contrib apportion --credit`, through the CLI's run().

async function contrib(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'contrib-scale-'));
const BASE = 'test/fixtures/e5-base.csv';
const MEMBERS = 'test/fixtures/e5-members.csv';
const E5 = [
  '--base',
  BASE,
  '--members',
  MEMBERS,
  '--exclude-below',
  '0.1',
  '--ceiling',
  '30',
  '--floor',
  '0.5',
  '--decimals',
  '3',
];

describe('contrib scale derive (R21)', () => {
  it('E5 by largest remainder, as CSV: the header exactly code,name,base_rate,rate,note; rates sum to 100', async () => {
    const r = await contrib('scale', 'derive', ...E5, '--rounding', 'largest-remainder', '--format', 'csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'code,name,base_rate,rate,note',
        'A,Alpha,45,30.000,ceiling',
        'B,Beta,22,30.000,ceiling',
        'C,Gamma,15,21.413,',
        'D,Delta,9,12.848,',
        'F,Phi,2,2.855,',
        'G,Gimel,0.9,1.285,',
        'H,Eta,0.42,0.599,',
        'I,Iota,0.15,0.500,floor',
        'J,Jota,0.05,0.000,excluded',
        'X,Xenia (not on the base scale),,0.500,fixed',
        '',
      ].join('\n'),
    );
  });

  it('E5 half-up (the default): H 0.600, and the JSON sum says 100.001; the factor as a decimal and a fraction', async () => {
    const r = await contrib('scale', 'derive', ...E5, '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      factor: { decimal: string; fraction: string };
      sum: string;
      steps: { step: string; members?: { code: string }[] }[];
      rates: { code: string; rate: string; note: string }[];
    };
    expect(j.factor).toEqual({ fraction: '9950/9447', decimal: '1.05324441621679' });
    expect(j.factor.decimal.replace(/\D/g, '').replace(/^0+/, '').length).toBeGreaterThanOrEqual(12);
    expect(j.sum).toBe('100.001');
    expect(j.rates.find((x) => x.code === 'H')!.rate).toBe('0.600');
    expect(j.steps.map((s) => s.step)).toEqual([
      'membership',
      'exclusion',
      'renormalization',
      'ceiling',
      'ceiling',
      'floor',
      'rounding',
    ]);
    expect(j.steps.filter((s) => s.step === 'ceiling').map((s) => s.members!.map((m) => m.code).join())).toEqual([
      'A',
      'B',
    ]);
  });

  it('the table for people states each step and the sum', async () => {
    const r = await contrib('scale', 'derive', ...E5, '--rounding', 'largest-remainder');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Factor: 99.5 / 94.47 = 9950/9447 = 1.05324441621679');
    expect(r.out).toContain('Excluded below 0.1: J (0.05)');
    expect(r.out).toMatch(/Rounded to 3 decimals by largest remainder: the rates sum to 100\.000/);
    expect(r.out).toMatch(/^Total\s+100\.000\s*$/m);
  });

  it('R25: a semicolon file with decimal commas reads as the same scale', async () => {
    const dir = tmp();
    const base = join(dir, 'base.csv');
    writeFileSync(
      base,
      'code;name;rate\nA;Alpha;45\nB;Beta;22\nC;Gamma;15\nD;Delta;9\nE;Epsilon;5,5\nF;Phi;2\nG;Gimel;0,9\nH;Eta;0,42\nI;Iota;0,15\nJ;Jota;0,05\n',
    );
    const a = await contrib('scale', 'derive', ...E5.map((x) => (x === BASE ? base : x)), '--format', 'csv');
    const b = await contrib('scale', 'derive', ...E5, '--format', 'csv');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });

  it('bad lines are named FILE:LINE, every one, exit 2, nothing written', async () => {
    const dir = tmp();
    const base = join(dir, 'base.csv');
    const members = join(dir, 'members.csv');
    const out = join(dir, 'out.csv');
    writeFileSync(base, 'code,name,rate\nA,Alpha,60\nB,Beta,x\nA,Again,1\n');
    writeFileSync(members, 'code,name,fixed_rate\nA,Alpha,\nZ,Zulu,\n');
    const r = await contrib('scale', 'derive', '--base', base, '--members', members, '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${base}:3: B: rate "x" is not a rate written like 0.125`,
      `${base}:4: code A appears twice (also on line 2)`,
    ]);
    writeFileSync(base, 'code,name,rate\nA,Alpha,60\nB,Beta,40\n');
    writeFileSync(members, 'code,name,fixed_rate\nA,Alpha,\nB,Beta,1\nZ,Zulu,\n');
    const m = await contrib('scale', 'derive', '--base', base, '--members', members);
    expect(m.code).toBe(2);
    expect(m.err.trimEnd().split('\n')).toEqual([
      `${members}:3: fixed_rate: B is on the base scale (${base}, rate 40): a fixed_rate is only for a member that is not on it`,
      `${members}:4: Z is not on the base scale (${base}) and has no fixed_rate`,
    ]);
    writeFileSync(base, 'code,name\nA,Alpha\n');
    const h = await contrib('scale', 'derive', '--base', base, '--members', members);
    expect(h.err).toBe(`${base}:1: the header has no "rate" column (the base scale needs each rate)\n`);
  });

  it('a misspelt fixed_rate column is refused; a column it does not read is said on stderr', async () => {
    const dir = tmp();
    const members = join(dir, 'members.csv');
    writeFileSync(members, 'code,name,Fixed Rate\nA,Alpha,\n');
    const r = await contrib('scale', 'derive', '--base', BASE, '--members', members);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${members}:1: column 3 is headed "Fixed Rate": write "fixed_rate"\n`);
    writeFileSync(members, 'code,name,class\nA,Alpha,X\nB,Beta,Y\n');
    const w = await contrib('scale', 'derive', '--base', BASE, '--members', members, '--format', 'csv');
    expect(w.code).toBe(0);
    expect(w.err).toBe(`${members}: warning: the column "class" is not read (only code, name, fixed_rate).\n`);
    expect(w.out).toBe('code,name,base_rate,rate,note\nA,Alpha,45,67.164,\nB,Beta,22,32.836,\n');
  });

  it('infeasible bounds are refused with the reason, exit 2', async () => {
    const r = await contrib('scale', 'derive', '--base', BASE, '--members', MEMBERS, '--ceiling', '10');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'contrib: a ceiling of 10 % for 9 members holds at most 90 %, less than the 99.5 % they share: raise the ceiling\n',
    );
    const f = await contrib('scale', 'derive', '--base', BASE, '--members', MEMBERS, '--floor', '12');
    expect(f.code).toBe(2);
    expect(f.err).toBe("contrib: X's fixed rate 0.5 is below the floor 12\n");
    const u = await contrib('scale', 'derive', '--base', BASE, '--members', MEMBERS, '--rounding', 'nearest');
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/^contrib: --rounding must be half-up or largest-remainder \(got "nearest"\)/);
  });
});

describe('contrib apportion --credit (R22)', () => {
  const dir = tmp();
  const members = join(dir, 'e6.csv');
  writeFileSync(members, 'code,name,weight\nP,Pe,60\nQ,Qu,30\nR,Ar,10\n');

  it('E6: gross 2,000,001, credit 300,001, unit 1: credit,net at the end of the header, amount stays gross', async () => {
    const r = await contrib(
      'apportion',
      '--members',
      members,
      '--scheme',
      'scale',
      '--total',
      '2000001',
      '--credit',
      '300001',
      '--rounding-unit',
      '1',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'code,name,class,units,percent,amount,credit,net',
        'P,Pe,,60,60.0000,1200001,180001,1020000',
        'Q,Qu,,30,30.0000,600000,90000,510000',
        'R,Ar,,10,10.0000,200000,30000,170000',
        '',
      ].join('\n'),
    );
    const j = JSON.parse(
      (
        await contrib(
          'apportion',
          '--members',
          members,
          '--scheme',
          'scale',
          '--total',
          '2000001',
          '--credit',
          '300001',
          '--rounding-unit',
          '1',
          '--format',
          'json',
        )
      ).out,
    ) as { creditTotal: string; netTotal: string };
    expect([j.creditTotal, j.netTotal]).toEqual(['300001', '1700000']);
  });

  it('a credit per unit with --unit-value (R7): each member’s credit is its units times the credit value', async () => {
    const r = await contrib(
      'apportion',
      '--members',
      members,
      '--scheme',
      'scale',
      '--unit-value',
      '1000.005',
      '--credit-unit-value',
      '150.005',
      '--rounding-unit',
      '1',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'code,name,class,units,percent,amount,credit,net',
      'P,Pe,,60,60.0000,60000,9000,51000',
    ]);
  });

  it('a credit without its method, above the gross, or off the rounding unit is refused, exit 2', async () => {
    const base = ['apportion', '--members', members, '--scheme', 'scale', '--rounding-unit', '1'];
    expect((await contrib(...base, '--unit-value', '10', '--credit', '5')).err).toMatch(/--credit goes with --total/);
    expect((await contrib(...base, '--total', '10', '--credit-unit-value', '5')).err).toMatch(
      /--credit-unit-value goes with --unit-value/,
    );
    const over = await contrib(...base, '--total', '10', '--credit', '11');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/--credit 11 is more than the gross total 10/);
    expect((await contrib(...base, '--total', '10', '--credit', '1.5')).err).toMatch(
      /not a whole number of the rounding unit 1/,
    );
  });
});
