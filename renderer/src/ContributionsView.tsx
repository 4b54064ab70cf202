import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import {
  addMember,
  parseAmountInput,
  refusal,
  renameMember,
  setBudgetYear,
  setClass,
  type Outcome,
} from '../../shared/edit';
import { declaredRateWarning } from '../../shared/export/contribution-table';
import { DerivationNote } from './scales/DerivationNote';
import { Decimal, decimalPlaces } from '../../shared/model/decimal';
import { BudgetManager } from './BudgetManager';
import { BudgetPanel } from './BudgetPanel';
import { ClassChanges } from './ClassChanges';
import { useExportSource, useOpenDocument } from './document/DocumentProvider';
import type { CellError } from './document/reducer';
import { displayedCodes } from './export/ExportMenu';
import { membersSource, today } from './export/exports';
import { MembersGrid, TOTAL_ROW_ID, type CellEdit } from './MembersGrid';
import { Membership } from './Membership';
import { ComparisonView } from './scenarios/ComparisonView';
import { ScenarioPanel } from './scenarios/ScenarioPanel';
import { scenarioEdit } from './scenarios/useScenario';
import { SchemeEditor } from './SchemeEditor';
import { WorkbookSettings } from './WorkbookSettings';
import { useAmount, useSay, useT } from './i18n';
import { useLocale } from './locale';
import { useRich } from './rich';
import { useWorkspace } from './workspace';

// AG Charts is loaded when the charts are first shown: the main bundle stays small.
const ChartsView = lazy(() => import('./charts/ChartsView'));

/** The Contributions page: the budget's panels beside the members grid, the comparison or the charts. */
export function ContributionsView() {
  const { doc, run, cellError, setCellError } = useOpenDocument();
  const ws = useWorkspace();
  const { budget, scheme, classes, scenario, computed, table, year, view, focusedCode, gridApi } = ws;
  const workbook = doc.workbook;
  const t = useT();
  const rich = useRich();
  const say = useSay();
  const locale = useLocale();
  const { number } = locale;

  // Export writes what the user sees: the budget, year and scenario, in the grid's sort and filter order
  // (the comparison registers its own).
  const organization = workbook.organization.name;
  // The file's title block and headers in the user's language, amounts in the user's number format (issue 11).
  useExportSource(
    useCallback(
      () =>
        table
          ? membersSource(table, displayedCodes(gridApi.current), {
              organization,
              produced: today(),
              scenario: scenario?.name,
              locale: locale.id,
              number: locale.number,
              // The classes as the grid shows them (ألف in Arabic for the Convention's A).
              schemeId: budget?.schemeId,
            })
          : null,
      [table, gridApi, organization, scenario, locale, budget],
    ),
    view !== 'compare',
  );

  const onEdit = useCallback(
    (edit: CellEdit) => {
      if (!budget || !table) return;
      let o: Outcome | null = null;
      if (scenario) o = scenarioEdit(edit, { scenario, budget, year, shown: computed, run });
      else if (edit.pinned && edit.colId === 'amount') {
        // The total row edits the budget's figure; =+500 / =-500 adjust it exactly (R3, R4).
        const p = parseAmountInput(
          edit.value,
          table.level,
          { places: decimalPlaces(budget.roundingUnit), what: t('app.contributions.theTotal') },
          number,
        );
        o = p.ok
          ? p.value === table.level
            ? null
            : run((wb) => setBudgetYear(wb, { budget: budget.id, year, amount: p.value, adopted: true }))
          : { ok: false, problems: [{ path: 'amount', message: p.message, msg: p.msg }] };
      } else if (edit.colId === 'class' || edit.colId === 'units') {
        const current = table.rows.find((r) => r.code === edit.rowId);
        if (current && (edit.value === current.class || (edit.colId === 'units' && edit.value === current.units)))
          return;
        o = run((wb) => setClass(wb, { budget: budget.id, member: edit.rowId, year, value: edit.value }));
      } else if (edit.colId === 'name') {
        o = run((wb) => renameMember(wb, edit.rowId, edit.value));
      }
      if (o && !o.ok) setCellError({ rowId: edit.rowId, colId: edit.colId, message: refusal(o, say) ?? '' });
    },
    [budget, table, year, run, scenario, computed, setCellError, t, say, number],
  );

  if (!budget) return null;
  return (
    <div className="body">
      <aside className="side">
        {scenario ? (
          <ScenarioPanel
            scenario={scenario}
            budget={budget}
            year={year}
            comparison={computed.comparison}
            scheme={scheme}
            onApplied={() => ws.setScenarioId(null)}
          />
        ) : (
          <>
            <BudgetPanel budget={budget} year={year} table={table} />
            <BudgetManager workbook={workbook} budget={budget} year={year} onSelect={ws.selectBudget} />
            <WorkbookSettings workbook={workbook} />
            <Membership workbook={workbook} budget={budget} year={year} table={table} member={focusedCode} />
            <ClassChanges workbook={workbook} budget={budget} classes={classes} member={focusedCode} />
            {scheme && <SchemeEditor scheme={scheme} />}
          </>
        )}
      </aside>
      <section className={scenario ? 'table in-scenario' : 'table'}>
        {computed.error && !workbook.participations.some((p) => p.budget === budget.id) ? (
          // A budget nobody takes part in yet (a new workbook): what to do, not an error.
          <p className="notice info" data-testid="no-members">
            {rich('app.contributions.noMembers', { budget: budget.name })}
          </p>
        ) : computed.error ? (
          <p className="notice error" data-testid="engine-error">
            {computed.error}
          </p>
        ) : null}
        {view === 'charts' && table ? (
          <Suspense fallback={<p className="muted">{t('app.contributions.loadingCharts')}</p>}>
            <ChartsView table={table} comparison={computed.comparison} scenarioName={scenario?.name ?? null} />
          </Suspense>
        ) : view === 'compare' && computed.base ? (
          <ComparisonView
            workbook={workbook}
            budget={budget}
            year={year}
            base={computed.base}
            scenarios={workbook.scenarios}
            primary={scenario}
          />
        ) : (
          <MembersTable onEdit={onEdit} />
        )}
        {cellError && <CellErrorBubble error={cellError} onClose={() => setCellError(null)} />}
      </section>
    </div>
  );
}

