// UI benchmark in Chromium (browser mode): median time from a class edit to the updated total on 200 and on
// 10,000 members, and from navigation to the first grid row. Prints figures; not a timed test.
// Run: npm run build && npx tsx bench/ui.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { WIPO_UNITARY } from '../shared/model/schemes';
import type { Workbook } from '../shared/model/types';
import { parseWorkbook } from '../shared/model/validate';
import { compareScenario } from '../shared/scenario/scenario';
import { cell, launchChromium, serveStatic, totalCell } from '../test/e2e/harness';

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

/** A workbook of n members in one unit-value budget (R7), so a class edit changes the total shown. */
function workbookOf(n: number): Workbook {
  const codes = Array.from({ length: n }, (_, i) => `M${String(i).padStart(5, '0')}`);
  const classes = WIPO_UNITARY.classes.map((c) => c.code);
  return {
    ...example,
    schemes: [WIPO_UNITARY],
    members: codes.map((code, i) => ({ code, name: `Member state ${i}` })),
    budgets: [{ id: 'bench', name: 'Unitary contribution', schemeId: WIPO_UNITARY.id, currency: 'CHF', roundingUnit: '1', rounding: 'half-up', years: [{ year: 2026, method: 'unit-value', amount: '45579', adopted: true }] }],
    participations: codes.map((member, i) => ({ member, budget: 'bench', classes: [{ year: 2000, class: classes[(i * 7) % classes.length] }] })),
    classChanges: [],
    payments: [],
    wcfDecisions: [],
    advanceAgreements: [],
    votingDecisions: [],
    scenarios: [],
  };
}

/** Timestamps the page records (functions, not strings: the app's CSP forbids eval). */
type Marks = { __t0?: number; __t1?: number; __firstRow?: number };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** In the page: the time from pressing on the class picked (AG Grid's select commits on pointer down) to the next frame after the total cell changed. */
async function timeClassEdit(page: Page, code: string, cls: string): Promise<number> {
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
  await page.locator('.ag-select-list').getByRole('option', { name: cls, exact: true }).click();
  await page.waitForFunction(() => (globalThis as Marks).__t1 !== undefined, undefined, { timeout: 30_000 });
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
      const scenario = { name: 'bench', overrides: [{ kind: 'class' as const, member: 'M00001', budget: 'bench', fromYear: 2026, class: 'I' }] };
      const ms: number[] = [];
      for (let i = 0; i < 9; i++) {
        const t = performance.now();
        compareScenario(wb, scenario, 'bench', 2026);
        ms.push(performance.now() - t);
      }
      out.push(`R14 compareScenario (baseline + scenario assessed, row by row diff), 10,000 members, Node: median ${median(ms).toFixed(1)} ms over ${ms.length}`);
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
    out.push(`navigation → first grid row (example, 194 members): median ${median(firstRow).toFixed(0)} ms over ${firstRow.length} (goal < 1500 ms)`);

    for (const [n, runs, goal] of [
      [200, 15, 50],
      [10_000, 9, 250],
    ] as const) {
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
      for (let i = 0; i < runs; i++) times.push(await timeClassEdit(page, 'M00001', i % 2 === 0 ? 'I' : 'Ster'));
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
