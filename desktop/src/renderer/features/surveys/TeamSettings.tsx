import { useTranslation } from 'react-i18next';
import { messageText } from '../../i18n/index.js';
import { saveTeamSetting, useSurveys, type TeamFlags } from '../../store/surveys-store.js';
import { useSidebar } from '../../store/sidebar-store.js';

const NO_TEAMS: readonly { id: string; name: string }[] = [];

function TeamSettingRow({ team, named }: { team: { id: string; name: string }; named: boolean }) {
  const { t } = useTranslation();
  const setting = useSurveys((s) => s.teamSettings[team.id]);
  const status = setting?.status ?? 'loading';
  const busy = status === 'loading' || status === 'saving';
  const flags: Array<[keyof TeamFlags, string]> = [
    [
      'agentsSeeSurveys',
      named
        ? t('surveys.settings.agentsSeeTeam', { team: team.name })
        : t('surveys.settings.agentsSee'),
    ],
    [
      'behavioursOnly',
      named ? t('reflection.teamSettingNamed', { team: team.name }) : t('reflection.teamSetting'),
    ],
  ];
  return (
    <div className="team-setting" data-testid="team-setting">
      {flags.map(([flag, label]) => (
        <label key={flag} className="check">
          <input
            type="checkbox"
            checked={setting?.value?.[flag] ?? false}
            disabled={busy || !setting?.value}
            aria-busy={busy}
            onChange={(e) => void saveTeamSetting(team.id, { [flag]: e.target.checked })}
          />
          <span>{label}</span>
        </label>
      ))}
      <span className="small setting-status" role="status" data-testid="team-setting-status">
        {status === 'loading'
          ? t('surveys.loading')
          : status === 'saving'
            ? t('surveys.saving')
            : status === 'saved'
              ? t('surveys.saved')
              : ''}
      </span>
      {status === 'failed' && setting?.error ? (
        <p className="error small" role="alert">
          {messageText(t, setting.error)}
        </p>
      ) : null}
    </div>
  );
}

/** Leads and admins: whether the agents of their teams see their own customers' answers. */
export function TeamSettings() {
  const { t } = useTranslation();
  const role = useSidebar((s) => s.session?.user.role);
  const teams = useSidebar((s) => s.session?.user.teams ?? NO_TEAMS);
  if (role !== 'lead' && role !== 'admin') return null;
  return (
    <section className="card team-settings" aria-labelledby="team-settings-title">
      <h3 id="team-settings-title">{t('surveys.settings.title')}</h3>
      {teams.length === 0 ? <p className="small muted">{t('surveys.settings.noTeams')}</p> : null}
      {teams.map((team) => (
        <TeamSettingRow key={team.id} team={team} named={teams.length > 1} />
      ))}
      {teams.length > 0 ? <p className="small muted">{t('surveys.settings.hint')}</p> : null}
    </section>
  );
}
