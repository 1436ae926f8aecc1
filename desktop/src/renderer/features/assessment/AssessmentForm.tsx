import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localize,
  itemsInPlay,
  NEXT_TIME_MAX,
  scorecardFor,
  type Answer,
  type CallRecord,
  type StandardsPack,
} from '@sidecoach/shared';
import { newId, nowIso } from '../../lib/ids.js';
import { write } from '../../hub/outbox.js';
import './assessment.css';

const ANSWERS: Answer[] = ['yes', 'no', 'na'];

/**
 * The agent's self-assessment in a few taps: what they ticked during the call is already a
 * "yes", "the rest are yes" answers the others at once (then the exceptions are changed), and
 * Save with a question unanswered points at it. At wrap-up it can be skipped; a skipped one is
 * completed later from the recent calls (`onClose` given: Cancel instead of Skip).
 */
export function AssessmentForm({
  call,
  pack,
  onClose,
}: {
  call: CallRecord;
  pack: StandardsPack;
  onClose?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries(
      scorecardFor(pack, call.callType)
        .filter((s) => call.ticked.includes(s.item.id))
        .map((s) => [s.item.id, 'yes' as const]),
    ),
  );
  // Conditional items appear (and count) as the answers they depend on are given.
  const items = itemsInPlay(pack, call.callType, answers).map((s) => s.item);
  const [nextTime, setNextTime] = useState('');
  /** Save was pressed with questions unanswered: they are marked until answered. */
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const missing = items.filter((i) => answers[i.id] === undefined);
  const idPrefix = onClose ? `later-${call.id}` : 'q';

  const restAreYes = () =>
    setAnswers((prev) => ({
      ...Object.fromEntries(items.map((i) => [i.id, 'yes' as const])),
      ...prev,
    }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const first = missing[0];
    if (first) {
      setTried(true);
      form.current
        ?.querySelector<HTMLInputElement>(`[data-item="${CSS.escape(first.id)}"] input`)
        ?.focus();
      return;
    }
    const trimmed = nextTime.trim();
    void write({
      event: 'assessment:submit',
      payload: {
        id: newId(),
        callId: call.id,
        status: 'submitted',
        answers: Object.fromEntries(items.map((i) => [i.id, answers[i.id]!])),
        at: nowIso(),
        ...(trimmed ? { nextTime: trimmed } : {}),
      },
    });
    onClose?.();
  };
  const skip = () =>
    void write({
      event: 'assessment:submit',
      payload: { id: newId(), callId: call.id, status: 'skipped', at: nowIso() },
    });

  return (
    <form
      ref={form}
      className="card assessment"
      onSubmit={submit}
      aria-labelledby={`${idPrefix}-title`}
      noValidate
    >
      <h2 id={`${idPrefix}-title`}>{t('assessment.title')}</h2>
      <div className="row">
        <p className="muted small">{t('assessment.intro')}</p>
        {missing.length > 0 ? (
          <button type="button" className="rest-yes" onClick={restAreYes}>
            {t('assessment.restYes')}
          </button>
        ) : null}
      </div>
      {items.map((item) => {
        const unanswered = tried && answers[item.id] === undefined;
        const questionId = `${idPrefix}-${item.id}`;
        return (
          <div
            key={item.id}
            className={unanswered ? 'answer missing' : 'answer'}
            data-item={item.id}
          >
            <p id={questionId}>{localize(item.text, i18n.language)}</p>
            <div
              className="segmented"
              role="radiogroup"
              aria-labelledby={questionId}
              aria-invalid={unanswered || undefined}
            >
              {ANSWERS.filter((a) => a !== 'na' || item.naAllowed !== false).map((a) => (
                <label key={a} className={answers[item.id] === a ? `on ${a}` : a}>
                  <input
                    type="radio"
                    name={`${idPrefix}-${item.id}`}
                    value={a}
                    checked={answers[item.id] === a}
                    onChange={() => setAnswers((prev) => ({ ...prev, [item.id]: a }))}
                  />
                  {t(`assessment.${a}`)}
                </label>
              ))}
            </div>
          </div>
        );
      })}
      <label className="next-time">
        {t('assessment.nextTime')}
        <textarea
          value={nextTime}
          rows={2}
          maxLength={NEXT_TIME_MAX}
          placeholder={t('assessment.nextTimePlaceholder')}
          onChange={(e) => setNextTime(e.target.value)}
        />
      </label>
      {missing.length > 0 ? (
        <p className={tried ? 'small warn' : 'muted small'} role={tried ? 'alert' : undefined}>
          {t(tried ? 'assessment.answerMarked' : 'assessment.remaining', {
            count: missing.length,
          })}
        </p>
      ) : null}
      <div className="row">
        <button type="submit" className="primary">
          {t('assessment.submit')}
        </button>
        {onClose ? (
          <button type="button" onClick={onClose}>
            {t('assessment.cancel')}
          </button>
        ) : (
          <button type="button" onClick={skip}>
            {t('assessment.skip')}
          </button>
        )}
      </div>
    </form>
  );
}
