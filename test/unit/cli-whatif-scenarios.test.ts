// R14 `contrib whatif --scenario NAME …`: the workbook's scenarios side by side, exported by shared/export's
// comparison table (the one the app exports), in every format; one scenario keeps the single comparison's contract.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPARISON_CSV_HEADER } from '../../shared/export/comparison-table';
import { comparisonsCsvHeader } from '../../shared/export/comparisons';
import { contrib } from './cli-helpers';

const dir = mkdtempSync(join(tmpdir(), 'contrib-whatif-'));
const wb = JSON.parse(readFileSync('examples/example-workbook.json', 'utf8'));
const paris = wb.budgets.find((b: { id: string }) => b.id === 'paris');
const total2026 = paris.years.find((y: { year: number }) => y.year === 2026);
wb.scenarios = [
  {
    id: 'sc-fr',
    name: 'France II',
    overrides: [{ kind: 'class', member: 'FR', budget: 'paris', fromYear: 2026, class: 'II' }],
  },
  {
    id: 'sc-up',
    name: 'Budget up',
    overrides: [
      { kind: 'level', budget: 'paris', year: 2026, method: 'total', amount: String(Number(total2026.amount) * 2) },
    ],
  },
];
const FILE = join(dir, 'with-scenarios.json');
writeFileSync(FILE, JSON.stringify(wb, null, 2));
const base = ['whatif', FILE, '--budget', 'paris', '--year', '2026'];

describe('contrib whatif --scenario', () => {
  it('has the scenarios this test needs', () => {
    expect(total2026?.method).toBe('total');
    expect(wb.members.some((m: { code: string }) => m.code === 'FR')).toBe(true);
  });

  it('one scenario by name is the same CSV as the same change given with --set', async () => {
    const named = await contrib(...base, '--scenario', 'France II', '--format', 'csv');
    const set = await contrib(...base, '--set', 'FR=II', '--format', 'csv');
    expect(named.code).toBe(0);
    expect(named.out.split('\n')[0]).toBe(COMPARISON_CSV_HEADER.join(','));
    expect(named.out).toBe(set.out);
  });

  it('several scenarios side by side as CSV, one column group per scenario (by name or id)', async () => {
    const r = await contrib(...base, '--scenario', 'France II', '--scenario', 'sc-up', '--format', 'csv');
    expect(r.code).toBe(0);
    const [head, ...lines] = r.out.trim().split('\n');
    expect(head).toBe(comparisonsCsvHeader(['France II', 'Budget up']).join(','));
    const fr = lines.map((l) => l.split(',')).find((f) => f[0] === 'FR')!;
    expect(fr[4]).toBe('II'); // class_after[France II]
    // Doubling the total doubles every share (up to the rounding unit): France's amount after is about twice before.
    expect(Math.abs(Number(fr[9]) - 2 * Number(fr[3]))).toBeLessThanOrEqual(1);
  });

  it('--set adds one more scenario, last; JSON carries the baseline once and each scenario', async () => {
    const r = await contrib(...base, '--scenario', 'Budget up', '--set', 'FR=II', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.budget).toBe('paris');
    expect(j.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['Budget up', 'FR → II']);
    expect(j.scenarios[1].rows.find((x: { code: string }) => x.code === 'FR').classAfter).toBe('II');
  });

  it('writes XLSX with --out and prints a table per scenario', async () => {
    const out = join(dir, 'whatif.xlsx');
    const x = await contrib(
      ...base,
      '--scenario',
      'France II',
      '--scenario',
      'Budget up',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(x.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const t = await contrib(...base, '--scenario', 'France II', '--scenario', 'Budget up');
    expect(t.out).toContain('what if France II');
    expect(t.out).toContain('what if Budget up');
  });

  it('an unknown scenario is a usage error naming those there are', async () => {
    const r = await contrib(...base, '--scenario', 'Nope');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--scenario Nope: .*France II, Budget up/);
  });
});
