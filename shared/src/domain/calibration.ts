import type {
  CalibrationTrends,
  ItemAgreement,
  ParticipantDeviation,
  SessionFigures,
  Statistic,
  UndefinedReason,
} from '../protocol/calibration.js';
import { cohenKappa, fleissKappa, krippendorffAlpha, pairwiseAgreement } from './agreement.js';
import { itemsInPlay, scoreScorecard, scorecardFor, type Answer } from './scoring.js';
import type { StandardsPack } from './standards.js';

// Calibration figures (pure): what a session's reveal shows and how agreement goes over time.
// README.md, "Calibration: agreement figures and how to read them", explains each figure and the
// flag rules; calibration.test.ts works them out by hand.
//
// - The items compared are the call type's scorecard items (scorecardFor) that some participant
//   answered while the item was in play for them (itemsInPlay: an item hidden by showWhen on a
//   sheet is `missing` there, and left out as null, as is an answer given to it while hidden).
// - Every item is a unit and every participant a rater; yes, no and N/A are three nominal
//   categories (raters who disagree on whether an item could be assessed disagree).
// - A statistic that is undefined says why (statistic()): 'one-rater' with fewer than two
//   raters, 'no-pairs' when no unit has two answers, else 'one-category' (every answer the same).

export interface SheetInput {
  userId: string;
  name: string;
  /** Submitted answers (drafts are not figures). */
  answers: Record<string, Answer>;
}

export interface SessionInput {
  pack: StandardsPack;
  callType: string;
  sheets: SheetInput[];
  /** The facilitator's benchmark answer per item. */
  benchmarks: Record<string, Answer>;
  /** How each item is to be read (this session's note, else the version's guidance). */
  notes: Record<string, string>;
}

export interface TrendSessionInput extends SessionInput {
  id: string;
  title: string;
  revealedAt: string;
  packVersion: number;
}

/**
 * An item is flagged as wording to fix when its Krippendorff's alpha over the sessions is below
 * this: Krippendorff (Content Analysis: An Introduction to Its Methodology, 2004) relies on
 * variables with alpha >= .800 and accepts .667 <= alpha < .800 only for tentative conclusions;
 * below .667 the evaluators are not reading the item alike.
 */
export const ITEM_ALPHA_FLOOR = 0.667;

/**
 * An item is also flagged when its pooled percent agreement is below this, whatever alpha says:
 * when one pair of evaluators in five answers it differently the agents feel it, and chance
 * correction cannot excuse it. 80% is the minimum acceptable agreement many texts name (McHugh
 * 2012, "Interrater reliability: the kappa statistic", Biochemia Medica 22(3)); with answers
 * spread over yes, no and N/A alpha can clear .667 while agreement is under it.
 */
export const ITEM_AGREEMENT_FLOOR = 0.8;

/**
 * Agreement must "stay low across sessions": an item is flagged only once it was compared in at
 * least this many sessions (a session counts when at least two participants answered the item).
 * One call can be ambiguous in itself; two calls read differently point at the wording.
 */
export const ITEM_MIN_SESSIONS = 2;

/**
 * An evaluator is flagged for coaching when they answered fewer than this share of benchmarked
 * items as the benchmark (the same floor as ITEM_AGREEMENT_FLOOR: one item in five off).
 */
export const EVALUATOR_AGREEMENT_FLOOR = 0.8;

/**
 * ... or when their score is on average more than this many points from the benchmark's score
 * (either way): half of the 10-20 points by which evaluators commonly differ before calibration
 * (DOMAIN.md, "Quality monitoring in practice"), and about one "no" on a ten-item scorecard.
 */
export const EVALUATOR_DEVIATION_MAX_POINTS = 5;

/**
 * An evaluator is flagged only once compared with a benchmark in at least this many sessions:
 * one session can be one hard call; a drift shows in two.
 */
export const EVALUATOR_MIN_SESSIONS = 2;

/** A number, or why it is not one (NaN from the statistics). */
export function statistic(value: number, undefinedBecause: UndefinedReason): Statistic {
  return Number.isNaN(value)
    ? { value: null, undefinedBecause }
    : { value, undefinedBecause: null };
}

