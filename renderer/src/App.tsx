import { useCallback, useRef, useState, type ReactNode } from 'react';
import { AddMember, ContributionsView } from './ContributionsView';
import { DocumentProvider, useDocument, useOpenDocument } from './document/DocumentProvider';
import { DocumentNotice, NoticeBar, RecoverOffer } from './document/Notices';
import { useT } from './i18n';
import { PanelToggle, useSidePanel } from './layout/panels';
import { LedgerView } from './ledger/LedgerView';
import { ViewTabs, type AppView } from './ledger/ViewTabs';
import { ScenarioBar } from './scenarios/ScenarioBar';
import { Shortcuts } from './Shortcuts';
import { Toolbar } from './Toolbar';
import { useClipboard } from './useClipboard';
import { useCommands } from './useCommands';
import { useWorkspace, WorkspaceProvider } from './workspace';

// Layout only: the document lives in the DocumentProvider's store (document/), what the user looks at in the
// workspace (workspace.tsx); the views read both and dispatch commands through the store's `run`.

export function App() {
  return (
    <DocumentProvider>
      <Layout />
    </DocumentProvider>
  );
}

function Layout() {
  const { api, doc, notice } = useDocument();
  const t = useT();
  const [showKeys, setShowKeys] = useState(false);
  const openKeys = useCallback(() => setShowKeys(true), []);
  const findRef = useRef<HTMLInputElement>(null);
  const menu = useCommands(openKeys, findRef);
  // R15–R20 the page: contributions or a ledger view (kept when another document opens).
  const [page, setPage] = useState<AppView>('contributions');

  if (!doc || doc.workbook.budgets.length === 0) {
    return <main className="app loading">{notice ? <NoticeBar notice={notice} /> : t('app.loading')}</main>;
  }
  return (
    // Keyed by the document: nothing of the previous one stays selected (member, scenario, comparison, find, open form).
    <WorkspaceProvider key={doc.generation} workbook={doc.workbook} page={page} setPage={setPage} findRef={findRef}>
      <Screen page={page} setPage={setPage}>
        <Clipboard />
        <Toolbar menu={menu} showKeys={openKeys} />
        {showKeys && <Shortcuts desktop={api.kind === 'electron'} onClose={() => setShowKeys(false)} />}
      </Screen>
    </WorkspaceProvider>
  );
}

/** The page under the toolbar: the view tabs (with the side panel's toggle), notices and the view. */
function Screen({ page, setPage, children }: { page: AppView; setPage(p: AppView): void; children: ReactNode }) {
  const panel = useSidePanel();
  return (
    <main className="app" data-panel={panel.collapsed ? 'collapsed' : 'shown'}>
      {children}
      <ViewTabs view={page} onView={setPage} end={<PanelToggle panel={panel} />} />
      <RecoverOffer />
      <AddMember />
      {page === 'contributions' && <Scenarios />}
      <DocumentNotice />
      {page !== 'contributions' ? <LedgerView view={page} /> : <ContributionsView />}
    </main>
  );
}

/** Paste and copy on the page (a component so it lives inside the workspace). */
function Clipboard() {
  useClipboard();
  return null;
}

/** R14 the scenario bar: baseline or a scenario, and the members grid, the comparison or the charts. */
function Scenarios() {
  const { doc, notify } = useOpenDocument();
  const { scenario, setScenarioId, view, setView } = useWorkspace();
  return (
    <ScenarioBar
      scenarios={doc.workbook.scenarios}
      selected={scenario}
      onSelect={setScenarioId}
      view={view}
      onView={setView}
      onProblem={(text) => notify({ kind: 'error', text })}
    />
  );
}
