import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hub/session-store.js';
import { localDay } from '../../lib/time.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { CoachViewTop } from '../floor/CoachNav.js';
import { CallsScreen } from './CallsScreen.js';
import { DashboardScreen } from './DashboardScreen.js';
import { defaultRange, routeOf, type FiguresQuery, type FiguresRoute } from './route.js';
import { SettingsScreen } from './SettingsScreen.js';
import { canSetUp, go, show, useFigures } from './store.js';
import { closeFigures, useFiguresView } from './view.js';
import '../../ui/manager.css';
import './kpi.css';

const NO_TEAMS: readonly { id: string; name: string }[] = [];

/** The teams the user may read figures of: every team for an admin, else their own. */
export function useVisibleTeams(): {
  teams: readonly { id: string; name: string }[];
  ready: boolean;
} {
  const user = useSession((s) => s.session?.user);
  const setup = useFigures((s) => s.setup);
  const fromSetup = useMemo(
    () => (setup.data?.teams ?? []).map((t) => ({ id: t.teamId, name: t.teamName })),
    [setup.data],
  );
  if (user?.role === 'admin')
    return { teams: fromSetup, ready: setup.status === 'loaded' || setup.status === 'failed' };
  return { teams: user?.teams ?? NO_TEAMS, ready: true };
}

/**
 * Contact-centre figures for leads, supervisors and quality managers: one team's KPIs against
 * its targets with the trend, its agents and call types, the calls behind any number, and (for
 * admins and leads) the KPI settings; each screen at an address of its own (`#/figures/...`).
 */
export default function FiguresView() {
  const { t } = useTranslation();
  const path = useFiguresView((s) => s.path);
  const settingsAllowed = canSetUp();
  // Settings are for admins and leads: anyone else's `#/figures/settings` is the dashboard.
  const route = useMemo<FiguresRoute>(() => {
    const asked = routeOf(path);
    return asked.screen === 'settings' && !settingsAllowed
      ? { screen: 'dashboard', teamId: null, query: null }
      : asked;
  }, [path, settingsAllowed]);
  const { teams, ready } = useVisibleTeams();
  const setupError = useFigures((s) => (s.setup.status === 'failed' ? s.setup.error : null));
  // The dashboard's request: the address's, else the team's (or the first team's) default days.
  const query = useMemo<FiguresQuery | null>(() => {
    if (route.screen === 'settings') return null;
    if (route.query) return route.query;
    // A team the user may not see (an old bookmark) is left to the hub to refuse.
    const teamId = (route.screen === 'dashboard' ? route.teamId : null) ?? teams[0]?.id;
    return teamId ? { teamId, period: 'week', ...defaultRange('week', localDay()) } : null;
  }, [route, teams]);
  const key = `${path.join('/')}|${query ? JSON.stringify(query) : ''}`;
  // Every screen loads what it shows when it is opened (the address, a link, back and forward).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the route and query follow `key`
  useEffect(() => show(route, query), [key]);
  const tab = route.screen === 'settings' ? 'settings' : 'dashboard';
  return (
    <div className="kpi-view manager-screen">
      <CoachViewTop current="figures" onBack={closeFigures} />
      <h2>{t('kpi.title')}</h2>
      {settingsAllowed ? (
        <nav className="mgr-tabs" aria-label={t('kpi.tabs.label')}>
          <button
            type="button"
            aria-current={tab === 'dashboard' ? 'page' : undefined}
            onClick={() => go({ screen: 'dashboard', teamId: query?.teamId ?? null, query })}
          >
            {t('kpi.tabs.dashboard')}
          </button>
          <button
            type="button"
            aria-current={tab === 'settings' ? 'page' : undefined}
            onClick={() => go({ screen: 'settings' })}
          >
            {t('kpi.tabs.settings')}
          </button>
        </nav>
      ) : null}
      {tab === 'settings' ? (
        <SettingsScreen />
      ) : !ready ? (
        <p className="muted">{t('kpi.loading')}</p>
      ) : !query ? (
        setupError ? (
          <ErrorText message={setupError} />
        ) : (
          <p className="muted" data-testid="kpi-no-team">
            {t('kpi.noTeam')}
          </p>
        )
      ) : route.screen === 'calls' ? (
        <CallsScreen query={query} scope={route.scope} />
      ) : (
        <DashboardScreen query={query} teams={teams} />
      )}
    </div>
  );
}
