// Issue 13: the boundaries hold because lint fails on them. Runs ESLint's Node API on small sources named as files
// in shared/ and renderer/ (nothing is written to disk).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return r.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint boundaries', () => {
  it('a file in shared/ touching process, Buffer, window or document fails', async () => {
    const found = await problems(
      'shared/model/probe.ts',
      'export const a = [process.env.HOME, Buffer.from("x"), window.name, document.title];\n',
    );
    expect(found.filter((m) => m.startsWith('no-restricted-globals'))).toHaveLength(4);
  });

  it('shared/ imports only its allowlist of packages and relative paths', async () => {
    const code = [
      "import { readFileSync } from 'node:fs';",
      "import { join } from 'path';",
      "import React from 'react';",
      "import { app } from 'electron';",
      "import { parse } from 'csv-parse/sync';",
      "import Decimal from 'decimal.js';",
      "import { parse as csv } from '#csv-parse';",
      "import { parse as jsonc } from 'jsonc-parser';",
      "import { zipSync } from 'fflate';",
      "import { yearOf } from '../model/dates';",
      'export const a = [readFileSync, join, React, app, parse, Decimal, csv, jsonc, zipSync, yearOf];',
    ].join('\n');
    const found = (await problems('shared/engine/probe.ts', code)).filter((m) => m.startsWith('no-restricted-imports'));
    expect(found.map((m) => /'([^']+)' import/.exec(m)?.[1])).toEqual([
      'node:fs',
      'path',
      'react',
      'electron',
      'csv-parse/sync',
    ]);
  });

  it('shared/model imports nothing from shared/engine (the engine computes from the model)', async () => {
    const found = await problems(
      'shared/model/probe.ts',
      "import { Holdings } from '../engine/classes';\nexport const h = Holdings;\n",
    );
    expect(found).toEqual([expect.stringMatching(/^no-restricted-imports: .*shared\/model is the bottom layer/)]);
    expect(
      await problems('shared/engine/probe.ts', "import { yearOf } from '../model/dates';\nexport const y = yearOf;\n"),
    ).toEqual([]);
  });

  it('the renderer imports no electron or node: module and touches no Node global', async () => {
    const code =
      "import { ipcRenderer } from 'electron';\nimport { readFileSync } from 'node:fs';\nexport const a = [ipcRenderer, readFileSync, process.env.X, document.title];\n";
    const found = await problems('renderer/src/probe.ts', code);
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/'electron' import/);
    expect(found.join('\n')).toMatch(/'node:fs' import/);
    expect(found.join('\n')).toMatch(/Unexpected use of 'process'/);
  });
});
