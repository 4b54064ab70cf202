import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useLocale } from '../locale';
import { useWorkspace } from '../workspace';

// Issue 14: each view's side panel (the budget or scenario panel beside the contributions, the statement, the
// decisions, the what-if…) can be hidden, per view, remembered in this window's localStorage. With no choice made,
// a view whose grid needs the room starts with its panel hidden when the window is narrower than that.

/** The views that have a side panel, and the window width under which it starts hidden (0: never). */
const PANEL_VIEWS: Record<string, number> = {
  'contributions/members': 0,
  'contributions/compare': 1500,
  'contributions/charts': 0,
  payments: 0,
  status: 0,
  wcf: 0,
  advances: 0,
  liquidity: 0,
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
  const { page, view } = useWorkspace();
  return page === 'contributions' ? `${page}/${view}` : page;
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
export function useSidePanel(): { has: boolean; collapsed: boolean; toggle(): void } {
  const where = useWhere();
  const width = useWindowWidth();
  const [choices, setChoices] = useState(readChoices);
  const has = where in PANEL_VIEWS;
  const collapsed = has && (choices[where] ?? width < PANEL_VIEWS[where]);
  const toggle = useCallback(() => {
    const next = { ...readChoices(), [where]: !collapsed };
    setChoices(next);
    try {
      localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // A window without storage keeps the choice until it closes.
    }
  }, [where, collapsed]);
  return { has, collapsed, toggle };
}

/** The toggle, at the end of the view tabs. */
export function PanelToggle({ panel }: { panel: ReturnType<typeof useSidePanel> }) {
  const t = useT();
  // The side panel is on the left, on the right in Arabic and Persian: the icon's filled half is where it is.
  const rtl = useLocale().dir === 'rtl';
  if (!panel.has) return null;
  return (
    <button
      className="panel-toggle"
      aria-expanded={!panel.collapsed}
      data-testid="panel-toggle"
      onClick={panel.toggle}
      title={t(panel.collapsed ? 'app.layout.showPanel' : 'app.layout.hidePanel')}
    >
      <span aria-hidden="true">{panel.collapsed !== rtl ? '◨' : '◧'}</span>{' '}
      {t(panel.collapsed ? 'app.layout.showPanel' : 'app.layout.hidePanel')}
    </button>
  );
}
