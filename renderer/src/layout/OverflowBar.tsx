import { useCallback, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { fitByPriority } from './fit';
import './layout.css';

// A toolbar that never wraps: the items that do not fit (the least needed first) are shown in a ⋯ menu instead.
// Every item stays mounted where it is (a dialog it opened, a select's state survive); an item put away is taken out
// of the row and, while the menu is open, drawn in the menu's column under the ⋯ button.

export interface BarItem {
  key: string;
  /** Lower goes into the menu first; the same number keeps items together. */
  priority: number;
  /** The first item of a group: a separator before it in the row. */
  group?: boolean;
  node: ReactNode;
}

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not([type=hidden]):not(:disabled), label.button';

export function OverflowBar({ items, label, lead }: { items: BarItem[]; label: string; lead?: ReactNode }) {
  const t = useT();
  const bar = useRef<HTMLElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  const [off, setOff] = useState<ReadonlySet<string>>(() => new Set());
  const [open, setOpen] = useState(false);
  const widths = useRef(new Map<string, number>());

  // Measure every item (one put away keeps its own width: it is out of the row, not squeezed) and fit the row.
  const fit = useCallback(() => {
    const el = bar.current;
    if (!el || el.classList.contains('open')) return;
    for (const node of el.querySelectorAll<HTMLElement>(':scope > .tb-item'))
      widths.current.set(node.dataset.key ?? '', node.offsetWidth + (node.classList.contains('tb-group') ? 13 : 0));
    const style = getComputedStyle(el);
    const gap = parseFloat(style.columnGap) || 0;
    const lead = el.querySelector<HTMLElement>(':scope > .tb-lead');
    const room =
      el.clientWidth -
      parseFloat(style.paddingInlineStart) -
      parseFloat(style.paddingInlineEnd) -
      (lead?.offsetWidth ?? 0);
    const moreWidth = (more.current?.offsetWidth || 34) + gap; // 0 while hidden
    const next = fitByPriority(
      items.map((i) => ({ key: i.key, priority: i.priority, width: (widths.current.get(i.key) ?? 0) + gap })),
      room,
      moreWidth,
    );
    setOff((prev) => (prev.size === next.size && [...next].every((k) => prev.has(k)) ? prev : next));
  }, [items]);

  // Every render (a label may have changed, or the language) and every change of the row's width.
  useLayoutEffect(fit);
  const latest = useRef(fit);
  latest.current = fit;
  useEffect(() => {
    const el = bar.current;
    if (!el) return;
    const ro = new ResizeObserver(() => latest.current());
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  // Nothing left to show: the menu closes.
  useEffect(() => {
    if (off.size === 0) setOpen(false);
  }, [off]);

  // Open: the first item of the menu takes the focus; a click elsewhere closes it.
  useEffect(() => {
    if (!open) return;
    menuFocusables(bar.current)[0]?.focus();
    const onDown = (e: MouseEvent) => {
      const target = e.target as Element | null;
      if (!target?.closest('.tb-item.off, .tb-more')) setOpen(false);
    };
    document.addEventListener('mousedown', onDown, true);
    return () => document.removeEventListener('mousedown', onDown, true);
  }, [open]);

  const close = () => {
    setOpen(false);
    more.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open || !(e.target as Element).closest('.tb-item.off')) return;
    if ((e.target as Element).closest('dialog')) return; // a dialog opened from the menu has its own keys
    const list = menuFocusables(bar.current);
    const at = list.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && !(e.target instanceof HTMLSelectElement)) {
      e.preventDefault();
      list[(at + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length]?.focus();
    } else if (e.key === 'Tab' && ((e.shiftKey && at === 0) || (!e.shiftKey && at === list.length - 1))) {
      // Tab out of the menu's ends goes back to ⋯ (the menu's items are not in the row's order).
      e.preventDefault();
      close();
    }
  };

  // Where each item put away is drawn while the menu is open (one row each, in the row's order).
  const menu = items.filter((i) => off.has(i.key));
  return (
    <header
      ref={bar}
      className={open ? 'toolbar open' : 'toolbar'}
      role="toolbar"
      aria-label={label}
      data-testid="toolbar"
      onKeyDown={onKeyDown}
      onClick={(e) => {
        // A button of the menu did its work: the menu closes (a select or a field keeps it open until Escape, and a
        // button that opens its own list keeps it open to show it).
        const target = e.target as Element;
        if (open && target.closest('.tb-item.off') && target.closest('button:not([aria-haspopup])')) setOpen(false);
      }}
    >
      {lead && <span className="tb-lead">{lead}</span>}
      {items.map((i) => {
        const row = menu.indexOf(i);
        return (
          <span
            key={i.key}
            data-key={i.key}
            className={`tb-item${i.group ? ' tb-group' : ''}${row >= 0 ? ' off' : ''}`}
            style={row >= 0 ? { top: `calc(100% + ${row} * var(--tb-menu-row))` } : undefined}
          >
            {i.node}
          </span>
        );
      })}
      {open && <span className="tb-menu-back" style={{ height: `calc(${menu.length} * var(--tb-menu-row) + 8px)` }} />}
      <button
        ref={more}
        className="tb-more"
        hidden={off.size === 0}
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={t('app.layout.more')}
        title={t('app.layout.more')}
        data-testid="toolbar-more"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          } else if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        ⋯
      </button>
    </header>
  );
}

function menuFocusables(bar: HTMLElement | null): HTMLElement[] {
  // Not those of a closed list inside an item (Export's formats).
  return bar
    ? [...bar.querySelectorAll<HTMLElement>(`:scope > .tb-item.off :is(${FOCUSABLE})`)].filter(
        (e) => !e.closest('[hidden]'),
      )
    : [];
}
