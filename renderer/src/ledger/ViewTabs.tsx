import { useEffect, type ReactNode } from 'react';
import { useT } from '../i18n';

// The app's views, reachable by keyboard: Alt+1…7 from anywhere (Ctrl+1…7 too where the browser leaves it to the
// page), arrow keys along the tab list.

export const VIEWS = [
  { id: 'contributions', label: 'ledger.views.contributions' },
  { id: 'payments', label: 'ledger.views.payments' },
  { id: 'status', label: 'ledger.views.status' },
  { id: 'wcf', label: 'ledger.views.wcf' },
  { id: 'advances', label: 'ledger.views.advances' },
  { id: 'liquidity', label: 'liquidity.tab' },
  { id: 'scales', label: 'scales.tab' },
] as const;

export type AppView = (typeof VIEWS)[number]['id'];
export type LedgerViewId = Exclude<AppView, 'contributions'>;

/** `end`: what sits at the end of the tabs' row (the side panel's toggle). */
export function ViewTabs({ view, onView, end }: { view: AppView; onView(v: AppView): void; end?: ReactNode }) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey || e.ctrlKey) || e.shiftKey || e.metaKey) return;
      const n = Number(e.key);
      // e.code too: Alt+digit types another character on some layouts.
      const d = Number.isInteger(n) && n >= 1 && n <= VIEWS.length ? n : /^Digit([1-7])$/.exec(e.code)?.[1];
      if (!d) return;
      e.preventDefault();
      onView(VIEWS[Number(d) - 1].id);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [onView]);

  return (
    <nav className="view-tabs" role="tablist" aria-label={t('ledger.views.label')}>
      {VIEWS.map((v, i) => (
        <button
          key={v.id}
          role="tab"
          id={`tab-${v.id}`}
          aria-selected={view === v.id}
          tabIndex={view === v.id ? 0 : -1}
          className={view === v.id ? 'active' : ''}
          data-testid={`view-${v.id}`}
          title={t('app.i18n.viewKey', { n: i + 1 })}
          onClick={() => onView(v.id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
            const next = VIEWS[(i + (e.key === 'ArrowRight' ? 1 : VIEWS.length - 1)) % VIEWS.length];
            onView(next.id);
            document.getElementById(`tab-${next.id}`)?.focus();
          }}
        >
          {t(v.label)}
        </button>
      ))}
      {end && <span className="view-tabs-end">{end}</span>}
    </nav>
  );
}
