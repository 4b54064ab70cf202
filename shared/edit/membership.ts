import { isIsoDate, yearOf } from '../model/dates';
import type { NewMemberRule, Participation, Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';

// R8/R12 membership dates of a budget: accession (participation.from) and leaving (participation.until).
// leaveBudget (commands.ts) sets a leaving date; these set or clear the others. Each is one undoable step.

const RULES: readonly NewMemberRule[] = ['full', 'months', 'days'];

function participationOf(wb: Workbook, budget: string, member: string): Participation | Outcome {
  const b = wb.budgets.find((x) => x.id === budget);
  if (!b) return refuse('budget', `the workbook has no budget “${budget}”`);
  const p = wb.participations.find((x) => x.budget === budget && x.member === member);
  return p ?? refuse('member', `${member} does not take part in ${b.name}`);
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
  if (from !== undefined && !isIsoDate(from)) return refuse('from', `“${from}” is not a date written YYYY-MM-DD`);
  const p = participationOf(wb, a.budget, a.member);
  if (isOutcome(p)) return p;
  if (from !== undefined && p.until !== undefined && p.until < from) return refuse('from', `${a.member} left on ${p.until}: it cannot join after that (${from})`);
  if (from === p.from) return refuse('from', `${a.member}'s date of accession is already ${from ?? 'not set'}`);
  const next: Participation = { ...p };
  if (from === undefined) delete next.from;
  else {
    next.from = from;
    const first = p.classes[0];
    if (first && yearOf(from) < first.year) next.classes = [{ ...first, year: yearOf(from) }, ...p.classes.slice(1)];
  }
  const label = from === undefined ? `${a.member} a member of ${budgetName(wb, a.budget)} from the beginning` : `${a.member} joins ${budgetName(wb, a.budget)} on ${from}`;
  return changed(label, wb, { ...wb, participations: replace(wb, next) }, ['participations']);
}

/** R8 the date a member leaves a budget (its last day), or undefined: it stays a member. */
export function setLeaving(wb: Workbook, a: { budget: string; member: string; until: string | undefined }): Outcome {
  const until = a.until?.trim() || undefined;
  if (until !== undefined && !isIsoDate(until)) return refuse('until', `“${until}” is not a date written YYYY-MM-DD`);
  const p = participationOf(wb, a.budget, a.member);
  if (isOutcome(p)) return p;
  if (until !== undefined && p.from !== undefined && until < p.from) return refuse('until', `${a.member} joined on ${p.from}: it cannot leave before that (${until})`);
  if (until === p.until) return refuse('until', until === undefined ? `${a.member} has no leaving date` : `${a.member} already leaves on ${until}`);
  const next: Participation = { ...p };
  if (until === undefined) delete next.until;
  else next.until = until;
  const label = until === undefined ? `${a.member} stays in ${budgetName(wb, a.budget)}` : `${a.member} leaves ${budgetName(wb, a.budget)} on ${until}`;
  return changed(label, wb, { ...wb, participations: replace(wb, next) }, ['participations']);
}

/** R12 how a year of accession is assessed: in full, by whole months remaining, or by days (a workbook setting). */
export function setNewMemberRule(wb: Workbook, rule: NewMemberRule): Outcome {
  if (!RULES.includes(rule)) return refuse('newMemberRule', `“${String(rule)}” is not a rule (full, months or days)`);
  if (wb.settings.newMemberRule === rule) return refuse('newMemberRule', `the year of accession is already assessed ${rule === 'full' ? 'in full' : `by ${rule}`}`);
  const words = rule === 'full' ? 'in full' : `pro rata by ${rule}`;
  return changed(`Year of accession assessed ${words}`, wb, { ...wb, settings: { ...wb.settings, newMemberRule: rule } }, ['settings']);
}
