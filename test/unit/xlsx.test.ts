import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../cli/main';
import { assessBudgetYear } from '../../shared/engine/assess';
import { contributionExport } from '../../shared/export/table-model';
import { toXlsx } from '../../shared/export/xlsx';
import { parseWorkbook } from '../../shared/model/validate';
import { e1Workbook } from './helpers';

async function readBack(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return book;
}

/** Rows from the header row on, as [code, ..., amount] with numbers as the engine's decimal strings. */
function tableRows(ws: ExcelJS.Worksheet, decimals: number) {
  let header = 0;
  ws.eachRow((row, n) => {
    if (!header && row.getCell(1).value === 'Code') header = n;
  });
  const out: { code: string; amount: string; units: string }[] = [];
  for (let n = header + 1; n <= ws.rowCount; n++) {
    const r = ws.getRow(n);
    out.push({
      code: String(r.getCell(1).value),
      units: String(r.getCell(4).value),
      amount: (r.getCell(6).value as number).toFixed(decimals),
    });
  }
  return { header, rows: out };
}

describe('XLSX export', () => {
  it('E1 read back with exceljs equals the engine cell by cell; the total row equals the budget exactly', async () => {
    const t = assessBudgetYear(e1Workbook(), 'conference', 2026);
    const bytes = await toXlsx(
      [contributionExport(t, { organization: 'Test Organization', produced: '2026-11-21' })],
      '2026-11-21',
    );
    const book = await readBack(bytes);
    const ws = book.worksheets[0];
    expect(ws.getCell('A1').value).toBe('conference, 2026: assessed contributions');
    const { header, rows } = tableRows(ws, 2);
    expect(rows.slice(0, -1)).toEqual(t.rows.map((r) => ({ code: r.code, units: r.units, amount: r.amount })));
    expect(rows.at(-1)).toEqual({ code: 'Total', units: '15', amount: '1000000.00' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    expect(ws.getRow(header + 1).getCell(6).numFmt).toBe('#,##0.00 "CHF";-#,##0.00 "CHF"');
    expect(ws.getRow(header).getCell(6).font?.bold).toBe(true);
    const info = Object.fromEntries(
      [2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => [ws.getCell(`A${n}`).value, ws.getCell(`B${n}`).value]),
    );
    expect(info).toMatchObject({
      Organization: 'Test Organization',
      Year: '2026',
      Total: '1,000,000.00 CHF',
      Adopted: 'Yes',
      Produced: '2026-11-21',
      Rounding: 'to 0.01, half-up',
    });
  });

  it('contrib apportion --format xlsx writes the example unitary table; every amount equals the engine', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'unitary.xlsx');
    let err = '';
    const code = await run(
      [
        'apportion',
        'examples/example-workbook.json',
        '--budget',
        'unitary',
        '--year',
        '2026',
        '--format',
        'xlsx',
        '--out',
        out,
      ],
      { out: () => {}, err: (t) => (err += t) },
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    const wb = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
    const t = assessBudgetYear(wb, 'unitary', 2026);
    const { rows } = tableRows((await readBack(readFileSync(out))).worksheets[0], 0);
    expect(rows.slice(0, -1).map((r) => [r.code, r.amount])).toEqual(t.rows.map((r) => [r.code, r.amount]));
    expect(rows.at(-1)!.amount).toBe(t.total);
  });

  it('xlsx without --out is refused', async () => {
    let err = '';
    const code = await run(
      ['apportion', 'examples/example-workbook.json', '--budget', 'paris', '--year', '2026', '--format', 'xlsx'],
      { out: () => {}, err: (t) => (err += t) },
    );
    expect(code).toBe(2);
    expect(err).toMatch(/--format xlsx needs --out/);
  });
});

describe('XLSX of the ledger tables from the CLI', () => {
  it('R17: contrib status --format xlsx carries the same arrears, thresholds and statuses as the CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xlsx-status-'));
    const io = (buf: { out: string }) => ({ out: (t: string) => (buf.out += t), err: () => {} });
    const csv = { out: '' };
    expect(
      await run(
        ['status', 'examples/example-workbook.json', '--date', '2026-06-30', '--budget', 'paris', '--format', 'csv'],
        io(csv),
      ),
    ).toBe(0);
    const out = join(dir, 'status.xlsx');
    expect(
      await run(
        [
          'status',
          'examples/example-workbook.json',
          '--date',
          '2026-06-30',
          '--budget',
          'paris',
          '--format',
          'xlsx',
          '--out',
          out,
        ],
        io({ out: '' }),
      ),
    ).toBe(0);
    const ws = (await readBack(readFileSync(out))).worksheets[0];
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    for (const line of csv.out.trim().split('\n').slice(1)) {
      const [code, , , arrears, threshold, status] = line.split(',');
      expect(cells).toContain(code);
      expect(cells).toContain(status);
      expect(cells).toContain(String(Number(arrears)));
      expect(cells).toContain(String(Number(threshold)));
    }
  });
});
