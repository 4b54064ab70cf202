import type { GridApi } from 'ag-grid-community';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  addMember,
  EMPTY_HISTORY,
  formatTsv,
  parseAmountInput,
  pasteRows,
  perform,
  redo,
  removeMember,
  renameMember,
  setBudgetYear,
  setClass,
  undo,
  type History,
  type Outcome,
  refusal,
} from '../../shared/edit';
import type { FileRef, MenuCommand, OpenResult } from '../../shared/ipc/contract';
import { classSource, specialUnionArticle } from '../../shared/engine/classes';
import { declaredRateWarning } from '../../shared/export/contribution-table';
import { decimalPlaces } from '../../shared/model/decimal';
import { applyMembersImport, membersImportRows, previewMembersImport, type MembersImportArgs } from '../../shared/edit/import-preview';
import { readMembers } from '../../shared/model/members-csv';
import { MembersImportPreview } from './import/ImportPreview';
import { isSheet, readTable } from './import/readTable';
import { BUILT_IN_SCHEMES } from '../../shared/model/schemes';
import { emptyWorkbook } from '../../shared/model/empty';
import type { Problem, Workbook } from '../../shared/model/types';
import { BACKGROUND_FROM, readWorkbook } from './open/readWorkbook';
import { platform } from '../platform';
import { BudgetPanel } from './BudgetPanel';
import { BudgetManager } from './BudgetManager';
import { ClassChanges } from './ClassChanges';
import { Membership, membershipDates } from './Membership';
import { SchemeEditor } from './SchemeEditor';
import { Shortcuts } from './Shortcuts';
import { WorkbookSettings } from './WorkbookSettings';
import { MembersGrid, TOTAL_ROW_ID, type CellEdit, type GridRow } from './MembersGrid';
import { ComparisonView, type CompareRow } from './scenarios/ComparisonView';
import { ScenarioBar, type View } from './scenarios/ScenarioBar';
import { ScenarioPanel } from './scenarios/ScenarioPanel';
import { scenarioEdit, useShown } from './scenarios/useScenario';
import { displayedCodes, ExportMenu, useExport } from './export/ExportMenu';
import { comparisonSource, membersSource, today, type ExportSource } from './export/exports';
import { LedgerView } from './ledger/LedgerView';
import { ViewTabs, type AppView } from './ledger/ViewTabs';

// AG Charts is loaded when the charts are first shown: the main bundle stays small.
const ChartsView = lazy(() => import('./charts/ChartsView'));
import type { Comparison } from '../../shared/scenario/scenario';

interface Doc {
  workbook: Workbook;
  history: History;
  file: FileRef | null;
  /** The workbook as last saved or opened: dirty = any list differs from it. */
  saved: Workbook;
  /** One per document adopted (new, opened, recovered): the views are keyed by it, so none keeps the previous one's state. */
  generation: number;
}

interface Notice {
  /** 'warning': the file opened and computes, but something deserves a look (workbookWarnings). */
  kind: 'info' | 'warning' | 'error';
  text: string;
  problems?: Problem[];
  /** Long work under way: shown with a spinner and aria-busy. */
  busy?: boolean;
}

interface CellError {
  rowId: string;
  colId: string;
  message: string;
}

const PARTS = ['members', 'participations', 'classChanges', 'budgets', 'schemes', 'settings', 'organization', 'payments', 'votingDecisions', 'wcfDecisions', 'advanceAgreements', 'scenarios'] as const;
const isDirty = (d: Doc) => PARTS.some((k) => d.workbook[k] !== d.saved[k]);
const serialize = (wb: Workbook) => `${JSON.stringify(wb, null, 2)}\n`;

/** Text fields keep their own undo and paste (the grid's cell editor is one). */
function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return t.isContentEditable || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement || (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type));
}

function blankWorkbook(year: number): Workbook {
  return emptyWorkbook({
    schemes: BUILT_IN_SCHEMES.filter((s) => s.id === 'wipo-convention'),
    budgets: [{ id: 'conference', name: 'Conference budget', schemeId: 'wipo-convention', currency: 'CHF', roundingUnit: '0.01', rounding: 'half-up', years: [{ year, method: 'total', amount: '1000000.00', adopted: true }] }],
  });
}

