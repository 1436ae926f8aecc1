import { create } from 'zustand';
import {
  hasAnswerProblems,
  type Answer,
  type Evaluation,
  type EvaluationOpened,
  type QaOpen,
  type QaResolve,
} from '@sidecoach/shared';
import { ask } from '../../hub/client.js';
import type { Message } from '../../hub/errors.js';
import { latest } from '../../hub/latest.js';
import { useSession } from '../../hub/session-store.js';
import { newId } from '../../lib/ids.js';
import {
  formFrom,
  formProblems,
  isEditable,
  savePayload,
  withAnswer,
  withComment,
  type EvaluationForm,
} from './form.js';
import { useQaView } from './view.js';

// The evaluation open over the Quality view's tabs: the call's facts and scorecard from
// `qa:open`, the form being written, and saving, submitting, releasing and resolving disputes.

export type SaveStep = 'draft' | 'submit' | 'release' | 'resolve';

interface EvaluateState {
  status: 'idle' | 'loading' | 'loaded' | 'failed';
  error: Message | null;
  opened: EvaluationOpened | null;
  form: EvaluationForm | null;
  /** Changed since it was opened or last saved. */
  dirty: boolean;
  saving: SaveStep | null;
  /** Shown beside the buttons: saved, submitted, released, refused. */
  notice: { ok: boolean; message: Message } | null;
  /** A submit was tried with problems: each item says what it lacks. */
  showProblems: boolean;
}

const initial: EvaluateState = {
  status: 'idle',
  error: null,
  opened: null,
  form: null,
  dirty: false,
  saving: null,
  notice: null,
  showProblems: false,
};

export const useEvaluate = create<EvaluateState>()(() => initial);
const guard = latest();
const set = (p: Partial<EvaluateState>) => useEvaluate.setState(p);
const userId = () => useSession.getState().session?.user.id ?? '';

/** Opens a call (an assignment, an evaluation, or a call outside the plan) over the tabs. */
export async function openEvaluation(ref: QaOpen, lang: string): Promise<void> {
  useQaView.setState({ evaluating: ref });
  const current = guard.next();
  set({ ...initial, status: 'loading' });
  const res = await ask('qa:open', ref);
  if (!current()) return;
  if (!res.ok) return set({ status: 'failed', error: res.error });
  set({ status: 'loaded', opened: res.data, form: formFrom(res.data, newId(), lang) });
}

/** Back to the tabs. */
export function closeEvaluation(): void {
  guard.cancel();
  useQaView.setState({ evaluating: null });
  set(initial);
}

const edit = (change: (form: EvaluationForm) => EvaluationForm) => {
  const { form, opened } = useEvaluate.getState();
  if (!form || !opened || !isEditable(opened, userId())) return;
  set({ form: change(form), dirty: true, notice: null });
};

export const setAnswer = (itemId: string, answer: Answer | null) =>
  edit((f) => withAnswer(f, itemId, answer));
export const setComment = (itemId: string, text: string) =>
  edit((f) => withComment(f, itemId, text));
export const setTips = (tips: string) => edit((f) => ({ ...f, tips }));
export const setNoteLang = (lang: string) => edit((f) => ({ ...f, lang }));

/**
 * The open evaluation as the hub now has it. A view the user only reads shows the form's answers,
 * so the form follows what was stored (a dispute decided re-scores the answers).
 */
function withEvaluation(evaluation: Evaluation): Partial<EvaluateState> {
  const { opened, form } = useEvaluate.getState();
  if (!opened) return {};
  const next = { ...opened, evaluation };
  const readOnly = !isEditable(next, userId());
  return {
    opened: next,
    form: readOnly || !form ? formFrom(next, evaluation.id, evaluation.lang) : form,
  };
}

function stored(evaluation: Evaluation, message: Message) {
  const { opened } = useEvaluate.getState();
  if (!opened) return;
  set({
    ...withEvaluation(evaluation),
    dirty: false,
    showProblems: false,
    notice: { ok: true, message },
  });
}

/** Saves the draft, or submits it (checked here first: every item answered, comments given). */
export async function saveEvaluation(submit: boolean): Promise<boolean> {
  const { form, opened, saving } = useEvaluate.getState();
  if (!form || !opened || saving) return false;
  if (submit && hasAnswerProblems(formProblems(opened, form))) {
    set({ showProblems: true, notice: { ok: false, message: { key: 'qa.evaluate.incomplete' } } });
    return false;
  }
  set({ saving: submit ? 'submit' : 'draft', notice: null });
  const res = await ask('qa:save', savePayload(opened, form, submit));
  set({ saving: null });
  if (!res.ok) {
    set({ notice: { ok: false, message: res.error } });
    return false;
  }
  stored(res.data, { key: submit ? 'qa.evaluate.submitted' : 'qa.evaluate.draftSaved' });
  return true;
}

/** Releases a submitted evaluation to the agent. */
export async function releaseEvaluation(): Promise<void> {
  const { opened, saving } = useEvaluate.getState();
  const id = opened?.evaluation?.id;
  if (!id || saving) return;
  set({ saving: 'release', notice: null });
  const res = await ask('qa:release', { evaluationId: id });
  set({ saving: null });
  if (!res.ok) return set({ notice: { ok: false, message: res.error } });
  stored(res.data, { key: 'qa.evaluate.released' });
}

/** The arbitrator's decision on a dispute, point by point. */
export async function resolveDispute(resolution: QaResolve): Promise<boolean> {
  if (useEvaluate.getState().saving) return false;
  set({ saving: 'resolve', notice: null });
  const res = await ask('qa:resolve', resolution);
  set({ saving: null });
  if (!res.ok) {
    set({ notice: { ok: false, message: res.error } });
    return false;
  }
  stored(res.data, { key: 'qa.resolve.done' });
  return true;
}

/** An evaluation changed on the hub: the open one shows it (a draft being edited stays). */
export function evaluationChanged(evaluation: Evaluation): void {
  const { opened, dirty } = useEvaluate.getState();
  if (!opened || opened.evaluation?.id !== evaluation.id) return;
  if (dirty && evaluation.status === 'draft') return;
  set(withEvaluation(evaluation));
}

export const resetEvaluate = () => {
  guard.cancel();
  set(initial);
};
