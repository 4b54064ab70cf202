import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBudget, addScheme, type Done } from '../../shared/edit';
import { assessBudgetYear, type ContributionTable } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, type OpenApp, openApp, totalCell } from './harness';

// Budgets and schemes created, renamed and removed in the app (browser mode). The expected figures come from the
// same commands and the engine in Node: the app must show the engine's cents (R5).

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const YEAR = 2026;
const shots = process.env.E2E_SHOTS ?? mkdtempSync(join(tmpdir(), 'cc-e2e-budgets-'));

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();
const tid = (id: string) => `[data-testid="${id}"]`;
const notice = `${tid('notice')} > span`;
const schemeUse = (id: string) => text(`${tid(`scheme-${id}`)} .muted`);
const budgetOptions = () =>
  page.$$eval(`${tid('budget-select')} option`, (os) => os.map((o) => `${o.getAttribute('value')}=${o.textContent}`));

/** What the app should compute: the same two commands in Node. */
const withScheme = (addScheme(example, { name: 'Hague classes', from: 'paris' }) as Done).workbook;
const withBudget = (
  addBudget(withScheme, {
    name: 'Hague Union',
    schemeId: 'hague-classes',
    currency: 'CHF',
    roundingUnit: '1',
    rounding: 'half-up',
    year: YEAR,
    method: 'total',
    amount: '1000000',
    members: { copyFrom: 'paris' },
  }) as Done
).workbook;
const hague: ContributionTable = assessBudgetYear(withBudget, 'hague-union', YEAR);
const amount = (code: string) => groupThousands(hague.rows.find((r) => r.code === code)!.amount);

/** Every member row AG Grid has rendered (it virtualises rows) shows the engine's amount. */
async function expectShown() {
  await expect.poll(() => text(cell('AL', 'amount'))).toBe(amount('AL'));
  const codes = await page.$$eval('.ag-row:not(.ag-row-pinned)[row-id]', (rows) =>
    rows.map((r) => r.getAttribute('row-id')!),
  );
  expect(codes.length).toBeGreaterThan(10);
  for (const code of codes) expect(await text(cell(code, 'amount')), code).toBe(amount(code));
}

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 1000, budget: 'paris', year: YEAR });
  page = app.page;
  await page.click(`${tid('budget-manager')} > summary`);
});

afterAll(async () => {
  await app?.close();
  if (!process.env.E2E_SHOTS) rmSync(shots, { recursive: true, force: true });
});

