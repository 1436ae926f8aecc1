import {
  answerProblems,
  itemsInPlay,
  samePhone,
  scorecardFor,
  scoreScorecard,
  type Answer,
  type MysteryReportSaveSchema,
  type ScoreResult,
  type StandardsPack,
} from '@sidecoach/shared';
import type { z } from 'zod';

// The questionnaire of one mystery call and what keeps a report on it from being taken. Problems
// are named as the client can point at them: `missing:<item>` (unanswered), `unknown:<item>` (not
// asked on this call), `na:<item>` (N/A not allowed), `comment:<item>` (a "no" needs a comment),
// `rating:<id>` (not given), `unknown-rating:<id>`, and `calledAt`, `calledNumber`,
// `fromNumber`, `reply` for the call's facts.

export type ReportInput = z.output<typeof MysteryReportSaveSchema>;

/** Calls reported this long outside their window still count (a call that ran late). */
export const WINDOW_SLACK_MS = 30 * 60_000;
/** A phone's clock ahead of the hub's. */
const FUTURE_SLACK_MS = 5 * 60_000;

/** The items asked on a call: the programme's, on the call type's scorecard, in its order. */
export function askedItems(pack: StandardsPack, itemIds: readonly string[], callType: string) {
  const chosen = new Set(itemIds);
  return scorecardFor(pack, callType)
    .filter((s) => chosen.has(s.item.id))
    .map((s) => s.item.id);
}

/** Only the answers to asked items count (the score never reads another). */
const askedOnly = <T>(values: Readonly<Record<string, T>>, asked: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(values).filter(([id]) => asked.has(id)));

export function scoreReport(
  pack: StandardsPack,
  callType: string,
  asked: readonly string[],
  answers: Readonly<Record<string, Answer>>,
): ScoreResult {
  return scoreScorecard(pack, callType, askedOnly(answers, new Set(asked)));
}

export interface CallFacts {
  /** The assignment's window. */
  windowFrom: string;
  windowTo: string;
  numberToCall: string;
  /** The caller's registered numbers. */
  phones: readonly string[];
  /** Returned with a question: a re-submission needs the caller's reply. */
  returned: boolean;
  ratingIds: readonly string[];
  now: Date;
}

export function reportProblems(
  pack: StandardsPack,
  callType: string,
  asked: readonly string[],
  input: ReportInput,
  facts: CallFacts,
): { message: string; problems: string[] } | null {
  const set = new Set(asked);
  const answers = askedOnly(input.answers, set);
  const found = answerProblems(pack, callType, answers, input.comments);
  const inPlay = new Set(itemsInPlay(pack, callType, answers).map((s) => s.item.id));
  const keep = (ids: string[]) => ids.filter((id) => set.has(id) && inPlay.has(id));
  const lines: [string, string[]][] = [
    [
      'not asked on this call',
      [
        ...Object.keys(input.answers).filter((id) => !set.has(id)),
        ...Object.keys(input.comments).filter((id) => !set.has(id)),
      ].map((id) => `unknown:${id}`),
    ],
    ['cannot be N/A', keep(found.naRefused).map((id) => `na:${id}`)],
    [
      'ratings not in the questionnaire',
      Object.keys(input.ratings)
        .filter((id) => !facts.ratingIds.includes(id))
        .map((id) => `unknown-rating:${id}`),
    ],
  ];
  const at = Date.parse(input.calledAt);
  if (at > facts.now.getTime() + FUTURE_SLACK_MS)
    lines.push(['the call time is in the future', ['calledAt']]);
  if (input.submit) {
    lines.push(
      ['unanswered', keep(found.missing).map((id) => `missing:${id}`)],
      ['a "no" needs a comment', keep(found.commentMissing).map((id) => `comment:${id}`)],
      [
        'ratings not given',
        facts.ratingIds.filter((id) => input.ratings[id] === undefined).map((id) => `rating:${id}`),
      ],
    );
    if (
      at < Date.parse(facts.windowFrom) - WINDOW_SLACK_MS ||
      at > Date.parse(facts.windowTo) + WINDOW_SLACK_MS
    )
      lines.push(['the call was made outside the assignment’s time window', ['calledAt']]);
    if (!samePhone(input.calledNumber, facts.numberToCall))
      lines.push([
        `the number called is not the assignment’s (${facts.numberToCall})`,
        ['calledNumber'],
      ]);
    if (!facts.phones.some((p) => samePhone(p, input.fromNumber)))
      lines.push([
        'the number called from is not one of your registered numbers (ask the quality manager to add it)',
        ['fromNumber'],
      ]);
    if (facts.returned && input.reply.trim() === '')
      lines.push(['answer the quality manager’s question', ['reply']]);
  }
  const chosen = lines.filter(([, p]) => p.length > 0);
  if (chosen.length === 0) return null;
  return {
    message: chosen
      .map(([words, p]) => {
        const ids = p.map((x) => x.split(':')[1]).filter((x): x is string => x !== undefined);
        return ids.length ? `${words}: ${ids.join(', ')}` : words;
      })
      .join('; '),
    problems: chosen.flatMap(([, p]) => p),
  };
}
