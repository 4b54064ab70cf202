// A platform that opens a blank 2024 workbook as "example.json" and otherwise does nothing: for dom tests of views
// over the document provider (the provider's own lifecycle test keeps its recording fake).
import type { DesktopApi, FileRef, OpenResult } from '../../shared/ipc/contract';
import { blankWorkbook } from '../../renderer/src/document/blank';

export const EXAMPLE: FileRef = { id: 'example', name: 'example.json' };
const opened = (f: FileRef): OpenResult => ({
  ok: true,
  opened: { file: f, text: JSON.stringify(blankWorkbook(2024)) },
});

export const quietPlatform: DesktopApi = {
  kind: 'browser',
  open: async () => ({ ok: false, cancelled: true }),
  openRecent: async (id) => opened({ id, name: `${id}.json` }),
  openExample: async () => opened(EXAMPLE),
  save: async (file) => ({ ok: true, file }),
  saveAs: async (name) => ({ ok: true, file: { id: name, name } }),
  recentFiles: async () => [],
  autosave: async () => {},
  recover: async () => null,
  clearAutosave: async () => {},
  exportFile: async () => ({ ok: false, cancelled: true }),
  exportPdf: async () => ({ ok: false, cancelled: true }),
  setDocumentState: () => {},
  closeAfterSave: () => {},
  onMenu: () => () => {},
};
