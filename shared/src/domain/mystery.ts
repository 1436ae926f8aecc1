import { uniformInt } from 'pure-rand/distribution/uniformInt';
import {
  AGE_BANDS,
  type ASSIGNMENT_STATUSES,
  DAY_PART_STARTS,
  DAY_PARTS,
  type AgeBand,
  type CallerProfile,
  type Quota,
  type DayPart,
  type MysteryCell,
  type MysteryResults,
  type WaveComparison,
  type PlanWarning,
  type PlanWarningCode,
  type WavePlan,
} from '../protocol/mystery.js';
import { addDays, slotGenerator } from './qa-sampling.js';
import type { Answer, ScoreResult } from './scoring.js';
import { STANDARD_AREAS, type StandardArea } from './standards.js';
import { isCalendarDate, isTimeZone, WORK_TIME_PATTERN } from './teams.js';
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
  /** Calls the wave asks for (the plan may have fewer: perTeamMax, closed teams). */
  calls: number;
  /** The wave's first and last days (YYYY-MM-DD), each read in each team's own zone. */
  from: string;
  to: string;
  teams: PlanTeam[];
  /** Call types the wave has scenarios for. */
  scenarioCallTypes: string[];
  /**
   * The real mix over the wave's teams' recent calls: calls per call type, day part, week part
   * (count each call by callTimeOf(startedAt, its team's zone), so a call at 02:00 on Saturday
   * is Friday's night, as the plan reads it).
   */
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

// ---- the wave's calendar: when each floor can be called ----

/** A day part window shorter than this (clipped by the opening hours) is not offered to callers. */
export const MIN_WINDOW_MINUTES = 30;
/** A wave spans at most this many days (the planner's loops are bounded by it). */
export const MAX_WAVE_DAYS = 366;
/** A call type with at least this share of the recent calls is common: warned when no scenario covers it. */
export const COMMON_CALL_TYPE_SHARE = 0.1;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** ISO weekday (1 Monday ... 7 Sunday) of a YYYY-MM-DD day. */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}
/** Whether a local day is a weekend day (Saturday, Sunday). */
export const isWeekend = (day: string) => isoWeekday(day) >= 6;

const wallFormats = new Map<string, Intl.DateTimeFormat>();
/** The local wall clock of an instant in a zone, read as a UTC time (whole seconds). */
function wallMs(instant: number, zone: string): number {
  let format = wallFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    wallFormats.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(instant).map((x) => [x.type, x.value]));
  return Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
}

/** The local hour (0-23) of an instant in a zone. */
const localHour = (at: Date, zone: string) => new Date(wallMs(at.getTime(), zone)).getUTCHours();

const wallCache = new Map<string, number>();
/** Entries kept before the cache of wall-clock instants starts again (a year of 50 zones). */
const WALL_CACHE_SIZE = 200_000;

/**
 * The instant a local wall-clock time happens: `minutes` after 00:00 on `day` (1440 and more
 * run into the next days). A time a clock change skips is read as the clock reads it after the
 * change (02:30 skipped to 03:30); a time that happens twice is one of the two.
 */
export function wallInstant(day: string, minutes: number, zone: string): number {
  const key = `${zone} ${day} ${minutes}`;
  const cached = wallCache.get(key);
  if (cached !== undefined) return cached;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d) + minutes * MINUTE_MS;
  let guess = target;
  const tried: number[] = [];
  let found: number | null = null;
  for (let pass = 0; pass < 4 && found === null; pass++) {
    const diff = wallMs(guess, zone) - target;
    if (diff === 0) found = guess;
    else {
      tried.push(guess);
      guess -= diff;
    }
  }
  // Not found: the time does not exist, and the last guesses straddle the gap.
  const instant = found ?? Math.max(...tried.slice(-2));
  if (wallCache.size >= WALL_CACHE_SIZE) wallCache.clear();
  wallCache.set(key, instant);
  return instant;
}

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** Local minutes each day part runs over, from its day's 00:00 (the night ends the next morning). */
const DAY_PART_SPANS: Record<DayPart, [number, number]> = {
  morning: [DAY_PART_STARTS.morning * 60, DAY_PART_STARTS.afternoon * 60],
  afternoon: [DAY_PART_STARTS.afternoon * 60, DAY_PART_STARTS.evening * 60],
  evening: [DAY_PART_STARTS.evening * 60, DAY_PART_STARTS.night * 60],
  night: [DAY_PART_STARTS.night * 60, 1440 + DAY_PART_STARTS.morning * 60],
};

