import type { BadgeKind } from '../protocol/recognition.js';
import { analyze, coachingLanguageOf } from './language/analyze.js';
import { noteLanguageOf } from './language/detect.js';
import type { LanguageCategory } from './language/types.js';
import { qaPeriodOf, type QaPeriodRange } from './qa-sampling.js';
import type { ScoreResult } from './scoring.js';
import { appliesTo, type StandardsPack } from './standards.js';
import { localDate } from './teams.js';

// Recognition that rewards the standards met (DOMAIN.md, "Recognition"), pure: the badge rules
// over plain records, and the check a shout-out passes before it is given. The hub loads the
// records, stores the badges these return once (its unique key is the agent, the kind, the item
// and `periodKey`) and tells the agent.
//
// Every rule looks only at complete periods: a week (Monday to Sunday) or a calendar month of
// the team's time zone that is over at `now`. A week still under way may yet hold the call that
// breaks it, so it awards nothing until it has ended. A streak has no period: it is complete the
// moment its tenth answer arrives.

/**
 * A week's habit needs a week's work behind it: 5 calls is a day's worth for a part-timer, so
 * "every call" over fewer is luck, not a habit (a week with 2 calls would earn the badge by
 * chance).
 */
export const STANDARD_WEEK_MIN_CALLS = 5;
/** As for the standard: self-assessing every call is a habit only over a week's work. */
export const REFLECTIVE_WEEK_MIN_CALLS = 5;
/**
 * QA realistically evaluates 3-5 contacts per agent per month (DOMAIN.md): 3 is the least a
 * month's sample holds, and "no critical fail" over one or two evaluations says little.
 */
export const NO_CRITICAL_MIN_EVALUATIONS = 3;
/**
 * Ten satisfied customers in a row: at a 4-5 share of about 80 %, ten in a row by chance happen
 * about one run in ten (0.8^10), so the streak marks a run of care, not one lucky answer.
 */
export const CSAT_STREAK_LENGTH = 10;
/** Top-2-box: a 4 or a 5 on the 1-5 scale is a satisfied customer (as CSAT counts it). */
export const SATISFIED_CSAT = 4;

/** A badge a rule found earned, before the hub stores it. */
export interface EarnedBadge {
  kind: BadgeKind;
  /** standard-week: the pack item; null for the other kinds. */
  itemId: string | null;
  /** What the badge is for, as shown: the week's Monday, the month's first day, the streak's first day. */
  period: string;
  /**
   * What makes the award unique with the agent, kind and item: the period for weeks and months,
   * the first answer's id for a streak (two streaks may start on one day).
   */
  periodKey: string;
  /** The evidence as counted: calls, evaluations or answers. */
  count: number;
}

/** A call as the weekly rules read it. */
export interface BadgeCall {
  id: string;
  startedAt: string;
  /** null: still under way (not counted: it may yet change). */
  endedAt: string | null;
  callType: string;
  /** The pack version the call was checked against (its items, which are critical, call types). */
  pack: Pick<StandardsPack, 'areas'>;
  /** Items done on the call (ticked on its checklist). */
  done: readonly string[];
  /** The agent submitted a self-assessment of the call (a skip does not count). */
  assessed: boolean;
}

/** A released evaluation as the monthly rule reads it. */
export interface BadgeEvaluation {
  id: string;
  /** When the agent could first see it: its release (an import: when it reached the hub). */
  releasedAt: string;
  /** Its current score (a re-scored version after a dispute replaces the first); null: none. */
  score: Pick<ScoreResult, 'criticalFailed' | 'sectionFailed'> | null;
}

/** A customer's survey answer as the streak reads it. */
export interface BadgeAnswer {
  /** The answer's id (the call it answers): the streak's key when it starts one. */
  id: string;
  submittedAt: string;
  /** 1-5; null: the customer left CSAT out (neither counts nor breaks a streak). */
  csat: number | null;
}

/** The week (Monday to Sunday) holding the instant, in the zone. */
export function badgeWeekOf(instant: string, zone: string): QaPeriodRange {
  return qaPeriodOf(localDate(new Date(instant), zone), 'week', zone);
}

/** The calendar month holding the instant, in the zone. */
export function badgeMonthOf(instant: string, zone: string): QaPeriodRange {
  return qaPeriodOf(localDate(new Date(instant), zone), 'month', zone);
}

/** Whether the period is over at `now` (only complete periods award). */
export function periodOver(period: QaPeriodRange, now: Date): boolean {
  return Date.parse(period.end) <= now.getTime();
}

