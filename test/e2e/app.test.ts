import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pasteRows, setClass, type Done } from '../../shared/edit';
import { assessBudgetYear, type ContributionTable } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { BACKGROUND_FROM } from '../../renderer/src/limits';
import { cell, clickToolbar, type OpenApp, openApp, totalCell } from './harness';

// Browser mode, end to end: the built renderer in Chromium. Expected figures come from the engine in Node,
// so the test checks that the app shows the engine's cents, not figures of its own.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
// Screenshots: kept in E2E_SHOTS when set (to look at them), else in a temp folder removed afterwards.
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-'));

let app: OpenApp;
let page: Page;
const dir = mkdtempSync(join(tmpdir(), 'cc-e2e-files-'));

const text = (sel: string) => page.locator(sel).first().textContent();
const amountOf = (code: string) => text(cell(code, 'amount'));
const shown = (t: ContributionTable, code: string) => groupThousands(t.rows.find((r) => r.code === code)!.amount);

/** The members AG Grid has rendered (it virtualises rows): enough to see that they all moved. */
async function renderedCodes(): Promise<string[]> {
  return page.$$eval('.ag-row:not(.ag-row-pinned)[row-id]', (rows) => rows.map((r) => r.getAttribute('row-id')!));
}

async function expectTable(t: ContributionTable) {
  await expect.poll(() => text(totalCell)).toBe(groupThousands(t.total));
  for (const code of await renderedCodes()) {
    expect(await amountOf(code), code).toBe(shown(t, code));
    // The percentage (u_i / U, the engine's string) is refreshed in place on every row shown.
    expect(await text(cell(code, 'percent')), code).toBe(t.rows.find((r) => r.code === code)!.percent);
  }
}

