import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type KpiSetup } from '@sidecoach/shared';
import { useSession } from '../../hub/session-store.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { NameSelect } from '../../ui/NameSelect.js';
import { useCalls } from '../call/store.js';
import { saveQueue, useFigures } from './store.js';
import { TeamSettingsForm } from './TeamSettingsForm.js';

type SetupQueue = KpiSetup['queues'][number];

/** Unmapped queues first (their legs count for no team yet), then by name. */
export const queueOrder = (a: SetupQueue, b: SetupQueue) =>
  Number(a.teamId !== null) - Number(b.teamId !== null) || a.queue.localeCompare(b.queue);

/**
 * KPI settings: which team each PBX queue's calls count for (admins), and per team the FCR
 * window, the short-abandon and service-level thresholds, targets and the leaderboard switch
 * (admins, and leads for the teams they lead).
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const { status, error, data } = useFigures((s) => s.setup);
  const admin = useSession((s) => s.session?.user.role === 'admin');
  if (!data)
    return status === 'failed' && error ? (
      <ErrorText message={error} />
    ) : (
      <p className="muted">{t('kpi.loading')}</p>
    );
  return (
    <div className="kpi-settings">
      {error ? <ErrorText message={error} /> : null}
      {admin ? <QueuesSection setup={data} /> : null}
      <TeamSettingsSection setup={data} />
    </div>
  );
}

function QueuesSection({ setup }: { setup: KpiSetup }) {
  const { t } = useTranslation();
  const queues = useMemo(() => [...setup.queues].sort(queueOrder), [setup.queues]);
  const teams = setup.teams.map((team) => ({ id: team.teamId, name: team.teamName }));
  return (
    <section className="kpi-section" aria-labelledby="kpi-queues-title">
      <h3 id="kpi-queues-title">{t('kpi.settings.queues')}</h3>
      <p className="mgr-hint">{t('kpi.settings.queuesHint')}</p>
      {queues.length === 0 ? (
        <p className="muted" data-testid="kpi-no-queue">
          {t('kpi.settings.noQueue')}
        </p>
      ) : (
        <ul className="kpi-queues" data-testid="kpi-queues">
          {queues.map((q) => (
            <QueueRow key={q.queue} queue={q} teams={teams} />
          ))}
        </ul>
      )}
    </section>
  );
}

function QueueRow({
  queue,
  teams,
}: {
  queue: SetupQueue;
  teams: readonly { id: string; name: string }[];
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const pack = useCalls((s) => s.pack);
  const [teamId, setTeamId] = useState(queue.teamId ?? '');
  const [callType, setCallType] = useState(queue.callType ?? '');
  const busy = useFigures((s) => s.queueSave.busy === queue.queue);
  const notice = useFigures((s) => (s.queueSave.queue === queue.queue ? s.queueSave.notice : null));
  const changed = teamId !== (queue.teamId ?? '') || callType !== (queue.callType ?? '');
  const unmapped = queue.teamId === null;
  return (
    <li className={unmapped ? 'kpi-queue unmapped' : 'kpi-queue'} data-queue={queue.queue}>
      <p className="kpi-queue-name">
        <strong>{queue.queue}</strong>{' '}
        {unmapped ? (
          <span className="kpi-badge">
            {t('kpi.settings.legsWaiting', { count: queue.legsWaiting })}
          </span>
        ) : null}
      </p>
      <form
        className="kpi-queue-form"
        onSubmit={(e) => {
          e.preventDefault();
          void saveQueue({
            queue: queue.queue,
            teamId: teamId || null,
            callType: callType || null,
          });
        }}
      >
        <NameSelect
          id={`${id}-team`}
          label={t('kpi.settings.queueTeam')}
          allLabel={t('kpi.settings.unmapped')}
          value={teamId}
          options={teams}
          onChange={setTeamId}
        />
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('kpi.settings.queueCallType')}</label>
          <select id={`${id}-type`} value={callType} onChange={(e) => setCallType(e.target.value)}>
            <option value="">{t('kpi.settings.callTypeAny')}</option>
            {(pack?.callTypes ?? []).map((ct) => (
              <option key={ct.id} value={ct.id}>
                {localize(ct.name, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={!changed || busy} aria-busy={busy}>
          {busy ? t('kpi.settings.saving') : t('kpi.settings.saveQueue')}
        </button>
      </form>
      {notice ? (
        notice.ok ? (
          <p className="mgr-ok small" role="status">
            {t(notice.message.key, notice.message.values)}
          </p>
        ) : (
          <ErrorText message={notice.message} small />
        )
      ) : null}
    </li>
  );
}

function TeamSettingsSection({ setup }: { setup: KpiSetup }) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState(setup.teams[0]?.teamId ?? '');
  const team = setup.teams.find((x) => x.teamId === teamId) ?? setup.teams[0];
  return (
    <section className="kpi-section" aria-labelledby="kpi-team-settings-title">
      <h3 id="kpi-team-settings-title">{t('kpi.settings.teamTitle')}</h3>
      {team ? (
        <>
          <NameSelect
            label={t('kpi.filters.team')}
            value={team.teamId}
            options={setup.teams.map((x) => ({ id: x.teamId, name: x.teamName }))}
            onChange={setTeamId}
          />
          {/* A team's own form (its draft starts from what is saved). */}
          <TeamSettingsForm key={`${team.teamId}|${JSON.stringify(team)}`} team={team} />
        </>
      ) : (
        <p className="muted">{t('kpi.settings.noTeams')}</p>
      )}
    </section>
  );
}
