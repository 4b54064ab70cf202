import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrib, csvAmounts, E1, E1_CSV, e1Args, node, schemeFile, tmp } from './cli-helpers';

describe('contrib apportion from CSV', () => {
  it('E1: reproduces the Conference budget example as CSV', async () => {
    const r = await contrib(...E1);
    expect(r.code).toBe(0);
    expect(r.out).toBe(E1_CSV);
  });

  it('E2: unitary scheme from a semicolon CSV with a BOM and a comment line', async () => {
    const r = await contrib(
      'apportion',
      '--members',
      'test/fixtures/e2-members.csv',
      '--scheme',
      'wipo-unitary',
      '--total',
      '500000',
      '--rounding-unit',
      '1',
      '--format',
      'csv',
    );
    expect(r.code).toBe(0);
    expect(csvAmounts(r.out)).toEqual({ P: '350877', Q: '140351', R: '5848', S: '1462', T: '1462' });
  });

  it('E3: a fixed unit value of 45,579, as JSON', async () => {
    const r = await contrib(
      'apportion',
      '--members',
      'test/fixtures/e3-members.csv',
      '--scheme',
      'wipo-unitary',
      '--unit-value',
      '45579',
      '--rounding-unit',
      '1',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.method).toBe('unit-value');
    expect(j.unitValue).toBe('45579');
    expect(j.rows.map((x: { amount: string }) => x.amount)).toEqual([
      '1139475',
      '911580',
      '683685',
      '455790',
      '341843',
      '227895',
      '136737',
      '91158',
      '45579',
      '22790',
      '11395',
      '5697',
      '2849',
      '1424',
    ]);
    expect(j.total).toBe('4077897');
  });

  it('prints a table for people with a total line', async () => {
    const r = await contrib(...e1Args());
    expect(r.out).toMatch(/^Total\s+4 members\s+15\s+100\.0000\s+1,000,000\.00$/m);
    expect(r.out).toMatch(/666,666\.67/);
  });

  it('R2: a scale from a weight column', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'w.csv'), 'code,name,weight\nX,Xanadu,22\nY,Ys,0.001\nZ,Zembla,77.999\n');
    const r = await contrib(
      'apportion',
      '--members',
      join(dir, 'w.csv'),
      '--scheme',
      'scale',
      '--total',
      '1000.00',
      '--format',
      'csv',
    );
    expect(csvAmounts(r.out)).toEqual({ X: '220.00', Y: '0.01', Z: '779.99' });
  });

  it('a custom SCHEME.json', async () => {
    const dir = tmp();
    const scheme = schemeFile(dir, [
      { code: 'X', units: '2' },
      { code: 'Y', units: '1' },
    ]);
    writeFileSync(join(dir, 'm.csv'), 'code,name,class\nA,Alpha,X\nB,Beta,Y\n');
    const r = await contrib(
      'apportion',
      '--members',
      join(dir, 'm.csv'),
      '--scheme',
      scheme,
      '--total',
      '3',
      '--rounding-unit',
      '1',
      '--format',
      'csv',
    );
    expect(csvAmounts(r.out)).toEqual({ A: '2', B: '1' });
  });

  it('--out writes the file and nothing to stdout', async () => {
    const out = join(tmp(), 'e1.csv');
    const r = await contrib(...E1, '--out', out);
    expect(r.out).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^code,name,class,units,percent,amount\n/);
  });
});

