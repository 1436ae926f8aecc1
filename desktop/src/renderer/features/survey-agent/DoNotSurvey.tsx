import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXCLUSION_REASONS, type ExclusionReason } from '@sidecoach/shared';
import { useFocusIfLost } from '../../lib/focus.js';
import { ErrorText } from '../../ui/ErrorText.js';
import { clearExclusionError, excludeCall, useAgentSurveys } from './store.js';
import './survey-agent.css';

/**
 * The agent's "do not survey" flag for one call: a quiet button that opens the fixed list of
 * reasons. Nothing here takes the focus from the softphone: it only puts it back inside this
 * control when the user's own click removed the focused button (see lib/focus.ts).
 */
export function DoNotSurvey({ callId }: { callId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const recorded = useAgentSurveys((s) => s.statuses[callId]?.exclusionReason ?? null);
  const attempt = useAgentSurveys((s) => s.attempts[callId]);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<ExclusionReason | null>(null);
  const [restore, setRestore] = useState<'toggle' | 'recorded' | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const recordedRef = useRef<HTMLParagraphElement>(null);
  useFocusIfLost(toggleRef, restore === 'toggle');
  useFocusIfLost(recordedRef, restore === 'recorded' && recorded !== null);
  const sending = attempt?.sending ?? false;
  const error = attempt?.error ?? null;

  const toggle = () => {
    setOpen(!open);
    setRestore(null);
    clearExclusionError(callId);
  };
  const cancel = () => {
    setOpen(false);
    setReason(null);
    setRestore('toggle');
    clearExclusionError(callId);
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!reason || sending) return;
    setRestore(null);
    void excludeCall(callId, reason).then((done) => {
      if (done) setRestore('recorded');
    });
  };

  return (
    <div className="survey-exclusion" data-testid="do-not-survey">
      {/* Always present, so that the recorded exclusion is announced when it appears. */}
      <p
        ref={recordedRef}
        tabIndex={recorded ? -1 : undefined}
        role="status"
        className={recorded ? 'survey-recorded small' : 'visually-hidden'}
        data-testid="survey-excluded"
      >
        {recorded
          ? t('surveyAgent.recorded', { reason: t(`surveyAgent.reasonsInline.${recorded}`) })
          : null}
      </p>
      {recorded ? null : (
        <>
          <button
            ref={toggleRef}
            type="button"
            className="survey-quiet"
            aria-expanded={open}
            aria-controls={`${id}-reasons`}
            onClick={toggle}
          >
            {t('surveyAgent.dontSurvey')}
          </button>
          {open ? (
            <form id={`${id}-reasons`} className="survey-reasons" onSubmit={confirm}>
              <fieldset aria-describedby={`${id}-rule`}>
                <legend>{t('surveyAgent.legend')}</legend>
                <p id={`${id}-rule`} className="small muted">
                  {t('surveyAgent.rule')}
                </p>
                {EXCLUSION_REASONS.map((r) => (
                  <label key={r} className="check">
                    <input
                      type="radio"
                      name={`${id}-reason`}
                      value={r}
                      checked={reason === r}
                      disabled={sending}
                      onChange={() => {
                        setReason(r);
                        clearExclusionError(callId);
                      }}
                    />
                    <span>{t(`surveyAgent.reasons.${r}`)}</span>
                  </label>
                ))}
              </fieldset>
              <div className="survey-actions">
                <button type="button" onClick={cancel} disabled={sending}>
                  {t('surveyAgent.cancel')}
                </button>
                <button type="submit" className="primary" disabled={!reason || sending}>
                  {sending ? t('surveyAgent.recording') : t('surveyAgent.confirm')}
                </button>
              </div>
            </form>
          ) : null}
        </>
      )}
      {error ? <ErrorText message={error} small /> : null}
    </div>
  );
}
