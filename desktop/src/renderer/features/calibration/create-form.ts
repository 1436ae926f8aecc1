import {
  CALIBRATION_PARTICIPANTS_MAX,
  type CalibrationCreate,
  type CalibrationSetup,
} from '@sidecoach/shared';

// The facilitator's "New session" form: what it starts with (the newest scorecard version, a
// deadline in two days), what keeps it from being sent, field by field, and where a refusal by
// the hub belongs. Pure, so it is tested without a browser.

export interface SessionDraft {
  callId: string;
  title: string;
  /** '' for the newest version. */
  packVersion: string;
  participantIds: string[];
  /** As a datetime-local field holds it: YYYY-MM-DDTHH:mm on this device's clock. */
  deadline: string;
}

export type DraftField = 'callId' | 'title' | 'participantIds' | 'deadline' | 'packVersion';
export type DraftProblem = 'call' | 'title' | 'participants' | 'tooMany' | 'deadline';
export type DraftProblems = Partial<Record<DraftField, DraftProblem>>;

/** How long participants get by default. */
export const DEFAULT_DEADLINE_DAYS = 2;

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment as a datetime-local field writes it (this device's clock, to the minute). */
export function localDateTime(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export function emptyDraft(now: Date): SessionDraft {
  const deadline = new Date(now.getTime() + DEFAULT_DEADLINE_DAYS * 86_400_000);
  return {
    callId: '',
    title: '',
    packVersion: '',
    participantIds: [],
    deadline: localDateTime(deadline),
  };
}

/** Who may take part, evaluators first, each group by name. */
export function peopleOrder(people: CalibrationSetup['people']): CalibrationSetup['people'] {
  return [...people].sort(
    (a, b) => Number(b.evaluator) - Number(a.evaluator) || a.name.localeCompare(b.name),
  );
}

/** The versions to choose from, newest first. */
export const versionsNewestFirst = (setup: CalibrationSetup) =>
  [...setup.versions].sort((a, b) => b - a);

/** What `calibration:create` is sent, or what keeps the draft from being sent. */
export function createFromDraft(
  draft: SessionDraft,
  id: string,
  now: Date,
): { payload: CalibrationCreate } | { problems: DraftProblems } {
  const problems: DraftProblems = {};
  if (!draft.callId) problems.callId = 'call';
  if (draft.title.trim() === '') problems.title = 'title';
  if (draft.participantIds.length < 2) problems.participantIds = 'participants';
  else if (draft.participantIds.length > CALIBRATION_PARTICIPANTS_MAX)
    problems.participantIds = 'tooMany';
  const deadline = new Date(draft.deadline);
  if (Number.isNaN(deadline.getTime()) || deadline.getTime() <= now.getTime())
    problems.deadline = 'deadline';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    payload: {
      id,
      title: draft.title.trim(),
      callId: draft.callId,
      ...(draft.packVersion ? { packVersion: Number(draft.packVersion) } : {}),
      participantIds: draft.participantIds,
      deadline: deadline.toISOString(),
    },
  };
}

const FIELDS: readonly DraftField[] = [
  'callId',
  'title',
  'participantIds',
  'deadline',
  'packVersion',
];

/** What the hub's refusals of a new session speak of, in its words, by field. */
const SPOKEN_OF: [RegExp, DraftField][] = [
  [/\bdeadline\b/i, 'deadline'],
  [/\bown agent\b|\bparticipant/i, 'participantIds'],
  [/\bversion\b/i, 'packVersion'],
  [/\bcalls?\b/i, 'callId'],
];

/**
 * The field a refusal by the hub is about, so the form shows it there: the schema's path
 * ("→ at participantIds"), the people it names (`participant:<id>` problems), or what its
 * message speaks of; null for the form as a whole.
 */
export function fieldOfRefusal(
  message: string,
  problems: readonly string[] = [],
): DraftField | null {
  const path = /→ at (\w+)/.exec(message)?.[1];
  const named = FIELDS.find((f) => f === path);
  if (named) return named;
  if (problems.some((p) => p.startsWith('participant:'))) return 'participantIds';
  return SPOKEN_OF.find(([words]) => words.test(message))?.[1] ?? null;
}