/** One day part of one day on which a team can be called, with the window in UTC. */
export interface CallWindow {
  day: string;
  dayPart: DayPart;
  weekend: boolean;
  from: string;
  to: string;
}

/** The wave's days, from `from` to `to` inclusive. Throws on bad dates or a wave too long. */
export function waveDays(from: string, to: string): string[] {
  if (!isCalendarDate(from) || !isCalendarDate(to))
    throw new Error(`the wave's dates must be calendar days (got ${from} to ${to})`);
  if (from > to) throw new Error(`the wave ends (${to}) before it starts (${from})`);
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (days.length === MAX_WAVE_DAYS)
      throw new Error(`a wave spans at most ${MAX_WAVE_DAYS} days`);
    days.push(d);
  }
  return days;
}

function checkTeam(team: PlanTeam) {
  if (!isTimeZone(team.zone))
    throw new Error(`team ${team.name}: "${team.zone}" is not a time zone`);
  const h = team.hours;
  if (h === null) return;
  if (!WORK_TIME_PATTERN.test(h.start) || !WORK_TIME_PATTERN.test(h.end))
    throw new Error(`team ${team.name}: opening hours must be HH:MM (got ${h.start}-${h.end})`);
  if (h.days.length === 0 || h.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7))
    throw new Error(`team ${team.name}: opening days must be ISO weekdays 1-7`);
}

/**
 * When a team can be called over the wave's days (in the team's zone): for each day and day
 * part, the day part's local hours that day (the night runs from 22:00 to 06:00 the next
 * morning) clipped to the floor's opening hours, in UTC. Opening hours run from `start` to
 * `end` on each of their ISO weekdays (an `end` at or before `start` runs past midnight into
 * the next day, so a Friday night shift opens Saturday's small hours); null hours are open
 * around the clock. A day part the hours cut into pieces offers its longest piece; pieces
 * under MIN_WINDOW_MINUTES are not offered. The week part is the day's (Saturday, Sunday).
 */
export function teamWindows(team: PlanTeam, days: readonly string[]): CallWindow[] {
  checkTeam(team);
  if (days.length === 0) return [];
  const open: [number, number][] = [];
  if (team.hours !== null) {
    const start = minutesOf(team.hours.start);
    let end = minutesOf(team.hours.end);
    if (end <= start) end += 1440;
    // The day before (its shift may run past midnight) and the day after (the last night runs
    // into its small hours).
    for (const day of [addDays(days[0]!, -1), ...days, addDays(days.at(-1)!, 1)])
      if (team.hours.days.includes(isoWeekday(day)))
        open.push([wallInstant(day, start, team.zone), wallInstant(day, end, team.zone)]);
  }
  const windows: CallWindow[] = [];
  for (const day of days)
    for (const dayPart of DAY_PARTS) {
      const [s, e] = DAY_PART_SPANS[dayPart];
      const from = wallInstant(day, s, team.zone);
      const to = wallInstant(day, e, team.zone);
      const pieces =
        team.hours === null
          ? [[from, to] as [number, number]]
          : open.map(([a, b]): [number, number] => [Math.max(a, from), Math.min(b, to)]);
      let best: [number, number] | null = null;
      for (const p of pieces)
        if (
          p[1] - p[0] >= MIN_WINDOW_MINUTES * MINUTE_MS &&
          (!best || p[1] - p[0] > best[1] - best[0])
        )
          best = p;
      if (best)
        windows.push({
          day,
          dayPart,
          weekend: isWeekend(day),
          from: new Date(best[0]).toISOString(),
          to: new Date(best[1]).toISOString(),
        });
    }
  return windows;
}

// ---- the joint plan: how many calls of each team in each week part and day part ----

type Joint = Map<string, Record<WeekPart, Record<DayPart, number>>>;
const emptyParts = (): Record<DayPart, number> => ({
  morning: 0,
  afternoon: 0,
  evening: 0,
  night: 0,
});

interface TeamCalendar {
  team: PlanTeam;
  windows: CallWindow[];
  /** Day parts the team can be called in, per week part. */
  parts: Record<WeekPart, DayPart[]>;
}

function calendarOf(teams: readonly PlanTeam[], days: readonly string[]): TeamCalendar[] {
  return teams.map((team) => {
    const windows = teamWindows(team, days);
    const partsOf = (weekend: boolean) =>
      DAY_PARTS.filter((p) => windows.some((w) => w.dayPart === p && w.weekend === weekend));
    return { team, windows, parts: { weekday: partsOf(false), weekend: partsOf(true) } };
  });
}

/**
 * Each team's calls split between weekdays and weekends so the wave's weekend total is as close
 * to `weekendTarget` as the floors allow: a team open only on weekdays (or weekends) takes all
 * its calls then; teams open on both share the rest of the weekend calls in proportion to their
 * calls (largest remainder).
 */
