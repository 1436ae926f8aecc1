import {
  AGE_BANDS,
  type ASSIGNMENT_STATUSES,
  DAY_PART_STARTS,
  DAY_PARTS,
  type CallerProfile,
  type DayPart,
  type MysteryCell,
  type MysteryResults,
  type WaveComparison,
  type WavePlan,
} from '../protocol/mystery.js';
import type { Answer, ScoreResult } from './scoring.js';
import { STANDARD_AREAS, type StandardArea } from './standards.js';
import { isTimeZone } from './teams.js';
import { usernameKey } from './usernames.js';

// Mystery-call programmes (pure): the sampling plan of a wave and its assignments, the sample
// size, the caller conflict check, wave-over-wave significance and a wave's results. The hub
// loads and stores; the renderer shows. Every rule is in the doc comment of its function.

/** A wave's week parts, in the order shown. */
export const WEEK_PARTS = ['weekday', 'weekend'] as const;
export type WeekPart = (typeof WEEK_PARTS)[number];

/** An assignment's status (MysteryAssignmentStatusSchema). */
export type MysteryAssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface PlanTeam {
  id: string;
  name: string;
  zone: string;
  /** Opening hours: null for a floor open around the clock. */
  hours: { start: string; end: string; days: number[] } | null;
}

export interface PlanInput {
  calls: number;
  from: string;
  to: string;
  teams: PlanTeam[];
  /** Call types the wave has scenarios for. */
  scenarioCallTypes: string[];
  /** The real mix over the wave's teams' recent calls: calls per call type, day part, week part. */
  realMix: {
    callType: Record<string, number>;
    dayPart: Partial<Record<DayPart, number>>;
    weekPart: { weekday: number; weekend: number };
  };
  profileMix: {
    region?: Record<string, number>;
    ageBand?: Record<string, number>;
    language?: Record<string, number>;
  };
  perTeamMax: number;
  /** Calls the wave's teams took over a span as long as the wave's (the finite population). */
  population: number;
  confidence: 0.9 | 0.95 | 0.99;
  margin: number;
}

/** Quotas are compared after rounding to this many decimals, so 0.7 + 0.2 + 0.1 splits cleanly. */
const QUOTA_DECIMALS = 1e9;
const clean = (x: number) => Math.round(x * QUOTA_DECIMALS) / QUOTA_DECIMALS;

/** Hamilton's method: floors of the quotas, then the seats left to the largest remainders. */
function hamilton(total: number, keys: readonly string[], weights: readonly number[]) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const quotas = weights.map((w) => clean((total * w) / sum));
  const seats = quotas.map(Math.floor);
  let left = total - seats.reduce((a, b) => a + b, 0);
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => quotas[b]! - seats[b]! - (quotas[a]! - seats[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    seats[i]!++;
    left--;
  }
  return seats;
}

/**
 * Largest-remainder (Hamilton) allocation of `total` calls over `shares`:
 * - shares are normalised (they need not sum to 1); a zero share gets 0;
 * - each key's quota is total x share / sum of shares; every key gets the whole part of its
 *   quota, and the calls left go one each to the largest remainders (ties: key order);
 * - with `minimum` (default 0), every positive share gets at least `minimum` when the total
 *   allows it (minimum x positive shares <= total): keys whose quota falls below the minimum get
 *   exactly the minimum and the rest is shared out again over the others by their shares,
 *   until no quota falls below it;
 * - when the total does not allow it, the largest shares (ties: key order) get `minimum` each
 *   in turn until the total runs out (the last one may get fewer); the others get 0;
 * - the result always sums to `total` exactly and has every key of `shares`, in their order.
 * Throws on a total that is not a whole number >= 0, a negative or non-finite share, a minimum
 * that is not a whole number >= 0, or a positive total with no positive share.
 */
