import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyScenarioToBaseline,
  createScenario,
  duplicateScenario,
  setScenarioClass,
  setScenarioLevel,
  setScenarioOverride,
  type Done,
} from '../../shared/edit';
import { assessBudgetYear } from '../../shared/engine';
import { COMPARISON_CSV_HEADER } from '../../shared/export/comparison-table';
import { decimalPlaces, groupThousands, toScaledBigInt } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { compareScenario } from '../../shared/scenario/scenario';
import { cell, clickToolbar, openApp, type OpenApp, totalCell } from './harness';

// R14 in the app, end to end in Chromium (browser mode): a scenario is created, a class changed in it, compared
// with the baseline, exported and applied. Expected figures come from the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const MEMBER = 'AL';
const TO = 'I';
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-scen-'));
const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-scen-files-'));

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();

// The same steps through the engine, for the expected figures.
const withScenario = (createScenario(example, { name: 'Scenario 1' }) as Done).workbook;
const edited = (
  setScenarioClass(withScenario, {
    scenario: 'scenario-1',
    budget: BUDGET,
    member: MEMBER,
    year: YEAR,
    value: TO,
  }) as Done
).workbook;
const comparison = compareScenario(edited, edited.scenarios[0], BUDGET, YEAR);
const baseline = assessBudgetYear(example, BUDGET, YEAR);
const applied = assessBudgetYear((applyScenarioToBaseline(edited, 'scenario-1') as Done).workbook, BUDGET, YEAR);

const places = decimalPlaces(example.budgets.find((b) => b.id === BUDGET)!.roundingUnit);
const abs = (d: string) => {
  const v = toScaledBigInt(d, places);
  return v < 0n ? -v : v;
};
/** The comparison's rows as the grid shows them by default: biggest |difference| first (a stable sort). */
const byMover = (rows: typeof comparison.rows) =>
  [...rows].sort((a, b) =>
    abs(b.difference) > abs(a.difference) ? 1 : abs(b.difference) < abs(a.difference) ? -1 : 0,
  );

/** Clicks an export button and keeps the downloaded file. */
async function download(testId: string): Promise<{ name: string; path: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), clickToolbar(page, testId)]);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), path };
}