function splitWeekParts(
  calendar: readonly TeamCalendar[],
  teamCalls: ReadonlyMap<string, number>,
  weekendTarget: number,
) {
  let low = 0;
  let high = 0;
  const both: TeamCalendar[] = [];
  for (const c of calendar) {
    const n = teamCalls.get(c.team.id) ?? 0;
    const wd = c.parts.weekday.length > 0;
    const we = c.parts.weekend.length > 0;
    if (we) high += n;
    if (we && !wd) low += n;
    if (we && wd) both.push(c);
  }
  const weekend = Math.min(high, Math.max(low, weekendTarget));
  const shared = allocate(
    weekend - low,
    Object.fromEntries(both.map((c) => [c.team.id, teamCalls.get(c.team.id) ?? 0])),
  );
  const split = new Map<string, Record<WeekPart, number>>();
  for (const c of calendar) {
    const n = teamCalls.get(c.team.id) ?? 0;
    const we =
      c.parts.weekend.length === 0 ? 0 : c.parts.weekday.length === 0 ? n : shared[c.team.id]!;
    split.set(c.team.id, { weekday: n - we, weekend: we });
  }
  return { weekend, split };
}

/**
 * The joint plan: every team's calls in each week part spread over the day parts it is open in,
 * first in proportion to `dayPartTarget` (largest remainder), then moved along augmenting paths
 * (a call of one team from a day part over its target to another it is open in, possibly through
 * other teams) until every day part meets its target or no move is left: when a plan with
 * these targets exists, this finds one (a transportation problem's augmenting-path argument).
 */
function jointOf(
  calendar: readonly TeamCalendar[],
  split: ReadonlyMap<string, Record<WeekPart, number>>,
  dayPartTarget: Readonly<Record<DayPart, number>>,
): Joint {
  const joint: Joint = new Map();
  const groups: { teamId: string; weekPart: WeekPart; parts: DayPart[] }[] = [];
  for (const c of calendar) {
    const cells = { weekday: emptyParts(), weekend: emptyParts() };
    joint.set(c.team.id, cells);
    for (const weekPart of WEEK_PARTS) {
      const n = split.get(c.team.id)?.[weekPart] ?? 0;
      const parts = c.parts[weekPart];
      if (n === 0 || parts.length === 0) continue;
      groups.push({ teamId: c.team.id, weekPart, parts });
      const weights = parts.map((p) => dayPartTarget[p]);
      const seats = allocate(
        n,
        Object.fromEntries(parts.map((p, i) => [p, weights.some((w) => w > 0) ? weights[i]! : 1])),
      );
      for (const p of parts) cells[weekPart][p] = seats[p]!;
    }
  }
  const cell = (g: (typeof groups)[number]) => joint.get(g.teamId)![g.weekPart];
  const load = () => {
    const l = emptyParts();
    for (const g of groups) for (const p of DAY_PARTS) l[p] += cell(g)[p];
    return l;
  };
  // Each move takes one call off a day part over its target: at most the calls in all.
  let total = 0;
  for (const g of groups) for (const p of DAY_PARTS) total += cell(g)[p];
  for (let moves = 0; moves <= total; moves++) {
    const l = load();
    const over = DAY_PARTS.filter((p) => l[p] > dayPartTarget[p]);
    const under = new Set(DAY_PARTS.filter((p) => l[p] < dayPartTarget[p]));
    if (over.length === 0 || under.size === 0) break;
    // Breadth first from the day parts over target: part -> a group with a call there -> a part
    // that group is open in.
    const cameFrom = new Map<DayPart, { from: DayPart; group: number } | null>();
    for (const p of over) cameFrom.set(p, null);
    const queue = [...over];
    let reached: DayPart | null = null;
    while (queue.length > 0 && reached === null) {
      const p = queue.shift()!;
      for (let gi = 0; gi < groups.length && reached === null; gi++) {
        const g = groups[gi]!;
        if (cell(g)[p] === 0) continue;
        for (const q of g.parts) {
          if (cameFrom.has(q)) continue;
          cameFrom.set(q, { from: p, group: gi });
          if (under.has(q)) {
            reached = q;
            break;
          }
          queue.push(q);
        }
      }
    }
    if (reached === null) break;
    for (let q = reached; cameFrom.get(q) !== null;) {
      const step = cameFrom.get(q)!;
      const c = cell(groups[step.group]!);
      c[step.from]--;
      c[q]++;
      q = step.from;
    }
  }
  return joint;
}

