import { describe, expect, it } from 'vitest';
import {
  addAdvanceAgreement,
  addWcfDecision,
  editPayment,
  parseAmountInput,
  recordAdvanceMovement,
  recordPayment,
} from '../../shared/edit';
import { msg, say } from '../../shared/i18n/intl';
import { Decimal } from '../../shared/model/decimal';
import { example, refusedAt, roundTrips } from './edit-helpers';

// R3 amounts as typed. A leading minus is a negative number, as in a spreadsheet, and a field that cannot be
// negative refuses it saying how to adjust; an adjustment of the figure shown is written =+500 / =-500 ("the
// figure, plus 500"), never a bare sign that could be read as the amount itself.

const total = { places: 2, what: 'The total' };
const message = (p: ReturnType<typeof parseAmountInput>) => (p.ok ? `accepted ${p.value}` : p.message);

describe('amount input (R3)', () => {
  it('R3: -5 typed over a total is refused, not read as “lower it by 5”; the message says how to lower it', () => {
    const p = parseAmountInput('-5', '1500000.00', total);
    expect(p.ok).toBe(false);
    expect(message(p)).toBe('The total cannot be negative. To lower it by 5, type =-5 (it becomes 1,499,995.00)');
  });

  it('R3: =+500 and =-500 adjust the figure shown exactly; the Unicode minus and spaces are read too', () => {
    expect(parseAmountInput('=+500', '3310000', { places: 0, what: 'The total' })).toEqual({
      ok: true,
      value: '3310500',
    });
    expect(parseAmountInput('=-0.10', '0.30', total)).toEqual({ ok: true, value: '0.2' });
    expect(parseAmountInput('= − 0.10', '0.30', total)).toEqual({ ok: true, value: '0.2' });
    expect(parseAmountInput('=+0.1', '0.2', { what: 'The unit value' })).toEqual({ ok: true, value: '0.3' });
    expect(parseAmountInput("=+1'000", '1', { what: 'The total' })).toEqual({ ok: true, value: '1001' });
    expect(parseAmountInput('=1500', '1', { what: 'The total' })).toEqual({ ok: true, value: '1500' });
  });

  it('R3: +500 over a figure can be read two ways (500, or the figure plus 500): refused, naming both', () => {
    expect(message(parseAmountInput('+500', '3310000', { places: 0, what: 'The total' }))).toBe(
      '“+500” could mean 500 or the total raised by 500: type 500, or =+500 to raise it (it becomes 3,310,500)',
    );
    // With no figure to adjust it has one reading: the amount itself (a bank statement's +500.00).
    expect(parseAmountInput('+500.00', undefined, total)).toEqual({ ok: true, value: '500' });
  });

  it('R3: a negative amount where there is nothing to adjust says to type it without the sign', () => {
    expect(message(parseAmountInput('-500', undefined, { what: 'The amount' }))).toBe(
      'The amount cannot be negative: type it without the minus sign',
    );
    expect(
      message(
        parseAmountInput('−500', undefined, { what: 'The amount', hint: 'to record a repayment, choose “repaid”' }),
      ),
    ).toBe('The amount cannot be negative: type it without the minus sign; to record a repayment, choose “repaid”');
    expect(message(parseAmountInput('=-500', undefined, { what: 'The amount' }))).toBe(
      'The amount has no figure to adjust yet: type the amount',
    );
  });

  it('R3: an adjustment that would leave nothing or less is refused with the figure it would give', () => {
    expect(message(parseAmountInput('=-500', '500', { what: 'The total' }))).toBe(
      'The total must be greater than zero (=-500 would make it 0)',
    );
    expect(message(parseAmountInput('=-600', '500', { what: 'The total' }))).toBe(
      'The total must be greater than zero (=-600 would make it -100)',
    );
    expect(parseAmountInput('-500', '500', { what: 'The total' }).ok).toBe(false);
    expect(message(parseAmountInput('-500', '500', { what: 'The total' }))).toBe(
      'The total cannot be negative: type an amount greater than zero (=-500 lowers the figure shown by 500)',
    );
  });

  it('R3: what is not an amount or an adjustment is refused, with both forms named', () => {
    expect(message(parseAmountInput('=+5x', '1', { what: 'The total' }))).toBe(
      '“=+5x” is not an adjustment such as =+500 or =-500',
    );
    expect(message(parseAmountInput('-x', '1', { what: 'The total' }))).toBe(
      '“-x” is not an amount: type digits such as 1500000.00, or =+500 / =-500 to adjust the figure shown',
    );
    expect(parseAmountInput('1e6', '1', { what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('--5', '1', { what: 'The total' }).ok).toBe(false);
    expect(parseAmountInput('=', '1', { what: 'The total' }).ok).toBe(false);
  });

  it('R15: a payment of -500 is refused at its amount saying to type it without the sign; a recorded one lowers with =-', () => {
    const wb = example();
    expect(refusedAt(recordPayment(wb, { member: 'AL', date: '2026-06-01', amount: '-500' }), 'amount')).toContain(
      'cannot be negative: type it without the minus sign',
    );
    const p = wb.payments[0];
    expect(refusedAt(editPayment(wb, p.id, 'amount', '-500'), 'amount')).toMatch(
      /^The amount cannot be negative\. To lower it by 500, type =-500 \(it becomes [\d,.]+\)$/,
    );
    const d = roundTrips(wb, editPayment(wb, p.id, 'amount', '=-500'));
    expect(d.workbook.payments[0].amount).toBe(new Decimal(p.amount).minus(500).toFixed());
  });

  it('R19 R20: a WCF amount, an advance ceiling and an advance movement refuse a minus saying what to do', () => {
    const wb = example();
    const b = wb.budgets[0];
    expect(refusedAt(addWcfDecision(wb, { budget: b.id, year: b.years[0].year, amount: '-500' }), 'amount')).toContain(
      'cannot be negative: type it without the minus sign',
    );
    expect(
      refusedAt(
        addAdvanceAgreement(wb, { hostState: wb.members[0].code, ceiling: '-5000000', currency: 'CHF' }),
        'ceiling',
      ),
    ).toContain('cannot be negative');
    const ag = wb.advanceAgreements[0];
    if (ag)
      expect(
        refusedAt(
          recordAdvanceMovement(wb, { agreement: ag.id, date: '2026-03-01', kind: 'drawn', amount: '-100' }),
          'amount',
        ),
      ).toContain('choose “repaid”');
  });
});

describe('amount refusals of the commands in the reader’s language (issue 11)', () => {
  it('a payment’s negative amount names the field and the hint in French and Arabic; English as before', () => {
    const wb = example();
    const member = wb.members[0].code;
    const r = recordPayment(wb, { member, date: '2026-03-01', amount: '-500' } as Parameters<typeof recordPayment>[1]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.path.endsWith('amount'))!;
    expect(p.message).toBe(
      'The amount cannot be negative: type it without the minus sign; to lower a recorded payment, type =-500 in its Amount cell',
    );
    const m = p.msg!;
    expect(say(m, 'fr')).toBe(
      'Le montant ne peut pas être négatif : tapez-le sans le signe moins ; pour réduire un paiement enregistré, tapez =-500 dans sa cellule Montant',
    );
    expect(say(m, 'ar')).toContain('المبلغ');
    expect(say(m, 'ar')).not.toMatch(/amount|Amount/);
  });
  it('a ceiling typed as +500 over one names “the ceiling” inside the sentence, in each language', () => {
    const p = parseAmountInput('+500', '1000', {
      what: msg('engine.edit.field.ceiling'),
      it: msg('engine.edit.field.ceilingIt'),
    });
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.message).toBe(
      '“+500” could mean 500 or the ceiling raised by 500: type 500, or =+500 to raise it (it becomes 1,500)',
    );
    expect(say(p.msg!, 'fr')).toContain('le plafond');
    expect(say(p.msg!, 'ru')).toContain('предельная сумма');
  });
});
