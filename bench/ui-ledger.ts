// bench/ui-ledger: the time to recompute the voting-status view (R15–R18, Art. 11(5)) after one payment, on the
// example workbook and on 10,000 members × 30 years. Goals: < 100 ms and < 1 s. Prints figures; not a timed test.
//  1. the renderer's state layer (shared/engine/status-state.ts) in Node: the status of every member after a
//     payment is recorded, incremental (only the member paid recomputed) against a full recompute;
//  2. in Chromium (browser mode): Undo / Redo of a recorded payment on the voting-status view, from the click to
//     the next frame after the member's status cell changed.
// Run: npx vite build --config renderer/vite.config.ts && npx tsx bench/ui-ledger.ts
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { LedgerState } from '../shared/engine/status-state';
import { rowStatusLines } from '../shared/export/ledger-export';
import { recordPayment, type Done } from '../shared/edit';
import { Ledger, VotingStatusBook } from '../shared/engine';
import type { Workbook } from '../shared/model/types';
import { parseWorkbook } from '../shared/model/validate';
import { launchChromium, serveStatic } from '../test/e2e/harness';
import { median, ms, table } from './harness';
import { unitaryLedger } from './workbooks';

const DATE = '2026-06-30';
const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;

/** The member's minimum payment (R18) recorded, marked for its budget as a contribution. */
function paid(wb: Workbook, member: string, budget: string): Workbook {
  const s = new VotingStatusBook(wb).budgetStatus(member, new Ledger(wb).budget(budget), DATE);
  return (
    recordPayment(wb, { member, date: '2026-06-01', amount: s.minimumPayment, budget, purpose: 'contribution' }) as Done
  ).workbook;
}

function stateLayer(name: string, wb: Workbook, member: string, budget: string, runs: number): (string | number)[] {
  const after = paid(wb, member, budget);
  const inc: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    const state = new LedgerState(rowStatusLines);
    state.status(wb, DATE);
    let t0 = performance.now();
    const v = state.status(after, DATE);
    inc.push(performance.now() - t0);
    if (v.recomputed !== 1) throw new Error(`expected one member recomputed, got ${v.recomputed}`);
    t0 = performance.now();
    new LedgerState(rowStatusLines).status(after, DATE);
    full.push(performance.now() - t0);
  }
  return [
    name,
    wb.members.length.toLocaleString('en'),
    wb.payments.length.toLocaleString('en'),
    runs,
    ms(median(inc)),
    ms(median(full)),
  ];
}

type Marks = { __t0?: number; __t1?: number };

/** Click (undo or redo) → the next frame after the status cell shows `expect`. */
async function timeStep(page: Page, button: string, cellSel: string, expect: string): Promise<number> {
  await page.evaluate(`{
    window.__t0 = undefined; window.__t1 = undefined;
    const sel = ${JSON.stringify(cellSel)};
    document.querySelector(${JSON.stringify(button)}).addEventListener('pointerdown', () => { window.__t0 = performance.now(); }, { once: true, capture: true });
    const obs = new MutationObserver(() => {
      if (document.querySelector(sel)?.textContent === ${JSON.stringify(expect)}) { obs.disconnect(); requestAnimationFrame(() => { window.__t1 = performance.now(); }); }
    });
    obs.observe(document.querySelector('[data-testid=status-grid]'), { subtree: true, childList: true, characterData: true });
  }`);
  await page.click(button);
  await page.waitForFunction(() => (globalThis as Marks).__t1 !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate('window.__t1 - window.__t0') as Promise<number>;
}

async function inChromium(
  name: string,
  file: string | null,
  wb: Workbook,
  member: string,
  budget: string,
  runs: number,
  url: string,
  browser: Awaited<ReturnType<typeof launchChromium>>,
): Promise<(string | number)[]> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
  await page.goto(url);
  await page.waitForSelector('.ag-row[row-index="0"]', { timeout: 120_000 });
  let openMs = 0;
  let blockMs = 0;
  if (file) {
    // The longest task on the window's thread while opening: how long the window cannot answer (checking runs in a worker).
    await page.evaluate(`window.__longest = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__longest = Math.max(window.__longest, e.duration); }).observe({ type: 'longtask' });`);
    const t0 = Date.now();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
    await chooser.setFiles(file);
    await page.waitForSelector(`.ag-row[row-id="${member}"]`, { timeout: 120_000 });
    openMs = Date.now() - t0;
    blockMs = (await page.evaluate('window.__longest')) as number;
  }
  const s = new VotingStatusBook(wb).budgetStatus(member, new Ledger(wb).budget(budget), DATE);
  await page.keyboard.press('Alt+2');
  await page.fill('[data-testid=pay-member]', member);
  await page.fill('[data-testid=pay-date]', '2026-06-01');
  await page.fill('[data-testid=pay-amount]', s.minimumPayment);
  await page.selectOption('[data-testid=pay-budget]', budget);
  await page.selectOption('[data-testid=pay-purpose]', 'contribution');
  await page.click('[data-testid=pay-record]');
  await page.keyboard.press('Alt+3');
  await page.fill('[data-testid=as-of]', DATE);
  const cellSel = `[data-testid=status-grid] .ag-row[row-id="${member}|${budget}"] .ag-cell[col-id="status"]`;
  await page.waitForFunction(
    (sel) =>
      (
        globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }
      ).document.querySelector(sel)?.textContent === 'in arrears',
    cellSel,
    {
      timeout: 120_000,
    },
  );
  const undo: number[] = [];
  const redo: number[] = [];
  for (let i = 0; i < runs; i++) {
    undo.push(await timeStep(page, '[data-testid=undo]', cellSel, 'no vote'));
    redo.push(await timeStep(page, '[data-testid=redo]', cellSel, 'in arrears'));
  }
  await page.close();
  return [
    name,
    runs,
    ms(median(undo)),
    ms(median(redo)),
    ms(Math.max(...undo, ...redo)),
    file ? `${openMs}` : '–',
    file ? ms(blockMs) : '–',
  ];
}

async function main() {
  const n = Number(process.env.BENCH_MEMBERS ?? 10_000);
  const large = unitaryLedger(n, 1);
  const bigName = `${n.toLocaleString('en')} members × 30 years`;
  console.log(`Voting-status view after one payment, as of ${DATE}; median ms`);
  console.log('\n1. state layer in Node (shared/engine/status-state.ts): every member’s status, Art. 11(5)');
  console.log(
    table(
      ['workbook', 'members', 'payments', 'runs', 'after a payment ms', 'full recompute ms'],
      [stateLayer('example', example, 'AL', 'paris', 15), stateLayer(bigName, large, 'M00003', 'unitary', 5)],
    ),
  );

  const server = await serveStatic(process.env.E2E_RENDERER);
  const browser = await launchChromium();
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-ledger-'));
  try {
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(large));
    const rows = [
      await inChromium('example (goal < 100 ms)', null, example, 'AL', 'paris', 9, server.url, browser),
      await inChromium(`${bigName} (goal < 1 s)`, file, large, 'M00003', 'unitary', 5, server.url, browser),
    ];
    console.log('\n2. in Chromium: Undo / Redo of the payment → the member’s status cell changed (next frame)');
    console.log(
      table(
        ['workbook', 'runs', 'undo ms', 'redo ms', 'max ms', 'open file ms', 'longest block while opening ms'],
        rows,
      ),
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
