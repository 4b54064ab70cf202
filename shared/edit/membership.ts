import { isIsoDate, yearOf } from '../model/dates';
import type { NewMemberRule, Participation, Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';
import { E, noBudget, notInBudget, notIsoDate } from './messages';

// R8/R12 membership dates of a budget: accession (participation.from) and leaving (participation.until).
// leaveBudget (commands.ts) sets a leaving date; these set or clear the others. Each is one undoable step.

const RULES: readonly NewMemberRule[] = ['full', 'months', 'days'];

function participationOf(wb: Workbook, budget: string, member: string): Participation | Outcome {
  const b = wb.budgets.find((x) => x.id === budget);
  if (!b) return refuse('budget', noBudget(budget));
  const p = wb.participations.find((x) => x.budget === budget && x.member === member);
  return p ?? refuse('member', notInBudget(member, b.name));
}

const isOutcome = (v: Participation | Outcome): v is Outcome => 'ok' in v;
const replace = (wb: Workbook, next: Participation) =>
  wb.participations.map((p) => (p.budget === next.budget && p.member === next.member ? next : p));
const budgetName = (wb: Workbook, id: string) => wb.budgets.find((b) => b.id === id)?.name ?? id;

/**
 * R12 the date a member accedes to a budget (undefined: a member from the beginning). Its class indicated on joining
 * (the earliest holding) counts from the year of accession, so an earlier date does not leave a year without a class.
 */
export function setAccession(wb: Workbook, a: { budget: string; member: string; from: string | undefined }): Outcome {
  const from = a.from?.trim() || undefined;
  if (from !== undefined && !isIsoDate(from)) return refuse('from', notIsoDate(from));
  const p = participationOf(wb, a.budget, a.member);
  if (isOutcome(p)) return p;
  if (from !== undefined && p.until !== undefined && p.until < from)
    return refuse('from', E('accession.afterLeaving', { member: a.member, until: p.until, from }));
  if (from === p.from)
    return refuse(
      'from',
      from === undefined
        ? E('accession.alreadyUnset', { member: a.member })
        : E('accession.already', { member: a.member, date: from }),
    );
  const next: Participation = { ...p };
  if (from === undefined) delete next.from;
  else {
    next.from = from;
    const first = p.classes[0];
    if (first && yearOf(from) < first.year) next.classes = [{ ...first, year: yearOf(from) }, ...p.classes.slice(1)];
  }
  const label =
    from === undefined
      ? E('accession.fromStart', { member: a.member, budget: budgetName(wb, a.budget) })
      : E('accession.label', { member: a.member, budget: budgetName(wb, a.budget), date: from });
  return changed(label, wb, { ...wb, participations: replace(wb, next) }, ['participations']);
}

/** R8 the date a member leaves a budget (its last day), or undefined: it stays a member. */
export function setLeaving(wb: Workbook, a: { budget: string; member: string; until: string | undefined }): Outcome {
  const until = a.until?.trim() || undefined;
  if (until !== undefined && !isIsoDate(until)) return refuse('until', notIsoDate(until));
  const p = participationOf(wb, a.budget, a.member);
  if (isOutcome(p)) return p;
  if (until !== undefined && p.from !== undefined && until < p.from)
    return refuse('until', E('leaving.beforeJoining', { member: a.member, from: p.from, until }));
  if (until === p.until)
    return refuse(
      'until',
      until === undefined
        ? E('leaving.noDate', { member: a.member })
        : E('leaving.already', { member: a.member, date: until }),
    );
  const next: Participation = { ...p };
  if (until === undefined) delete next.until;
  else next.until = until;
  const label =
    until === undefined
      ? E('leaving.stays', { member: a.member, budget: budgetName(wb, a.budget) })
      : E('leaveBudget.label', { member: a.member, budget: budgetName(wb, a.budget), date: until });
  return changed(label, wb, { ...wb, participations: replace(wb, next) }, ['participations']);
}

/** R12 how a year of accession is assessed: in full, by whole months remaining, or by days (a workbook setting). */
export function setNewMemberRule(wb: Workbook, rule: NewMemberRule): Outcome {
  if (!RULES.includes(rule)) return refuse('newMemberRule', E('rule.notRule', { text: String(rule) }));
  if (wb.settings.newMemberRule === rule) return refuse('newMemberRule', E('rule.same', { rule }));
  return changed(E('rule.label', { rule }), wb, { ...wb, settings: { ...wb.settings, newMemberRule: rule } }, [
    'settings',
  ]);
}
