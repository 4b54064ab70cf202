import type { LiquidityBasis, LiquidityWhatIf } from '../../../shared/engine/liquidity';
import { useT } from '../i18n';

// R24 what-ifs, compared side by side with the baseline: a member pays N months late, the K largest contributors
// pay N months late, only P % is collected. Held by the view (never in the workbook); what is typed is read here,
// and a field that cannot be read says so beside it and is left out of the what-if.

export interface WhatIfForm {
  lateMember: string;
  lateMonths: string;
  largestCount: string;
  largestMonths: string;
  collect: string;
}

export const EMPTY_WHAT_IF: WhatIfForm = { lateMember: '', lateMonths: '', largestCount: '', largestMonths: '', collect: '' };

type Field = keyof WhatIfForm;
/** A refusal: the catalog id of its message (area liquidity). */
export type WhatIfErrors = Partial<Record<Field, string>>;

const months = (s: string): number | undefined => (/^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 120 ? Number(s) : undefined);

/** The what-if the fields ask for, and the fields that cannot be read (each left out). */
export function readWhatIf(f: WhatIfForm): { whatIf: LiquidityWhatIf; errors: WhatIfErrors } {
  const w: LiquidityWhatIf = {};
  const errors: WhatIfErrors = {};
  const lateMonths = f.lateMonths.trim();
  if (f.lateMember && lateMonths) {
    const n = months(lateMonths);
    if (n === undefined) errors.lateMonths = 'liquidity.whatIf.badMonths';
    else w.late = [{ member: f.lateMember, months: n }];
  }
  const k = f.largestCount.trim();
  const kn = f.largestMonths.trim();
  if (k || kn) {
    const n = months(kn);
    const count = /^\d{1,6}$/.test(k) && Number(k) >= 1 ? Number(k) : undefined;
    if (k && count === undefined) errors.largestCount = 'liquidity.whatIf.badCount';
    if (kn && n === undefined) errors.largestMonths = 'liquidity.whatIf.badMonths';
    if (count !== undefined && n !== undefined) w.lateLargest = { count, months: n };
  }
  // A decimal comma is a decimal point here: a percentage has no thousands.
  const p = f.collect.trim().replace(/\s*%$/, '').replace(',', '.');
  if (p) {
    if (/^\d{1,3}(\.\d+)?$/.test(p) && Number(p) <= 100) w.collect = p;
    else errors.collect = 'liquidity.whatIf.badPercent';
  }
  return { whatIf: w, errors };
}

export function WhatIfPanel({ basis, form, setForm, errors }: { basis: LiquidityBasis; form: WhatIfForm; setForm(f: WhatIfForm): void; errors: WhatIfErrors }) {
  const t = useT();
  const set = (k: Field) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setForm({ ...form, [k]: e.target.value });
  const error = (k: Field) =>
    errors[k] ? (
      <span className="cell-error" role="alert" data-testid={`liq-whatif-${k}-error`}>
        {t(errors[k]!)}
      </span>
    ) : null;
  // Members expected to pay something, largest contribution first (the ones whose lateness matters).
  const members = [...basis.members].sort((a, b) => (a.contribution === b.contribution ? (a.code < b.code ? -1 : 1) : a.contribution > b.contribution ? -1 : 1));
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
          <input value={form.lateMonths} onChange={set('lateMonths')} inputMode="numeric" size={4} data-testid="liq-late-months" />
          {error('lateMonths')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('liquidity.whatIf.largestLegend')}</legend>
        <label className="field">
          <span>{t('liquidity.whatIf.largestCount')}</span>
          <input value={form.largestCount} onChange={set('largestCount')} inputMode="numeric" size={4} data-testid="liq-largest-count" />
          {error('largestCount')}
        </label>
        <label className="field">
          <span>{t('liquidity.whatIf.monthsLate')}</span>
          <input value={form.largestMonths} onChange={set('largestMonths')} inputMode="numeric" size={4} data-testid="liq-largest-months" />
          {error('largestMonths')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('liquidity.whatIf.collectLegend')}</legend>
        <label className="field">
          <span>{t('liquidity.whatIf.collect')}</span>
          <input value={form.collect} onChange={set('collect')} inputMode="decimal" size={6} placeholder="100" data-testid="liq-collect" />
          {error('collect')}
        </label>
      </fieldset>
      <button type="button" onClick={() => setForm(EMPTY_WHAT_IF)} disabled={Object.values(form).every((v) => v === '')} data-testid="liq-whatif-clear">
        {t('liquidity.whatIf.clear')}
      </button>
    </aside>
  );
}
