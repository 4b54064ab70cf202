// What the CLI tests share (issue 13: written once, not in each test file): `contrib` run in this process or as
// a process of its own, a temporary folder, the bundle built, and the worked examples' command lines and outputs.
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

/** `contrib ARGS…` through cli/main.ts run(): the exit code and what it wrote to stdout and stderr. */
export async function contrib(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { run } = await import('../../cli/main'); // loaded by the tests that run it, not by those using the data
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** `node ARGS…` in a process of its own (the bin, the bundle, the build script), its output as text. */
export const node = (args: string[], options: Omit<SpawnSyncOptionsWithStringEncoding, 'encoding'> = {}) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', ...options });

/** A new empty folder under the system's temporary folder. */
export const tmp = (prefix = 'contrib-') => mkdtempSync(join(tmpdir(), prefix));

/** Builds the contrib bundle into `dir` as `npm ci` does (scripts/build-cli.mjs), silently. */
export function buildBundle(dir: string): void {
  const r = node(['scripts/build-cli.mjs', '--out-dir', dir]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

/** A scheme of classes written as SCHEME.json (id `mine`, name `Mine`) in `dir`: its path, for --scheme. */
export function schemeFile(dir: string, classes: { code: string; units: string }[]): string {
  const file = join(dir, 's.json');
  writeFileSync(file, JSON.stringify({ id: 'mine', name: 'Mine', kind: 'classes', classes }));
  return file;
}

/** A contribution CSV as { code: amount } (the last column), header left out. */
export const csvAmounts = (out: string) =>
  Object.fromEntries(
    out
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => [l.split(',')[0], l.split(',').at(-1)]),
  );

/** E1 (DOMAIN.md): the Conference budget of 1,000,000.00 shared by class; `more` follows the members and scheme. */
export const e1Args = (...more: string[]) => [
  'apportion',
  '--members',
  'test/fixtures/e1-members.csv',
  '--scheme',
  'wipo-convention',
  '--total',
  '1000000.00',
  ...more,
];
export const E1 = e1Args('--format', 'csv');
export const E1_CSV =
  'code,name,class,units,percent,amount\nP,Patria,A,10,66.6667,666666.67\nQ,Quintia,B,3,20.0000,200000.00\nR,Ruritania,C,1,6.6667,66666.67\nS,Sylvania,C,1,6.6666,66666.66\n';

/** E7 (DOMAIN.md, R24): the liquidity example's workbook and its month-ends as the CSV writes them. */
export const E7 = 'test/fixtures/e7-workbook.json';
export const E7_MONTHS = [
  '2026-01-31,0,100,0,150,0,0',
  '2026-02-28,0,100,0,50,0,0',
  '2026-03-31,600,100,400,150,0,0',
  '2026-04-30,0,100,300,150,0,0',
  '2026-05-31,0,100,200,150,0,0',
  '2026-06-30,0,100,100,150,0,0',
  '2026-07-31,0,100,0,150,0,0',
  '2026-08-31,0,100,0,50,0,0',
  '2026-09-30,0,100,0,0,50,0',
  '2026-10-31,600,100,300,150,0,0',
  '2026-11-30,0,100,200,150,0,0',
  '2026-12-31,0,100,100,150,0,0',
];
export const E7_CSV = ['date,receipts,spending,cash,wcf,advances,shortfall', ...E7_MONTHS, ''].join('\n');
