import type { LiquidityBasis } from '../../../shared/engine/liquidity';
import { useT } from '../i18n';
import { EMPTY_WHAT_IF, type WhatIfErrors, type WhatIfField, type WhatIfForm } from './whatIf';

// R24 the what-if controls, compared side by side with the baseline: a member pays N months late, the K largest
// contributors pay N months late, only P % is collected. Held by the view (never in the workbook); what is typed is
// read by whatIf.ts, and a field that cannot be read says so beside it.

export function WhatIfPanel({
  basis,
  form,
  setForm,
  errors,
}: {
  basis: LiquidityBasis;
  form: WhatIfForm;
  setForm(f: WhatIfForm): void;
  errors: WhatIfErrors;
}) {
  const t = useT();
  const set = (k: WhatIfField) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setForm({ ...form, [k]: e.target.value });
  const error = (k: WhatIfField) =>
    errors[k] ? (
      <span className="cell-error" role="alert" data-testid={`liq-whatif-${k}-error`}>
        {t(errors[k]!)}
      </span>
    ) : null;
  // Members expected to pay something, largest contribution first (the ones whose lateness matters).
  const members = [...basis.members].sort((a, b) =>
    a.contribution === b.contribution ? (a.code < b.code ? -1 : 1) : a.contribution > b.contribution ? -1 : 1,
  );
  return (
    <aside className="ledger-side liq-whatif" aria-label={t('liquidity.whatIf.heading')} data-testid="liq-whatif">
      <h3>{t('liquidity.whatIf.heading')}</h3>
      <p className="muted">{t('liquidity.whatIf.intro')}</p>
      <fieldset>
        <legend>{t('liquidity.whatIf.lateLegend')}</legend>
        <label className="field">
          <span>{t('liquidity.whatIf.member')}</span>
          <select value={form.lateMember} onChange={set('lateMember')} data-testid="liq-late-member">
            <option value="">{t('liquidity.whatIf.noMember')}</option>
            {members.map((m) => (
              <option key={m.code} value={m.code}>
                {t('liquidity.whatIf.memberOption', { code: m.code, name: m.name })}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('liquidity.whatIf.monthsLate')}</span>
          <input
            value={form.lateMonths}
            onChange={set('lateMonths')}
            inputMode="numeric"
            size={4}
            data-testid="liq-late-months"
          />
          {error('lateMonths')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('liquidity.whatIf.largestLegend')}</legend>
        <label className="field">
          <span>{t('liquidity.whatIf.largestCount')}</span>
          <input
            value={form.largestCount}
            onChange={set('largestCount')}
            inputMode="numeric"
            size={4}
            data-testid="liq-largest-count"
          />
          {error('largestCount')}
        </label>
        <label className="field">
          <span>{t('liquidity.whatIf.monthsLate')}</span>
          <input
            value={form.largestMonths}
            onChange={set('largestMonths')}
            inputMode="numeric"
            size={4}
            data-testid="liq-largest-months"
          />
          {error('largestMonths')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('liquidity.whatIf.collectLegend')}</legend>
        <label className="field">
          <span>{t('liquidity.whatIf.collect')}</span>
          <input
            value={form.collect}
            onChange={set('collect')}
            inputMode="decimal"
            size={6}
            placeholder="100"
            data-testid="liq-collect"
          />
          {error('collect')}
        </label>
      </fieldset>
      <button
        type="button"
        onClick={() => setForm(EMPTY_WHAT_IF)}
        disabled={Object.values(form).every((v) => v === '')}
        data-testid="liq-whatif-clear"
      >
        {t('liquidity.whatIf.clear')}
      </button>
    </aside>
  );
}
