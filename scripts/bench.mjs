#!/usr/bin/env node
// npm run bench [-- NAME ...]: runs bench/NAME.ts (all of them when no name is given). Prints figures only.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const HELPERS = new Set(['harness.ts', 'workbooks.ts']); // imported by the benches, not benches themselves
const all = readdirSync('bench').filter((f) => f.endsWith('.ts') && !HELPERS.has(f)).map((f) => f.slice(0, -3));
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
let status = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`bench: no bench/${name}.ts (have: ${all.join(', ')})`);
    status = 2;
    continue;
  }
  console.log(`\n== bench/${name}`);
  const r = spawnSync('node_modules/.bin/tsx', [`bench/${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