function defaultYear(years: number[]): number {
  const now = new Date().getFullYear();
  return years.includes(now) ? now : years.filter((y) => y <= now).at(-1) ?? years[0] ?? now;
}

export function App() {
  const api = useMemo(() => platform(), []);
  const [doc, setDoc] = useState<Doc | null>(null);
  const docRef = useRef(doc);
  docRef.current = doc;
  const [budgetId, setBudgetId] = useState('');
  const [year, setYear] = useState(new Date().getFullYear());
  const [notice, setNotice] = useState<Notice | null>(null);
  const [cellError, setCellError] = useState<CellError | null>(null);
  const [recent, setRecent] = useState<FileRef[]>([]);
  const [showKeys, setShowKeys] = useState(false);
  const [find, setFind] = useState('');
  const [shownCount, setShownCount] = useState(0);
  const findRef = useRef<HTMLInputElement>(null);
  const [draftOffer, setDraftOffer] = useState<{ text: string; file: FileRef | null; savedAt: string } | null>(null);
  const [focusedCode, setFocusedCode] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const gridApi = useRef<GridApi<GridRow> | null>(null);
  // R14 the scenario shown (null = the baseline) and the view: members grid, comparison or charts.
  const [scenarioId, setScenarioId] = useState<string | null>(null);
  const [view, setView] = useState<View>('members');
  // R15–R20 the page: contributions (the views above) or a ledger view, whose export the Export menu runs.
  const [page, setPage] = useState<AppView>('contributions');
  const ledgerExport = useRef<(() => ExportSource | null) | null>(null);
  const compareApi = useRef<GridApi<CompareRow> | null>(null);
  const comparisons = useRef<Comparison[]>([]);

  const workbook = doc?.workbook;
  const budget = workbook?.budgets.find((b) => b.id === budgetId) ?? workbook?.budgets[0];
  const scheme = budget && workbook?.schemes.find((s) => s.id === budget.schemeId);
  const classes = useMemo(() => (scheme?.kind === 'classes' ? scheme.classes.map((c) => c.code) : null), [scheme]);
  // R11 a special union: its members' class is read from the union it is linked to, in that union's name.
  const allBudgets = workbook?.budgets;
  const linked = useMemo(() => {
    const source = allBudgets && budget && classes ? classSource({ budgets: allBudgets }, budget) : undefined;
    if (!budget || !source) return undefined;
    const tip = `R11: a member of ${budget.name} belongs to the same class as in ${source.name} and pays on the same units (${specialUnionArticle(budget)}). Change its class, or file a class-change notice, in ${source.name}.`;
    return { source: source.name, tip };
  }, [allBudgets, budget, classes]);

  // The engine computes every amount; the renderer only shows them (R3). A scenario is never the baseline (R14).
  const scenario = workbook?.scenarios.find((s) => s.id === scenarioId) ?? null;
  const computed = useShown(workbook, budget, year, scenario);
  const table = computed.table;

  // R8/R12 dates of accession and leaving for the rows' notes (recomputed only when participations change).
  const participations = workbook?.participations;
  const budgetKey = budget?.id;
  const dates = useMemo(() => (participations && budgetKey ? membershipDates(participations, budgetKey) : undefined), [participations, budgetKey]);

  const years = useMemo(() => {
    if (!budget) return [];
    const ys = budget.years.map((y) => y.year);
    const out: number[] = [];
    for (let y = Math.min(...ys); y <= Math.max(...ys) + 1; y++) out.push(y);
    return out;
  }, [budget]);

  const adopt = useCallback(
    (wb: Workbook, file: FileRef | null, saved: Workbook = wb) => {
      setDoc({ workbook: wb, history: EMPTY_HISTORY, file, saved, generation: (docRef.current?.generation ?? 0) + 1 });
      const b = wb.budgets[0];
      setBudgetId(b?.id ?? '');
      if (b) setYear(defaultYear(b.years.map((y) => y.year)));
      setCellError(null);
      // Nothing of the previous document stays selected: its member, scenario, comparison or chart, find, open form.
      setFocusedCode(null);
      setScenarioId(null);
      setView('members');
      setFind('');
      setAdding(false);
    },
    [],
  );

  const loading = useRef(0);
  /** A file that fails to load is reported and never adopted, so it is never overwritten by Save. */
  const load = useCallback(
    async (r: OpenResult) => {
      if (!r.ok) {
        if (!('cancelled' in r)) setNotice({ kind: 'error', text: r.message });
        return;
      }
      // A large file is checked in the background (progress shown); a later open supersedes this one.
      const ticket = ++loading.current;
      const size = r.opened.text.length;
      if (size >= BACKGROUND_FROM) setNotice({ kind: 'info', text: `Opening ${r.opened.file.name} (${(size / 1e6).toFixed(1)} MB): checking every figure…`, busy: true });
      const parsed = await readWorkbook(r.opened.text);
      if (ticket !== loading.current) return;
      if (!parsed.workbook) {
        setNotice({
          kind: 'error',
          text: `${r.opened.file.name} could not be opened; it was left as it is.`,
          problems: parsed.problems.map((p, i) => ({ path: parsed.lines[i] ? `line ${parsed.lines[i]}` : p.path, message: p.message })),
        });
        return;
      }
      adopt(parsed.workbook, r.opened.file);
      setNotice(openedNotice(`Opened ${r.opened.file.name}`, parsed.warnings));
      void api.recentFiles().then(setRecent);
    },
    [adopt, api],
  );

  /** Runs a command on the current workbook and records it on our undo stack. */
  const run = useCallback((command: (wb: Workbook) => Outcome): Outcome => {
    const d = docRef.current;
    if (!d) return { ok: false, problems: [{ path: '', message: 'no workbook is open' }] };
    const r = perform(d.workbook, d.history, command);
    if (r.outcome.ok) {
      const next = { ...d, workbook: r.workbook, history: r.history };
      docRef.current = next;
      setDoc(next);
      setCellError(null);
      const skipped = r.outcome.problems;
      setNotice(skipped.length ? { kind: 'error', text: `${r.outcome.label}; ${skipped.length} skipped:`, problems: skipped } : { kind: 'info', text: r.outcome.label });
    }
    return r.outcome;
  }, []);

  /** A budget just created or left after a removal: show it, in the year given. */
  const selectBudget = useCallback((id: string, y?: number) => {
    setBudgetId(id);
    if (y !== undefined) setYear(y);
  }, []);

  const step = useCallback((dir: 'undo' | 'redo') => {
    const d = docRef.current;
    if (!d) return;
    const m = dir === 'undo' ? undo(d.workbook, d.history) : redo(d.workbook, d.history);
    if (!m) return;
    const next = { ...d, workbook: m.workbook, history: m.history };
    docRef.current = next;
    setDoc(next);
    setCellError(null);
    setNotice({ kind: 'info', text: `${dir === 'undo' ? 'Undid' : 'Redid'}: ${m.label}` });
  }, []);

  /** Both saves say whether the file was written (closing after "Save" waits for that). */
  const saveAs = useCallback(async (): Promise<boolean> => {
    const d = docRef.current;
    if (!d) return false;
    const r = await api.saveAs(d.file?.name ?? 'workbook.json', serialize(d.workbook));
    if (r.ok) {
      setDoc((cur) => (cur ? { ...cur, file: r.file, saved: d.workbook } : cur));
      setNotice({ kind: 'info', text: `Saved ${r.file.name}` });
      void api.clearAutosave();
      void api.recentFiles().then(setRecent);
    } else if (!('cancelled' in r)) setNotice({ kind: 'error', text: r.message });
    return r.ok;
  }, [api]);

  const save = useCallback(async (): Promise<boolean> => {
    const d = docRef.current;
    if (!d) return false;
    if (!d.file) return saveAs();
    const r = await api.save(d.file, serialize(d.workbook));
    if (r.ok) {
      setDoc((cur) => (cur ? { ...cur, file: r.file, saved: d.workbook } : cur));
      setNotice({ kind: 'info', text: `Saved ${r.file.name}` });
      void api.clearAutosave();
      void api.recentFiles().then(setRecent);
    } else setNotice({ kind: 'error', text: r.message });
    return r.ok;
  }, [api, saveAs]);

  // Export writes what the user sees: budget, year, scenario or comparison, in the grid's sort and filter order.
  const exportSource = useCallback(() => {
    if (!workbook) return null;
    if (page !== 'contributions') return ledgerExport.current?.() ?? null;
    const ctx = { organization: workbook.organization.name, produced: today(), scenario: scenario?.name };
    if (view === 'compare') return comparisons.current.length ? comparisonSource(comparisons.current, displayedCodes(compareApi.current), ctx) : null;
    return table ? membersSource(table, displayedCodes(gridApi.current), ctx) : null;
  }, [workbook, scenario, view, table, page]);
  const runExport = useExport(api, exportSource, useCallback((kind: 'info' | 'error', text: string, busy?: boolean) => setNotice({ kind, text, busy }), []));

  const menu = useCallback(
    (c: MenuCommand) => {
      if (typeof c === 'object') return void api.openRecent(c.openRecent).then(load);
      const active = document.activeElement;
      switch (c) {
        case 'new':
          adopt(blankWorkbook(new Date().getFullYear()), null);
          return setNotice({ kind: 'info', text: 'New workbook: paste members from a spreadsheet or add them.' });
        case 'open':
          return void api.open().then(load);
        case 'save':
          return void save();
        case 'saveAs':
          return void saveAs();
        case 'saveAndClose':
          // Closing with unsaved changes, the user chose "Save": the shell closes the window once it is written.
          return void save().then(
            (saved) => api.closeAfterSave(saved),
            () => api.closeAfterSave(false),
          );
        case 'export':
          return void runExport('csv');
        case 'exportXlsx':
          return void runExport('xlsx');
        case 'exportPdf':
          return void runExport('pdf');
        case 'undo':
        case 'redo':
          // A text field being edited keeps its own undo.
          if (isTextField(active)) return void document.execCommand(c);
          return step(c);
        case 'shortcuts':
          return setShowKeys(true);
        case 'about':
          return setNotice({ kind: 'info', text: 'Contribution Calculator: exact assessed contributions (R1–R14).' });
      }
    },
    [adopt, api, runExport, load, save, saveAs, step],
  );

  // Start: offer a draft left by a session that did not close cleanly, else open the bundled example.
  useEffect(() => {
    void (async () => {
      setRecent(await api.recentFiles());
      const draft = await api.recover();
      if (draft) setDraftOffer(draft);
      load(await api.openExample());
    })();
  }, [api, load]);

  useEffect(() => api.onMenu(menu), [api, menu]);

  // Title with the file name and the unsaved mark; the shell asks before closing when dirty.
  const dirty = doc ? isDirty(doc) : false;
  useEffect(() => {
    if (doc) api.setDocumentState({ name: doc.file?.name ?? 'Untitled', dirty });
  }, [api, doc, dirty]);

  // Autosave a draft of unsaved work (debounced) so a crash can be recovered.
  useEffect(() => {
    if (!doc || !dirty) return;
    // Compact JSON: this runs on the window's thread, and indenting doubles it (27 MB workbook: 320 ms against 180 ms).
    const t = setTimeout(() => void api.autosave({ text: JSON.stringify(doc.workbook), file: doc.file, savedAt: new Date().toISOString() }), 1000);
    return () => clearTimeout(t);
  }, [api, doc, dirty]);

  useEffect(() => {
    // Browser mode: unsaved changes make the browser ask before leaving (its own words; that is all a page may do).
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (api.kind === 'browser' && docRef.current && isDirty(docRef.current)) {
        e.preventDefault();
        e.returnValue = ''; // older Chromium and Safari ask only when returnValue is set
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => window.removeEventListener('beforeunload', beforeUnload);
  }, [api]);

  // Shortcuts. In Electron the native menu owns them and sends menu commands; in a browser we catch them here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) {
        if (e.key === 'Escape') setCellError(null);
        // F1: the shortcuts (in Electron the Help menu's accelerator sends it).
        if (e.key === 'F1' && api.kind !== 'electron') {
          e.preventDefault();
          setShowKeys(true);
        }
        return;
      }
      const k = e.key.toLowerCase();
      // Ctrl+F finds a member (both modes: Electron has no find, and the browser's cannot see rows the grid has not drawn).
      if (k === 'f' && !e.shiftKey && findRef.current) {
        e.preventDefault();
        findRef.current.focus();
        findRef.current.select();
        return;
      }
      if (api.kind === 'electron') return;
      if ((k === 'z' || k === 'y') && isTextField(e.target)) return; // the field's own undo
      const action =
        k === 'z' && !e.shiftKey ? () => step('undo')
        : (k === 'z' && e.shiftKey) || k === 'y' ? () => step('redo')
        : k === 's' ? () => void (e.shiftKey ? saveAs() : save())
        : k === 'o' ? () => void api.open().then(load)
        // Ctrl+P prints the table shown in its print layout (title block, repeated header), not the app's page.
        : k === 'p' ? () => void runExport('pdf')
        : null;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [api, load, save, saveAs, step, runExport]);

  // Paste rows copied from a spreadsheet: one undoable command that adds or updates members.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || !budget || page !== 'contributions') return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      if (scenario) return setNotice({ kind: 'error', text: 'Rows are pasted into the baseline: choose “Baseline” first (a scenario never changes it, R14).' });
      const o = run((wb) => pasteRows(wb, { budget: budget.id, year, text }));
      if (!o.ok) setNotice({ kind: 'error', text: 'Nothing was pasted:', problems: o.problems });
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTextField(e.target) || !table || !focusedCode) return;
      const r = table.rows.find((x) => x.code === focusedCode);
      if (!r) return;
      e.preventDefault();
      e.clipboardData?.setData('text/plain', formatTsv([[r.code, r.name, r.class ?? r.units, r.units, r.percent, r.amount]]));
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [budget, year, run, table, focusedCode, scenario, page]);

  /** R25 members from a CSV, TSV or XLSX file (its first sheet): previewed, then applied whole as one undoable step. */
  const [memberImport, setMemberImport] = useState<{ file: string; where: string; what: 'class' | 'weight'; notices: string[]; args: MembersImportArgs } | null>(null);
  const memberPreview = useMemo(() => (memberImport && workbook ? previewMembersImport(workbook, memberImport.args) : null), [memberImport, workbook]);
  const importCsv = useCallback(
    async (file: File) => {
      if (!budget) return;
      let table;
      try {
        table = await readTable(file, { comments: true });
      } catch (e) {
        return setNotice({ kind: 'error', text: `${file.name} could not be read as ${isSheet(file.name) ? 'an Excel workbook' : 'text'}: ${(e as Error).message}` });
      }
      const what = classes ? 'class' : 'weight';
      const read = readMembers(table, what);
      setMemberImport({ file: file.name, where: `${budget.name}, ${year}`, what, notices: read.notices, args: { budget: budget.id, year, ...membersImportRows(read) } });
    },
    [budget, classes, year],
  );
  const applyMemberImport = useCallback(() => {
    if (!memberImport) return;
    const o = run((wb) => applyMembersImport(wb, memberImport.args));
    setMemberImport(null);
    if (!o.ok) setNotice({ kind: 'error', text: `Nothing was imported from ${memberImport.file}:`, problems: o.problems });
  }, [memberImport, run]);

  const onEdit = useCallback(
    (edit: CellEdit) => {
      if (!budget || !table) return;
      let o: Outcome | null = null;
      if (scenario) o = scenarioEdit(edit, { scenario, budget, year, shown: computed, run });
      else if (edit.pinned && edit.colId === 'amount') {
        // The total row edits the budget's figure; =+500 / =-500 adjust it exactly (R3, R4).
        const p = parseAmountInput(edit.value, table.level, { places: decimalPlaces(budget.roundingUnit), what: 'The total' });
        o = p.ok ? (p.value === table.level ? null : run((wb) => setBudgetYear(wb, { budget: budget.id, year, amount: p.value, adopted: true }))) : { ok: false, problems: [{ path: 'amount', message: p.message }] };
      } else if (edit.colId === 'class' || edit.colId === 'units') {
        const current = table.rows.find((r) => r.code === edit.rowId);
        if (current && (edit.value === current.class || (edit.colId === 'units' && edit.value === current.units))) return;
        o = run((wb) => setClass(wb, { budget: budget.id, member: edit.rowId, year, value: edit.value }));
      } else if (edit.colId === 'name') {
        o = run((wb) => renameMember(wb, edit.rowId, edit.value));
      }
      if (o && !o.ok) {
        setCellError({ rowId: edit.rowId, colId: edit.colId, message: o.problems.map((p) => p.message).join('; ') });
      }
    },
    [budget, table, year, run, scenario, computed],
  );

  // The ledger views have their own date and budget choices: the contributions' pickers and member actions rest
  // disabled there (the toolbar keeps its layout).
  const inLedger = page !== 'contributions';
  const notHere = inLedger ? 'Used by the Contributions view' : undefined;

  if (!doc || !budget) {
    return <main className="app loading">{notice ? <NoticeBar notice={notice} /> : 'Opening the example workbook…'}</main>;
  }

  return (
    <main className="app">
      <header className="toolbar" role="toolbar">
        <strong className="title" data-testid="doc-title">
          {dirty ? '● ' : ''}
          {doc.file?.name ?? 'Untitled'}
        </strong>
        <button onClick={() => menu('new')}>New</button>
        <button onClick={() => menu('open')} data-testid="open">
          Open…
        </button>
        <button onClick={() => void api.openExample().then(load)}>Example</button>
        {recent.length > 0 && (
          <select aria-label="Open recent" value="" onChange={(e) => e.target.value && menu({ openRecent: e.target.value })}>
            <option value="">Recent…</option>
            {recent.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        )}
        <button onClick={() => menu('save')} data-testid="save">
          Save
        </button>
        <button onClick={() => menu('saveAs')}>Save as…</button>
        <ExportMenu onExport={(kind) => void runExport(kind)} />
        <span className="sep" />
        <button onClick={() => step('undo')} disabled={doc.history.undo.length === 0} title={doc.history.undo.at(-1)?.label} data-testid="undo">
          Undo
        </button>
        <button onClick={() => step('redo')} disabled={doc.history.redo.length === 0} title={doc.history.redo.at(-1)?.label} data-testid="redo">
          Redo
        </button>
        <span className="sep" />
        <label>
          Budget{' '}
          <select
            data-testid="budget-select"
            value={budget.id}
            disabled={inLedger}
            title={notHere}
            onChange={(e) => {
              setBudgetId(e.target.value);
              // A budget that starts later (or ends earlier) than the year shown: show one of its own years.
              const ys = doc.workbook.budgets.find((b) => b.id === e.target.value)?.years.map((y) => y.year) ?? [];
              if (ys.length > 0 && (year < Math.min(...ys) || year > Math.max(...ys) + 1)) setYear(defaultYear(ys));
            }}
          >
            {doc.workbook.budgets.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Year{' '}
          <select data-testid="year-select" value={year} disabled={inLedger} title={notHere} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <span className="sep" />
        <button onClick={() => setAdding((a) => !a)} disabled={Boolean(scenario) || inLedger} title={notHere} data-testid="add-member">
          Add member
        </button>
        <label className={scenario || inLedger ? 'button disabled' : 'button'} title={notHere} data-testid="import-button">
          Import CSV/XLSX…
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            disabled={Boolean(scenario) || inLedger}
            data-testid="import-csv"
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void importCsv(f);
            }}
          />
        </label>
        <button
          disabled={!focusedCode || Boolean(scenario) || inLedger}
          title={notHere}
          data-testid="remove-member"
          onClick={() => {
            const code = focusedCode;
            if (code) {
              const o = run((wb) => removeMember(wb, code));
              if (!o.ok) setNotice({ kind: 'error', text: o.problems[0].message });
            }
          }}
        >
          Remove {focusedCode ?? 'member'}
        </button>
        <span className="sep" />
        <button onClick={() => setShowKeys(true)} title="Keyboard shortcuts (F1)" aria-label="Keyboard shortcuts" data-testid="shortcuts-open">
          ?
        </button>
      </header>
      {showKeys && <Shortcuts desktop={api.kind === 'electron'} onClose={() => setShowKeys(false)} />}
      {memberImport && memberPreview && (
        <MembersImportPreview
          {...memberImport}
          preview={memberPreview}
          keepNames={memberImport.args.keepNames === true}
          onKeepNames={(keepNames) => setMemberImport({ ...memberImport, args: { ...memberImport.args, keepNames } })}
          onApply={applyMemberImport}
          onCancel={() => setMemberImport(null)}
        />
      )}
      <ViewTabs view={page} onView={setPage} />
      {draftOffer && (
        <div className="notice info" role="status" data-testid="recover">
          Unsaved work from {new Date(draftOffer.savedAt).toLocaleString()} ({draftOffer.file?.name ?? 'Untitled'}) was kept.{' '}
          <button
            data-testid="recover-draft"
            onClick={async () => {
              const offer = draftOffer;
              setDraftOffer(null);
              setNotice({ kind: 'info', text: 'Recovering unsaved work…', busy: true });
              const parsed = await readWorkbook(offer.text);
              if (parsed.workbook) {
                const saved = docRef.current?.workbook ?? parsed.workbook;
                adopt(parsed.workbook, offer.file, saved === parsed.workbook ? blankWorkbook(year) : saved);
                setNotice(openedNotice(`Recovered unsaved work on ${offer.file?.name ?? 'Untitled'}: save it to keep it`, parsed.warnings));
              } else {
                // Left in storage: nothing is deleted because it could not be read here.
                setNotice({ kind: 'error', text: 'The kept draft could not be read; it was left as it is.', problems: parsed.problems });
              }
            }}
          >
            Recover
          </button>{' '}
          <button
            onClick={() => {
              setDraftOffer(null);
              void api.clearAutosave();
            }}
          >
            Discard
          </button>
        </div>
      )}
      {adding && !inLedger && (
        <AddMemberForm
          classes={classes}
          onAdd={(code, name, value) => {
            const o = run((wb) => addMember(wb, { code, name, value, budget: budget.id, year }));
            if (o.ok) setAdding(false);
            return refusal(o);
          }}
        />
      )}
      {page === 'contributions' && <ScenarioBar
        key={`scenarios-${doc.generation}`}
        scenarios={doc.workbook.scenarios}
        selected={scenario}
        onSelect={setScenarioId}
        view={view}
        onView={setView}
        run={run}
        onProblem={(text) => setNotice({ kind: 'error', text })}
      />}
      {notice && <NoticeBar notice={notice} onClose={() => setNotice(null)} />}
      {page !== 'contributions' ? (
        <LedgerView key={`ledger-${doc.generation}`} view={page} workbook={doc.workbook} run={run} exportRef={ledgerExport} notify={(kind, text, problems) => setNotice({ kind, text, problems })} />
      ) : (
      <div className="body" key={`body-${doc.generation}`}>
        <aside className="side">
          {scenario ? (
            <ScenarioPanel scenario={scenario} budget={budget} year={year} comparison={computed.comparison} scheme={scheme} run={run} onApplied={() => setScenarioId(null)} />
          ) : (
            <>
              <BudgetPanel budget={budget} year={year} table={table} run={run} />
              <BudgetManager workbook={doc.workbook} budget={budget} year={year} run={run} onSelect={selectBudget} />
              <WorkbookSettings workbook={doc.workbook} run={run} />
              <Membership workbook={doc.workbook} budget={budget} year={year} table={table} member={focusedCode} run={run} />
              <ClassChanges workbook={doc.workbook} budget={budget} classes={classes} member={focusedCode} run={run} />
              {scheme && <SchemeEditor scheme={scheme} run={run} />}
            </>
          )}
        </aside>
        <section className={scenario ? 'table in-scenario' : 'table'}>
          {computed.error && !doc.workbook.participations.some((p) => p.budget === budget.id) ? (
            // A budget nobody takes part in yet (a new workbook): what to do, not an error.
            <p className="notice info" data-testid="no-members">
              No members in {budget.name} yet: paste rows copied from a spreadsheet, import a file or add a member.
            </p>
          ) : computed.error ? (
            <p className="notice error" data-testid="engine-error">
              {computed.error}
            </p>
          ) : null}
          {view === 'charts' && table ? (
            <Suspense fallback={<p className="muted">Loading charts…</p>}>
              <ChartsView table={table} comparison={computed.comparison} scenarioName={scenario?.name ?? null} />
            </Suspense>
          ) : view === 'compare' && computed.base ? (
            <ComparisonView
              workbook={doc.workbook}
              budget={budget}
              year={year}
              base={computed.base}
              scenarios={doc.workbook.scenarios}
              primary={scenario}
              apiRef={compareApi}
              comparisonsRef={comparisons}
            />
          ) : (
            <>
              <div className="find-bar">
                <input
                  ref={findRef}
                  type="search"
                  placeholder={`Find a member (${api.kind === 'electron' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl'}+F)`}
                  aria-label="Find a member by code, name or class"
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
                    {shownCount} of {table?.rows.length ?? 0} members shown; the total is the whole budget’s
                  </span>
                )}
              </div>
              <MembersGrid
                table={table}
                classes={classes}
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
            </>
          )}
          {cellError && <CellErrorBubble error={cellError} onClose={() => setCellError(null)} />}
        </section>
      </div>
      )}
    </main>
  );
}

