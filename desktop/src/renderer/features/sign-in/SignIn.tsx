import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  HubUrlSchema,
  IPV6_HUB_REFUSED,
  isPlainHttpToNetwork,
  type AuthMethods,
  type SignInResponse,
} from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { deviceLabel } from '../../lib/device.js';
import { useDraft } from '../../lib/draft.js';
import { forgetResetLink, resetTokenInLink } from '../../lib/reset-link.js';
import {
  authMethodsRequest,
  HubError,
  oneTimeCheckRequest,
  signInRequest,
} from '../../hub/client.js';
import { begin } from '../../hub/lifecycle.js';
import { useSession } from '../../hub/session-store.js';
import { LanguagePicker } from '../header/LanguagePicker.js';
import { PlainHttpWarning } from '../../ui/PlainHttpWarning.js';
import type { CodeAccepted } from './ChoosePassword.js';
import { ChoosePasswordLazy } from './lazy.js';
import { signInFailure } from './failure.js';
import { finishWebSignIn, SsoFailed, startSignIn } from './sso.js';
import './sign-in.css';

type Mode = 'password' | 'code';

/**
 * Signing in: with the hub's single sign-on when it has one, with a password (unless the hub
 * turned passwords off: then only a break-glass admin, behind a link), or with a one-time code
 * an admin gave (which leads to choosing a password).
 */
