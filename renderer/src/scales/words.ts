import type { ScaleNote, ScaleStep } from '../../../shared/engine/scale';
import type { MessageValues } from '../../../shared/i18n/intl';

// R21 each step of a derivation in one sentence of the user's language, its figures written as the user reads
// numbers (`n`, exact). Member codes stay as they are (locale-free).

type N = (plain: string) => string;
/** useT()'s translator (its type restated: the Node type-check of the export tests reads this file without JSX). */
type T = (id: string, values?: MessageValues) => string;

const list = (items: string[], t: T) => (items.length ? items.join(', ') : t('scales.step.none'));

export function stepWords(s: ScaleStep, t: T, n: N): string {
  switch (s.step) {
    case 'membership':
      return t('scales.step.membership', {
        members: s.members,
        onBase: s.onBase,
        fixed: s.fixed.length,
        sumFixed: n(s.sumFixed),
        notMembers: s.notMembers,
      });
    case 'exclusion':
      return t('scales.step.exclusion', {
        threshold: n(s.threshold),
        count: s.excluded.length,
        list: list(
          s.excluded.map((e) => `${e.code} (${n(e.baseRate)})`),
          t,
        ),
      });
    case 'renormalization':
      return t('scales.step.factor', {
        share: n(s.share),
        sumBase: n(s.sumBase),
        decimal: n(s.factor.decimal),
        fraction: s.factor.fraction,
      });
    case 'ceiling':
      return t('scales.step.ceiling', {
        ceiling: n(s.ceiling),
        list: list(
          s.members.map((m) => `${m.code} (${n(m.before)})`),
          t,
        ),
        excess: n(s.excess),
        factor: n(s.othersMultipliedBy.decimal),
      });
    case 'floor':
      return t('scales.step.floor', {
        floor: n(s.floor),
        list: list(
          s.members.map((m) => `${m.code} (${n(m.before)})`),
          t,
        ),
        difference: n(s.difference),
        factor: n(s.othersMultipliedBy.decimal),
      });
    case 'rounding':
      return t('scales.step.rounding', {
        decimals: s.decimals,
        rounding: s.rounding === 'half-up' ? 'halfUp' : 'largest',
        sum: n(s.sum),
      });
  }
}

export function noteWords(note: ScaleNote, t: T): string {
  return note === '' ? '' : t(`scales.note.${note}`);
}
