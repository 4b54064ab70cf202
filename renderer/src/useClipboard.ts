import { useEffect } from 'react';
import { formatTsv, pasteRows } from '../../shared/edit';
import { msg } from '../../shared/i18n/intl';
import { useDocument } from './document/DocumentProvider';
import { isTextField } from './useCommands';
import { useWorkspace } from './workspace';

/** Paste rows copied from a spreadsheet (one undoable command that adds or updates members); copy the focused row. */
export function useClipboard() {
  const { run, notify } = useDocument();
  const { budget, year, table, focusedCode, scenario, page } = useWorkspace();
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (isTextField(e.target) || !budget || page !== 'contributions') return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (text.trim() === '') return;
      e.preventDefault();
      if (scenario) return notify({ kind: 'error', text: msg('app.paste.inScenario') });
      const o = run((wb) => pasteRows(wb, { budget: budget.id, year, text }));
      if (!o.ok) notify({ kind: 'error', text: msg('app.paste.nothing'), problems: o.problems });
    };
    const onCopy = (e: ClipboardEvent) => {
      if (isTextField(e.target) || !table || !focusedCode) return;
      const r = table.rows.find((x) => x.code === focusedCode);
      if (!r) return;
      e.preventDefault();
      e.clipboardData?.setData(
        'text/plain',
        formatTsv([[r.code, r.name, r.class ?? r.units, r.units, r.percent, r.amount]]),
      );
    };
    document.addEventListener('paste', onPaste);
    document.addEventListener('copy', onCopy);
    return () => {
      document.removeEventListener('paste', onPaste);
      document.removeEventListener('copy', onCopy);
    };
  }, [budget, year, run, notify, table, focusedCode, scenario, page]);
}
