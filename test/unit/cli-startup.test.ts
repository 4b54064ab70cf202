// Issue 13 item 4: `contrib` starts in under 0.15 s. The bundle (scripts/build-cli.mjs) is an entry, chunks and one
// catalog per language; a run reads only what its command needs, a rebuild never leaves a half build, and the bin
// rebuilds when a source changed. Timing itself is bench/cli.ts's; here, what is read and what is written.
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGS, NAMESPACES } from '../../shared/i18n/catalogs';
import { LANGS } from '../../shared/i18n/languages';

const node = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', env });
const dirs: string[] = [];
const tmp = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};
const E1 = ['apportion', '--members', resolve('test/fixtures/e1-members.csv'), '--scheme', 'wipo-convention'];
const E1_CSV = [...E1, '--total', '1000000.00', '--format', 'csv'];
const E4 = resolve('test/fixtures/e4-workbook.json');
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const english = { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

/** The files a module of the bundle imports (static `import … from "./x"` and `import("./x")`), and theirs. */
function reached(dir: string, from: string, dynamic = true, seen = new Set<string>()): Set<string> {
  seen.add(from);
  const text = readFileSync(join(dir, from), 'utf8');
  const found = [...text.matchAll(/(?:^import[^;'"]*|\bfrom\s*)["']\.\/([^"']+)["']/gm)].map((m) => m[1]);
  if (dynamic) found.push(...[...text.matchAll(/\bimport\(\s*["']\.\/([^"']+)["']\s*\)/g)].map((m) => m[1]));
  for (const f of found) if (!seen.has(f)) reached(dir, f, dynamic, seen);
  return seen;
}

/** A copy of the bundle in a folder of its own, keeping only the files `keep` says yes to. */
function copyKeeping(from: string, keep: (name: string) => boolean): string {
  const to = tmp('contrib-part-');
  cpSync(from, to, { recursive: true });
  for (const name of readdirSync(to)) if (!keep(name)) unlinkSync(join(to, name));
  return to;
}

let dir = '';
beforeAll(() => {
  dir = tmp('contrib-startup-');
  const r = node(['scripts/build-cli.mjs', '--out-dir', dir]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 60_000);
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('what a run reads', () => {
  it('--version needs the entry and what it imports statically, not the commands', () => {
    const start = reached(dir, 'contrib.mjs', false);
    const all = reached(dir, 'contrib.mjs');
    expect(all.size).toBeGreaterThan(start.size); // the commands are a chunk of their own
    const bare = copyKeeping(dir, (name) => start.has(name));
    const r = node([join(bare, 'contrib.mjs'), '--version']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`contrib ${version}\n`);
    // The same copy cannot run a command: the test above does prove the commands were left unread.
    expect(node([join(bare, 'contrib.mjs'), '--help']).status).not.toBe(0);
  });

  it('in English no other language is read: the seven other catalogs deleted, E1, validate, help and a usage error are the same', () => {
    const en = copyKeeping(dir, (name) => !name.startsWith('catalog-') || name.startsWith('catalog-en-'));
    for (const args of [E1_CSV, ['validate', E4], ['--help'], ['frobnicate'], [...E1, '--total', '1.005']]) {
      const full = node([join(dir, 'contrib.mjs'), ...args], english);
      const part = node([join(en, 'contrib.mjs'), ...args], english);
      expect(part.stdout).toBe(full.stdout);
      expect(part.stderr).toBe(full.stderr);
      expect(part.status).toBe(full.status);
    }
  });

  it('another language is read when asked for: French from --lang, Arabic from LANG', () => {
    const fr = node([join(dir, 'contrib.mjs'), 'validate', E4, '--lang', 'fr'], english);
    expect(fr.status).toBe(0);
    const ar = node([join(dir, 'contrib.mjs'), 'frobnicate'], { ...english, LANG: 'ar_EG.UTF-8' });
    expect(ar.status).toBe(2);
    const inEnglish = node([join(dir, 'contrib.mjs'), 'validate', E4], english);
    expect(fr.stdout).not.toBe(inEnglish.stdout);
    expect(ar.stderr).toMatch(/[\u0600-\u06ff]/);
  });

  it('each catalog file holds exactly what the sources hold for its language', () => {
    const files = readdirSync(dir).filter((n) => n.startsWith('catalog-'));
    expect(files).toHaveLength(LANGS.length);
    for (const lang of LANGS) {
      const file = files.find((n) => n.startsWith(`catalog-${lang}-`))!;
      const read = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(read)).toEqual([...NAMESPACES]);
      expect(read).toEqual(CATALOGS[lang]);
    }
  });
});

describe('a rebuild', () => {
  it('writes over an older build without removing what a running contrib may still import', () => {
    const again = tmp('contrib-rebuild-');
    cpSync(dir, again, { recursive: true });
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of readdirSync(again)) utimesSync(join(again, name), hourAgo, hourAgo);
    // An old build's chunk and catalog, unused for an hour; a build's of a minute ago; someone else's file.
    const planted = {
      old: ['chunk-OLD00000.mjs', 'catalog-fr-0123456789.json', 'contrib.mjs.99999.tmp'],
      recent: 'chunk-RECENT00.mjs',
      foreign: 'notes.txt',
    };
    for (const name of [...planted.old, planted.foreign]) {
      writeFileSync(join(again, name), 'x');
      utimesSync(join(again, name), hourAgo, hourAgo);
    }
    writeFileSync(join(again, planted.recent), 'x');
    const before = Date.now();
    const r = node(['scripts/build-cli.mjs', '--out-dir', again]);
    expect(r.status).toBe(0);
    for (const name of planted.old) expect(existsSync(join(again, name))).toBe(false);
    expect(existsSync(join(again, planted.recent))).toBe(true);
    expect(existsSync(join(again, planted.foreign))).toBe(true);
    // Everything the new entry reaches is there, though an hour old before (same content, same name: kept).
    for (const name of reached(again, 'contrib.mjs')) expect(existsSync(join(again, name))).toBe(true);
    expect(readdirSync(again).filter((n) => n.startsWith('catalog-'))).toHaveLength(LANGS.length);
    // The entry is dated when the build began (a source saved during the build leaves it stale).
    const entry = statSync(join(again, 'contrib.mjs')).mtimeMs;
    expect(entry).toBeGreaterThanOrEqual(before - 2000);
    expect(entry).toBeLessThanOrEqual(Date.now());
    expect(node([join(again, 'contrib.mjs'), ...E1_CSV]).stdout).toBe(
      node([join(dir, 'contrib.mjs'), ...E1_CSV]).stdout,
    );
  }, 60_000);
});

describe('the bin (cli/contrib.mjs)', () => {
  // A tree of its own: the bin as it is, a stand-in bundle that says which build it is, and a stand-in build script
  // that writes the next one, so the check is tested without esbuild.
  function tree() {
    const root = tmp('contrib-bin-');
    for (const d of ['cli', 'dist/cli', 'scripts', 'src']) mkdirSync(join(root, d), { recursive: true });
    cpSync('cli/contrib.mjs', join(root, 'cli/contrib.mjs'));
    writeFileSync(join(root, 'src/a.ts'), '');
    writeFileSync(join(root, 'dist/cli/inputs.json'), JSON.stringify(['src/a.ts', 'src/gone.ts']));
    writeFileSync(join(root, 'dist/cli/contrib.mjs'), "process.stdout.write('build 1\\n');\n");
    writeFileSync(
      join(root, 'scripts/build-cli.mjs'),
      `import { writeFileSync } from 'node:fs';
export async function buildCli() {
  writeFileSync(new URL('../dist/cli/contrib.mjs', import.meta.url), "process.stdout.write('build 2\\\\n');\\n");
}
`,
    );
    const at = (f: string, t: number) => utimesSync(join(root, f), new Date(t), new Date(t));
    at('src/a.ts', Date.now() - 200_000);
    at('dist/cli/contrib.mjs', Date.now() - 100_000);
    return { root, at, run: () => node([join(root, 'cli/contrib.mjs')]).stdout };
  }

  it('runs the bundle as it is when no source is newer (a source since deleted is no change)', () => {
    expect(tree().run()).toBe('build 1\n');
  });

  it('rebuilds first when a source is newer than the bundle, then runs the new build', () => {
    const t = tree();
    t.at('src/a.ts', Date.now() - 50_000);
    expect(t.run()).toBe('build 2\n');
  });

  it('rebuilds when the list of sources is missing or unreadable', () => {
    const t = tree();
    writeFileSync(join(t.root, 'dist/cli/inputs.json'), '["src/a.ts"');
    expect(t.run()).toBe('build 2\n');
  });
});