export function allocate(
  total: number,
  shares: Record<string, number>,
  minimum = 0,
): Record<string, number> {
  if (!Number.isInteger(total) || total < 0)
    throw new Error(`allocate: the total must be a whole number of 0 or more (got ${total})`);
  if (!Number.isInteger(minimum) || minimum < 0)
    throw new Error(`allocate: the minimum must be a whole number of 0 or more (got ${minimum})`);
  const keys = Object.keys(shares);
  for (const k of keys) {
    const s = shares[k]!;
    if (!Number.isFinite(s) || s < 0)
      throw new Error(
        `allocate: the share of "${k}" must be a finite number of 0 or more (got ${s})`,
      );
  }
  const result: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  const positive = keys.filter((k) => shares[k]! > 0);
  if (total === 0) return result;
  if (positive.length === 0)
    throw new Error(`allocate: there is no positive share to allocate ${total} over`);
  if (minimum * positive.length > total) {
    const largest = [...positive].sort(
      (a, b) => shares[b]! - shares[a]! || keys.indexOf(a) - keys.indexOf(b),
    );
    let left = total;
    for (const k of largest) {
      const n = Math.min(minimum, left);
      result[k] = n;
      left -= n;
      if (left === 0) break;
    }
    return result;
  }
  // Keys held at the minimum, found by sharing the rest out again until none falls below it
  // (at most one round per key).
  const held = new Set<string>();
  for (let round = 0; round <= positive.length; round++) {
    const free = positive.filter((k) => !held.has(k));
    const rest = total - minimum * held.size;
    const sum = free.reduce((a, k) => a + shares[k]!, 0);
    const below = free.filter((k) => clean((rest * shares[k]!) / sum) < minimum);
    if (below.length === 0) break;
    for (const k of below) held.add(k);
  }
  for (const k of held) result[k] = minimum;
  const free = positive.filter((k) => !held.has(k));
  if (free.length > 0) {
    const seats = hamilton(
      total - minimum * held.size,
      free,
      free.map((k) => shares[k]!),
    );
    free.forEach((k, i) => (result[k] = seats[i]!));
  }
  return result;
}

/** The two-sided standard normal quantiles of the confidence levels a wave may ask for. */
export const Z_SCORES: Readonly<Record<string, number>> = Object.freeze({
  '0.9': 1.6448536269514722,
  '0.95': 1.959963984540054,
  '0.99': 2.5758293035489004,
});

/**
 * Calls needed to estimate a proportion (a pass rate) within +/- `margin` at `confidence`:
 * n0 = z^2 p (1 - p) / e^2 with the worst case p = 0.5 and z the two-sided normal quantile
 * (1.6449, 1.9600, 2.5758 for 90, 95, 99 %); with a finite `population` N (the calls the
 * wave's teams take over as long a span), n = n0 / (1 + (n0 - 1) / N); rounded up. 95 % and
 * +/- 5 % need 385 calls, 278 out of 1,000. A population that is absent, 0 or not finite is
 * taken as unknown (no correction). Throws on a confidence other than 0.90, 0.95, 0.99 or a
 * margin outside (0, 1).
 */
export function sampleSize(confidence: number, margin: number, population?: number): number {
  const z = Z_SCORES[String(confidence)];
  if (z === undefined)
    throw new Error(`sampleSize: the confidence must be 0.9, 0.95 or 0.99 (got ${confidence})`);
  if (!Number.isFinite(margin) || margin <= 0 || margin >= 1)
    throw new Error(`sampleSize: the margin must be a share between 0 and 1 (got ${margin})`);
  if (population !== undefined && (Number.isNaN(population) || population < 0))
    throw new Error(`sampleSize: the population cannot be negative (got ${population})`);
  const n0 = (z * z * 0.25) / (margin * margin);
  const n =
    population === undefined || population === 0 || !Number.isFinite(population)
      ? n0
      : n0 / (1 + (n0 - 1) / population);
  return Math.ceil(clean(n));
}

/** The wave's quotas and warnings. */
export function planWave(input: PlanInput): WavePlan {
  void input;
  throw new Error('not implemented');
}

export interface PlannedCall {
  teamId: string;
  callType: string;
  dayPart: DayPart;
  weekend: boolean;
  /** The local day (YYYY-MM-DD) and the window in UTC. */
  day: string;
  windowFrom: string;
  windowTo: string;
  profile: Partial<CallerProfile>;
}

