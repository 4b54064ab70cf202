import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNELS, isMenuCommand, type DesktopApi, type MenuCommand } from '../shared/ipc/contract';

// Exposes exactly the contract in shared/ipc/contract.ts; nothing of ipcRenderer itself reaches the page.
const call =
  (channel: string) =>
  (...args: unknown[]) =>
    ipcRenderer.invoke(channel, ...args);

const api: DesktopApi = {
  kind: 'electron',
  open: call(CHANNELS.open) as DesktopApi['open'],
  openRecent: call(CHANNELS.openRecent) as DesktopApi['openRecent'],
  openExample: call(CHANNELS.openExample) as DesktopApi['openExample'],
  save: call(CHANNELS.save) as DesktopApi['save'],
  saveAs: call(CHANNELS.saveAs) as DesktopApi['saveAs'],
  recentFiles: call(CHANNELS.recentFiles) as DesktopApi['recentFiles'],
  autosave: call(CHANNELS.autosave) as DesktopApi['autosave'],
  recover: call(CHANNELS.recover) as DesktopApi['recover'],
  clearAutosave: call(CHANNELS.clearAutosave) as DesktopApi['clearAutosave'],
  exportFile: call(CHANNELS.exportFile) as DesktopApi['exportFile'],
  exportPdf: call(CHANNELS.exportPdf) as DesktopApi['exportPdf'],
  saveOver: call(CHANNELS.saveOver) as DesktopApi['saveOver'],
  diskChanged: call(CHANNELS.diskChanged) as DesktopApi['diskChanged'],
  editAnyway: call(CHANNELS.editAnyway) as DesktopApi['editAnyway'],
  closeDocument: call(CHANNELS.closeDocument) as DesktopApi['closeDocument'],
  whoAmI: call(CHANNELS.whoAmI) as DesktopApi['whoAmI'],
  setDocumentState: (state) => ipcRenderer.send(CHANNELS.setDocumentState, state),
  closeAfterSave: (saved) => ipcRenderer.send(CHANNELS.closeAfterSave, saved),
  onMenu(listener) {
    const wrapped = (_e: IpcRendererEvent, command: unknown) =>
      isMenuCommand(command) && listener(command as MenuCommand);
    ipcRenderer.on(CHANNELS.menu, wrapped);
    return () => void ipcRenderer.removeListener(CHANNELS.menu, wrapped);
  },
  onDiskChange(listener) {
    const wrapped = () => listener();
    ipcRenderer.on(CHANNELS.diskChange, wrapped);
    return () => void ipcRenderer.removeListener(CHANNELS.diskChange, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', api);
