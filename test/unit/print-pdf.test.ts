import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { assessBudgetYear } from '../../shared/engine/assess';
import { toPrintHtml } from '../../shared/export/print-html';
import { contributionExport } from '../../shared/export/table-model';
import { parseWorkbook } from '../../shared/model/validate';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

describe('PDF print layout', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'prints the Paris Union table over several pages with the header repeated and page numbers',
    async () => {
      const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
      const t = contributionExport(assessBudgetYear(wb, 'paris', 2026), {
        organization: wb.organization.name,
        produced: '2026-11-21',
      });
      const html = toPrintHtml(t);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      try {
        const page = await browser.newPage();
        await page.setContent(html);
        const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
        const out = 'test-results/print';
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'paris-2026.pdf'), pdf);
        const pages = Number(/\/Type\s*\/Pages[^>]*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
        expect(pages).toBeGreaterThan(1);
        // The text of every page: the header row on each, "Page n of N" at the foot, the exact total on the last.
        let text = '';
        try {
          text = execFileSync('pdftotext', ['-layout', join(out, 'paris-2026.pdf'), '-'], { encoding: 'utf8' });
        } catch {
          return; // poppler-utils not installed: the page count above is what we can check
        }
        const perPage = text.split('\f').filter((p) => p.trim());
        expect(perPage.length).toBe(pages);
        perPage.forEach((p, i) => {
          expect(p).toMatch(/Code\s+Member\s+Class\s+Units\s+Share %\s+Amount \(CHF\)/);
          expect(p).toContain(`Page ${i + 1} of ${pages}`);
        });
        expect(perPage.at(-1)).toMatch(
          new RegExp(`Total\\s+\\d+ members.*${t.total!.amount!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`),
        );
      } finally {
        await browser.close();
      }
    },
  );
});
