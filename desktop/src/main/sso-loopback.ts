// Single sign-on for the desktop app (RFC 8252): the provider's login page opens in the system
// browser, never in an embedded window, and the hub's answer comes back to a listener on
// 127.0.0.1 on a free port. Plain Node (no Electron), so it is tested with real HTTP requests.
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  LOOPBACK_CALLBACK_PATH,
  type BrowserSignInRequest,
  type BrowserSignInResult,
} from '@sidecoach/shared';

/** How long the person has to sign in at the provider before the listener gives up. */
export const BROWSER_SIGN_IN_TIMEOUT_MS = 5 * 60_000;

export interface BrowserSignInOptions extends BrowserSignInRequest {
  /** The hub the sidebar signs in to (from the settings). */
  hubUrl: string;
  /** Opens a URL in the system browser (Electron's shell.openExternal). */
  openExternal: (url: string) => Promise<void>;
  timeoutMs?: number;
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

function answer(res: ServerResponse, status: number, title: string, text: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': PAGE_CSP,
    'referrer-policy': 'no-referrer',
  });
  res.end(
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>${title}</title>` +
      `<body style="font-family:system-ui,sans-serif;max-width:32em;margin:3em auto;padding:0 1em">` +
      `<h1>${title}</h1><p>${text}</p></body></html>`,
  );
}

/**
 * Signs in through the system browser: listens on 127.0.0.1 (a free port), opens the hub's
 * start URL with the sidebar's PKCE challenge and state, and waits for the hub's redirect to
 * `/callback`. Resolves with the one-time code when the state matches, else with the reason;
 * the listener is always closed, at the latest after `timeoutMs`. The code is exchanged by the
 * renderer, which alone holds the verifier.
 */
export async function signInThroughBrowser(
  options: BrowserSignInOptions,
): Promise<BrowserSignInResult> {
  const hub = new URL(options.hubUrl);
  if (hub.protocol !== 'http:' && hub.protocol !== 'https:')
    throw new Error(`the hub address must be http(s): ${options.hubUrl}`);
  // Resolved once the browser has been answered (so closing the listener cuts no page short).
  let finish: (result: BrowserSignInResult) => void = () => undefined;
  const result = new Promise<BrowserSignInResult>((resolve) => (finish = resolve));

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== LOOPBACK_CALLBACK_PATH) {
      return answer(res, 404, 'Not found', 'Nothing here.');
    }
    if (url.searchParams.get('state') !== options.state) {
      // Not the answer to this sign-in (another page, or a forged request): refused, and the
      // sign-in ends, so a stray request cannot keep the listener waiting for a real one.
      answer(
        res,
        400,
        'Sign-in refused',
        'This answer does not belong to the sign-in in Sidecoach.',
      );
      return void res.once('finish', () => finish({ error: 'state' }));
    }
    const code = url.searchParams.get('code');
    const error = url.searchParams.get('error');
    if (code) {
      answer(res, 200, 'Signed in', 'You are signed in to Sidecoach. You can close this tab.');
      return void res.once('finish', () => finish({ code }));
    }
    answer(res, 200, 'Not signed in', 'Sidecoach says why in its window. You can close this tab.');
    res.once('finish', () => finish({ error: error ?? 'refused' }));
  });
  const timer = setTimeout(
    () => finish({ error: 'timeout' }),
    options.timeoutMs ?? BROWSER_SIGN_IN_TIMEOUT_MS,
  );
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const start = new URL('/api/auth/oidc/start', hub);
    start.searchParams.set('code_challenge', options.codeChallenge);
    start.searchParams.set('code_challenge_method', 'S256');
    start.searchParams.set('state', options.state);
    start.searchParams.set('redirect_uri', `http://127.0.0.1:${port}${LOOPBACK_CALLBACK_PATH}`);
    options.openExternal(start.href).catch(() => finish({ error: 'browser' }));
    return await result;
  } finally {
    clearTimeout(timer);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
