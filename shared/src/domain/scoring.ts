import { z } from 'zod';
import {
  checklistFor,
  STANDARD_AREAS,
  type StandardArea,
  type StandardItem,
  type StandardsPack,
} from './standards.js';

// The scorecard rules (README, "How a scorecard is scored", with worked examples). Every score
// the hub stores is computed here, once, with the pack version it names; stored scores are never
// recomputed, so a rule or a weight that changes later does not change them.

/** A scorecard answer: yes, no, or not assessable (drops out of the score). */
export const AnswerSchema = z.enum(['yes', 'no', 'na']);
export type Answer = z.infer<typeof AnswerSchema>;

/** The bonus cap of a pack that names none, in points. */
export const DEFAULT_BONUS_CAP = 10;

export const SectionScoreSchema = z.object({
  area: z.enum(STANDARD_AREAS),
  earned: z.number(),
  possible: z.number(),
  /** 0-100, or null when every item of the section was N/A. */
  percent: z.number().nullable(),
  /** A section-critical item of it was answered "no": the section scores 0. */
  failed: z.boolean(),
});
export type SectionScore = z.infer<typeof SectionScoreSchema>;

export const ScoreResultSchema = z.object({
  earned: z.number(),
  possible: z.number(),
  /** 0-100 (more with bonus points), or null when every item was N/A. */
  percent: z.number().nullable(),
  /** Critical items answered "no" that fail the whole call: any one makes the score 0. */
  criticalFailed: z.array(z.string()),
  /** false when a critical item failed the call; null when nothing was assessable. */
  passed: z.boolean().nullable(),
  // Absent from scores stored before sections and bonus items existed.
  /** The score before bonus points (0 when the call failed). */
  base: z.number().nullable().optional(),
  /** Bonus points added, after the cap. */
  bonus: z.number().optional(),
  sections: z.array(SectionScoreSchema).optional(),
  /** Section-critical items answered "no" (each fails its own section only). */
  sectionFailed: z.array(z.string()).optional(),
});
/** The result of scoring one scorecard. */
export type ScoreResult = z.infer<typeof ScoreResultSchema>;

/** A scorecard item in play for a call, with the section (area) it is scored in. */
export interface ScoredItem {
  area: StandardArea;
  item: StandardItem;
}

/** The pack's scorecard items for a call type, in checklist order, whatever the answers. */
export function scorecardFor(pack: StandardsPack, callTypeId: string): ScoredItem[] {
  return checklistFor(pack, callTypeId).flatMap((area) =>
    area.items.filter((i) => i.scorecard).map((item) => ({ area: area.id, item })),
  );
}

/**
 * The items the evaluator sees and the score counts, given the answers so far: an item with
 * `showWhen` is in play only while the item it depends on is in play and has one of the answers.
 */
