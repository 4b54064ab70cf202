import type { DesktopApi } from '../../shared/ipc/contract';
import { browserApi } from './browser';

/** The desktop API: the Electron preload's `window.api`, or the browser implementation of the same contract. */
export function platform(): DesktopApi {
  return window.api ?? browserApi(window);
}