function jointMarginals(joint: Joint) {
  const byTeam = new Map<string, number>();
  const byWeekPart: Record<WeekPart, number> = { weekday: 0, weekend: 0 };
  const byDayPart = emptyParts();
  for (const [teamId, cells] of joint) {
    let n = 0;
    for (const w of WEEK_PARTS)
      for (const p of DAY_PARTS) {
        n += cells[w][p];
        byWeekPart[w] += cells[w][p];
        byDayPart[p] += cells[w][p];
      }
    byTeam.set(teamId, n);
  }
  return { byTeam, byWeekPart, byDayPart };
}

// ---- the plan ----

const DAY_PART_WORDS: Record<DayPart, string> = {
  morning: 'in the morning',
  afternoon: 'in the afternoon',
  evening: 'in the evening',
  night: 'at night',
};
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Shares normalised to sum to 1 (all 0 when they sum to 0). */
function normalised(shares: Readonly<Record<string, number>>): Record<string, number> {
  const total = Object.values(shares).reduce((a, b) => a + b, 0);
  return Object.fromEntries(Object.entries(shares).map(([k, v]) => [k, total > 0 ? v / total : 0]));
}

function checkShares(what: string, shares: Readonly<Record<string, number>> | undefined) {
  for (const [k, v] of Object.entries(shares ?? {}))
    if (!Number.isFinite(v) || v < 0)
      throw new Error(`${what}: the share of "${k}" must be a number of 0 or more (got ${v})`);
}

function checkPlanInput(input: PlanInput) {
  if (!Number.isInteger(input.calls) || input.calls < 1)
    throw new Error(`a wave needs a whole number of calls, 1 or more (got ${input.calls})`);
  if (!Number.isInteger(input.perTeamMax) || input.perTeamMax < 1)
    throw new Error(
      `the limit per team must be a whole number, 1 or more (got ${input.perTeamMax})`,
    );
  if (input.teams.length === 0) throw new Error('a wave needs at least one team');
  if (new Set(input.teams.map((t) => t.id)).size !== input.teams.length)
    throw new Error('a team is in the wave twice');
  if (input.scenarioCallTypes.length === 0) throw new Error('a wave needs at least one scenario');
  checkShares('the real mix of call types', input.realMix.callType);
  checkShares('the real mix of day parts', input.realMix.dayPart);
  checkShares('the real mix of week parts', input.realMix.weekPart);
  checkShares('the region mix', input.profileMix.region);
  checkShares('the age band mix', input.profileMix.ageBand);
  checkShares('the language mix', input.profileMix.language);
  for (const band of Object.keys(input.profileMix.ageBand ?? {}))
    if (!(AGE_BANDS as readonly string[]).includes(band))
      throw new Error(`"${band}" is not an age band (${AGE_BANDS.join(', ')})`);
  if (!Number.isFinite(input.population) || input.population < 0)
    throw new Error(
      `the population must be a number of calls, 0 or more (got ${input.population})`,
    );
}

const quotas = (
  counts: Readonly<Record<string, number>>,
  shares: Readonly<Record<string, number>>,
) => Object.keys(counts).map((key) => ({ key, calls: counts[key]!, share: shares[key] ?? 0 }));

/** A profile dimension's quotas: the mix's shares, largest remainder; empty when not set. */
function profileQuotas(calls: number, mix: Readonly<Record<string, number>> | undefined) {
  if (!mix || !Object.values(mix).some((v) => v > 0)) return [];
  const shares = normalised(mix);
  return quotas(allocate(calls, mix), shares);
}

/**
 * The wave's sampling plan (every rule below is the README's):
 * - byTeam: the calls split equally over the teams whose floor is open on some day of the wave
 *   (largest remainder, ties in the teams' order), at most `perTeamMax` each: when the calls
 *   exceed teams x perTeamMax the plan has fewer calls (`calls`), and says so; a team closed
 *   over the whole wave gets none, and is named;
 * - byCallType: the real mix of calls restricted to the call types the wave has scenarios for,
 *   at least 1 each when the calls allow ("cover the common call types, not only problem
 *   calls"); with no recent calls of those types, equal shares; a call type with at least
 *   COMMON_CALL_TYPE_SHARE of the recent calls and no scenario is warned;
 * - byWeekPart: weekday and weekend from the real mix, over the week parts some floor of the
 *   wave is open in on the wave's days (0 weekend calls when none works weekends), at least 1
 *   each when the calls allow; then as close as the floors allow (a team open only at weekends
 *   takes all its calls then);
 * - byDayPart: the real mix over the day parts the floors are open in (from the teams' opening
 *   hours, null hours being open around the clock), at least 1 each when the calls allow; then
 *   as close as each team's hours allow (teamWindows): a day part that gets fewer than the mix
 *   asks is warned, and so is a day part with recent calls but no calls planned;
 * - with no recent calls at all, week parts and day parts follow the opening hours (team-days
 *   open in each) instead of the mix, and the plan says so;
 * - byRegion, byAgeBand, byLanguage: the wave's profile mix (largest remainder); empty when the
 *   mix does not set them;
 * - sampleSizeNeeded: sampleSize(confidence, margin, population); a wave with fewer calls is
 *   warned (its pass rate is less precise than asked).
 * Throws on input that cannot be planned (no team, no scenario, bad dates, zones or hours).
 */
