import type { CreditingOrder, VotingTest, Workbook } from '../model/types';
import { changedParts as changed, refuse, type Outcome } from './command';
import { E } from './messages';

// The organization's name (it heads every exported table) and R15's crediting order: one undoable step each.
// R12's rule for a year of accession is set with the membership commands (setNewMemberRule).

const ORDERS: Record<CreditingOrder, string> = {
  'wcf-then-oldest': 'the working capital fund first, then the oldest contribution',
  'oldest-first': 'whatever fell due first, fund share or contribution',
};

export function setOrganizationName(wb: Workbook, name: string): Outcome {
  const n = name.trim();
  if (n === '') return refuse('organization.name', E('org.needsName'));
  if (n.length > 200) return refuse('organization.name', E('org.tooLong'));
  if (n === wb.organization.name) return refuse('organization.name', E('org.same'));
  return changed(E('org.label', { name: n }), wb, { ...wb, organization: { ...wb.organization, name: n } }, [
    'organization',
  ]);
}

/** R15 the order a payment is credited in. */
export function setCreditingOrder(wb: Workbook, order: string): Outcome {
  if (!(order in ORDERS)) return refuse('settings.creditingOrder', E('order.notOrder', { text: order }));
  if (order === wb.settings.creditingOrder) return refuse('settings.creditingOrder', E('order.same'));
  return changed(
    E('order.label', { order: order === 'wcf-then-oldest' ? 'wcfFirst' : 'oldestFirst' }),
    wb,
    { ...wb, settings: { ...wb.settings, creditingOrder: order as CreditingOrder } },
    ['settings'],
  );
}

const TESTS: Record<VotingTest, string> = {
  'per-budget': 'per budget: arrears to the Conference budget or to any Union (WIPO Convention Art. 11(5))',
  combined: 'combined: arrears over all budgets against the sum of their thresholds (UN Charter Art. 19 practice)',
};

/** R17b how the loss-of-vote test is applied; combined only when every budget is kept in one currency. */
export function setVotingTest(wb: Workbook, test: string): Outcome {
  if (!(test in TESTS)) return refuse('settings.votingTest', E('voting.notTest', { text: test }));
  if (test === (wb.settings.votingTest ?? 'per-budget')) return refuse('settings.votingTest', E('voting.same'));
  const currencies = new Set(wb.budgets.map((b) => b.currency));
  if (test === 'combined' && currencies.size > 1) {
    return refuse('settings.votingTest', E('voting.currencies', { currencies: [...currencies].join(', ') }));
  }
  const settings = { ...wb.settings };
  if (test === 'per-budget') delete settings.votingTest;
  else settings.votingTest = 'combined';
  return changed(E('voting.label', { test: test === 'combined' ? 'combined' : 'perBudget' }), wb, { ...wb, settings }, [
    'settings',
  ]);
}

/** The loss-of-vote tests and their words, for a picker. */
export const VOTING_TESTS = Object.entries(TESTS) as [VotingTest, string][];

/** The crediting orders and their words, for a picker. */
export const CREDITING_ORDERS = Object.entries(ORDERS) as [CreditingOrder, string][];
