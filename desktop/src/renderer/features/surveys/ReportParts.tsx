import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StatsTable } from '../../ui/StatsTable.js';
import type { StandardsPack, SurveyReport } from '@sidecoach/shared';
import { shortDateTime } from '../../lib/format.js';
import { callTypeName } from '../../lib/format.js';
import { DateCell, NumberCell } from '../../ui/cells.js';
import { meanCsv, percentCsv } from './csv-values.js';
import { mean, percent } from './format.js';

/** The team's figures at a glance. */
export function TeamFigures({ team }: { team: SurveyReport['team'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const tiles: Array<[string, string, string?]> = [
    [t('surveys.report.calls'), String(team.calls)],
    [t('surveys.report.eligible'), String(team.eligible)],
    [t('surveys.report.surveyed'), percent(team.surveyedShare, lang), String(team.surveyed)],
    [t('surveys.report.excluded'), percent(team.exclusionRate, lang), String(team.exclusions)],
    [t('surveys.report.responseRate'), percent(team.responseRate, lang), String(team.responses)],
    [t('surveys.csat.share'), percent(team.csat, lang)],
    [t('surveys.csat.mean'), mean(team.meanCsat, lang)],
    [t('surveys.report.setApart'), String(team.selfAnswers)],
  ];
  return (
    <>
      <dl className="survey-figures" data-testid="survey-team">
        {tiles.map(([label, value, count]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {count !== undefined ? <span className="small muted"> ({count})</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <p className="small muted">{t('surveys.csat.definition')}</p>
    </>
  );
}

/** Answers per call type: how many, CSAT, resolved on this contact, effort. */
export function CallTypeTable({
  report,
  pack,
}: {
  report: SurveyReport;
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const caption = t('surveys.report.callTypes');
  if (report.byCallType.length === 0) return null;
  return (
    <StatsTable
      caption={caption}
      fileName="survey-call-types"
      className="survey-call-types"
      testId="survey-call-types"
    >
      <thead>
        <tr>
          <th scope="col">{t('surveys.callType.label')}</th>
          <th scope="col">{t('surveys.report.responses')}</th>
          <th scope="col">{t('surveys.csat.share')}</th>
          <th scope="col">{t('surveys.csat.mean')}</th>
          <th scope="col">{t('surveys.report.resolvedShare')}</th>
          <th scope="col">{t('surveys.report.meanEffort')}</th>
          <th scope="col">{t('surveys.report.distribution')}</th>
        </tr>
      </thead>
      <tbody>
        {report.byCallType.map((row) => (
          <tr key={row.callType}>
            <th scope="row">{callTypeName(pack, row.callType, lang)}</th>
            <td>{row.responses}</td>
            <NumberCell value={row.csat} csv={percentCsv(row.csat)}>
              {percent(row.csat, lang)}
            </NumberCell>
            <NumberCell value={row.meanCsat} csv={meanCsv(row.meanCsat)}>
              {mean(row.meanCsat, lang)}
            </NumberCell>
            <NumberCell value={row.resolvedShare} csv={percentCsv(row.resolvedShare)}>
              {percent(row.resolvedShare, lang)}
            </NumberCell>
            <NumberCell value={row.meanEffort} csv={meanCsv(row.meanEffort)}>
              {mean(row.meanEffort, lang)}
            </NumberCell>
            <DistributionCell counts={row.csatDistribution} />
          </tr>
        ))}
      </tbody>
    </StatsTable>
  );
}

const FIRST_EXCLUSIONS = 10;

/** Every exclusion of the period, newest first: the lead sees each one and its reason. */
export function ExclusionList({
  report,
  pack,
}: {
  report: SurveyReport;
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState(false);
  const time = shortDateTime(i18n.language);
  const list = report.exclusions;
  const shown = all ? list : list.slice(0, FIRST_EXCLUSIONS);
  return (
    <section className="survey-exclusions" aria-labelledby="survey-exclusions-title">
      <h3 id="survey-exclusions-title" className="small-title">
        {t('surveys.report.exclusions')}
      </h3>
      {list.length === 0 ? (
        <p className="small muted">{t('surveys.report.exclusionsEmpty')}</p>
      ) : (
        <>
          <p className="small muted">
            {t('surveys.report.exclusionsCaption', { count: list.length })}
          </p>
          <ul>
            {shown.map((x) => (
              <li key={x.callId} data-testid="survey-exclusion">
                <div className="row small">
                  <strong className="who">{x.agentName}</strong>
                  <time dateTime={x.at} className="muted">
                    {time.format(new Date(x.at))}
                  </time>
                </div>
                <div className="small">
                  {callTypeName(pack, x.callType, i18n.language)} ·{' '}
                  <span className="reason">{t(`surveys.reason.${x.reason}`)}</span>
                </div>
              </li>
            ))}
          </ul>
          {list.length > FIRST_EXCLUSIONS ? (
            <button type="button" className="link" onClick={() => setAll(!all)}>
              {all
                ? t('surveys.report.showFewer')
                : t('surveys.report.showAll', { total: list.length })}
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}

/**
 * Answers set apart because they look like staff gave them (the agent's own address, a staff
 * address, a signed-in staff browser): whose call, why, what CSAT it gave, when. Exportable.
 */
export function SelfAnswerList({
  report,
  pack,
}: {
  report: SurveyReport;
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const list = report.selfAnswers;
  return (
    <section className="survey-self-answers" aria-labelledby="survey-self-answers-title">
      <h3 id="survey-self-answers-title" className="small-title">
        {t('surveys.report.selfAnswers')}
      </h3>
      <p className="small muted">{t('surveys.report.selfAnswersIntro')}</p>
      {list.length === 0 ? (
        <p className="small muted" data-testid="survey-self-answers-empty">
          {t('surveys.report.selfAnswersEmpty')}
        </p>
      ) : (
        <StatsTable
          caption={t('surveys.report.selfAnswersCaption', { count: list.length })}
          fileName="survey-set-apart"
          className="survey-self-answer-table"
          testId="survey-self-answers"
        >
          <thead>
            <tr>
              <th scope="col">{t('surveys.agent.label')}</th>
              <th scope="col">{t('surveys.callType.label')}</th>
              <th scope="col">{t('surveys.report.selfAnswerReason')}</th>
              <th scope="col">{t('surveys.csat.label')}</th>
              <th scope="col">{t('surveys.report.selfAnswerWhen')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((x) => (
              <tr key={x.callId} data-testid="survey-self-answer-row">
                <th scope="row">{x.agentName}</th>
                <td>{callTypeName(pack, x.callType, i18n.language)}</td>
                <td title={t(`surveys.selfAnswer.reason.${x.reason}`)}>
                  {t(`surveys.selfAnswer.reasonShort.${x.reason}`)}
                </td>
                <NumberCell value={x.csat} />
                <DateCell iso={x.at} />
              </tr>
            ))}
          </tbody>
        </StatsTable>
      )}
    </section>
  );
}

/** The flag that gives the hub each channel's way out. */
const CHANNEL_FLAG = {
  email: '--smtp-url',
  sms: '--survey-webhook',
  ivr: '--survey-webhook',
} as const;

/**
 * Sends waiting and given up on, and why: a failing mail server or gateway shows here as a
 * warning, and a channel the hub cannot send by says what was done instead and what to set up.
 */
export function DeliveryHealth({ delivery }: { delivery: SurveyReport['delivery'] }) {
  const { t } = useTranslation();
  const channels = (['email', 'sms', 'ivr'] as const).filter((c) => delivery.asLink[c] > 0);
  return (
    <section className="survey-delivery" aria-labelledby="survey-delivery-title">
      <h3 id="survey-delivery-title" className="small-title">
        {t('surveys.report.delivery')}
      </h3>
      {delivery.failed > 0 ? (
        <p className="survey-warning" data-testid="survey-delivery">
          <span aria-hidden="true">⚠ </span>
          {t('surveys.report.deliveryFailed', {
            count: delivery.failed,
            pending: delivery.pending,
          })}
        </p>
      ) : (
        <p className="small muted" data-testid="survey-delivery">
          {delivery.pending > 0
            ? t('surveys.report.deliveryPending', { count: delivery.pending })
            : t('surveys.report.deliveryOk')}
        </p>
      )}
      {delivery.waitingBecause.length > 0 ? (
        <ul className="small survey-waiting" data-testid="survey-waiting-because">
          {delivery.waitingBecause.map((w) => (
            <li key={w.error}>
              {t('surveys.report.waitingBecause', { count: w.count })} <code>{w.error}</code>
            </li>
          ))}
        </ul>
      ) : null}
      {channels.map((channel) => (
        <p key={channel} className="small survey-as-link" data-testid="survey-as-link">
          {t(`surveys.report.asLink.${channel}`, {
            count: delivery.asLink[channel],
            flag: CHANNEL_FLAG[channel],
          })}
        </p>
      ))}
    </section>
  );
}

/** How many answered each CSAT score, 1 to 5 ("0·1·0·3·2"; read out in words). */
export function DistributionCell({ counts }: { counts: readonly number[] }) {
  const { t } = useTranslation();
  return (
    <td
      className="distribution"
      aria-label={t('surveys.report.distributionLabel', { values: counts.join(', ') })}
    >
      {counts.join('·')}
    </td>
  );
}
