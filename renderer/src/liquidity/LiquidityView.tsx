import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useCommitField } from '../useCommitField';
import { clearOpeningCash, refusal, setOpeningCash } from '../../../shared/edit';
import {
  compareLiquidity,
  liquidityBasis,
  projectLiquidity,
  type LiquidityBasis,
  type LiquidityComparison,
  type LiquidityProjection,
} from '../../../shared/engine/liquidity';
import { parseAmountInput } from '../../../shared/edit/input';
import { decimalPlaces } from '../../../shared/model/decimal';
import { useExportSource, useOpenDocument } from '../document/DocumentProvider';
import { today } from '../export/exports';
import { Bidi, useAmount, useSay, useT } from '../i18n';
import { useLocale } from '../locale';
import { useWorkspace } from '../workspace';
import { ExpectedGrid } from './ExpectedGrid';
import { liquiditySource } from './export';
import { WhatIfPanel } from './WhatIfPanel';
import { EMPTY_WHAT_IF, readWhatIf, type WhatIfForm } from './whatIf';
import { dayInWords, keyDates, whatIfWords } from './words';
import '../ledger/ledger.css';
import './liquidity.css';

// R24 the Liquidity view: will the working capital fund carry the year, and when will the host state's advances be
// needed? The budget and year are the toolbar's. The engine projects (shared/engine/liquidity.ts); this view shows
// the year's chart, the dates that matter in words, the month-ends and the expected receipts (whose dates and "not
// paying" are edited here, one undoable step each), and the what-ifs side by side with the baseline.

const LiquidityChart = lazy(() => import('./LiquidityChart'));

type Computed =
  | { basis: LiquidityBasis; baseline: LiquidityProjection; error: null }
  | { basis: null; baseline: null; error: string };

export function LiquidityView() {
  const { doc, run, notify } = useOpenDocument();
  const { budget, year } = useWorkspace();
  const t = useT();
  const g = useAmount();
  const locale = useLocale();
  const workbook = doc.workbook;
  const day = useCallback((iso: string) => dayInWords(iso, locale.id, locale.number.nativeDigits), [locale]);
  const [form, setForm] = useState<WhatIfForm>(EMPTY_WHAT_IF);

  const computed = useMemo((): Computed => {
    if (!budget) return { basis: null, baseline: null, error: '' };
    try {
      const basis = liquidityBasis(workbook, budget.id, year);
      return { basis, baseline: projectLiquidity(basis), error: null };
    } catch (e) {
      return { basis: null, baseline: null, error: (e as Error).message };
    }
  }, [workbook, budget, year]);
  const { basis, baseline } = computed;
  const read = useMemo(() => readWhatIf(form), [form]);
  const asked = Object.keys(read.whatIf).length > 0;
  const comparison = useMemo((): LiquidityComparison | null => {
    if (!basis || !asked) return null;
    try {
      return compareLiquidity(basis, read.whatIf);
    } catch {
      return null; // a member of the form no longer in the budget: the baseline alone
    }
  }, [basis, asked, read.whatIf]);

  const organization = workbook.organization.name;
  useExportSource(
    useCallback(
      () =>
        baseline
          ? liquiditySource(baseline, comparison, read.whatIf, {
              organization,
              produced: today(),
              locale: locale.id,
              number: locale.number,
              nativeDigits: locale.number.nativeDigits,
            })
          : null,
      [baseline, comparison, read.whatIf, organization, locale],
    ),
  );

  if (!budget) return null;
  return (
    <div className="ledger liquidity" role="tabpanel" aria-labelledby="tab-liquidity" data-testid="liquidity">
      <div className="ledger-bar liq-bar">
        <h2 className="liq-title">{t('liquidity.title', { budget: budget.name, year: String(year) })}</h2>
        {baseline && (
          <>
            <label>
              {t('liquidity.opening.cash')}{' '}
              <CashField
                key={`${budget.id}|${year}`}
                budget={budget.id}
                year={year}
                given={baseline.opening.cashGiven ? baseline.opening.cash : undefined}
                places={decimalPlaces(budget.roundingUnit)}
                currency={baseline.currency}
                run={run}
              />
            </label>
            <span data-testid="liq-opening">
              {t('liquidity.opening.others', {
                wcf: g(baseline.opening.wcf),
                advances: g(baseline.opening.advances),
                ceiling: g(baseline.opening.ceiling),
                currency: baseline.currency,
              })}
            </span>
            <span className="muted">
              {t(baseline.spendingFrom === 'plan' ? 'liquidity.spending.plan' : 'liquidity.spending.budget')}
            </span>
          </>
        )}
      </div>
      {computed.error !== null && computed.error !== '' && (
        <p className="notice error" data-testid="liq-error">
          {t('liquidity.cannot', { reason: computed.error })}
        </p>
      )}
      {basis && baseline && (
        <div className="ledger-body">
          <section className="ledger-main scroll">
            <KeyDates
              baseline={baseline}
              comparison={comparison}
              described={comparison ? whatIfWords(read.whatIf, t, g) : null}
              day={day}
            />
            <div className="liq-chart" data-testid="liq-chart">
              <Suspense fallback={<p className="muted">{t('liquidity.chart.loading')}</p>}>
                <LiquidityChart
                  baseline={baseline}
                  whatIf={comparison?.whatIf ?? null}
                  title={t('liquidity.chart.title', { budget: budget.name, year: String(year) })}
                />
              </Suspense>
            </div>
            <h3>{t('liquidity.months.heading')}</h3>
            <MonthTable baseline={baseline} comparison={comparison} day={day} />
            <h3>{t('liquidity.expected.heading')}</h3>
            <p className="muted liq-hint">{t('liquidity.expected.hint')}</p>
            <ExpectedGrid
              basis={basis}
              baseline={baseline}
              comparison={comparison}
              run={run}
              notify={(text) => notify({ kind: 'error', text })}
            />
          </section>
          <WhatIfPanel basis={basis} form={form} setForm={setForm} errors={read.errors} />
        </div>
      )}
    </div>
  );
}

