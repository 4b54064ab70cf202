import type { FileRef, MenuCommand } from '../shared/ipc/contract';

// The native menu as plain data: adapters/menu.ts hands it to Electron's Menu.buildFromTemplate.
// Undo/Redo go to the renderer, which uses our own stack, or the focused text field's undo while one is edited.

type Role = 'cut' | 'copy' | 'paste' | 'selectAll' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'toggleDevTools' | 'quit';

export interface MenuItem {
  label?: string;
  role?: Role;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  visible?: boolean;
  acceleratorWorksWhenHidden?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

export function menuTemplate(opts: { send(command: MenuCommand): void; recent: readonly FileRef[]; devTools: boolean; isMac: boolean }): MenuItem[] {
  const { send } = opts;
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItem => ({ label, accelerator, click: () => send(command) });
  const sep: MenuItem = { type: 'separator' };
  return [
    {
      label: 'File',
      submenu: [
        item('New', 'new', 'CmdOrCtrl+N'),
        item('Open…', 'open', 'CmdOrCtrl+O'),
        {
          label: 'Open Recent',
          enabled: opts.recent.length > 0,
          submenu: opts.recent.map((f) => ({ label: f.name, click: () => send({ openRecent: f.id }) })),
        },
        sep,
        item('Save', 'save', 'CmdOrCtrl+S'),
        item('Save As…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        {
          // What is shown (the table, comparison or ledger view, in its sort and filter order), as the toolbar's Export.
          label: 'Export',
          submenu: [item('Export as CSV…', 'export', 'CmdOrCtrl+E'), item('Export as XLSX…', 'exportXlsx', 'CmdOrCtrl+Shift+E'), item('Export as PDF…', 'exportPdf', 'CmdOrCtrl+P')],
        },
        sep,
        { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        item('Undo', 'undo', 'CmdOrCtrl+Z'),
        item('Redo', 'redo', opts.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        // The second usual Redo shortcut off macOS, as a hidden item (one accelerator per item).
        ...(opts.isMac ? [] : [{ ...item('Redo', 'redo', 'Ctrl+Shift+Z'), visible: false, acceleratorWorksWhenHidden: true }]),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }, ...(opts.devTools ? [{ role: 'toggleDevTools' as const }] : [])],
    },
    { label: 'Help', submenu: [item('Keyboard Shortcuts', 'shortcuts', 'F1'), item('About Contribution Calculator', 'about')] },
  ];
}
