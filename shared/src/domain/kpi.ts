import {
  KPI_BETTER,
  type KpiFigures,
  type KpiId,
  type KpiPeriod,
  type KpiSums,
} from '../protocol/kpi.js';
import { LOCAL_DATE_PATTERN, localDate, startOfLocalDate } from './teams.js';

// Contact-centre KPIs: the formulas, with no I/O (see DOMAIN.md, "The figures managers read",
// and the README, "KPIs: definitions and worked examples", whose examples kpi.test.ts checks).
// The hub turns each call leg and each Sidecoach record into additive counters (KpiSums), sums
// them over agents, days and call types, and only then divides (figuresOf): a team's figure is
// never an average of its agents' figures.

/** The per-team settings the formulas read (KpiSettings; defaults KPI_DEFAULTS). */
export interface KpiThresholds {
  /** Abandons with a wait under this many seconds are short (left out). */
  shortAbandonSeconds: number;
  /** Answered with a wait of at most this many seconds is within the service level. */
  serviceLevelSeconds: number;
  /** A repeat call from the same number within this many days (x 24 h) breaks FCR. */
  fcrDays: number;
}

/**
 * The unit of each KPI's figure (KpiFigures): time in ms, a share 0-1, a count, or a percent
 * 0-100 (quality scores). Targets (KpiTargets) use the same units except time, in seconds.
 */
export const KPI_UNIT: Record<KpiId, 'ms' | 'share' | 'count' | 'percent'> = {
  aht: 'ms',
  fcr: 'share',
  fcrSurvey: 'share',
  csat: 'share',
  abandonment: 'share',
  serviceLevel: 'share',
  asa: 'ms',
  answered: 'count',
  transferRate: 'share',
  surveyResponseRate: 'share',
  complaints: 'count',
  selfAssessment: 'share',
  quality: 'percent',
};

const SUM_KEYS = [
  'offered',
  'answered',
  'answeredInSl',
  'abandoned',
  'shortAbandoned',
  'waitMs',
  'handled',
  'talkMs',
  'holdMs',
  'acwMs',
  'transferred',
  'fcrEligible',
  'fcrResolved',
  'surveysSent',
  'surveyResponses',
  'csatAnswers',
  'csatTopTwo',
  'csatTotal',
  'resolvedAnswers',
  'resolvedYes',
  'complaints',
  'calls',
  'selfAssessed',
  'qualityCount',
  'qualityTotal',
] as const satisfies readonly (keyof KpiSums)[];

// Every counter of KpiSums is listed above (a new counter fails to compile until it is).
type Missing = Exclude<keyof KpiSums, (typeof SUM_KEYS)[number]>;
const allCounted: [Missing] extends [never] ? true : Missing = true;
void allCounted;

/** All counters at 0. */
export function emptySums(): KpiSums {
  const sums = {} as KpiSums;
  for (const key of SUM_KEYS) sums[key] = 0;
  return sums;
}

