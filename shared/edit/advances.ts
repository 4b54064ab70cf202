import { isIsoDate } from '../model/dates';
import { isCurrency } from '../model/fields';
import { canonical, Decimal, formatScaled } from '../model/decimal';
import type { AdvanceAgreement, Problem, Workbook } from '../model/types';
import { msg, type Message, type MessageValues } from '../i18n/intl';
import { changedParts as changed, problem, refuse, type Outcome } from './command';
import { parseAmountInput } from './input';
import { movementProblem, outstandingAfter, type AdvanceAgreementArgs } from './ledger';
import { E, notMember, said } from './messages';

// R20 corrections to a host-state advance agreement (issue 14 item 6): its terms edited in place, or the agreement
// removed, each one undoable step. The advances recorded under an agreement are its own movements, so they are what
// "refers to" it: an agreement with any is not removed (its advances would go with it), and a correction that would
// leave one of them outside the agreement (above the ceiling, before the signature) is refused naming that advance.

const A = (id: string, values?: MessageValues): Message => msg(`ledger.advances.${id}`, values);

/** An advance of the agreement as the refusals name it: drawn or repaid, its date, amount and reference. */
const advanceValues = (m: AdvanceAgreement['movements'][number]): MessageValues => ({
  kind: m.kind,
  date: m.date,
  amount: m.amount,
  reference: m.reference ?? '',
  hasRef: m.reference ? 'yes' : 'no',
});

/** The first advance after which more than `ceiling` is outstanding, with the balance then (date order, as R20 reads). */
function firstOverCeiling(ag: AdvanceAgreement): Message | undefined {
  for (const { m, outstanding, ceiling, places } of outstandingAfter(ag)) {
    if (outstanding > ceiling)
      return A('ceilingBelow', {
        agreement: ag.id,
        ceilingAmount: ag.ceiling,
        ...advanceValues(m),
        outstandingAmount: canonical(formatScaled(outstanding, places)),
      });
  }
  return undefined;
}

/**
 * R20 corrects an agreement's terms: host state, ceiling (=+/-adjustments as elsewhere), currency, conditions and
 * date of signature (empty = none). Checked as a new agreement is, then against the advances already recorded.
 */
export function editAdvanceAgreement(wb: Workbook, id: string, a: AdvanceAgreementArgs): Outcome {
  const old = wb.advanceAgreements.find((x) => x.id === id);
  if (!old) return refuse('agreement', E('advance.none', { id }));
  const host = a.hostState.trim();
  if (!wb.members.some((m) => m.code === host)) return refuse('hostState', notMember(a.hostState));
  const ceiling = parseAmountInput(a.ceiling, old.ceiling, { what: E('field.ceiling'), it: E('field.ceilingIt') });
  if (!ceiling.ok) return refuse('ceiling', said(ceiling));
  const currency = a.currency.trim().toUpperCase();
  if (!isCurrency(currency)) return refuse('currency', E('notCurrency', { text: a.currency }));
  const signedOn = a.signedOn?.trim() || undefined;
  if (signedOn !== undefined && !isIsoDate(signedOn))
    return refuse('signedOn', E('advance.signedDate', { text: signedOn }));
  // The same figure written otherwise ("10000000.00") is not a change.
  const same = new Decimal(ceiling.value).eq(old.ceiling);
  const next: AdvanceAgreement = { ...old, hostState: host, ceiling: same ? old.ceiling : ceiling.value, currency };
  const conditions = a.conditions?.trim();
  if (conditions) next.conditions = conditions;
  else delete next.conditions;
  if (signedOn) next.signedOn = signedOn;
  else delete next.signedOn;

  const over = firstOverCeiling(next);
  if (over) return refuse('ceiling', over);
  const early = signedOn
    ? next.movements.reduce<(typeof next.movements)[number] | undefined>(
        (first, m) => (m.date < signedOn && (!first || m.date < first.date) ? m : first),
        undefined,
      )
    : undefined;
  if (early) return refuse('signedOn', A('signedAfterAdvance', { agreement: id, signedOn, ...advanceValues(early) }));
  if (signedOn && next.denunciation && next.denunciation.notifiedOn < signedOn)
    return refuse(
      'signedOn',
      E('advance.denouncedBeforeSigned', { date: next.denunciation.notifiedOn, signedOn: signedOn }),
    );
  // Whatever else R20 asks of the advances (none drawn after the obligation ended) still holds: the same check.
  const other = movementProblem(next);
  if (other) return refuse('agreement', other);
  if (JSON.stringify(next) === JSON.stringify(old)) return refuse('agreement', A('unchanged', { agreement: id }));
  return changed(
    A('editLabel', { agreement: id }),
    wb,
    { ...wb, advanceAgreements: wb.advanceAgreements.map((x) => (x === old ? next : x)) },
    ['advanceAgreements'],
  );
}

/**
 * R20 removes an agreement entered by mistake. Refused while advances are recorded under it: the first problem says
 * so, and one more per advance names it (date, drawn or repaid, amount, reference), in date order.
 */
export function removeAdvanceAgreement(wb: Workbook, id: string): Outcome {
  const ag = wb.advanceAgreements.find((x) => x.id === id);
  if (!ag) return refuse('agreement', E('advance.none', { id }));
  if (ag.movements.length > 0) {
    const problems: Problem[] = [
      problem('agreement', A('referred', { agreement: id, count: ag.movements.length })),
      ...ag.movements
        .map((m, j) => ({ m, j }))
        .sort((x, y) => (x.m.date < y.m.date ? -1 : x.m.date > y.m.date ? 1 : x.j - y.j))
        .map(({ m, j }) => problem(`movements[${j}]`, A('referredBy', advanceValues(m)))),
    ];
    return { ok: false, problems };
  }
  return changed(
    A('removeLabel', { agreement: id, host: ag.hostState }),
    wb,
    { ...wb, advanceAgreements: wb.advanceAgreements.filter((x) => x !== ag) },
    ['advanceAgreements'],
  );
}
