import { WORKBOOK_FORMAT, WORKBOOK_VERSION, type Workbook } from './types';

/** A workbook with nothing in it but default settings; callers add schemes, members and budgets. */
export function emptyWorkbook(parts: Partial<Workbook> = {}): Workbook {
  return {
    format: WORKBOOK_FORMAT,
    version: WORKBOOK_VERSION,
    organization: { name: 'New organization' },
    settings: { newMemberRule: 'full', creditingOrder: 'wcf-then-oldest' },
    schemes: [],
    members: [],
    budgets: [],
    participations: [],
    classChanges: [],
    payments: [],
    wcfDecisions: [],
    advanceAgreements: [],
    votingDecisions: [],
    scenarios: [],
    openingBalances: [],
    ...parts,
  };
}