/** a + b, counter by counter: pure, a new object. */
export function addSums(a: KpiSums, b: KpiSums): KpiSums {
  const sums = {} as KpiSums;
  for (const key of SUM_KEYS) sums[key] = a[key] + b[key];
  return sums;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator > 0 ? numerator / denominator : null;

/** What the counters come to: each KPI in its unit (KPI_UNIT), null where its denominator is 0. */
export function figuresOf(s: KpiSums): KpiFigures {
  const counted = s.offered - s.shortAbandoned;
  return {
    aht: ratio(s.talkMs + s.holdMs + s.acwMs, s.handled),
    fcr: ratio(s.fcrResolved, s.fcrEligible),
    fcrSurvey: ratio(s.resolvedYes, s.resolvedAnswers),
    csat: ratio(s.csatTopTwo, s.csatAnswers),
    csatMean: ratio(s.csatTotal, s.csatAnswers),
    abandonment: ratio(s.abandoned - s.shortAbandoned, counted),
    serviceLevel: ratio(s.answeredInSl, s.answered + s.abandoned - s.shortAbandoned),
    asa: ratio(s.waitMs, s.answered),
    answered: s.answered,
    transferRate: ratio(s.transferred, s.handled),
    surveyResponseRate: ratio(s.surveyResponses, s.surveysSent),
    complaints: s.complaints,
    selfAssessment: ratio(s.selfAssessed, s.calls),
    quality: ratio(s.qualityTotal, s.qualityCount),
  };
}

/** What the hub knows of one call leg (a call in a queue), times ISO. */
export interface LegFacts {
  offeredAt: string;
  answeredAt: string | null;
  abandonedAt: string | null;
  /** Time in the queue as the PBX counted it (answered, abandoned). */
  waitMs: number | null;
  transferredAt: string | null;
  wrapStartAt: string | null;
  wrapEndAt: string | null;
  /** The PBX's, when it sent them. */
  talkMs: number | null;
  holdMs: number | null;
  /** The caller's number, normalised. */
  customerKey: string | null;
  /** The same number's next call (another PBX call id). */
  nextContactAt: string | null;
  complaint: boolean;
}

const ms = (iso: string) => Date.parse(iso);
const DAY_MS = 86_400_000;

/**
 * The leg's wait: the PBX's waitMs, else from offered to answered (or abandoned). null while it
 * is still waiting.
 */
function waitOf(leg: LegFacts): number | null {
  if (leg.waitMs !== null) return leg.waitMs;
  const end = leg.answeredAt ?? leg.abandonedAt;
  return end === null ? null : Math.max(0, ms(end) - ms(leg.offeredAt));
}

/**
 * How the leg ended: transferred on by the agent who answered it, answered, abandoned (short
 * when the wait was under the threshold), or still waiting (offered, nothing since). An answer
 * wins over a later abandon the PBX may also report.
 */
export function legOutcome(
  leg: LegFacts,
  t: KpiThresholds,
): 'answered' | 'abandoned' | 'short-abandon' | 'transferred' | 'waiting' {
  if (leg.answeredAt !== null) return leg.transferredAt !== null ? 'transferred' : 'answered';
  if (leg.abandonedAt !== null)
    return (waitOf(leg) ?? 0) < t.shortAbandonSeconds * 1000 ? 'short-abandon' : 'abandoned';
  return 'waiting';
}

/**
 * Talk, hold and after-call work of a handled leg (answered, then wrapped up or transferred
 * on); null when it is not handled (yet). Talk and hold are the PBX's when it sent talkMs
 * (holdMs 0 when it sent none), else talk runs from the answer to the wrap-up start or the
 * transfer (whichever came first) with no hold. After-call work runs from wrap-up start to end
 * (0 when transferred without a wrap-up).
 */
export function handleMsOf(
  leg: LegFacts,
): { talkMs: number; holdMs: number; acwMs: number } | null {
  if (leg.answeredAt === null || (leg.wrapEndAt === null && leg.transferredAt === null))
    return null;
  const acwMs =
    leg.wrapStartAt !== null && leg.wrapEndAt !== null
      ? Math.max(0, ms(leg.wrapEndAt) - ms(leg.wrapStartAt))
      : 0;
  if (leg.talkMs !== null) return { talkMs: leg.talkMs, holdMs: leg.holdMs ?? 0, acwMs };
  const ends = [leg.wrapStartAt, leg.transferredAt]
    .filter((at): at is string => at !== null)
    .map(ms);
  // Wrap-up ended without a wrap-up start: talk lasted until the end, with no after-call work.
  const talkEnd = ends.length > 0 ? Math.min(...ends) : ms(leg.wrapEndAt as string);
  return { talkMs: Math.max(0, talkEnd - ms(leg.answeredAt)), holdMs: 0, acwMs };
}

/**
 * First contact resolution by repeat contact: false when the same number called again within
 * fcrDays x 24 h of the leg being offered (a call at exactly that instant is outside), true when
 * that window has passed without a repeat, null when not known: no number, not handled, or the
 * window is still open without a repeat (provisional).
 */
export function firstContactOf(leg: LegFacts, fcrDays: number, now: Date): boolean | null {
  if (leg.customerKey === null || handleMsOf(leg) === null) return null;
  const windowEnd = ms(leg.offeredAt) + fcrDays * DAY_MS;
  if (leg.nextContactAt !== null && ms(leg.nextContactAt) < windowEnd) return false;
  return now.getTime() >= windowEnd ? true : null;
}

/**
 * The queue-side counters of one leg (offered, answered, abandoned, handle times, transfers,
 * FCR, complaints); the survey, self-assessment and quality counters come from Sidecoach's own
 * records and stay 0 here. waitMs counts answered legs only (it is ASA's numerator).
 */
export function legSums(leg: LegFacts, t: KpiThresholds, now: Date): KpiSums {
  const sums = emptySums();
  sums.offered = 1;
  const outcome = legOutcome(leg, t);
  const wait = waitOf(leg) ?? 0;
  if (outcome === 'answered' || outcome === 'transferred') {
    sums.answered = 1;
    sums.waitMs = wait;
    if (wait <= t.serviceLevelSeconds * 1000) sums.answeredInSl = 1;
  } else if (outcome === 'abandoned' || outcome === 'short-abandon') {
    sums.abandoned = 1;
    if (outcome === 'short-abandon') sums.shortAbandoned = 1;
  }
  const handle = handleMsOf(leg);
  if (handle) {
    sums.handled = 1;
    sums.talkMs = handle.talkMs;
    sums.holdMs = handle.holdMs;
    sums.acwMs = handle.acwMs;
    if (outcome === 'transferred') sums.transferred = 1;
  }
  const fcr = firstContactOf(leg, t.fcrDays, now);
  if (fcr !== null) {
    sums.fcrEligible = 1;
    if (fcr) sums.fcrResolved = 1;
  }
  if (leg.complaint) sums.complaints = 1;
  return sums;
}

const validAnswers = (answers: readonly number[]) =>
  answers.filter((a) => Number.isInteger(a) && a >= 1 && a <= 5);

/** CSAT: the share of 4 and 5 answers on the 1-5 scale (top-2-box); null when none. */
export function csatShare(answers: readonly number[]): number | null {
  const valid = validAnswers(answers);
  return ratio(valid.filter((a) => a >= 4).length, valid.length);
}

/** The mean of the 1-5 answers (the labelled second figure beside CSAT); null when none. */
export function csatMean(answers: readonly number[]): number | null {
  const valid = validAnswers(answers);
  return ratio(
    valid.reduce((sum, a) => sum + a, 0),
    valid.length,
  );
}

/** The calendar day (YYYY-MM-DD) an ISO instant falls on in the time zone. */
export function localDayOf(iso: string, timeZone: string): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`${iso} is not an ISO time`);
  return localDate(instant, timeZone);
}

