import { useTranslation } from 'react-i18next';
import type { Answer, Evaluation, ScoreResult, StandardsPack } from '@sidecoach/shared';
import { dateOf, dateTimeOf, itemName, percentOf } from './rows.js';

/** "Yes", "No", "N/A" in the UI language. */
export function useAnswerText() {
  const { t } = useTranslation();
  return (answer: Answer | null | undefined) => (answer ? t(`qa.answer.${answer}`) : '–');
}

/**
 * A score as read: the percentage, the base and bonus points when bonus items counted, and what
 * failed (the whole call by a critical item, or a section by a section-critical one).
 */
export function ScoreSummary({
  score,
  pack,
  live = false,
}: {
  score: ScoreResult;
  pack: StandardsPack | null;
  /** The score as the evaluator answers (announced politely as it changes). */
  live?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const names = (ids: readonly string[]) => ids.map((id) => itemName(pack, id, lang, t)).join(', ');
  const failedSections = (score.sections ?? []).filter((s) => s.failed);
  return (
    <div
      className={score.passed === false ? 'qa-score failed' : 'qa-score'}
      data-testid={live ? 'qa-live-score' : 'qa-score'}
      aria-live={live ? 'polite' : undefined}
    >
      <p className="qa-score-main">
        <span className="qa-score-value">{percentOf(lang, score.percent)}</span>
        {score.bonus ? (
          <span className="small">
            {t('qa.score.baseBonus', {
              base: percentOf(lang, score.base ?? null),
              bonus: score.bonus,
            })}
          </span>
        ) : null}
      </p>
      {score.percent === null ? <p className="small muted">{t('qa.score.nothing')}</p> : null}
      {score.criticalFailed.length > 0 ? (
        <p className="small qa-fail">
          {t('qa.score.criticalFailed', { items: names(score.criticalFailed) })}
        </p>
      ) : null}
      {failedSections.length > 0 ? (
        <p className="small qa-fail">
          {t('qa.score.sectionFailed', {
            sections: failedSections.map((s) => t(`areas.${s.area}`)).join(', '),
            items: names(score.sectionFailed ?? []),
          })}
        </p>
      ) : null}
    </div>
  );
}

/** What changed between two sets of answers, item by item ("Summarises: no → yes"). */
export function changedAnswers(
  before: Readonly<Record<string, Answer>>,
  after: Readonly<Record<string, Answer>>,
): Array<{ itemId: string; from: Answer | null; to: Answer | null }> {
  const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return ids
    .filter((id) => before[id] !== after[id])
    .map((id) => ({ itemId: id, from: before[id] ?? null, to: after[id] ?? null }));
}

/** Earlier versions of an evaluation, kept visible after a dispute re-scored it. */
export function Versions({
  evaluation,
  pack,
  numbers,
}: {
  evaluation: Evaluation;
  pack: StandardsPack | null;
  numbers: boolean;
}) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerText();
  if (evaluation.previous.length === 0) return null;
  // Each version against the one after it (the newest against the current answers).
  const chain = [evaluation.answers, ...evaluation.previous.map((v) => v.answers)];
  return (
    <div className="qa-versions" data-testid="qa-versions">
      <h4>{t('qa.versions.title')}</h4>
      <ol>
        {evaluation.previous.map((v, i) => {
          const changes = changedAnswers(v.answers, chain[i]!);
          return (
            <li key={v.version} data-testid={`qa-version-${v.version}`}>
              <p className="small">
                {t('qa.versions.version', { version: v.version })} ·{' '}
                {dateTimeOf(i18n.language, v.at)}
                {numbers && v.score ? ` · ${percentOf(i18n.language, v.score.percent)}` : ''}
              </p>
              {changes.length > 0 ? (
                <ul className="small muted">
                  {changes.map((c) => (
                    <li key={c.itemId}>
                      {t('qa.versions.changed', {
                        item: itemName(pack, c.itemId, i18n.language, t),
                        from: answer(c.from),
                        to: answer(c.to),
                      })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {v.reason ? <p className="small muted">{v.reason}</p> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

/** The disputes raised on an evaluation, each point with how it was decided. */
export function DisputeHistory({
  evaluation,
  pack,
}: {
  evaluation: Evaluation;
  pack: StandardsPack | null;
}) {
  const { t, i18n } = useTranslation();
  const answer = useAnswerText();
  if (evaluation.disputes.length === 0) return null;
  return (
    <div className="qa-disputes" data-testid="qa-dispute-history">
      <h4>{t('qa.disputes.history')}</h4>
      {evaluation.disputes.map((d) => (
        <div key={d.id} className="qa-dispute">
          <p className="small">
            {t('qa.disputes.raised', {
              date: dateOf(i18n.language, d.createdAt),
              status: t(`qa.dispute.status.${d.status}`),
            })}
          </p>
          <ul>
            {d.points.map((p, i) => (
              <li key={i} className="small">
                <strong>{itemName(pack, p.itemId, i18n.language, t)}</strong>
                {p.proposed ? ` (${t('qa.dispute.proposes', { answer: answer(p.proposed) })})` : ''}
                : {p.reason}
                {p.accepted === null
                  ? ''
                  : p.accepted
                    ? ` — ${t('qa.dispute.pointAccepted', { answer: answer(p.answer) })}`
                    : ` — ${t('qa.dispute.pointRejected')}`}
              </li>
            ))}
          </ul>
          {d.resolution ? (
            <p className="small muted">
              {t('qa.dispute.resolution', { name: d.arbitratorName, reason: d.resolution })}
            </p>
          ) : null}
        </div>
      ))}
    </div>
  );
}
