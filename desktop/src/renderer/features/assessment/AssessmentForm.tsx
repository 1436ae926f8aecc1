import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  NEXT_TIME_MAX,
  scorecardItemsFor,
  type Answer,
  type CallRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { write } from '../../hub/outbox.js';
import './assessment.css';

const ANSWERS: Answer[] = ['yes', 'no', 'na'];

export function AssessmentForm({ call, pack }: { call: CallRecord; pack: StandardsPack }) {
  const { t, i18n } = useTranslation();
  const items = scorecardItemsFor(pack, call.callType);
  // What the agent ticked during the call is already a "yes": only the rest needs a tap.
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      items.filter((i) => call.ticked.includes(i.id)).map((i) => [i.id, 'yes' as const]),
    ),
  );
  const [nextTime, setNextTime] = useState('');
  const remaining = items.filter((i) => answers[i.id] === undefined).length;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (remaining > 0) return;
    const trimmed = nextTime.trim();
    void write({
      event: 'assessment:submit',
      payload: {
        id: newId(),
        callId: call.id,
        status: 'submitted',
        answers,
        at: nowIso(),
        ...(trimmed ? { nextTime: trimmed } : {}),
      },
    });
  };
  const skip = () =>
    void write({
      event: 'assessment:submit',
      payload: { id: newId(), callId: call.id, status: 'skipped', at: nowIso() },
    });

  return (
    <form className="card assessment" onSubmit={submit} aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('assessment.title')}</h2>
      <p className="muted small">{t('assessment.intro')}</p>
      {items.map((item) => (
        <div key={item.id} className="answer">
          <p id={`q-${item.id}`}>{localize(item.text, i18n.language)}</p>
          <div className="segmented" role="radiogroup" aria-labelledby={`q-${item.id}`}>
            {ANSWERS.map((a) => (
              <label key={a} className={answers[item.id] === a ? `on ${a}` : a}>
                <input
                  type="radio"
                  name={item.id}
                  value={a}
                  checked={answers[item.id] === a}
                  onChange={() => setAnswers((prev) => ({ ...prev, [item.id]: a }))}
                />
                {t(`assessment.${a}`)}
              </label>
            ))}
          </div>
        </div>
      ))}
      <label className="next-time">
        {t('assessment.nextTime')}
        <input
          value={nextTime}
          maxLength={NEXT_TIME_MAX}
          placeholder={t('assessment.nextTimePlaceholder')}
          onChange={(e) => setNextTime(e.target.value)}
        />
      </label>
      {remaining > 0 ? (
        <p className="muted small">{t('assessment.remaining', { count: remaining })}</p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary" disabled={remaining > 0}>
          {t('assessment.submit')}
        </button>
        <button type="button" onClick={skip}>
          {t('assessment.skip')}
        </button>
      </div>
    </form>
  );
}
