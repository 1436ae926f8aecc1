import { useTranslation } from 'react-i18next';
import type { KpiDashboard, KpiId } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { StatsTable } from '../../ui/StatsTable.js';
import { useCalls } from '../call/store.js';
import { formatFigure, targetStatus } from './format.js';
import { AGENT_COLUMNS, TREND_COLUMNS } from './kpis.js';

/** A figure in a table cell, marked when it misses the team's target (a mark and words). */
function FigureCell({ kpi, value, missed }: { kpi: KpiId; value: number | null; missed: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <td className={missed ? 'kpi-missed' : undefined}>
      {formatFigure(kpi, value, i18n.language)}
      {missed ? (
        <>
          <span aria-hidden="true"> ✗</span>
          <span className="visually-hidden"> ({t('kpi.target.missedShort')})</span>
        </>
      ) : null}
    </td>
  );
}

/** Columns with something to show: quality scores only where some were counted. */
function columnsOf(columns: readonly KpiId[], rows: KpiDashboard['agents']) {
  return columns.filter((k) => k !== 'quality' || rows.some((r) => r.sums.qualityCount > 0));
}

/** The team's agents, each figure against the team's target; an agent opens their own. */
export function AgentsTable({
  dashboard,
  onAgent,
}: {
  dashboard: KpiDashboard;
  onAgent: (agentId: string) => void;
}) {
  const { t } = useTranslation();
  const columns = columnsOf(AGENT_COLUMNS, dashboard.agents);
  const targets = dashboard.settings.targets;
  const buckets = Math.max(1, dashboard.trend.length);
  return (
    <StatsTable
      caption={t('kpi.agents.caption', { team: dashboard.teamName })}
      fileName="kpi-agents"
      className="kpi-table"
      testId="kpi-agents"
    >
      <thead>
        <tr>
          <th scope="col">{t('kpi.agents.agent')}</th>
          {columns.map((k) => (
            <th key={k} scope="col">
              {t(`kpi.short.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dashboard.agents.map((a) => (
          <tr key={a.agentId}>
            <th scope="row">
              <button type="button" className="link" onClick={() => onAgent(a.agentId)}>
                {a.agentName}
              </button>
            </th>
            {columns.map((k) => (
              <FigureCell
                key={k}
                kpi={k}
                value={a.figures[k]}
                missed={targetStatus(k, a.figures, targets, buckets) === 'missed'}
              />
            ))}
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}

/** The figures per call type; a call type opens the calls of that type. */
export function CallTypesTable({
  dashboard,
  onCallType,
}: {
  dashboard: KpiDashboard;
  onCallType: (callType: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const columns = TREND_COLUMNS;
  return (
    <StatsTable
      caption={t('kpi.callTypes.caption', { team: dashboard.teamName })}
      fileName="kpi-call-types"
      className="kpi-table"
      testId="kpi-call-types"
    >
      <thead>
        <tr>
          <th scope="col">{t('kpi.callTypes.callType')}</th>
          {columns.map((k) => (
            <th key={k} scope="col">
              {t(`kpi.short.${k}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {dashboard.callTypes.map((c) => (
          <tr key={c.callType}>
            <th scope="row">
              {c.callType === '' ? (
                t('kpi.callTypes.unknown')
              ) : (
                <button type="button" className="link" onClick={() => onCallType(c.callType)}>
                  {callTypeName(pack, c.callType, i18n.language)}
                </button>
              )}
            </th>
            {columns.map((k) => (
              <td key={k}>{formatFigure(k, c.figures[k], i18n.language)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}
