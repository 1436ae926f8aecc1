import { useTranslation } from 'react-i18next';
import type { Message } from '../../i18n/message.js';
import { useSession } from '../../hub/session-store.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { NameSelect } from '../../ui/NameSelect.js';

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
  const teams = useSession((s) => s.session?.user.teams ?? NO_TEAMS);
  return (
    <NameSelect
      label={t('surveys.team.label')}
      allLabel={t('surveys.team.all')}
      value={value ?? ''}
      options={teams}
      onChange={(id) => onChange(id || null)}
    />
  );
}

/** A load or save error, as an alert (it is what the user asked for that failed). */
export function ErrorLine({ error }: { error: Message }) {
  return <ErrorText message={error} />;
}
