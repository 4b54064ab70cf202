import { useCallback } from 'react';
import type { VotingStatus } from '../../../shared/engine';
import { useT } from '../i18n';

// The engine's voting statuses are codes ('no vote'); the views show them in the user's words.
const STATUS_WORDS: Record<VotingStatus, string> = {
  ok: 'ledger.status.value.ok',
  'in arrears': 'ledger.status.value.inArrears',
  'no vote': 'ledger.status.value.noVote',
  'vote kept by decision': 'ledger.status.value.kept',
};

/** A voting status (the engine's code) in the user's words. */
export function useStatusWords(): (s: VotingStatus) => string {
  const t = useT();
  return useCallback((s: VotingStatus) => (STATUS_WORDS[s] ? t(STATUS_WORDS[s]) : s), [t]);
}
