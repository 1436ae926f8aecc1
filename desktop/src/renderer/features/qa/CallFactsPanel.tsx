import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  scorecardFor,
  type Answer,
  type EvaluationOpened,
  type ScoredItem,
} from '@sidecoach/shared';
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
          <RecordingLink url={facts.recordingUrl} />
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
      <TicksTable
        items={items}
        ticks={facts.ticks}
        caption={t('qa.facts.agentView')}
        self={self?.status === 'submitted' ? self.answers : null}
      />

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
      <SurveyFacts survey={facts.survey} />
    </section>
  );
}

/** The call's recording, opened in a new tab (only an http(s) link). */
export function RecordingLink({ url }: { url: string | null }) {
  const { t } = useTranslation();
  return url && safeUrl(url) ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {t('qa.facts.listen')}
    </a>
  ) : (
    t('qa.facts.noRecording')
  );
}

/** The scorecard's items with what the agent ticked during the call (and self-assessed). */
export function TicksTable({
  items,
  ticks,
  caption,
  self,
}: {
  items: readonly ScoredItem[];
  ticks: Readonly<Record<string, boolean>>;
  caption: string;
  /** The agent's self-assessment answers; undefined leaves the column out. */
  self?: Readonly<Record<string, Answer>> | null;
}) {
  const { t, i18n } = useTranslation();
  const answerText = useAnswerText();
  const id = useId();
  return (
    <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
      <table className="stats-table mgr-table qa-table" data-testid="qa-self">
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('qa.col.item')}</th>
            <th scope="col">{t('qa.facts.ticked')}</th>
            {self !== undefined ? <th scope="col">{t('qa.facts.self')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map(({ item }) => (
            <tr key={item.id}>
              <th scope="row">{localize(item.text, i18n.language)}</th>
              <td>{ticks[item.id] ? t('qa.facts.tickedYes') : '–'}</td>
              {self !== undefined ? <td>{self ? answerText(self[item.id]) : '–'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the customer answered in the post-call survey. */
export function SurveyFacts({
  survey,
}: {
  survey: {
    csat: number | null;
    resolved: boolean | null;
    effort?: number | null;
    comment: string | null;
  } | null;
}) {
  const { t } = useTranslation();
  if (survey === null) return <p className="small muted">{t('qa.facts.noSurvey')}</p>;
  return (
    <dl className="qa-facts">
      <dt>{t('qa.facts.csat')}</dt>
      <dd>{survey.csat === null ? '–' : `${survey.csat} / 5`}</dd>
      <dt>{t('qa.facts.resolved')}</dt>
      <dd>
        {survey.resolved === null ? '–' : survey.resolved ? t('qa.answer.yes') : t('qa.answer.no')}
      </dd>
      {survey.effort !== undefined ? (
        <>
          <dt>{t('qa.facts.effort')}</dt>
          <dd>{survey.effort === null ? '–' : `${survey.effort} / 5`}</dd>
        </>
      ) : null}
      {survey.comment ? (
        <>
          <dt>{t('qa.facts.comment')}</dt>
          <dd>{survey.comment}</dd>
        </>
      ) : null}
    </dl>
  );
}
