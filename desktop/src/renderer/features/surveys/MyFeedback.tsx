import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isNetworkMessage } from '../../hub/errors.js';
import { useNumbersHidden } from '../reflection/store.js';
import { useCalls } from '../call/store.js';
import { loadMyFeedback, MY_FEEDBACK_DAYS, useSurveys } from './store.js';
import { csatOf, mean, percent } from './format.js';
import { ResponseItem } from './ResponseItem.js';
import './surveys.css';

const SHOWN = 3;

/**
 * The agent's own customers' answers, newest first, live. Nothing at all when the team does not
 * share answers with its agents (the hub answers `forbidden`).
 */
export function MyFeedback() {
  const { t, i18n } = useTranslation();
  const pack = useCalls((s) => s.pack);
  const { status, responses, error } = useSurveys((s) => s.mine);
  const [all, setAll] = useState(false);
  const hidden = useNumbersHidden();
  useEffect(() => {
    if (useSurveys.getState().mine.status === 'idle') void loadMyFeedback();
  }, []);
  if (status === 'hidden' || status === 'idle') return null;
  // Offline: the header says so already.
  if (status === 'failed' && isNetworkMessage(error)) return null;
  const shown = all ? responses : responses.slice(0, SHOWN);
  return (
    <section className="history my-feedback" aria-labelledby="my-feedback-title">
      <h2 id="my-feedback-title">{t('surveys.mine.title')}</h2>
      {status === 'loading' ? <p className="muted small">{t('surveys.loading')}</p> : null}
      {status === 'failed' && error ? (
        <p className="error small" role="alert">
          {t(error.key, error.values)}
        </p>
      ) : null}
      {status === 'loaded' && responses.length === 0 ? (
        <p className="muted small">{t('surveys.mine.empty', { days: MY_FEEDBACK_DAYS })}</p>
      ) : null}
      {responses.length > 0 ? (
        <>
          <p className="small muted" data-testid="my-feedback-summary">
            {hidden
              ? t('reflection.feedbackCount', { count: responses.length, days: MY_FEEDBACK_DAYS })
              : t('surveys.mine.summary', {
                  count: responses.length,
                  days: MY_FEEDBACK_DAYS,
                  csat: percent(csatOf(responses).csat, i18n.language),
                  mean: mean(csatOf(responses).meanCsat, i18n.language),
                })}
          </p>
          <ul className="survey-responses">
            {shown.map((r) => (
              <ResponseItem
                key={r.callId}
                response={r}
                pack={pack}
                showAgent={false}
                numbers={!hidden}
              />
            ))}
          </ul>
          {responses.length > SHOWN ? (
            <button type="button" className="link" onClick={() => setAll(!all)}>
              {all
                ? t('surveys.mine.showLess')
                : t('surveys.mine.showAll', { count: responses.length - SHOWN })}
            </button>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
