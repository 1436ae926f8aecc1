import { z } from 'zod';
import type { StandardItem } from './standards.js';

/** A scorecard answer: yes, no, or not assessable (drops out of the score). */
export const AnswerSchema = z.enum(['yes', 'no', 'na']);
export type Answer = z.infer<typeof AnswerSchema>;

export const ScoreResultSchema = z.object({
  earned: z.number(),
  possible: z.number(),
  /** 0-100, or null when every item was N/A. */
  percent: z.number().nullable(),
  /** Critical items answered "no": any one fails the call. */
  criticalFailed: z.array(z.string()),
  /** false when a critical item failed; null when nothing was assessable. */
  passed: z.boolean().nullable(),
});
/** The result of scoring one scorecard. */
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

/**
 * Scores answers against scorecard items. N/A items drop out of both earned and possible;
 * a "no" on a critical item fails the call whatever the percentage.
 */
export function scoreScorecard(
  items: readonly StandardItem[],
  answers: Readonly<Record<string, Answer>>,
): ScoreResult {
  let earned = 0;
  let possible = 0;
  const criticalFailed: string[] = [];
  for (const item of items) {
    const answer = answers[item.id];
    if (answer === undefined || answer === 'na') continue;
    possible += item.weight;
    if (answer === 'yes') earned += item.weight;
    else if (item.critical) criticalFailed.push(item.id);
  }
  const percent = possible === 0 ? null : Math.round((earned / possible) * 1000) / 10;
  const passed = criticalFailed.length > 0 ? false : percent === null ? null : true;
  return { earned, possible, percent, criticalFailed, passed };
}

/** Problems with a set of answers for the given scorecard items: missing and unknown item ids. */
export function answerProblems(
  items: readonly StandardItem[],
  answers: Readonly<Record<string, Answer>>,
): { missing: string[]; unknown: string[] } {
  const ids = new Set(items.map((i) => i.id));
  return {
    missing: items.filter((i) => answers[i.id] === undefined).map((i) => i.id),
    unknown: Object.keys(answers).filter((id) => !ids.has(id)),
  };
}
