// URL decisions for the main process. Every check goes through the URL parser: prefix tests such
// as startsWith('app://sidecoach') also accept 'app://sidecoach.evil.example' or
// 'app://sidecoach@evil.example'.

/** The renderer's privileged scheme and host; the hub allows this origin (hub/src/config.ts). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'sidecoach';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for app://sidecoach and anything under it: no port, no credentials, no other host. */
export function isAppUrl(value: string): boolean {
  const url = parse(value);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}

/**
 * The address to hand to the operating system's browser, or null. Only http(s) without
 * credentials: other schemes (file:, smb:, custom handlers) can run programs on the agent's PC.
 */
export function externalHttpUrl(value: string): string | null {
  const url = parse(value);
  if (url === null) return null;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.hostname === '') return null;
  return url.href;
}
