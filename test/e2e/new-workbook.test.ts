import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, clickToolbar, openApp, type OpenApp } from './harness';

// File → New shows an empty, consistent workbook: no row of the previous one in any view, no member selected,
// nothing of the previous document's selections or filters carried over.

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();
const memberRows = () => page.locator('[data-testid=members-grid] .ag-row:not(.ag-row-pinned)[row-id]').count();

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850 });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('File → New', () => {
  it('shows an empty workbook in the contributions view: no previous rows, no member to remove, baseline, members list', async () => {
    // The previous workbook: a member focused, a scenario and the comparison shown, a find typed.
    const first = (await page
      .locator('[data-testid=members-grid] .ag-row[row-index="0"]:not(.ag-row-pinned)')
      .getAttribute('row-id'))!;
    await page.click(cell(first, 'name'));
    await expect.poll(() => text('[data-testid=remove-member]')).toBe(`Remove ${first}`);
    await page.click('[data-testid=scenario-new]');
    await expect.poll(() => page.inputValue('[data-testid=scenario-select]')).not.toBe('');
    await page.click('[data-testid=view-compare]');
    await clickToolbar(page, 'button:text-is("New")');

    await expect.poll(() => text('[data-testid=doc-title]')).toBe('Untitled');
    expect(await page.inputValue('[data-testid=scenario-select]')).toBe('');
    expect(await page.locator('[data-testid=view-members]').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => text('[data-testid=no-members]')).toMatch(/^No members in Conference budget yet/);
    expect(await memberRows()).toBe(0);
    expect(await page.locator('[data-testid=members-grid] .ag-row-pinned').count()).toBe(0);
    expect(await page.locator('[data-testid=engine-error]').count()).toBe(0);
    expect(await text('[data-testid=remove-member]')).toBe('Remove member');
    expect(await page.locator('[data-testid=remove-member]').isDisabled()).toBe(true);
    expect(await page.locator('[data-testid=budget-select] option').allTextContents()).toEqual(['Conference budget']);
    expect(await page.locator('[data-testid=membership-member]').inputValue()).toBe('');
    expect(await page.locator('[data-testid=undo]').isDisabled()).toBe(true);
  });

  it('every ledger view shows the new workbook, with no previous selection or filter', async () => {
    await clickToolbar(page, 'button:text-is("Example")');
    await expect.poll(() => text('[data-testid=doc-title]')).toMatch(/example/);
    // Payments: a payment selected (its statement shown).
    await page.keyboard.press('Alt+2');
    await page.click(
      '[data-testid=payments-grid] .ag-row[row-index="0"]:not(.ag-row-pinned) .ag-cell[col-id="member"]',
    );
    await expect.poll(() => text('[data-testid=statement] h3')).toMatch(/Statement of /);
    await clickToolbar(page, 'button:text-is("New")');
    await expect.poll(() => text('[data-testid=payments-count]')).toBe('0 payments');
    expect(await text('[data-testid=statement] h3')).not.toMatch(/Statement of /);
    expect(await page.locator('[data-testid=payments-grid] .ag-row:not(.ag-row-pinned)[row-id]').count()).toBe(0);

    // Voting status: a budget filter chosen in the example; the new workbook has no such budget.
    await clickToolbar(page, 'button:text-is("Example")');
    await page.keyboard.press('Alt+3');
    await page.selectOption('[data-testid=status-budget]', 'paris');
    await page.click('[data-testid=filter-no-vote]');
    await clickToolbar(page, 'button:text-is("New")');
    await expect.poll(() => text('[data-testid=status-counts]')).toMatch(/ 0 members/);
    expect(await page.inputValue('[data-testid=status-budget]')).toBe('all');
    expect(await page.locator('[data-testid=filter-all]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=status-grid] .ag-row[row-id]').count()).toBe(0);

    // WCF and advances: none in a new workbook.
    await page.keyboard.press('Alt+4');
    await expect.poll(() => text('[data-testid=wcf-funds]')).toMatch(/No working capital fund/);
    expect(await page.locator('[data-testid=wcf-grid] .ag-row[row-id]').count()).toBe(0);
    expect(await page.locator('[data-testid=wcf-decisions] tbody tr').count()).toBe(0);
    await page.keyboard.press('Alt+5');
    await expect.poll(() => text('[data-testid=advances]')).toMatch(/No advance agreement/);
    await page.keyboard.press('Alt+1');
    await expect.poll(() => text('[data-testid=no-members]')).toMatch(/^No members/);
    expect(await memberRows()).toBe(0);
  });

  it('charts follow the new workbook', async () => {
    await clickToolbar(page, 'button:text-is("Example")');
    await expect.poll(() => memberRows()).toBeGreaterThan(0);
    await page.click('[data-testid=view-charts]');
    await clickToolbar(page, 'button:text-is("New")');
    // Back on the members list of the empty workbook (charts of nothing are not drawn from the previous one).
    await expect.poll(() => text('[data-testid=no-members]')).toMatch(/^No members/);
    expect(await memberRows()).toBe(0);
    expect(await page.locator('[data-testid=view-members]').getAttribute('aria-selected')).toBe('true');
  });
});
