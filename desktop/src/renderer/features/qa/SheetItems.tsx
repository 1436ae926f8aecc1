import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize, type Answer, type AnswerProblems, type ScoredItem } from '@sidecoach/shared';
import { useAnswerText } from './EvaluationParts.js';
import type { ItemAnswers } from './form.js';

// A scorecard being answered, area by area: each item's yes / no / N/A, its comment, how it is to
// be read (the guidance agreed in calibration sessions) and what keeps it from being submitted.
// An evaluation (EvaluateView) and a calibration sheet are written with the same pieces, and a
// mystery caller's questionnaire with its parts (SheetAreas, AnswerChoice, ItemComment) in the
// caller's words; what is done with an answer is the user's of them.

export const ANSWERS: Answer[] = ['yes', 'no', 'na'];
const COMMENT_MAX = 2000;

/** What an item lacks, as the hub or the form found it. */
export type ItemProblem = 'missing' | 'commentMissing' | 'naRefused';

/** The items' problems by id: N/A refused always, the rest once a submit was tried. */
export function itemProblems(
  problems: AnswerProblems,
  showAll: boolean,
): Record<string, ItemProblem> {
  const found: Record<string, ItemProblem> = {};
  for (const id of problems.naRefused) found[id] = 'naRefused';
  if (!showAll) return found;
  for (const id of problems.commentMissing) found[id] = 'commentMissing';
  for (const id of problems.missing) found[id] = 'missing';
  return found;
}

export interface SheetHandlers {
  onAnswer(itemId: string, answer: Answer | null): void;
  onComment(itemId: string, text: string): void;
}

/** Items grouped by area (the scorecard's sections) in the scorecard's order, one fieldset each. */
export function SheetAreas({
  items,
  className = 'area',
  children,
}: {
  items: readonly ScoredItem[];
  className?: string;
  children: (scored: ScoredItem) => ReactNode;
}) {
  const { t } = useTranslation();
  const areas = [...new Set(items.map((s) => s.area))];
  return areas.map((area) => (
    <fieldset key={area} className={className}>
      <legend>{t(`areas.${area}`)}</legend>
      {items.filter((s) => s.area === area).map(children)}
    </fieldset>
  ));
}

/** The answers an item takes: yes, no, and N/A unless the item refuses it. */
export const answersOf = (item: ScoredItem['item']) =>
  ANSWERS.filter((a) => a !== 'na' || item.naAllowed !== false);

/** An item's yes / no / N/A as one radio group labelled by the item's text (`qid`). */
export function AnswerChoice({
  qid,
  item,
  answer,
  label,
  invalid,
  disabled = false,
  onAnswer,
}: {
  qid: string;
  item: ScoredItem['item'];
  answer: Answer | undefined;
  label: (answer: Answer) => string;
  invalid: boolean;
  disabled?: boolean;
  onAnswer: (answer: Answer) => void;
}) {
  const options = answersOf(item);
  return (
    <div
      className={options.length === 2 ? 'segmented two' : 'segmented'}
      role="radiogroup"
      aria-labelledby={qid}
      aria-invalid={invalid || undefined}
    >
      {options.map((a) => (
        <label key={a} className={answer === a ? `on ${a}` : a}>
          <input
            type="radio"
            name={qid}
            value={a}
            checked={answer === a}
            disabled={disabled}
            onChange={() => onAnswer(a)}
          />
          {label(a)}
        </label>
      ))}
    </div>
  );
}

/**
 * An item's comment box: shown when `open` (read-only on a sheet that is not editable), else,
 * on an editable sheet, a button that opens it.
 */
