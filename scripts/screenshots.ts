// Screenshots of every view at 1280×800 and 1920×1080 (issue 14), retaken with:
//   npx vite build --config renderer/vite.config.ts --outDir /tmp/r --emptyOutDir
//   E2E_RENDERER=/tmp/r npx tsx scripts/screenshots.ts [outDir=docs/layout] [query, e.g. ?lang=ar]
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, serveStatic } from '../test/e2e/harness';

/** The views, each reached from the contributions page as a user would (the comparison needs a scenario). */
export const SHOT_VIEWS: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'contributions', open: async () => {} },
  {
    name: 'comparison',
    open: async (page) => {
      await page.click('[data-testid=scenario-new]');
      await page.click('[data-testid=view-compare]');
      await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
    },
  },
  {
    name: 'charts',
    open: async (page) => {
      await page.click('[data-testid=view-charts]');
      await page.waitForSelector('canvas');
    },
  },
  ...(['payments', 'status', 'wcf', 'advances', 'liquidity', 'scales'] as const).map((v) => ({
    name: v,
    open: async (page: Page) => {
      await page.click(`[data-testid=view-${v}]`);
      await page.waitForTimeout(300);
    },
  })),
];

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

async function main() {
  const out = process.argv[2] ?? 'docs/layout';
  const query = process.argv[3] ?? '';
  mkdirSync(out, { recursive: true });
  const server = await serveStatic(process.env.E2E_RENDERER ? resolve(process.env.E2E_RENDERER) : undefined);
  const browser = await launchChromium();
  try {
    for (const size of SIZES)
      for (const view of SHOT_VIEWS) {
        // A fresh context per view: a scenario made for the comparison does not show in the others.
        const context = await browser.newContext({ viewport: size });
        const page = await context.newPage();
        page.on('pageerror', (e) => console.error('pageerror:', e.message));
        await page.goto(server.url + query);
        await page.waitForSelector('.ag-row[row-index="0"]');
        await view.open(page);
        await page.waitForTimeout(400);
        const file = join(out, `${view.name}-${size.width}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await context.close();
      }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
