import type { GridApi } from 'ag-grid-community';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { classSource } from '../../shared/engine/classes';
import type { Budget } from '../../shared/model/types';
import { useT, type T } from './i18n';
import type { Workbook } from '../../shared/model/types';
import type { GridRow } from './MembersGrid';
import { membershipDates } from './Membership';
import type { AppView } from './ledger/ViewTabs';
import type { View } from './scenarios/ScenarioBar';
import { useShown } from './scenarios/useScenario';

// What the user is looking at in a document (budget, year, scenario, view, the member focused, the find): not part of
// the document, so not in its store. Mounted per document (keyed by its generation), so none of it outlives it.

/** R11 the article that links a special union's classes to the Paris Union's (shared/model specialUnionArticle), in words. */
export function unionArticle(t: T, budget: Pick<Budget, 'id' | 'name'>): string {
  return t(
    /locarno/i.test(budget.name) || budget.id === 'locarno' ? 'app.linked.articleLocarno' : 'app.linked.articleOther',
  );
}

export function defaultYear(years: number[]): number {
  const now = new Date().getFullYear();
  return years.includes(now) ? now : (years.filter((y) => y <= now).at(-1) ?? years[0] ?? now);
}

function useWorkspaceState(
  workbook: Workbook,
  page: AppView,
  setPage: (p: AppView) => void,
  findRef: React.RefObject<HTMLInputElement | null>,
) {
  const [budgetId, setBudgetId] = useState(() => workbook.budgets[0]?.id ?? '');
  const [year, setYear] = useState(() => {
    const b = workbook.budgets[0];
    return b ? defaultYear(b.years.map((y) => y.year)) : new Date().getFullYear();
  });
  // R14 the scenario shown (null = the baseline) and the view: members grid, comparison or charts.
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [view, setView] = useState<View>('members');
  const [focusedCode, setFocusedCode] = useState<string | null>(null);
  const [find, setFind] = useState('');
  const [adding, setAdding] = useState(false);
  const gridApi = useRef<GridApi<GridRow> | null>(null);
  const t = useT();

  const budget = workbook.budgets.find((b) => b.id === budgetId) ?? workbook.budgets[0];
  const scheme = budget && workbook.schemes.find((s) => s.id === budget.schemeId);
  const classes = useMemo(() => (scheme?.kind === 'classes' ? scheme.classes.map((c) => c.code) : null), [scheme]);
  // R11 a special union: its members' class is read from the union it is linked to, in that union's name.
  const allBudgets = workbook.budgets;
  const linked = useMemo(() => {
    const source = budget && classes ? classSource({ budgets: allBudgets }, budget) : undefined;
    if (!budget || !source) return undefined;
    const tip = t('app.linked.tip', { budget: budget.name, source: source.name, article: unionArticle(t, budget) });
    return { source: source.name, tip };
  }, [allBudgets, budget, classes, t]);

  // The engine computes every amount; the renderer only shows them (R3). A scenario is never the baseline (R14).
  const scenario = workbook.scenarios.find((s) => s.id === scenarioId) ?? null;
  const computed = useShown(workbook, budget, year, scenario);

  // R8/R12 dates of accession and leaving for the rows' notes (recomputed only when participations change).
  const participations = workbook.participations;
  const budgetKey = budget?.id;
  const dates = useMemo(
    () => (budgetKey ? membershipDates(participations, budgetKey) : undefined),
    [participations, budgetKey],
  );

  const years = useMemo(() => {
    if (!budget) return [];
    const ys = budget.years.map((y) => y.year);
    const out: number[] = [];
    for (let y = Math.min(...ys); y <= Math.max(...ys) + 1; y++) out.push(y);
    return out;
  }, [budget]);

  /** A budget just created or left after a removal: show it, in the year given. */
  const selectBudget = useCallback((id: string, y?: number) => {
    setBudgetId(id);
    if (y !== undefined) setYear(y);
  }, []);

  // The ledger views have their own date and budget choices: the contributions' pickers and member actions rest
  // disabled there (the toolbar keeps its layout).
  const inLedger = page !== 'contributions' && page !== 'liquidity' && page !== 'scales'; // R24 Liquidity, R21 Scales read the toolbar's budget and year
  return {
    budget,
    scheme,
    classes,
    linked,
    scenario,
    computed,
    table: computed.table,
    dates,
    years,
    year,
    setYear,
    selectBudget,
    setScenarioId,
    view,
    setView,
    focusedCode,
    setFocusedCode,
    find,
    setFind,
    findRef,
    adding,
    setAdding,
    gridApi,
    page,
    setPage,
    inLedger,
    notHere: inLedger ? t('app.notHere') : undefined,
  };
}

export type Workspace = ReturnType<typeof useWorkspaceState>;
const WorkspaceContext = createContext<Workspace | null>(null);

interface Props {
  workbook: Workbook;
  page: AppView;
  setPage(p: AppView): void;
  /** The find field, which Ctrl+F focuses (the shortcuts outlive a document). */
  findRef: React.RefObject<HTMLInputElement | null>;
  children: ReactNode;
}

export function WorkspaceProvider({ workbook, page, setPage, findRef, children }: Props) {
  const ws = useWorkspaceState(workbook, page, setPage, findRef);
  return <WorkspaceContext.Provider value={ws}>{children}</WorkspaceContext.Provider>;
}

/** The workspace, or null outside one (the document's own notices and tests render without it). */
export function useWorkspaceIfAny(): Workspace | null {
  return useContext(WorkspaceContext);
}

export function useWorkspace(): Workspace {
  const w = useContext(WorkspaceContext);
  if (!w) throw new Error('useWorkspace() outside a WorkspaceProvider');
  return w;
}
