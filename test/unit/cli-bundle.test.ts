// Issue 13 item 4: `contrib` ships as one bundle (scripts/build-cli.mjs, run by `npm ci`) that needs no TypeScript
// compiler and no node_modules at run time, and gives what the sources give.
import { cpSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBundle, E1, E1_CSV, node, tmp } from './cli-helpers';

describe('the contrib bundle', () => {
  let dir = '';
  beforeAll(() => {
    // Built into a folder of its own, so the test never races a dist/cli in use.
    dir = tmp('contrib-bundle-');
    buildBundle(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('E1: the bundle reproduces the Conference budget example', () => {
    const r = node([join(dir, 'contrib.mjs'), ...E1]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(E1_CSV);
  });

  it('stands alone: copied away from the repository (no node_modules, no sources), it runs the same', () => {
    const alone = tmp('contrib-alone-');
    cpSync(dir, alone, { recursive: true }); // the entry, its chunks, the catalogs
    const args = E1.map((a) => (a.startsWith('test/') ? resolve(a) : a));
    const r = node([join(alone, 'contrib.mjs'), ...args], { cwd: alone });
    rmSync(alone, { recursive: true, force: true });
    expect(r.stdout).toBe(E1_CSV);
    const bad = node([
      join(dir, 'contrib.mjs'),
      'apportion',
      '--members',
      'nope.csv',
      '--scheme',
      'paris',
      '--total',
      '1',
    ]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('nope.csv:1: no such file\n');
  });

  it('the bin compiling the sources with tsx (CONTRIB_SOURCES=1) gives the same', () => {
    const r = node(['cli/contrib.mjs', ...E1], { env: { ...process.env, CONTRIB_SOURCES: '1' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(E1_CSV);
  });
});
