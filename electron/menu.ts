import { translator } from '../shared/i18n/intl';
import type { FileRef, MenuCommand } from '../shared/ipc/contract';

// The native menu as plain data: adapters/menu.ts hands it to Electron's Menu.buildFromTemplate.
// Undo/Redo go to the renderer, which uses our own stack, or the focused text field's undo while one is edited.
// The labels are the app's language (catalog area app, app.menu.*); Electron names the roles' items itself.

type Role =
  | 'cut'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'toggleDevTools'
  | 'quit';

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

export function menuTemplate(opts: {
  send(command: MenuCommand): void;
  recent: readonly FileRef[];
  devTools: boolean;
  isMac: boolean;
  lang?: string;
}): MenuItem[] {
  const { send } = opts;
  const tr = translator(opts.lang ?? 'en');
  const t = (id: string) => tr(`app.menu.${id}`);
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItem => ({
    label,
    accelerator,
    click: () => send(command),
  });
  const sep: MenuItem = { type: 'separator' };
  return [
    {
      label: t('file'),
      submenu: [
        item(t('new'), 'new', 'CmdOrCtrl+N'),
        item(t('open'), 'open', 'CmdOrCtrl+O'),
        {
          label: t('openRecent'),
          enabled: opts.recent.length > 0,
          submenu: opts.recent.map((f) => ({ label: f.name, click: () => send({ openRecent: f.id }) })),
        },
        sep,
        item(t('save'), 'save', 'CmdOrCtrl+S'),
        item(t('saveAs'), 'saveAs', 'CmdOrCtrl+Shift+S'),
        {
          // What is shown (the table, comparison or ledger view, in its sort and filter order), as the toolbar's Export.
          label: t('export'),
          submenu: [
            item(t('exportCsv'), 'export', 'CmdOrCtrl+E'),
            item(t('exportXlsx'), 'exportXlsx', 'CmdOrCtrl+Shift+E'),
            item(t('exportPdf'), 'exportPdf', 'CmdOrCtrl+P'),
          ],
        },
        sep,
        { role: 'quit' },
      ],
    },
    {
      label: t('edit'),
      submenu: [
        item(t('undo'), 'undo', 'CmdOrCtrl+Z'),
        item(t('redo'), 'redo', opts.isMac ? 'Cmd+Shift+Z' : 'Ctrl+Y'),
        // The second usual Redo shortcut off macOS, as a hidden item (one accelerator per item).
        ...(opts.isMac
          ? []
          : [{ ...item(t('redo'), 'redo', 'Ctrl+Shift+Z'), visible: false, acceleratorWorksWhenHidden: true }]),
        sep,
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t('view'),
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        sep,
        { role: 'togglefullscreen' },
        ...(opts.devTools ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { label: t('help'), submenu: [item(t('shortcuts'), 'shortcuts', 'F1'), item(t('about'), 'about')] },
  ];
}
