import { useState, type ReactNode } from 'react';
import {
  addBudget,
  addBudgetWithNewScheme,
  addScheme,
  EMPTY_SCHEME,
  removeBudget,
  removeScheme,
  renameBudget,
  refusal,
  renameScheme,
} from '../../shared/edit';
import { BUILT_IN_SCHEMES } from '../../shared/model/schemes';
import type { Budget, BudgetMethod, Scheme, Workbook } from '../../shared/model/types';
import { CommitField } from './BudgetPanel';
import { useArticle } from './articles';
import { useDocument, type DocumentStore } from './document/DocumentProvider';
import { useSay, useT, type T } from './i18n';
import { useCount } from './ledger/rich';

// Budgets and class schemes created, renamed and removed (R1, R2). Every change is one command through `run`,
// so Ctrl+Z undoes it; a refusal is shown next to the field it concerns.

interface Props {
  workbook: Workbook;
  budget: Budget;
  year: number;
  /** Show this budget (and year): after creating or removing one. */
  onSelect(budgetId: string, year?: number): void;
}

type Errors = Record<string, string>;

/** Where a new scheme can start: the built-in templates (R1), an empty table, or a copy of a workbook scheme. */
function startingPoints(workbook: Workbook, t: T): { value: string; label: string }[] {
  const held = new Map(workbook.schemes.map((s) => [s.id, s]));
  const out = BUILT_IN_SCHEMES.map((s) => {
    // addScheme copies the workbook's own table when it holds that id: say so when it was edited.
    const own = held.get(s.id);
    const edited = own && JSON.stringify({ ...own, name: '' }) !== JSON.stringify({ ...s, name: '' });
    return {
      value: s.id,
      label: edited
        ? t('budgets.scheme.copyOfEdited', { name: own.name })
        : t('budgets.scheme.template', { name: s.name }),
    };
  });
  out.push({ value: EMPTY_SCHEME, label: t('budgets.scheme.empty') });
  for (const s of workbook.schemes)
    if (!BUILT_IN_SCHEMES.some((t) => t.id === s.id))
      out.push({ value: s.id, label: t('budgets.scheme.copyOf', { name: s.name }) });
  return out;
}

/** A labelled control with its refusal under it (aria-invalid, role="alert"). */
function Field({
  label,
  title,
  error,
  testId,
  children,
}: {
  label: string;
  title?: string;
  error?: string;
  testId: string;
  children: ReactNode;
}) {
  return (
    <label className="field">
      <span title={title}>{label}</span>
      <span className="field-input">
        {children}
        {error && (
          <span className="cell-error" role="alert" data-testid={`${testId}-error`}>
            {error}
          </span>
        )}
      </span>
    </label>
  );
}

