import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { cliLanguage } from '../../cli/io';

// `--lang` (issue 11): the table people read is in the language; CSV and JSON never change with it.

async function contrib(...args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

const paris = ['apportion', 'examples/example-workbook.json', '--budget', 'paris', '--year', '2026'];

describe('contrib apportion --lang', () => {
  it('French: headers in French, amounts as French writes them (5 828, 3 310 000)', async () => {
    const r = await contrib(...paris, '--format', 'table', '--lang', 'fr');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Montant (CHF)');
    expect(r.out).toMatch(/Albanie|Albania/);
    expect(r.out).toMatch(/\b5\u202f828\b/);
    expect(r.out).toContain('3\u202f310\u202f000');
    expect(r.out).not.toMatch(/\b5,828\b/);
  });

  it('Arabic and Chinese tables carry their headers', async () => {
    expect((await contrib(...paris, '--lang', 'ar')).out).toContain('العضو');
    expect((await contrib(...paris, '--lang', 'zh')).out).toContain('成员');
  });

  it('CSV and JSON are the same whatever the language', async () => {
    for (const f of ['csv', 'json']) {
      const en = await contrib(...paris, '--format', f, '--lang', 'en');
      const fr = await contrib(...paris, '--format', f, '--lang', 'fr');
      expect(fr.out).toBe(en.out);
    }
  });

  it('English stays the table scripts have read', async () => {
    const en = await contrib(...paris, '--lang', 'en');
    expect(en.out).toMatch(/\b5,828\b/);
  });

  it('an unknown --lang is refused with the languages there are (exit 2)', async () => {
    const r = await contrib(...paris, '--lang', 'xx');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang must be one of en, fr, es, ru, ar, zh, kk, fa');
  });

  it('the default comes from LC_ALL, LC_MESSAGES or LANG; an unknown one is English', () => {
    expect(cliLanguage(undefined, { LANG: 'fr_CH.UTF-8' })).toBe('fr');
    expect(cliLanguage(undefined, { LANG: 'fr_FR.UTF-8', LC_ALL: 'ru_RU.UTF-8' })).toBe('ru');
    expect(cliLanguage(undefined, { LANG: 'C.UTF-8' })).toBe('en');
    expect(cliLanguage(undefined, {})).toBe('en');
  });
});
