/** Vite's `?raw` import: the file's text. */
declare module '*?raw' {
  const text: string;
  export default text;
}

declare module '*.css';

interface Window {
  /** Set by the Electron preload (shared/ipc/contract.ts); absent in browser mode. */
  api?: import('../../shared/ipc/contract').DesktopApi;
}