/** The find bar over the members grid, and the sum of a percent scale's rates under it. */
function MembersTable({ onEdit }: { onEdit(edit: CellEdit): void }) {
  const { api } = useOpenDocument();
  const { table, classes, scheme, computed, scenario, dates, find, setFind, findRef, gridApi, setFocusedCode, linked } =
    useWorkspace();
  const [shownCount, setShownCount] = useState(0);
  const t = useT();
  return (
    <>
      <div className="find-bar">
        <input
          ref={findRef}
          type="search"
          placeholder={t('app.find.placeholder', {
            key: `${api.kind === 'electron' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl'}+F`,
          })}
          aria-label={t('app.find.label')}
          data-testid="find-member"
          value={find}
          onChange={(e) => setFind(e.target.value)}
          onKeyDown={(e) => {
            // Escape clears the find; Enter or ↓ goes to the first member found.
            if (e.key === 'Escape') setFind('');
            if ((e.key === 'Enter' || e.key === 'ArrowDown') && gridApi.current?.getDisplayedRowAtIndex(0)) {
              e.preventDefault();
              gridApi.current.setFocusedCell(0, 'name');
            }
          }}
        />
        {find.trim() !== '' && (
          <span className="muted" data-testid="find-count">
            {t('app.find.count', { shown: shownCount, all: table?.rows.length ?? 0 })}
          </span>
        )}
      </div>
      <MembersGrid
        table={table}
        classes={classes}
        schemeId={scheme?.id}
        totalEditable={table?.method === 'total'}
        onEdit={onEdit}
        onFocusRow={setFocusedCode}
        apiRef={gridApi}
        marks={computed.marks}
        dates={scenario ? undefined : dates}
        quickFilter={find}
        onShownCount={setShownCount}
        linked={linked}
        percentScale={table?.percentScale === true}
      />
      {table?.percentScale && <ScaleSum sum={table.totalUnits} warning={declaredRateWarning(table)} />}
      {table && <DerivationNote table={table} />}
    </>
  );
}

/** R21–R23 under the grid's total: the sum of a percent scale's declared rates, with the warning when it is not 100. */
function ScaleSum({ sum, warning }: { sum: string; warning: string | null }) {
  const t = useT();
  const amount = useAmount();
  return (
    <p
      className={warning ? 'scale-sum notice warning' : 'scale-sum muted'}
      role={warning ? 'status' : undefined}
      data-testid="scale-sum"
    >
      {/* The engine's warning (percentSumWarning), in the user's words: the same figure, exact. */}
      {warning
        ? t('app.scaleSum.warning', { sum: amount(new Decimal(sum).toFixed()) })
        : t('app.scaleSum.sum', { sum: amount(sum) })}
    </p>
  );
}

/** The refusal, shown next to the cell that was typed into (the cell keeps its old value). */
function CellErrorBubble({ error, onClose }: { error: CellError; onClose(): void }) {
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);
  useEffect(() => {
    const sel = `.ag-row[row-id="${CSS.escape(error.rowId)}"] .ag-cell[col-id="${error.colId}"]`;
    const cell = document.querySelector(sel);
    const host = document.querySelector('.table');
    if (!cell || !host) return setPos({ top: 8, left: 8 });
    const c = cell.getBoundingClientRect();
    const h = host.getBoundingClientRect();
    cell.classList.add('cell-refused');
    const above = error.rowId === TOTAL_ROW_ID;
    setPos({ top: above ? c.top - h.top - 44 : c.bottom - h.top + 2, left: Math.max(0, c.left - h.left) });
    return () => cell.classList.remove('cell-refused');
  }, [error]);
  return (
    <div
      className="cell-error bubble"
      role="alert"
      data-testid="cell-error"
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }}
      onClick={onClose}
    >
      {error.message}
    </div>
  );
}

/** A new member: code, name and class (or weight); it joins on 1 January of the year shown. */
export function AddMember() {
  const { run } = useOpenDocument();
  const { adding, setAdding, inLedger, classes, budget, year } = useWorkspace();
  const say = useSay();
  if (!adding || inLedger || !budget) return null;
  return (
    <AddMemberForm
      classes={classes}
      onAdd={(code, name, value) => {
        const o = run((wb) => addMember(wb, { code, name, value, budget: budget.id, year }));
        if (o.ok) setAdding(false);
        return refusal(o, say);
      }}
    />
  );
}

function AddMemberForm({
  classes,
  onAdd,
}: {
  classes: string[] | null;
  onAdd(code: string, name: string, value: string): string | null;
}) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState(classes?.at(-1) ?? '');
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  return (
    <form
      className="add-member"
      onSubmit={(e) => {
        e.preventDefault();
        setError(onAdd(code, name, value));
      }}
    >
      <input
        placeholder={t('members.add.code')}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        size={6}
        autoFocus
      />
      <input placeholder={t('members.add.name')} value={name} onChange={(e) => setName(e.target.value)} />
      {classes ? (
        <select value={value} onChange={(e) => setValue(e.target.value)}>
          {classes.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input
          placeholder={t('members.add.weight')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          size={8}
        />
      )}
      <button type="submit">{t('members.add.submit')}</button>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
