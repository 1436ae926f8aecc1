import { useTranslation } from 'react-i18next';
import { dismissAlert, openAlert, useSurveys } from './store.js';
import { useCalls } from '../call/store.js';
import { callTypeName } from '../../lib/format.js';
import './surveys.css';

const EXCERPT = 140;

/**
 * A customer rated a call 2 or less: the coach can recover the service. Shown over every coach
 * view, newest first, with a count of the others; never takes the focus (role="alert" only
 * announces it).
 */
export function SurveyAlerts() {
  const { t, i18n } = useTranslation();
  const alerts = useSurveys((s) => s.alerts);
  const pack = useCalls((s) => s.pack);
  const first = alerts[0];
  if (!first) return null;
  const excerpt =
    first.comment && first.comment.length > EXCERPT
      ? `${first.comment.slice(0, EXCERPT).trimEnd()}…`
      : first.comment;
  const more = alerts.length - 1;
  return (
    <aside className="survey-alerts" aria-label={t('surveys.alert.region')}>
      <div className="survey-alert" role="alert" data-testid="survey-alert">
        <p className="survey-alert-title">
          {t('surveys.alert.title', {
            agent: first.agentName,
            csat: first.csat ?? '–',
            callType: callTypeName(pack, first.callType, i18n.language),
          })}
        </p>
        {excerpt ? <p className="survey-alert-comment">“{excerpt}”</p> : null}
        <div className="row">
          {more > 0 ? (
            <span className="small" data-testid="survey-alert-more">
              {t('surveys.alert.more', { count: more })}
            </span>
          ) : (
            <span />
          )}
          <span className="survey-alert-actions">
            <button
              type="button"
              className="primary"
              aria-label={t('surveys.alert.openLabel', { agent: first.agentName })}
              onClick={() => openAlert(first.callId)}
            >
              {t('surveys.alert.open')}
            </button>
            <button
              type="button"
              aria-label={t('surveys.alert.dismissLabel', { agent: first.agentName })}
              onClick={() => dismissAlert(first.callId)}
            >
              {t('surveys.alert.dismiss')}
            </button>
          </span>
        </div>
      </div>
    </aside>
  );
}
