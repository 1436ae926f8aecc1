import {
  answerProblems,
  itemsInPlay,
  scorecardFor,
  type Answer,
  type AnswerProblems,
  type StandardsPack,
} from '@sidecoach/shared';
import type { DisputeInput, SaveInput } from './jobs.js';

// What keeps an evaluation or a dispute from being taken, in words and as `problems` the client
// can point at: `missing:<item>` (unanswered), `unknown:<item>` (not on this scorecard),
// `na:<item>` (N/A not allowed), `comment:<item>` (a "no" needs a comment).

export interface Problems {
  message: string;
  problems: string[];
}

const KINDS: [keyof AnswerProblems, string, string][] = [
  ['missing', 'missing', 'unanswered'],
  ['unknown', 'unknown', 'not on the scorecard'],
  ['naRefused', 'na', 'cannot be N/A'],
  ['commentMissing', 'comment', 'a "no" needs a comment'],
];

/** The problems as one message and a list; null when there are none. */
export function describeProblems(
  p: AnswerProblems,
  kinds = KINDS.map((k) => k[0]),
): Problems | null {
  const chosen = KINDS.filter(([key]) => kinds.includes(key) && p[key].length > 0);
  if (chosen.length === 0) return null;
  return {
    message: chosen.map(([key, , words]) => `${words}: ${p[key].join(', ')}`).join('; '),
    problems: chosen.flatMap(([key, code]) => p[key].map((id) => `${code}:${id}`)),
  };
}

/**
 * A save's problems: answers and comments naming items off the scorecard, or N/A where it is not
 * allowed, always; with `submit`, also unanswered items and missing comments.
 */
export function saveProblems(
  pack: StandardsPack,
  callType: string,
  input: Pick<SaveInput, 'answers' | 'comments' | 'submit'>,
): Problems | null {
  const found = answerProblems(pack, callType, input.answers, input.comments);
  const onCard = new Set(scorecardFor(pack, callType).map((s) => s.item.id));
  const strayComments = Object.keys(input.comments).filter(
    (id) => !onCard.has(id) && !found.unknown.includes(id),
  );
  const all = { ...found, unknown: [...found.unknown, ...strayComments] };
  return describeProblems(all, input.submit ? undefined : ['unknown', 'naRefused']);
}

/** Why the agent's points cannot be taken, if they cannot. */
export function disputeProblem(
  pack: StandardsPack,
  callType: string,
  answers: Readonly<Record<string, Answer>>,
  points: DisputeInput['points'],
): string | null {
  const inPlay = new Map(itemsInPlay(pack, callType, answers).map((s) => [s.item.id, s.item]));
  const seen = new Set<string | null>();
  for (const [i, p] of points.entries()) {
    const n = i + 1;
    if (seen.has(p.itemId))
      return p.itemId === null
        ? `point ${n}: the evaluation as a whole is disputed once`
        : `point ${n}: "${p.itemId}" is disputed twice`;
    seen.add(p.itemId);
    if (p.itemId === null) {
      if (p.proposed !== null)
        return `point ${n} is on the whole evaluation: it proposes no answer`;
      continue;
    }
    const item = inPlay.get(p.itemId);
    if (!item) return `point ${n}: "${p.itemId}" is not an item of this evaluation`;
    if (p.proposed !== null && p.proposed === answers[p.itemId])
      return `point ${n}: "${p.itemId}" is answered ${p.proposed} already`;
    if (p.proposed === 'na' && item.naAllowed === false)
      return `point ${n}: "${p.itemId}" cannot be N/A`;
  }
  return null;
}
