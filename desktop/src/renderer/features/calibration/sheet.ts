import {
  answerProblems,
  itemsInPlay,
  scoreScorecard,
  type AnswerProblems,
  type CalibrationOpened,
  type CalibrationSave,
  type CalibrationSession,
  type ItemAgreement,
  type ScoreResult,
  type ScoredItem,
} from '@sidecoach/shared';
import { inPlayOnly, type ItemAnswers } from '../qa/form.js';
import type { ItemProblem } from '../qa/SheetItems.js';

// A participant's calibration sheet being written: the evaluation form's answers and comments
// (qa/form.ts), on the session's scorecard version and call type. Pure, so what the sheet shows
// and sends is tested without a browser.

export type SheetForm = ItemAnswers;

/** The sheet as the hub has it (the caller's own), or an empty one. */
export const sheetFrom = (opened: CalibrationOpened): SheetForm => ({
  answers: opened.mine?.answers ?? {},
  comments: opened.mine?.comments ?? {},
});

/** The items shown, given the answers so far (a conditional item appears once it applies). */
export const sheetItems = (opened: CalibrationOpened, form: SheetForm): ScoredItem[] =>
  itemsInPlay(opened.pack, opened.session.callType, form.answers);

export const sheetScore = (opened: CalibrationOpened, form: SheetForm): ScoreResult =>
  scoreScorecard(opened.pack, opened.session.callType, form.answers);

export const sheetProblems = (opened: CalibrationOpened, form: SheetForm): AnswerProblems =>
  answerProblems(opened.pack, opened.session.callType, form.answers, form.comments);

/** What `calibration:save` is sent: the items in play only, comments trimmed. */
export function sheetPayload(
  opened: CalibrationOpened,
  form: SheetForm,
  submit: boolean,
): CalibrationSave {
  return { sessionId: opened.session.id, ...inPlayOnly(sheetItems(opened, form), form), submit };
}

const HUB_KINDS: Record<string, ItemProblem> = {
  missing: 'missing',
  comment: 'commentMissing',
  na: 'naRefused',
};

/**
 * The hub's refusal of a sheet, item by item: its `problems` are `missing:<item>`,
 * `comment:<item>`, `na:<item>` (and `unknown:<item>`, an item not on the scorecard: nothing to
 * point at on the sheet).
 */
export function problemsFromHub(problems: readonly string[] | undefined) {
  const found: Record<string, ItemProblem> = {};
  for (const p of problems ?? []) {
    const at = p.indexOf(':');
    const kind = HUB_KINDS[p.slice(0, at)];
    if (at > 0 && kind) found[p.slice(at + 1)] = kind;
  }
  return found;
}

/** How many participants have submitted. */
export const submittedCount = (session: CalibrationSession) =>
  session.participants.filter((p) => p.submittedAt !== null).length;

/** At least this many submitted sheets before a reveal (the hub's rule too). */
export const REVEAL_MIN_SHEETS = 2;

/**
 * Why the facilitator cannot reveal yet (the hub's `can.reveal` decides; this says why in
 * words): fewer than two sheets, or someone has not submitted and the deadline is still ahead.
 * null when nothing on the session itself stands in the way.
 */
export function revealBlock(
  session: CalibrationSession,
  now: Date,
): { reason: 'fewSheets'; submitted: number } | { reason: 'waiting'; deadline: string } | null {
  if (session.status !== 'open') return null;
  const submitted = submittedCount(session);
  if (submitted < REVEAL_MIN_SHEETS) return { reason: 'fewSheets', submitted };
  if (submitted < session.participants.length && Date.parse(session.deadline) > now.getTime())
    return { reason: 'waiting', deadline: session.deadline };
  return null;
}

/** Facilitators: quality managers (admins) and leads (the hub refuses others too). */
export const canFacilitate = (role: string) => role === 'admin' || role === 'lead';

/**
 * The items without a benchmark that every participant who answered them answered alike, with
 * that answer: what the facilitator may take as the benchmarks in one go.
 */
export function agreedWithoutBenchmark(
  items: readonly ItemAgreement[],
): Array<{ itemId: string; answer: 'yes' | 'no' | 'na' }> {
  return items.flatMap((i) => {
    if (i.benchmark !== null) return [];
    const given = (['yes', 'no', 'na'] as const).filter((a) => i.counts[a] > 0);
    return given.length === 1 ? [{ itemId: i.itemId, answer: given[0]! }] : [];
  });
}
