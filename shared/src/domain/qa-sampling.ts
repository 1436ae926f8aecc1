import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { DrawReason, QaFilters, QaPeriod } from '../protocol/qa.js';
import { localDate, startOfLocalDate } from './teams.js';

// The QA sample (DOMAIN.md, "Quality monitoring in practice"): a few evaluations per agent per
// period, drawn at random from eligible calls, spread across the period and across evaluators,
// with a cap per evaluator per day, and auditable. Pure: the hub loads the calls and stores what
// this drew, with the reason it gives.
//
// - A period (a week Monday to Sunday, or a calendar month, in the team's time zone) is split into
//   `perAgent` slots of equal length; each agent gets one call from each slot.
// - A slot's call is drawn uniformly from the agent's eligible calls in it (started in the slot,
//   ordered by start and id) with a generator seeded from the plan's seed, the period, the agent
//   and the slot only: another agent's calls never change an agent's draw, and drawing again
//   with the same seed and calls draws the same call.
// - Flagged calls are preferred: when a supervisor flagged eligible calls of the slot, the draw
//   is made among those (the reason says `flagged`), as the flag is a coach asking for this call
//   to be evaluated. Unflagged slots stay a pure random draw, so the sample is still the
//   system's choice, not the agent's.
// - Slots already drawn are kept; a slot that had no eligible call is drawn again on the next
//   run, once it has some.
// - Evaluators share the draws evenly: each draw goes to the evaluator with the fewest
//   evaluations of the period so far (ties broken by an order seeded like the draws), never to
//   the agent, due on the slot's last day or the first later day on which that evaluator has
//   fewer than `dailyCap` due (never before the call's day nor the day of the draw).

/** The plan's settings the sampler reads. */
export interface SamplingPlan {
  seed: string;
  perAgent: number;
  filters: QaFilters;
  evaluatorIds: readonly string[];
  dailyCap: number;
}

/** A QA period: its first day, the first day after it, and the instants they start. */
export interface QaPeriodRange {
  /** YYYY-MM-DD, the period's first day in the team's zone (the draw's key). */
  from: string;
  /** YYYY-MM-DD, the first day after the period. */
  to: string;
  start: string;
  end: string;
  zone: string;
}

/** A call as the sampler sees it. */
export interface SampleCall {
  id: string;
  agentId: string;
  callType: string;
  startedAt: string;
  /** null: still under way (never eligible). */
  endedAt: string | null;
  durationMs: number | null;
  /** Whether the customer answered the call's survey. */
  surveyed: boolean;
  /** The survey's CSAT answer (1-5), null when not given. */
  csat: number | null;
  /** A supervisor flagged it for QA. */
  flagged: boolean;
  /** Already evaluated or assigned for evaluation (never drawn again). */
  taken: boolean;
}

/** A slot drawn before (kept as it is). */
export interface DrawnSlot {
  agentId: string;
  slot: number;
  evaluatorId: string;
}

/** One call drawn, with whom it goes to and why. */
export interface SampleDraw {
  agentId: string;
  slot: number;
  callId: string;
  evaluatorId: string;
  /** YYYY-MM-DD in the team's zone. */
  due: string;
  reason: DrawReason;
}

export interface SampleInput {
  plan: SamplingPlan;
  period: QaPeriodRange;
  /** The team's agents to draw for. */
  agents: readonly string[];
  /** Their calls of the period (others are ignored). */
  calls: readonly SampleCall[];
  /** Slots of this period drawn before. */
  drawn: readonly DrawnSlot[];
  /**
   * Evaluations already due per evaluator and day (every team's, this period's kept draws
   * among them), for the daily cap: `${evaluatorId} ${day}` -> count.
   */
  dueLoad: ReadonlyMap<string, number>;
  /** Slots that start at or after this instant are not drawn yet. */
  until: string;
  /** The day of the draw (team's zone): nothing is due before it. */
  today: string;
}

export interface SampleResult {
  drawn: SampleDraw[];
  /** Slots drawn before, kept. */
  kept: number;
  /** Slots (of agents, started) with no eligible call. */
  empty: number;
  /** Draws no evaluator could take (every evaluator is the agent): none stored. */
  unassigned: number;
}

const DAY_MS = 86_400_000;

/** The calendar day `n` days after a YYYY-MM-DD day. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The week (Monday to Sunday) or calendar month holding `day`, in the zone. */
export function qaPeriodOf(day: string, period: QaPeriod, zone: string): QaPeriodRange {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  let from: string;
  let to: string;
  if (period === 'week') {
    const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0
    from = addDays(day, -weekday);
    to = addDays(from, 7);
  } else {
    from = `${day.slice(0, 7)}-01`;
    to = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  }
  return {
    from,
    to,
    start: startOfLocalDate(from, zone).toISOString(),
    end: startOfLocalDate(to, zone).toISOString(),
    zone,
  };
}

