import type { CreditingOrder, VotingTest, Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';

// The organization's name (it heads every exported table) and R15's crediting order: one undoable step each.
// R12's rule for a year of accession is set with the membership commands (setNewMemberRule).

const ORDERS: Record<CreditingOrder, string> = {
  'wcf-then-oldest': 'the working capital fund first, then the oldest contribution',
  'oldest-first': 'whatever fell due first, fund share or contribution',
};

export function setOrganizationName(wb: Workbook, name: string): Outcome {
  const n = name.trim();
  if (n === '') return refuse('organization.name', 'the organization needs a name: it heads every exported table');
  if (n.length > 200) return refuse('organization.name', 'the organization’s name is longer than 200 characters');
  if (n === wb.organization.name) return refuse('organization.name', 'that is already its name');
  return changed(`Organization: ${n}`, wb, { ...wb, organization: { ...wb.organization, name: n } }, ['organization']);
}

/** R15 the order a payment is credited in. */
export function setCreditingOrder(wb: Workbook, order: string): Outcome {
  if (!(order in ORDERS)) return refuse('settings.creditingOrder', `“${order}” is not an order: wcf-then-oldest or oldest-first`);
  if (order === wb.settings.creditingOrder) return refuse('settings.creditingOrder', 'payments are already credited in that order');
  return changed(`Payments credited to ${ORDERS[order as CreditingOrder]}`, wb, { ...wb, settings: { ...wb.settings, creditingOrder: order as CreditingOrder } }, ['settings']);
}

const TESTS: Record<VotingTest, string> = {
  'per-budget': 'per budget: arrears to the Conference budget or to any Union (WIPO Convention Art. 11(5))',
  combined: 'combined: arrears over all budgets against the sum of their thresholds (UN Charter Art. 19 practice)',
};

/** R17b how the loss-of-vote test is applied; combined only when every budget is kept in one currency. */
export function setVotingTest(wb: Workbook, test: string): Outcome {
  if (!(test in TESTS)) return refuse('settings.votingTest', `“${test}” is not a test: per-budget or combined`);
  if (test === (wb.settings.votingTest ?? 'per-budget')) return refuse('settings.votingTest', 'the vote is already tested that way');
  const currencies = new Set(wb.budgets.map((b) => b.currency));
  if (test === 'combined' && currencies.size > 1) {
    return refuse('settings.votingTest', `the combined test sums arrears over budgets, which are kept in ${[...currencies].join(', ')}: it needs one currency`);
  }
  const settings = { ...wb.settings };
  if (test === 'per-budget') delete settings.votingTest;
  else settings.votingTest = 'combined';
  return changed(`Loss of vote tested ${TESTS[test as VotingTest].split(':')[0]}`, wb, { ...wb, settings }, ['settings']);
}

/** The loss-of-vote tests and their words, for a picker. */
export const VOTING_TESTS = Object.entries(TESTS) as [VotingTest, string][];

/** The crediting orders and their words, for a picker. */
export const CREDITING_ORDERS = Object.entries(ORDERS) as [CreditingOrder, string][];