/** The wave's assignments from its plan: seeded, reproducible, every quota met exactly. */
export function assignmentsFor(input: PlanInput, plan: WavePlan, seed: string): PlannedCall[] {
  void input;
  void plan;
  void seed;
  throw new Error('not implemented');
}

// ---- the t distribution (for Welch's test) ----

/** Lanczos' approximation (g = 7, nine terms) of ln Gamma(x), x > 0: about 15 significant digits. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
  -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new Error(`lnGamma: ${x} is not a positive number`);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The continued fraction of the incomplete beta function (modified Lentz), converging for x < (a+1)/(a+b+2). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const eps = 1e-15;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  // Convergence takes about sqrt(max(a, b)) steps: 100,000 covers any wave (df below 10^9).
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let step = (m * (b - m) * x) / ((a - 1 + m2) * (a + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    step = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + 1 + m2));
    d = 1 + step * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + step / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const change = d * c;
    h *= change;
    if (Math.abs(change - 1) < eps) return h;
  }
  throw new Error(`regularizedBeta: no convergence for a = ${a}, b = ${b}, x = ${x}`);
}

/** The regularized incomplete beta function I_x(a, b), 0 <= x <= 1, a, b > 0. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) throw new Error(`regularizedBeta: a and b must be positive`);
  if (!(x >= 0 && x <= 1)) throw new Error(`regularizedBeta: x = ${x} is outside [0, 1]`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const lnFront =
    a * Math.log(x) + b * Math.log(1 - x) - (lnGamma(a) + lnGamma(b) - lnGamma(a + b));
  const front = Math.exp(lnFront);
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(|T| >= |t|) for Student's t with `df` degrees of freedom (df > 0, need not be whole). */
export function studentTTwoSided(t: number, df: number): number {
  if (!(df > 0)) throw new Error(`studentTTwoSided: df = ${df} is not positive`);
  if (Number.isNaN(t)) throw new Error('studentTTwoSided: t is not a number');
  if (!Number.isFinite(t)) return 0;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: readonly number[], m: number) =>
  xs.reduce((a, x) => a + (x - m) * (x - m), 0) / (xs.length - 1);

/**
 * Welch's t-test of two waves' call scores (percents), two-sided:
 * - change = mean(current) - mean(previous), unrounded;
 * - t = change / sqrt(s1^2/n1 + s2^2/n2) with the sample variances (n - 1), and the
 *   Welch-Satterthwaite degrees of freedom; pValue = P(|T| >= |t|);
 * - significant = pValue < 0.05;
 * - nulls (and not significant) when either wave has fewer than 2 calls, and a null pValue when
 *   neither wave's scores vary at all (the test is undefined there, even if the means differ).
 * Throws on a score that is not a finite number.
 */
export function compareWaves(
  previous: number[],
  current: number[],
): Pick<WaveComparison, 'change' | 'pValue' | 'significant'> {
  for (const x of [...previous, ...current])
    if (!Number.isFinite(x)) throw new Error(`compareWaves: ${x} is not a score`);
  if (previous.length < 2 || current.length < 2)
    return { change: null, pValue: null, significant: false };
  const m1 = mean(previous);
  const m2 = mean(current);
  const change = m2 - m1;
  const q1 = variance(previous, m1) / previous.length;
  const q2 = variance(current, m2) / current.length;
  const se2 = q1 + q2;
  if (se2 === 0) return { change, pValue: null, significant: false };
  const t = change / Math.sqrt(se2);
  const df = (se2 * se2) / ((q1 * q1) / (previous.length - 1) + (q2 * q2) / (current.length - 1));
  const pValue = studentTTwoSided(t, df);
  return { change, pValue, significant: pValue < 0.05 };
}

// ---- callers: the conflict check ----

export interface StaffRecord {
  id: string;
  username: string;
  displayName: string;
  extension: string | null;
  disabled: boolean;
}

