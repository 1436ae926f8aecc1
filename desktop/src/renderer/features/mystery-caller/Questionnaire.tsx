import { useTranslation } from 'react-i18next';
import { localize, type Rating, type ScoredItem } from '@sidecoach/shared';
import { AnswerChoice, ItemComment, SheetAreas } from '../qa/SheetItems.js';
import type { ItemProblem, ReportForm, ReportProblems } from './form.js';
import { ratingLabel } from './form.js';
import { editReport } from './store.js';

// The caller's questionnaire is the evaluation sheet's (qa/SheetItems.tsx) in the caller's words:
// "can't tell" for N/A, the programme's definitions instead of calibration guidance, and a filed
// report shown as the form it was, read-only.

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
  const qid = `caller-q-${item.id}`;
  const needsComment = answer === 'no' && item.commentOnNo === true;
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
      <AnswerChoice
        qid={qid}
        item={item}
        answer={answer}
        label={(a) => t(`mysteryCaller.report.answers.${a}`)}
        invalid={problem === 'missing' || problem === 'na'}
        disabled={!editable}
        onAnswer={(a) =>
          editReport({ answers: { ...form.answers, [item.id]: a } }, { item: item.id })
        }
      />
      <ItemComment
        open={answer === 'no' || comment !== ''}
        editable={editable}
        className="caller-comment"
        label={
          needsComment
            ? t('mysteryCaller.report.commentRequired')
            : t('mysteryCaller.report.comment')
        }
        addLabel={t('mysteryCaller.report.addComment')}
        value={comment}
        invalid={problem === 'comment'}
        onChange={(text) =>
          editReport({ comments: { ...form.comments, [item.id]: text } }, { item: item.id })
        }
      />
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
  return (
    <SheetAreas items={items} className="area caller-area">
      {(s) => (
        <Question
          key={s.item.id}
          scored={s}
          form={form}
          definition={definitions[s.item.id]}
          problem={problems.items[s.item.id]}
          editable={editable}
        />
      )}
    </SheetAreas>
  );
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
