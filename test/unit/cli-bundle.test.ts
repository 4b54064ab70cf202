// Issue 13 item 4: `contrib` ships as one bundle (scripts/build-cli.mjs, run by `npm ci`) that needs no TypeScript
// compiler and no node_modules at run time, and gives what the sources give.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const E1 = [
  'apportion',
  '--members',
  'test/fixtures/e1-members.csv',
  '--scheme',
  'wipo-convention',
  '--total',
  '1000000.00',
  '--format',
  'csv',
];
const E1_CSV =
  'code,name,class,units,percent,amount\nP,Patria,A,10,66.6667,666666.67\nQ,Quintia,B,3,20.0000,200000.00\nR,Ruritania,C,1,6.6667,66666.67\nS,Sylvania,C,1,6.6666,66666.66\n';

describe('the contrib bundle', () => {
  let dir = '';
  beforeAll(() => {
    // Built into a folder of its own, so the test never races a dist/cli in use.
    dir = mkdtempSync(join(tmpdir(), 'contrib-bundle-'));
    const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--out-dir', dir], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('E1: the bundle reproduces the Conference budget example', () => {
    const r = spawnSync(process.execPath, [join(dir, 'contrib.mjs'), ...E1], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(E1_CSV);
  });

  it('stands alone: copied away from the repository (no node_modules, no sources), it runs the same', () => {
    const alone = mkdtempSync(join(tmpdir(), 'contrib-alone-'));
    cpSync(dir, alone, { recursive: true }); // the entry, its chunks, the catalogs
    const args = E1.map((a) => (a.startsWith('test/') ? resolve(a) : a));
    const r = spawnSync(process.execPath, [join(alone, 'contrib.mjs'), ...args], { encoding: 'utf8', cwd: alone });
    rmSync(alone, { recursive: true, force: true });
    expect(r.stdout).toBe(E1_CSV);
    const bad = spawnSync(
      process.execPath,
      [join(dir, 'contrib.mjs'), 'apportion', '--members', 'nope.csv', '--scheme', 'paris', '--total', '1'],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('nope.csv:1: no such file\n');
  });

  it('the bin compiling the sources with tsx (CONTRIB_SOURCES=1) gives the same', () => {
    const r = spawnSync(process.execPath, ['cli/contrib.mjs', ...E1], {
      encoding: 'utf8',
      env: { ...process.env, CONTRIB_SOURCES: '1' },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(E1_CSV);
  });
});
