import type { ContributionTable } from '../../../shared/engine/assess';
import { creditMessage, derivationMessage } from '../../../shared/export/contribution-table';
import { useSay } from '../i18n';

/** R21/R22 under a contribution table: how its rates were derived and its gross, credit and net, in the user's words. */
export function DerivationNote({ table }: { table: ContributionTable }) {
  const say = useSay();
  const d = derivationMessage(table);
  const c = creditMessage(table);
  if (!d && !c) return null;
  return (
    <p className="scale-sum muted derivation-note" data-testid="derivation-note">
      {d && <span data-testid="derivation-line">{say(d)}</span>}
      {d && c && ' · '}
      {c && <span data-testid="credit-line">{say(c)}</span>}
    </p>
  );
}
