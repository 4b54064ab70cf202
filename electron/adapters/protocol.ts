import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from '../handlers/app-protocol';

/** Before `ready`, once (a second call replaces the first): app:// is a standard, secure scheme like https. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
}

/** After `ready`: app://app/… serves the files under the renderer folder and nothing else. */
export function installAppProtocol(rendererRoot: string): void {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler(rendererRoot, (p) => readFile(p)),
  );
}
