import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import { NumberCell } from '../../ui/cells.js';
import type { StandardsPack, SurveyResponse } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { meanCsv, percentCsv } from './csv-values.js';
import { mean, percent, summarize, type Summary } from './format.js';

function SummaryTable({
  caption,
  heading,
  rows,
  testId,
}: {
  caption: string;
  heading: string;
  rows: Array<Summary & { label: string }>;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <StatsTable
      caption={caption}
      fileName={`feedback-${testId}`}
      className="survey-summary"
      testId={testId}
    >
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('surveys.feedback.responses')}</th>
          <th scope="col">{t('surveys.csat.share')}</th>
          <th scope="col">{t('surveys.csat.mean')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
            <NumberCell value={row.csat} csv={percentCsv(row.csat)}>
              {percent(row.csat, i18n.language)}
            </NumberCell>
            <NumberCell value={row.meanCsat} csv={meanCsv(row.meanCsat)}>
              {mean(row.meanCsat, i18n.language)}
            </NumberCell>
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}

/** Count, CSAT (share of 4-5) and the mean rating per agent and per call type, of the answers shown. */
export function FeedbackSummary({
  responses,
  pack,
}: {
  responses: readonly SurveyResponse[];
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const names = new Map(responses.map((r) => [r.agentId, r.agentName]));
  const byAgent = summarize(responses, (r) => r.agentId).map((s) => ({
    ...s,
    label: names.get(s.key) ?? s.key,
  }));
  const byCallType = summarize(responses, (r) => r.callType).map((s) => ({
    ...s,
    label: callTypeName(pack, s.key, i18n.language),
  }));
  return (
    <div className="survey-summaries">
      <SummaryTable
        caption={t('surveys.feedback.byAgent')}
        heading={t('surveys.agent.label')}
        rows={byAgent}
        testId="feedback-by-agent"
      />
      <SummaryTable
        caption={t('surveys.feedback.byCallType')}
        heading={t('surveys.callType.label')}
        rows={byCallType}
        testId="feedback-by-call-type"
      />
      <p className="small muted">{t('surveys.csat.definition')}</p>
    </div>
  );
}
