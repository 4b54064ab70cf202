import { useCallback, useMemo, useState } from 'react';
import { useCommitField } from '../useCommitField';
import {
  checkYearScale,
  clearYearCredit,
  refusal,
  setScenarioOverride,
  setYearCredit,
  setYearScale,
  type Outcome,
} from '../../../shared/edit';
import { levelEntry } from '../../../shared/engine/years';
import { parseAmount } from '../../../shared/i18n/numbers';
import type { DerivedScale } from '../../../shared/engine/scale';
import { Decimal } from '../../../shared/model/decimal';
import type { Budget, Problem, Workbook, YearScale } from '../../../shared/model/types';
import { useExportSource, useOpenDocument } from '../document/DocumentProvider';
import { today } from '../export/exports';
import { Bidi, useAmount, useSay, useT } from '../i18n';
import { useLocale } from '../locale';
import { useRich } from '../rich';
import { useWorkspace } from '../workspace';
import { BaseScales } from './BaseScales';
import { scaleSource } from './export';
import { noteWords, stepWords } from './words';
import '../ledger/ledger.css';
import './scales.css';

// R21–R22 the Scales view: the workbook's base scales (imported from CSV/XLSX or pasted, one undoable step each) and
// the derivation settings of the toolbar's budget and year with a live preview of every step (the factor, who is
// excluded, at the ceiling, at the floor, fixed) and the sum of the rounded rates. The draft is checked as it is
// typed, each problem next to its field; Apply makes it one undoable step. The credit beside the gross (R22) too.

type Run = (command: (wb: Workbook) => Outcome) => Outcome;

/** The form as typed: figures in the user's number format, empty = none. */
interface Draft {
  baseScale: string;
  excludeBelow: string;
  ceiling: string;
  floor: string;
  decimals: string;
  rounding: YearScale['rounding'];
  fixed: { member: string; rate: string }[];
}

export function ScalesView() {
  const { doc, run } = useOpenDocument();
  const { budget, year } = useWorkspace();
  const t = useT();
  const workbook = doc.workbook;
  return (
    <div className="ledger scales" role="tabpanel" aria-labelledby="tab-scales" data-testid="scales">
      <div className="ledger-bar">
        <h2 className="scales-title">{t('scales.title')}</h2>
      </div>
      <div className="ledger-body scales-body">
        <section className="scales-base scroll">
          <BaseScales workbook={workbook} run={run} />
        </section>
        <section className="scales-derive scroll">
          {budget && (
            <Derivation key={`${budget.id}|${year}`} workbook={workbook} budget={budget} year={year} run={run} />
          )}
        </section>
      </div>
    </div>
  );
}

/** The entry whose settings apply to `year` (R10 carried over, R23 the biennium's other year), if any. */
function entryFor(budget: Budget, year: number) {
  try {
    return levelEntry(budget, year);
  } catch {
    return undefined;
  }
}

function draftOf(s: YearScale | undefined, fallbackBase: string, n: (plain: string) => string): Draft {
  return {
    baseScale: s?.baseScale ?? fallbackBase,
    excludeBelow: s?.excludeBelow !== undefined ? n(s.excludeBelow) : '',
    ceiling: s?.ceiling !== undefined ? n(s.ceiling) : '',
    floor: s?.floor !== undefined ? n(s.floor) : '',
    decimals: String(s?.decimals ?? 3),
    rounding: s?.rounding ?? 'half-up',
    fixed: (s?.fixedRates ?? []).map((f) => ({ member: f.member, rate: n(f.rate) })),
  };
}

/**
 * R21 a budget year's derivation settings with the live preview. In a what-if (`scenario`), `workbook` is the one the
 * scenario assumes, and Apply records the settings of `year` in the scenario (R14) instead of the baseline.
 */
