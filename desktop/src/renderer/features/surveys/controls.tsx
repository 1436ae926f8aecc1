import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../i18n/message.js';
import { useSession } from '../../hub/session-store.js';

const NO_TEAMS: readonly { id: string; name: string }[] = [];

/** One of the user's teams, or all of them. */
export function TeamSelect({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (teamId: string | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const teams = useSession((s) => s.session?.user.teams ?? NO_TEAMS);
  return (
    <div className="field">
      <label htmlFor={id}>{t('surveys.team.label')}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{t('surveys.team.all')}</option>
        {teams.map((team) => (
          <option key={team.id} value={team.id}>
            {team.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A load or save error, as an alert (it is what the user asked for that failed). */
export function ErrorLine({ error }: { error: Message }) {
  const { t } = useTranslation();
  return (
    <p className="error" role="alert">
      {t(error.key, error.values)}
    </p>
  );
}