/** The period's slots, 1-based, of equal length; the last ends with the period. */
export function qaSlots(
  period: QaPeriodRange,
  perAgent: number,
): { slot: number; from: string; to: string }[] {
  const start = Date.parse(period.start);
  const length = Date.parse(period.end) - start;
  const at = (i: number) => new Date(start + Math.round((i * length) / perAgent)).toISOString();
  return Array.from({ length: perAgent }, (_, i) => ({ slot: i + 1, from: at(i), to: at(i + 1) }));
}

/** Whether a call meets the plan's filters (and is ended and not taken). */
export function meetsFilters(call: SampleCall, filters: QaFilters): boolean {
  if (call.endedAt === null || call.taken) return false;
  if (
    filters.callTypes &&
    filters.callTypes.length > 0 &&
    !filters.callTypes.includes(call.callType)
  )
    return false;
  const seconds = call.durationMs === null ? null : call.durationMs / 1000;
  if (
    filters.minDurationSec !== undefined &&
    (seconds === null || seconds < filters.minDurationSec)
  )
    return false;
  if (
    filters.maxDurationSec !== undefined &&
    (seconds === null || seconds > filters.maxDurationSec)
  )
    return false;
  if (filters.surveyed && !call.surveyed) return false;
  if (filters.maxCsat !== undefined && (call.csat === null || call.csat > filters.maxCsat))
    return false;
  if (filters.flaggedOnly && !call.flagged) return false;
  return true;
}

/** Four 32-bit words from text (FNV-1a in four lanes, each finished with an avalanche mix). */
function hash128(text: string): [number, number, number, number] {
  const lanes = [0x811c9dc5, 0x01000193 ^ 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul((lanes[l]! ^ c) + l, 0x01000193);
  }
  return lanes.map((h) => {
    let x = h >>> 0;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    return (x ^ (x >>> 16)) >>> 0;
  }) as [number, number, number, number];
}

/** The generator of one (seed, period, agent, slot): its draws depend on nothing else. */
export function slotGenerator(seed: string, periodFrom: string, agentId: string, slot: number) {
  const state = hash128(JSON.stringify(['qa-slot', seed, periodFrom, agentId, slot]));
  // xoroshiro128+ must not start from an all-zero state.
  if (state.every((w) => w === 0)) state[0] = 1;
  return xoroshiro128plusFromState(state);
}

/** A stable seeded rank of a name (ties among evaluators, the order agents are handled in). */
function seededRank(seed: string, periodFrom: string, kind: string, id: string): number {
  return hash128(JSON.stringify(['qa-rank', seed, periodFrom, kind, id]))[0];
}

const byStart = (a: SampleCall, b: SampleCall) =>
  a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : 1;

/** The call drawn from one agent's slot, or null when none is eligible. */
export function drawSlot(
  plan: Pick<SamplingPlan, 'seed' | 'filters'>,
  periodFrom: string,
  agentId: string,
  slot: { slot: number; from: string; to: string },
  calls: readonly SampleCall[],
): { call: SampleCall; eligible: number; flagged: boolean } | null {
  const from = Date.parse(slot.from);
  const to = Date.parse(slot.to);
  const eligible = calls
    .filter((c) => {
      const at = Date.parse(c.startedAt);
      return c.agentId === agentId && at >= from && at < to && meetsFilters(c, plan.filters);
    })
    .sort(byStart);
  if (eligible.length === 0) return null;
  const flaggedCalls = eligible.filter((c) => c.flagged);
  const pool = flaggedCalls.length > 0 ? flaggedCalls : eligible;
  const rng = slotGenerator(plan.seed, periodFrom, agentId, slot.slot);
  const call = pool[uniformInt(rng, 0, pool.length - 1)]!;
  return { call, eligible: eligible.length, flagged: flaggedCalls.length > 0 };
}

/** Evaluators' load as the draws are handed out. */
class Loads {
  private readonly period = new Map<string, number>();
  private readonly due: Map<string, number>;
  constructor(
    dueLoad: ReadonlyMap<string, number>,
    drawn: readonly DrawnSlot[],
    private readonly cap: number,
  ) {
    this.due = new Map(dueLoad);
    for (const d of drawn) this.period.set(d.evaluatorId, this.inPeriod(d.evaluatorId) + 1);
  }
  inPeriod = (evaluatorId: string) => this.period.get(evaluatorId) ?? 0;
  /** The first day from `day` on which the evaluator has room (bounded: their load is finite). */
  roomFrom(evaluatorId: string, day: string): string {
    let d = day;
    while ((this.due.get(`${evaluatorId} ${d}`) ?? 0) >= this.cap) d = addDays(d, 1);
    return d;
  }
  take(evaluatorId: string, day: string) {
    this.period.set(evaluatorId, this.inPeriod(evaluatorId) + 1);
    const key = `${evaluatorId} ${day}`;
    this.due.set(key, (this.due.get(key) ?? 0) + 1);
  }
}

/** A slot's call, drawn, before it is handed to an evaluator. */
export interface SlotPick {
  agentId: string;
  slot: { slot: number; from: string; to: string };
  call: SampleCall;
  eligible: number;
  flagged: boolean;
}

/** The slots of the period that have started by `until`. */
export const startedSlots = (period: QaPeriodRange, perAgent: number, until: string) =>
  qaSlots(period, perAgent).filter((s) => Date.parse(s.from) < Date.parse(until));