/** The item flag rule (README, "Flags"): see the constants above. */
export function itemFlagged(item: {
  /** Sessions in which at least two participants answered the item. */
  sessions: number;
  krippendorffAlpha: number | null;
  percentAgreement: number | null;
}): boolean {
  if (item.sessions < ITEM_MIN_SESSIONS) return false;
  if (item.krippendorffAlpha !== null && item.krippendorffAlpha < ITEM_ALPHA_FLOOR) return true;
  return item.percentAgreement !== null && item.percentAgreement < ITEM_AGREEMENT_FLOOR;
}

/** The evaluator flag rule (README, "Flags"): see the constants above. */
export function evaluatorFlagged(evaluator: {
  /** Sessions in which the evaluator was compared with a benchmark. */
  sessions: number;
  benchmarkAgreement: number | null;
  meanScoreDeviation: number | null;
}): boolean {
  if (evaluator.sessions < EVALUATOR_MIN_SESSIONS) return false;
  if (
    evaluator.benchmarkAgreement !== null &&
    evaluator.benchmarkAgreement < EVALUATOR_AGREEMENT_FLOOR
  )
    return true;
  return (
    evaluator.meanScoreDeviation !== null &&
    evaluator.meanScoreDeviation > EVALUATOR_DEVIATION_MAX_POINTS
  );
}

const CATEGORIES: Answer[] = ['yes', 'no', 'na'];
const round1 = (x: number) => Math.round(x * 10) / 10;
const orNull = (x: number) => (Number.isNaN(x) ? null : x);
const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);

/** Why a statistic over these units (each the answers given to it) is undefined. */
function reasonFor(raters: number, units: (Answer | null)[][]): UndefinedReason {
  if (raters < 2) return 'one-rater';
  const pairable = units.some((u) => u.filter((a) => a !== null).length >= 2);
  return pairable ? 'one-category' : 'no-pairs';
}

/** Everything a session's figures are made of. */
interface Analysis {
  figures: SessionFigures;
  /** The compared items' ids, in scorecard order. */
  itemIds: string[];
  /** answers[i][s]: sheet s's answer to item i, null where missing. */
  answers: (Answer | null)[][];
}

