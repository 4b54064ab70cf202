import { useCallback, useEffect } from 'react';
import type { MenuCommand } from '../../shared/ipc/contract';
import { msg } from '../../shared/i18n/intl';
import { useDocument } from './document/DocumentProvider';

/** Text fields keep their own undo and paste (the grid's cell editor is one). */
export function isTextField(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable ||
    t instanceof HTMLTextAreaElement ||
    t instanceof HTMLSelectElement ||
    (t instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(t.type))
  );
}

/** The menu's commands (the native menu in Electron, the toolbar's buttons) and, in a browser, their shortcuts. */
export function useCommands(showKeys: () => void, findRef: React.RefObject<HTMLInputElement | null>) {
  const { api, step, save, saveAs, open, openRecent, newWorkbook, runExport, notify, setCellError } = useDocument();

  const menu = useCallback(
    (c: MenuCommand) => {
      if (typeof c === 'object') return void openRecent(c.openRecent);
      const active = document.activeElement;
      switch (c) {
        case 'new':
          return newWorkbook();
        case 'open':
          return void open();
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
          return showKeys();
        case 'about':
          return notify({ kind: 'info', text: msg('app.about') });
      }
    },
    [api, newWorkbook, open, openRecent, save, saveAs, runExport, step, showKeys, notify],
  );

  useEffect(() => api.onMenu(menu), [api, menu]);

  // Shortcuts. In Electron the native menu owns them and sends menu commands; in a browser we catch them here.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      if (!mod) {
        if (e.key === 'Escape') setCellError(null);
        // F1: the shortcuts (in Electron the Help menu's accelerator sends it).
        if (e.key === 'F1' && api.kind !== 'electron') {
          e.preventDefault();
          showKeys();
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
        k === 'z' && !e.shiftKey
          ? () => step('undo')
          : (k === 'z' && e.shiftKey) || k === 'y'
            ? () => step('redo')
            : k === 's'
              ? () => void (e.shiftKey ? saveAs() : save())
              : k === 'o'
                ? () => void open()
                : // Ctrl+P prints the table shown in its print layout (title block, repeated header), not the app's page.
                  k === 'p'
                  ? () => void runExport('pdf')
                  : null;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [api, open, save, saveAs, step, runExport, setCellError, showKeys, findRef]);

  return menu;
}
