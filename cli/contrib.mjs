#!/usr/bin/env node
// `contrib`: the engine from the command line. Runs the bundle `npm ci` built (scripts/build-cli.mjs), which starts
// without compiling anything. When a source is newer than the bundle (an edit since), the bundle is rebuilt first;
// without a bundle (no `npm ci`), where it cannot be rebuilt, or with CONTRIB_SOURCES=1, tsx compiles the sources.
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const bundle = new URL('dist/cli/contrib.mjs', root);

/** 'fresh', 'missing', or 'stale' (a source it was built from changed since). */
function bundleState() {
  let built;
  try {
    built = statSync(bundle).mtimeMs;
  } catch {
    return 'missing';
  }
  try {
    const inputs = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    for (const f of inputs) {
      const m = statSync(new URL(f, root), { throwIfNoEntry: false })?.mtimeMs;
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
  await import(bundle.href);
} else {
  if (state === 'missing')
    process.stderr.write(
      'contrib: no bundle (dist/cli/contrib.mjs; `npm ci` or `node scripts/build-cli.mjs` builds it), compiling the sources with tsx\n',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('./start.ts');
}