function analyse(input: SessionInput): Analysis {
  const { pack, callType, sheets, benchmarks, notes } = input;
  const scorecard = scorecardFor(pack, callType).map((s) => s.item.id);
  const bySheet = sheets.map((sheet) => {
    const inPlay = new Set(itemsInPlay(pack, callType, sheet.answers).map((s) => s.item.id));
    return scorecard.map((id) => (inPlay.has(id) ? (sheet.answers[id] ?? null) : null));
  });
  const compared = scorecard.flatMap((id, i) =>
    bySheet.some((row) => row[i] !== null) ? [{ id, i }] : [],
  );
  const itemIds = compared.map((c) => c.id);
  const answers = compared.map(({ i }) => bySheet.map((row) => row[i] ?? null));
  const raters = sheets.length;

  const benchmarkOf = (id: string): Answer | null => benchmarks[id] ?? null;
  const benchmarkInPlay = itemsInPlay(pack, callType, benchmarks);
  const benchmarkScore =
    benchmarkInPlay.length > 0 && benchmarkInPlay.every((s) => benchmarkOf(s.item.id) !== null)
      ? scoreScorecard(pack, callType, benchmarks).percent
      : null;
  const scores = sheets.map((sheet) => scoreScorecard(pack, callType, sheet.answers).percent);
  const scored = scores.filter((s): s is number => s !== null);

  const items: ItemAgreement[] = itemIds.map((itemId, i) => {
    const given = answers[i]!;
    const count = (a: Answer | null) => given.filter((g) => g === a).length;
    const counts = { yes: count('yes'), no: count('no'), na: count('na'), missing: count(null) };
    const answered = raters - counts.missing;
    return {
      itemId,
      counts,
      percentAgreement: orNull(pairwiseAgreement([given])),
      modalShare: answered === 0 ? null : Math.max(counts.yes, counts.no, counts.na) / answered,
      benchmark: benchmarkOf(itemId),
      note: notes[itemId] ?? '',
    };
  });
  // Disagreement first: the lowest percent agreement first (items with no pair last), then in
  // scorecard order (the sort is stable).
  items.sort((x, y) =>
    x.percentAgreement === null || y.percentAgreement === null
      ? Number(x.percentAgreement === null) - Number(y.percentAgreement === null)
      : x.percentAgreement - y.percentAgreement,
  );

  const participants: ParticipantDeviation[] = sheets.map((sheet, s) => {
    let itemsCompared = 0;
    let itemsOff = 0;
    itemIds.forEach((id, i) => {
      const benchmark = benchmarkOf(id);
      const answer = answers[i]?.[s] ?? null;
      if (benchmark === null || answer === null) return;
      itemsCompared++;
      if (answer !== benchmark) itemsOff++;
    });
    const score = scores[s] ?? null;
    return {
      userId: sheet.userId,
      name: sheet.name,
      score,
      itemsOff,
      itemsCompared,
      scorePoints:
        score === null || benchmarkScore === null ? null : round1(score - benchmarkScore),
    };
  });

  let cohen: Statistic | null = null;
  if (raters === 2) {
    const both = answers.filter((u) => u[0] !== null && u[1] !== null);
    cohen = statistic(
      cohenKappa(
        both.map((u) => u[0] as Answer),
        both.map((u) => u[1] as Answer),
        undefined,
        CATEGORIES,
      ),
      both.length === 0 ? 'no-pairs' : 'one-category',
    );
  }
  const everyone = answers.filter((u) => u.every((a) => a !== null));
  const fleiss =
    raters < 2
      ? statistic(NaN, 'one-rater')
      : statistic(
          fleissKappa(everyone.map((u) => CATEGORIES.map((c) => u.filter((a) => a === c).length))),
          everyone.length === 0 ? 'no-pairs' : 'one-category',
        );
  const alpha = statistic(
    krippendorffAlpha(
      sheets.map((_, s) => answers.map((u) => u[s] ?? null)),
      'nominal',
    ),
    reasonFor(raters, answers),
  );

  return {
    itemIds,
    answers,
    figures: {
      raters,
      itemCount: itemIds.length,
      percentAgreement: orNull(pairwiseAgreement(answers)),
      cohenKappa: cohen,
      fleissKappa: fleiss,
      krippendorffAlpha: alpha,
      scoreSpread: scored.length < 2 ? null : round1(Math.max(...scored) - Math.min(...scored)),
      benchmarkScore,
      items,
      participants,
    },
  };
}

/**
 * A session's figures once revealed: per item the answers' counts, percent agreement, modal
 * share, benchmark and note (disagreement first); overall pooled percent agreement, Cohen's kappa
 * (exactly two raters), Fleiss' kappa (items every rater answered), Krippendorff's alpha
 * (nominal, missing answers left out), the score spread (null with fewer than two scores) and,
 * once every item in play for the benchmark answers has one, the benchmark's score; per
 * participant the benchmarked items answered otherwise and the score's distance from the
 * benchmark's.
 */
export function sessionFigures(input: SessionInput): SessionFigures {
  return analyse(input).figures;
}

/**
 * Agreement over time, sessions in revealedAt order. Per item (newest scorecard order): the
 * sessions are the units and every participant of any session a rater (null where they were not
 * on the session or the item was not in play for them): pooled percent agreement and nominal
 * Krippendorff's alpha, flagged by itemFlagged(). Per evaluator (by name): benchmarked items
 * answered as the benchmark, Cohen's kappa of their answers against the benchmarks (yes / no /
 * N/A), and the mean distance and mean signed difference of their score from the benchmark's,
 * flagged by evaluatorFlagged().
 */
