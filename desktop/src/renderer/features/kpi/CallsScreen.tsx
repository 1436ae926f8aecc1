import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KpiDashboard, KpiDrillRow, KpiId, KpiRow } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { formatOffset } from '../../lib/time.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { StatsTable } from '../../ui/StatsTable.js';
import { useCalls } from '../call/store.js';
import { howItCounts } from './counts.js';
import { daysLabel, formatFigure, formatMean, targetStatus } from './format.js';
import { AGENT_KPIS, shownKpis, TEAM_KPIS } from './kpis.js';
import { bucketDays, type DrillScope, type FiguresQuery } from './route.js';
import { drillKey, go, loadMoreDrill, queryKey, useFigures } from './store.js';
import { KpiTiles, TargetLine } from './Tiles.js';

/** The dashboard's row for a scope (an agent, a call type, a trend bucket), when it has one. */
function rowOf(dashboard: KpiDashboard, scope: DrillScope, query: FiguresQuery): KpiRow | null {
  if (scope.agentId) {
    // An agent's figures are for the dashboard's days (not a bucket's).
    const agent = dashboard.agents.find((a) => a.agentId === scope.agentId);
    return agent && !scope.days ? agent : null;
  }
  if (scope.callType) {
    const type = dashboard.callTypes.find((c) => c.callType === scope.callType);
    return type && !scope.days ? type : null;
  }
  if (scope.days) {
    const { from, to } = scope.days;
    return (
      dashboard.trend.find((b) => {
        const days = bucketDays(b.bucket, query);
        return days.from === from && days.to === to;
      }) ?? null
    );
  }
  return dashboard.total;
}