function checkDay(day: string): [number, number, number] {
  if (!LOCAL_DATE_PATTERN.test(day)) throw new RangeError(`${day} is not a day (YYYY-MM-DD)`);
  return day.split('-').map(Number) as [number, number, number];
}

/**
 * The ISO UTC instant the day starts in the time zone: its local midnight, or the first
 * instant of the day when a clock change skips midnight.
 */
export function localDayStart(day: string, timeZone: string): string {
  checkDay(day);
  return startOfLocalDate(day, timeZone).toISOString();
}

const dayText = (utcMs: number) => new Date(utcMs).toISOString().slice(0, 10);

/** The bucket a day falls in: the day itself, its ISO week's Monday, or its month's first day. */
export function bucketOf(day: string, period: KpiPeriod): string {
  const [y, m, d] = checkDay(day);
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const utc = Date.UTC(y, m - 1, d);
  const sinceMonday = (new Date(utc).getUTCDay() + 6) % 7;
  return dayText(utc - sinceMonday * DAY_MS);
}

/** At most this many buckets (more than 30 years of months, three of weeks, a year of days). */
const MAX_BUCKETS = 1000;

/** Every bucket from the one holding `from` to the one holding `to`, oldest first. */
export function bucketsBetween(from: string, to: string, period: KpiPeriod): string[] {
  const first = bucketOf(from, period);
  const last = bucketOf(to, period);
  const buckets: string[] = [];
  const [y, m, d] = checkDay(first);
  for (let i = 0; ; i += 1) {
    const bucket =
      period === 'month'
        ? dayText(Date.UTC(y, m - 1 + i, 1))
        : dayText(Date.UTC(y, m - 1, d + i * (period === 'week' ? 7 : 1)));
    if (bucket > last) break;
    if (i >= MAX_BUCKETS)
      throw new RangeError(`more than ${MAX_BUCKETS} ${period}s from ${from} to ${to}`);
    buckets.push(bucket);
  }
  return buckets;
}

/**
 * Whether the figure meets the team's target, by KPI_BETTER (at least the target when higher is
 * better, at most it when lower is); null when there is no figure or no target. Time targets
 * (AHT, ASA) are seconds while their figures are ms.
 */
export function meetsTarget(
  kpi: KpiId,
  value: number | null,
  target: number | undefined,
): boolean | null {
  if (value === null || target === undefined) return null;
  const comparable = KPI_UNIT[kpi] === 'ms' ? value / 1000 : value;
  return KPI_BETTER[kpi] === 'higher' ? comparable >= target : comparable <= target;
}
