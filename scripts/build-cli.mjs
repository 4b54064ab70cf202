#!/usr/bin/env node
// Bundles the CLI (cli/start.ts with shared/ and its packages) into dist/cli/contrib.mjs, so `contrib` starts without
// compiling TypeScript. Run by `npm ci` (the prepare script), and by cli/contrib.mjs itself when a source is newer
// than the bundle (a developer's edit). Also writes dist/cli/inputs.json: the source files the bundle was built from.
// `node scripts/build-cli.mjs [--out-dir DIR]` builds elsewhere (the bundle's test).
import { build } from 'esbuild';
import { mkdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds the bundle into `outDir`; returns its path. Both files are written beside and renamed, so a `contrib`
 * started during a build (or two builds at once) never reads half a file. */
export async function buildCli({ outDir = join(root, 'dist/cli'), quiet = false } = {}) {
  const outfile = join(outDir, 'contrib.mjs');
  mkdirSync(outDir, { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  const started = new Date();
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['cli/start.ts'],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'bundle',
    // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its "module" is plain ESM.
    mainFields: ['module', 'main'],
    // A bundled CommonJS package may call require(); ESM output has none unless given one.
    banner: {
      js: "import { createRequire as __ccRequire } from 'node:module'; const require = __ccRequire(import.meta.url);",
    },
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  });
  // package-lock.json too: an upgrade of decimal.js or csv-parse makes the bundle stale as well.
  const inputs = [
    ...Object.keys(result.metafile.inputs).filter((f) => !f.includes('node_modules/')),
    'package-lock.json',
  ];
  writeFileSync(`${tmp}.json`, `${JSON.stringify(inputs)}\n`);
  renameSync(`${tmp}.json`, join(outDir, 'inputs.json'));
  // Dated when the build began: a source saved while esbuild was reading makes the bundle stale, as it is.
  utimesSync(tmp, started, started);
  renameSync(tmp, outfile);
  return { outfile, bytes: result.metafile.outputs[relative(root, tmp)]?.bytes ?? 0, inputs: inputs.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out-dir');
  const started = performance.now();
  const r = await buildCli(at > 0 ? { outDir: resolve(process.argv[at + 1]) } : {});
  console.log(
    `built ${relative(process.cwd(), r.outfile)} (${Math.round(r.bytes / 1024)} KB, ${r.inputs} source files) in ${Math.round(performance.now() - started)} ms`,
  );
}
