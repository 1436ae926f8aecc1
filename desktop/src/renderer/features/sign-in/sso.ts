// Single sign-on from the sidebar, web and desktop alike: this side makes a PKCE verifier and
// a state, the hub and the provider do the sign-in, and the hub's one-time code comes back (to
// this page's address on the web, to the desktop app's loopback listener) to be exchanged here,
// with the verifier, for the session. No token ever travels in a URL.
import { SSO_ERRORS, type SignInResponse } from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { deviceLabel } from '../../lib/device.js';
import { ssoExchangeRequest } from '../../hub/client.js';

/** Why a single sign-on gave no session: the hub's reasons and this side's own. */
export type SsoFailure =
  (typeof SSO_ERRORS)[number] | 'state' | 'timeout' | 'browser' | 'code' | 'insecure';

export class SsoFailed extends Error {
  constructor(readonly reason: SsoFailure) {
    super(`single sign-on failed: ${reason}`);
  }
}

const PENDING_KEY = 'sidecoach.sso';

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const random = (bytes: number) => base64url(crypto.getRandomValues(new Uint8Array(bytes)));

/** A PKCE verifier with its S256 challenge, and a state (RFC 7636). */
async function newChallenge() {
  // SubtleCrypto exists only in secure contexts (https, or the hub on this machine).
  if (!globalThis.crypto?.subtle) throw new SsoFailed('insecure');
  const verifier = random(32);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64url(new Uint8Array(digest)), state: random(24) };
}

/** Which of the known reasons the hub or the desktop host gave (anything else: refused). */
function failureOf(reason: string | null): SsoFailure {
  const known: readonly string[] = [...SSO_ERRORS, 'state', 'timeout', 'browser'];
  return reason && known.includes(reason) ? (reason as SsoFailure) : 'refused';
}

/** The one place a code becomes a session: a refused code says so as `code`. */
async function exchange(hubUrl: string, code: string, verifier: string) {
  try {
    return await ssoExchangeRequest(
      hubUrl,
      code,
      verifier,
      deviceLabel(bridge.host, navigator.userAgent),
    );
  } catch (err) {
    if ((err as { code?: string }).code === 'unauthorized') throw new SsoFailed('code');
    throw err;
  }
}

/**
 * Starts a single sign-on. The desktop app waits for the system browser and resolves with the
 * session; the web sidebar leaves for the hub's start page (resolves with null) and comes back
 * to `finishWebSignIn`.
 */
export async function startSignIn(hubUrl: string): Promise<SignInResponse | null> {
  const { verifier, challenge, state } = await newChallenge();
  if (bridge.signInWithBrowser) {
    const result = await bridge.signInWithBrowser({ codeChallenge: challenge, state });
    if ('error' in result) throw new SsoFailed(failureOf(result.error));
    return exchange(hubUrl, result.code, verifier);
  }
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({ verifier, state }));
  const start = new URL('/api/auth/oidc/start', hubUrl);
  start.searchParams.set('code_challenge', challenge);
  start.searchParams.set('code_challenge_method', 'S256');
  start.searchParams.set('state', state);
  location.assign(start.href);
  return null;
}

/**
 * The web sidebar back from the hub (`?sso_code=…&sso_state=…` or `?sso_error=…`): the session,
 * a failure thrown, or null when this page load is not such a return. The parameters are taken
 * off the address at once, and the verifier used up, so a reload does not try again.
 */
export async function finishWebSignIn(hubUrl: string): Promise<SignInResponse | null> {
  const params = new URLSearchParams(location.search);
  if (!params.has('sso_state')) return null;
  const code = params.get('sso_code');
  const error = params.get('sso_error');
  const state = params.get('sso_state');
  for (const name of ['sso_code', 'sso_error', 'sso_state']) params.delete(name);
  const rest = params.toString();
  history.replaceState(null, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as {
    verifier: string;
    state: string;
  } | null;
  sessionStorage.removeItem(PENDING_KEY);
  if (!pending || pending.state !== state) throw new SsoFailed(error ? failureOf(error) : 'state');
  if (error || !code) throw new SsoFailed(failureOf(error));
  return exchange(hubUrl, code, pending.verifier);
}
