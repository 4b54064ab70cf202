import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAdvanceAgreement, editAdvanceAgreement, removeAdvanceAgreement, type Done } from '../../shared/edit';
import { advancesReport } from '../../shared/engine';
import { groupThousands } from '../../shared/model/decimal';
import { parseWorkbook } from '../../shared/model/validate';
import { openApp, type OpenApp } from './harness';

// R20 corrections in browser mode (issue 14 item 6): an agreement's terms edited, an agreement removed and the
// removal refused while advances are recorded under it, each named. Expected words and figures come from the
// commands and the engine in Node.

const example = parseWorkbook(readFileSync('examples/example-workbook.json', 'utf8')).workbook!;
const ag = example.advanceAgreements[0];
const card = `[data-testid=agreement-${ag.id}]`;

let app: OpenApp;
let page: Page;
const text = (sel: string) => page.locator(sel).first().textContent();

beforeAll(async () => {
  app = await openApp({ width: 1440, height: 900, dir: process.env.E2E_RENDERER });
  page = app.page;
  await page.keyboard.press('Alt+5');
  await page.waitForSelector(card);
});

afterAll(async () => {
  await app?.close();
});

describe('advance agreements corrected in the app', () => {
  it('R20 removal is refused while advances are recorded under the agreement, naming each of them', async () => {
    const refused = removeAdvanceAgreement(example, ag.id);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    await page.click(`${card} [data-testid=agreement-remove]`);
    const alert = `${card} [role=alert]`;
    await expect.poll(() => text(alert)).toContain(`${ag.id} cannot be removed: 4 advances are recorded under it`);
    const items = await page.locator(`${alert} [data-testid=referred-by] li`).allTextContents();
    // The app writes the amounts as the user reads them (grouped in English).
    expect(items).toEqual(refused.problems.slice(1).map((p) => p.message.replace(/\d{5,}/g, (d) => groupThousands(d))));
    expect(items[0]).toBe('drawn on 2023-02-15: 4,000,000 (advance 2023/1)');
    expect(await page.locator(card).count()).toBe(1);
  });

  it('R20 a ceiling below an advance is refused naming it; a correction is applied, then undone', async () => {
    await page.click(`${card} [data-testid=agreement-edit]`);
    const form = `${card} [data-testid=agreement-form]`;
    await page.waitForSelector(form);
    expect(await page.inputValue(`${form} input[aria-label=Ceiling]`)).toBe(groupThousands(ag.ceiling));
    await page.fill(`${form} input[aria-label=Ceiling]`, '3,999,999');
    await page.click(`${form} [data-testid=agreement-save]`);
    await expect
      .poll(() => text(`${card} [role=alert]`))
      .toBe(
        `the ceiling of ${ag.id} cannot be 3,999,999: after the advance of 4,000,000 drawn on 2023-02-15, 4,000,000 is outstanding`,
      );
    expect(await page.locator(form).count()).toBe(1); // still open, to correct the figure
    if (process.env.E2E_SHOTS) await page.screenshot({ path: join(process.env.E2E_SHOTS, 'advances-edit.png') });

    const fixed = editAdvanceAgreement(example, ag.id, {
      hostState: ag.hostState,
      ceiling: '12000000',
      currency: ag.currency,
      conditions: 'Revised terms',
      signedOn: ag.signedOn,
    }) as Done;
    const row = advancesReport(fixed.workbook, '2026-06-30').rows[0];
    await page.fill(`${form} input[aria-label=Ceiling]`, '12,000,000');
    await page.fill(`${form} input[aria-label=Conditions]`, 'Revised terms');
    await page.click(`${form} [data-testid=agreement-save]`);
    await expect.poll(() => page.locator(form).count()).toBe(0);
    await expect.poll(() => text(card)).toContain(`Ceiling ${groupThousands(row.ceiling)} CHF`);
    expect(await text(card)).toContain('Revised terms');
    expect(await page.locator(`${card} [role=alert]`).count()).toBe(0);
    await page.click('[data-testid=undo]');
    await expect.poll(() => text(card)).toContain(`Ceiling ${groupThousands(ag.ceiling)} CHF`);
    expect(await text(card)).not.toContain('Revised terms');
  });

  it('R20 an agreement with no advances is removed as one undoable step', async () => {
    const added = addAdvanceAgreement(example, { hostState: 'FR', ceiling: '500000', currency: 'CHF' }) as Done;
    const id = added.workbook.advanceAgreements.at(-1)!.id;
    expect(removeAdvanceAgreement(added.workbook, id).ok).toBe(true);
    const side = '[aria-label="New advance agreement"]';
    await page.fill(`${side} label:has-text("Host state") input`, 'FR');
    await page.fill(`${side} label:has-text("Ceiling") input`, '500,000');
    await page.click(`${side} button[type=submit]`);
    const fresh = `[data-testid=agreement-${id}]`;
    await page.waitForSelector(fresh);
    await page.click(`${fresh} [data-testid=agreement-remove]`);
    await expect.poll(() => page.locator(fresh).count()).toBe(0);
    expect(await page.locator(card).count()).toBe(1);
    await page.click('[data-testid=undo]');
    await page.waitForSelector(fresh);
  });
});
