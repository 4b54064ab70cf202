#!/usr/bin/env node
// npm start: the desktop app on the bundled example workbook. Where the Electron binary is missing (it cannot be
// downloaded on the build machines) or cannot run, say why in one line and serve browser mode on 127.0.0.1 instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const example = resolve('examples/example-workbook.json');

/** The Electron binary's path, or null: require('electron') returns it, or throws when it was not downloaded. */
function electronBinary() {
  try {
    delete require.cache[require.resolve('electron')];
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/**
 * The binary, or why there is none. npm ci does not run electron's download script (allowScripts denies it, so an
 * install never fails where the binary cannot be fetched): the first start fetches it here.
 */
function findElectron() {
  // Chromium's sandbox, which the app keeps on, does not run as root (a container): browser mode there.
  if (process.getuid?.() === 0) return { reason: 'Electron does not run as root with its sandbox on' };
  let binary = electronBinary();
  if (binary) return { binary };
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return { reason: 'the Electron binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD is set)' };
  let install;
  try {
    install = require.resolve('electron/install.js');
  } catch {
    return { reason: 'the electron package is not installed (npm ci installs it)' };
  }
  console.log("Downloading Electron's binary (first start only)…");
  const r = spawnSync(process.execPath, [install], { encoding: 'utf8', timeout: 10 * 60_000 });
  binary = electronBinary();
  if (binary) return { binary };
  const why = `${r.stderr ?? ''}`.match(/^\w*Error: (.*)$/m)?.[1] ?? r.error?.message ?? `exit code ${r.status}`;
  return { reason: `the Electron binary could not be downloaded (${why})` };
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const vite = resolve('node_modules/.bin/vite');
run(vite, ['build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);

const { binary, reason } = findElectron();
if (binary) {
  run(process.execPath, ['electron/build.mjs']);
  const child = spawn(binary, ['.', example], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Browser mode: ${reason}.`);
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
