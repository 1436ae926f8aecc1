// Web permissions (camera, notifications, geolocation...) are denied unless listed here, and only
// ever for our own page.
import { isAppUrl } from './trusted-url.js';

/**
 * - local-network-access / local-network / loopback-network: Chromium's Local Network Access
 *   check refuses requests from a non-local origin such as app://sidecoach to a hub on
 *   127.0.0.1 or on the floor's LAN unless granted. Where the page may connect is already
 *   narrowed by the CSP's connect-src to the configured hub.
 * - clipboard-sanitized-write: copying text out of the sidebar.
 */
const GRANTED_TO_APP: ReadonlySet<string> = new Set([
  'local-network-access',
  'local-network',
  'loopback-network',
  'clipboard-sanitized-write',
]);

export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return requestingUrl !== undefined && isAppUrl(requestingUrl) && GRANTED_TO_APP.has(permission);
}
