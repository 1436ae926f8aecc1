import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { StatsTable } from '../../ui/StatsTable.js';
import { BadgeView, ShoutoutView } from './parts.js';
import { ShoutoutComposer } from './ShoutoutComposer.js';
import { entryKey, loadOlder, loadWall, useRecognition } from './store.js';

/**
 * A team's wall: its badges and shout-outs, newest first, a page at a time; the leaderboard
 * only when the hub sends one (the team turned it on and does not coach on behaviours only).
 */
export function WallPanel({ teamId }: { teamId: string }) {
  const { t } = useTranslation();
  const role = useSession((s) => s.session?.user.role);
  const wall = useRecognition((s) => s.wall);
  const [composing, setComposing] = useState(false);
  useEffect(() => {
    const current = useRecognition.getState().wall;
    if (current.teamId !== teamId || current.status === 'idle') void loadWall(teamId);
  }, [teamId]);
  const data = wall.teamId === teamId ? wall.data : null;
  // Shout-outs come from the agent's coaches and teammates (the hub refuses anyone else).
  const gives = role === 'agent' || role === 'lead' || role === 'supervisor';
  return (
    <div className="recognition-panel" data-testid="recognition-wall">
      <div className="row recognition-head">
        <h3>
          {data ? t('recognition.wall.title', { team: data.teamName }) : t('recognition.tabs.wall')}
        </h3>
        <button
          type="button"
          className="link small"
          disabled={wall.status === 'loading'}
          onClick={() => void loadWall(teamId)}
        >
          {t('recognition.refresh')}
        </button>
      </div>
      <p className="small muted">{t('recognition.wall.intro')}</p>
      {gives && !composing ? (
        <button type="button" className="primary give-shoutout" onClick={() => setComposing(true)}>
          {t('recognition.wall.give')}
        </button>
      ) : null}
      {gives && composing ? (
        <ShoutoutComposer teamId={teamId} onClose={() => setComposing(false)} />
      ) : null}
      {wall.status === 'loading' && !data ? (
        <p className="muted" role="status">
          {t('recognition.wall.loading')}
        </p>
      ) : null}
      {wall.error ? (
        <p className="error" role="alert">
          {t(wall.error.key, wall.error.values)}
        </p>
      ) : null}
      {data?.leaderboard ? (
        <StatsTable
          caption={t('recognition.wall.leaderboardCaption')}
          fileName="recognition-leaderboard"
          testId="recognition-leaderboard"
        >
          <thead>
            <tr>
              <th scope="col">{t('recognition.wall.agent')}</th>
              <th scope="col">{t('recognition.wall.badges')}</th>
              <th scope="col">{t('recognition.wall.shoutouts')}</th>
            </tr>
          </thead>
          <tbody>
            {data.leaderboard.map((row) => (
              <tr key={row.agentId}>
                <th scope="row">{row.agentName}</th>
                <td>{row.badges}</td>
                <td>{row.shoutouts}</td>
              </tr>
            ))}
          </tbody>
        </StatsTable>
      ) : null}
      {data && data.entries.length === 0 ? (
        <p className="muted">{t('recognition.wall.empty')}</p>
      ) : null}
      {data && data.entries.length > 0 ? (
        <ul className="recognition-list" data-testid="wall-entries">
          {data.entries.map((e) => (
            <li key={entryKey(e)} data-testid="wall-entry">
              {e.kind === 'badge' ? (
                <BadgeView badge={e.badge} whose />
              ) : (
                <ShoutoutView shoutout={e.shoutout} whose />
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {data && data.entries.length > 0 ? (
        <div className="row recognition-more">
          <span className="small muted">
            {t('recognition.wall.shown', { count: data.entries.length })}
          </span>
          {wall.more ? (
            <button type="button" disabled={wall.loadingMore} onClick={() => void loadOlder()}>
              {wall.loadingMore ? t('recognition.wall.loadingOlder') : t('recognition.wall.older')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