export function ItemComment({
  open,
  editable,
  className,
  label,
  addLabel,
  value,
  invalid,
  onChange,
}: {
  open: boolean;
  editable: boolean;
  className: string;
  label: string;
  addLabel: string;
  value: string;
  invalid: boolean;
  onChange: (text: string) => void;
}) {
  const [adding, setAdding] = useState(false);
  if (open || (editable && adding))
    return (
      <label className={className}>
        {label}
        <textarea
          rows={2}
          value={value}
          maxLength={COMMENT_MAX}
          readOnly={!editable}
          aria-invalid={invalid || undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
    );
  return editable ? (
    <button type="button" className="link small" onClick={() => setAdding(true)}>
      {addLabel}
    </button>
  ) : null;
}

/** The items in play, grouped by area (the scorecard's sections) in the scorecard's order. */
export function SheetItems({
  items,
  form,
  editable,
  problems,
  guidance,
  handlers,
}: {
  items: readonly ScoredItem[];
  form: ItemAnswers;
  editable: boolean;
  problems: Readonly<Record<string, ItemProblem>>;
  /** How each item is to be read, by id (agreed in calibration sessions). */
  guidance: Readonly<Record<string, string>>;
  handlers: SheetHandlers;
}) {
  return (
    <SheetAreas items={items}>
      {(s) => (
        <ItemRow
          key={s.item.id}
          scored={s}
          form={form}
          editable={editable}
          problem={problems[s.item.id] ?? null}
          guidance={guidance[s.item.id] ?? ''}
          handlers={handlers}
        />
      )}
    </SheetAreas>
  );
}

function ItemRow({
  scored,
  form,
  editable,
  problem,
  guidance,
  handlers,
}: {
  scored: ScoredItem;
  form: ItemAnswers;
  editable: boolean;
  problem: ItemProblem | null;
  guidance: string;
  handlers: SheetHandlers;
}) {
  const { t, i18n } = useTranslation();
  const answerText = useAnswerText();
  const { item } = scored;
  const answer = form.answers[item.id];
  const comment = form.comments[item.id] ?? '';
  const qid = `qa-item-${item.id}`;
  const needsComment = answer === 'no' && item.commentOnNo === true;
  const tags = [
    item.critical
      ? item.criticalScope === 'section'
        ? t('qa.item.sectionCritical')
        : t('qa.item.critical')
      : null,
    item.bonus ? t('qa.item.bonus', { points: item.weight }) : null,
    item.showWhen ? t('qa.item.conditional') : null,
  ].filter((x): x is string => x !== null);
  return (
    <div
      className={problem ? 'qa-item missing' : 'qa-item'}
      data-item={item.id}
      data-testid={`qa-item-${item.id}`}
    >
      <p id={qid} className="qa-item-text">
        {localize(item.text, i18n.language)}
        {tags.map((tag) => (
          <span key={tag} className="qa-tag">
            {tag}
          </span>
        ))}
      </p>
      {guidance ? (
        <p className="small qa-guidance" data-testid="qa-guidance">
          <strong>{t('qa.item.guidance')}</strong> {guidance}
        </p>
      ) : null}
      {editable ? (
        <AnswerChoice
          qid={qid}
          item={item}
          answer={answer}
          label={(a) => t(`qa.answer.${a}`)}
          invalid={problem === 'missing'}
          onAnswer={(a) => handlers.onAnswer(item.id, a)}
        />
      ) : (
        <p className={`small qa-answer ${answer ?? ''}`}>{answerText(answer)}</p>
      )}
      <ItemComment
        open={editable && (answer === 'no' || comment !== '')}
        editable={editable}
        className="qa-comment"
        label={needsComment ? t('qa.item.commentRequired') : t('qa.item.comment')}
        addLabel={t('qa.item.addComment')}
        value={comment}
        invalid={problem === 'commentMissing'}
        onChange={(text) => handlers.onComment(item.id, text)}
      />
      {!editable && comment ? <p className="small muted qa-comment-read">{comment}</p> : null}
      {problem ? (
        <p className="small warn" role="alert">
          {t(`qa.item.${problem}`)}
        </p>
      ) : null}
    </div>
  );
}
