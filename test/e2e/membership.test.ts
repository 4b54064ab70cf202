import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccession, setLeaving, setNewMemberRule, type Done } from '../../shared/edit';
import { assessBudgetYear, type ContributionTable } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import type { Workbook } from '../../shared/model/types';
import { parseWorkbook } from '../../shared/model/validate';
import { cell, openApp, type OpenApp, totalCell } from './harness';

// R8/R12 joining and leaving with dates, in the app: the engine (in Node) says who is assessed and each amount;
// the test checks the app shows exactly that.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const BUDGET = 'paris';
const YEAR = 2026;
const LEAVER = 'AL';
const JOINER = 'DZ';

let app: OpenApp;
let page: Page;

const text = (sel: string) => page.locator(sel).first().textContent();
const shown = (t: ContributionTable, code: string) => groupThousands(t.rows.find((r) => r.code === code)!.amount);
const renderedCodes = () =>
  page.$$eval('.ag-row:not(.ag-row-pinned)[row-id]', (rows) => rows.map((r) => r.getAttribute('row-id')!));
const ok = (o: ReturnType<typeof setLeaving>) => (o as Done).workbook;

async function expectTable(t: ContributionTable) {
  await expect.poll(() => text(totalCell)).toBe(groupThousands(t.total));
  await expect.poll(() => text('.ag-row-pinned .ag-cell[col-id="name"]')).toBe(`Total, ${t.rows.length} members`);
  for (const code of await renderedCodes()) expect(await text(cell(code, 'amount')), code).toBe(shown(t, code));
}

async function setDate(testId: string, value: string) {
  await page.fill(`[data-testid=${testId}]`, value);
  await page.press(`[data-testid=${testId}]`, 'Enter');
}

beforeAll(async () => {
  app = await openApp({ width: 1400, height: 850, budget: BUDGET, year: YEAR });
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('joining and leaving with dates (R8, R12)', () => {
  const before = assessBudgetYear(example, BUDGET, YEAR);
  const left: Workbook = ok(setLeaving(example, { budget: BUDGET, member: LEAVER, until: `${YEAR - 1}-12-31` }));
  const after = assessBudgetYear(left, BUDGET, YEAR);

  it('R8 a member leaving before 1 January leaves the table; every other amount moves, the total stays exact; undo', async () => {
    await expectTable(before);
    await page.click(cell(LEAVER, 'name'));
    await expect.poll(() => page.locator('[data-testid=membership-member]').inputValue()).toBe(LEAVER);
    await setDate('leaving-date', `${YEAR - 1}-12-31`);
    await expect.poll(() => renderedCodes()).not.toContain(LEAVER);
    await expectTable(after);
    expect(after.total).toBe(before.total);
    const codes = await renderedCodes();
    expect(codes.length).toBeGreaterThan(10);
    for (const code of codes)
      if (!before.rows.find((r) => r.code === code)!.proRata)
        expect(shown(after, code), code).not.toBe(shown(before, code));
    // The panel still holds the member that left (it is not in the grid any more).
    expect(await text('[data-testid=membership-effect]')).toMatch(
      new RegExp(`${YEAR}: not assessed \\(left ${YEAR - 1}-12-31\\)`),
    );
    expect(await text('[data-testid=membership-moves]')).toContain(`${LEAVER} left ${YEAR - 1}-12-31`);

    await page.click('[data-testid=undo]');
    await expect.poll(() => renderedCodes()).toContain(LEAVER);
    await expectTable(before);
    await page.click('[data-testid=redo]');
    await expectTable(after);
    await page.click('[data-testid=undo]');
    await expectTable(before);
  });

  it('R12 a member joining on 1 July is assessed pro rata by months, with a note; the others keep their amounts', async () => {
    const monthly = ok(setNewMemberRule(example, 'months'));
    const joined = ok(setAccession(monthly, { budget: BUDGET, member: JOINER, from: `${YEAR}-07-01` }));
    const t = assessBudgetYear(joined, BUDGET, YEAR);
    expect(t.rows.find((r) => r.code === JOINER)!.proRata).toEqual({ num: 6, den: 12 });

    await page.selectOption('[data-testid=new-member-rule]', 'months');
    await page.click(cell(JOINER, 'name'));
    await expect.poll(() => page.locator('[data-testid=membership-member]').inputValue()).toBe(JOINER);
    await setDate('accession-date', `${YEAR}-07-01`);
    await expect.poll(() => text(cell(JOINER, 'amount'))).toBe(shown(t, JOINER));
    await expectTable(t);
    expect(await text(cell(JOINER, 'note'))).toContain(`joined ${YEAR}-07-01, pro rata 6/12`);
    expect(await text('[data-testid=membership-effect]')).toContain('pro rata 6/12');
    for (const code of await renderedCodes())
      if (code !== JOINER) expect(shown(t, code), code).toBe(shown(before, code));
    // Not a member in the year before.
    await page.selectOption('[data-testid=year-select]', String(YEAR - 1));
    await expect.poll(() => renderedCodes()).not.toContain(JOINER);
    await page.selectOption('[data-testid=year-select]', String(YEAR));

    // A date after leaving is refused at the field; nothing changes.
    await setDate('leaving-date', `${YEAR}-03-01`);
    await expect.poll(() => text('[data-testid=leaving-date-error]')).toMatch(/cannot leave before/);
    await expectTable(t);

    await page.click('[data-testid=undo]');
    await page.click('[data-testid=undo]');
    await expectTable(before);
  });
});
