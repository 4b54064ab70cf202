import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle, contrib, E7, E7_CSV, node, tmp as tmpIn } from './cli-helpers';

// R24 `contrib liquidity` through the CLI: E7 from its fixture, the what-ifs, and bad input (exit 2, nothing written).

const tmp = () => tmpIn('contrib-liquidity-');
const e7Args = (...more: string[]) => ['liquidity', E7, '--budget', 'e7', '--year', '2026', ...more];
const e7 = (...more: string[]) => contrib(...e7Args(...more));

describe('contrib liquidity', () => {
  it('E7: the month-ends as CSV, exactly', async () => {
    const r = await e7('--format', 'csv');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toBe(E7_CSV);
  });

  it('E7: JSON carries the dates that matter and the expected receipts per member', async () => {
    const j = JSON.parse((await e7('--format', 'json')).out);
    expect(j).toMatchObject({
      budget: 'e7',
      year: 2026,
      firstWcfDraw: '2026-02-28',
      firstAdvance: '2026-09-30',
      maxAdvances: '50',
      shortfall: '0',
      receipts: '1200',
    });
    expect(j.months).toHaveLength(12);
    expect(j.expected).toEqual([
      expect.objectContaining({
        code: 'P',
        amount: '600',
        date: '2026-03-15',
        from: [
          { payment: 'P-2023', date: '2023-03-15' },
          { payment: 'P-2024', date: '2024-03-15' },
          { payment: 'P-2025', date: '2025-03-15' },
        ],
      }),
      expect.objectContaining({ code: 'Q', amount: '600', date: '2026-10-15' }),
    ]);
    expect(j.baseline).toBeUndefined();
  });

  it('E7: the table says the dates in words', async () => {
    const t = (await e7()).out;
    expect(t).toMatch(/^Liquidity of Worked example E7 \(CHF\) in 2026$/m);
    expect(t).toContain('The working capital fund is first drawn on 28 February 2026.');
    expect(t).toContain('Advances are first needed on 30 September 2026; at most 50 is outstanding.');
    expect(t).toMatch(/^2026-09-30\s+0\s+100\s+0\s+0\s+50\s+0$/m);
    expect(t).toMatch(/^Q\s+Quintia\s+600\s+600\s+2026-10-15\s+usual date\s+2023-10-15 2024-10-15 2025-10-15$/m);
  });

  it('what-if: Q one month late; the CSV is the what-if, the JSON sets it beside the baseline', async () => {
    const csv = (await e7('--late', 'Q=1', '--format', 'csv')).out.split('\n');
    expect(csv[0]).toBe('date,receipts,spending,cash,wcf,advances,shortfall');
    expect(csv[10]).toBe('2026-10-31,0,100,0,0,150,0');
    expect(csv[11]).toBe('2026-11-30,600,100,200,150,0,0');
    const j = JSON.parse((await e7('--late', 'Q=1', '--format', 'json')).out);
    expect(j.whatIf).toEqual({ late: [{ member: 'Q', months: 1 }] });
    expect(j.maxAdvances).toBe('150');
    expect(j.baseline.maxAdvances).toBe('50');
    expect(j.comparison.summary).toContainEqual({
      key: 'maxAdvances',
      baseline: '50',
      whatIf: '150',
      difference: '100',
    });
    expect(j.comparison.months[9]).toMatchObject({ date: '2026-10-31', advances: '150', cash: '-300' });
    const t = (await e7('--late', 'Q=1')).out;
    expect(t).toContain('What if Q pays 1 month late:');
    expect(t).toMatch(/^Largest advance outstanding\s+50\s+150\s+100$/m);
  });

  it('what-ifs: the largest contributors late, part collected, a date set, a member not paying', async () => {
    const largest = JSON.parse((await e7('--late-largest', '2=1', '--format', 'json')).out);
    expect(largest.expected.map((e: { date: string }) => e.date)).toEqual(['2026-04-15', '2026-11-15']);
    const part = JSON.parse((await e7('--collect', '92.5', '--format', 'json')).out);
    expect(part.expected.map((e: { amount: string }) => e.amount)).toEqual(['555', '555']);
    expect(part.receipts).toBe('1110');
    const set = JSON.parse((await e7('--expect', 'Q=2026-05-01', '--not-paying', 'P', '--format', 'json')).out);
    expect(set.expected.map((e: { basis: string; date: string | null }) => [e.basis, e.date])).toEqual([
      ['not-paying', null],
      ['what-if', '2026-05-01'],
    ]);
    expect(set.firstAdvance).toBe('2026-03-31');
  });

  it('--out writes the file and nothing to stdout', async () => {
    const file = join(tmp(), 'e7.csv');
    const r = await e7('--format', 'csv', '--out', file);
    expect([r.code, r.out]).toEqual([0, '']);
    expect(readFileSync(file, 'utf8')).toBe(E7_CSV);
  });

  it('bad input exits 2, names the flag, and writes nothing', async () => {
    const dir = tmp();
    const out = join(dir, 'never.csv');
    const cases: [string[], string][] = [
      [['liquidity', E7, '--year', '2026'], '--budget ID is required'],
      [['liquidity', E7, '--budget', 'e7', '--year', '26'], '--year must be a year such as 2026 (got "26")'],
      [e7Args('--late', 'Q'), '--late takes CODE=MONTHS (got "Q")'],
      [e7Args('--late', 'Q=0'), '--late Q=0: the delay must be a whole number of months from 1 to 120'],
      [e7Args('--late', 'Q=1.5'), '--late Q=1.5: the delay must be a whole number of months from 1 to 120'],
      [e7Args('--late', 'Z=1'), '--late Z=1: the workbook has no member Z'],
      [e7Args('--late', 'H=1'), '--late H=1: H does not take part in e7'],
      [
        e7Args('--late-largest', '0=2'),
        '--late-largest 0=2: the number of contributors must be a whole number from 1 up',
      ],
      [e7Args('--collect', '101'), '--collect must be a percentage from 0 to 100 such as 80 or 92.5 (got "101")'],
      [e7Args('--collect', '80%'), '--collect must be a percentage from 0 to 100 such as 80 or 92.5 (got "80%")'],
      [e7Args('--expect', 'Q=2027-01-01'), '--expect Q=2027-01-01: the date must be a day of 2026 written YYYY-MM-DD'],
      [e7Args('--not-paying', 'Z'), '--not-paying Z: the workbook has no member Z'],
      [e7Args('--format', 'xml'), '--format must be table, csv or json (got "xml")'],
      [e7Args('--month', '3'), "Unknown option '--month'"],
      [['liquidity', '--budget', 'e7', '--year', '2026'], 'liquidity needs one WORKBOOK.json'],
    ];
    for (const [args, message] of cases) {
      const r = await contrib(...args, '--out', out);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err, args.join(' ')).toContain(message);
      expect(r.out).toBe('');
    }
    expect(existsSync(out)).toBe(false);
  });

  it('a budget or year the workbook lacks, and a broken liquidity section, name the file and line', async () => {
    const nobudget = await contrib('liquidity', E7, '--budget', 'paris', '--year', '2026', '--format', 'csv');
    expect(nobudget.code).toBe(2);
    expect(nobudget.err).toMatch(/^test\/fixtures\/e7-workbook\.json:1: /);
    expect(nobudget.err).toContain('paris');
    const early = await contrib('liquidity', E7, '--budget', 'e7', '--year', '2020');
    expect(early.code).toBe(2);
    expect(early.err).toBe(
      "test/fixtures/e7-workbook.json:1: Worked example E7 has no budget for 2020: enter the year's total or unit value first\n",
    );
    const doc = JSON.parse(readFileSync(E7, 'utf8'));
    doc.liquidity.spending = [{ budget: 'e7', year: 2026, months: ['100'] }];
    const text = JSON.stringify(doc, null, 2);
    const file = join(tmp(), 'broken.json');
    writeFileSync(file, text);
    const r = await contrib('liquidity', file, '--budget', 'e7', '--year', '2026');
    const line = text.split('\n').findIndex((l) => l.includes('"months"')) + 1;
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${file}:${line}: Spending plan of e7 for 2026: give 12 monthly amounts, January to December (got 1)\n`,
    );
  });

  it('the contrib bundle gives E7 (the command of the issue, in its own process)', () => {
    const dir = tmp();
    buildBundle(dir);
    const r = node([join(dir, 'contrib.mjs'), 'liquidity', E7, '--budget', 'e7', '--year', '2026', '--format', 'csv']);
    rmSync(dir, { recursive: true, force: true });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(E7_CSV);
  }, 60_000);
});
