import {
  answerProblems,
  itemsInPlay,
  scoreScorecard,
  type Answer,
  type AnswerProblems,
  type EvaluationOpened,
  type QaSave,
  type ScoreResult,
  type ScoredItem,
} from '@sidecoach/shared';

// An evaluation being written: answers, comments per item, coaching tips. Pure, so what the form
// shows (items in play, the live score, what keeps it from being submitted) is tested without a
// browser; the evaluate store holds one of these and sends `savePayload`.

/** Answers and comments per item: an evaluation's, or a calibration sheet's. */
export interface ItemAnswers {
  answers: Readonly<Record<string, Answer>>;
  comments: Readonly<Record<string, string>>;
}

export interface EvaluationForm extends ItemAnswers {
  /** The evaluation's id: the stored one, or a new client-made one (saving again updates it). */
  id: string;
  tips: string;
  lang: string;
}

/** The form for what `qa:open` answered: the stored draft's answers, or an empty one. */
export function formFrom(opened: EvaluationOpened, newId: string, lang: string): EvaluationForm {
  const e = opened.evaluation;
  return e
    ? { id: e.id, answers: e.answers, comments: e.comments, tips: e.tips, lang: e.lang }
    : { id: newId, answers: {}, comments: {}, tips: '', lang };
}

/**
 * Whether the user may still change the answers: a new evaluation, or their own draft or
 * submitted one before it is released (saving a submitted one makes it a draft again).
 */
export function isEditable(opened: EvaluationOpened, userId: string): boolean {
  const e = opened.evaluation;
  if (!e) return true;
  return (
    e.source === 'app' &&
    (e.status === 'draft' || e.status === 'submitted') &&
    e.evaluatorId === userId
  );
}

/** One answer given (null takes it back). */
export function withAnswer<F extends ItemAnswers>(form: F, itemId: string, answer: Answer | null) {
  const answers = { ...form.answers };
  if (answer === null) delete answers[itemId];
  else answers[itemId] = answer;
  return { ...form, answers };
}

export function withComment<F extends ItemAnswers>(form: F, itemId: string, text: string) {
  const comments = { ...form.comments };
  if (text === '') delete comments[itemId];
  else comments[itemId] = text;
  return { ...form, comments };
}

/** The items shown, given the answers so far (a conditional item appears once it applies). */
export const shownItems = (opened: EvaluationOpened, form: EvaluationForm): ScoredItem[] =>
  itemsInPlay(opened.pack, opened.facts.callType, form.answers);

/** The score as it stands, with the rules the hub stores it with. */
export const liveScore = (opened: EvaluationOpened, form: EvaluationForm): ScoreResult =>
  scoreScorecard(opened.pack, opened.facts.callType, form.answers);

/** What keeps the form from being submitted (shown beside each item). */
export const formProblems = (opened: EvaluationOpened, form: EvaluationForm): AnswerProblems =>
  answerProblems(opened.pack, opened.facts.callType, form.answers, form.comments);

/** Item ids with a problem, each once, in the scorecard's order. */
export function problemItems(opened: EvaluationOpened, form: EvaluationForm): string[] {
  const p = formProblems(opened, form);
  const bad = new Set([...p.missing, ...p.naRefused, ...p.commentMissing]);
  return shownItems(opened, form)
    .map((s) => s.item.id)
    .filter((id) => bad.has(id));
}

/**
 * The answers and comments of the items in play only (an item hidden again by a changed answer
 * is not stored), comments trimmed and empty ones left out: what a save sends.
 */
export function inPlayOnly(items: readonly ScoredItem[], form: ItemAnswers): ItemAnswers {
  const inPlay = new Set(items.map((s) => s.item.id));
  return {
    answers: Object.fromEntries(Object.entries(form.answers).filter(([id]) => inPlay.has(id))),
    comments: Object.fromEntries(
      Object.entries(form.comments)
        .map(([id, text]) => [id, text.trim()] as const)
        .filter(([id, text]) => inPlay.has(id) && text !== ''),
    ),
  };
}

/**
 * What `qa:save` is sent: only the answers and comments of items in play (an item hidden again
 * by a changed answer is not stored), trimmed comments, and the assignment it fulfils.
 */
export function savePayload(
  opened: EvaluationOpened,
  form: EvaluationForm,
  submit: boolean,
): QaSave {
  const { answers, comments } = inPlayOnly(shownItems(opened, form), form);
  return {
    id: form.id,
    callId: opened.facts.callId,
    assignmentId: opened.assignment?.id ?? opened.evaluation?.assignmentId ?? null,
    answers,
    comments,
    tips: form.tips.trim(),
    lang: form.lang,
    submit,
  };
}