/** A name as compared: NFKC, case folded (ß and SS alike), white space collapsed and trimmed. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** One reason a would-be caller is (or was) staff, for the hub and the renderer. */
export type CallerConflict =
  | {
      kind: 'username' | 'displayName';
      staffId: string;
      username: string;
      displayName: string;
      former: boolean;
    }
  | {
      kind: 'extension';
      phone: string;
      staffId: string;
      username: string;
      displayName: string;
      former: boolean;
    }
  | { kind: 'internalNumber'; phone: string; number: string };

/**
 * Why a would-be caller is (or was) staff (mystery callers are never the centre's own staff,
 * nor were they): each staff account, current or disabled ("was staff"), whose username
 * matches the candidate's (usernameKey: NFKC, trimmed, lower case) or whose display name
 * matches the candidate's (nameKey: NFKC, case folded, spaces collapsed); each of the
 * candidate's phones that is a staff account's extension or one of the centre's internal
 * numbers (samePhone). Empty when none.
 */
export function findCallerConflicts(
  candidate: { username: string; displayName: string; phones: string[] },
  staff: StaffRecord[],
  internalNumbers: string[],
): CallerConflict[] {
  const found: CallerConflict[] = [];
  const user = usernameKey(candidate.username);
  const name = nameKey(candidate.displayName);
  for (const s of staff) {
    const who = {
      staffId: s.id,
      username: s.username,
      displayName: s.displayName,
      former: s.disabled,
    };
    if (user !== '' && usernameKey(s.username) === user) found.push({ kind: 'username', ...who });
    if (name !== '' && nameKey(s.displayName) === name) found.push({ kind: 'displayName', ...who });
  }
  for (const phone of candidate.phones) {
    if (phoneKey(phone) === '') continue;
    for (const s of staff)
      if (s.extension !== null && samePhone(phone, s.extension))
        found.push({
          kind: 'extension',
          phone,
          staffId: s.id,
          username: s.username,
          displayName: s.displayName,
          former: s.disabled,
        });
    for (const number of internalNumbers)
      if (samePhone(phone, number)) found.push({ kind: 'internalNumber', phone, number });
  }
  return found;
}

/** A conflict as an English sentence naming the staff account. */
export function conflictSentence(c: CallerConflict): string {
  if (c.kind === 'internalNumber')
    return `The phone ${c.phone} is the centre's internal number ${c.number}.`;
  const account = `staff account "${c.username}" (${c.displayName})`;
  const was = c.former ? ', which was staff (now disabled)' : '';
  if (c.kind === 'extension') return `The phone ${c.phone} is the extension of ${account}${was}.`;
  if (c.kind === 'username') return `The username is the username of ${account}${was}.`;
  return `The name is the name of ${account}${was}.`;
}

/** Why a would-be caller is (or was) staff, as English sentences (findCallerConflicts): empty when none. */
export function callerConflicts(
  candidate: { username: string; displayName: string; phones: string[] },
  staff: StaffRecord[],
  internalNumbers: string[],
): string[] {
  return findCallerConflicts(candidate, staff, internalNumbers).map(conflictSentence);
}

// ---- time and phone helpers ----

const hourFormats = new Map<string, Intl.DateTimeFormat>();
/** The local hour (0-23) of an instant in a zone. */
function localHour(at: Date, zone: string): number {
  let format = hourFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      hour: '2-digit',
    });
    hourFormats.set(zone, format);
  }
  return Number(format.formatToParts(at).find((p) => p.type === 'hour')!.value);
}

/**
 * The local day part of an instant in a zone (DAY_PART_STARTS): morning from 06:00, afternoon
 * from 12:00, evening from 18:00, night from 22:00 to 06:00. Throws on an invalid date or an
 * unknown zone.
 */
export function dayPartOf(at: Date, zone: string): DayPart {
  if (Number.isNaN(at.getTime())) throw new Error('dayPartOf: the date is invalid');
  if (!isTimeZone(zone)) throw new Error(`dayPartOf: "${zone}" is not a time zone`);
  const hour = localHour(at, zone);
  if (hour >= DAY_PART_STARTS.night || hour < DAY_PART_STARTS.morning) return 'night';
  if (hour >= DAY_PART_STARTS.evening) return 'evening';
  if (hour >= DAY_PART_STARTS.afternoon) return 'afternoon';
  return 'morning';
}