/** Ended calls of complete weeks, by the week's Monday, in order of the weeks. */
function completeWeeks(calls: readonly BadgeCall[], zone: string, now: Date) {
  const weeks = new Map<string, BadgeCall[]>();
  for (const call of calls) {
    if (call.endedAt === null) continue;
    const week = badgeWeekOf(call.startedAt, zone);
    if (!periodOver(week, now)) continue;
    const list = weeks.get(week.from);
    if (list) list.push(call);
    else weeks.set(week.from, [call]);
  }
  return [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The critical items of the call's pack that apply to its call type. */
function criticalItemsOf(call: BadgeCall): string[] {
  return call.pack.areas.flatMap((area) =>
    area.items.filter((i) => i.critical && appliesTo(i, call.callType)).map((i) => i.id),
  );
}

/**
 * 'standard-week': for each critical item of the pack, a complete week in which every ended call
 * the item applies to (by its call type, in the call's own pack version) had it done, at least
 * STANDARD_WEEK_MIN_CALLS of them. One badge per item and week.
 */
export function standardWeekBadges(
  calls: readonly BadgeCall[],
  zone: string,
  now: Date,
): EarnedBadge[] {
  const out: EarnedBadge[] = [];
  for (const [monday, week] of completeWeeks(calls, zone, now)) {
    const applicable = new Map<string, { calls: number; done: number }>();
    for (const call of week)
      for (const itemId of criticalItemsOf(call)) {
        const tally = applicable.get(itemId) ?? { calls: 0, done: 0 };
        tally.calls += 1;
        if (call.done.includes(itemId)) tally.done += 1;
        applicable.set(itemId, tally);
      }
    for (const [itemId, { calls: n, done }] of [...applicable].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    ))
      if (n >= STANDARD_WEEK_MIN_CALLS && done === n)
        out.push({ kind: 'standard-week', itemId, period: monday, periodKey: monday, count: n });
  }
  return out;
}

/**
 * 'reflective-week': a complete week in which every ended call, at least
 * REFLECTIVE_WEEK_MIN_CALLS, has a submitted self-assessment.
 */
export function reflectiveWeekBadges(
  calls: readonly BadgeCall[],
  zone: string,
  now: Date,
): EarnedBadge[] {
  return completeWeeks(calls, zone, now)
    .filter(([, week]) => week.length >= REFLECTIVE_WEEK_MIN_CALLS && week.every((c) => c.assessed))
    .map(([monday, week]) => ({
      kind: 'reflective-week',
      itemId: null,
      period: monday,
      periodKey: monday,
      count: week.length,
    }));
}

/** A critical item answered "no": failing the whole call or only its section. */
const criticalFail = (score: NonNullable<BadgeEvaluation['score']>) =>
  score.criticalFailed.length > 0 || (score.sectionFailed?.length ?? 0) > 0;

/**
 * 'no-critical-month': a complete month (of the team's calendar) in which the agent received at
 * least NO_CRITICAL_MIN_EVALUATIONS released evaluations and none had a critical item answered
 * "no". The month is the one of the release: the evaluations a month holds are known for good
 * once it is over (a month of calls would go on changing as its evaluations are released later).
 * Evaluations with no score (nothing assessable) are not counted.
 */
export function noCriticalMonthBadges(
  evaluations: readonly BadgeEvaluation[],
  zone: string,
  now: Date,
): EarnedBadge[] {
  const months = new Map<string, { count: number; failed: boolean }>();
  for (const e of evaluations) {
    if (e.score === null) continue;
    const month = badgeMonthOf(e.releasedAt, zone);
    if (!periodOver(month, now)) continue;
    const tally = months.get(month.from) ?? { count: 0, failed: false };
    tally.count += 1;
    tally.failed ||= criticalFail(e.score);
    months.set(month.from, tally);
  }
  return [...months]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, m]) => m.count >= NO_CRITICAL_MIN_EVALUATIONS && !m.failed)
    .map(([first, m]) => ({
      kind: 'no-critical-month',
      itemId: null,
      period: first,
      periodKey: first,
      count: m.count,
    }));
}

/**
 * 'csat-streak': CSAT_STREAK_LENGTH customer answers in a row of 4 or 5, in order of submission
 * (answers without CSAT skipped). Each streak is one badge, keyed by its first answer, however
 * long it runs; a 3 or less breaks it, and the next ten in a row are a new badge. The count is
 * the streak's length so far.
 */
