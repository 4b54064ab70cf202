import { useEffect, useRef } from 'react';

// Help → Keyboard Shortcuts (F1): what the app answers to. A modal <dialog>: Escape closes it, focus stays inside.

const MOD = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl';

function groups(desktop: boolean): [string, [string, string][]][] {
  return [
    [
      'Files',
      [
        ...(desktop ? ([[`${MOD}+N`, 'New workbook']] as [string, string][]) : []),
        [`${MOD}+O`, 'Open a workbook'],
        [`${MOD}+S`, desktop ? 'Save (the previous version is kept as .bak)' : 'Save (the browser downloads the file)'],
        [`${MOD}+Shift+S`, 'Save as…'],
        ...(desktop
          ? ([
              [`${MOD}+E`, 'Export the table shown as CSV'],
              [`${MOD}+Shift+E`, 'Export it as XLSX'],
            ] as [string, string][])
          : []),
        [`${MOD}+P`, desktop ? 'Export it as PDF' : 'Print it (choose “Save as PDF”)'],
      ],
    ],
    [
      'Editing',
      [
        [`${MOD}+Z`, 'Undo'],
        [`${MOD}+Shift+Z, ${MOD}+Y`, 'Redo'],
        ['Enter', 'Next cell down'],
        ['Tab, Shift+Tab', 'Next cell to the right, to the left'],
        ['F2 or typing', 'Edit the cell'],
        ['Escape', 'Cancel the edit'],
        ['31.12.2026, 2026-12-31', 'A date: in the format chosen under “Organization and settings”, or ISO; Enter takes it, Escape goes back'],
        ['=+500, =−500', 'Raise or lower the amount shown by exactly 500 (−500 alone is a negative amount)'],
        [`${MOD}+V`, 'Paste rows copied from a spreadsheet (one undoable step)'],
      ],
    ],
    [
      'Views',
      [
        ['Alt+1 … Alt+5', 'Contributions, Payments, Voting status, Working capital fund, Advances'],
        [`${MOD}+F`, 'Find a member in the contributions (Enter goes to it, Escape clears)'],
        ['← →', 'Move along the view tabs'],
        ['F1', 'This list'],
      ],
    ],
  ];
}

export function Shortcuts({ desktop, onClose }: { desktop: boolean; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={ref} className="shortcuts" data-testid="shortcuts" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      {groups(desktop).map(([title, rows]) => (
        <section key={title}>
          <h3>{title}</h3>
          <table>
            <tbody>
              {rows.map(([keys, what]) => (
                <tr key={keys}>
                  <th scope="row">
                    <kbd>{keys}</kbd>
                  </th>
                  <td>{what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <form method="dialog">
        <button autoFocus>Close</button>
      </form>
    </dialog>
  );
}
