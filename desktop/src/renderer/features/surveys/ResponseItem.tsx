import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StandardsPack, SurveyResponse } from '@sidecoach/shared';
import { shortDateTime } from '../../lib/format.js';
import { callTypeName } from '../../lib/format.js';
import { csatTone } from './format.js';

const SCALE = ['1', '2', '3', '4', '5'] as const;
/** A 1-to-5 answer in words (the protocol's schema keeps it in range; its type says number). */
function scaleWord(t: TFunction, scale: 'csat' | 'effort', score: number): string {
  const step = SCALE.find((s) => s === String(score));
  return step ? t(`surveys.${scale}.word.${step}`) : String(score);
}

/** A CSAT score as a number and in words ("CSAT 2/5 · Dissatisfied"); in words only without numbers. */
export function CsatBadge({ csat, numbers = true }: { csat: number | null; numbers?: boolean }) {
  const { t } = useTranslation();
  const word = csat === null ? '' : scaleWord(t, 'csat', csat);
  return (
    <span className={`csat csat-${csatTone(csat)}`} data-testid="csat">
      {csat === null
        ? t('surveys.csat.none')
        : numbers
          ? `${t('surveys.csat.value', { score: csat })} · ${word}`
          : word}
    </span>
  );
}

/**
 * One customer's answers: who and which call type, CSAT, resolved, effort, the comment (text
 * only: React escapes it) and when. `marked`: opened from an alert, scrolled into view.
 */
export function ResponseItem({
  response: r,
  pack,
  showAgent,
  marked = false,
  numbers = true,
}: {
  response: SurveyResponse;
  pack: StandardsPack | null;
  showAgent: boolean;
  marked?: boolean;
  /** False for an agent coached on behaviours, not scores: answers in words only. */
  numbers?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const item = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (marked) item.current?.scrollIntoView({ block: 'nearest' });
  }, [marked]);
  const callType = callTypeName(pack, r.callType, i18n.language);
  const time = shortDateTime(i18n.language).format(new Date(r.submittedAt));
  const facts = [
    ...(showAgent ? [callType] : []),
    ...(r.resolved === null
      ? []
      : [t(r.resolved ? 'surveys.resolved.yes' : 'surveys.resolved.no')]),
    ...(r.effort === null
      ? []
      : numbers
        ? [
            t('surveys.effort.value', {
              score: r.effort,
              word: scaleWord(t, 'effort', r.effort),
            }),
          ]
        : [`${t('surveys.effort.label')}: ${scaleWord(t, 'effort', r.effort)}`]),
  ];
  return (
    <li
      ref={item}
      className={`survey-response${marked ? ' marked' : ''}${r.alert ? ' low' : ''}${r.selfAnswer ? ' set-apart' : ''}`}
      data-testid="survey-response"
      data-call-id={r.callId}
      aria-current={marked ? 'true' : undefined}
    >
      <div className="row">
        <strong className="who">{showAgent ? r.agentName : callType}</strong>
        <CsatBadge csat={r.csat} numbers={numbers} />
      </div>
      {facts.length > 0 ? <p className="small survey-facts">{facts.join(' · ')}</p> : null}
      {r.comment ? (
        <blockquote className="survey-comment" lang={r.lang}>
          <span className="visually-hidden">{t('surveys.feedback.comment')}: </span>
          {r.comment}
        </blockquote>
      ) : null}
      {r.selfAnswer ? (
        <p className="small survey-self-answer" data-testid="survey-self-answer">
          <span className="self-answer-mark">{t('surveys.selfAnswer.mark')}</span>{' '}
          {t('surveys.selfAnswer.markLabel', {
            reason: t(`surveys.selfAnswer.reason.${r.selfAnswer}`),
          })}
        </p>
      ) : null}
      <p className="small muted survey-when">
        <time dateTime={r.submittedAt}>{time}</time> · {t(`surveys.channel.${r.channel}`)}
      </p>
    </li>
  );
}
