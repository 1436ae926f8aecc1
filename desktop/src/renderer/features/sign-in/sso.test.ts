// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { finishWebSignIn, SsoFailed } from './sso.js';

const HUB = 'http://127.0.0.1:4780';

function returnTo(search: string, pending?: { verifier: string; state: string }) {
  history.replaceState(null, '', `/${search}`);
  if (pending) sessionStorage.setItem('sidecoach.sso', JSON.stringify(pending));
}

const reasonOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'none',
    (err: unknown) => (err instanceof SsoFailed ? err.reason : String(err)),
  );

describe('finishWebSignIn', () => {
  beforeEach(() => sessionStorage.clear());

  it('does nothing on an ordinary page load', async () => {
    returnTo('?lang=en');
    await expect(finishWebSignIn(HUB)).resolves.toBeNull();
    expect(location.search).toBe('?lang=en');
  });

  it('shows the hub’s reason, and takes the parameters off the address', async () => {
    returnTo('?sso_error=disabled&sso_state=s-1234567890abcdef&lang=en', {
      verifier: 'v'.repeat(43),
      state: 's-1234567890abcdef',
    });
    expect(await reasonOf(finishWebSignIn(HUB))).toBe('disabled');
    expect(location.search).toBe('?lang=en');
    expect(sessionStorage.getItem('sidecoach.sso')).toBeNull();
  });

  it('refuses a code for a sign-in this tab did not start, without exchanging it', async () => {
    returnTo('?sso_code=a-code-from-elsewhere-0123&sso_state=not-mine-1234567890', {
      verifier: 'v'.repeat(43),
      state: 's-1234567890abcdef',
    });
    expect(await reasonOf(finishWebSignIn(HUB))).toBe('state');
    returnTo('?sso_code=a-code-from-elsewhere-0123&sso_state=not-mine-1234567890');
    expect(await reasonOf(finishWebSignIn(HUB))).toBe('state');
    expect(location.search).toBe('');
  });

  it('takes an unknown reason as a refusal', async () => {
    returnTo('?sso_error=%3Cscript%3E&sso_state=s-1234567890abcdef', {
      verifier: 'v'.repeat(43),
      state: 's-1234567890abcdef',
    });
    expect(await reasonOf(finishWebSignIn(HUB))).toBe('refused');
  });
});
