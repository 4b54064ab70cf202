import { describe, expect, it } from 'vitest';
import { setBudgetYear, setClass, setClassUnits } from '../../shared/edit/commands';
import { percentSumMessage } from '../../shared/engine/warnings';
import { say, type Message } from '../../shared/i18n/intl';
import { formatAmount } from '../../shared/i18n/numbers';
import { budget, e1Workbook, takesPart, workbook } from './helpers';

// Issue 14: notices write figures as the grid does ("total 3 309 995,00" in French, not "total 3309995"): every figure a
// command or a warning puts in a message travels as a decimal string under an `amount`/`…Amount` key, so the display
// writes it in the reader's number format; the English text (the CLI's, the problems' `message`) is as before.

const fr = (plain: string) => formatAmount(plain, { locale: 'fr', style: 'locale' });
const label = (o: ReturnType<typeof setClass>): Message => {
  if (!o.ok) throw new Error('refused');
  return o.labelMsg!;
};

describe('figures in notices', () => {
  it('a budget total: written as the grid writes it', () => {
    const m = label(setBudgetYear(e1Workbook(), { budget: 'conference', year: 2026, amount: '3309995.00' }));
    expect(say(m)).toBe('Set conference 2026: total 3309995.00');
    expect(say(m, 'fr', fr)).toContain('3\u202f309\u202f995,00');
  });

  it('a class’s units and a member’s weight', () => {
    const units = label(setClassUnits(e1Workbook(), { scheme: 'wipo-convention', code: 'C', units: '1.5' }));
    expect(say(units)).toBe('Set class C of WIPO Convention, Art. 11(4)(b) to 1.5 units');
    expect(say(units, 'fr', fr)).toContain('1,5 unités');

    const wb = workbook({
      members: [{ code: 'P', name: 'P' }],
      budgets: [budget('s', 'scale', [{ year: 2026, method: 'total', amount: '1000.00', adopted: true }])],
      participations: [takesPart('P', 's', undefined, { classes: [{ year: 2026, weight: '2' }] })],
    });
    const weight = label(setClass(wb, { budget: 's', member: 'P', year: 2026, value: '12345.678' }));
    expect(say(weight)).toContain('weight to 12345.678');
    expect(say(weight, 'fr', fr)).toContain('12\u202f345,678');
    // A class stays its code.
    const cls = label(setClass(e1Workbook(), { budget: 'conference', member: 'S', year: 2026, value: 'B' }));
    expect(say(cls, 'fr', fr)).toContain('fixée à B');
  });

  it('the warning about a percent scale’s sum', () => {
    const m = percentSumMessage('100.001')!;
    expect(say(m)).toBe(
      'the declared rates sum to 100.001 %, not 100 %; each member is assessed on its rate ÷ 100.001 × 100',
    );
    expect(say(m, 'fr', fr)).toContain('totalisent 100,001 %');
  });
});