async function chooseClass(code: string, cls: string) {
  await page.click(cell(code, 'name'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('F2');
  await page.keyboard.press('ArrowDown');
  await page.locator('.ag-select-list').getByRole('option', { name: cls, exact: true }).click();
}

beforeAll(async () => {
  app = await openApp({ width: 1500, height: 900, downloads: true, budget: BUDGET, year: YEAR });
  page = app.page;
  await page.click('[data-testid=notice] .close');
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('R14 scenarios in the app', () => {
  it('creates a scenario and changes a member’s class in it; the baseline is unchanged and the changed cells are marked', async () => {
    expect(comparison.rows.find((r) => r.code === MEMBER)!.classBefore).not.toBe(TO);
    await page.click('[data-testid=scenario-new]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-name]')).toBe('Scenario 1');
    await chooseClass(MEMBER, TO);
    await expect
      .poll(() => text(cell(MEMBER, 'amount')))
      .toBe(groupThousands(comparison.rows.find((r) => r.code === MEMBER)!.amountAfter!));
    await expect.poll(() => text(totalCell)).toBe(groupThousands(comparison.after.total));
    expect(comparison.after.total).toBe(baseline.total); // R5 the total stays exact
    expect(await page.locator(cell(MEMBER, 'class')).getAttribute('class')).toMatch(/scenario-changed/);
    expect(await text('[data-testid=scenario-overrides]')).toContain(`${MEMBER} class ${TO} from ${YEAR}`);
    expect(await text('[data-testid=total-difference]')).toBe(groupThousands(comparison.totalDifference)); // 0: the total is the budget's
    await page.screenshot({ path: join(shots, 'scenario-editor.png') });
    // Back on the baseline: nothing changed there.
    await page.selectOption('[data-testid=scenario-select]', '');
    await expect
      .poll(() => text(cell(MEMBER, 'amount')))
      .toBe(groupThousands(baseline.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(cell(MEMBER, 'class'))).toBe(baseline.rows.find((r) => r.code === MEMBER)!.class);
    await page.selectOption('[data-testid=scenario-select]', 'scenario-1');
  });

  it('shows the comparison, biggest movers first, with the budget’s old and new totals', async () => {
    await page.click('[data-testid=view-compare]');
    await page.waitForSelector('[data-testid=comparison-grid] .ag-row[row-index="0"]');
    const biggest = [...comparison.rows].sort(
      (a, b) => Math.abs(Number(b.difference)) - Math.abs(Number(a.difference)),
    )[0];
    expect(biggest.code).toBe(MEMBER);
    const first = page.locator('[data-testid=comparison-grid] .ag-row[row-index="0"]:not(.ag-row-pinned)').first();
    expect(await first.getAttribute('row-id')).toBe(MEMBER);
    const row = (code: string, col: string) =>
      `[data-testid=comparison-grid] .ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    const r = comparison.rows.find((x) => x.code === MEMBER)!;
    expect(await text(row(MEMBER, 'amountBefore'))).toBe(groupThousands(r.amountBefore!));
    expect(await text(row(MEMBER, 'scenario-1:amountAfter'))).toBe(groupThousands(r.amountAfter!));
    expect(await text(row(MEMBER, 'scenario-1:difference'))).toBe(`+${groupThousands(r.difference)}`);
    expect(await text(row(MEMBER, 'scenario-1:percentChange'))).toBe(r.percentChange);
    expect(await text('[data-testid=levels-scenario-1] [data-testid=level-total]')).toBe(
      groupThousands(comparison.after.total),
    );
    expect(await text('[data-testid=levels-scenario-1] [data-testid=level-unit-value]')).toBe(
      groupThousands(comparison.after.unitValue),
    );
    await page.screenshot({ path: join(shots, 'comparison.png') });
  });

  it('exports the comparison as XLSX in the displayed order; read back with exceljs it equals the engine cell by cell', async () => {
    const { name, path } = await download('export-xlsx');
    expect(name).toBe(`${BUDGET}-${YEAR}-whatif-scenario-1.xlsx`);
    const book = new ExcelJS.Workbook();
    const bytes = readFileSync(path);
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ws = book.worksheets[0];
    expect(ws.getCell('A1').value).toMatch(/what if Scenario 1/);
    let header = 0;
    ws.eachRow((row, n) => {
      if (!header && row.getCell(1).value === 'Code') header = n;
    });
    const cellText = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : String(v));
    const money = (v: ExcelJS.CellValue) => (v === null || v === undefined ? null : (v as number).toFixed(places));
    const got = [];
    for (let n = header + 1; n <= ws.rowCount; n++) {
      const r = ws.getRow(n);
      got.push([
        cellText(r.getCell(1).value),
        cellText(r.getCell(2).value),
        cellText(r.getCell(3).value),
        cellText(r.getCell(4).value),
        money(r.getCell(5).value),
        money(r.getCell(6).value),
        money(r.getCell(7).value),
        r.getCell(8).value === null ? null : (r.getCell(8).value as number).toFixed(2),
      ]);
    }
    const expected = byMover(comparison.rows).map((r) => [
      r.code,
      r.name,
      r.classBefore,
      r.classAfter,
      r.amountBefore,
      r.amountAfter,
      r.difference,
      r.percentChange,
    ]);
    expect(got.slice(0, -1)).toEqual(expected);
    // The total row equals the budget exactly, before and after.
    expect(got.at(-1)!.slice(4, 7)).toEqual([baseline.total, comparison.after.total, comparison.totalDifference]);
  });

  it('exports CSV of the filtered comparison: only the rows shown, in the order shown', async () => {
    const filter = page
      .locator('[data-testid=comparison-grid] .ag-floating-filter[col-id="classBefore"] input')
      .first();
    await filter.fill('VII');
    await expect
      .poll(() => page.locator('[data-testid=comparison-grid] .ag-row:not(.ag-row-pinned)[row-id="CN"]').count())
      .toBe(0);
    const { path } = await download('export-csv');
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines[0]).toBe(COMPARISON_CSV_HEADER.join(','));
    const shown = byMover(comparison.rows.filter((r) => r.classBefore === 'VII'));
    expect(shown.length).toBeGreaterThan(10);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(shown.map((r) => r.code));
    expect(lines[1].split(',').slice(-4)).toEqual([
      shown[0].amountBefore,
      shown[0].amountAfter,
      shown[0].difference,
      shown[0].percentChange,
    ]);
    await filter.fill('');
    await expect
      .poll(() => page.locator('[data-testid=comparison-grid] .ag-row:not(.ag-row-pinned)[row-id="CN"]').count())
      .toBe(1);
  });

  it('prints the comparison (browser mode: the print layout in a hidden frame); as PDF it has the title, the header on each page and the exact total', async () => {
    await page.click('[data-testid=notice] .close');
    await page.keyboard.press('Control+p'); // the same as the PDF button
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/Printing .*whatif-scenario-1\.pdf/);
    const html = (await page.locator('iframe[data-testid=print-frame]').getAttribute('srcdoc'))!;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toContain('Shown'); // no filter left: every member
    const out = 'test-results/print';
    mkdirSync(out, { recursive: true });
    const printer = await app.browser.newPage();
    try {
      await printer.setContent(html);
      writeFileSync(join(out, 'whatif.pdf'), await printer.pdf({ preferCSSPageSize: true }));
    } finally {
      await printer.close();
    }
    let textOut: string;
    try {
      textOut = execFileSync('pdftotext', ['-layout', join(out, 'whatif.pdf'), '-'], { encoding: 'utf8' });
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '70',
        '-f',
        '1',
        '-l',
        '1',
        join(out, 'whatif.pdf'),
        join(out, 'whatif'),
      ]);
    } catch {
      return; // poppler-utils missing: the layout itself was checked above
    }
    const pages = textOut.split('\f').filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toMatch(/what if Scenario 1/);
    pages.forEach((p, i) => {
      expect(p).toMatch(/Code\s+Member\s+Class before\s+Class after/);
      expect(p).toContain(`Page ${i + 1} of ${pages.length}`);
    });
    expect(pages.at(-1)).toMatch(
      new RegExp(
        `Total\\s+\\d+ members\\s+${groupThousands(baseline.total)}\\s+${groupThousands(comparison.after.total)}`,
      ),
    );
  });

  it('duplicates the scenario, raises the total in the copy, and compares both side by side', async () => {
    const copy = (
      setScenarioLevel((duplicateScenario(edited, 'scenario-1') as Done).workbook, {
        scenario: 'copy-of-scenario-1',
        budget: BUDGET,
        year: YEAR,
        method: 'total',
        amount: String(BigInt(baseline.total) + 331000n),
      }) as Done
    ).workbook;
    const second = compareScenario(copy, copy.scenarios[1], BUDGET, YEAR);
    await page.click('[data-testid=scenario-duplicate]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-select]')).toBe('copy-of-scenario-1');
    await page.fill('[data-testid=scenario-level]', '=+331000');
    await page.press('[data-testid=scenario-level]', 'Enter');
    await expect
      .poll(() => text('[data-testid=levels-copy-of-scenario-1] [data-testid=level-total]'))
      .toBe(groupThousands(second.after.total));
    await page.locator('[data-testid=compare-with] label', { hasText: 'Scenario 1' }).locator('input').check();
    await expect
      .poll(() => text('[data-testid=levels-scenario-1] [data-testid=level-total]'))
      .toBe(groupThousands(comparison.after.total));
    const row = (code: string, col: string) =>
      `[data-testid=comparison-grid] .ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    const r2 = second.rows.find((x) => x.code === MEMBER)!;
    expect(await text(row(MEMBER, 'copy-of-scenario-1:amountAfter'))).toBe(groupThousands(r2.amountAfter!));
    expect(await text(row(MEMBER, 'scenario-1:amountAfter'))).toBe(
      groupThousands(comparison.rows.find((x) => x.code === MEMBER)!.amountAfter!),
    );
    expect(await text('[data-testid=levels-copy-of-scenario-1] [data-testid=level-unit-value]')).toBe(
      groupThousands(second.after.unitValue),
    );
    // The CSV of both: the CLI's column names, the after side named by scenario.
    const csv = readFileSync((await download('export-csv')).path, 'utf8')
      .replace(/^\uFEFF/, '') // the CSV for Excel starts with a byte-order mark
      .trimEnd()
      .split('\n');
    const head = csv[0].split(',');
    expect(head.slice(0, 4)).toEqual(['code', 'name', 'class_before', 'amount_before']);
    expect(head.slice(4).sort()).toEqual(
      [copy.scenarios[0].name, copy.scenarios[1].name]
        .flatMap((n) => ['class_after', 'amount_after', 'difference', 'percent_change'].map((c) => `${c}[${n}]`))
        .sort(),
    );
    const line = csv.find((l) => l.startsWith(`${MEMBER},`))!.split(',');
    expect(line[head.indexOf(`amount_after[${copy.scenarios[1].name}]`)]).toBe(r2.amountAfter);
    expect(line[head.indexOf(`amount_after[${copy.scenarios[0].name}]`)]).toBe(
      comparison.rows.find((x) => x.code === MEMBER)!.amountAfter,
    );
    await page.setViewportSize({ width: 1920, height: 900 });
    await page.click('[data-testid=notice] .close');
    await page.screenshot({ path: join(shots, 'comparison-side-by-side.png') });
    await page.setViewportSize({ width: 1500, height: 900 });
    await page.locator('[data-testid=compare-with] label', { hasText: 'Scenario 1' }).locator('input').uncheck();
    await page.selectOption('[data-testid=scenario-select]', 'scenario-1');
  });

  it('charts the members’ shares, the split by class and the scenario’s biggest movers', async () => {
    await page.click('[data-testid=view-charts]');
    for (const id of ['chart-shares', 'chart-classes', 'chart-movers'])
      await page.waitForSelector(`[data-testid=${id}] canvas`, { timeout: 15_000 });
    await page.waitForTimeout(800); // the charts' first animation
    await page.screenshot({ path: join(shots, 'charts.png') });
    await page.click('[data-testid=view-compare]');
  });

  it('applies the scenario to the baseline in one undoable step', async () => {
    await page.click('[data-testid=view-members]');
    await page.click('[data-testid=scenario-apply]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-select]')).toBe('');
    await expect.poll(() => text(cell(MEMBER, 'class'))).toBe(TO);
    await expect
      .poll(() => text(cell(MEMBER, 'amount')))
      .toBe(groupThousands(applied.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(totalCell)).toBe(groupThousands(applied.total));
    await page.click(cell('AD', 'code'));
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => text(cell(MEMBER, 'amount')))
      .toBe(groupThousands(baseline.rows.find((r) => r.code === MEMBER)!.amount));
    expect(await text(cell(MEMBER, 'class'))).toBe(baseline.rows.find((r) => r.code === MEMBER)!.class);
    expect(await text('[data-testid=notice]')).toMatch(/Undid: Apply scenario “Scenario 1”/);
  });
});

describe('R14 other assumptions in a scenario', () => {
  it('a member leaving and a class counting other units: recorded in the scenario, compared, the baseline untouched', async () => {
    await page.selectOption('[data-testid=scenario-select]', 'scenario-1');
    await page.click('[data-testid=view-compare]');
    await page.click('[data-testid=scenario-more] summary');
    await page.fill('[aria-label="Member leaving"]', 'AD');
    await page.locator('[data-testid=scenario-more] form').first().getByRole('button', { name: 'Record' }).click();
    await page.fill('[data-testid=scenario-units-VII]', '2');
    await page.press('[data-testid=scenario-units-VII]', 'Enter');
    let wb = (
      setScenarioOverride(edited, 'scenario-1', {
        kind: 'leave',
        member: 'AD',
        budget: BUDGET,
        until: `${YEAR - 1}-12-31`,
      }) as Done
    ).workbook;
    wb = (setScenarioOverride(wb, 'scenario-1', { kind: 'units', scheme: 'paris', class: 'VII', units: '2' }) as Done)
      .workbook;
    const c = compareScenario(wb, wb.scenarios[0], BUDGET, YEAR);
    expect(c.after.rows.length).toBe(baseline.rows.length - 1);
    await expect
      .poll(() => text('[data-testid=levels-scenario-1] [data-testid=level-unit-value]'))
      .toBe(groupThousands(c.after.unitValue));
    const row = (code: string, col: string) =>
      `[data-testid=comparison-grid] .ag-row[row-id="${code}"]:not(.ag-row-pinned) .ag-cell[col-id="${col}"]`;
    await page.locator('[data-testid=comparison-grid] .ag-floating-filter[col-id="code"] input').fill('AD');
    await expect
      .poll(() => text(row('AD', 'scenario-1:difference')))
      .toBe(groupThousands(c.rows.find((r) => r.code === 'AD')!.difference));
    expect(await text(row('AD', 'scenario-1:amountAfter'))).toBe('');
    await page.locator('[data-testid=comparison-grid] .ag-floating-filter[col-id="code"] input').fill('');
    expect(await text('[data-testid=scenario-overrides]')).toMatch(
      /AD leaves Paris Union on 2025-12-31.*class VII of paris counts 2 units/,
    );
    await page.screenshot({ path: join(shots, 'scenario-assumptions.png') });
    await page.click('[data-testid=view-members]');
    await page.selectOption('[data-testid=scenario-select]', '');
    await expect.poll(() => text(totalCell)).toBe(groupThousands(baseline.total));
    expect(await text('.ag-row-pinned .ag-cell[col-id="name"]')).toBe(`Total, ${baseline.rows.length} members`);
  });
});

describe('members from an XLSX file (first sheet)', () => {
  it('R25 imports in one undoable step, and only whole: a row it could not read is named in the preview (its sheet row), like CSV', async () => {
    await page.selectOption('[data-testid=scenario-select]', '');
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Members');
    ws.addRows([['Code', 'Name', 'Class'], ['XE', 'Erewhon; Utopia', 'VI'], [], ['XF', 'Nowhere', 'Z']]);
    book.addWorksheet('Ignored').addRow(['code', 'class']);
    const file = join(dir, 'members.xlsx');
    writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
    await page.setInputFiles('[data-testid=import-csv]', file);
    await expect.poll(() => text('[data-testid=preview-refused]')).toMatch(/row 4“Z” is not a class/);
    expect(await page.isDisabled('[data-testid=import-apply]')).toBe(true);
    await page.click('[data-testid=import-cancel]');
    // The bad row corrected: the whole sheet imports.
    const fixed = new ExcelJS.Workbook();
    fixed
      .addWorksheet('Members')
      .addRows([['Code', 'Name', 'Class'], ['XE', 'Erewhon; Utopia', 'VI'], [], ['XF', 'Nowhere', 'VII']]);
    writeFileSync(file, Buffer.from(await fixed.xlsx.writeBuffer()));
    await page.setInputFiles('[data-testid=import-csv]', file);
    await expect
      .poll(() => text('[data-testid=import-summary]'))
      .toBe('2 to add · 0 to change · 0 unchanged · 0 refused');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/Import 2 rows \(2 added, 0 updated\)/);
    const totalName = '.ag-row-pinned .ag-cell[col-id="name"]';
    await expect.poll(() => text(totalName)).toBe(`Total, ${baseline.rows.length + 2} members`);
    // The new member is the last row (the grid renders rows near the viewport): scroll to it.
    await page.click(cell('AD', 'code'));
    await page.keyboard.press('Control+End');
    await expect.poll(() => page.locator(cell('XE', 'name')).count()).toBe(1);
    expect(await text(cell('XE', 'name'))).toBe('Erewhon; Utopia');
    expect(await text(cell('XE', 'class'))).toBe('VI');
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(totalName)).toBe(`Total, ${baseline.rows.length} members`);
  });
});