/**
 * One agent's draw: every started slot not drawn before gets one eligible call from `calls` (the
 * agent's, of the period). The hub calls it agent by agent, holding one agent's calls at a time.
 */
export function drawAgent(
  plan: Pick<SamplingPlan, 'seed' | 'filters' | 'perAgent'>,
  period: QaPeriodRange,
  agentId: string,
  calls: readonly SampleCall[],
  drawnSlots: ReadonlySet<number>,
  until: string,
): { picks: SlotPick[]; kept: number; empty: number } {
  let kept = 0;
  let empty = 0;
  const picks: SlotPick[] = [];
  const slots = startedSlots(period, plan.perAgent, until);
  // Each call read once, into its slot's list (a month of an agent's calls is hundreds).
  const bounds = slots.map((s) => Date.parse(s.to));
  const bySlot = slots.map((): SampleCall[] => []);
  for (const c of calls) {
    const at = Date.parse(c.startedAt);
    const i = bounds.findIndex((to) => at < to);
    if (i >= 0) bySlot[i]!.push(c);
  }
  for (const [i, slot] of slots.entries()) {
    if (drawnSlots.has(slot.slot)) {
      kept++;
      continue;
    }
    const pick = drawSlot(plan, period.from, agentId, slot, bySlot[i]!);
    if (pick) picks.push({ agentId, slot, ...pick });
    else empty++;
  }
  return { picks, kept, empty };
}

/**
 * Hands the picks to evaluators: slot by slot, agents in a seeded order (so the early slots
 * spread over every evaluator first), each to the evaluator with the fewest of the period so
 * far, due on the first day with room from the slot's last day on.
 */
export function assignDraws(
  plan: SamplingPlan,
  period: QaPeriodRange,
  picks: readonly SlotPick[],
  context: { drawn: readonly DrawnSlot[]; dueLoad: ReadonlyMap<string, number>; today: string },
): { drawn: SampleDraw[]; unassigned: number } {
  const rank = (kind: string, id: string) => seededRank(plan.seed, period.from, kind, id);
  const agentRank = new Map(picks.map((p) => [p.agentId, rank('agent', p.agentId)]));
  const ordered = [...picks].sort(
    (a, b) =>
      a.slot.slot - b.slot.slot ||
      agentRank.get(a.agentId)! - agentRank.get(b.agentId)! ||
      (a.agentId < b.agentId ? -1 : 1),
  );
  const evaluatorRank = new Map(plan.evaluatorIds.map((e) => [e, rank('evaluator', e)]));
  const loads = new Loads(context.dueLoad, context.drawn, plan.dailyCap);
  const drawn: SampleDraw[] = [];
  let unassigned = 0;
  for (const pick of ordered) {
    const evaluatorId = plan.evaluatorIds
      .filter((e) => e !== pick.agentId)
      .sort(
        (a, b) =>
          loads.inPeriod(a) - loads.inPeriod(b) ||
          evaluatorRank.get(a)! - evaluatorRank.get(b)! ||
          (a < b ? -1 : 1),
      )[0];
    if (evaluatorId === undefined) {
      unassigned++;
      continue;
    }
    const slotLastDay = localDate(new Date(Date.parse(pick.slot.to) - 1), period.zone);
    const callDay = localDate(new Date(pick.call.endedAt ?? pick.call.startedAt), period.zone);
    const earliest = [slotLastDay, callDay, context.today].sort().at(-1)!;
    const due = loads.roomFrom(evaluatorId, earliest);
    loads.take(evaluatorId, due);
    drawn.push({
      agentId: pick.agentId,
      slot: pick.slot.slot,
      callId: pick.call.id,
      evaluatorId,
      due,
      reason: {
        seed: plan.seed,
        slot: pick.slot.slot,
        slotFrom: pick.slot.from,
        slotTo: pick.slot.to,
        eligible: pick.eligible,
        filters: plan.filters,
        flagged: pick.flagged,
      },
    });
  }
  return { drawn, unassigned };
}

/**
 * Draws the period's sample from calls held in memory: for each agent, each started slot not
 * drawn before gets one eligible call, handed to an evaluator with a due day. The same input
 * gives the same result.
 */
export function drawSample(input: SampleInput): SampleResult {
  const callsOf = new Map<string, SampleCall[]>();
  for (const c of input.calls) {
    const list = callsOf.get(c.agentId) ?? [];
    list.push(c);
    callsOf.set(c.agentId, list);
  }
  let kept = 0;
  let empty = 0;
  const picks: SlotPick[] = [];
  for (const agentId of input.agents) {
    const slots = new Set(input.drawn.filter((d) => d.agentId === agentId).map((d) => d.slot));
    const agent = drawAgent(
      input.plan,
      input.period,
      agentId,
      callsOf.get(agentId) ?? [],
      slots,
      input.until,
    );
    picks.push(...agent.picks);
    kept += agent.kept;
    empty += agent.empty;
  }
  const { drawn, unassigned } = assignDraws(input.plan, input.period, picks, input);
  return { drawn, kept, empty, unassigned };
}
