import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { useFocusIfLost } from '../../lib/focus.js';
import { BackButton } from '../../ui/BackButton.js';
import { NameSelect } from '../../ui/NameSelect.js';
import { CoachNav } from '../floor/CoachNav.js';
import { loadTeams, useRecognition } from './store.js';
import { SummaryPanel } from './SummaryPanel.js';
import { WallPanel } from './WallPanel.js';
import { closeRecognition, openRecognition, useRecognitionView } from './view.js';
import '../../ui/manager.css';
import './recognition.css';

/**
 * Recognition over the sidebar (back returns to where the user was): the team wall for every
 * member, lead and supervisor of a team (admins: of any team), and the monthly summary for the
 * team's leads and admins.
 */
export default function RecognitionView() {
  const { t } = useTranslation();
  const user = useSession((s) => s.session?.user);
  const open = useRecognitionView((s) => s.open);
  const teams = useRecognition((s) => s.teams);
  const [chosen, setChosen] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  useEffect(() => {
    void loadTeams();
  }, [user?.role]);
  if (!user) return null;
  const role = user.role;
  const summaryAllowed = role === 'lead' || role === 'admin';
  const tab = open === 'summary' && summaryAllowed ? 'summary' : 'wall';
  const list = teams.list;
  const teamId = list.some((x) => x.id === chosen) ? chosen : (list[0]?.id ?? '');
  return (
    <section className="manager-screen recognition-screen" aria-labelledby="recognition-title">
      {role === 'agent' ? (
        <div className="row">
          <BackButton strings="surveys" onClick={closeRecognition} />
        </div>
      ) : (
        <>
          <div className="row survey-top">
            <BackButton strings="surveys" onClick={closeRecognition} />
          </div>
          <CoachNav current="recognition" />
        </>
      )}
      <h2 id="recognition-title" ref={heading} tabIndex={-1}>
        {t('recognition.title')}
      </h2>
      {summaryAllowed ? (
        <nav className="mgr-tabs" aria-label={t('recognition.tabsLabel')}>
          {(['wall', 'summary'] as const).map((x) => (
            <button
              key={x}
              type="button"
              aria-current={tab === x ? 'page' : undefined}
              onClick={() => openRecognition(x)}
            >
              {t(`recognition.tabs.${x}`)}
            </button>
          ))}
        </nav>
      ) : null}
      {teams.status === 'loading' ? (
        <p className="muted" role="status">
          {t('recognition.loadingTeams')}
        </p>
      ) : null}
      {teams.error ? (
        <p className="error" role="alert">
          {t(teams.error.key, teams.error.values)}
        </p>
      ) : null}
      {teams.status === 'loaded' && list.length === 0 ? (
        <p className="muted">{t('recognition.noTeam')}</p>
      ) : null}
      {list.length > 1 ? (
        <NameSelect
          id="recognition-team"
          label={t('recognition.team')}
          value={teamId}
          options={list}
          onChange={setChosen}
        />
      ) : null}
      {teamId && tab === 'wall' ? <WallPanel teamId={teamId} /> : null}
      {teamId && tab === 'summary' ? <SummaryPanel teamId={teamId} /> : null}
    </section>
  );
}