/** A plan warning: a code and its figures for the UI's words, and the English sentence for logs. */
const warning = (
  code: PlanWarningCode,
  params: Record<string, string | number>,
  text: string,
): PlanWarning => ({ code, params, text });

export function planWave(input: PlanInput): WavePlan {
  checkPlanInput(input);
  const warnings: PlanWarning[] = [];
  const days = waveDays(input.from, input.to);
  const calendar = calendarOf(input.teams, days);

  // Teams.
  const open = calendar.filter((c) => c.windows.length > 0);
  for (const c of calendar)
    if (c.windows.length === 0)
      warnings.push(
        warning(
          'team-closed',
          { team: c.team.name },
          `${c.team.name} is not open on any day of the wave: it gets no calls.`,
        ),
      );
  if (open.length === 0) throw new Error('no team of the wave is open on any day of the wave');
  const calls = Math.min(input.calls, open.length * input.perTeamMax);
  if (calls < input.calls)
    warnings.push(
      warning(
        'over-team-limit',
        { asked: input.calls, teams: open.length, perTeam: input.perTeamMax, calls },
        `${input.calls} calls are more than ${plural(open.length, 'team', 'teams')} × ${input.perTeamMax} (the limit per team): the plan has ${calls}.`,
      ),
    );
  const teamShares = Object.fromEntries(
    calendar.map((c) => [c.team.id, c.windows.length > 0 ? 1 / open.length : 0]),
  );
  const teamCounts = allocate(calls, teamShares);
  if (calls < open.length)
    warnings.push(
      warning(
        'teams-unreached',
        { calls, teams: open.length, without: open.length - calls },
        `${plural(calls, 'call', 'calls')} cannot reach all ${open.length} teams: ${open.length - calls} get none, so teams do not compare.`,
      ),
    );

  // Call types.
  const realTypes = normalised(input.realMix.callType);
  const covered = new Set(input.scenarioCallTypes);
  const typeMix = Object.fromEntries([...covered].map((t) => [t, input.realMix.callType[t] ?? 0]));
  const noRealTypes = !Object.values(typeMix).some((v) => v > 0);
  const typeShares = normalised(
    noRealTypes ? Object.fromEntries([...covered].map((t) => [t, 1])) : typeMix,
  );
  const byCallType = quotas(allocate(calls, typeShares, 1), typeShares);
  for (const [type, share] of Object.entries(realTypes).sort((a, b) => b[1] - a[1]))
    if (!covered.has(type) && share >= COMMON_CALL_TYPE_SHARE)
      warnings.push(
        warning(
          'call-type-uncovered',
          { callType: type, share },
          `No scenario covers "${type}" (${percent(share)} of recent calls).`,
        ),
      );

  // Week parts and day parts, over what the floors that get calls are open in.
  const calling = calendar.filter((c) => (teamCounts[c.team.id] ?? 0) > 0);
  const realDay = input.realMix.dayPart;
  const realWeek = input.realMix.weekPart;
  const realTotal = DAY_PARTS.reduce((a, p) => a + (realDay[p] ?? 0), 0);
  const noReal = realTotal === 0 && realWeek.weekday + realWeek.weekend === 0;
  if (noReal)
    warnings.push(
      warning(
        'no-recent-calls',
        {},
        'No recent calls to take the mix from: call types share the calls equally, times follow the opening hours.',
      ),
    );
  else if (noRealTypes)
    warnings.push(
      warning(
        'no-recent-call-types',
        {},
        "No recent calls of the scenarios' call types: they share the calls equally.",
      ),
    );
  const openDays = (weekend: boolean, part?: DayPart) =>
    calling.reduce(
      (a, c) =>
        a + c.windows.filter((w) => w.weekend === weekend && (!part || w.dayPart === part)).length,
      0,
    );
  const weekOpen = { weekday: openDays(false) > 0, weekend: openDays(true) > 0 };
  const weekMix = noReal
    ? { weekday: openDays(false), weekend: openDays(true) }
    : {
        weekday: weekOpen.weekday ? realWeek.weekday : 0,
        weekend: weekOpen.weekend ? realWeek.weekend : 0,
      };
  const weekShares = normalised(
    Object.values(weekMix).some((v) => v > 0)
      ? weekMix
      : { weekday: weekOpen.weekday ? 1 : 0, weekend: weekOpen.weekend ? 1 : 0 },
  );
  const weekTarget = allocate(calls, weekShares, 1);
  if (!weekOpen.weekend && realWeek.weekend > 0)
    warnings.push(
      warning(
        'weekend-closed',
        {},
        'Recent calls come in at weekends, but no floor of the wave is open at a weekend within its dates.',
      ),
    );

  const partOpen = (p: DayPart) => openDays(false, p) + openDays(true, p) > 0;
  const dayMix = Object.fromEntries(
    DAY_PARTS.map((p) => [
      p,
      !partOpen(p) ? 0 : noReal ? openDays(false, p) + openDays(true, p) : (realDay[p] ?? 0),
    ]),
  ) as Record<DayPart, number>;
  const dayShares = normalised(
    Object.values(dayMix).some((v) => v > 0)
      ? dayMix
      : Object.fromEntries(DAY_PARTS.map((p) => [p, partOpen(p) ? 1 : 0])),
  );
  const dayTarget = allocate(calls, dayShares, 1) as Record<DayPart, number>;

  const teamCalls = new Map(Object.entries(teamCounts));
  const { split } = splitWeekParts(calendar, teamCalls, weekTarget.weekend!);
  const joint = jointOf(calendar, split, dayTarget);
  const got = jointMarginals(joint);

  if (got.byWeekPart.weekend < weekTarget.weekend!)
    warnings.push(
      warning(
        'weekend-short',
        { got: got.byWeekPart.weekend, wanted: weekTarget.weekend! },
        `The opening hours allow only ${plural(got.byWeekPart.weekend, 'weekend call', 'weekend calls')} of the ${weekTarget.weekend} the mix asks for.`,
      ),
    );
  else if (got.byWeekPart.weekend > weekTarget.weekend!)
    warnings.push(
      warning(
        'weekend-only',
        { got: got.byWeekPart.weekend, wanted: weekTarget.weekend! },
        `Floors open only at weekends need ${plural(got.byWeekPart.weekend, 'weekend call', 'weekend calls')}, not the ${weekTarget.weekend} the mix asks for.`,
      ),
    );
  for (const p of DAY_PARTS) {
    const real = realDay[p] ?? 0;
    if (got.byDayPart[p] === 0 && real > 0)
      warnings.push(
        partOpen(p)
          ? warning(
              'day-part-too-few',
              { dayPart: p },
              `Too few calls to call ${DAY_PART_WORDS[p]} too, though recent calls come in then.`,
            )
          : warning(
              'day-part-closed',
              { dayPart: p },
              `Recent calls come in ${DAY_PART_WORDS[p]}, but no floor of the wave is open then.`,
            ),
      );
    else if (got.byDayPart[p] < dayTarget[p])
      warnings.push(
        warning(
          'day-part-short',
          { dayPart: p, got: got.byDayPart[p], wanted: dayTarget[p] },
          `The opening hours allow only ${got.byDayPart[p]} of the ${dayTarget[p]} calls the mix asks for ${DAY_PART_WORDS[p]}.`,
        ),
      );
  }

  const sampleSizeNeeded = sampleSize(input.confidence, input.margin, input.population);
  if (calls < sampleSizeNeeded)
    warnings.push(
      warning(
        'below-sample-size',
        { calls, needed: sampleSizeNeeded, margin: input.margin, confidence: input.confidence },
        `${plural(calls, 'call is', 'calls are')} fewer than the ${sampleSizeNeeded} needed for ±${Math.round(input.margin * 1000) / 10}% at ${Math.round(input.confidence * 100)}% confidence.`,
      ),
    );

  return {
    calls,
    byTeam: quotas(teamCounts, teamShares),
    byCallType,
    byDayPart: quotas(got.byDayPart, dayShares),
    byWeekPart: quotas(got.byWeekPart, weekShares),
    byRegion: profileQuotas(calls, input.profileMix.region),
    byAgeBand: profileQuotas(calls, input.profileMix.ageBand),
    byLanguage: profileQuotas(calls, input.profileMix.language),
    sampleSizeNeeded,
    population: Math.round(input.population),
    warnings,
  };
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

/** A seeded generator for one use of a wave's seed. */
const generatorFor = (seed: string, use: string, key = '') =>
  slotGenerator(seed, 'mystery-wave', `${use} ${key}`, 0);

function shuffle<T>(xs: T[], rng: ReturnType<typeof generatorFor>): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = uniformInt(rng, 0, i);
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** The keys of a plan's quotas, each as many times as its calls, checked to sum to `calls`. */
function expand(what: string, list: readonly Quota[], calls: number, known?: readonly string[]) {
  const keys: string[] = [];
  for (const q of list) {
    if (!Number.isInteger(q.calls) || q.calls < 0)
      throw new Error(`the plan's ${what} quota for "${q.key}" is not a number of calls`);
    if (known && !known.includes(q.key))
      throw new Error(`the plan's ${what} quota names "${q.key}", which the wave does not have`);
    for (let i = 0; i < q.calls; i++) keys.push(q.key);
  }
  if (keys.length !== calls)
    throw new Error(
      `the plan's ${what} quotas add up to ${keys.length} calls, not the plan's ${calls}`,
    );
  return keys;
}

/**
 * Days for `n` calls from the days a cell is open on, spread over the wave: with at least as
 * many days as calls, the days are cut into `n` runs of consecutive days and one day is drawn
 * from each run; with fewer, every day gets the same number (one more for days drawn at random).
 */
function spreadDays(days: readonly string[], n: number, rng: ReturnType<typeof generatorFor>) {
  const picked: string[] = [];
  if (n <= days.length) {
    for (let i = 0; i < n; i++) {
      const from = Math.floor((i * days.length) / n);
      const to = Math.floor(((i + 1) * days.length) / n);
      picked.push(days[uniformInt(rng, from, to - 1)]!);
    }
    return picked;
  }
  const each = Math.floor(n / days.length);
  const extra = new Set(shuffle([...days], rng).slice(0, n - each * days.length));
  for (const d of days) for (let i = 0; i < each + (extra.has(d) ? 1 : 0); i++) picked.push(d);
  return picked;
}

/**
 * The wave's assignments from its plan: exactly `plan.calls` calls meeting every quota of the
 * plan (team, call type, day part, week part, region, age band, language), reproducible for a
 * seed:
 * - the calls of each team in each week part and day part are found the way planWave found
 *   them, with the plan's quotas as targets; a plan the teams' hours no longer allow throws
 *   (plan the wave again);
 * - each team's calls of a week part and day part are spread over the days it is open then
 *   (spreadDays), the window being that day part's local hours clipped to the opening hours
 *   (teamWindows), in UTC;
 * - call types and each profile dimension are dealt to the calls by a seeded shuffle
 *   (pure-rand xoroshiro128+), each dimension with its own generator;
 * - the calls come ordered by window, then team.
 */
export function assignmentsFor(input: PlanInput, plan: WavePlan, seed: string): PlannedCall[] {
  checkPlanInput(input);
  const days = waveDays(input.from, input.to);
  const calendar = calendarOf(input.teams, days);
  const n = plan.calls;
  if (!Number.isInteger(n) || n < 1) throw new Error('the plan has no calls');
  const teamIds = input.teams.map((t) => t.id);
  const teamKeys = expand('team', plan.byTeam, n, teamIds);
  const typeKeys = expand('call type', plan.byCallType, n);
  const partKeys = expand('day part', plan.byDayPart, n, DAY_PARTS);
  const weekKeys = expand('week part', plan.byWeekPart, n, WEEK_PARTS);
  const profileKeys = {
    region: plan.byRegion.length === 0 ? null : expand('region', plan.byRegion, n),
    ageBand: plan.byAgeBand.length === 0 ? null : expand('age band', plan.byAgeBand, n, AGE_BANDS),
    language: plan.byLanguage.length === 0 ? null : expand('language', plan.byLanguage, n),
  };

  const count = (keys: string[], k: string) => keys.filter((x) => x === k).length;
  const teamCalls = new Map(teamIds.map((id) => [id, count(teamKeys, id)]));
  const weekend = count(weekKeys, 'weekend');
  const target = Object.fromEntries(DAY_PARTS.map((p) => [p, count(partKeys, p)])) as Record<
    DayPart,
    number
  >;
  const { weekend: weekendGot, split } = splitWeekParts(calendar, teamCalls, weekend);
  const joint = jointOf(calendar, split, target);
  const got = jointMarginals(joint);
  if (weekendGot !== weekend || DAY_PARTS.some((p) => got.byDayPart[p] !== target[p]))
    throw new Error(
      "the plan's day parts and week parts do not fit the teams' opening hours any more: plan the wave again",
    );

  const slots: Omit<PlannedCall, 'callType' | 'profile'>[] = [];
  for (const c of calendar) {
    const cells = joint.get(c.team.id)!;
    for (const weekPart of WEEK_PARTS)
      for (const dayPart of DAY_PARTS) {
        const k = cells[weekPart][dayPart];
        if (k === 0) continue;
        const windows = c.windows.filter(
          (w) => w.dayPart === dayPart && w.weekend === (weekPart === 'weekend'),
        );
        const rng = generatorFor(seed, 'days', `${c.team.id} ${weekPart} ${dayPart}`);
        const picked = spreadDays(
          windows.map((w) => w.day),
          k,
          rng,
        );
        for (const day of picked) {
          const w = windows.find((x) => x.day === day)!;
          slots.push({
            teamId: c.team.id,
            dayPart,
            weekend: w.weekend,
            day,
            windowFrom: w.from,
            windowTo: w.to,
          });
        }
      }
  }
  slots.sort(
    (a, b) =>
      (a.windowFrom < b.windowFrom ? -1 : a.windowFrom > b.windowFrom ? 1 : 0) ||
      teamIds.indexOf(a.teamId) - teamIds.indexOf(b.teamId),
  );
  const types = shuffle([...typeKeys], generatorFor(seed, 'call types'));
  const dealt = {
    region: profileKeys.region && shuffle([...profileKeys.region], generatorFor(seed, 'regions')),
    ageBand:
      profileKeys.ageBand && shuffle([...profileKeys.ageBand], generatorFor(seed, 'age bands')),
    language:
      profileKeys.language && shuffle([...profileKeys.language], generatorFor(seed, 'languages')),
  };
  return slots.map((s, i) => {
    const profile: Partial<CallerProfile> = {};
    if (dealt.region) profile.region = dealt.region[i]!;
    if (dealt.ageBand) profile.ageBand = dealt.ageBand[i]! as AgeBand;
    if (dealt.language) profile.language = dealt.language[i]!;
    return { ...s, callType: types[i]!, profile };
  });
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

/**
 * When a call happened as plans and results read it: its local day part (dayPartOf) and the day
 * that day part belongs to (a night belongs to the day it starts on: 02:00 on Saturday is
 * Friday's night, a weekday), and whether that day is a weekend day.
 */
export function callTimeOf(
  at: Date,
  zone: string,
): { day: string; dayPart: DayPart; weekend: boolean } {
  const dayPart = dayPartOf(at, zone);
  const wall = new Date(wallMs(at.getTime(), zone));
  let day = wall.toISOString().slice(0, 10);
  if (dayPart === 'night' && wall.getUTCHours() < DAY_PART_STARTS.morning) day = addDays(day, -1);
  return { day, dayPart, weekend: isWeekend(day) };
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

// ---- the board: which open assignments a caller may claim ----

/**
 * Whether a caller fits the profile an assignment asks for: each dimension the assignment sets
 * must match (a region by nameKey; a language by its BCP 47 tag, case aside, where a tag
 * without a region such as "en" takes any "en-..."; an age band exactly).
 */
export function profileFits(wanted: Partial<CallerProfile>, caller: CallerProfile): boolean {
  if (wanted.region !== undefined && nameKey(wanted.region) !== nameKey(caller.region))
    return false;
  if (wanted.ageBand !== undefined && wanted.ageBand !== caller.ageBand) return false;
  if (wanted.language !== undefined) {
    const w = wanted.language.toLowerCase();
    const c = caller.language.toLowerCase();
    if (c !== w && !(c.startsWith(`${w}-`) && !w.includes('-'))) return false;
  }
  return true;
}

/**
 * The gap rule: a caller calls the same team again only `gapDays` days (24-hour days) or more
 * after, or before, any other call of theirs to it, made or claimed: `others` are the instants
 * of those calls (when made) or of their windows' start (when only claimed). The assignment's
 * window start is compared. gapDays 0 allows anything.
 */
export function gapAllows(windowFrom: string, others: readonly string[], gapDays: number): boolean {
  if (!Number.isInteger(gapDays) || gapDays < 0)
    throw new Error(`gapAllows: the gap must be a whole number of days (got ${gapDays})`);
  const at = Date.parse(windowFrom);
  if (Number.isNaN(at)) throw new Error(`gapAllows: ${windowFrom} is not a time`);
  return others.every((o) => {
    const other = Date.parse(o);
    if (Number.isNaN(other)) throw new Error(`gapAllows: ${o} is not a time`);
    return Math.abs(at - other) >= gapDays * DAY_MS;
  });
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
