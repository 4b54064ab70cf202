// bench/export: XLSX export of a contribution table, and for comparison LibreOffice headless turning the same
// table, with per-row ROUND formulas, from CSV into XLSX. Run: npm run bench -- export
import ExcelJS from 'exceljs';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeContributions } from '../shared/engine/assess';
import { contributionExport } from '../shared/export/table-model';
import { toXlsx } from '../shared/export/xlsx';
import { WIPO_UNITARY } from '../shared/model/schemes';
import { median, ms, table } from './harness';

const TOTAL = '123456789.01';

function members(n: number) {
  let seed = 7;
  return Array.from({ length: n }, (_, i) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const c = WIPO_UNITARY.classes[seed % WIPO_UNITARY.classes.length];
    return { code: `M${String(i).padStart(6, '0')}`, name: `Member state ${i}`, class: c.code, units: c.units };
  });
}

async function timeAsync(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const soffice = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], {
  encoding: 'utf8',
}).stdout.trim();
const dir = mkdtempSync(join(tmpdir(), 'bench-export-'));
const rows: (string | number)[][] = [];
for (const n of [200, 10_000]) {
  const list = members(n);
  const terms = {
    id: 'unitary',
    name: 'Unitary contribution',
    currency: 'CHF',
    roundingUnit: '0.01',
    rounding: 'half-up' as const,
  };
  const t = computeContributions(terms, list, 'total', TOTAL, { year: 2026, carriedOver: false, sourceYear: 2026 });
  const runs = n > 1000 ? 7 : 21;
  let bytes: Uint8Array = new Uint8Array();
  const ours = await timeAsync(async () => {
    bytes = await toXlsx([contributionExport(t, { organization: 'Bench', produced: '2026-11-21' })], '2026-11-21');
  }, runs);

  let lo = 'n/a';
  let ratio = 'n/a';
  let miss = 'n/a';
  if (soffice) {
    // What a spreadsheet does: each share =ROUND(T*u/U, 2) on its own row, the total a SUM.
    const csv = [
      'code,units,amount',
      ...list.map((m, i) => `${m.code},${m.units},=ROUND(${TOTAL}*B${i + 2}/SUM(B$2:B$${n + 1});2)`),
      `Total,,=SUM(C2:C${n + 1})`,
    ].join('\n');
    const csvFile = join(dir, `t${n}.csv`);
    writeFileSync(csvFile, csv);
    const loRuns = n > 1000 ? 3 : 5;
    const profile = `-env:UserInstallation=file://${join(dir, 'profile')}`;
    const convert = () =>
      execFileSync(
        soffice,
        [
          profile,
          '--headless',
          '--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1',
          '--convert-to',
          'xlsx',
          '--outdir',
          dir,
          csvFile,
        ],
        { stdio: 'ignore' },
      );
    convert(); // first start creates the profile
    const ts: number[] = [];
    for (let i = 0; i < loRuns; i++) {
      const t0 = performance.now();
      convert();
      ts.push(performance.now() - t0);
    }
    const loMs = median(ts);
    lo = ms(loMs);
    ratio = (loMs / ours).toFixed(1);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dir, `t${n}.xlsx`)) as unknown as ArrayBuffer);
    const last = book.worksheets[0].getRow(n + 2).getCell(3).value as { result?: number } | number;
    const sheetTotal = typeof last === 'number' ? last : (last?.result ?? NaN);
    miss = String(Math.round(Number(TOTAL) * 100 - sheetTotal * 100));
  }
  rows.push([
    n.toLocaleString('en'),
    runs,
    ms(ours),
    (bytes.length / 1024).toFixed(0),
    lo,
    ratio,
    t.total === TOTAL ? 'exact' : 'OFF',
    miss,
  ]);
}
console.log(
  `XLSX export of a ${TOTAL} CHF table, unitary classes, rounding 0.01; median ms${soffice ? '' : ' (soffice not installed: no comparison)'}`,
);
console.log(
  table(
    ['members', 'runs', 'ours ms', 'KiB', 'LibreOffice ms', 'LO/ours', 'our total', 'sheet total misses (cents)'],
    rows,
  ),
);

// PDF: the print layout through Chromium's printToPDF (what Electron's webContents.printToPDF runs), where Chromium
// is installed. Says how long a user waits for a PDF of a large table.
const { existsSync } = await import('node:fs');
const { CHROMIUM, launchChromium } = await import('../test/e2e/harness');
if (existsSync(CHROMIUM)) {
  const { toPrintHtml } = await import('../shared/export/print-html');
  const browser = await launchChromium();
  const pdfRows: (string | number)[][] = [];
  try {
    for (const n of [200, 10_000]) {
      const terms = {
        id: 'unitary',
        name: 'Unitary contribution',
        currency: 'CHF',
        roundingUnit: '0.01',
        rounding: 'half-up' as const,
      };
      const t = computeContributions(terms, members(n), 'total', TOTAL, {
        year: 2026,
        carriedOver: false,
        sourceYear: 2026,
      });
      const runs = n > 1000 ? 3 : 7;
      let html = '';
      const layout = await timeAsync(async () => {
        html = toPrintHtml(contributionExport(t, { organization: 'Bench', produced: '2026-11-21' }));
      }, runs);
      const page = await browser.newPage();
      let pdf: Buffer = Buffer.alloc(0);
      const print = await timeAsync(async () => {
        await page.setContent(html);
        pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      }, runs);
      await page.close();
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      pdfRows.push([n.toLocaleString('en'), runs, ms(layout), ms(print), pages, (pdf.length / 1024).toFixed(0)]);
    }
  } finally {
    await browser.close();
  }
  console.log('\nPDF of the same table: print layout (HTML) built, then printed by Chromium; median ms');
  console.log(table(['members', 'runs', 'layout ms', 'print to PDF ms', 'pages', 'KiB'], pdfRows));
}
