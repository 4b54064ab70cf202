import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useLocale } from '../locale';
import { useWorkspaceIfAny } from '../workspace';

// Issue 14: each view's side panel (the budget or scenario panel beside the contributions, the statement, the
// decisions, the what-if…) can be hidden, per view, remembered in this window's localStorage. With no choice made,
// a view whose grid needs the room starts with its panel hidden when the window is narrower than that.

/**
 * The views that have a side panel: the window width under which it starts hidden (0: never), and its side (the
 * contributions' panels are at the line's start, the ledger views' at its end).
 */
const PANEL_VIEWS: Record<string, { narrow: number; side: 'start' | 'end' }> = {
  'contributions/members': { narrow: 0, side: 'start' },
  'contributions/compare': { narrow: 1500, side: 'start' },
  'contributions/charts': { narrow: 0, side: 'start' },
  payments: { narrow: 0, side: 'end' },
  status: { narrow: 0, side: 'end' },
  wcf: { narrow: 0, side: 'end' },
  advances: { narrow: 0, side: 'end' },
  liquidity: { narrow: 0, side: 'end' },
};

const KEY = 'contrib.layout.panels';

function readChoices(): Record<string, boolean> {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return v && typeof v === 'object' ? (v as Record<string, boolean>) : {};
  } catch {
    return {};
  }
}

/** Where the user is: a page, or a sub-view of the contributions. */
export function useWhere(): string {
  const ws = useWorkspaceIfAny();
  // Outside a workspace (the document before its views, tests of the lifecycle) there is one place.
  if (!ws) return '';
  return ws.page === 'contributions' ? `${ws.page}/${ws.view}` : ws.page;
}

function useWindowWidth(): number {
  const [w, setW] = useState(() => window.innerWidth);
  useEffect(() => {
    const on = () => setW(window.innerWidth);
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return w;
}

/** The side panel of the view shown: whether it has one, whether it is hidden, and the toggle. */
export function useSidePanel(): { has: boolean; collapsed: boolean; toggle(): void; side: 'start' | 'end' } {
  const where = useWhere();
  const width = useWindowWidth();
  const [choices, setChoices] = useState(readChoices);
  const has = where in PANEL_VIEWS;
  const collapsed = has && (choices[where] ?? width < PANEL_VIEWS[where].narrow);
  const toggle = useCallback(() => {
    const next = { ...readChoices(), [where]: !collapsed };
    setChoices(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // A window without storage keeps the choice until it closes.
    }
  }, [where, collapsed]);
  return { has, collapsed, toggle, side: PANEL_VIEWS[where]?.side ?? 'start' };
}

/** The toggle, at the end of the view tabs. */
export function PanelToggle({ panel }: { panel: ReturnType<typeof useSidePanel> }) {
  const t = useT();
  // The icon's filled half is on the panel's side (start or end, mirrored in Arabic and Persian) while it is shown.
  const left = (panel.side === 'start') !== (useLocale().dir === 'rtl');
  if (!panel.has) return null;
  return (
    <button
      className="panel-toggle"
      aria-expanded={!panel.collapsed}
      data-testid="panel-toggle"
      onClick={panel.toggle}
      title={t(panel.collapsed ? 'app.layout.showPanel' : 'app.layout.hidePanel')}
    >
      <span aria-hidden="true">{panel.collapsed !== left ? '◧' : '◨'}</span>{' '}
      {t(panel.collapsed ? 'app.layout.showPanel' : 'app.layout.hidePanel')}
    </button>
  );
}
