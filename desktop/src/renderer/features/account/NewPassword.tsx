import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  passwordProblems,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordOwner,
  type PasswordProblem,
} from '@sidecoach/shared';
import './account.css';

const limits = { min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH };

/** The rules, each marked as it is met while the user types (the common list: by the hub). */
function PasswordRules({
  problems,
  refused,
}: {
  /** Null before anything is typed: no rule is marked yet. */
  problems: PasswordProblem[] | null;
  refused: boolean;
}) {
  const { t } = useTranslation();
  const met = (...broken: PasswordProblem[]) =>
    problems === null ? null : !broken.some((p) => problems.includes(p));
  const rules = [
    { key: 'length', met: met('too_short', 'too_long') },
    { key: 'username', met: met('contains_username') },
    { key: 'name', met: met('contains_name') },
    // Only the hub has the list; what the sidebar can see (one piece repeated) is marked too.
    { key: 'common', met: refused || problems?.includes('common') ? false : null },
  ] as const;
  return (
    <div className="password-rules">
      <p className="small">{t('account.rules.title')}</p>
      <ul>
        {rules.map((rule) => (
          <li key={rule.key} data-met={rule.met === null ? 'unknown' : String(rule.met)}>
            <span aria-hidden="true">{rule.met === null ? '•' : rule.met ? '✓' : '✗'}</span>
            {t(`account.rules.${rule.key}`, limits)}
            {rule.met === null ? null : (
              <span className="visually-hidden">
                {' '}
                ({t(rule.met ? 'account.rules.met' : 'account.rules.notMet')})
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

export interface NewPasswordValue {
  password: string;
  /** Every rule the sidebar can check is met and both fields agree. */
  ready: boolean;
}

/**
 * A new password typed twice, with the rules stated and checked as the user types. `refused`:
 * what the hub refused the last one for (the common list is only on the hub).
 */
export function NewPasswordFields({
  owner,
  refused,
  onChange,
  labels,
}: {
  owner: PasswordOwner;
  refused: readonly PasswordProblem[];
  onChange: (value: NewPasswordValue) => void;
  labels: { password: string; repeat: string };
}) {
  const { t } = useTranslation();
  const id = useId();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [shown, setShown] = useState(false);
  const problems = passwordProblems(password, owner);
  const mismatch = repeat.length > 0 && repeat !== password;
  const update = (nextPassword: string, nextRepeat: string) => {
    setPassword(nextPassword);
    setRepeat(nextRepeat);
    const ready = nextPassword === nextRepeat && passwordProblems(nextPassword, owner).length === 0;
    onChange({ password: nextPassword, ready });
  };
  const type = shown ? 'text' : 'password';
  return (
    <div className="new-password">
      <label>
        {labels.password}
        <input
          type={type}
          autoComplete="new-password"
          value={password}
          maxLength={PASSWORD_MAX_LENGTH * 2}
          aria-describedby={`${id}-rules`}
          onChange={(e) => update(e.target.value, repeat)}
          required
        />
      </label>
      <label>
        {labels.repeat}
        <input
          type={type}
          autoComplete="new-password"
          value={repeat}
          aria-invalid={mismatch}
          onChange={(e) => update(password, e.target.value)}
          required
        />
      </label>
      <label className="choice small">
        <input type="checkbox" checked={shown} onChange={(e) => setShown(e.target.checked)} />
        {t('account.show')}
      </label>
      <div id={`${id}-rules`}>
        <PasswordRules problems={password ? problems : null} refused={refused.includes('common')} />
      </div>
      {mismatch ? <p className="error small">{t('account.mismatch')}</p> : null}
    </div>
  );
}

/** The hub's reasons for refusing a password, in words. */
export function RefusedPassword({ problems }: { problems: readonly PasswordProblem[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="error refused" role="alert">
      {problems.map((p) => (
        <p key={p}>{t(`account.problems.${p}`, limits)}</p>
      ))}
    </div>
  );
}
