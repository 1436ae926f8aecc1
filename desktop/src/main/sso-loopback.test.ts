import { describe, expect, it } from 'vitest';
import { isLoopbackRedirect } from '@sidecoach/shared';
import { signInThroughBrowser } from './sso-loopback.js';

const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const STATE = 'the-sidebars-own-state-0123';

/** A "system browser" that follows the start URL to the loopback listener, as the hub would. */
function browser(answer: (redirect: string) => string) {
  const seen: { start?: URL; page?: string; status?: number; done?: Promise<void> } = {};
  const openExternal = (url: string) => {
    seen.start = new URL(url);
    const redirect = seen.start.searchParams.get('redirect_uri')!;
    // Like a browser, it goes on loading after it was opened: the test waits for `done`.
    seen.done = fetch(answer(redirect)).then(async (res) => {
      seen.status = res.status;
      seen.page = await res.text();
    });
    return Promise.resolve();
  };
  return { seen, openExternal };
}

/** A sign-in with the sidebar's challenge and state, through `openExternal`. */
const signIn = (
  openExternal: (url: string) => Promise<void>,
  more: { hubUrl?: string; timeoutMs?: number } = {},
) =>
  signInThroughBrowser({
    hubUrl: 'http://127.0.0.1:4780',
    codeChallenge: CHALLENGE,
    state: STATE,
    openExternal,
    ...more,
  });

const portClosed = async (redirect: string) =>
  fetch(redirect).then(
    () => false,
    () => true,
  );

describe('signInThroughBrowser', () => {
  it('opens the hub start URL with a loopback redirect and returns the code for its state', async () => {
    const { seen, openExternal } = browser((r) => `${r}?code=one-time-code&state=${STATE}`);
    const result = await signIn(openExternal, { hubUrl: 'https://hub.example.test:4780' });
    expect(result).toEqual({ code: 'one-time-code' });
    await seen.done;
    const start = seen.start!;
    expect(start.origin + start.pathname).toBe('https://hub.example.test:4780/api/auth/oidc/start');
    expect(start.searchParams.get('code_challenge')).toBe(CHALLENGE);
    expect(start.searchParams.get('code_challenge_method')).toBe('S256');
    expect(start.searchParams.get('state')).toBe(STATE);
    const redirect = start.searchParams.get('redirect_uri')!;
    expect(isLoopbackRedirect(redirect)).toBe(true);
    expect(seen.status).toBe(200);
    expect(seen.page).toMatch(/You can close this tab/);
    expect(await portClosed(redirect)).toBe(true);
  });

  it('passes on the hub’s refusal and answers the browser', async () => {
    const { seen, openExternal } = browser((r) => `${r}?error=disabled&state=${STATE}`);
    const result = await signIn(openExternal);
    expect(result).toEqual({ error: 'disabled' });
    await seen.done;
    expect(seen.page).toMatch(/close this tab/);
  });

  it('refuses an answer with another state, and the listener closes', async () => {
    const { seen, openExternal } = browser((r) => `${r}?code=stolen&state=someone-elses-state`);
    const result = await signIn(openExternal);
    expect(result).toEqual({ error: 'state' });
    await seen.done;
    expect(seen.status).toBe(400);
    expect(await portClosed(seen.start!.searchParams.get('redirect_uri')!)).toBe(true);
  });

  it('ignores other paths and gives up after the timeout, closing the listener', async () => {
    const { seen, openExternal } = browser((r) => r.replace('/callback', '/favicon.ico'));
    const result = await signIn(openExternal, { timeoutMs: 300 });
    await seen.done;
    expect(seen.status).toBe(404);
    expect(result).toEqual({ error: 'timeout' });
    expect(await portClosed(seen.start!.searchParams.get('redirect_uri')!)).toBe(true);
  });

  it('says so when the system browser does not open', async () => {
    let redirect = '';
    const result = await signIn((url) => {
      redirect = new URL(url).searchParams.get('redirect_uri')!;
      return Promise.reject(new Error('no browser'));
    });
    expect(result).toEqual({ error: 'browser' });
    expect(await portClosed(redirect)).toBe(true);
  });

  it('refuses a hub address that is not http(s)', async () => {
    await expect(signIn(() => Promise.resolve(), { hubUrl: 'file:///etc/passwd' })).rejects.toThrow(
      /http/,
    );
  });
});
