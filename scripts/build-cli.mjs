#!/usr/bin/env node
// Bundles the CLI (cli/start.ts with shared/ and its packages) into dist/cli/, so `contrib` starts without compiling
// TypeScript. Run by `npm ci` (the prepare script), and by cli/contrib.mjs itself when a source is newer than the
// bundle (a developer's edit). `node scripts/build-cli.mjs [--out-dir DIR]` builds elsewhere (the bundle's test).
//
// What it writes (issue 13: start-up under 0.15 s, so a run reads only what it uses):
//   contrib.mjs             the entry; the only file with a fixed name, written last
//   chunk-HASH.mjs          code the entry imports (esbuild code splitting: an `import()` becomes its own chunk)
//   catalog-LANG-HASH.json  one language's messages, read the first time that language is spoken (cli/catalogs.ts)
//   inputs.json             the source files it was built from, for the bin's staleness check
// Chunks and catalogs are named by their content and written before the entry, so a `contrib` started during a build
// (or two builds at once) reads either the old build whole or the new one whole, never half of each.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = 'contrib.mjs';
/** A file of this build's kind that no build has used for this long is removed: a `contrib` started before a rebuild
 * may still import one of the old chunks late in its run (the XLSX writer, after a long computation). */
const KEEP_MS = 10 * 60_000;
const OURS = /^(chunk-[A-Z0-9]+\.mjs|catalog-[a-z]+-[0-9a-f]+\.json|.+\.\d+\.tmp)$/;

const hashOf = (data) => createHash('sha256').update(data).digest('hex').slice(0, 10);

/** Writes beside and renames, so a reader sees the old file or the new one. */
function writeAtomic(file, data, mtime) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  if (mtime) utimesSync(tmp, mtime, mtime);
  renameSync(tmp, file);
}

/** Every language's catalog as the sources have it (shared/i18n/catalogs/index.ts, bundled in memory and imported). */
async function readCatalogs() {
  const r = await build({
    absWorkingDir: root,
    entryPoints: ['shared/i18n/catalogs/index.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    logLevel: 'silent',
  });
  const code = Buffer.from(r.outputFiles[0].contents).toString('base64');
  const { CATALOGS, NAMESPACES } = await import(`data:text/javascript;base64,${code}`);
  return { CATALOGS, NAMESPACES, inputs: Object.keys(r.metafile.inputs) };
}

/** In the bundle, shared/i18n/catalogs (every language, eager: the app's and the tests') is cli/catalogs.ts. */
const lazyCatalogs = {
  name: 'lazy-catalogs',
  setup(b) {
    const eager = join(root, 'shared/i18n/catalogs');
    b.onResolve({ filter: /catalogs(\/index(\.ts)?)?$/ }, (a) =>
      resolve(a.resolveDir, a.path).replace(/(\/index)?(\.ts)?$/, '') === eager
        ? { path: join(root, 'cli/catalogs.ts') }
        : undefined,
    );
  },
};

/** Builds into `outDir`; returns the entry's path and what was written. */
export async function buildCli({ outDir = join(root, 'dist/cli'), quiet = false } = {}) {
  mkdirSync(outDir, { recursive: true });
  const started = new Date();
  const catalogs = await readCatalogs();
  const files = []; // [name, contents]
  const catalogFiles = {};
  for (const [lang, catalog] of Object.entries(catalogs.CATALOGS)) {
    const text = JSON.stringify(catalog);
    catalogFiles[lang] = `catalog-${lang}-${hashOf(text)}.json`;
    files.push([catalogFiles[lang], text]);
  }
  const result = await build({
    absWorkingDir: root,
    entryPoints: { contrib: 'cli/start.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    splitting: true,
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'bundle',
    // fflate's Node build loads worker_threads when imported (several ms at every start) for its async API, which the
    // XLSX writer does not use; the browser build has the same synchronous zip (and the app already ships it).
    alias: { fflate: 'fflate/browser' },
    // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its "module" is plain ESM.
    mainFields: ['module', 'main'],
    // A bundled CommonJS package may call require(); ESM output has none unless given one.
    banner: {
      js: "import { createRequire as __ccRequire } from 'node:module'; const require = __ccRequire(import.meta.url);",
    },
    define: {
      CONTRIB_CATALOGS: JSON.stringify({ namespaces: catalogs.NAMESPACES, files: catalogFiles }),
      CONTRIB_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version),
    },
    plugins: [lazyCatalogs],
    legalComments: 'none',
    metafile: true,
    logLevel: quiet ? 'silent' : 'warning',
  });
  let entry;
  for (const f of result.outputFiles) {
    if (basename(f.path) === ENTRY) entry = f.contents;
    else files.push([basename(f.path), f.contents]);
  }
  // Named by content: a file already there is this very file (touched, so the clean-up below keeps it).
  for (const [name, contents] of files) {
    const file = join(outDir, name);
    try {
      utimesSync(file, started, started);
    } catch {
      writeAtomic(file, contents); // not there (or just removed by another build's clean-up)
    }
  }
  // package-lock.json too: an upgrade of decimal.js or csv-parse makes the bundle stale as well (package.json: the version).
  const inputs = [
    ...new Set(
      [...Object.keys(result.metafile.inputs), ...catalogs.inputs].filter((f) => !f.includes('node_modules/')),
    ),
    'package.json',
    'package-lock.json',
  ];
  writeAtomic(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
  // Dated when the build began: a source saved while esbuild was reading makes the bundle stale, as it is.
  writeAtomic(join(outDir, ENTRY), entry, started);
  const written = new Set(files.map(([name]) => name));
  for (const name of readdirSync(outDir)) {
    if (written.has(name) || !OURS.test(name)) continue;
    try {
      if (statSync(join(outDir, name)).mtimeMs < started.getTime() - KEEP_MS) unlinkSync(join(outDir, name));
    } catch {
      // removed by a build running beside this one
    }
  }
  const size = (pick) => files.filter(([name]) => pick.test(name)).reduce((n, [, c]) => n + c.length, 0);
  return {
    outfile: join(outDir, ENTRY),
    entryBytes: entry.length,
    chunkBytes: size(/^chunk-/),
    catalogBytes: size(/^catalog-/),
    chunks: files.filter(([name]) => name.startsWith('chunk-')).length,
    catalogs: Object.keys(catalogFiles).length,
    inputs: inputs.length,
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out-dir');
  const started = performance.now();
  const r = await buildCli(at > 0 ? { outDir: resolve(process.argv[at + 1]) } : {});
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(
    `built ${relative(process.cwd(), r.outfile)} (${kb(r.entryBytes)}; ${r.chunks} chunks, ${kb(r.chunkBytes)}; ${r.catalogs} catalogs, ${kb(r.catalogBytes)}; ${r.inputs} source files) in ${Math.round(performance.now() - started)} ms`,
  );
}
