// The Content Security Policy sent with every app:// response, for the current hub URL. Built
// once per hub URL (cspCache): the settings file is not re-read and parsed on every request on
// the main thread; a changed setting takes effect at the next load of the page.

// Host names and IPv4 addresses only: CSP's host-source grammar has no IPv6 literal (Chromium
// drops `http://[::1]:4780`, leaving connect-src 'self', and the sidebar then reaches no hub).
// The hub-address setting refuses IPv6 addresses (HubUrlSchema), with a message saying so.
const CSP_HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::[0-9]{1,5})?$/;

/** The origins the renderer may connect to for a hub URL: HTTP for the API, WS for socket.io. */
export function hubSources(hubUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  // The URL parser lets ';', quotes and commas through in host names: they would end the
  // directive and add others. Keep to what a CSP host-source can spell.
  if (!CSP_HOST.test(url.host)) return [];
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  // `host` keeps the port and IPv6 brackets; a CSP source has neither path nor credentials.
  return [url.origin, `${ws}//${url.host}`];
}

export function buildCsp(hubUrl: string): string {
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['connect-src', "'self'", ...hubSources(hubUrl)],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-ancestors', "'none'"],
  ];
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** The policy for the hub URL in the settings, rebuilt only when that URL changes. */
export function cspCache(hubUrl: string) {
  let url = hubUrl;
  let policy = buildCsp(hubUrl);
  return {
    current: (): string => policy,
    /** The settings changed: a new hub URL gets its policy now (before the page reloads). */
    hubUrlChanged(next: string): void {
      if (next === url) return;
      url = next;
      policy = buildCsp(next);
    },
  };
}