describe('budgets and schemes in the app', () => {
  it('Escape closes a new-scheme form and creates nothing', async () => {
    await page.click(tid('new-scheme-open'));
    await page.fill(tid('new-scheme-name'), 'Left unmade');
    await page.press(tid('new-scheme-name'), 'Escape');
    await expect.poll(() => page.locator(tid('new-scheme-form')).count()).toBe(0);
    expect(await text(tid('scheme-list'))).not.toContain('Left unmade');
  });

  it('R1 a new scheme from the Paris template', async () => {
    await page.click(tid('new-scheme-open'));
    await page.fill(tid('new-scheme-name'), 'Hague classes');
    expect(await page.locator(`${tid('new-scheme-from')} option:checked`).textContent()).toBe(
      'Template: WIPO Convention, Art. 11(4)(b)',
    );
    await page.selectOption(tid('new-scheme-from'), 'paris');
    await page.click(tid('new-scheme-create'));
    await expect.poll(() => text(notice)).toBe('New scheme “Hague classes” from Paris Convention, Art. 16(4)(a)');
    await expect.poll(() => schemeUse('hague-classes')).toBe('· unused');
  });

  it('refuses a bad currency and a total that is not a whole number of the rounding unit, next to the field', async () => {
    await page.click(tid('new-budget-open'));
    await page.fill(tid('new-budget-name'), 'Hague Union');
    // "New scheme from…" asks for the new scheme's name, refused at that field when empty.
    await page.selectOption(tid('new-budget-scheme'), 'new:wipo-convention');
    await page.fill(tid('new-budget-amount'), '1000');
    await page.click(tid('new-budget-create'));
    await expect
      .poll(() => text(tid('new-budget-schemeName-error')))
      .toBe('a scheme needs a name (at most 120 characters)');
    expect(await page.getAttribute(tid('new-budget-schemeName'), 'aria-invalid')).toBe('true');
    await page.selectOption(tid('new-budget-scheme'), 'hague-classes');
    await page.fill(tid('new-budget-currency'), 'ch');
    await page.fill(tid('new-budget-roundingUnit'), '1');
    await page.fill(tid('new-budget-year'), String(YEAR));
    await page.fill(tid('new-budget-amount'), '1,000,000.50');
    await page.selectOption(tid('new-budget-members'), 'paris');
    await page.click(tid('new-budget-create'));
    await expect.poll(() => text(tid('new-budget-currency-error'))).toContain('“CH” is not a currency code');
    expect(await page.getAttribute(tid('new-budget-currency'), 'aria-invalid')).toBe('true');
    expect(await page.getAttribute(tid('new-budget-currency-error'), 'role')).toBe('alert');
    await page.fill(tid('new-budget-currency'), 'chf'); // typed in capitals as it goes
    await page.click(tid('new-budget-create'));
    await expect
      .poll(() => text(tid('new-budget-amount-error')))
      .toBe('a total must be a whole number of the rounding unit 1 (1,000,000.50 is not)');
    expect(await page.locator(tid('new-budget-currency-error')).count()).toBe(0);
    expect(await budgetOptions()).not.toContain('hague-union=Hague Union'); // nothing was created
  });

  it('R5 creates "Hague Union" with the Paris Union’s members: the grid shows it, its total exactly 1,000,000', async () => {
    await page.fill(tid('new-budget-amount'), '1,000,000');
    await page.locator(tid('budget-manager')).screenshot({ path: join(shots, 'budgets-new-budget-form.png') });
    await page.click(tid('new-budget-create'));
    await expect.poll(() => page.inputValue(tid('budget-select'))).toBe('hague-union');
    expect(await page.inputValue(tid('year-select'))).toBe(String(YEAR));
    await expect.poll(() => text(totalCell)).toBe('1,000,000');
    expect(hague.total).toBe('1000000');
    await expectShown();
    expect(await text(notice)).toBe('New budget “Hague Union” with 174 members of Paris Union');
    expect(await schemeUse('hague-classes')).toBe('· 1 budget');
    await page.screenshot({ path: join(shots, 'budgets-created.png') });
  });

  it('switching to a budget that starts later moves the year into its range', async () => {
    await page.selectOption(tid('budget-select'), 'paris');
    await page.selectOption(tid('year-select'), '2022');
    await page.selectOption(tid('budget-select'), 'hague-union');
    await expect.poll(() => page.inputValue(tid('year-select'))).toBe(String(YEAR));
    await expect.poll(() => text(totalCell)).toBe('1,000,000');
    expect(await page.locator('[data-testid=engine-error]').count()).toBe(0);
  });

  it('renames it', async () => {
    await page.fill(tid('budget-name'), 'Hague Union (Geneva Act)');
    await page.press(tid('budget-name'), 'Enter');
    await expect.poll(() => budgetOptions()).toContain('hague-union=Hague Union (Geneva Act)');
    await expect.poll(() => text(`${tid('budget-panel')} h2`)).toBe(`Hague Union (Geneva Act) · ${YEAR}`);
  });

  it('refuses to remove the Paris Union while it is referred to, and says by what', async () => {
    await page.selectOption(tid('budget-select'), 'paris');
    await page.click(tid('remove-budget'));
    await expect
      .poll(() => text(tid('remove-budget-error')))
      .toBe(
        'Paris Union cannot be removed: it is still referred to by 1 working capital fund decision, 2 class-change notices and Locarno Union (special union), which takes its classes from it. Remove or change those first',
      );
    expect(await budgetOptions()).toContain('paris=Paris Union');
    await page.locator(tid('budget-manager')).screenshot({ path: join(shots, 'budgets-refused.png') });
    // The refusal is about the Paris Union: choosing another budget clears it.
    await page.selectOption(tid('budget-select'), 'unitary');
    expect(await page.locator(tid('remove-budget-error')).count()).toBe(0);
    await page.selectOption(tid('budget-select'), 'paris');
  });

  it('Ctrl+Z undoes each step: the name, the budget, the scheme', async () => {
    await page.click(cell('AL', 'code')); // out of any text field: Ctrl+Z is the workbook's
    await page.keyboard.press('Control+z');
    await expect.poll(() => budgetOptions()).toContain('hague-union=Hague Union');
    await page.keyboard.press('Control+z');
    await expect.poll(() => budgetOptions()).not.toContain('hague-union=Hague Union');
    expect(await schemeUse('hague-classes')).toBe('· unused');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator(tid('scheme-hague-classes')).count()).toBe(0);
    expect(await text(notice)).toBe('Undid: New scheme “Hague classes” from Paris Convention, Art. 16(4)(a)');
    // Redo brings the budget back with the same figures.
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => budgetOptions()).toContain('hague-union=Hague Union');
    await page.selectOption(tid('budget-select'), 'hague-union');
    await expect.poll(() => text(totalCell)).toBe('1,000,000');
    await expectShown();
  });
});
