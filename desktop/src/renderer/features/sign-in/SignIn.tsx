import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../lib/bridge.js';
import { HubError, signInRequest } from '../../hub/client.js';
import { begin } from '../../hub/lifecycle.js';
import { useSession } from '../../hub/session-store.js';
import { LanguagePicker } from '../header/LanguagePicker.js';
import './sign-in.css';

export function SignIn() {
  const { t } = useTranslation();
  const expired = useSession((s) => s.signInNotice);
  const [hubUrl, setHubUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void bridge.getSettings().then((s) => setHubUrl(s.hubUrl));
  }, []);

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
    setBusy(true);
    setError(null);
    try {
      const url = (await bridge.getSettings()).hubUrl;
      const res = await signInRequest(url, username.trim(), password);
      await begin({ token: res.token, hubUrl: url, user: res.user });
    } catch (err) {
      if (err instanceof HubError && err.code === 'network')
        setError(t('errors.network', { url: hubUrl }));
      else if (
        err instanceof HubError &&
        (err.code === 'unauthorized' || err.code === 'rate_limited')
      )
        setError(t(`errors.${err.code}`));
      else
        setError(
          t('errors.generic', { message: err instanceof Error ? err.message : String(err) }),
        );
      setBusy(false);
    }
  };

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
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('signIn.busy') : t('signIn.submit')}
      </button>
      <LanguagePicker />
    </form>
  );
}