export function itemsInPlay(
  pack: StandardsPack,
  callTypeId: string,
  answers: Readonly<Record<string, Answer>>,
): ScoredItem[] {
  const all = scorecardFor(pack, callTypeId);
  const byId = new Map(all.map((s) => [s.item.id, s.item]));
  const visible = (item: StandardItem, depth: number): boolean => {
    const when = item.showWhen;
    if (!when) return true;
    const parent = byId.get(when.item);
    const answer = answers[when.item];
    return (
      depth < all.length &&
      parent !== undefined &&
      answer !== undefined &&
      when.answers.includes(answer) &&
      visible(parent, depth + 1)
    );
  };
  return all.filter((s) => visible(s.item, 0));
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const percentOf = (earned: number, possible: number) =>
  possible === 0 ? null : (earned / possible) * 100;

/**
 * Scores answers against a pack's scorecard for a call type:
 * - only items in play count (the call type's, `showWhen` met); other answers are ignored;
 * - N/A drops an item from both earned and possible;
 * - a "no" on a critical item fails the call (score 0, no bonus), or with `criticalScope:
 *   'section'` only its section (the section's earned becomes 0, its possible stays);
 * - bonus items are outside the base: each "yes" adds its weight in points, at most the pack's
 *   `bonusCap` in all, and only to a call that has a score and did not fail;
 * - percentages are rounded to one decimal at the end, never on the way.
 */
export function scoreScorecard(
  pack: StandardsPack,
  callTypeId: string,
  answers: Readonly<Record<string, Answer>>,
): ScoreResult {
  const sections = new Map<StandardArea, SectionScore>();
  const criticalFailed: string[] = [];
  const sectionFailed: string[] = [];
  let bonusPoints = 0;
  for (const { area, item } of itemsInPlay(pack, callTypeId, answers)) {
    const answer = answers[item.id];
    if (answer === undefined || answer === 'na') continue;
    if (item.bonus) {
      if (answer === 'yes') bonusPoints += item.weight;
      continue;
    }
    const section = sections.get(area) ?? {
      area,
      earned: 0,
      possible: 0,
      percent: null,
      failed: false,
    };
    sections.set(area, section);
    section.possible += item.weight;
    if (answer === 'yes') section.earned += item.weight;
    else if (item.critical && item.criticalScope === 'section') {
      section.failed = true;
      sectionFailed.push(item.id);
    } else if (item.critical) criticalFailed.push(item.id);
  }
  const scored = STANDARD_AREAS.flatMap((area) => {
    const s = sections.get(area);
    if (!s) return [];
    const earned = s.failed ? 0 : s.earned;
    const percent = percentOf(earned, s.possible);
    return [{ ...s, earned, percent: percent === null ? null : round1(percent) }];
  });
  const earned = scored.reduce((sum, s) => sum + s.earned, 0);
  const possible = scored.reduce((sum, s) => sum + s.possible, 0);
  const failedCall = criticalFailed.length > 0;
  const raw = percentOf(earned, possible);
  const base = raw === null ? null : failedCall ? 0 : raw;
  const bonus =
    base === null || failedCall ? 0 : Math.min(bonusPoints, pack.bonusCap ?? DEFAULT_BONUS_CAP);
  return {
    earned,
    possible,
    percent: base === null ? null : round1(base + bonus),
    criticalFailed,
    passed: failedCall ? false : base === null ? null : true,
    base: base === null ? null : round1(base),
    bonus,
    sections: scored,
    sectionFailed,
  };
}

/** What keeps a set of answers from being submitted, per item id (empty when none does). */
export interface AnswerProblems {
  /** Items in play without an answer. */
  missing: string[];
  /** Answers to items not on this scorecard (unknown, another call type's). */
  unknown: string[];
  /** "Not assessable" on an item that does not allow it. */
  naRefused: string[];
  /** A "no" without the comment the item requires. */
  commentMissing: string[];
}

/**
 * Checks answers (and comments by item id) against the scorecard for a call type. Answers to
 * items hidden by `showWhen` are not problems: they are dropped when scored.
 */
export function answerProblems(
  pack: StandardsPack,
  callTypeId: string,
  answers: Readonly<Record<string, Answer>>,
  comments: Readonly<Record<string, string>> = {},
): AnswerProblems {
  const all = new Set(scorecardFor(pack, callTypeId).map((s) => s.item.id));
  const inPlay = itemsInPlay(pack, callTypeId, answers).map((s) => s.item);
  return {
    missing: inPlay.filter((i) => answers[i.id] === undefined).map((i) => i.id),
    unknown: Object.keys(answers).filter((id) => !all.has(id)),
    naRefused: inPlay
      .filter((i) => answers[i.id] === 'na' && i.naAllowed === false)
      .map((i) => i.id),
    commentMissing: inPlay
      .filter((i) => answers[i.id] === 'no' && i.commentOnNo && !comments[i.id]?.trim())
      .map((i) => i.id),
  };
}

/** Whether there is any problem at all. */
export const hasAnswerProblems = (p: AnswerProblems) =>
  p.missing.length + p.unknown.length + p.naRefused.length + p.commentMissing.length > 0;