/**
 * Digits of a phone number for comparing: every digit of it (spaces, +, (), - dropped), the last
 * `keep` (default 9) only, as country and trunk prefixes differ ("+371 2612 3456" and
 * "0037126123456" are one number). Throws on a `keep` that is not a whole number >= 1.
 */
export function phoneKey(phone: string, keep = 9): string {
  if (!Number.isInteger(keep) || keep < 1)
    throw new Error(`phoneKey: keep must be a whole number of 1 or more (got ${keep})`);
  const digits = phone.replace(/\D/gu, '');
  return digits.slice(-keep);
}

/** The fewest digits two numbers written differently must share at their end to be one number. */
export const PHONE_SUFFIX_DIGITS = 7;

/**
 * Whether two phone numbers are the same number: their phoneKeys are equal, or both have at
 * least PHONE_SUFFIX_DIGITS digits and the shorter key ends the longer one (a national
 * "26123456" and an international "+371 26123456"). Short numbers (extensions) match only
 * exactly. An empty number matches nothing.
 */
export function samePhone(a: string, b: string, keep = 9): boolean {
  const x = phoneKey(a, keep);
  const y = phoneKey(b, keep);
  if (x === '' || y === '') return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= PHONE_SUFFIX_DIGITS && long.endsWith(short);
}

// ---- results ----

/** A questionnaire item as results show it: its section (area) and its words. */
export interface ResultsItem {
  id: string;
  area: StandardArea;
  name: string;
}

/** One report of the wave, as waveResults reads it (every status: only approved ones count). */
export interface ResultsReport {
  status: MysteryAssignmentStatus;
  /** The report's score (scoreScorecard on the programme's pack); null while not scored. */
  score: ScoreResult | null;
  answers: Readonly<Record<string, Answer>>;
  ratings: Readonly<Record<string, number>>;
  /** The team called (an unmatched call still scores its team). */
  teamId: string;
  teamName: string;
  /** The agent the call was matched to; null when it was not matched. */
  agentId: string | null;
  agentName: string | null;
  callType: string;
  dayPart: DayPart;
  weekend: boolean;
  /** The caller's profile (a dimension left out is not counted in that breakdown). */
  profile: Partial<CallerProfile>;
}

export interface ResultsInput {
  /** The questionnaire's items, in the order shown. */
  items: readonly ResultsItem[];
  /** Call type names by id, in the pack's order (a call type not named shows its id, last). */
  callTypeNames?: Readonly<Record<string, string>>;
  /** The programme's target score (percent). */
  target: number;
  /** The programme's rating ids, in order. */
  ratingIds: readonly string[];
  /** The programme calls a competitor: no league of agents, nobody to recognise. */
  competitor: boolean;
  reports: readonly ResultsReport[];
  /** The programme's previous wave: its approved calls' scores (null: nothing assessable). */
  previous: { waveId: string; name: string; scores: readonly (number | null)[] } | null;
  /** Competitor programmes' waves over the same dates, their approved calls' scores. */
  competitors: readonly {
    programmeName: string;
    competitor: string;
    waveName: string;
    scores: readonly (number | null)[];
  }[];
}

/** Everything of MysteryResults but the wave and the programme (the hub adds those). */
export type WaveResults = Omit<MysteryResults, 'wave' | 'programme'>;

/** The most items to train and agents to recognise a wave names. */
export const RESULTS_SHORTLIST = 5;
/** Calls an agent needs in the wave to be recognised (one good call is not a pattern). */
export const RECOGNISE_MIN_CALLS = 2;

const round1 = (x: number) => Math.round(x * 10) / 10;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;
const meanOrNull = (xs: readonly number[]) => (xs.length === 0 ? null : mean(xs));
const percentOf = (r: ResultsReport) => r.score?.percent ?? null;
const numbers = (xs: readonly (number | null)[]) =>
  xs.filter((x): x is number => x !== null && Number.isFinite(x));

