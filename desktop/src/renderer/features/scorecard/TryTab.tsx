import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_BONUS_CAP,
  itemsInPlay,
  localize,
  scorecardFor,
  scoreScorecard,
  STANDARD_AREAS,
  type Answer,
  type ScoredItem,
  type StandardsPack,
} from '@sidecoach/shared';
import { useChecked } from './EditTab.js';
import { clearPreview, setPreviewAnswer, setPreviewCallType, useScorecard } from './store.js';

const ANSWERS: readonly Answer[] = ['yes', 'no', 'na'];

/**
 * "Try it": answer the scorecard of a call type as an evaluator would, and read the score as
 * evaluations will compute it (shared's scoreScorecard), with the pack as edited.
 */
export function TryTab() {
  const { t, i18n } = useTranslation();
  const { check } = useChecked();
  const active = useScorecard((s) => s.active)!;
  const edited = useScorecard((s) => s.draft !== null);
  const preview = useScorecard((s) => s.preview);
  const selectId = useId();
  // While the edit has problems the hub would refuse it: the active version is tried instead.
  const pack = check.pack ?? active;
  const callType = pack.callTypes.some((c) => c.id === preview.callType)
    ? preview.callType!
    : (pack.callTypes[0]?.id ?? '');
  const inPlay = itemsInPlay(pack, callType, preview.answers);
  const hidden = scorecardFor(pack, callType).length - inPlay.length;
  return (
    <div className="sc-try">
      <section className="card sc-try-items" aria-labelledby="sc-try-title">
        <h3 id="sc-try-title">{t('scorecard.try.title')}</h3>
        <p className="small muted">
          {!check.pack
            ? t('scorecard.try.usingActive')
            : edited
              ? t('scorecard.try.usingEdit')
              : t('scorecard.try.usingPublished')}
        </p>
        <div className="field sc-field">
          <label htmlFor={selectId}>{t('scorecard.try.callType')}</label>
          <select
            id={selectId}
            value={callType}
            onChange={(e) => setPreviewCallType(e.target.value)}
          >
            {pack.callTypes.map((ct) => (
              <option key={ct.id} value={ct.id}>
                {localize(ct.name, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        {STANDARD_AREAS.map((area) => {
          const items = inPlay.filter((s) => s.area === area);
          if (items.length === 0) return null;
          return (
            <fieldset key={area} className="area sc-try-area">
              <legend>{t(`areas.${area}`)}</legend>
              {items.map((s) => (
                <TryItem key={s.item.id} scored={s} answer={preview.answers[s.item.id]} />
              ))}
            </fieldset>
          );
        })}
        {inPlay.length === 0 ? <p className="small muted">{t('scorecard.try.noItems')}</p> : null}
        {hidden > 0 ? (
          <p className="small muted">{t('scorecard.try.hidden', { count: hidden })}</p>
        ) : null}
        <LiveScore pack={pack} callType={callType} />
      </section>
      <TryScore pack={pack} callType={callType} inPlay={inPlay} />
    </div>
  );
}

function TryItem({ scored, answer }: { scored: ScoredItem; answer: Answer | undefined }) {
  const { t, i18n } = useTranslation();
  const { item } = scored;
  const labelId = `sc-try-${item.id}`;
  return (
    <div className="sc-try-item" data-item={item.id}>
      <p id={labelId}>
        {localize(item.text, i18n.language)}
        {item.critical ? (
          <span className="sc-badge sc-badge-critical">
            {item.criticalScope === 'section'
              ? t('scorecard.badge.criticalSection')
              : t('scorecard.badge.criticalCall')}
          </span>
        ) : null}
        {item.bonus ? (
          <span className="sc-badge sc-badge-weight">
            {t('scorecard.badge.bonus', { points: item.weight })}
          </span>
        ) : null}
      </p>
      <div className="segmented" role="radiogroup" aria-labelledby={labelId}>
        {ANSWERS.map((a) => {
          const refused = a === 'na' && item.naAllowed === false;
          return (
            <label key={a} className={answer === a ? `on ${a}` : refused ? 'sc-refused' : a}>
              <input
                type="radio"
                name={labelId}
                value={a}
                checked={answer === a}
                disabled={refused}
                onChange={() => setPreviewAnswer(item.id, a)}
              />
              {t(`assessment.${a}`)}
            </label>
          );
        })}
      </div>
      {item.commentOnNo && answer === 'no' ? (
        <p className="mgr-hint">{t('scorecard.try.commentNeeded')}</p>
      ) : null}
    </div>
  );
}

/** The score of the answers so far, as an evaluation would store it. */
function TryScore({
  pack,
  callType,
  inPlay,
}: {
  pack: StandardsPack;
  callType: string;
  inPlay: ScoredItem[];
}) {
  const { t, i18n } = useTranslation();
  const answers = useScorecard((s) => s.preview.answers);
  const score = scoreScorecard(pack, callType, answers);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const pct = (value: number) => t('scorecard.try.percent', { value: number.format(value) });
  const textOf = (id: string) => {
    const item = inPlay.find((s) => s.item.id === id)?.item;
    return item ? localize(item.text, i18n.language) : id;
  };
  const unanswered = inPlay.filter((s) => answers[s.item.id] === undefined).length;
  const sep = t('scorecard.listSeparator');
  return (
    <section className="card sc-score" aria-labelledby="sc-score-title">
      <h3 id="sc-score-title">{t('scorecard.try.score')}</h3>
      <p className="sc-score-figure" data-testid="scorecard-try-score" aria-live="polite">
        {score.percent === null ? t('scorecard.try.noScore') : pct(score.percent)}
      </p>
      <p
        className={score.passed === false ? 'sc-fail' : 'small muted'}
        data-testid="scorecard-try-verdict"
      >
        {score.passed === false
          ? t('scorecard.try.failedCall', { items: score.criticalFailed.map(textOf).join(sep) })
          : score.passed === null
            ? t('scorecard.try.nothingAssessable')
            : t('scorecard.try.passed')}
      </p>
      <dl className="sc-facts">
        <dt>{t('scorecard.try.base')}</dt>
        <dd>{score.base === null || score.base === undefined ? '—' : pct(score.base)}</dd>
        <dt>{t('scorecard.try.bonus')}</dt>
        <dd>
          {t('scorecard.try.bonusPoints', {
            points: number.format(score.bonus ?? 0),
            cap: number.format(pack.bonusCap ?? DEFAULT_BONUS_CAP),
          })}
        </dd>
        <dt>{t('scorecard.try.earned')}</dt>
        <dd>
          {t('scorecard.try.earnedOf', {
            earned: number.format(score.earned),
            possible: number.format(score.possible),
          })}
        </dd>
      </dl>
      {(score.sections ?? []).length > 0 ? (
        <>
          <h4>{t('scorecard.try.sections')}</h4>
          <ul className="sc-section-scores" data-testid="scorecard-try-sections">
            {(score.sections ?? []).map((s) => {
              const failedItems = (score.sectionFailed ?? []).filter(
                (id) => inPlay.find((i) => i.item.id === id)?.area === s.area,
              );
              return (
                <li key={s.area} className={s.failed ? 'sc-fail' : undefined}>
                  <span>{t(`areas.${s.area}`)}</span>{' '}
                  <span>
                    {s.percent === null ? '—' : pct(s.percent)}{' '}
                    <span className="muted">
                      {t('scorecard.try.earnedOf', {
                        earned: number.format(s.earned),
                        possible: number.format(s.possible),
                      })}
                    </span>
                  </span>
                  {s.failed ? (
                    <span className="sc-section-failed">
                      {t('scorecard.try.sectionFailed', {
                        items: failedItems.map(textOf).join(sep),
                      })}
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {unanswered > 0 ? (
        <p className="small muted">{t('scorecard.try.unanswered', { count: unanswered })}</p>
      ) : null}
      <button type="button" onClick={clearPreview} disabled={Object.keys(answers).length === 0}>
        {t('scorecard.try.clear')}
      </button>
    </section>
  );
}

/** The figure alone, following the answers down the sidebar (the score card says it in full). */
function LiveScore({ pack, callType }: { pack: StandardsPack; callType: string }) {
  const { t, i18n } = useTranslation();
  const answers = useScorecard((s) => s.preview.answers);
  const score = scoreScorecard(pack, callType, answers);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const figure =
    score.percent === null
      ? t('scorecard.try.noScore')
      : t('scorecard.try.percent', { value: number.format(score.percent) });
  return (
    <p className="sc-try-live" aria-hidden="true">
      {score.passed === false
        ? t('scorecard.try.liveFailed', { score: figure })
        : t('scorecard.try.live', { score: figure })}
    </p>
  );
}
