#!/usr/bin/env node
// npm start: the desktop app on the bundled example workbook. Where the Electron binary is missing (it cannot be
// downloaded on the build machines), say so in one line and serve browser mode on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const example = resolve('examples/example-workbook.json');

/** The Electron binary's path, or null: require('electron') returns it, or throws when the download was skipped. */
function electronBinary() {
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const vite = resolve('node_modules/.bin/vite');
run(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

const binary = electronBinary();
if (binary) {
  run(process.execPath, ['electron/build.mjs']);
  const child = spawn(binary, ['.', example], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary is missing (installed with ELECTRON_SKIP_BINARY_DOWNLOAD): serving browser mode instead.');
  const { preview } = await import('vite');
  const port = Number(process.env.PORT ?? 4173);
  const server = await preview({
    configFile: resolve('renderer/vite.config.ts'),
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port, strictPort: false, open: false },
  });
  const address = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  console.log(`Contribution Calculator (browser mode, example workbook): ${address}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
