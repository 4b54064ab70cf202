#!/usr/bin/env node
// npm run bench [-- NAME ...]: runs bench/NAME.ts (all of them when no name is given). Prints figures only.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const HELPERS = new Set(['harness.ts', 'workbooks.ts']); // imported by the benches, not benches themselves
const all = readdirSync('bench')
  .filter((f) => f.endsWith('.ts') && !HELPERS.has(f))
  .map((f) => f.slice(0, -3));
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
// Benches that drive the built renderer in Debian's Chromium: built once here, or skipped (saying why) without Chromium.
const IN_CHROMIUM = new Set(['ui', 'ui-ledger']);
const CHROMIUM = '/usr/bin/chromium';
let built = false;
let status = 0;
for (const name of names) {
  if (!all.includes(name)) {
    console.error(`bench: no bench/${name}.ts (have: ${all.join(', ')})`);
    status = 2;
    continue;
  }
  console.log(`\n== bench/${name}`);
  if (IN_CHROMIUM.has(name)) {
    if (!existsSync(CHROMIUM)) {
      console.log(`skipped: it drives the app in ${CHROMIUM} (apt-get install -y chromium)`);
      continue;
    }
    if (!built) {
      const b = spawnSync(
        'node_modules/.bin/vite',
        ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'],
        { stdio: 'inherit' },
      );
      if (b.status !== 0) {
        status = b.status ?? 1;
        continue;
      }
      built = true;
    }
  }
  const r = spawnSync('node_modules/.bin/tsx', [`bench/${name}.ts`], { stdio: 'inherit' });
  if (r.status !== 0) status = r.status ?? 1;
}
process.exit(status);
