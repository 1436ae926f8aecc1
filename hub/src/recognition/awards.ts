import {
  badgeMonthOf,
  badgeWeekOf,
  csatStreakBadges,
  noCriticalMonthBadges,
  reflectiveWeekBadges,
  standardWeekBadges,
  type Badge,
} from '@sidecoach/shared';
import type { HubContext } from '../lib/context.js';
import { repeat, type Repeating } from '../lib/repeat.js';
import { evidenceOf, type Scope } from './evidence.js';
import { awardJob, type Award } from './jobs.js';
import { agentCalendars, type AgentCalendar } from './records.js';

// When badges are awarded: after the records change, for the agent concerned (a customer's
// answer: `survey:answered`, which may complete a streak; a change of a call of a week already
// over: `call:changed` for a call that started before this week, as one ended after Monday began
// or self-assessed late), and in a sweep that looks, every `sweepMs`, for weeks and months that
// closed in some team's calendar since its last look (at start: every agent once, for periods
// that closed while the hub was down). Each pass computes the agents' badges over the last
// complete periods from the records and awards those not awarded yet: the database's unique
// award key makes a second pass, a replayed event or another node's pass award nothing twice.

/** Agents whose evidence is read together (bounds the `in` lists and the rows held). */
const AGENTS_PER_READ = 200;
/** Awards committed together (one transaction each batch). */
const AWARDS_PER_JOB = 200;