describe('contrib apportion: bad input exits 2 with FILE:LINE and writes nothing', () => {
  const bad = async (csv: string, ...extra: string[]) => {
    const dir = tmp();
    const file = join(dir, 'members.csv');
    const out = join(dir, 'out.csv');
    writeFileSync(file, csv);
    const r = await contrib(
      'apportion',
      '--members',
      file,
      '--scheme',
      'wipo-convention',
      '--total',
      '1000',
      '--out',
      out,
      ...extra,
    );
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    return { ...r, file };
  };

  it('an unknown class names the line', async () => {
    const r = await bad('code,name,class\nP,Patria,A\n# comment\nQ,Quintia,Z\n');
    expect(r.err).toBe(`${r.file}:4: Q: class "Z" is not a class of wipo-convention (A, B, C)\n`);
  });

  it('a duplicate code names the line and the first one', async () => {
    const r = await bad('code,name,class\nP,Patria,A\nP,Patria,B\n');
    expect(r.err).toBe(`${r.file}:3: code P appears twice (also on line 2)\n`);
  });

  it('zero total units', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'w.csv'), 'code,name,weight\nX,Xanadu,0\nY,Ys,0\n');
    const r = await contrib('apportion', '--members', join(dir, 'w.csv'), '--scheme', 'scale', '--total', '1000.00');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/w\.csv:1: the members hold zero units in total/);
  });

  it('a missing header column, a missing file, a non-numeric amount', async () => {
    expect((await bad('code,klass\nP,A\n')).err).toMatch(/members\.csv:1: the header has no "class" column/);
    const missing = await contrib('apportion', '--members', 'no/such.csv', '--scheme', 'paris', '--total', '1');
    expect(missing).toMatchObject({ code: 2, err: 'no/such.csv:1: no such file\n' });
    const nan = await contrib(
      'apportion',
      '--members',
      'test/fixtures/e1-members.csv',
      '--scheme',
      'paris',
      '--total',
      '1,000',
    );
    expect(nan.code).toBe(2);
    expect(nan.err).toMatch(/--total must be a number written like 1000000\.00 \(got "1,000"\)/);
  });
});

describe('contrib on the example workbook', () => {
  it('apportions a budget and year from the workbook', async () => {
    const r = await contrib(
      'apportion',
      'examples/example-workbook.json',
      '--budget',
      'conference',
      '--year',
      '2026',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.carriedOver).toBe(true);
    expect(j.total).toBe(j.level);
  });

  it('validate accepts the example and rejects a broken copy with readable messages', async () => {
    expect((await contrib('validate', 'examples/example-workbook.json')).code).toBe(0);
    const wb = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8'));
    wb.members[1].code = wb.members[0].code;
    wb.budgets[0].years[0].amount = 1500000;
    wb.participations[0].classes[0].class = 'Z';
    const file = join(tmp(), 'broken.json');
    writeFileSync(file, JSON.stringify(wb, null, 2));
    const r = await contrib('validate', file);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`${file}:\\d+: Member code ${wb.members[0].code} is used twice`));
    expect(r.out).toMatch(/must be written as a decimal string such as "1500000" \(in quotes\), so no cent is lost/);
    expect(r.out).toMatch(/class Z is not a class of/);
    expect(r.out).toMatch(/there is no member /); // the renamed member's participations now dangle
    expect(r.out).toMatch(/12 problems found/); // the renamed member is also named by its six opening balances
  });

  it('a damaged file or a newer format says so and changes nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'cut.json'), readFileSync('examples/example-workbook.json', 'utf8').slice(0, 5000));
    const r = await contrib('validate', join(dir, 'cut.json'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/The file is damaged or not JSON/);
    const wb = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8'));
    wb.version = 3;
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify(wb));
    const before = readFileSync(newer, 'utf8');
    const n = await contrib('apportion', newer, '--budget', 'paris', '--year', '2026');
    expect(n.code).toBe(2);
    expect(n.err).toMatch(/newer version of Contribution Calculator \(format version 3\)/);
    expect(readFileSync(newer, 'utf8')).toBe(before);
  });

  it('the contrib bin runs the same engine in its own process', () => {
    const r = node(['cli/contrib.mjs', ...E1]);
    expect(r.status).toBe(0);
    expect(csvAmounts(r.stdout)).toEqual({ P: '666666.67', Q: '200000.00', R: '66666.67', S: '66666.66' });
    const bad = node(['cli/contrib.mjs', 'apportion', '--members', 'nope.csv', '--scheme', 'paris', '--total', '1']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('nope.csv:1: no such file\n');
  });
});
