// UI benchmark in Chromium (browser mode): median time from a class edit to the updated total on 200 and on
// 10,000 members, and from navigation to the first grid row. Prints figures; not a timed test.
// Run: npm run build && npx tsx bench/ui.ts
// UI_BENCH_SIZES=200 measures only that size; UI_BENCH_PROFILE=1 records a CPU profile of the baseline class edits
// (Chromium's profiler over CDP, from the click on the class to the frame after the total changed) and prints the
// functions with the most time; UI_BENCH_RUNS=45 repeats each edit that many times.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WIPO_UNITARY } from '../shared/model/schemes';
import type { Workbook } from '../shared/model/types';
import { parseWorkbook } from '../shared/model/validate';
import { compareScenario } from '../shared/scenario/scenario';
import { cell, launchChromium, serveStatic, totalCell } from '../test/e2e/harness';
import { emptyWorkbook } from '../shared/model/empty';

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

/** A workbook of n members in one unit-value budget (R7), so a class edit changes the total shown. */
function workbookOf(n: number): Workbook {
  const codes = Array.from({ length: n }, (_, i) => `M${String(i).padStart(5, '0')}`);
  const classes = WIPO_UNITARY.classes.map((c) => c.code);
  return emptyWorkbook({
    organization: example.organization,
    schemes: [WIPO_UNITARY],
    members: codes.map((code, i) => ({ code, name: `Member state ${i}` })),
    budgets: [
      {
        id: 'bench',
        name: 'Unitary contribution',
        schemeId: WIPO_UNITARY.id,
        currency: 'CHF',
        roundingUnit: '1',
        rounding: 'half-up',
        years: [{ year: 2026, method: 'unit-value', amount: '45579', adopted: true }],
      },
    ],
    participations: codes.map((member, i) => ({
      member,
      budget: 'bench',
      classes: [{ year: 2000, class: classes[(i * 7) % classes.length] }],
    })),
  });
}

type CpuProfile = {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
};

