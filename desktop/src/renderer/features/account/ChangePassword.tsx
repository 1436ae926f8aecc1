import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasswordProblem, UserProfile } from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import { StatusLine } from './StatusLine.js';
import { NewPasswordFields, RefusedPassword, type NewPasswordValue } from './NewPassword.js';

type Outcome = { ok: true } | { ok: false; text: string } | null;

/** The user's own password: the current one, then a new one by the rules. */
export function ChangePassword({ user, onChanged }: { user: UserProfile; onChanged: () => void }) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [value, setValue] = useState<NewPasswordValue>({ password: '', ready: false });
  const [refused, setRefused] = useState<PasswordProblem[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // A new form after a change: the fields start empty again.
  const [round, setRound] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!value.ready || !current) return;
    setBusy(true);
    setOutcome(null);
    setRefused([]);
    const res = await ask(
      'account:change-password',
      { current, next: value.password },
      { messages: { unauthorized: 'account.change.wrongCurrent' } },
    );
    setBusy(false);
    if (res.ok) {
      setCurrent('');
      setValue({ password: '', ready: false });
      setRound(round + 1);
      setOutcome({ ok: true });
      onChanged();
    } else if (res.problems?.length) setRefused(res.problems);
    else setOutcome({ ok: false, text: t(res.error.key, res.error.values) });
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="change-title">
      <h2 id="change-title">{t('account.change.title')}</h2>
      <input type="hidden" autoComplete="username" value={user.username} readOnly />
      <label>
        {t('account.change.current')}
        <input
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
        />
      </label>
      <NewPasswordFields
        key={round}
        owner={user}
        refused={refused}
        onChange={(v) => {
          setValue(v);
          setRefused([]);
        }}
        labels={{ password: t('account.change.next'), repeat: t('account.change.repeat') }}
      />
      <RefusedPassword problems={refused} />
      <StatusLine
        outcome={outcome && (outcome.ok ? { ok: true, text: t('account.change.done') } : outcome)}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={busy || !value.ready || !current}>
          {busy ? t('account.change.busy') : t('account.change.submit')}
        </button>
      </div>
    </form>
  );
}