/** calls, the mean score and the pass rate of some reports. */
function cellOf(reports: readonly ResultsReport[]) {
  const score = meanOrNull(numbers(reports.map(percentOf)));
  const decided = reports.filter((r) => r.score !== null && r.score.passed !== null);
  return {
    calls: reports.length,
    score: score === null ? null : round1(score),
    passRate:
      decided.length === 0
        ? null
        : round4(decided.filter((r) => r.score!.passed === true).length / decided.length),
  };
}

function groupBy<T>(xs: readonly T[], key: (x: T) => string | undefined): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(x);
    else groups.set(k, [x]);
  }
  return groups;
}

/** Best first: score (none last), then more calls, then name, then key. */
const byLeague = (a: MysteryCell, b: MysteryCell) =>
  (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
  b.calls - a.calls ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
  (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Cells of a breakdown, keys in `order` first (in that order), then the others by key. */
function breakdown(
  reports: readonly ResultsReport[],
  key: (r: ResultsReport) => string | undefined,
  order: readonly string[] = [],
  name: (k: string) => string = (k) => k,
): MysteryCell[] {
  const groups = groupBy(reports, key);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...groups.keys()]
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((k) => ({ key: k, name: name(k), ...cellOf(groups.get(k)!) }));
}

/**
 * A wave's results (README quotes these rules):
 * - only approved reports count (`calls`), matched to an agent or not (an unmatched call still
 *   scores its team and the breakdowns, never the league of agents);
 * - a call's score is its percent (scoreScorecard: N/A left out, critical fails 0); a cell's
 *   score is the mean of its calls' scores (calls with nothing assessable left out), to one
 *   decimal; its pass rate the share of its calls that passed (no critical "no"), of those
 *   decided, to four decimals;
 * - bySection: per area of the pack, the mean of the calls' section percents; its pass rate the
 *   share of those calls whose section did not fail (a section-critical "no");
 * - byItem: per questionnaire item, in order, calls = the calls answering yes or no, yesShare =
 *   yes / (yes + no) (N/A left out), score = yesShare in percent, no pass rate;
 * - byTeam and byAgent: league tables, best score first, then more calls, then name; an agent's
 *   team is the team of most of their calls; a competitor programme has no league of agents;
 * - byCallType (pack order), byDayPart (morning to night), byWeekPart (weekday, weekend),
 *   byRegion (by name), byAgeBand (youngest first), byLanguage (by tag): only what had calls;
 * - ratings: per programme rating, the mean of the answers given (1-5, two decimals);
 * - comparison: with the previous wave, Welch's t-test on the calls' scores (compareWaves):
 *   previousScore and change to one decimal, change from the unrounded means;
 * - toTrain: items whose yes share is under the target, lowest first (ties: more calls, then
 *   questionnaire order), at most RESULTS_SHORTLIST;
 * - toRecognise: agents with at least RECOGNISE_MIN_CALLS calls whose score (as shown) is at
 *   or above the target, in league order, at most RESULTS_SHORTLIST;
 * - competitors: each competitor wave's calls and mean score, beside ours, never ranked.
 */
export function waveResults(input: ResultsInput): WaveResults {
  if (!Number.isFinite(input.target)) throw new Error('waveResults: the target is not a number');
  const approved = input.reports.filter((r) => r.status === 'approved');
  const whole = cellOf(approved);

  const sectionCalls = new Map<StandardArea, { percent: number; failed: boolean }[]>();
  for (const r of approved)
    for (const s of r.score?.sections ?? []) {
      if (s.percent === null) continue;
      const list = sectionCalls.get(s.area) ?? [];
      list.push({ percent: s.percent, failed: s.failed });
      sectionCalls.set(s.area, list);
    }
  const bySection = STANDARD_AREAS.filter((area) => sectionCalls.has(area)).map((area) => {
    const list = sectionCalls.get(area)!;
    return {
      key: area,
      name: area,
      area,
      calls: list.length,
      score: round1(mean(list.map((s) => s.percent))),
      passRate: round4(list.filter((s) => !s.failed).length / list.length),
    };
  });

  const byItem = input.items.map((item) => {
    let yes = 0;
    let no = 0;
    for (const r of approved) {
      const a = r.answers[item.id];
      if (a === 'yes') yes++;
      else if (a === 'no') no++;
    }
    const yesShare = yes + no === 0 ? null : round4(yes / (yes + no));
    return {
      key: item.id,
      name: item.name,
      calls: yes + no,
      score: yes + no === 0 ? null : round1((yes / (yes + no)) * 100),
      passRate: null,
      yesShare,
    };
  });

  const byTeam = breakdown(
    approved,
    (r) => r.teamId,
    [],
    (k) => approved.find((r) => r.teamId === k)!.teamName,
  ).sort(byLeague);

  const matched = input.competitor ? [] : approved.filter((r) => r.agentId !== null);
  const byAgent = [...groupBy(matched, (r) => r.agentId!).entries()]
    .map(([agentId, calls]) => {
      const teams = [...groupBy(calls, (r) => r.teamName).entries()].sort(
        (a, b) => b[1].length - a[1].length,
      );
      return {
        key: agentId,
        name: calls.find((r) => r.agentName !== null)?.agentName ?? agentId,
        teamName: teams[0]?.[0] ?? null,
        ...cellOf(calls),
      };
    })
    .sort(byLeague);

  const callTypeNames = input.callTypeNames ?? {};
  const ratings = input.ratingIds.map((id) => {
    const given = approved
      .map((r) => r.ratings[id])
      .filter((v): v is number => v !== undefined && Number.isFinite(v));
    return {
      id,
      mean: given.length === 0 ? null : Math.round(mean(given) * 100) / 100,
      answers: given.length,
    };
  });

  let comparison: WaveResults['comparison'] = null;
  if (input.previous) {
    const before = numbers(input.previous.scores);
    const now = numbers(approved.map(percentOf));
    const test = compareWaves(before, now);
    const previousScore = meanOrNull(before);
    comparison = {
      previousWaveId: input.previous.waveId,
      previousName: input.previous.name,
      previousScore: previousScore === null ? null : round1(previousScore),
      change: test.change === null ? null : round1(test.change),
      pValue: test.pValue,
      significant: test.significant,
    };
  }

  const toTrain = byItem
    .map((cell, index) => ({ cell, index }))
    .filter(({ cell }) => cell.yesShare !== null && cell.yesShare * 100 < input.target)
    .sort(
      (a, b) =>
        a.cell.yesShare! - b.cell.yesShare! || b.cell.calls - a.cell.calls || a.index - b.index,
    )
    .slice(0, RESULTS_SHORTLIST)
    .map(({ cell }) => cell.key);
  const toRecognise = byAgent
    .filter((a) => a.calls >= RECOGNISE_MIN_CALLS && a.score !== null && a.score >= input.target)
    .slice(0, RESULTS_SHORTLIST)
    .map((a) => a.key);

  return {
    calls: whole.calls,
    score: whole.score,
    target: input.target,
    passRate: whole.passRate,
    bySection,
    byItem,
    byTeam,
    byAgent,
    byCallType: breakdown(
      approved,
      (r) => r.callType,
      Object.keys(callTypeNames),
      (k) => callTypeNames[k] ?? k,
    ),
    byDayPart: breakdown(approved, (r) => r.dayPart, DAY_PARTS),
    byWeekPart: breakdown(approved, (r) => (r.weekend ? 'weekend' : 'weekday'), WEEK_PARTS),
    byRegion: breakdown(approved, (r) => r.profile.region),
    byAgeBand: breakdown(approved, (r) => r.profile.ageBand, AGE_BANDS),
    byLanguage: breakdown(approved, (r) => r.profile.language),
    ratings,
    comparison,
    toTrain,
    toRecognise,
    competitors: input.competitors.map((c) => {
      const score = meanOrNull(numbers(c.scores));
      return {
        programmeName: c.programmeName,
        competitor: c.competitor,
        waveName: c.waveName,
        calls: c.scores.length,
        score: score === null ? null : round1(score),
      };
    }),
  };
}

export type { Answer };
