import type { ContributionTable } from '../../../shared/engine/assess';
import { creditMessage, derivationMessage } from '../../../shared/export/contribution-table';
import { useSay } from '../i18n';
import { useLocale } from '../locale';
import { isolateIn } from '../rich';

/** R21/R22 under a contribution table: how its rates were derived and its gross, credit and net, in the user's words. */
export function DerivationNote({ table }: { table: ContributionTable }) {
  const say = useSay();
  const iso = isolateIn(useLocale().dir);
  const derived = derivationMessage(table);
  // The base scale's name and source (Latin text, brackets inside) and the fraction read in their own direction
  // inside an Arabic or Persian sentence.
  const v = derived?.values ?? {};
  const d = derived && {
    ...derived,
    values: {
      ...v,
      base: iso(String(v.base)),
      fraction: iso(String(v.fraction)),
      ...(v.source !== 'none' ? { source: iso(String(v.source)) } : {}),
    },
  };
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
