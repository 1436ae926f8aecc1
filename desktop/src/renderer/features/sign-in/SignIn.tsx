import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../lib/bridge.js';
import { deviceLabel } from '../../lib/device.js';
import { forgetResetLink, resetTokenInLink } from '../../lib/reset-link.js';
import { oneTimeCheckRequest, signInRequest } from '../../hub/client.js';
import { begin } from '../../hub/lifecycle.js';
import { useSession } from '../../hub/session-store.js';
import { LanguagePicker } from '../header/LanguagePicker.js';
import { ChoosePassword, type CodeAccepted } from './ChoosePassword.js';
import { signInFailure } from './failure.js';
import './sign-in.css';

type Mode = 'password' | 'code';

export function SignIn() {
  const { t } = useTranslation();
  const expired = useSession((s) => s.signInNotice);
  const [hubUrl, setHubUrl] = useState('');
  const [mode, setMode] = useState<Mode>('password');
  const [username, setUsername] = useState('');
  const [secret, setSecret] = useState('');
  const [accepted, setAccepted] = useState<CodeAccepted | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((s) => setHubUrl(s.hubUrl));
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
          setError(signInFailure(err, t, 'account.code.linkWrong').text);
        },
      );
  }, [t]);

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

  const switchTo = (next: Mode) => {
    setMode(next);
    setSecret('');
    setError(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const url = (await bridge.getSettings()).hubUrl;
      if (mode === 'code') {
        const credential = { username: username.trim(), code: secret };
        const owner = await oneTimeCheckRequest(url, credential);
        setAccepted({ credential, owner });
        setBusy(false);
        return;
      }
      const device = deviceLabel(bridge.host, navigator.userAgent);
      const res = await signInRequest(url, username.trim(), secret, device);
      await begin({ token: res.token, hubUrl: url, user: res.user });
    } catch (err) {
      setError(
        signInFailure(err, t, mode === 'code' ? 'account.code.wrong' : 'errors.unauthorized').text,
      );
      setBusy(false);
    }
  };

  if (accepted)
    return (
      <ChoosePassword
        accepted={accepted}
        onCancel={() => {
          setAccepted(null);
          switchTo('password');
        }}
      />
    );

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)}>
      <h1>{t('app.name')}</h1>
      <h2>{mode === 'code' ? t('account.code.title') : t('signIn.title')}</h2>
      {expired ? <p className="notice">{t(expired.key, expired.values)}</p> : null}
      {mode === 'code' ? <p className="small muted">{t('account.code.intro')}</p> : null}
      {bridge.host === 'electron' ? (
        <label>
          {t('signIn.hubUrl')}
          <input
            type="url"
            value={hubUrl}
            onChange={(e) => setHubUrl(e.target.value)}
            onBlur={() => void saveHubUrl()}
            required
          />
        </label>
      ) : null}
      <label>
        {t('signIn.username')}
        <input
          autoComplete="username"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
          autoFocus
        />
      </label>
      {mode === 'code' ? (
        <label>
          {t('account.code.field')}
          <input
            key="code"
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
            type="password"
            autoComplete="current-password"
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
            required
          />
        </label>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {mode === 'code'
          ? busy
            ? t('account.code.busy')
            : t('account.code.submit')
          : busy
            ? t('signIn.busy')
            : t('signIn.submit')}
      </button>
      <button
        type="button"
        className="link"
        onClick={() => switchTo(mode === 'code' ? 'password' : 'code')}
      >
        {mode === 'code' ? t('account.code.back') : t('account.code.open')}
      </button>
      <LanguagePicker />
    </form>
  );
}
