#!/usr/bin/env node
// `contrib`: the engine from the command line. Runs the bundle `npm ci` built (scripts/build-cli.mjs, in dist/cli/),
// which starts without compiling anything. When a source is newer than the bundle (an edit since), the bundle is
// rebuilt first; without a bundle (no `npm ci`), where it cannot be rebuilt, or with CONTRIB_SOURCES=1, tsx compiles
// the sources.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bundle = `${root}dist/cli/contrib.mjs`;

/**
 * 'fresh', 'missing', or 'stale' (a source it was built from changed since). Every source is stat'ed: an edit in
 * place changes the file's time but not its folder's, so nothing cheaper is exact. About 180 stats of plain paths
 * cost well under a millisecond (through file URLs they cost several: hence the strings).
 */
function bundleState() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return 'missing';
  }
  try {
    const inputs = JSON.parse(readFileSync(`${root}dist/cli/inputs.json`, 'utf8'));
    for (const f of inputs) {
      const m = statSync(root + f, { throwIfNoEntry: false })?.mtimeMs;
      if (m !== undefined && m > built) return 'stale';
    }
  } catch {
    return 'stale';
  }
  return 'fresh';
}

let state = process.env.CONTRIB_SOURCES === '1' ? 'asked' : bundleState();
if (state === 'stale') {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli({ quiet: true });
    state = 'fresh';
  } catch {
    // esbuild absent (an install without devDependencies) or a source mid-edit: tsx runs it and says what is wrong.
  }
}
if (state === 'fresh') {
  await import('../dist/cli/contrib.mjs');
} else {
  if (state === 'missing')
    process.stderr.write(
      'contrib: no bundle (dist/cli/contrib.mjs; `npm ci` or `node scripts/build-cli.mjs` builds it), compiling the sources with tsx\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('./start.ts');
}
