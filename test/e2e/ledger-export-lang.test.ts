import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advancesReport, VotingStatusBook, wcfReport } from '../../shared/engine';
import { advancesExport, paymentsExport, wcfExport } from '../../shared/export/ledger-export';
import type { ExportTable } from '../../shared/export/table-model';
import { budgetNames } from '../../shared/model/budget-name';
import { parseWorkbook } from '../../shared/model/validate';
import { clickToolbar, openApp, type OpenApp } from './harness';

// Issue 11: every ledger view's XLSX speaks the user's language (the advances, WCF and payments views wrote English).
// Expected title and headers come from shared/export's tables in French, and must differ from the English ones.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const nameOf = budgetNames(example);
const ctx = (locale: string) => ({
  organization: example.organization.name,
  produced: '2026-01-01',
  locale,
  budgetName: nameOf,
});

let app: OpenApp;
let page: Page;

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900, downloads: true, query: '?lang=fr', dir: process.env.E2E_RENDERER });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

/** The first sheet's title (A1) and the row that holds the table's headers. */
async function exported(key: string, tab: string): Promise<{ title: string; rows: string[][] }> {
  await page.keyboard.press(key);
  await page.waitForSelector(`[data-testid=view-${tab}][aria-selected=true]`, { timeout: 5000 });
  const [d] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, 'export-xlsx')]);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile((await d.path())!);
  const ws = book.worksheets[0];
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(v ?? ''))));
  return { title: String(ws.getCell('A1').value), rows };
}

const headers = (t: ExportTable) => t.columns.map((c) => c.header);

describe('ledger exports in the user’s language', () => {
  it.each([
    ['Alt+5', 'advances', (date: string, l: string) => advancesExport(advancesReport(example, date), ctx(l))],
    [
      'Alt+4',
      'wcf',
      (date: string, l: string) => wcfExport(wcfReport(new VotingStatusBook(example).ledger, date), ctx(l)),
    ],
    ['Alt+2', 'payments', (_: string, l: string) => paymentsExport(example.payments, ctx(l))],
  ] as const)('%s %s: the XLSX title and headers are French', async (key, tab, table) => {
    const got = await exported(key, tab);
    // The view's "as of" date (today unless chosen) is in the title as written by the export.
    const date = /\d{4}-\d{2}-\d{2}/.exec(got.title)?.[0] ?? '';
    const fr = table(date, 'fr');
    const en = table(date, 'en');
    expect(fr.title).not.toBe(en.title);
    expect(headers(fr)).not.toEqual(headers(en));
    expect(got.title).toBe(fr.title);
    expect(got.rows).toContainEqual(headers(fr));
  });
});