const chunks = <T>(list: readonly T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

/** Agents by the time zone of their calendar. */
function byCalendar(agents: readonly AgentCalendar[]): Map<string, AgentCalendar[]> {
  const byZone = new Map<string, AgentCalendar[]>();
  for (const a of agents) {
    const group = byZone.get(a.zone);
    if (group) group.push(a);
    else byZone.set(a.zone, [a]);
  }
  return byZone;
}

export class Awards {
  /** Per calendar, the week and month it was last swept in (`${week}|${month}`). */
  private readonly swept = new Map<string, string>();
  /**
   * Agents to recompute after a change: the earliest start of their calls that changed (null:
   * none did), and whether a customer answered.
   */
  private readonly pending = new Map<string, { callsFrom: string | null; answered: boolean }>();
  private draining: Promise<void> | null = null;
  private stopped = false;
  private sweeper: Repeating | null = null;

  constructor(private readonly ctx: HubContext) {}

  /**
   * Recomputes an agent's badges soon (coalesced: many changes of one agent are one pass): after
   * a change of a call that started at `callStartedAt`, or a customer's answer.
   */
  changed(agentId: string, change: { callStartedAt: string } | 'answered'): void {
    if (this.stopped) return;
    const was = this.pending.get(agentId) ?? { callsFrom: null, answered: false };
    if (change === 'answered') was.answered = true;
    else if (was.callsFrom === null || change.callStartedAt < was.callsFrom)
      was.callsFrom = change.callStartedAt;
    this.pending.set(agentId, was);
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  /** Starts the sweep (its first run at once). */
  start(sweepMs: number): void {
    this.sweeper = repeat(
      sweepMs,
      () => this.sweep(),
      (err) => this.ctx.log.warn({ err }, 'recognition sweep failed; trying again next time'),
      { atStart: true },
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.sweeper?.stop();
    await this.draining;
  }

  /**
   * Every agent of a calendar in which a week or a month closed since this node last looked
   * (all of them at the first run). Returns the badges awarded.
   */
  async sweep(now = new Date()): Promise<Badge[]> {
    const agents = await agentCalendars(this.ctx.db);
    const byZone = byCalendar(agents);
    const awarded: Badge[] = [];
    for (const [zone, group] of byZone) {
      if (this.stopped) break;
      const at = now.toISOString();
      const periods = `${badgeWeekOf(at, zone).from}|${badgeMonthOf(at, zone).from}`;
      if (this.swept.get(zone) === periods) continue;
      const everything = {
        calls: true,
        evaluations: true,
        answersOf: new Set(group.filter((a) => !a.behavioursOnly).map((a) => a.agentId)),
      };
      awarded.push(...(await this.award(group, zone, now, everything)));
      this.swept.set(zone, periods);
    }
    if (awarded.length > 0)
      this.ctx.log.info({ badges: awarded.length }, 'badges awarded for closed weeks and months');
    return awarded;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped) {
      const batch = [...this.pending].slice(0, AGENTS_PER_READ);
      for (const [id] of batch) this.pending.delete(id);
      const changes = new Map(batch);
      try {
        const agents = await agentCalendars(
          this.ctx.db,
          batch.map(([id]) => id),
        );
        const now = new Date();
        for (const [zone, group] of byCalendar(agents)) {
          // A call of the week under way changes no complete week: only later ones count (an
          // end after Monday's start, a self-assessment made late, a retyped call).
          const weekStart = badgeWeekOf(now.toISOString(), zone).start;
          const pastCalls = group.filter((a) => {
            const from = changes.get(a.agentId)?.callsFrom;
            return from != null && Date.parse(from) < Date.parse(weekStart);
          });
          const answered = group.filter(
            (a) => changes.get(a.agentId)?.answered === true && !a.behavioursOnly,
          );
          if (pastCalls.length > 0)
            await this.award(pastCalls, zone, now, {
              calls: true,
              evaluations: false,
              answersOf: new Set(),
            });
          if (answered.length > 0)
            await this.award(answered, zone, now, {
              calls: false,
              evaluations: false,
              answersOf: new Set(answered.map((a) => a.agentId)),
            });
        }
      } catch (err) {
        // The next change or the next closed period's sweep computes them again: later, not lost.
        this.ctx.log.warn({ err, agents: batch.length }, 'badges not computed after a change');
      }
    }
  }

  /**
   * Computes and awards the badges of agents of one calendar from the evidence in `scope` (a
   * team coaching on behaviours, not scores, is never in `answersOf`: no badge made of
   * customers' scores).
   */
  private async award(
    agents: readonly AgentCalendar[],
    zone: string,
    now: Date,
    scope: Scope,
  ): Promise<Badge[]> {
    const awarded: Badge[] = [];
    for (const group of chunks(agents, AGENTS_PER_READ)) {
      const ids = new Set(group.map((a) => a.agentId));
      const evidence = await evidenceOf(this.ctx.db, this.ctx.standards, [...ids], zone, now, {
        ...scope,
        answersOf: new Set([...scope.answersOf].filter((id) => ids.has(id))),
      });
      const earned: Award[] = [];
      for (const agent of group) {
        const e = evidence.get(agent.agentId)!;
        const of = { agentId: agent.agentId, teamId: agent.teamId };
        for (const badge of [
          ...standardWeekBadges(e.calls, zone, now),
          ...reflectiveWeekBadges(e.calls, zone, now),
          ...noCriticalMonthBadges(e.evaluations, zone, now),
          ...csatStreakBadges(e.answers, zone),
        ])
          earned.push({ ...badge, ...of });
      }
      const fresh = await this.notAwarded(earned);
      for (const batch of chunks(fresh, AWARDS_PER_JOB))
        awarded.push(...(await this.ctx.inbox.submit(awardJob(batch))));
    }
    return awarded;
  }

  /** The awards whose key is not stored yet (the job checks again, in its transaction). */
  private async notAwarded(earned: readonly Award[]): Promise<Award[]> {
    if (earned.length === 0) return [];
    const keys = [...new Set(earned.map((a) => a.periodKey))];
    const agents = [...new Set(earned.map((a) => a.agentId))];
    const stored = await this.ctx.db
      .selectFrom('recognition_badges')
      .select(['agent_id', 'kind', 'item_id', 'period_key'])
      .where('agent_id', 'in', agents)
      .where('period_key', 'in', keys)
      .execute();
    const key = (a: { agent_id: string; kind: string; item_id: string; period_key: string }) =>
      `${a.agent_id} ${a.kind} ${a.item_id} ${a.period_key}`;
    const have = new Set(stored.map(key));
    return earned.filter(
      (a) =>
        !have.has(
          key({
            agent_id: a.agentId,
            kind: a.kind,
            item_id: a.itemId ?? '',
            period_key: a.periodKey,
          }),
        ),
    );
  }
}
