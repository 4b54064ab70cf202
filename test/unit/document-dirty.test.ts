import { describe, expect, it } from 'vitest';
import { blankWorkbook } from '../../renderer/src/document/blank';
import { isDirty, type Doc } from '../../renderer/src/document/reducer';
import type { Workbook } from '../../shared/model/types';

// Unsaved work is never silent: any part of the workbook that changes makes the document dirty, including the
// parts the format gained after the first release (opening balances, scales, liquidity).

const doc = (workbook: Workbook, saved: Workbook): Doc =>
  ({ workbook, saved, file: null, history: { undo: [], redo: [] }, generation: 1 }) as unknown as Doc;

describe('isDirty', () => {
  const wb = blankWorkbook(2024);
  it('is clean when nothing changed', () => expect(isDirty(doc(wb, wb))).toBe(false));
  it('sees a change to the opening balances', () => {
    expect(
      isDirty(
        doc(
          {
            ...wb,
            openingBalances: [{ member: 'AA', budget: 'x', year: 2023, assessed: '5', unpaid: '5' }],
          } as Workbook,
          wb,
        ),
      ),
    ).toBe(true);
  });
  it('sees a part added or removed that the saved file did not have', () => {
    expect(isDirty(doc({ ...wb, liquidity: { cash: [] } } as unknown as Workbook, wb))).toBe(true);
    const without: Partial<Workbook> = { ...wb };
    delete without.settings;
    expect(isDirty(doc(without as Workbook, wb))).toBe(true);
  });
});