/** Inclusive time by function name (a function counted once per stack), the largest first. */
function topTotalTime(profile: CpuProfile, n = 30): string[] {
  const nodes = new Map(profile.nodes.map((x) => [x.id, x]));
  const self = new Map<number, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (deltas[i] ?? 0)));
  const byFn = new Map<string, number>();
  const walk = (id: number, onStack: Set<string>): number => {
    const node = nodes.get(id)!;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}`;
    let t = self.get(id) ?? 0;
    const fresh = !onStack.has(key);
    if (fresh) onStack.add(key);
    for (const c of node.children ?? []) t += walk(c, onStack);
    if (fresh) {
      onStack.delete(key);
      byFn.set(key, (byFn.get(key) ?? 0) + t);
    }
    return t;
  };
  walk(profile.nodes[0].id, new Set());
  return [...byFn]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

/** Timestamps the page records (functions, not strings: the app's CSP forbids eval). */
type Marks = { __t0?: number; __t1?: number; __firstRow?: number };

const profiles: CpuProfile[] = [];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** In the page: the time from pressing on the class picked (AG Grid's select commits on pointer down) to the next frame after the total cell changed. */
async function timeClassEdit(
  page: Page,
  code: string,
  cls: string,
  cdp?: import('playwright-core').CDPSession,
): Promise<number> {
  await page.evaluate(`{
    window.__t0 = undefined; window.__t1 = undefined;
    const total = document.querySelector(${JSON.stringify(totalCell)});
    const before = total.textContent;
    const down = (e) => { if (e.target.closest('.ag-select-list')) { window.__t0 = performance.now(); document.removeEventListener('pointerdown', down, true); } };
    document.addEventListener('pointerdown', down, true);
    const obs = new MutationObserver(() => {
      const now = document.querySelector(${JSON.stringify(totalCell)});
      if (now && now.textContent !== before) { obs.disconnect(); requestAnimationFrame(() => { window.__t1 = performance.now(); }); }
    });
    obs.observe(document.querySelector('.ag-root') ?? document.body, { subtree: true, childList: true, characterData: true });
  }`);
  await page.click(cell(code, 'name'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowDown');
  const option = page.locator('.ag-select-list').getByRole('option', { name: cls, exact: true });
  await option.waitFor();
  if (cdp) await cdp.send('Profiler.start');
  await option.click();
  await page.waitForFunction(() => (globalThis as Marks).__t1 !== undefined, undefined, { timeout: 30_000 });
  if (cdp) profiles.push((await cdp.send('Profiler.stop')).profile);
  return page.evaluate('window.__t1 - window.__t0') as Promise<number>;
}

async function main() {
  const server = await serveStatic();
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-'));
  const out: string[] = [];
  try {
    // R14 the engine alone (Node): a one-member class change compared with the baseline on 10,000 members.
    {
      const wb = workbookOf(10_000);
      const scenario = {
        name: 'bench',
        overrides: [{ kind: 'class' as const, member: 'M00001', budget: 'bench', fromYear: 2026, class: 'I' }],
      };
      const ms: number[] = [];
      for (let i = 0; i < 9; i++) {
        const t = performance.now();
        compareScenario(wb, scenario, 'bench', 2026);
        ms.push(performance.now() - t);
      }
      out.push(
        `R14 compareScenario (baseline + scenario assessed, row by row diff), 10,000 members, Node: median ${median(ms).toFixed(1)} ms over ${ms.length}`,
      );
    }
    // Navigation to the first grid row (the bundled example, 194 members), from navigation start.
    const firstRow: number[] = [];
    for (let i = 0; i < 7; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
      await page.addInitScript(`new MutationObserver((_, obs) => {
        if (document.querySelector('.ag-row[row-index="0"]')) { window.__firstRow = performance.now(); obs.disconnect(); }
      }).observe(document, { subtree: true, childList: true });`);
      await page.goto(server.url);
      await page.waitForFunction(() => (globalThis as Marks).__firstRow !== undefined);
      firstRow.push((await page.evaluate('window.__firstRow')) as number);
      await page.close();
    }
    out.push(
      `navigation → first grid row (example, 194 members): median ${median(firstRow).toFixed(0)} ms over ${firstRow.length} (goal < 1500 ms)`,
    );

    const sizes = process.env.UI_BENCH_SIZES?.split(',').map(Number);
    for (const [n, runs, goal] of (
      [
        [200, 15, 50],
        [10_000, 9, 250],
      ] as const
    )
      .filter(([n]) => !sizes || sizes.includes(n))
      .map(([n, runs, goal]) => [n, Number(process.env.UI_BENCH_RUNS ?? runs), goal] as const)) {
      const file = join(dir, `bench-${n}.json`);
      writeFileSync(file, JSON.stringify(workbookOf(n)));
      const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
      await page.goto(server.url);
      await page.waitForSelector('.ag-row[row-index="0"]');
      const t0 = Date.now();
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
      await chooser.setFiles(file);
      await page.waitForSelector(cell('M00000', 'class'));
      const openMs = Date.now() - t0;
      const times: number[] = [];
      const cdp = process.env.UI_BENCH_PROFILE ? await page.context().newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      }
      for (let i = 0; i < runs; i++)
        times.push(await timeClassEdit(page, 'M00001', i % 2 === 0 ? 'I' : 'Ster', cdp ?? undefined));
      if (cdp) {
        // One profile per edit, from the click on the class to the frame after the total changed: summed here.
        out.push(`CPU profile of ${runs} class edits, ${n} members (click → total shown), inclusive:`);
        const sum = new Map<string, number>();
        for (const p of profiles)
          for (const line of topTotalTime(p, 200)) {
            const [msText, key] = [line.slice(0, 8), line.slice(13)];
            sum.set(key, (sum.get(key) ?? 0) + Number(msText));
          }
        out.push(
          ...[...sum]
            .sort((a, b) => b[1] - a[1])
            .slice(0, Number(process.env.UI_BENCH_PROFILE_LINES ?? 45))
            .map(([k, v]) => `${v.toFixed(1).padStart(8)} ms  ${k}`),
        );
        profiles.length = 0;
        await cdp.detach();
      }
      out.push(
        `class edit → updated total, ${n.toLocaleString('en')} members: median ${median(times).toFixed(1)} ms over ${runs} (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; goal < ${goal} ms); open file → row shown ${openMs} ms`,
      );
      // R14 the same edit in a scenario: the scenario's table and its comparison with the baseline are recomputed.
      await page.click('[data-testid=scenario-new]');
      await page.waitForSelector('[data-testid=scenario-panel]');
      const inScenario: number[] = [];
      for (let i = 0; i < runs; i++) {
        const now = await page.locator(cell('M00002', 'class')).textContent();
        inScenario.push(await timeClassEdit(page, 'M00002', now === 'I' ? 'Ster' : 'I'));
      }
      const t1 = Date.now();
      await page.click('[data-testid=view-compare]');
      await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
      const compareMs = Date.now() - t1;
      out.push(
        `R14 class edit in a scenario → updated total and comparison, ${n.toLocaleString('en')} members: median ${median(inScenario).toFixed(1)} ms over ${runs}; comparison view → first row ${compareMs} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(out.join('\n'));
}

await main();
