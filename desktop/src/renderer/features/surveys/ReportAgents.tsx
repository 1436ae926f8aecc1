import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import { DistributionCell } from './ReportParts.js';
import { EXCLUSION_REASONS, MIN_CALLS_TO_FLAG, type SurveyReport } from '@sidecoach/shared';
import { NumberCell } from '../../ui/cells.js';
import { meanCsv, percentCsv } from './csv-values.js';
import { mean, percent } from './format.js';

type AgentRow = SurveyReport['agents'][number];

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The rest of the team's rate, without the agent: what the flag compares against. */
function restRates(team: SurveyReport['team'], agent: AgentRow) {
  const eligible = team.eligible - agent.eligible;
  return {
    'exclusion-rate': share(team.exclusions - agent.exclusions, eligible),
    'surveyed-share': share(team.surveyed - agent.surveyed, eligible),
  };
}

/** Flagged agents, each flag said in words with the two rates. */
export function FlagList({ report }: { report: SurveyReport }) {
  const { t, i18n } = useTranslation();
  const flagged = report.agents.filter((a) => a.flags.length > 0);
  return (
    <div className="survey-flags" data-testid="survey-flags">
      <h3 className="small-title">{t('surveys.report.flags')}</h3>
      {flagged.length === 0 ? (
        <p className="small muted">{t('surveys.report.noFlags')}</p>
      ) : (
        <ul>
          {flagged.flatMap((agent) =>
            agent.flags.map((flag) => {
              const rest = restRates(report.team, agent)[flag];
              const rate = flag === 'exclusion-rate' ? agent.exclusionRate : agent.surveyedShare;
              return (
                <li
                  key={`${agent.agentId}-${flag}`}
                  className="survey-flag"
                  data-testid="survey-flag"
                >
                  {t(`surveys.report.flag.${flag}`, {
                    name: agent.agentName,
                    rate: percent(rate, i18n.language),
                    rest: percent(rest, i18n.language),
                  })}
                </li>
              );
            }),
          )}
        </ul>
      )}
      <p className="small muted">{t('surveys.report.flagRule', { count: MIN_CALLS_TO_FLAG })}</p>
    </div>
  );
}

/** Every agent's figures; a flagged row stands out, and a row picks the chart's agent. */
export function AgentTable({
  report,
  selected,
  onSelect,
}: {
  report: SurveyReport;
  selected: string | null;
  onSelect: (agentId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const caption = t('surveys.report.agentsCaption');
  return (
    <StatsTable
      caption={caption}
      fileName="survey-agents"
      className="survey-agents"
      testId="survey-agents"
    >
      <thead>
        <tr>
          <th scope="col">{t('surveys.agent.label')}</th>
          <th scope="col">{t('surveys.report.calls')}</th>
          <th scope="col">{t('surveys.report.eligible')}</th>
          <th scope="col">{t('surveys.report.surveyed')}</th>
          <th scope="col">{t('surveys.report.excluded')}</th>
          {EXCLUSION_REASONS.map((reason) => (
            <th key={reason} scope="col" className="reason-col">
              {t(`surveys.reason.${reason}`)}
            </th>
          ))}
          <th scope="col">{t('surveys.report.responseRate')}</th>
          <th scope="col">{t('surveys.csat.share')}</th>
          <th scope="col">{t('surveys.csat.mean')}</th>
          <th scope="col">{t('surveys.report.distribution')}</th>
          <th scope="col">{t('surveys.report.setApart')}</th>
        </tr>
      </thead>
      <tbody>
        {report.agents.map((a) => {
          const flagged = a.flags.length > 0;
          const reasons = a.flags.map((f) => t(`surveys.report.flagShort.${f}`)).join('; ');
          return (
            <tr
              key={a.agentId}
              data-testid="survey-agent"
              className={`${flagged ? 'flagged' : ''}${a.agentId === selected ? ' selected' : ''}`}
            >
              <th scope="row">
                <button
                  type="button"
                  className="link"
                  aria-pressed={a.agentId === selected}
                  onClick={() => onSelect(a.agentId)}
                >
                  {a.agentName}
                </button>
                {flagged ? (
                  <span className="flag-mark" title={reasons}>
                    <span aria-hidden="true"> ⚑</span>
                    <span className="visually-hidden">
                      {' '}
                      {t('surveys.report.flaggedLabel', { reasons })}
                    </span>
                  </span>
                ) : null}
              </th>
              <td>{a.calls}</td>
              <td>{a.eligible}</td>
              <NumberCell
                value={a.surveyedShare}
                csv={percentCsv(a.surveyedShare)}
                className={a.flags.includes('surveyed-share') ? 'flag-cell' : ''}
              >
                {percent(a.surveyedShare, lang)}
              </NumberCell>
              <NumberCell
                value={a.exclusionRate}
                csv={percentCsv(a.exclusionRate)}
                className={a.flags.includes('exclusion-rate') ? 'flag-cell' : ''}
              >
                {percent(a.exclusionRate, lang)} <span className="muted">({a.exclusions})</span>
              </NumberCell>
              {EXCLUSION_REASONS.map((reason) => (
                <td key={reason}>{a.exclusionsByReason[reason] ?? 0}</td>
              ))}
              <NumberCell value={a.responseRate} csv={percentCsv(a.responseRate)}>
                {percent(a.responseRate, lang)}
              </NumberCell>
              <NumberCell value={a.csat} csv={percentCsv(a.csat)}>
                {percent(a.csat, lang)}
              </NumberCell>
              <NumberCell value={a.meanCsat} csv={meanCsv(a.meanCsat)}>
                {mean(a.meanCsat, lang)}
              </NumberCell>
              <DistributionCell counts={a.csatDistribution} />
              <td className={a.selfAnswers > 0 ? 'flag-cell' : ''} data-testid="agent-set-apart">
                {a.selfAnswers}
              </td>
            </tr>
          );
        })}
      </tbody>
    </StatsTable>
  );
}
