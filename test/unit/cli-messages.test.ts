import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageLanguage } from '../../cli/io';
import { run } from '../../cli/main';

// The CLI's errors in the user's language (issue 11): --lang, else LC_ALL / LC_MESSAGES / LANG; `FILE:LINE:` and the
// [path] stay as they are, so scripts and editors still find the place. English is what it always was.

async function contrib(args: string[], env: NodeJS.ProcessEnv = { LANG: 'C.UTF-8' }) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => void (out += t), err: (t) => void (err += t) }, env);
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'cli-messages-'));
const example = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8'));
const broken = join(dir, 'broken.json');
example.members[0].name = '';
example.payments[0].amount = '-5';
writeFileSync(broken, JSON.stringify(example, null, 2));

describe('CLI messages in the language of --lang or LANG', () => {
  it('the language: --lang (either spelling) first, then LC_ALL, LC_MESSAGES, LANG; unknown ones are English', () => {
    expect(messageLanguage(['validate', 'x', '--lang', 'fr'], { LANG: 'ru_RU.UTF-8' })).toBe('fr');
    expect(messageLanguage(['validate', '--lang=zh'], {})).toBe('zh');
    expect(messageLanguage(['status'], { LANG: 'ar_EG.UTF-8' })).toBe('ar');
    expect(messageLanguage(['status'], { LANG: 'fr_FR.UTF-8', LC_ALL: 'kk_KZ.UTF-8' })).toBe('kk');
    expect(messageLanguage(['status', '--lang', 'xx'], { LANG: 'de_DE.UTF-8' })).toBe('en');
  });

  it('a missing file: English as before, French under LANG, the file and line kept', async () => {
    const en = await contrib(['status', join(dir, 'nope.json'), '--date', '2026-06-30']);
    expect(en.code).toBe(2);
    expect(en.err).toBe(`${join(dir, 'nope.json')}:1: no such file\n`);
    const fr = await contrib(['status', join(dir, 'nope.json'), '--date', '2026-06-30'], { LANG: 'fr_CH.UTF-8' });
    expect(fr.code).toBe(2);
    expect(fr.err).toBe(`${join(dir, 'nope.json')}:1: fichier introuvable\n`);
  });

  it('validate --lang: every problem in the language, on its line, with its path', async () => {
    const en = await contrib(['validate', broken]);
    const ru = await contrib(['validate', broken, '--lang', 'ru']);
    expect(en.code).toBe(1);
    expect(ru.code).toBe(1);
    const enLines = en.out.trim().split('\n');
    const ruLines = ru.out.trim().split('\n');
    expect(ruLines.length).toBe(enLines.length);
    expect(en.out).toContain("'s name is missing or empty [members[0].name]");
    expect(en.out).toMatch(/^2 problems found$/m);
    expect(ru.out).toMatch(/^найдено 2 проблемы$/m);
    for (let i = 0; i < enLines.length - 1; i++) {
      const place = (l: string) => [/^[^:]+:\d+: /.exec(l)?.[0], /\[[^\]]+\]$/.exec(l)?.[0]];
      expect(place(ruLines[i])).toEqual(place(enLines[i]));
      expect(ruLines[i]).not.toBe(enLines[i]);
      expect(ruLines[i]).toMatch(/[а-я]/);
    }
  });

  it('a workbook refused by status says its first problem and how many more, in Arabic under LANG', async () => {
    const ar = await contrib(['status', broken, '--date', '2026-06-30'], { LANG: 'ar_EG.UTF-8' });
    expect(ar.code).toBe(2);
    expect(ar.err).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: `));
    expect(ar.err).toContain('contrib validate');
    expect(ar.err).toMatch(/[\u0600-\u06ff]/);
    const en = await contrib(['status', broken, '--date', '2026-06-30']);
    expect(en.err).toContain('(and 1 more problem: run contrib validate)');
  });

  it('usage errors in the language; an unknown --lang is refused in English', async () => {
    const es = await contrib(['status', broken, '--date', '30/06/2026'], { LANG: 'es_ES.UTF-8' });
    expect(es.code).toBe(2);
    expect(es.err).toContain('contrib: --date debe ser una fecha escrita AAAA-MM-DD (se recibió «30/06/2026»)');
    const bad = await contrib(['validate', broken, '--lang', 'xx']);
    expect(bad.err).toContain('--lang must be one of en, fr, es, ru, ar, zh, kk, fa (got "xx")');
  });
});