export function BudgetManager({ workbook, budget, year, onSelect }: Props) {
  const { run } = useDocument();
  const t = useT();
  const say = useSay();
  const count = useCount();
  const [form, setForm] = useState<'budget' | 'scheme' | null>(null);
  // The refusal belongs to the budget it was about: another budget chosen, it goes.
  const [removeError, setRemoveError] = useState<{ budget: string; text: string | null } | null>(null);
  const [schemeError, setSchemeError] = useState<string | null>(null);
  const scheme = workbook.schemes.find((s) => s.id === budget.schemeId);
  const only = workbook.budgets.length === 1;
  const usedBy = (s: Scheme) => workbook.budgets.filter((b) => b.schemeId === s.id);

  return (
    <details
      className="scheme-editor budget-manager"
      data-testid="budget-manager"
      onToggle={() => setRemoveError(null)}
      onKeyDown={(e) => {
        // Escape in a new-budget or new-scheme form closes it, nothing created.
        if (e.key === 'Escape' && form && (e.target as HTMLElement).closest('form.new-form')) {
          e.stopPropagation();
          setForm(null);
        }
      }}
    >
      <summary>{t('budgets.manager.title')}</summary>
      <div className="names">
        <CommitField
          label={t('budgets.manager.budgetName')}
          testId="budget-name"
          value={budget.name}
          commit={(text) =>
            refusal(
              run((wb) => renameBudget(wb, { budget: budget.id, name: text })),
              say,
            )
          }
        />
      </div>
      <div className="remove">
        <button
          className="link"
          data-testid="remove-budget"
          disabled={only}
          title={only ? t('budgets.manager.onlyBudget') : t('budgets.manager.removeTitle', { name: budget.name })}
          onClick={() => {
            const id = budget.id;
            const next = workbook.budgets.find((b) => b.id !== id);
            const o = run((wb) => removeBudget(wb, { budget: id }));
            setRemoveError({ budget: id, text: refusal(o, say) });
            if (o.ok && next) onSelect(next.id);
          }}
        >
          {t('budgets.manager.remove')}
        </button>
      </div>
      {removeError?.text && removeError.budget === budget.id && (
        <span className="cell-error" role="alert" data-testid="remove-budget-error">
          {removeError.text}
        </span>
      )}
      <div className="names">
        {scheme && (
          <CommitField
            label={t('budgets.manager.schemeName')}
            testId="scheme-name"
            value={scheme.name}
            commit={(text) =>
              refusal(
                run((wb) => renameScheme(wb, { scheme: scheme.id, name: text })),
                say,
              )
            }
          />
        )}
      </div>
      <div className="actions">
        <button
          className={form === 'budget' ? 'active' : ''}
          aria-expanded={form === 'budget'}
          data-testid="new-budget-open"
          onClick={() => setForm(form === 'budget' ? null : 'budget')}
        >
          {t('budgets.manager.newBudget')}
        </button>
        <button
          className={form === 'scheme' ? 'active' : ''}
          aria-expanded={form === 'scheme'}
          data-testid="new-scheme-open"
          onClick={() => setForm(form === 'scheme' ? null : 'scheme')}
        >
          {t('budgets.manager.newScheme')}
        </button>
      </div>
      {form === 'budget' && (
        <NewBudgetForm
          workbook={workbook}
          budget={budget}
          year={year}
          run={run}
          onDone={(id, y) => {
            setForm(null);
            onSelect(id, y);
          }}
        />
      )}
      {form === 'scheme' && <NewSchemeForm workbook={workbook} run={run} onDone={() => setForm(null)} />}
      <h4>{t('budgets.manager.schemes')}</h4>
      <ul className="schemes" data-testid="scheme-list">
        {workbook.schemes.map((s) => {
          const users = usedBy(s);
          return (
            <li key={s.id} data-testid={`scheme-${s.id}`}>
              <span>
                {s.name}{' '}
                <span className="muted">
                  {users.length
                    ? t('budgets.manager.usedBy', { count: users.length, n: count(users.length) })
                    : t('budgets.manager.unused')}
                </span>
              </span>
              {users.length === 0 && (
                <button
                  className="link"
                  aria-label={t('budgets.manager.removeScheme', { name: s.name })}
                  data-testid={`remove-scheme-${s.id}`}
                  onClick={() =>
                    setSchemeError(
                      refusal(
                        run((wb) => removeScheme(wb, { scheme: s.id })),
                        say,
                      ),
                    )
                  }
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {schemeError && (
        <span className="cell-error" role="alert">
          {schemeError}
        </span>
      )}
    </details>
  );
}

function NewSchemeForm({ workbook, run, onDone }: { workbook: Workbook; run: DocumentStore['run']; onDone(): void }) {
  const t = useT();
  const say = useSay();
  const points = startingPoints(workbook, t);
  const [name, setName] = useState('');
  const [from, setFrom] = useState(points[0].value);
  const [errors, setErrors] = useState<Errors>({});
  return (
    <form
      className="new-form"
      data-testid="new-scheme-form"
      onSubmit={(e) => {
        e.preventDefault();
        const o = run((wb) => addScheme(wb, { name, from }));
        if (o.ok) return onDone();
        setErrors(Object.fromEntries(o.problems.map((p) => [p.path, p.msg ? say(p.msg) : p.message])));
      }}
    >
      <Field label={t('budgets.scheme.newName')} error={errors.name} testId="new-scheme-name">
        <input
          className="text"
          data-testid="new-scheme-name"
          value={name}
          aria-invalid={Boolean(errors.name)}
          onChange={(e) => setName(e.target.value)}
          autoFocus
        />
      </Field>
      <Field label={t('budgets.scheme.from')} error={errors.from} testId="new-scheme-from">
        <select data-testid="new-scheme-from" value={from} onChange={(e) => setFrom(e.target.value)}>
          {points.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" data-testid="new-scheme-create">
        {t('budgets.scheme.create')}
      </button>
    </form>
  );
}

const NEW = 'new:';

function NewBudgetForm({
  workbook,
  budget,
  year,
  run,
  onDone,
}: {
  workbook: Workbook;
  budget: Budget;
  year: number;
  run: DocumentStore['run'];
  onDone(id: string, year: number): void;
}) {
  const t = useT();
  const say = useSay();
  const article = useArticle();
  const points = startingPoints(workbook, t);
  const [f, setF] = useState({
    name: '',
    scheme: budget.schemeId,
    schemeName: '',
    currency: budget.currency,
    roundingUnit: budget.roundingUnit,
    year: String(year),
    method: 'total' as BudgetMethod,
    amount: '',
    members: 'none',
  });
  const [errors, setErrors] = useState<Errors>({});
  // A field's refusal goes once it is changed (the others stay until the next try).
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => {
    setF({ ...f, [k]: k === 'currency' ? e.target.value.toUpperCase() : e.target.value });
    if (errors[k]) setErrors({ ...errors, [k]: '' });
  };
  const creating = f.scheme.startsWith(NEW);
  // Members can be copied from a budget of the same kind of scheme; the command checks that their classes fit.
  const kindOf = (id: string) => {
    const from = creating ? id.slice(NEW.length) : id;
    return (
      (workbook.schemes.find((s) => s.id === from) ?? BUILT_IN_SCHEMES.find((t) => t.id === from))?.kind ?? 'classes'
    );
  };
  const sources = workbook.budgets.filter(
    (b) => workbook.schemes.find((s) => s.id === b.schemeId)?.kind === kindOf(f.scheme),
  );
  const members = sources.some((b) => b.id === f.members) ? f.members : 'none';
  const err = (k: string) => errors[k];
  const input = (k: keyof typeof f, props: { className?: string; placeholder?: string; size?: number } = {}) => (
    <input
      data-testid={`new-budget-${k}`}
      value={f[k]}
      aria-invalid={Boolean(errors[k])}
      onChange={set(k)}
      {...props}
    />
  );

  return (
    <form
      className="new-form"
      data-testid="new-budget-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!/^\d{4}$/.test(f.year.trim())) return setErrors({ year: t('budgets.new.notAYear', { text: f.year }) });
        const y = Number(f.year.trim());
        const args = {
          name: f.name,
          currency: f.currency,
          roundingUnit: f.roundingUnit,
          rounding: 'half-up' as const,
          year: y,
          method: f.method,
          amount: f.amount,
          members: members === 'none' ? ('none' as const) : { copyFrom: members },
        };
        const o = run((wb) =>
          creating
            ? addBudgetWithNewScheme(wb, {
                scheme: { name: f.schemeName, from: f.scheme.slice(NEW.length) },
                budget: args,
              })
            : addBudget(wb, { ...args, schemeId: f.scheme }),
        );
        if (!o.ok) {
          const paths: Record<string, string> = {
            schemeId: 'scheme',
            'scheme.from': 'scheme',
            'scheme.name': 'schemeName',
          };
          return setErrors(
            Object.fromEntries(o.problems.map((p) => [paths[p.path] ?? p.path, p.msg ? say(p.msg) : p.message])),
          );
        }
        onDone(o.workbook.budgets.at(-1)!.id, y);
      }}
    >
      <Field label={t('budgets.new.name')} error={err('name')} testId="new-budget-name">
        {input('name', { className: 'text', placeholder: t('budgets.new.namePlaceholder') })}
      </Field>
      <Field label={t('budgets.new.scheme')} title={article.classes} error={err('scheme')} testId="new-budget-scheme">
        <select
          data-testid="new-budget-scheme"
          value={f.scheme}
          aria-invalid={Boolean(errors.scheme)}
          onChange={set('scheme')}
        >
          <optgroup label={t('budgets.new.inWorkbook')}>
            {workbook.schemes.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('budgets.new.schemeFrom')}>
            {points.map((p) => (
              <option key={p.value} value={NEW + p.value}>
                {p.label}
              </option>
            ))}
          </optgroup>
        </select>
      </Field>
      {creating && (
        <Field label={t('budgets.scheme.newName')} error={err('schemeName')} testId="new-budget-schemeName">
          {input('schemeName', { className: 'text', placeholder: t('budgets.new.schemePlaceholder') })}
        </Field>
      )}
      <div className="row3">
        <Field label={t('budgets.new.currency')} error={err('currency')} testId="new-budget-currency">
          {input('currency', { size: 4 })}
        </Field>
        <Field label={t('budgets.roundingUnit')} error={err('roundingUnit')} testId="new-budget-roundingUnit">
          {input('roundingUnit', { size: 6 })}
        </Field>
        <Field label={t('budgets.new.firstYear')} error={err('year')} testId="new-budget-year">
          {input('year', { size: 5 })}
        </Field>
      </div>
      <div className="field">
        <span>{t('budgets.method.label')}</span>
        <span className="radios">
          {(['total', 'unit-value'] as const).map((m) => (
            <label key={m}>
              <input
                type="radio"
                name="new-budget-method"
                data-testid={`new-budget-method-${m}`}
                checked={f.method === m}
                onChange={() => setF({ ...f, method: m })}
              />
              {m === 'total' ? (
                <span title={article.total}>{t('budgets.method.total')}</span>
              ) : (
                t('budgets.method.unitValue')
              )}
            </label>
          ))}
        </span>
      </div>
      <Field
        label={t(f.method === 'total' ? 'budgets.figure.total' : 'budgets.figure.unitValue', { currency: f.currency })}
        error={err('amount')}
        testId="new-budget-amount"
      >
        {input('amount', { placeholder: f.method === 'total' ? '1000000' : '45579' })}
      </Field>
      <Field label={t('budgets.new.members')} error={err('members')} testId="new-budget-members">
        <select
          data-testid="new-budget-members"
          value={members}
          aria-invalid={Boolean(errors.members)}
          onChange={set('members')}
        >
          <option value="none">{t('budgets.new.membersNone')}</option>
          {sources.map((b) => (
            <option key={b.id} value={b.id}>
              {t('budgets.new.membersCopy', { name: b.name })}
            </option>
          ))}
        </select>
      </Field>
      {members !== 'none' && <p className="muted">{t('budgets.new.membersNote')}</p>}
      <button type="submit" className="primary" data-testid="new-budget-create">
        {t('budgets.new.create')}
      </button>
    </form>
  );
}
