// Builds the shell into dist/electron: main.js (ESM, the package's "main"), preload.cjs (a sandboxed preload must be
// CommonJS) and workbook-check.worker.cjs (the worker thread that reads and checks workbooks, issue 15 item 7). shared/ code is bundled in; electron and node builtins stay external.
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { build } from 'vite';

const external = ['electron', /^node:/, ...builtinModules];
const outDir = resolve('dist/electron');

async function bundle(entry, format, fileName, emptyOutDir) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: true,
      target: 'node22',
      outDir,
      emptyOutDir,
      minify: false,
      sourcemap: true,
      lib: { entry: resolve(entry), formats: [format], fileName: () => fileName },
      rollupOptions: { external },
    },
    ssr: { noExternal: true },
  });
}

await bundle('electron/main.ts', 'es', 'main.js', true);
await bundle('electron/preload.ts', 'cjs', 'preload.cjs', false);
await bundle('electron/workers/workbook-check.worker.ts', 'cjs', 'workbook-check.worker.cjs', false);
console.log(`built ${outDir}/main.js, preload.cjs and workbook-check.worker.cjs`);