export function calibrationTrends(sessions: TrendSessionInput[]): CalibrationTrends {
  const ordered = [...sessions].sort((a, b) => Date.parse(a.revealedAt) - Date.parse(b.revealedAt));
  const analysed = ordered.map((session) => ({ session, ...analyse(session) }));

  const raterIds = [...new Set(ordered.flatMap((s) => s.sheets.map((sheet) => sheet.userId)))];
  const itemIds: string[] = [];
  for (const a of [...analysed].reverse())
    for (const id of a.itemIds) if (!itemIds.includes(id)) itemIds.push(id);

  const items = itemIds.map((itemId) => {
    // One unit per session that compared the item: each rater's answer there, or null.
    const units = analysed.flatMap((a) => {
      const i = a.itemIds.indexOf(itemId);
      if (i < 0) return [];
      const byUser = new Map(
        a.session.sheets.map((sheet, s) => [sheet.userId, a.answers[i]?.[s] ?? null]),
      );
      return [raterIds.map((id) => byUser.get(id) ?? null)];
    });
    const answering = raterIds.filter((_, r) => units.some((u) => u[r] !== null)).length;
    const alpha = statistic(
      krippendorffAlpha(
        raterIds.map((_, r) => units.map((u) => u[r] ?? null)),
        'nominal',
      ),
      reasonFor(answering, units),
    );
    const pairable = units.filter((u) => u.filter((a) => a !== null).length >= 2).length;
    const percentAgreement = orNull(pairwiseAgreement(units));
    return {
      itemId,
      sessions: pairable,
      percentAgreement,
      krippendorffAlpha: alpha,
      flagged: itemFlagged({
        sessions: pairable,
        krippendorffAlpha: alpha.value,
        percentAgreement,
      }),
    };
  });

  const evaluators = raterIds.map((userId) => {
    let name = '';
    let sessionCount = 0;
    let itemsCompared = 0;
    let itemsOff = 0;
    const mine: Answer[] = [];
    const theirs: Answer[] = [];
    const points: number[] = [];
    for (const a of analysed) {
      const s = a.session.sheets.findIndex((sheet) => sheet.userId === userId);
      if (s < 0) continue;
      name = a.session.sheets[s]!.name;
      const deviation = a.figures.participants[s]!;
      a.itemIds.forEach((id, i) => {
        const benchmark = a.session.benchmarks[id];
        const answer = a.answers[i]?.[s] ?? null;
        if (benchmark === undefined || answer === null) return;
        mine.push(answer);
        theirs.push(benchmark);
      });
      if (deviation.itemsCompared > 0) sessionCount++;
      itemsCompared += deviation.itemsCompared;
      itemsOff += deviation.itemsOff;
      if (deviation.scorePoints !== null) points.push(deviation.scorePoints);
    }
    const benchmarkAgreement =
      itemsCompared === 0 ? null : (itemsCompared - itemsOff) / itemsCompared;
    const deviation = mean(points.map(Math.abs));
    const bias = mean(points);
    const meanScoreDeviation = deviation === null ? null : round1(deviation);
    return {
      userId,
      name,
      sessions: sessionCount,
      itemsCompared,
      benchmarkAgreement,
      kappaWithBenchmark: statistic(
        cohenKappa(mine, theirs, undefined, CATEGORIES),
        mine.length === 0 ? 'no-pairs' : 'one-category',
      ),
      meanScoreDeviation,
      meanScoreBias: bias === null ? null : round1(bias),
      flagged: evaluatorFlagged({ sessions: sessionCount, benchmarkAgreement, meanScoreDeviation }),
    };
  });
  evaluators.sort((x, y) => x.name.localeCompare(y.name) || x.userId.localeCompare(y.userId));

  return {
    sessions: analysed.map(({ session, figures }) => ({
      id: session.id,
      title: session.title,
      revealedAt: session.revealedAt,
      packVersion: session.packVersion,
      raters: figures.raters,
      percentAgreement: figures.percentAgreement,
      krippendorffAlpha: figures.krippendorffAlpha,
      fleissKappa: figures.fleissKappa,
      scoreSpread: figures.scoreSpread,
    })),
    items,
    evaluators,
  };
}