/** The calls behind a number: a figure of the team, an agent, a call type or a trend bucket. */
export function CallsScreen({ query, scope }: { query: FiguresQuery; scope: DrillScope }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const id = useId();
  const pack = useCalls((s) => s.pack);
  const board = useFigures((s) => s.dashboard);
  const dashboard = board.key === queryKey(query) ? board.data : null;
  const drill = useFigures((s) => s.drill);
  const mine = drill.key === drillKey(query, scope);
  const rows = mine ? drill.rows : [];
  // The newest calls of a total may hold none of its count (the abandons among many answers):
  // the loaded ones can be narrowed to those in the count.
  const [onlyCounted, setOnlyCounted] = useState(false);
  const shown = onlyCounted ? rows.filter((r) => r.counts) : rows;
  const name = t(`kpi.names.${scope.kpi}`);
  const agentName =
    scope.agentId &&
    (dashboard?.agents.find((a) => a.agentId === scope.agentId)?.agentName ??
      rows.find((r) => r.agentId === scope.agentId)?.agentName ??
      null);
  const days = scope.days ?? { from: query.from, to: query.to };
  const row = dashboard ? rowOf(dashboard, scope, query) : null;
  const buckets = scope.days ? 1 : Math.max(1, dashboard?.trend.length ?? 1);
  const targets = dashboard?.settings.targets ?? {};
  const choices = dashboard
    ? shownKpis(scope.agentId ? AGENT_KPIS : TEAM_KPIS, row ?? dashboard.total)
    : scope.agentId
      ? AGENT_KPIS
      : TEAM_KPIS;
  const setKpi = (kpi: KpiId) => go({ screen: 'calls', query, scope: { ...scope, kpi } });
  const whose = [
    agentName ?? dashboard?.teamName,
    scope.callType ? callTypeName(pack, scope.callType, lang) : null,
    daysLabel(days.from, days.to, lang),
  ].filter(Boolean);
  return (
    <section className="kpi-calls" aria-labelledby={`${id}-title`}>
      <div className="row">
        <button
          type="button"
          className="link back"
          onClick={() => go({ screen: 'dashboard', teamId: query.teamId, query })}
        >
          {t('kpi.drill.back')}
        </button>
      </div>
      <h3 id={`${id}-title`}>
        {agentName
          ? t('kpi.drill.agentTitle', { name: agentName })
          : t('kpi.drill.title', { name })}
      </h3>
      <p className="small muted" data-testid="kpi-drill-scope">
        {whose.join(' · ')}
      </p>
      {scope.agentId && row && dashboard ? (
        <KpiTiles
          row={row}
          kpis={AGENT_KPIS}
          settings={dashboard.settings}
          targets={targets}
          period={dashboard.period}
          buckets={buckets}
          provisionalFrom={dashboard.fcrProvisionalFrom}
          onDrill={setKpi}
          label={t('kpi.tilesLabel', { name: agentName ?? '' })}
          testId="kpi-agent-tiles"
        />
      ) : null}
      <div className="kpi-drill-head">
        <div className="field">
          <label htmlFor={`${id}-kpi`}>{t('kpi.drill.pick')}</label>
          <select
            id={`${id}-kpi`}
            value={scope.kpi}
            onChange={(e) => setKpi(e.target.value as KpiId)}
          >
            {choices.map((k) => (
              <option key={k} value={k}>
                {t(`kpi.names.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {row ? (
          <p className="kpi-drill-figure" data-testid="kpi-drill-figure">
            <strong>
              {name}: {formatFigure(scope.kpi, row.figures[scope.kpi], lang)}
            </strong>
            {scope.kpi === 'csat' ? (
              <span className="small muted">
                {' '}
                {t('kpi.csatMean', { mean: formatMean(row.figures.csatMean, lang) })}
              </span>
            ) : null}{' '}
            <TargetLine
              kpi={scope.kpi}
              status={targetStatus(scope.kpi, row.figures, targets, buckets)}
              target={targets[scope.kpi]}
            />
          </p>
        ) : null}
      </div>
      {mine && drill.status === 'loading' ? (
        <p className="muted">{t('kpi.drill.loading')}</p>
      ) : null}
      {mine && drill.error ? <ErrorText message={drill.error} /> : null}
      {mine && drill.status === 'loaded' && rows.length === 0 ? (
        <p className="muted" data-testid="kpi-drill-empty">
          {t('kpi.drill.empty')}
        </p>
      ) : null}
      {rows.length > 0 ? (
        <>
          <p className="small muted">{t('kpi.drill.legend', { name })}</p>
          <label className="choice small">
            <input
              type="checkbox"
              checked={onlyCounted}
              onChange={(e) => setOnlyCounted(e.target.checked)}
            />
            {t('kpi.drill.onlyCounted')}
          </label>
          {onlyCounted ? (
            <p className="small muted" role="status" data-testid="kpi-drill-filtered">
              {t('kpi.drill.filtered', { count: rows.length, shown: shown.length })}
            </p>
          ) : null}
        </>
      ) : null}
      {shown.length > 0 ? (
        <DrillTable rows={shown} kpi={scope.kpi} dashboard={dashboard} name={name} />
      ) : null}
      {mine && (drill.nextCursor || drill.more) ? (
        <button
          type="button"
          disabled={drill.more}
          aria-busy={drill.more}
          onClick={() => void loadMoreDrill(query, scope)}
        >
          {drill.more ? t('kpi.drill.loadingMore') : t('kpi.drill.more')}
        </button>
      ) : null}
      <HubExportButton
        path="/api/kpi/legs.csv"
        query={{
          teamId: query.teamId,
          from: days.from,
          to: days.to,
          ...(scope.agentId ? { agentId: scope.agentId } : {}),
        }}
        fileName="kpi-legs"
        label={t('kpi.exportLegs')}
      />
    </section>
  );
}

/** The legs, newest first, each with how it counts toward the KPI. */
function DrillTable({
  rows,
  kpi,
  dashboard,
  name,
}: {
  rows: KpiDrillRow[];
  kpi: KpiId;
  dashboard: KpiDashboard | null;
  name: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const pack = useCalls((s) => s.pack);
  const when = useMemo(
    () =>
      new Intl.DateTimeFormat(lang, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        ...(dashboard ? { timeZone: dashboard.timeZone } : {}),
      }),
    [lang, dashboard],
  );
  const settings = dashboard?.settings ?? {
    fcrDays: 7,
    shortAbandonSeconds: 5,
    serviceLevelSeconds: 20,
  };
  const time = (ms: number) => formatOffset(Math.round(ms / 1000) * 1000);
  const columns = {
    agent: t('kpi.drill.agent'),
    queue: t('kpi.drill.queue'),
    callType: t('kpi.drill.callType'),
    outcome: t('kpi.drill.outcome'),
    wait: t('kpi.drill.wait'),
    handle: t('kpi.drill.handle'),
    fcr: t('kpi.short.fcr'),
    csat: t('kpi.short.csat'),
    complaint: t('kpi.drill.complaint'),
    counts: t('kpi.drill.counts', { name }),
  };
  return (
    <StatsTable
      caption={t('kpi.drill.caption', { count: rows.length, name })}
      fileName="kpi-calls"
      className="kpi-table kpi-drill mgr-stack"
      testId="kpi-drill"
    >
      <thead>
        <tr>
          <th scope="col">{t('kpi.drill.when')}</th>
          {Object.values(columns).map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const how = howItCounts(kpi, r, settings, time);
          return (
            <tr key={r.legId} className={how.counts ? 'counted' : undefined}>
              <th scope="row">
                <time dateTime={r.offeredAt}>{when.format(new Date(r.offeredAt))}</time>
              </th>
              <td data-label={columns.agent}>{r.agentName ?? t('kpi.drill.noAgent')}</td>
              <td data-label={columns.queue}>{r.queue}</td>
              <td data-label={columns.callType}>
                {r.callType ? callTypeName(pack, r.callType, lang) : ''}
              </td>
              <td data-label={columns.outcome}>{t(`kpi.outcome.${r.outcome}`)}</td>
              <td data-label={columns.wait}>{r.waitMs === null ? '' : time(r.waitMs)}</td>
              <td data-label={columns.handle}>{r.handleMs === null ? '' : time(r.handleMs)}</td>
              <td data-label={columns.fcr}>
                {r.firstContact === null
                  ? ''
                  : r.firstContact
                    ? t('kpi.fcrValue.yes')
                    : t('kpi.fcrValue.no')}
              </td>
              <td data-label={columns.csat}>{r.csat ?? ''}</td>
              <td data-label={columns.complaint}>{r.complaint ? t('kpi.drill.yes') : ''}</td>
              <td data-label={columns.counts} className="kpi-counts">
                <span aria-hidden="true">{how.counts ? '✓ ' : '– '}</span>
                {t(how.key, how.values)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </StatsTable>
  );
}