export function csatStreakBadges(answers: readonly BadgeAnswer[], zone: string): EarnedBadge[] {
  const ordered = answers
    .filter((a) => a.csat !== null)
    .sort((a, b) =>
      a.submittedAt < b.submittedAt
        ? -1
        : a.submittedAt > b.submittedAt
          ? 1
          : a.id < b.id
            ? -1
            : a.id > b.id
              ? 1
              : 0,
    );
  const out: EarnedBadge[] = [];
  let run: BadgeAnswer[] = [];
  const close = () => {
    const first = run[0];
    if (first && run.length >= CSAT_STREAK_LENGTH)
      out.push({
        kind: 'csat-streak',
        itemId: null,
        period: localDate(new Date(first.submittedAt), zone),
        periodKey: first.id,
        count: run.length,
      });
    run = [];
  };
  for (const a of ordered) {
    if (a.csat! >= SATISFIED_CSAT) run.push(a);
    else close();
  }
  close();
  return out;
}

// ---- shout-outs ----

/** Why a shout-out cannot be given as written. */
export interface ShoutoutProblem {
  /**
   * generic-praise: praise that names no behaviour ("Good job!"); no-behaviour: too little text
   * to say what the agent did; harmful: a pattern that takes the recognition back ("but", a
   * command, "if I were you", "why didn't you").
   */
  /** gap: a bracketed gap of the coach's suggestion left unfilled. */
  code: 'generic-praise' | 'no-behaviour' | 'harmful' | 'gap';
  category?: LanguageCategory;
  /** One line in English (the hub's refusal carries it; the UI words its own from the code). */
  message: string;
}

/**
 * A shout-out the coach does not read as specific praise must at least be a sentence that can
 * say what was done: "You confirmed the customer's identity first" is 6 words (Chinese counted in
 * words as the platform segments them, not characters).
 */
export const SHOUTOUT_MIN_WORDS = 6;

/**
 * A gap left in a rewrite taken from the coach's suggestions ("you [what the agent did]"): it
 * reads as specific praise, so the gap itself is what says nothing has been named yet.
 */
export const SHOUTOUT_GAP = /\[[^\]\n]{1,60}\]/u;

/** Words in the text as the platform segments them in the language (Chinese has no spaces). */
function wordCount(text: string, lang: string): number {
  if (typeof Intl.Segmenter !== 'function') return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
  let n = 0;
  for (const s of new Intl.Segmenter(lang, { granularity: 'word' }).segment(text))
    if (s.isWordLike) n += 1;
  return n;
}

const HARMFUL_MESSAGES: Partial<Record<LanguageCategory, string>> = {
  but: '"but" and its kin take back the praise before them',
  command: 'a command (should, must, need to) is a correction, not recognition',
  'if-i-were-you': '"if I were you" is advice, not recognition',
  'presupposing-why': '"why didn\'t you" presupposes a failure',
};

/**
 * What keeps a shout-out from being given (empty: it may be). Built on the constructive-language
 * coach, read in the language the text is written in (`lang` unless the text clearly is in
 * another of the coach's languages): a shout-out must say what the agent did, so praise that
 * names no behaviour is refused, and so is a text the coach finds no specific praise in that is
 * too short to say what was done; patterns that take the praise back are refused too.
 */
export function shoutoutProblems(text: string, lang: string): ShoutoutProblem[] {
  const read = noteLanguageOf(text, coachingLanguageOf(lang) ?? 'en');
  const findings = analyze(text, read, 'en');
  const problems: ShoutoutProblem[] = [];
  const quote = (f: { start: number; end: number }) => `"${text.slice(f.start, f.end)}"`;
  for (const f of findings) {
    const message = HARMFUL_MESSAGES[f.category];
    if (f.tone !== 'harmful' || message === undefined) continue;
    problems.push({
      code: 'harmful',
      category: f.category,
      message: `${quote(f)}: ${message}; recognise the behaviour on its own`,
    });
  }
  const generic = findings.filter((f) => f.category === 'generic-praise');
  if (generic.length > 0)
    problems.push({
      code: 'generic-praise',
      category: 'generic-praise',
      message: `${generic.map(quote).join(', ')} names no behaviour: say what the agent did and which standard it meets`,
    });
  else if (
    !findings.some((f) => f.category === 'specific-praise') &&
    wordCount(text, read) < SHOUTOUT_MIN_WORDS
  )
    problems.push({
      code: 'no-behaviour',
      message: `too little to say what the agent did (at least ${SHOUTOUT_MIN_WORDS} words): name the behaviour and the standard it meets`,
    });
  if (SHOUTOUT_GAP.test(text))
    problems.push({
      code: 'gap',
      message:
        'the text still has a gap in brackets from the suggestion: fill it with what the agent did',
    });
  return problems;
}
