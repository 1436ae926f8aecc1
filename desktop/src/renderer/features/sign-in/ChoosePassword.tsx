import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneTimeCheckResponse, OneTimeCredential, PasswordProblem } from '@sidecoach/shared';
import { bridge } from '../../lib/bridge.js';
import { deviceLabel } from '../../lib/device.js';
import { shortDateTime } from '../../lib/format.js';
import { firstPasswordRequest } from '../../hub/client.js';
import { begin } from '../../hub/lifecycle.js';
import {
  NewPasswordFields,
  RefusedPassword,
  type NewPasswordValue,
} from '../account/NewPassword.js';
import { signInFailure } from './failure.js';

/** What a good one-time code (or reset link) opens: choosing the password, then signed in. */
export interface CodeAccepted {
  credential: OneTimeCredential;
  owner: OneTimeCheckResponse;
}

/** A first sign-in (or a reset): nothing else opens before the password is chosen. */
export function ChoosePassword({
  accepted,
  onCancel,
}: {
  accepted: CodeAccepted;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [value, setValue] = useState<NewPasswordValue>({ password: '', ready: false });
  const [refused, setRefused] = useState<PasswordProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { owner, credential } = accepted;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.ready) return;
    setBusy(true);
    setError(null);
    setRefused([]);
    try {
      const url = (await bridge.getSettings()).hubUrl;
      const device = deviceLabel(bridge.host, navigator.userAgent);
      const res = await firstPasswordRequest(url, credential, value.password, device);
      await begin({ token: res.token, hubUrl: url, user: res.user });
    } catch (err) {
      const failure = signInFailure(err, t, 'account.code.wrong', i18n.language);
      if (failure.problems.length > 0) setRefused(failure.problems);
      else setError(failure.text);
      setBusy(false);
    }
  };

  return (
    <form className="sign-in" onSubmit={(e) => void submit(e)} aria-labelledby="choose-title">
      <h1>{t('app.name')}</h1>
      <h2 id="choose-title">{t('account.choose.title')}</h2>
      <div className="intro">
        <p className="small">{t('account.choose.intro', { name: owner.displayName })}</p>
        <p className="small muted">
          {t('account.choose.expires', {
            time: shortDateTime(i18n.language).format(new Date(owner.expiresAt)),
          })}
        </p>
      </div>
      <input type="hidden" autoComplete="username" value={owner.username} readOnly />
      <NewPasswordFields
        owner={owner}
        refused={refused}
        onChange={(v) => {
          setValue(v);
          setRefused([]);
        }}
        labels={{ password: t('account.choose.password'), repeat: t('account.choose.repeat') }}
      />
      <RefusedPassword problems={refused} />
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={busy || !value.ready}>
        {busy ? t('account.choose.busy') : t('account.choose.submit')}
      </button>
      <button type="button" className="link" onClick={onCancel}>
        {t('account.choose.cancel')}
      </button>
    </form>
  );
}
