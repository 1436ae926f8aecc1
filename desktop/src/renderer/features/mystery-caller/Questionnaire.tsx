import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Answer, type Rating, type ScoredItem } from '@sidecoach/shared';
import type { ItemProblem, ReportForm, ReportProblems } from './form.js';
import { ratingLabel } from './form.js';
import { editReport } from './store.js';

const ANSWERS: Answer[] = ['yes', 'no', 'na'];
const COMMENT_MAX = 2000;
const SCALE = [1, 2, 3, 4, 5] as const;

const PROBLEM_KEY = {
  missing: 'mysteryCaller.report.problem.missing',
  na: 'mysteryCaller.report.problem.na',
  comment: 'mysteryCaller.report.problem.comment',
  unknown: 'mysteryCaller.report.problem.unknown',
} as const satisfies Record<ItemProblem, string>;

/** One question: the standard in the caller's language, its definition, yes / no / can't tell. */
function Question({
  scored,
  form,
  definition,
  problem,
  editable,
}: {
  scored: ScoredItem;
  form: ReportForm;
  definition: string | undefined;
  problem: ItemProblem | undefined;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { item } = scored;
  const answer = form.answers[item.id];
  const comment = form.comments[item.id] ?? '';
  const [commenting, setCommenting] = useState(false);
  const qid = `caller-q-${item.id}`;
  const options = ANSWERS.filter((a) => a !== 'na' || item.naAllowed !== false);
  const needsComment = answer === 'no' && item.commentOnNo === true;
  const showComment = answer === 'no' || comment !== '' || commenting;
  const answerIt = (a: Answer) => {
    const answers = { ...form.answers, [item.id]: a };
    editReport({ answers }, { item: item.id });
  };
  return (
    <div
      className={problem ? 'caller-question-item problem' : 'caller-question-item'}
      data-testid={`caller-item-${item.id}`}
      data-item={item.id}
    >
      <p id={qid} className="caller-question-text">
        {localize(item.text, i18n.language)}
      </p>
      {definition ? (
        <p className="small caller-definition" data-testid="caller-definition">
          <strong>{t('mysteryCaller.report.definition')}</strong> {definition}
        </p>
      ) : null}
      <div
        className={options.length === 2 ? 'segmented two' : 'segmented'}
        role="radiogroup"
        aria-labelledby={qid}
        aria-invalid={problem === 'missing' || problem === 'na' || undefined}
      >
        {options.map((a) => (
          <label key={a} className={answer === a ? `on ${a}` : a}>
            <input
              type="radio"
              name={qid}
              value={a}
              checked={answer === a}
              disabled={!editable}
              onChange={() => answerIt(a)}
            />
            {t(`mysteryCaller.report.answers.${a}`)}
          </label>
        ))}
      </div>
      {showComment ? (
        <label className="caller-comment">
          {needsComment
            ? t('mysteryCaller.report.commentRequired')
            : t('mysteryCaller.report.comment')}
          <textarea
            rows={2}
            value={comment}
            maxLength={COMMENT_MAX}
            readOnly={!editable}
            aria-invalid={problem === 'comment' || undefined}
            onChange={(e) =>
              editReport(
                { comments: { ...form.comments, [item.id]: e.target.value } },
                { item: item.id },
              )
            }
          />
        </label>
      ) : editable ? (
        <button type="button" className="link small" onClick={() => setCommenting(true)}>
          {t('mysteryCaller.report.addComment')}
        </button>
      ) : null}
      {problem ? (
        <p className="small error" role="alert">
          {t(PROBLEM_KEY[problem])}
        </p>
      ) : null}
    </div>
  );
}

/**
 * The questionnaire: the programme's questions on this call, section by section in the
 * scorecard's order (a follow-up appears once the answer it follows is given).
 */
export function Questionnaire({
  items,
  form,
  definitions,
  problems,
  editable,
}: {
  items: readonly ScoredItem[];
  form: ReportForm;
  definitions: Readonly<Record<string, string>>;
  problems: ReportProblems;
  editable: boolean;
}) {
  const { t } = useTranslation();
  const areas = [...new Set(items.map((s) => s.area))];
  return areas.map((area) => (
    <fieldset key={area} className="area caller-area">
      <legend>{t(`areas.${area}`)}</legend>
      {items
        .filter((s) => s.area === area)
        .map((s) => (
          <Question
            key={s.item.id}
            scored={s}
            form={form}
            definition={definitions[s.item.id]}
            problem={problems.items[s.item.id]}
            editable={editable}
          />
        ))}
    </fieldset>
  ));
}

/** The emotional-reaction ratings, 1 to 5 each. */
export function Ratings({
  ratings,
  form,
  problems,
  editable,
}: {
  ratings: readonly Rating[];
  form: ReportForm;
  problems: ReportProblems;
  editable: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (ratings.length === 0) return null;
  return (
    <fieldset className="area caller-area" data-testid="caller-ratings">
      <legend>{t('mysteryCaller.report.ratings')}</legend>
      <p className="small muted">{t('mysteryCaller.report.ratingsHint')}</p>
      {ratings.map((r) => {
        const id = `caller-rating-${r.id}`;
        const problem = problems.ratings[r.id];
        const value = form.ratings[r.id];
        return (
          <div
            key={r.id}
            className={problem ? 'caller-question-item problem' : 'caller-question-item'}
            data-rating={r.id}
          >
            <p id={id} className="caller-question-text">
              {ratingLabel(r.label, i18n.language)}
            </p>
            <div
              className="segmented caller-scale"
              role="radiogroup"
              aria-labelledby={id}
              aria-invalid={problem !== undefined || undefined}
            >
              {SCALE.map((n) => (
                <label key={n} className={value === n ? 'on' : undefined}>
                  <input
                    type="radio"
                    name={id}
                    value={n}
                    checked={value === n}
                    disabled={!editable}
                    aria-label={t('mysteryCaller.report.ratingValue', { value: n })}
                    onChange={() =>
                      editReport({ ratings: { ...form.ratings, [r.id]: n } }, { rating: r.id })
                    }
                  />
                  {n}
                </label>
              ))}
            </div>
            {problem ? (
              <p className="small error" role="alert">
                {t(
                  problem === 'missing'
                    ? 'mysteryCaller.report.problem.rating'
                    : 'mysteryCaller.report.problem.unknownRating',
                )}
              </p>
            ) : null}
          </div>
        );
      })}
    </fieldset>
  );
}
