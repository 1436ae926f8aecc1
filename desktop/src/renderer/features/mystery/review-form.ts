import type { MysteryReport, MysteryReview } from '@sidecoach/shared';

// The quality manager's decision on a caller's report: approve with a grade of the report (it
// then counts in the results), return it with a question, or reject it with a reason; and the
// call it is about when the hub's match by number did not decide (one of the candidates).

export type ReviewAction = MysteryReview['action'];

export interface ReviewDraft {
  action: ReviewAction;
  /** The grade of the caller's report, 1-5 (approve). */
  grade: number | null;
  /** The question (return), the reason (reject), a note (approve, optional). */
  note: string;
  /** The call picked among the candidates (null: as the hub matched it). */
  callId: string | null;
}

export type ReviewProblem = 'grade' | 'note';

export const newReviewDraft = (action: ReviewAction = 'approve'): ReviewDraft => ({
  action,
  grade: null,
  note: '',
  callId: null,
});

export function reviewProblems(d: ReviewDraft): ReviewProblem[] {
  if (d.action === 'approve') return d.grade === null ? ['grade'] : [];
  return d.note.trim() === '' ? ['note'] : [];
}

export function reviewFromDraft(
  report: Pick<MysteryReport, 'assignmentId' | 'match'>,
  d: ReviewDraft,
): { payload: MysteryReview } | { problems: ReviewProblem[] } {
  const problems = reviewProblems(d);
  if (problems.length > 0) return { problems };
  const picked = d.callId !== null && d.callId !== report.match.callId ? d.callId : null;
  return {
    payload: {
      assignmentId: report.assignmentId,
      action: d.action,
      note: d.note.trim(),
      grade: d.action === 'approve' ? d.grade : null,
      callId: picked,
    },
  };
}