async function chooseClass(code: string, cls: string) {
  await page.click(cell(code, 'name'));
  await page.keyboard.press('Tab'); // Tab moves right, to the class
  await page.keyboard.press('F2'); // F2 starts an edit
  await page.keyboard.press('ArrowDown');
  await page.locator('.ag-select-list').getByRole('option', { name: cls, exact: true }).click();
}

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850, downloads: true, budget: BUDGET, year: YEAR });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('browser mode, end to end', () => {
  const before = assessBudgetYear(example, BUDGET, YEAR);
  const edited = (setClass(example, { budget: BUDGET, member: 'AL', year: YEAR, value: 'I' }) as Done).workbook;
  const after = assessBudgetYear(edited, BUDGET, YEAR);

  it('opens the bundled example and shows the engine’s figures with the exact total (R5)', async () => {
    await expectTable(before);
    expect(await text('[data-testid=doc-title]')).toContain('example-workbook.json');
  });

  it('R1/R5 a class change moves that member and every other member; the total stays exact', async () => {
    await chooseClass('AL', 'I');
    await expect.poll(() => amountOf('AL')).toBe(shown(after, 'AL'));
    await expectTable(after);
    expect(after.total).toBe(before.total);
    const codes = await renderedCodes();
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes) expect(shown(after, code), code).not.toBe(shown(before, code));
    expect(await text('[data-testid=doc-title]')).toMatch(/^●/); // unsaved mark
    await page.screenshot({ path: join(shots, 'class-change.png') });
  });

  it('undo (Ctrl+Z) and redo (Ctrl+Shift+Z, Ctrl+Y) from our own stack', async () => {
    await page.click(cell('DZ', 'code'));
    await page.keyboard.press('Control+z');
    await expectTable(before);
    await page.keyboard.press('Control+Shift+z');
    await expectTable(after);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await expectTable(after);
  });

  let pasted: Workbook;
  it('pastes three rows from a spreadsheet as one undoable step', async () => {
    const tsv = 'XA\tAtlantis\tVII\r\nXB\tLemuria\tV\r\nDZ\tAlgeria\tIII\r\n';
    pasted = (pasteRows(edited, { budget: BUDGET, year: YEAR, text: tsv }) as Done).workbook;
    const t = assessBudgetYear(pasted, BUDGET, YEAR);
    await page.click(cell('AD', 'code'));
    // Runs in the page (a string: this file is type-checked without the DOM library).
    await page.evaluate(`{
      const dt = new DataTransfer();
      dt.setData('text/plain', ${JSON.stringify(tsv)});
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }`);
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/Paste 3 rows \(2 added, 1 updated\)/);
    await expect.poll(() => text(totalCell)).toBe(groupThousands(t.total));
    expect(await text(cell('DZ', 'class'))).toBe('III');
    await expectTable(t);
    // One step: a single undo takes all three rows back.
    await page.keyboard.press('Control+z');
    await expectTable(after);
    await page.keyboard.press('Control+Shift+z');
    await expectTable(t);
    expect(await text('.ag-row-pinned .ag-cell[col-id="name"]')).toBe(`Total, ${t.rows.length} members`);
  });

  it('refuses a bad value with a message at the cell, and =+500 adjusts the total exactly (R3)', async () => {
    const t = assessBudgetYear(pasted, BUDGET, YEAR);
    await page.dblclick(totalCell);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('12abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => text('[data-testid=cell-error]')).toMatch(/“12abc” is not an amount/);
    expect(await text(totalCell)).toBe(groupThousands(t.total)); // refused, not changed
    await page.screenshot({ path: join(shots, 'bad-value.png') });

    await page.dblclick(totalCell);
    await page.keyboard.press('Control+a');
    await page.keyboard.type('=+500');
    await page.keyboard.press('Enter');
    await expect.poll(() => text(totalCell)).toBe(groupThousands(String(BigInt(t.total) + 500n)));
    expect(await page.locator('[data-testid=cell-error]').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(totalCell)).toBe(groupThousands(t.total));

    // The budget panel's figure field refuses the same way, next to the field.
    await page.fill('[data-testid=budget-figure]', '-999999999');
    await page.press('[data-testid=budget-figure]', 'Enter');
    await expect
      .poll(() => text('[data-testid=budget-figure-error]'))
      .toMatch(/^The total cannot be negative: type an amount greater than zero/);
    await page.press('[data-testid=budget-figure]', 'Escape');
  });

  it('saves (a download) and reopens the file (a file chooser) with the same figures', async () => {
    const t = assessBudgetYear(pasted, BUDGET, YEAR);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=save]')]);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const saved = parseWorkbook(readFileSync(file, 'utf8'));
    expect(saved.problems).toEqual([]);
    expect(assessBudgetYear(saved.workbook!, BUDGET, YEAR)).toEqual(t);
    await expect.poll(() => text('[data-testid=doc-title]')).not.toMatch(/^●/);

    const fresh = await app.browser.newPage({ viewport: { width: 1400, height: 850 } });
    const old = page;
    page = fresh;
    try {
      await page.goto(app.url);
      await page.waitForSelector('.ag-row[row-index="0"]');
      // The start-up example says "Opened" too: dismiss it so the notice we wait for is the reopened file's.
      await page.click('[data-testid=notice] .close');
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
      await chooser.setFiles(file);
      await expect.poll(() => page.locator('[data-testid=notice]').count()).toBe(1);
      await expect.poll(() => text('[data-testid=notice]')).toMatch(/Opened/);
      await page.selectOption('[data-testid=budget-select]', BUDGET);
      await page.selectOption('[data-testid=year-select]', String(YEAR));
      await expectTable(t);
      expect(await text(cell('DZ', 'class'))).toBe('III');
      await page.screenshot({ path: join(shots, 'reopened.png') });
    } finally {
      page = old;
      await fresh.close();
    }
  });

  it('R13 a lower-class notice is pending until a session date, then takes effect the next 1 January', async () => {
    await page.click(cell('AU', 'code'));
    const classBefore = await text(cell('AU', 'class'));
    const form = page.locator('[data-testid=class-changes] form');
    await form.locator('select').selectOption('VII');
    await form.locator('.date-field input').first().fill('2026-02-01');
    await form.getByRole('button', { name: 'Record notice' }).click();
    const item = page.locator('[data-testid=class-changes] li', { hasText: 'AU' });
    await expect.poll(() => item.textContent()).toMatch(/pending: no session yet/);
    await item.locator('.date-field input').fill('2026-10-01');
    await item.locator('.date-field input').blur();
    await expect.poll(() => item.textContent()).toMatch(/lower, from 1 Jan 2027/);
    expect(await text(cell('AU', 'class'))).toBe(classBefore); // 2026 is unchanged
    await page.screenshot({ path: join(shots, 'class-change-r13.png') });
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
  });

  it('R25 imports members from a CSV file only whole: the preview names the line it could not read, and nothing is imported', async () => {
    const csv = join(dir, 'members.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'code,name,class\nXC,Mu,VI\nXD,Thule,Z\n');
    await page.setInputFiles('[data-testid=import-csv]', csv);
    await expect.poll(() => text('[data-testid=preview-refused]')).toMatch(/line 3“Z” is not a class/);
    expect(await page.isDisabled('[data-testid=import-apply]')).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=import-preview]').count()).toBe(0);
  });

  it('R1 the scheme editor refuses bad units at the field and recomputes on good ones', async () => {
    await page.click('[data-testid=scheme-editor] summary');
    const units = '.ag-row-pinned[row-id="total"] .ag-cell[col-id="units"]';
    const before = await text(units);
    await page.fill('[data-testid=units-VII]', 'abc');
    await page.press('[data-testid=units-VII]', 'Enter');
    await expect.poll(() => text('[data-testid=units-VII-error]')).toMatch(/not a number of units/);
    expect(await text(units)).toBe(before);
    await page.fill('[data-testid=units-VII]', '2');
    await page.press('[data-testid=units-VII]', 'Enter');
    await expect.poll(() => text(units)).not.toBe(before);
    await page.click(cell('AD', 'code'));
    await page.keyboard.press('Control+z');
    await expect.poll(() => text(units)).toBe(before);
  });

  it('R9 the budget panel takes any positive rounding unit, refusing one the total is not a whole number of', async () => {
    const total = await text(totalCell);
    await page.fill('[data-testid=rounding-unit]', '7');
    await page.press('[data-testid=rounding-unit]', 'Enter');
    await expect.poll(() => text('[data-testid=rounding-unit-error]')).toMatch(/is not a whole number of 7/);
    await page.fill('[data-testid=rounding-unit]', '1000');
    await page.press('[data-testid=rounding-unit]', 'Enter');
    await expect.poll(() => page.locator('[data-testid=rounding-unit-error]').count()).toBe(0);
    // Every amount shown is now whole thousands, and they still sum to the same total exactly (R5).
    await expect
      .poll(async () =>
        (await Promise.all((await renderedCodes()).map(amountOf))).every((a) => /,000$|^0$/.test(a ?? '')),
      )
      .toBe(true);
    expect(await text(totalCell)).toBe(total);
    await page.click(cell('AD', 'code'));
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.inputValue('[data-testid=rounding-unit]')).toBe('1');
  });

  it('leaving the page with unsaved changes makes the browser ask (beforeunload); a clean page leaves at once', async () => {
    const dialogs: string[] = [];
    const tab = await app.browser.newPage({ viewport: { width: 1400, height: 850 } });
    tab.on('dialog', (d) => {
      dialogs.push(d.type());
      void d.dismiss(); // "Stay on page"
    });
    const open = async () => {
      await tab.goto(app.url);
      await tab.waitForSelector('.ag-row[row-index="0"]');
      await tab.click(totalCell); // a user gesture: browsers ask only on pages the user touched
    };
    // (This Chromium skips the prompt on a headless tab close; leaving the page, as a reload or closing does, asks.)
    const leave = () => tab.evaluate('location.href = "about:blank"');
    try {
      await open();
      await leave();
      await expect.poll(() => tab.url()).toBe('about:blank');
      expect(dialogs).toEqual([]);

      // Dirty (an edit of the total): the browser asks, and "Stay" keeps the page and the edit.
      await open();
      await tab.dblclick(totalCell);
      await tab.keyboard.press('Control+a');
      await tab.keyboard.type('=+1');
      await tab.keyboard.press('Enter');
      await expect.poll(() => tab.locator('[data-testid=doc-title]').textContent()).toMatch(/^●/);
      await leave();
      await expect.poll(() => dialogs).toEqual(['beforeunload']);
      expect(tab.url()).toBe(app.url);
      expect(await tab.locator('[data-testid=doc-title]').textContent()).toMatch(/^●/);
    } finally {
      await tab.close();
    }
  });

  it('Ctrl+F finds a member by name or code; the total stays the whole budget’s; Escape shows everyone again', async () => {
    await page.click(cell('AD', 'name'));
    const total = await text(totalCell);
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate('document.activeElement?.dataset?.testid')).toBe('find-member');
    await page.keyboard.type('fran');
    await expect.poll(() => renderedCodes()).toEqual(['FR']);
    // The count follows the grid a render later: wait for it as for the rows.
    await expect
      .poll(() => text('[data-testid=find-count]'))
      .toMatch(/^1 of 1\d\d members shown; the total is the whole budget’s$/);
    expect(await text(totalCell)).toBe(total);
    await page.keyboard.press('Enter'); // to the member found
    await expect
      .poll(() => page.evaluate('document.activeElement?.closest(".ag-row")?.getAttribute("row-id")'))
      .toBe('FR');
    await page.click('[data-testid=find-member]');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await renderedCodes()).length).toBeGreaterThan(10);
    expect(await page.locator('[data-testid=find-count]').count()).toBe(0);
  });

  it('F1 (or the ? button) lists the keyboard shortcuts; Escape closes the list', async () => {
    await page.click(cell('AD', 'name'));
    await page.keyboard.press('F1');
    const dialog = page.locator('dialog[data-testid=shortcuts]');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.textContent()).toContain('Alt+1 … Alt+7');
    expect(await dialog.textContent()).toContain('Print it (choose “Save as PDF”)'); // browser mode's Ctrl+P
    await page.screenshot({ path: join(shots, 'shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await clickToolbar(page, 'shortcuts-open');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await page.click('dialog[data-testid=shortcuts] button');
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('the organization’s name, set in the app, heads the exported table; R15 crediting order; each undoable', async () => {
    await page.click('[data-testid=workbook-settings] summary');
    await page.fill('[data-testid=organization-name]', 'Union for the Protection of Things');
    await page.press('[data-testid=organization-name]', 'Enter');
    await expect.poll(() => text('[data-testid=notice]')).toMatch(/^Organization: Union for the Protection of Things/);
    await clickToolbar(page, 'export-pdf');
    await page.waitForSelector('iframe[data-testid=print-frame][data-printed=true]', { state: 'attached' });
    expect(await page.locator('iframe[data-testid=print-frame]').getAttribute('srcdoc')).toContain(
      'Union for the Protection of Things',
    );
    await page.selectOption('[data-testid=crediting-order]', 'oldest-first');
    await expect.poll(() => text('[data-testid=notice]')).toContain('Payments credited to whatever fell due first');
    await page.click('[data-testid=undo]');
    await page.click('[data-testid=undo]');
    await expect.poll(() => page.inputValue('[data-testid=organization-name]')).toBe(example.organization.name);
    expect(await page.inputValue('[data-testid=crediting-order]')).toBe('wcf-then-oldest');
    await page.click('[data-testid=workbook-settings] summary');
  });

  it('a file that fails to load is reported and not adopted', async () => {
    const bad = join(dir, 'broken.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(bad, '{ "format": "contribution-calculator-workbook", ');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
    await chooser.setFiles(bad);
    await expect
      .poll(() => text('[data-testid=notice]'))
      .toMatch(/broken.json could not be opened; it was left as it is/);
    expect(await text('[data-testid=doc-title]')).toContain('example-workbook.json');
  });

  it('a large workbook is checked in the background with progress; a problem deep in it is reported by line', async () => {
    const { writeFileSync } = await import('node:fs');
    // The example with 12,000 more payments: over the size checked off the window's thread.
    const p0 = example.payments[0];
    const big = {
      ...example,
      payments: [
        ...example.payments,
        ...Array.from({ length: 12_000 }, (_, i) => ({ ...p0, id: `bulk-${i}`, reference: `bulk ${i}` })),
      ],
    };
    const good = join(dir, 'large.json');
    writeFileSync(good, JSON.stringify(big, null, 2));
    expect(readFileSync(good, 'utf8').length).toBeGreaterThan(BACKGROUND_FROM);
    // Watch the notice from inside the page: the busy state may be shorter than a poll.
    await page.evaluate(`window.seen = [];
      new MutationObserver(() => {
        const n = document.querySelector('[data-testid=notice]');
        if (n) window.seen.push(n.getAttribute('aria-busy') + '|' + n.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });`);
    let [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
    await chooser.setFiles(good);
    await expect.poll(() => text('[data-testid=notice]'), { timeout: 15_000 }).toMatch(/^Opened large\.json/);
    const seen = (await page.evaluate('window.seen')) as string[];
    expect(
      seen.some((x) => /^true\|Opening large\.json \(\d+\.\d MB\): checking/.test(x)),
      seen.join('\n'),
    ).toBe(true);
    expect(await text('[data-testid=doc-title]')).toContain('large.json');

    // A bad amount in the 11,000th added payment: refused with its line, the open workbook kept.
    big.payments[example.payments.length + 11_000] = { ...p0, id: 'bulk-bad', amount: '12,5' };
    const bad = join(dir, 'large-bad.json');
    const badText = JSON.stringify(big, null, 2);
    writeFileSync(bad, badText);
    const line = badText.slice(0, badText.indexOf('"12,5"')).split('\n').length;
    [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('[data-testid=open]')]);
    await chooser.setFiles(bad);
    await expect
      .poll(() => text('[data-testid=notice]'), { timeout: 15_000 })
      .toMatch(/large-bad.json could not be opened; it was left as it is/);
    expect(await text('[data-testid=notice]')).toContain(`line ${line}`);
    expect(await text('[data-testid=doc-title]')).toContain('large.json');
  });
});
