import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { cliLanguage } from '../../cli/io';
import { assessBudgetYear } from '../../shared/engine';
import { formatDate } from '../../shared/edit/input';
import { displayWidth } from '../../shared/export/text-table';
import { DATE_FORMATS } from '../../shared/export/text-words';
import { translator } from '../../shared/i18n/intl';
import { formatAmount } from '../../shared/i18n/numbers';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { readFileSync } from 'node:fs';

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

// Issue 11 item 6: every table for people speaks --lang (status, wcf, advances, liquidity, scale, whatif), its
// figures and dates written as the language writes them; CSV and JSON never change with it.
describe('the other commands with --format table --lang', () => {
  const wb = 'examples/example-workbook.json';
  const E5 = [
    ...['--base', 'test/fixtures/e5-base.csv', '--members', 'test/fixtures/e5-members.csv'],
    ...['--exclude-below', '0.1', '--ceiling', '30', '--floor', '0.5', '--decimals', '3'],
    ...['--rounding', 'largest-remainder'],
  ];
  // Each command, the catalog ids of words its table shows, and figures (plain decimals) and a day it shows.
  const commands: { args: string[]; ids: string[]; figures: string[]; day?: string }[] = [
    {
      args: ['status', wb, '--date', '2027-06-30'],
      ids: ['export.file.col.losesVoteOn', 'export.file.col.paymentToKeep', 'export.text.status.keep'],
      figures: ['286965.66', '48672'],
      day: '2027-06-30',
    },
    {
      args: ['wcf', wb, '--date', '2027-06-30'],
      ids: ['export.file.col.established', 'export.file.col.balance', 'export.file.col.wcfShare'],
      figures: ['150000', '706377'],
      day: '2026-01-01',
    },
    {
      args: ['advances', wb, '--date', '2027-06-30'],
      ids: ['export.file.col.movement', 'export.file.col.amountPlain'],
      figures: ['6500000', '4000000'],
      day: '2029-12-31',
    },
    {
      args: ['liquidity', 'test/fixtures/e7-workbook.json', '--budget', 'e7', '--year', '2026', '--late', 'Q=1'],
      ids: ['liquidity.col.monthEnd', 'liquidity.expected.heading', 'cli.liquidity.fromPayments'],
      figures: ['1200'],
      day: '2026-02-28',
    },
    {
      args: ['scale', 'derive', ...E5],
      ids: ['cli.scale.col.baseRate', 'cli.scale.col.rate'],
      figures: ['21.413', '100.000'],
    },
    {
      args: ['whatif', wb, '--budget', 'paris', '--year', '2026', '--set', 'AL=I'],
      ids: ['export.text.whatIf.difference', 'export.text.whatIf.changed'],
      figures: ['3310000', '139781', '2298.44'],
    },
  ];
  const en = translator('en');

  for (const { args, ids, figures, day } of commands)
    for (const lang of ['fr', 'ar'] as const)
      it(`${args[0]} --lang ${lang}: the catalog's words, figures and dates as ${lang} writes them`, async () => {
        const t = translator(lang);
        const r = await contrib(...args, '--format', 'table', '--lang', lang);
        const english = await contrib(...args, '--format', 'table', '--lang', 'en');
        expect(r.code, r.err).toBe(0);
        for (const id of ids) {
          const said = t(id, { count: 1, n: '1' });
          expect(said, id).not.toBe(en(id, { count: 1, n: '1' }));
          expect(r.out, id).toContain(said);
          expect(r.out, id).not.toContain(en(id, { count: 1, n: '1' }));
        }
        for (const f of figures) {
          expect(r.out, f).toContain(formatAmount(f, { locale: lang, style: 'locale' }));
          if (lang === 'fr') expect(r.out, f).not.toContain(groupThousands(f)); // 6,500,000 is not French
        }
        if (day) expect(r.out).toContain(formatDate(day, DATE_FORMATS[lang]));
        if (day && lang === 'fr') expect(r.out).not.toContain(day);
        expect(r.out).not.toBe(english.out);
      });

  it('the English tables keep their words (no rule ids) and their figures as scripts read them', async () => {
    const status = await contrib('status', wb, '--date', '2027-06-30', '--lang', 'en');
    expect(status.out).toMatch(/^Voting status on 2027-06-30, organization-wide \(CHF\)$/m);
    expect(status.out).toContain('To keep it, pay: the same, paid today, keeps the vote on the day it would be lost.');
    const advances = await contrib('advances', wb, '--date', '2027-06-30', '--lang', 'en');
    expect(advances.out).toContain('Drawn 6,500,000, repaid 5,000,000, outstanding 1,500,000');
    for (const r of [status, advances, await contrib('wcf', wb, '--date', '2027-06-30', '--lang', 'en')])
      expect(r.out).not.toMatch(/\(R\d+[a-z]?\)|R1[5-9] says|\bR2[0-5]\b/);
  });

  it('a status note, a withdrawal and a decision in French read as French (dates as French writes them)', async () => {
    const r = await contrib('status', wb, '--date', '2026-06-30', '--lang', 'fr');
    expect(r.out).toMatch(/^Droit de vote au 30\/06\/2026, pour toute l’Organisation \(CHF\)$/m);
    expect(r.out).toContain('\nDroit de vote maintenu par décision :\n');
    expect(r.out).toContain(
      '[1] HT : General Assembly, 09/10/2025 (General Assembly decision 2025/12 (illustrative)), du 09/10/2025 au 31/12/2026',
    );
    expect(r.out).toMatch(/^TV\s+Tuvalu \(retiré le 31\/12\/2024\)\s+tous\s+47\u202f747,53\s/m);
  });

  it('usage errors are said in French with --lang fr (exit 2, nothing on stdout)', async () => {
    const fr = translator('fr');
    const cases: [string[], string][] = [
      [['liquidity', '--lang', 'fr'], fr('cli.usage.oneWorkbook', { command: 'liquidity' })],
      [['status', wb, '--lang', 'fr'], fr('cli.usage.date', { got: '' })],
      [['scale', 'derive', '--lang', 'fr'], fr('cli.scale.needBase')],
      [['whatif', wb, '--budget', 'paris', '--year', '2026', '--lang', 'fr'], fr('cli.whatif.nothing')],
      [
        [
          'liquidity',
          'test/fixtures/e7-workbook.json',
          '--budget',
          'e7',
          '--year',
          '2026',
          '--collect',
          '120',
          '--lang',
          'fr',
        ],
        fr('cli.liquidity.percent', { got: '120' }),
      ],
    ];
    cases.push(
      [['wcf', wb, '--dat', '2027-06-30', '--lang', 'fr'], fr('cli.usage.unknownOption', { option: '--dat' })],
      [['advances', wb, '--lang', 'fr', '--date'], fr('cli.usage.missingValue', { option: '--date' })],
    );
    for (const [args, said] of cases) {
      const r = await contrib(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err, args.join(' ')).toContain(`contrib: ${said}`);
    }
  });

  it('an unknown flag is said in the language too; in English it is Node’s own sentence', async () => {
    expect((await contrib('wcf', wb, '--dat', '2027-06-30', '--lang', 'en')).err).toMatch(
      /^contrib: Unknown option '--dat'/,
    );
    expect((await contrib('wcf', wb, '--dat', '2027-06-30', '--lang', 'ar')).err).toMatch(/^contrib: خيار غير معروف/);
  });

  it('a file’s bad lines and notices are said in the language (scale derive, apportion --members)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-lang-'));
    const base = join(dir, 'base.csv');
    const members = join(dir, 'members.csv');
    writeFileSync(base, 'code,name,rate\nA,Alpha,45\nB,Beta,55\n');
    writeFileSync(members, 'code,name,extra\nA,Alpha,1\nZ,Zeta,2\n');
    const fr = translator('fr');
    const r = await contrib('scale', 'derive', '--base', base, '--members', members, '--lang', 'fr');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${members}: ${fr('cli.warning', { text: '' })}`);
    expect(r.err).toContain(`${members}:3: ${fr('cli.scale.notOnBase', { code: 'Z', base })}`);
    writeFileSync(members, 'code,name,class\nAA,,Z\n');
    const a = await contrib('apportion', '--members', members, '--scheme', 'paris', '--total', '100', '--lang', 'fr');
    expect(a.code).toBe(2);
    expect(a.err).toContain(`${members}:2: name: ${fr('cli.members.noName', { code: 'AA' })}`);
    const en = await contrib('apportion', '--members', members, '--scheme', 'paris', '--total', '100', '--lang', 'en');
    expect(en.err).toContain(`${members}:2: name: AA has no name`);
  });

  it('CSV and JSON are the same whatever --lang, for every command', async () => {
    for (const { args } of commands)
      for (const f of ['csv', 'json']) {
        const en = await contrib(...args, '--format', f, '--lang', 'en');
        expect(en.code, `${args[0]} ${f}`).toBe(0);
        for (const lang of ['fr', 'ar', 'zh'])
          expect((await contrib(...args, '--format', f, '--lang', lang)).out, `${args[0]} ${f} ${lang}`).toBe(en.out);
      }
  });

  it('Chinese columns line up by what a terminal shows (two columns a character)', async () => {
    const r = await contrib('wcf', wb, '--date', '2027-06-30', '--lang', 'zh');
    const lines = r.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith(translator('zh')('export.file.col.code')));
    expect(head).toBeGreaterThan(0);
    // The rule under the header is as wide as the header shows.
    expect(displayWidth(lines[head])).toBe(lines[head + 1].length);
  });
});

// The Convention's classes A / B / C as the app shows them (ألف / باء / جيم in Arabic, الف / ب / پ in Persian) in the
// tables people read; the CSV and JSON keep the codes, and a scheme of the user's own keeps its codes.
describe('contrib apportion: the classes in the language’s letters', () => {
  const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
  const conference = ['apportion', 'examples/example-workbook.json', '--budget', 'conference', '--year', '2026'];
  const table = assessBudgetYear(wb, 'conference', 2026);
  const columnOf = (out: string, code: string) => {
    const line = out.split('\n').find((l) => l.startsWith(`${code} `));
    return line?.split(/\s{2,}/)[2];
  };

  it('the example’s conference budget has members of several Convention classes', () => {
    expect(wb.budgets.find((b) => b.id === 'conference')?.schemeId).toBe('wipo-convention');
    expect(new Set(table.rows.map((r) => r.class)).size).toBeGreaterThan(1);
  });

  for (const lang of ['ar', 'fa'] as const)
    it(`--lang ${lang}: every member's class in the table and the XLSX is its letter; CSV and JSON keep A / B / C`, async () => {
      const t = translator(lang);
      const letter = (c: string | null) => t(`common.class.${c}`);
      expect(letter('A')).not.toBe('A');
      const r = await contrib(...conference, '--format', 'table', '--lang', lang);
      expect(r.code, r.err).toBe(0);
      for (const row of table.rows) expect(columnOf(r.out, row.code), row.code).toBe(letter(row.class));
      const out = join(mkdtempSync(join(tmpdir(), 'i4-classes-')), 'c.xlsx');
      expect((await contrib(...conference, '--format', 'xlsx', '--out', out, '--lang', lang)).code).toBe(0);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const byCode = new Map<string, string>();
      book.worksheets[0].eachRow((row) => byCode.set(String(row.getCell(1).value), String(row.getCell(3).value)));
      for (const row of table.rows) expect(byCode.get(row.code), row.code).toBe(letter(row.class));
      for (const f of ['csv', 'json']) {
        const en = await contrib(...conference, '--format', f, '--lang', 'en');
        expect((await contrib(...conference, '--format', f, '--lang', lang)).out).toBe(en.out);
      }
      expect((await contrib(...conference, '--format', 'csv', '--lang', lang)).out).toMatch(/^AF,Afghanistan,B,/m);
    });

  it('English, French and Chinese keep the codes; a scheme of the user’s own keeps them in Arabic too', async () => {
    for (const lang of ['en', 'fr', 'zh'])
      for (const row of table.rows)
        expect(columnOf((await contrib(...conference, '--lang', lang)).out, row.code)).toBe(row.class);
    const dir = mkdtempSync(join(tmpdir(), 'i4-own-'));
    const members = join(dir, 'm.csv');
    writeFileSync(members, 'code,name,class\nX1,Ex,I\nX2,Why,II\n');
    const r = await contrib('apportion', '--members', members, '--scheme', 'paris', '--total', '100', '--lang', 'ar');
    expect(r.code, r.err).toBe(0);
    expect(columnOf(r.out, 'X1')).toBe('I');
    expect(columnOf(r.out, 'X2')).toBe('II');
  });

  it('apportion --members with --scheme wipo-convention: the letters too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'i4-conv-'));
    const members = join(dir, 'm.csv');
    writeFileSync(members, 'code,name,class\nX1,Ex,A\nX2,Why,C\n');
    const args = ['apportion', '--members', members, '--scheme', 'wipo-convention', '--total', '100'];
    const r = await contrib(...args, '--lang', 'ar');
    expect(r.code, r.err).toBe(0);
    expect(columnOf(r.out, 'X1')).toBe('ألف');
    expect(columnOf(r.out, 'X2')).toBe('جيم');
    expect((await contrib(...args, '--lang', 'ar', '--format', 'csv')).out).toMatch(/^X1,Ex,A,/m);
  });
});
