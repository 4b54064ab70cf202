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

// shared/ runs in Node (CLI, Electron main, workers) and in the browser: the only packages it may import, relative
// imports aside. '#csv-parse' is package.json "imports" (csv-parse's Node or browser build).
const SHARED_PACKAGES = ['decimal.js', '#csv-parse', 'jsonc-parser', 'fflate', '@formatjs/intl'];
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sharedOnly = {
  regex: `^(?!\\.{1,2}/|(${SHARED_PACKAGES.map(escape).join('|')})$)`,
  message: `shared/ imports only ${SHARED_PACKAGES.join(', ')} and relative paths (it runs in Node and the browser).`,
};
// Globals of one platform (Node or the DOM); shared/ gets what it needs as parameters.
const NODE_GLOBALS = [
  'process',
  'Buffer',
  'global',
  '__dirname',
  '__filename',
  'require',
  'module',
  'exports',
  'setImmediate',
  'clearImmediate',
];
const HOST_GLOBALS = [
  ...NODE_GLOBALS,
  ...[
    'window',
    'document',
    'navigator',
    'localStorage',
    'sessionStorage',
    'self',
    'location',
    'history',
    'alert',
    'confirm',
    'fetch',
    'XMLHttpRequest',
    'indexedDB',
  ],
].map((name) => ({ name, message: 'shared/ runs in Node and the browser: take the platform as a parameter.' }));
// model/ is the bottom layer (the document and its rules); engine/ computes from it, never the other way.
const MODEL_NOT_ENGINE = {
  regex: '(^|/)(engine|scenario|export|edit|ipc)(/|$)',
  message: 'shared/model is the bottom layer: it imports nothing from engine/, scenario/, export/, edit/ or ipc/.',
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
    rules: {
      'no-restricted-imports': ['error', { patterns: [sharedOnly] }],
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
    },
  },
  {
    files: ['shared/model/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [sharedOnly, MODEL_NOT_ENGINE] }] },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/vite.config.ts'], // a Node file (tsconfig.json type-checks it)
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...restrict(
        ['electron', 'electron/*', ...node],
        'the renderer reaches the desktop only through shared/ipc/contract.ts.',
      ),
      'no-restricted-globals': [
        'error',
        ...NODE_GLOBALS.map((name) => ({
          name,
          message: 'the renderer runs in a browser (or a sandboxed Electron window): no Node globals.',
        })),
      ],
    },
  },
  // Only the adapters, main, preload and the IPC registration touch electron.
  {
    files: ['electron/**', 'cli/**', 'test/**', 'bench/**', 'scripts/**'],
    ignores: ['electron/adapters/**', 'electron/main.ts', 'electron/preload.ts', 'electron/ipc/**'],
    rules: restrict(
      ['electron', 'electron/*'],
      'only electron/adapters, main.ts, preload.ts and electron/ipc import electron.',
    ),
  },
);
