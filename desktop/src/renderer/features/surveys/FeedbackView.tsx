import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFocusIfLost } from '../../lib/focus.js';
import { useCalls } from '../call/store.js';
import { FEEDBACK_LIMIT, loadFeedback, useSurveys } from './store.js';
import { ErrorLine } from './controls.js';
import { FeedbackFilters } from './FeedbackFilters.js';
import { FeedbackSummary } from './FeedbackSummary.js';
import { customersOwn } from './format.js';
import { ResponseItem } from './ResponseItem.js';
import { TeamSettings } from '../team-settings/TeamSettings.js';
import { HubExportButton } from '../../ui/HubExportButton.js';
import { periodQuery } from '../../lib/hub-csv.js';

/** Supervisors, leads and admins: customers' answers per agent and call type, live. */
export function FeedbackView() {
  const { t } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const { status, responses, error } = useSurveys((s) => s.feedback);
  const filters = useSurveys((s) => s.filters);
  const highlight = useSurveys((s) => s.highlight);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusIfLost(heading);
  const shown = filters.callType
    ? responses.filter((r) => r.callType === filters.callType)
    : responses;
  const setApart = shown.length - customersOwn(shown).length;
  return (
    <section className="card survey-view" aria-labelledby="feedback-title">
      <div className="row">
        <h2 id="feedback-title" ref={heading} tabIndex={-1}>
          {t('surveys.feedback.title')}
        </h2>
        <button
          type="button"
          className="link"
          disabled={status === 'loading'}
          onClick={() => void loadFeedback()}
        >
          {t('surveys.refresh')}
        </button>
      </div>
      <p className="small muted">{t('surveys.feedback.intro')}</p>
      <FeedbackFilters />
      {status === 'loaded' && responses.length > 0 ? (
        <HubExportButton
          path="/api/surveys/responses.csv"
          query={{
            ...periodQuery(filters.period),
            ...(filters.teamId ? { teamId: filters.teamId } : {}),
          }}
          fileName="survey-responses"
          label={t('tableExport.all')}
        />
      ) : null}
      {status === 'loading' ? <p className="muted">{t('surveys.loading')}</p> : null}
      {error ? <ErrorLine error={error} /> : null}
      {status === 'loaded' && responses.length === 0 ? (
        <p className="muted" data-testid="feedback-empty">
          {'days' in filters.period
            ? t('surveys.feedback.empty', { count: filters.period.days })
            : t('surveys.feedback.emptyRange', {
                from: filters.period.from,
                to: filters.period.to,
              })}
        </p>
      ) : null}
      {status === 'loaded' && responses.length > 0 && shown.length === 0 ? (
        <p className="muted" data-testid="feedback-empty">
          {t('surveys.feedback.noMatch')}
        </p>
      ) : null}
      {shown.length > 0 ? (
        <>
          <FeedbackSummary responses={shown} pack={pack} />
          {setApart > 0 ? (
            <p className="small survey-set-apart" data-testid="feedback-set-apart">
              {t('surveys.feedback.setApart', { count: setApart })}
            </p>
          ) : null}
          <h3 className="small-title">{t('surveys.feedback.list')}</h3>
          {responses.length >= FEEDBACK_LIMIT ? (
            <p className="small muted">
              {t('surveys.feedback.shown', { count: responses.length })}
            </p>
          ) : null}
          <ul className="survey-responses" aria-live="off">
            {shown.map((r) => (
              <ResponseItem
                key={r.callId}
                response={r}
                pack={pack}
                showAgent
                marked={r.callId === highlight}
              />
            ))}
          </ul>
        </>
      ) : null}
      <TeamSettings />
    </section>
  );
}
