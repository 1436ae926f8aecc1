import { useTranslation } from 'react-i18next';
import type { KpiDashboard, KpiId } from '@sidecoach/shared';
import { ErrorText } from '../../ui/ErrorText.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { daysLabel } from './format.js';
import { Filters } from './Filters.js';
import { TEAM_KPIS } from './kpis.js';
import type { DrillScope, FiguresQuery } from './route.js';
import { go, queryKey, useFigures } from './store.js';
import { AgentsTable, CallTypesTable } from './tables.js';
import { KpiTiles } from './Tiles.js';
import { TrendSection } from './TrendSection.js';

/** Opens the calls behind a number of this dashboard. */
const drill = (query: FiguresQuery, scope: DrillScope) => go({ screen: 'calls', query, scope });

/** The days, the team's time zone and the queues the figures come from. */
export function DashboardFacts({ dashboard }: { dashboard: KpiDashboard }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="kpi-facts small">
      <p className="muted" data-testid="kpi-range">
        {t('kpi.dashboard.range', {
          days: daysLabel(dashboard.from, dashboard.to, i18n.language),
          zone: dashboard.timeZone,
        })}
      </p>
      {dashboard.queues.length > 0 ? (
        <p className="muted">
          {t('kpi.dashboard.queues', {
            count: dashboard.queues.length,
            queues: dashboard.queues.join(', '),
          })}
        </p>
      ) : (
        <p className="kpi-warning" data-testid="kpi-no-queues">
          {t('kpi.dashboard.noQueues')}
        </p>
      )}
    </div>
  );
}

/** Leads and quality managers: one team's figures against its targets, the trend, its people. */
export function DashboardScreen({
  query,
  teams,
}: {
  query: FiguresQuery;
  teams: readonly { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const { status, error, data, key } = useFigures((s) => s.dashboard);
  const dashboard = key === queryKey(query) ? data : null;
  const empty =
    dashboard !== null && dashboard.total.sums.offered === 0 && dashboard.total.sums.calls === 0;
  const open = (kpi: KpiId, extra: Omit<DrillScope, 'kpi'> = {}) => drill(query, { kpi, ...extra });
  return (
    <section
      className="kpi-dashboard"
      aria-labelledby="kpi-dashboard-title"
      aria-busy={status === 'loading'}
    >
      <h3 id="kpi-dashboard-title" className="visually-hidden">
        {dashboard?.teamName ?? t('kpi.tabs.dashboard')}
      </h3>
      <Filters
        key={queryKey(query)}
        query={query}
        teams={teams}
        onChange={(next) => go({ screen: 'dashboard', teamId: next.teamId, query: next })}
      />
      {status === 'loading' && !dashboard ? (
        <p className="muted">{t('kpi.loadingFigures')}</p>
      ) : null}
      {error ? <ErrorText message={error} /> : null}
      {dashboard ? (
        <>
          <DashboardFacts dashboard={dashboard} />
          {empty ? (
            <p className="muted" data-testid="kpi-empty">
              {t('kpi.dashboard.empty')}
            </p>
          ) : (
            <>
              <KpiTiles
                row={dashboard.total}
                kpis={TEAM_KPIS}
                settings={dashboard.settings}
                targets={dashboard.settings.targets}
                period={dashboard.period}
                buckets={Math.max(1, dashboard.trend.length)}
                provisionalFrom={dashboard.fcrProvisionalFrom}
                onDrill={(kpi) => open(kpi)}
                label={t('kpi.tilesLabel', { name: dashboard.teamName })}
                testId="kpi-tiles"
              />
              <TrendSection
                dashboard={dashboard}
                query={query}
                onDrill={(kpi, days) => open(kpi, { days })}
              />
              <section className="kpi-section" aria-labelledby="kpi-agents-title">
                <h3 id="kpi-agents-title">{t('kpi.agents.title')}</h3>
                {dashboard.agents.length > 0 ? (
                  <AgentsTable
                    dashboard={dashboard}
                    onAgent={(agentId) => open('aht', { agentId })}
                  />
                ) : (
                  <p className="muted">{t('kpi.agents.none')}</p>
                )}
              </section>
              <section className="kpi-section" aria-labelledby="kpi-types-title">
                <h3 id="kpi-types-title">{t('kpi.callTypes.title')}</h3>
                {dashboard.callTypes.length > 0 ? (
                  <CallTypesTable
                    dashboard={dashboard}
                    onCallType={(callType) => open('answered', { callType })}
                  />
                ) : (
                  <p className="muted">{t('kpi.callTypes.none')}</p>
                )}
              </section>
            </>
          )}
          <HubExportButton
            path="/api/kpi/legs.csv"
            query={{ teamId: query.teamId, from: query.from, to: query.to }}
            fileName="kpi-legs"
            label={t('kpi.exportLegs')}
          />
        </>
      ) : null}
    </section>
  );
}
