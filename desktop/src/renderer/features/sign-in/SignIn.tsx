import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthMethods, SignInResponse } from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { authMethodsRequest, HubError, signInRequest } from '../../hub/client.js';
import { begin } from '../../hub/lifecycle.js';
import { useSession } from '../../hub/session-store.js';
import { LanguagePicker } from '../header/LanguagePicker.js';
import { finishWebSignIn, SsoFailed, startSignIn } from './sso.js';
import './sign-in.css';

export function SignIn() {
  const { t } = useTranslation();
  const expired = useSession((s) => s.signInNotice);
  const [hubUrl, setHubUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  /** The sign-in under way: with a password or with the provider. */
  const [busy, setBusy] = useState<'password' | 'sso' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** How this hub signs people in; null until it answered (the password form shows meanwhile). */
  const [methods, setMethods] = useState<AuthMethods | null>(null);
  const [breakGlass, setBreakGlass] = useState(false);
  const [waiting, setWaiting] = useState(false);

  const loadMethods = async (url: string) => {
    const found = await authMethodsRequest(url);
    setMethods(found);
    return found;
  };

  const signedIn = (url: string, res: SignInResponse) =>
    begin({ token: res.token, hubUrl: url, user: res.user });

  const failed = (err: unknown, known: AuthMethods | null = methods, url = hubUrl) => {
    if (err instanceof SsoFailed)
      setError(t(`sso.error.${err.reason}`, { provider: known?.sso?.label ?? 'SSO' }));
    else if (err instanceof HubError && err.code === 'network')
      setError(t('errors.network', { url }));
    // Passwords are off on this hub and this account is no break-glass admin.
    else if (err instanceof HubError && err.code === 'forbidden') setError(t('sso.passwordsOff'));
    else if (
      err instanceof HubError &&
      (err.code === 'unauthorized' || err.code === 'rate_limited')
    )
      setError(t(`errors.${err.code}`));
    else
      setError(t('errors.generic', { message: err instanceof Error ? err.message : String(err) }));
  };

  useEffect(() => {
    void bridge.getSettings().then(async (s) => {
      setHubUrl(s.hubUrl);
      const found = await loadMethods(s.hubUrl);
      // Back from the hub's single sign-on (the web sidebar): exchange its code.
      try {
        const res = await finishWebSignIn(s.hubUrl);
        if (res) await signedIn(s.hubUrl, res);
      } catch (err) {
        failed(err, found, s.hubUrl);
      }
    });
    // Once, on the screen's first showing: the return from the hub is in this page load only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const signInWithProvider = async () => {
    setBusy('sso');
    setError(null);
    try {
      const url = (await bridge.getSettings()).hubUrl;
      // The desktop app waits for the system browser; the web sidebar leaves for the hub.
      setWaiting(bridge.host === 'electron');
      const res = await startSignIn(url);
      if (res) await signedIn(url, res);
    } catch (err) {
      failed(err);
      setBusy(null);
    } finally {
      setWaiting(false);
    }
  };

  // In Electron the hub address is part of the page's security policy: saving a new one reloads
  // the page with a policy that allows it, so it is saved when the field is left, before sign-in.
  const saveHubUrl = async () => {
    const current = await bridge.getSettings();
    if (hubUrl.trim() === current.hubUrl) return;
    try {
      await bridge.updateSettings({ hubUrl: hubUrl.trim() });
      setError(null);
    } catch {
      setError(t('signIn.badHubUrl'));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('password');
    setError(null);
    try {
      const url = (await bridge.getSettings()).hubUrl;
      const res = await signInRequest(url, username.trim(), password);
      await signedIn(url, res);
    } catch (err) {
      failed(err);
      setBusy(null);
    }
  };

  const sso = methods?.sso ?? null;
  // Passwords off: the form only for a break-glass admin, behind a link.
  const passwordsShown = methods?.passwords !== false || breakGlass;

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <h1>{t('app.name')}</h1>
      <h2>{t('signIn.title')}</h2>
      {expired ? <p className="notice">{t(expired.key, expired.values)}</p> : null}
      {bridge.host === 'electron' ? (
        <label>
          {t('signIn.hubUrl')}
          <input
            type="url"
            value={hubUrl}
            onChange={(e) => setHubUrl(e.target.value)}
            onBlur={() => void saveHubUrl().then(() => loadMethods(hubUrl.trim()))}
            required
          />
        </label>
      ) : null}
      {sso ? (
        <button
          type="button"
          className="primary sso-button"
          disabled={busy !== null}
          onClick={() => void signInWithProvider()}
        >
          {busy === 'sso' ? t('sso.busy') : t('sso.button', { provider: sso.label })}
        </button>
      ) : null}
      {waiting ? <p className="muted">{t('sso.waiting')}</p> : null}
      {sso && passwordsShown ? (
        <p className="sign-in-or" aria-hidden="true">
          {t('sso.or')}
        </p>
      ) : null}
      {passwordsShown ? (
        <>
          <label>
            {t('signIn.username')}
            <input
              autoComplete="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus={!sso}
            />
          </label>
          <label>
            {t('signIn.password')}
            <input
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </label>
        </>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {passwordsShown ? (
        <button type="submit" className={sso ? undefined : 'primary'} disabled={busy !== null}>
          {busy === 'password' ? t('signIn.busy') : t('signIn.submit')}
        </button>
      ) : null}
      {methods?.passwords === false ? (
        <button type="button" className="link break-glass" onClick={() => setBreakGlass((b) => !b)}>
          {breakGlass ? t('sso.hideBreakGlass') : t('sso.breakGlass')}
        </button>
      ) : null}
      <LanguagePicker />
    </form>
  );
}