export function Derivation({
  workbook,
  budget: given,
  year,
  run,
  scenario,
}: {
  workbook: Workbook;
  budget: Budget;
  year: number;
  run: Run;
  scenario?: string;
}) {
  const t = useT();
  const budget = workbook.budgets.find((b) => b.id === given.id) ?? given;
  const rich = useRich();
  const say = useSay();
  const g = useAmount();
  const locale = useLocale();
  const scheme = workbook.schemes.find((s) => s.id === budget.schemeId);
  const entry = entryFor(budget, year);
  const stored = entry?.scale;
  const bases = workbook.baseScales ?? [];
  const shown = useMemo(() => draftOf(stored, bases[0]?.id ?? '', g), [stored, bases, g]);
  const [draft, setDraft] = useState<Draft>(shown);
  const [was, setWas] = useState(shown);
  const [applied, setApplied] = useState<Problem[]>([]);
  if (was !== shown) {
    // Undo, redo or another edit changed the stored settings: the form shows them.
    setWas(shown);
    setDraft(shown);
    setApplied([]);
  }
  const dirty = JSON.stringify(draft) !== JSON.stringify(shown);

  // The draft read: each figure in the user's number format; what cannot be read is said on its field.
  const read = useMemo(() => {
    const problems: { path: string; text: string }[] = [];
    const fig = (path: string, text: string): string | undefined => {
      const v = text.trim();
      if (v === '') return undefined;
      const r = parseAmount(v, locale.number);
      if (r.ok) return r.value;
      problems.push({
        path,
        text:
          r.reason === 'ambiguous'
            ? t('scales.field.ambiguous', { text: v, a: r.readings[0], b: r.readings[1] })
            : t('scales.field.notNumber', { text: v }),
      });
      return v; // given to the check as typed, which refuses it on the field too
    };
    const settings: YearScale = {
      baseScale: draft.baseScale,
      decimals: Number(draft.decimals),
      rounding: draft.rounding,
    };
    const ex = fig('excludeBelow', draft.excludeBelow);
    const c = fig('ceiling', draft.ceiling);
    const f = fig('floor', draft.floor);
    if (ex !== undefined) settings.excludeBelow = ex;
    if (c !== undefined) settings.ceiling = c;
    if (f !== undefined) settings.floor = f;
    const fixedRates = draft.fixed.map((x, k) => ({ member: x.member, rate: fig(`fixedRates[${k}]`, x.rate) ?? '' }));
    if (fixedRates.length > 0) settings.fixedRates = fixedRates;
    return { settings, problems };
  }, [draft, locale.number, t]);

  // R21 the live preview: the engine's derivation of the draft for this year's members.
  const checked = useMemo(
    () =>
      scheme?.kind === 'scale' && bases.length > 0
        ? checkYearScale(workbook, { budget: budget.id, year, settings: read.settings })
        : null,
    [workbook, budget.id, year, read.settings, scheme, bases.length],
  );
  const errors = useMemo(() => {
    const out = new Map<string, string>();
    const put = (path: string, text: string) => out.set(path, out.has(path) ? `${out.get(path)} ${text}` : text);
    for (const p of read.problems) put(p.path, p.text);
    const fromCheck = checked && !checked.ok ? checked.problems : applied;
    for (const p of fromCheck)
      if (!read.problems.some((q) => q.path === p.path)) put(p.path, p.msg ? say(p.msg) : p.message);
    return out;
  }, [read.problems, checked, applied, say]);

  const organization = workbook.organization.name;
  const scale = checked?.ok ? checked.scale : null;
  const baseName = bases.find((b) => b.id === draft.baseScale)?.name ?? '';
  useExportSource(
    useCallback(
      () =>
        scale
          ? scaleSource(
              scale,
              { budgetId: budget.id, budget: budget.name, year, baseScale: baseName, draft: dirty },
              { organization, produced: today(), locale: locale.id, number: locale.number },
            )
          : null,
      [scale, budget.id, budget.name, year, baseName, dirty, organization, locale],
    ),
    scenario === undefined,
  );

  if (scheme?.kind !== 'scale')
    return (
      <p className="muted" data-testid="scales-not-scale">
        {t('scales.derive.notScale', { budget: budget.name })}
      </p>
    );
  if (bases.length === 0) return <p className="muted">{t('scales.derive.noBase')}</p>;
  // A what-if changes the year shown only (R14); the baseline's settings are those of the entry the year uses.
  const entryYear = scenario !== undefined ? year : entry?.year;
  const apply = () => {
    if (entryYear === undefined) return;
    const o = run((wb) =>
      scenario !== undefined
        ? setScenarioOverride(wb, scenario, {
            kind: 'derivation',
            budget: budget.id,
            year: entryYear,
            scale: read.settings,
          })
        : setYearScale(wb, { budget: budget.id, year: entryYear, settings: read.settings }),
    );
    setApplied(o.ok ? [] : o.problems);
  };
  const set = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setApplied([]);
  };
  const err = (path: string) =>
    errors.has(path) ? (
      <span className="cell-error" role="alert" data-testid={`scales-error-${path}`}>
        {errors.get(path)}
      </span>
    ) : null;
  const members = workbook.members;
  const fieldText = (k: 'excludeBelow' | 'ceiling' | 'floor') => (
    <label className="scales-field">
      <span>{t(`scales.field.${k}`)}</span>
      <input
        data-testid={`scales-${k}`}
        className="amount"
        size={8}
        value={draft[k]}
        placeholder={t('scales.field.none')}
        aria-invalid={errors.has(k)}
        onChange={(e) => set({ [k]: e.target.value })}
        onKeyDown={(e) => e.key === 'Enter' && dirty && apply()}
      />
      {err(k)}
    </label>
  );

  return (
    <div className="scales-derivation">
      {scenario !== undefined ? (
        <p className="muted">{t('scenarios.derivation.hint', { year: String(year) })}</p>
      ) : (
        <h3>{rich('scales.derive.heading', { budget: <Bidi>{budget.name}</Bidi>, year: String(year) })}</h3>
      )}
      {scenario === undefined && entryYear !== undefined && entryYear !== year && (
        <p className="muted">{t('scales.derive.fromEntry', { year: String(year), entry: String(entryYear) })}</p>
      )}
      {entryYear === undefined && <p className="notice error">{t('scales.derive.noEntry', { year: String(year) })}</p>}
      {!stored && entryYear !== undefined && (
        <p className="muted">{t('scales.derive.notDerived', { year: String(entryYear) })}</p>
      )}
      <div className="scales-form">
        <label className="scales-field">
          <span>{t('scales.field.baseScale')}</span>
          <select
            data-testid="scales-baseScale"
            value={draft.baseScale}
            onChange={(e) => set({ baseScale: e.target.value })}
          >
            {bases.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          {err('baseScale')}
        </label>
        {fieldText('excludeBelow')}
        {fieldText('ceiling')}
        {fieldText('floor')}
        <label className="scales-field">
          <span>{t('scales.field.decimals')}</span>
          <select
            data-testid="scales-decimals"
            value={draft.decimals}
            onChange={(e) => set({ decimals: e.target.value })}
          >
            {Array.from({ length: 13 }, (_, i) => (
              <option key={i} value={String(i)}>
                {i}
              </option>
            ))}
          </select>
          {err('decimals')}
        </label>
        <label className="scales-field">
          <span>{t('scales.field.rounding')}</span>
          <select
            data-testid="scales-rounding"
            value={draft.rounding}
            onChange={(e) => set({ rounding: e.target.value as YearScale['rounding'] })}
          >
            <option value="half-up">{t('scales.field.halfUp')}</option>
            <option value="largest-remainder">{t('scales.field.largest')}</option>
          </select>
          {err('rounding')}
        </label>
      </div>
      <fieldset className="scales-fixed">
        <legend>{t('scales.fixed.heading')}</legend>
        {draft.fixed.map((f, k) => (
          <div key={k} className="scales-fixed-row">
            <select
              data-testid={`scales-fixed-member-${k}`}
              aria-label={t('scales.fixed.member')}
              value={f.member}
              onChange={(e) =>
                set({ fixed: draft.fixed.map((x, i) => (i === k ? { ...x, member: e.target.value } : x)) })
              }
            >
              {members.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code} — {m.name}
                </option>
              ))}
            </select>
            <input
              data-testid={`scales-fixed-rate-${k}`}
              className="amount"
              size={8}
              aria-label={t('scales.fixed.rate')}
              value={f.rate}
              onChange={(e) =>
                set({ fixed: draft.fixed.map((x, i) => (i === k ? { ...x, rate: e.target.value } : x)) })
              }
            />
            <button type="button" onClick={() => set({ fixed: draft.fixed.filter((_, i) => i !== k) })}>
              {t('scales.fixed.remove')}
            </button>
            {err(`fixedRates[${k}]`)}
          </div>
        ))}
        <button
          type="button"
          data-testid="scales-fixed-add"
          onClick={() =>
            set({
              fixed: [
                ...draft.fixed,
                { member: members.find((m) => !draft.fixed.some((x) => x.member === m.code))?.code ?? '', rate: '' },
              ],
            })
          }
        >
          {t('scales.fixed.add')}
        </button>
        {err('fixedRates')}
      </fieldset>
      <div className="scales-actions">
        <button
          type="button"
          className="primary"
          data-testid="scales-apply"
          disabled={!dirty || entryYear === undefined}
          onClick={apply}
        >
          {scenario !== undefined
            ? t('scenarios.derivation.apply')
            : t('scales.apply', { year: String(entryYear ?? year) })}
        </button>
        <button type="button" data-testid="scales-reset" disabled={!dirty} onClick={() => set(shown)}>
          {t('scales.reset')}
        </button>
        {dirty && <span className="muted">{t('scales.preview.draft')}</span>}
        {err('scale')}
      </div>
      {entryYear !== undefined && scenario === undefined && (
        <CreditField
          budget={budget}
          year={entryYear}
          given={budget.years.find((y) => y.year === entryYear)?.credit}
          run={run}
        />
      )}
      {scale && <Preview scale={scale} />}
    </div>
  );
}

