import { useTranslation } from 'react-i18next';
import { localize, scorecardFor, type EvaluationOpened } from '@sidecoach/shared';
import { callTypeName } from '../../lib/format.js';
import { formatDuration, formatOffset } from '../../lib/time.js';
import { useAnswerText } from './EvaluationParts.js';
import { dateTimeOf, itemName, percentOf } from './rows.js';

/** Only links a browser opens as a page (never javascript: or file:). */
const safeUrl = (url: string) => /^https?:\/\//i.test(url);

/** What is known of the call: times, recording, the agent's ticks and self-assessment, notes, survey. */
export function CallFactsPanel({ opened }: { opened: EvaluationOpened }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const answerText = useAnswerText();
  const { facts, pack } = opened;
  const items = scorecardFor(pack, facts.callType);
  const self = facts.selfAssessment;
  return (
    <section className="card qa-facts-card" aria-labelledby="qa-facts-title" data-testid="qa-facts">
      <h3 id="qa-facts-title">{t('qa.facts.title')}</h3>
      <dl className="qa-facts">
        <dt>{t('qa.col.agent')}</dt>
        <dd>{facts.agentName}</dd>
        <dt>{t('qa.col.callType')}</dt>
        <dd>{callTypeName(pack, facts.callType, lang)}</dd>
        <dt>{t('qa.facts.started')}</dt>
        <dd>{dateTimeOf(lang, facts.startedAt)}</dd>
        <dt>{t('qa.facts.ended')}</dt>
        <dd>{facts.endedAt ? dateTimeOf(lang, facts.endedAt) : t('qa.facts.notEnded')}</dd>
        <dt>{t('qa.facts.handleTime')}</dt>
        <dd>{facts.durationMs === null ? '–' : formatDuration(facts.durationMs)}</dd>
        <dt>{t('qa.facts.recording')}</dt>
        <dd>
          {facts.recordingUrl && safeUrl(facts.recordingUrl) ? (
            <a href={facts.recordingUrl} target="_blank" rel="noopener noreferrer">
              {t('qa.facts.listen')}
            </a>
          ) : (
            t('qa.facts.noRecording')
          )}
        </dd>
        {facts.flagged ? (
          <>
            <dt>{t('qa.facts.flag')}</dt>
            <dd>{t('qa.facts.flagged')}</dd>
          </>
        ) : null}
      </dl>

      <h4>{t('qa.facts.agentView')}</h4>
      <p className="small muted">
        {self === null
          ? t('qa.facts.noSelf')
          : self.status === 'skipped'
            ? t('qa.facts.selfSkipped')
            : self.score
              ? t('qa.facts.selfScore', { percent: percentOf(lang, self.score.percent) })
              : t('qa.facts.selfGiven')}
      </p>
      <div className="table-scroll" role="region" aria-labelledby="qa-self-caption" tabIndex={0}>
        <table className="stats-table mgr-table qa-table" data-testid="qa-self">
          <caption id="qa-self-caption" className="visually-hidden">
            {t('qa.facts.agentView')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('qa.col.item')}</th>
              <th scope="col">{t('qa.facts.ticked')}</th>
              <th scope="col">{t('qa.facts.self')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map(({ item }) => (
              <tr key={item.id}>
                <th scope="row">{localize(item.text, lang)}</th>
                <td>{facts.ticks[item.id] ? t('qa.facts.tickedYes') : '–'}</td>
                <td>{self?.status === 'submitted' ? answerText(self.answers[item.id]) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h4>{t('qa.facts.observations')}</h4>
      {facts.observations.length === 0 ? (
        <p className="small muted">{t('qa.facts.noObservations')}</p>
      ) : (
        <ul className="qa-observations">
          {facts.observations.map((o) => (
            <li key={o.id} className="small">
              <span className="muted">
                {o.offsetMs !== null ? `${formatOffset(o.offsetMs)} · ` : ''}
                {o.authorName}
                {o.itemId ? ` · ${itemName(pack, o.itemId, lang, t)}` : ''}
                {o.verdict
                  ? ` · ${t(o.verdict === 'met' ? 'qa.verdict.met' : 'qa.verdict.missed')}`
                  : ''}
              </span>
              <p>{o.text}</p>
            </li>
          ))}
        </ul>
      )}

      <h4>{t('qa.facts.survey')}</h4>
      {facts.survey === null ? (
        <p className="small muted">{t('qa.facts.noSurvey')}</p>
      ) : (
        <dl className="qa-facts">
          <dt>{t('qa.facts.csat')}</dt>
          <dd>{facts.survey.csat === null ? '–' : `${facts.survey.csat} / 5`}</dd>
          <dt>{t('qa.facts.resolved')}</dt>
          <dd>
            {facts.survey.resolved === null
              ? '–'
              : facts.survey.resolved
                ? t('qa.answer.yes')
                : t('qa.answer.no')}
          </dd>
          <dt>{t('qa.facts.effort')}</dt>
          <dd>{facts.survey.effort === null ? '–' : `${facts.survey.effort} / 5`}</dd>
          {facts.survey.comment ? (
            <>
              <dt>{t('qa.facts.comment')}</dt>
              <dd>{facts.survey.comment}</dd>
            </>
          ) : null}
        </dl>
      )}
    </section>
  );
}
