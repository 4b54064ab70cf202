import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, openApp, type OpenApp } from './harness';

// R25 in the app: an import shows what it adds, changes and refuses before anything changes; all or nothing; Enter
// applies, Escape cancels; applying is one undoable step. Files from a French Excel: semicolons, decimal commas,
// Windows-1252.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-import-'));
const MEMBERS = resolve('test/fixtures/r25-membres-fr.csv');
const STATEMENT = resolve('test/fixtures/r25-statement-1252.csv');

let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();
const preview = '[data-testid=import-preview]';

/** A member's cell, found with the grid's find box (the grid draws only the rows near the viewport). */
async function memberCell(code: string, col: string): Promise<string | null> {
  await page.fill('[data-testid=find-member]', code);
  await page.waitForSelector(cell(code, col));
  const t = await text(cell(code, col));
  await page.fill('[data-testid=find-member]', '');
  await page.locator('[data-testid=find-member]').blur();
  return t;
}

beforeAll(async () => {
  // E2E_RENDERER: a build of one's own (as in ledger.test.ts), when another build of dist/renderer is under way.
  app = await openApp({ width: 1200, height: 820, budget: 'paris', year: 2026, dir: process.env.E2E_RENDERER });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('R25 members import preview', () => {
  it('R25: shows the rows to add, to change (DE renamed “Allemagne” flagged) and says the file was Windows-1252; Escape changes nothing', async () => {
    await page.setInputFiles('[data-testid=import-csv]', MEMBERS);
    await page.waitForSelector(preview);
    expect(await text('[data-testid=import-summary]')).toBe(
      '1 to add · 3 to change (2 renames) · 1 unchanged · 0 refused',
    );
    expect(await text('[data-testid=import-notice]')).toMatch(/^Not UTF-8: read as Windows-1252/);
    expect(await page.locator('[data-testid=import-notice]').nth(1).textContent()).toMatch(/“note” is not read/);
    expect(await text('[data-testid=preview-added]')).toContain('XKKosovo, République duVII');
    const changed = await text('[data-testid=preview-changed]');
    expect(changed).toMatch(/DEGermany → Allemagne\s*rename, every budget/);
    expect(changed).toMatch(/CICôte d'IvoireVII → VI/);
    expect(await page.isEnabled('[data-testid=import-apply]')).toBe(true);
    await page.screenshot({ path: join(shots, 'import-preview.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(preview).count()).toBe(0);
    expect(await memberCell('DE', 'name')).toBe('Germany');
  });

  it('R25: Enter applies the whole file as one step; undo gives every name and class back', async () => {
    await page.setInputFiles('[data-testid=import-csv]', MEMBERS);
    await page.waitForSelector(preview);
    await page.keyboard.press('Enter');
    await expect.poll(() => text('[data-testid=notice]')).toContain('Import 5 rows (1 added, 4 updated)');
    await expect.poll(() => memberCell('DE', 'name')).toBe('Allemagne');
    expect(await memberCell('CI', 'class')).toBe('VI');
    await page.click('[data-testid=undo]');
    await expect.poll(() => memberCell('DE', 'name')).toBe('Germany');
    expect(await memberCell('CI', 'class')).toBe('VII');
  });

  it('R25: “Keep the names the workbook has” leaves the renames out', async () => {
    await page.setInputFiles('[data-testid=import-csv]', MEMBERS);
    await page.waitForSelector(preview);
    await page.check('[data-testid=keep-names]');
    await expect
      .poll(() => text('[data-testid=import-summary]'))
      .toBe('1 to add · 1 to change · 3 unchanged · 0 refused');
    await page.click('[data-testid=import-apply]');
    await expect.poll(() => memberCell('CI', 'class')).toBe('VI');
    expect(await memberCell('DE', 'name')).toBe('Germany');
    await page.click('[data-testid=undo]');
    await expect.poll(() => memberCell('CI', 'class')).toBe('VII');
  });

  it('R25: a refused row blocks the import (all or nothing): listed with its line and reason, Enter does nothing', async () => {
    const bad = 'code;name;class\nDE;Deutschland;II\nXD;Thule;Z\nXE;"Erewhon;VI\n';
    await page.setInputFiles('[data-testid=import-csv]', {
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad),
    });
    await page.waitForSelector(preview);
    const refused = await text('[data-testid=preview-refused]');
    expect(refused).toMatch(/line 3“Z” is not a class/);
    expect(refused).toMatch(/line 4a quote opened on this line is never closed/);
    expect(await page.isDisabled('[data-testid=import-apply]')).toBe(true);
    expect(await text('[data-testid=import-blocked]')).toMatch(/Nothing is imported while a row is refused/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator(preview).count()).toBe(0);
    expect(await memberCell('DE', 'name')).toBe('Germany');
    expect(await memberCell('DE', 'class')).toBe('I');
  });
});

describe('R25 bank statement preview', () => {
  it('R25: a semicolon, decimal-comma, Windows-1252 statement is previewed exactly and recorded in one step', async () => {
    await page.keyboard.press('Alt+2');
    await page.setInputFiles('[data-testid=import-statement]', STATEMENT);
    await page.waitForSelector('[data-testid=mapping]');
    await page.click('[data-testid=map-import]');
    await page.waitForSelector(preview);
    expect(await text('[data-testid=import-summary]')).toBe('3 payments to record · 0 refused');
    const rows = await page.locator('[data-testid=preview-added] tbody tr').allTextContents();
    expect(rows).toEqual([
      'row 2FR2026-03-021,234.5CHFanyContribution 2026',
      'row 3AT2026-03-0512,000CHFanyBeitrag, Rest 2025 (Österreich)',
      'row 4CH2026-03-090.75CHFanyFrais',
    ]);
    await page.screenshot({ path: join(shots, 'import-preview-statement.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => text('[data-testid=payments-count]')).toBe(`${example.payments.length + 3} payments`);
    await page.click('[data-testid=undo]');
    await expect.poll(() => text('[data-testid=payments-count]')).toBe(`${example.payments.length} payments`);
  });
});
