import type { CreditingOrder, Workbook } from '../model/types';
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
  if (!(order in ORDERS)) return refuse('settings.creditingOrder', `“${order}” is not an order: wcf-then-oldest or oldest-first (R15)`);
  if (order === wb.settings.creditingOrder) return refuse('settings.creditingOrder', 'payments are already credited in that order');
  return changed(`Payments credited to ${ORDERS[order as CreditingOrder]} (R15)`, wb, { ...wb, settings: { ...wb.settings, creditingOrder: order as CreditingOrder } }, ['settings']);
}

/** The crediting orders and their words, for a picker. */
export const CREDITING_ORDERS = Object.entries(ORDERS) as [CreditingOrder, string][];