/** R21–R23 under the grid's total: the sum of a percent scale's declared rates, with the warning when it is not 100. */
function ScaleSum({ sum, warning }: { sum: string; warning: string | null }) {
  return (
    <p className={warning ? 'scale-sum notice warning' : 'scale-sum muted'} role={warning ? 'status' : undefined} data-testid="scale-sum">
      {warning ? `Warning: ${warning}` : `The declared rates sum to ${sum} %.`}
    </p>
  );
}

/** What opening a file says: with its warnings, if any, listed in a notice that blocks nothing. */
function openedNotice(text: string, warnings: readonly Problem[]): Notice {
  if (warnings.length === 0) return { kind: 'info', text };
  const n = warnings.length;
  return { kind: 'warning', text: `${text}, with ${n} warning${n === 1 ? '' : 's'} (it opened and computes):`, problems: warnings.map((w) => ({ path: '', message: w.message })) };
}

function NoticeBar({ notice, onClose }: { notice: Notice; onClose?: () => void }) {
  return (
    <div className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'} aria-busy={notice.busy ?? false} data-testid="notice">
      {notice.busy && <span className="spinner" aria-hidden="true" />}
      <span>{notice.text}</span>
      {notice.problems && (
        <ul>
          {notice.problems.slice(0, 20).map((p, i) => (
            <li key={i}>{p.message.startsWith(p.path) || !p.path ? p.message : `${p.path}: ${p.message}`}</li>
          ))}
          {notice.problems.length > 20 && <li>…and {notice.problems.length - 20} more</li>}
        </ul>
      )}
      {onClose && (
        <button className="close" aria-label="Dismiss" onClick={onClose}>
          ×
        </button>
      )}
    </div>
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
    <div className="cell-error bubble" role="alert" data-testid="cell-error" style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }} onClick={onClose}>
      {error.message}
    </div>
  );
}

function AddMemberForm({ classes, onAdd }: { classes: string[] | null; onAdd(code: string, name: string, value: string): string | null }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [value, setValue] = useState(classes?.at(-1) ?? '');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="add-member"
      onSubmit={(e) => {
        e.preventDefault();
        setError(onAdd(code, name, value));
      }}
    >
      <input placeholder="Code" value={code} onChange={(e) => setCode(e.target.value)} size={6} autoFocus />
      <input placeholder="Name" value={name} onChange={(e) => setName(e.target.value)} />
      {classes ? (
        <select value={value} onChange={(e) => setValue(e.target.value)}>
          {classes.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </select>
      ) : (
        <input placeholder="Weight" value={value} onChange={(e) => setValue(e.target.value)} size={8} />
      )}
      <button type="submit">Add (joins 1 January, R12)</button>
      {error && (
        <span className="cell-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
