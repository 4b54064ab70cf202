import { closeSync, existsSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrib } from './cli-helpers';

// R25 input files through `contrib apportion --members` and the CLI's readText.

const tmp = () => mkdtempSync(join(tmpdir(), 'contrib-r25-'));
const FIXTURE = 'test/fixtures/r25-members-1252.csv';

describe('R25 contrib apportion --members', () => {
  it('R25: the semicolon, decimal-comma, Windows-1252 fixture is read exactly, and stderr says it was Windows-1252', async () => {
    const r = await contrib(
      'apportion',
      '--members',
      FIXTURE,
      '--scheme',
      'scale',
      '--total',
      '1000000.00',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      new RegExp(`^${FIXTURE}: warning: not UTF-8: read as Windows-1252 .*line 4: “CI;Côte d'Ivoire;0,02”`),
    );
    const j = JSON.parse(r.out) as {
      rows: { code: string; name: string; units: string; amount: string }[];
      total: string;
    };
    expect(j.rows.map((x) => [x.code, x.name, x.units])).toEqual([
      ['F043', 'Germany, Fed. Rep. of', '9.04'],
      ['CI', "Côte d'Ivoire", '0.02'],
      ['SN', 'Sénégal', '0.005'],
      ['AT', 'Österreich', '0.679'],
      ['FR', 'France; République française', '4.318'],
      ['CH', 'Schweiz/Suisse', '1.134'],
    ]);
    expect(j.total).toBe('1000000.00');
  });

  it('R25: every bad line is printed as FILE:LINE: message (not only the first), exit 2, nothing written', async () => {
    const dir = tmp();
    const file = join(dir, 'm.csv');
    const out = join(dir, 'out.csv');
    writeFileSync(file, 'code;name;weight\nA;Alpha;1,234\nB;"Beta;1\nC;Gamma;x\nD;Delta;2\nD;Again;3\n');
    const r = await contrib('apportion', '--members', file, '--scheme', 'scale', '--total', '100', '--out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${file}:2: weight: “1,234” can be read as 1.234 (the comma marking decimals) or as 1234 (the comma separating thousands): write the number the file means without a thousands separator`,
      `${file}:3: a quote opened on this line is never closed (the rest of the file would be one field)`,
    ]);
  });

  it('R25: bad lines of every kind are all listed, in line order', async () => {
    const dir = tmp();
    const file = join(dir, 'm.csv');
    writeFileSync(file, 'code,name,class\nP,Patria,A\nP,Patria,B\nQ,Quintia,Z\n,Nemo,C\nR,Ruritania,\n');
    const r = await contrib('apportion', '--members', file, '--scheme', 'wipo-convention', '--total', '1000');
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toEqual([
      `${file}:3: code P appears twice (also on line 2)`,
      `${file}:4: Q: class "Z" is not a class of wipo-convention (A, B, C)`,
      `${file}:5: code is empty`,
      `${file}:6: R: class is empty`,
    ]);
  });

  it('R25: a NUL byte is refused with its line', async () => {
    const dir = tmp();
    const file = join(dir, 'm.csv');
    writeFileSync(file, Buffer.from('code,class\nP,A\nQ,\u0000B\n', 'latin1'));
    const r = await contrib('apportion', '--members', file, '--scheme', 'wipo-convention', '--total', '1000');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(new RegExp(`^${file}:3: the file holds a NUL byte`));
  });

  it('R25: a damaged header byte is refused naming the column, not dropped', async () => {
    const dir = tmp();
    const file = join(dir, 'm.csv');
    writeFileSync(
      file,
      Buffer.concat([Buffer.from('code,n'), Buffer.from([0xff]), Buffer.from('me,class\nP,Patria,A\n')]),
    );
    const r = await contrib('apportion', '--members', file, '--scheme', 'wipo-convention', '--total', '1000');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/m\.csv:1: column 2 is headed “nÿme”: is it “name”/);
  });
});

describe('R25 cli/io readText', () => {
  it('a 539 MB file is refused from its size, with a clear message, before it is read (no ERR_STRING_TOO_LONG)', async () => {
    const dir = tmp();
    const file = join(dir, 'huge.json');
    // A sparse file: its size is 539 MB, its blocks are not written.
    closeSync(openSync(file, 'w'));
    const fd = openSync(file, 'r+');
    (await import('node:fs')).ftruncateSync(fd, 539 * 1024 * 1024);
    closeSync(fd);
    const r = await contrib('validate', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${file}:1: the file is 539 MB, larger than the 256 MB this reads: is it the right file?\n`);
    const m = await contrib('apportion', '--members', file, '--scheme', 'paris', '--total', '1');
    expect(m.err).toMatch(/larger than the 64 MB this reads/);
  });

  it('R25: a workbook that is not UTF-8 is read as Windows-1252 and stderr says so; a NUL is refused', async () => {
    const dir = tmp();
    const file = join(dir, 'w.json');
    writeFileSync(file, Buffer.from('{ "name": "Côte" ', 'latin1'));
    const r = await contrib('validate', file);
    expect(r.err).toMatch(new RegExp(`^${file}: warning: not UTF-8: read as Windows-1252`));
    writeFileSync(file, Buffer.from('{\n\u0000}', 'latin1'));
    expect((await contrib('validate', file)).err).toMatch(new RegExp(`^${file}:2: the file holds a NUL byte`));
  });
});
