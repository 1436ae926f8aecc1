import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusIfLost } from '../../lib/focus.js';
import { useCalls } from '../call/store.js';
import { loadReport, selectReportAgent, setReportFilters, useSurveys } from './store.js';
import { ErrorLine, TeamSelect } from './controls.js';
import { PeriodPicker } from '../../ui/PeriodPicker.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { periodQuery } from '../../lib/hub-csv.js';
import { CsatChart, type CsatBars } from './CsatChart.js';
import { AgentTable, FlagList } from './ReportAgents.js';
import {
  CallTypeTable,
  DeliveryHealth,
  ExclusionList,
  SelfAnswerList,
  TeamFigures,
} from './ReportParts.js';

const TEAM_COLORS = { fill: 'rgba(31, 111, 235, 0.55)', stroke: '#1f6feb' };
const AGENT_COLORS = { fill: 'rgba(232, 89, 12, 0.6)', stroke: '#e8590c' };

/** Leads and quality managers: who has fewer calls surveyed or excludes more than their team. */
export function ReportView() {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const filters = useSurveys((s) => s.reportFilters);
  const { status, data: report, error } = useSurveys((s) => s.report);
  const agentId = useSurveys((s) => s.reportAgentId);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  const agent = report?.agents.find((a) => a.agentId === agentId);
  const teamLabel = t('surveys.report.team');
  const groups = useMemo<CsatBars[]>(
    () =>
      report
        ? [
            { label: teamLabel, distribution: report.team.csatDistribution, ...TEAM_COLORS },
            ...(agent
              ? [{ label: agent.agentName, distribution: agent.csatDistribution, ...AGENT_COLORS }]
              : []),
          ]
        : [],
    [report, agent, teamLabel],
  );
  const date = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
  return (
    <section className="card survey-view survey-report" aria-labelledby="report-title">
      <div className="row">
        <h2 id="report-title" ref={heading} tabIndex={-1}>
          {t('surveys.report.title')}
        </h2>
        <button
          type="button"
          className="link"
          disabled={status === 'loading'}
          onClick={() => void loadReport()}
        >
          {t('surveys.refresh')}
        </button>
      </div>
      <p className="small muted">{t('surveys.report.intro')}</p>
      <div className="survey-filters two">
        <TeamSelect value={filters.teamId} onChange={(teamId) => setReportFilters({ teamId })} />
        <PeriodPicker value={filters.period} onChange={(period) => setReportFilters({ period })} />
      </div>
      {status === 'loading' ? <p className="muted">{t('surveys.loading')}</p> : null}
      {error ? <ErrorLine error={error} /> : null}
      {report && status !== 'loading' ? (
        <>
          <p className="small muted" data-testid="survey-range">
            {t('surveys.report.range', {
              from: date.format(new Date(report.from)),
              to: date.format(new Date(report.to)),
            })}
          </p>
          <HubExportButton
            path="/api/surveys/responses.csv"
            query={{
              ...periodQuery(filters.period),
              ...(filters.teamId ? { teamId: filters.teamId } : {}),
            }}
            fileName="survey-responses"
            label={t('tableExport.all')}
          />
          {report.delivery.failed > 0 ? <DeliveryHealth delivery={report.delivery} /> : null}
          {report.team.calls === 0 ? (
            <p className="muted" data-testid="report-empty">
              {t('surveys.report.empty')}
            </p>
          ) : (
            <>
              <TeamFigures team={report.team} />
              <FlagList report={report} />
              <AgentTable report={report} selected={agentId} onSelect={selectReportAgent} />
              <h3 className="small-title">
                {agent
                  ? t('surveys.report.chartTitle', { name: agent.agentName })
                  : t('surveys.report.chartTeamOnly')}
              </h3>
              <CsatChart
                groups={groups}
                xLabel={t('surveys.report.chartScore')}
                yLabel={t('surveys.report.chartShare')}
                label={t('surveys.report.chartLabel', { name: agent?.agentName ?? teamLabel })}
              />
              <CallTypeTable report={report} pack={pack} />
            </>
          )}
          <ExclusionList report={report} pack={pack} />
          <SelfAnswerList report={report} pack={pack} />
          {report.delivery.failed > 0 ? null : <DeliveryHealth delivery={report.delivery} />}
        </>
      ) : null}
    </section>
  );
}