/** R21 each step in words, then the rates (base, exact, rounded) with their notes and the sum of the rounded rates. */
function Preview({ scale }: { scale: DerivedScale }) {
  const t = useT();
  const g = useAmount();
  const sum100 = new Decimal(scale.sum).eq(100);
  return (
    <div className="scales-preview" data-testid="scales-preview">
      <h4>{t('scales.preview.heading')}</h4>
      <p className="scales-factor" data-testid="scales-factor">
        {t('scales.preview.factor', { decimal: g(scale.factor.decimal), fraction: scale.factor.fraction })}
      </p>
      <ol className="scales-steps" data-testid="scales-steps">
        {scale.steps.map((s, i) => (
          <li key={i} data-step={s.step}>
            {stepWords(s, t, g)}
          </li>
        ))}
      </ol>
      <p className={sum100 ? 'scales-sum' : 'scales-sum warn'} data-testid="scales-sum">
        {t(sum100 ? 'scales.preview.sum' : 'scales.preview.sumNot100', { sum: g(scale.sum) })}
      </p>
      <table className="scales-rates">
        <thead>
          <tr>
            <th>{t('scales.preview.code')}</th>
            <th>{t('scales.preview.name')}</th>
            <th className="n">{t('scales.preview.baseRate')}</th>
            <th className="n">{t('scales.preview.exactRate')}</th>
            <th className="n">{t('scales.preview.rate')}</th>
            <th>{t('scales.preview.note')}</th>
          </tr>
        </thead>
        <tbody>
          {scale.rates.map((r) => (
            <tr key={r.code} data-code={r.code} className={r.note ? `note-${r.note}` : undefined}>
              <td>
                <Bidi>{r.code}</Bidi>
              </td>
              <td>
                <Bidi>{r.name}</Bidi>
              </td>
              <td className="n">{r.baseRate === null ? '' : g(r.baseRate)}</td>
              <td className="n muted">{g(r.exactRate)}</td>
              <td className="n" data-testid={`scales-rate-${r.code}`}>
                {g(r.rate)}
              </td>
              <td>{noteWords(r.note, t)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={4}>{t('scales.preview.total', { count: scale.rates.length })}</td>
            <td className="n">{g(scale.sum)}</td>
            <td />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/** R22 the credit beside the gross: typed in the user's number format, taken on Enter or on leaving; empty = none. */
function CreditField({
  budget,
  year,
  given,
  run,
}: {
  budget: Budget;
  year: number;
  given: string | undefined;
  run: Run;
}) {
  const t = useT();
  const g = useAmount();
  const say = useSay();
  const { number } = useLocale();
  const shown = given === undefined ? '' : g(given);
  const { error, inputProps } = useCommitField(shown, (typed) => {
    if (typed === '')
      return refusal(
        run((wb) => clearYearCredit(wb, { budget: budget.id, year })),
        say,
      );
    const r = parseAmount(typed, number);
    if (!r.ok)
      return r.reason === 'ambiguous'
        ? t('scales.field.ambiguous', { text: typed, a: r.readings[0], b: r.readings[1] })
        : t('scales.field.notNumber', { text: typed });
    return refusal(
      run((wb) => setYearCredit(wb, { budget: budget.id, year, credit: r.value })),
      say,
    );
  });
  return (
    <div className="scales-credit">
      <label className="scales-field">
        <span>{t('scales.credit.label', { currency: budget.currency, year: String(year) })}</span>
        <input
          data-testid="scales-credit"
          className="amount"
          size={14}
          placeholder={t('scales.credit.none')}
          {...inputProps}
        />
        {error && (
          <span className="cell-error" role="alert" data-testid="scales-credit-error">
            {error}
          </span>
        )}
      </label>
      <span className="muted">{t('scales.credit.hint')}</span>
    </div>
  );
}
