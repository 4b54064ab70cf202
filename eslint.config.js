import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const node = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'net'];
// The electron package by regex: a group pattern 'electron/*' would also match our own '../electron/handlers/…'.
const restrict = (groups, message) => {
  const rest = groups.filter((g) => g !== 'electron' && g !== 'electron/*');
  const patterns = rest.length ? [{ group: rest, message }] : [];
  if (rest.length !== groups.length) patterns.push({ regex: '^electron(/.*)?$', message });
  return { 'no-restricted-imports': ['error', { patterns }] };
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The engine is isomorphic: the app, the browser and the CLI run the same code.
  {
    files: ['shared/**'],
    languageOptions: { globals: {} },
    rules: restrict(['electron', 'electron/*', 'react', 'react-dom', 'react/*', ...node], 'shared/ is pure: no electron, node or react.'),
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(['electron', 'electron/*', ...node], 'the renderer reaches the desktop only through shared/ipc/contract.ts.'),
  },
  // Only the adapters, main, preload and the IPC registration touch electron.
  {
    files: ['electron/**', 'cli/**', 'test/**', 'bench/**', 'scripts/**'],
    ignores: ['electron/adapters/**', 'electron/main.ts', 'electron/preload.ts', 'electron/ipc/**'],
    rules: restrict(['electron', 'electron/*'], 'only electron/adapters, main.ts, preload.ts and electron/ipc import electron.'),
  },
);
