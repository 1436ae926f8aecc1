// The Electron security checklist applied to every web contents and to the session. Electron
// objects come in as arguments (types only imported) so index.ts stays wiring.
import type { Session, WebContents } from 'electron';
import { permissionAllowed } from './permissions.js';
import { externalHttpUrl, isAppUrl } from './trusted-url.js';

export type OpenExternal = (url: string) => Promise<void>;

/**
 * For each web contents, including any created later (app 'web-contents-created'): no navigation
 * away from app://sidecoach, no new windows (http(s) links go to the system browser), no webviews.
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    console.warn(`[sidecoach] navigation refused: ${event.url}`);
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalHttpUrl(url);
    if (external !== null) {
      openExternal(external).catch((err: unknown) =>
        console.warn(`[sidecoach] could not open ${external}:`, err),
      );
    }
    return { action: 'deny' };
  });
}

/** Permission requests and checks are denied unless permissionAllowed() says otherwise. */
export function installPermissionHandlers(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionAllowed(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  // USB, serial and HID device access: never.
  session.setDevicePermissionHandler(() => false);
}