export function SignIn() {
  const { t, i18n } = useTranslation();
  const expired = useSession((s) => s.signInNotice);
  const [hubUrl, setHubUrl] = useState('');
  const [mode, setMode] = useState<Mode>('password');
  // Kept across the reload a new hub address causes in the desktop app (its page's security
  // policy names the hub), so the agent does not type it twice.
  const [username, setUsername] = useDraft('signIn.username');
  const [secret, setSecret] = useState('');
  const [accepted, setAccepted] = useState<CodeAccepted | null>(null);
  /** The sign-in under way: with a password or code, or with the provider. */
  const [busy, setBusy] = useState<'form' | 'sso' | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** How this hub signs people in; null until it answered (the password form shows meanwhile). */
  const [methods, setMethods] = useState<AuthMethods | null>(null);
  const [breakGlass, setBreakGlass] = useState(false);
  const [waiting, setWaiting] = useState(false);
  const secretBox = useRef<HTMLInputElement>(null);

  const loadMethods = async (url: string) => {
    const found = await authMethodsRequest(url);
    setMethods(found);
    return found;
  };

  const signedIn = (url: string, res: SignInResponse) => {
    setUsername('');
    return begin({ token: res.token, hubUrl: url, user: res.user });
  };

  /** What a failed sign-in says: single sign-on's own reasons, passwords off, or the rest. */
  const failureText = (
    err: unknown,
    known: AuthMethods | null,
    wrongKey: Parameters<typeof signInFailure>[2],
  ) => {
    if (err instanceof SsoFailed)
      return t(`sso.error.${err.reason}`, { provider: known?.sso?.label ?? 'SSO' });
    // Passwords are off on this hub and this account is no break-glass admin.
    if (err instanceof HubError && err.code === 'forbidden') return t('sso.passwordsOff');
    return signInFailure(err, t, wrongKey, i18n.language).text;
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
        setError(failureText(err, found, 'errors.unauthorized'));
      }
    });
    // Once, on the screen's first showing: the return from the hub is in this page load only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Opened from a reset link: straight to choosing the password (the token leaves the address).
  useEffect(() => {
    const token = resetTokenInLink();
    if (!token) return;
    forgetResetLink();
    const credential = { token };
    void bridge
      .getSettings()
      .then((s) => oneTimeCheckRequest(s.hubUrl, credential))
      .then(
        (owner) => setAccepted({ credential, owner }),
        (err: unknown) => {
          setMode('code');
          setError(signInFailure(err, t, 'account.code.linkWrong', i18n.language).text);
        },
      );
  }, [t, i18n.language]);

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
      setError(failureText(err, methods, 'errors.unauthorized'));
      setBusy(null);
    } finally {
      setWaiting(false);
    }
  };

  // In Electron the hub address is part of the page's security policy: saving a new one reloads
  // the page with a policy that allows it, so it is saved when the field is left, before sign-in.
  // Answers whether the page stays (false: the desktop app reloads it for the new hub, and the
  // sign-in must wait for that; the username is kept across it).
  const saveHubUrl = async (): Promise<boolean> => {
    const current = await bridge.getSettings();
    const wanted = hubUrl.trim();
    if (wanted === current.hubUrl) return true;
    const parsed = HubUrlSchema.safeParse(wanted);
    if (!parsed.success) {
      setError(
        parsed.error.issues.some((i) => i.message === IPV6_HUB_REFUSED)
          ? t('signIn.hubUrlIpv6')
          : t('signIn.badHubUrl'),
      );
      return false;
    }
    try {
      await bridge.updateSettings({ hubUrl: wanted });
      setError(null);
      return bridge.host !== 'electron';
    } catch {
      setError(t('signIn.badHubUrl'));
      return false;
    }
  };

  const switchTo = (next: Mode) => {
    setMode(next);
    setSecret('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('form');
    setError(null);
    try {
      // A hub address typed and sent at once (Enter, no blur): saved first, so the sign-in goes
      // to the hub on screen and not the one before; in the desktop app the page then reloads.
      if (!(await saveHubUrl())) return setBusy(null);
      const url = (await bridge.getSettings()).hubUrl;
      if (mode === 'code') {
        const credential = { username: username.trim(), code: secret };
        const owner = await oneTimeCheckRequest(url, credential);
        setAccepted({ credential, owner });
        setBusy(null);
        return;
      }
      const device = deviceLabel(bridge.host, navigator.userAgent);
      const res = await signInRequest(url, username.trim(), secret, device);
      await signedIn(url, res);
    } catch (err) {
      setError(
        failureText(err, methods, mode === 'code' ? 'account.code.wrong' : 'errors.unauthorized'),
      );
      setBusy(null);
      // A refused password is typed again: the box is emptied and has the focus.
      setSecret('');
      secretBox.current?.focus();
    }
  };

  if (accepted)
    return (
      <ChoosePasswordLazy
        accepted={accepted}
        onCancel={() => {
          setAccepted(null);
          switchTo('password');
        }}
      />
    );

  const sso = methods?.sso ?? null;
  // Passwords off: the form only for a break-glass admin, behind a link (codes set passwords,
  // so they are off too).
  const passwordsOff = methods?.passwords === false;
  const formShown = !passwordsOff || breakGlass;

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <h1>{t('app.name')}</h1>
      <h2>{mode === 'code' ? t('account.code.title') : t('signIn.title')}</h2>
      {expired ? <p className="notice">{t(expired.key, expired.values)}</p> : null}
      {mode === 'code' ? <p className="small muted">{t('account.code.intro')}</p> : null}
      {bridge.host === 'electron' ? (
        <>
          <label>
            {t('signIn.hubUrl')}
            <input
              type="url"
              value={hubUrl}
              aria-describedby={isPlainHttpToNetwork(hubUrl) ? 'sign-in-hub-warning' : undefined}
              onChange={(e) => setHubUrl(e.target.value)}
              onBlur={() =>
                void saveHubUrl().then((stays) => (stays ? loadMethods(hubUrl.trim()) : undefined))
              }
              required
            />
          </label>
          <PlainHttpWarning address={hubUrl} id="sign-in-hub-warning" />
        </>
      ) : null}
      {sso && mode === 'password' ? (
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
      {sso && formShown && mode === 'password' ? (
        <p className="sign-in-or" aria-hidden="true">
          {t('sso.or')}
        </p>
      ) : null}
      {formShown ? (
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
          {mode === 'code' ? (
            <label>
              {t('account.code.field')}
              <input
                key="code"
                ref={secretBox}
                autoComplete="one-time-code"
                autoCapitalize="characters"
                spellCheck={false}
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                required
              />
            </label>
          ) : (
            <label>
              {t('signIn.password')}
              <input
                key="password"
                ref={secretBox}
                type="password"
                autoComplete="current-password"
                value={secret}
                onChange={(e) => setSecret(e.target.value)}
                required
              />
            </label>
          )}
        </>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {formShown ? (
        <button type="submit" className={sso ? undefined : 'primary'} disabled={busy !== null}>
          {mode === 'code'
            ? busy === 'form'
              ? t('account.code.busy')
              : t('account.code.submit')
            : busy === 'form'
              ? t('signIn.busy')
              : t('signIn.submit')}
        </button>
      ) : null}
      {passwordsOff ? (
        <button type="button" className="link break-glass" onClick={() => setBreakGlass((b) => !b)}>
          {breakGlass ? t('sso.hideBreakGlass') : t('sso.breakGlass')}
        </button>
      ) : (
        <button
          type="button"
          className="link"
          onClick={() => switchTo(mode === 'code' ? 'password' : 'code')}
        >
          {mode === 'code' ? t('account.code.back') : t('account.code.open')}
        </button>
      )}
      <LanguagePicker />
    </form>
  );
}
