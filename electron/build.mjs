// Builds the shell into dist/electron: main.js (ESM, the package's "main") and preload.cjs
// (a sandboxed preload must be CommonJS). shared/ code is bundled in; electron and node builtins stay external.
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
console.log(`built ${outDir}/main.js and preload.cjs`);
