import { useTranslation } from 'react-i18next';
import { scorecardFor, type CalibrationOpened } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { formatDuration } from '../../lib/time.js';
import { RecordingLink, SurveyFacts, TicksTable } from '../qa/CallFactsPanel.js';
import { dateTimeOf } from '../qa/rows.js';

/**
 * The call as participants score it: its type, time, length, recording, the checklist ticks and
 * the customer's survey. Never the agent (the hub sends no name), nor anyone's evaluation.
 */
export function BlindCallPanel({ opened }: { opened: CalibrationOpened }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { call, pack } = opened;
  return (
    <section className="card qa-facts-card" aria-labelledby="cal-call-title" data-testid="cal-call">
      <h3 id="cal-call-title">{t('qa.facts.title')}</h3>
      <p className="mgr-hint">{t('calibration.call.blind')}</p>
      <dl className="qa-facts">
        <dt>{t('calibration.col.callType')}</dt>
        <dd>{callTypeName(pack, call.callType, lang)}</dd>
        <dt>{t('qa.facts.started')}</dt>
        <dd>{dateTimeOf(lang, call.startedAt)}</dd>
        <dt>{t('qa.facts.handleTime')}</dt>
        <dd>{call.durationMs === null ? '–' : formatDuration(call.durationMs)}</dd>
        <dt>{t('qa.facts.recording')}</dt>
        <dd>
          <RecordingLink url={call.recordingUrl} />
        </dd>
      </dl>
      <h4>{t('calibration.call.ticks')}</h4>
      <TicksTable
        items={scorecardFor(pack, call.callType)}
        ticks={call.ticks}
        caption={t('calibration.call.ticks')}
      />
      <h4>{t('qa.facts.survey')}</h4>
      <SurveyFacts survey={call.survey} />
    </section>
  );
}