/** The cash on 1 January: typed in the user's number format, taken on Enter or on leaving; empty = none entered. */
function CashField({
  budget,
  year,
  given,
  places,
  currency,
  run,
}: {
  budget: string;
  year: number;
  given: string | undefined;
  places: number;
  currency: string;
  run: ReturnType<typeof useOpenDocument>['run'];
}) {
  const t = useT();
  const g = useAmount();
  const say = useSay();
  const { number } = useLocale();
  const shown = given === undefined ? '' : g(given);
  const { error, inputProps } = useCommitField(shown, (typed) => {
    let value: string;
    if (typed === '')
      return given === undefined
        ? null
        : refusal(
            run((wb) => clearOpeningCash(wb, budget, year)),
            say,
          );
    if (/^[0\s.,'\u202f]+$/.test(typed)) value = '0';
    else {
      const p = parseAmountInput(typed, given, { places, what: t('liquidity.opening.cashWhat') }, number);
      if (!p.ok) return p.msg ? say(p.msg) : p.message;
      value = p.value;
    }
    return refusal(
      run((wb) => setOpeningCash(wb, { budget, year, amount: value })),
      say,
    );
  });
  return (
    <span className="liq-cash">
      <input
        data-testid="liq-cash"
        className="amount"
        size={14}
        placeholder={t('liquidity.opening.cashPlaceholder')}
        aria-label={t('liquidity.opening.cashLabel', { currency })}
        {...inputProps}
      />{' '}
      {currency}
      {error && (
        <span className="cell-error" role="alert" data-testid="liq-cash-error">
          {error}
        </span>
      )}
    </span>
  );
}

/** The dates that matter, in words; under a what-if, the baseline's and the what-if's figures side by side. */
function KeyDates({
  baseline,
  comparison,
  described,
  day,
}: {
  baseline: LiquidityProjection;
  comparison: LiquidityComparison | null;
  described: string | null;
  day(iso: string): string;
}) {
  const t = useT();
  const g = useAmount();
  const base = keyDates(baseline, t, g, day);
  const alt = comparison ? keyDates(comparison.whatIf, t, g, day) : null;
  const show = (key: LiquidityComparison['summary'][number]['key'], v: string | null) =>
    v === null ? t('liquidity.summary.none') : key.startsWith('first') ? day(v) : g(v);
  return (
    <div className={`liq-dates${alt ? ' with-whatif' : ''}`} data-testid="liq-dates">
      <div className="liq-texts">
        <div className="liq-sentences">
          {alt && <h4>{t('liquidity.dates.baseline')}</h4>}
          <p data-testid="liq-date-wcf">{base.wcf}</p>
          <p data-testid="liq-date-advances">{base.advances}</p>
          <p data-testid="liq-date-shortfall">{base.shortfall}</p>
        </div>
        {alt && (
          <div className="liq-sentences whatif" data-testid="liq-whatif-dates">
            <h4>{t('liquidity.dates.whatIf', { whatIf: described ?? '' })}</h4>
            <p data-testid="liq-whatif-wcf">{alt.wcf}</p>
            <p data-testid="liq-whatif-advances">{alt.advances}</p>
            <p data-testid="liq-whatif-shortfall">{alt.shortfall}</p>
          </div>
        )}
      </div>
      {alt && comparison && (
        <>
          <table className="plain liq-summary" data-testid="liq-summary">
            <thead>
              <tr>
                <th />
                <th className="n">{t('liquidity.summary.baseline')}</th>
                <th className="n">{t('liquidity.summary.whatIf')}</th>
                <th className="n">{t('liquidity.summary.difference')}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.summary.map((s) => (
                <tr key={s.key} className={s.baseline !== s.whatIf ? 'changed' : undefined}>
                  <td>{t(`liquidity.summary.${s.key}`)}</td>
                  <td className="n" data-testid={`liq-summary-${s.key}`}>
                    <Bidi>{show(s.key, s.baseline)}</Bidi>
                  </td>
                  <td className="n" data-testid={`liq-summary-${s.key}-whatif`}>
                    <Bidi>{show(s.key, s.whatIf)}</Bidi>
                  </td>
                  <td className="n">{s.difference === null ? '' : <Bidi>{g(s.difference)}</Bidi>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}

const zero = (v: string) => /^-?0(\.0+)?$/.test(v);
const COLS = ['receipts', 'spending', 'cash', 'wcf', 'advances', 'shortfall'] as const;
const SIDES = ['receipts', 'cash', 'wcf', 'advances', 'shortfall'] as const;

/** The month-ends: the baseline's, or each figure beside the what-if's (a changed one marked). */
function MonthTable({
  baseline,
  comparison,
  day,
}: {
  baseline: LiquidityProjection;
  comparison: LiquidityComparison | null;
  day(iso: string): string;
}) {
  const t = useT();
  const g = useAmount();
  const money = (v: string) => <Bidi>{g(v)}</Bidi>;
  if (!comparison) {
    return (
      <table className="plain liq-months" data-testid="liq-months">
        <thead>
          <tr>
            <th>{t('liquidity.col.monthEnd')}</th>
            {COLS.map((c) => (
              <th key={c} className="n">
                {t(`liquidity.col.${c}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {baseline.months.map((m, i) => (
            <tr key={m.date} data-date={m.date}>
              <td>{day(m.date)}</td>
              {COLS.map((c) => (
                <td
                  key={c}
                  className={`n${c === 'shortfall' && !zero(m.shortfall) ? ' unpaid' : ''}`}
                  data-testid={`liq-m-${i}-${c}`}
                >
                  {money(m[c])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td>{t('liquidity.col.total')}</td>
            <td className="n">{money(baseline.receipts)}</td>
            <td className="n">{money(baseline.spending)}</td>
            <td colSpan={4} />
          </tr>
        </tfoot>
      </table>
    );
  }
  return (
    <table className="plain liq-months compare" data-testid="liq-months">
      <thead>
        <tr>
          <th rowSpan={2}>{t('liquidity.col.monthEnd')}</th>
          <th rowSpan={2} className="n">
            {t('liquidity.col.spending')}
          </th>
          {SIDES.map((c) => (
            <th key={c} colSpan={2} className="n group">
              {t(`liquidity.col.${c}`)}
            </th>
          ))}
        </tr>
        <tr>
          {SIDES.flatMap((c) => [
            <th key={`${c}b`} className="n sub">
              {t('liquidity.summary.baseline')}
            </th>,
            <th key={`${c}w`} className="n sub">
              {t('liquidity.summary.whatIf')}
            </th>,
          ])}
        </tr>
      </thead>
      <tbody>
        {comparison.months.map((m, i) => (
          <tr key={m.date} data-date={m.date}>
            <td>{day(m.date)}</td>
            <td className="n">{money(m.baseline.spending)}</td>
            {SIDES.flatMap((c) => [
              <td key={`${c}b`} className="n" data-testid={`liq-m-${i}-${c}`}>
                {money(m.baseline[c])}
              </td>,
              <td
                key={`${c}w`}
                className={`n whatif${!zero(m.difference[c]) ? ' changed' : ''}`}
                data-testid={`liq-m-${i}-${c}-whatif`}
              >
                {money(m.whatIf[c])}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
