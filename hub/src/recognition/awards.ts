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
import { evidenceOf } from './evidence.js';
import { awardJob, type Award } from './jobs.js';
import { agentCalendars, type AgentCalendar } from './records.js';

// When badges are awarded: after the records change (a call ended, retyped or ticked, a
// self-assessment submitted: `call:changed`; a customer's answer: `survey:answered`) for the
// agent concerned, and in a sweep that looks, every `sweepMs`, for weeks and months that closed
// in some team's calendar since its last look (at start: every agent once, for periods that
// closed while the hub was down). Each pass computes the agents' badges over the last complete
// periods from the records and awards those not awarded yet: the database's unique award key
// makes a second pass, a replayed event or another node's pass award nothing twice.

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
  private readonly pending = new Set<string>();
  private draining: Promise<void> | null = null;
  private stopped = false;
  private sweeper: Repeating | null = null;

  constructor(private readonly ctx: HubContext) {}

  /** Recomputes an agent's badges soon (coalesced: many changes of one agent are one pass). */
  changed(agentId: string): void {
    if (this.stopped) return;
    this.pending.add(agentId);
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
      awarded.push(...(await this.award(group, zone, now)));
      this.swept.set(zone, periods);
    }
    if (awarded.length > 0)
      this.ctx.log.info({ badges: awarded.length }, 'badges awarded for closed weeks and months');
    return awarded;
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0 && !this.stopped) {
      const ids = [...this.pending].slice(0, AGENTS_PER_READ);
      for (const id of ids) this.pending.delete(id);
      try {
        const agents = await agentCalendars(this.ctx.db, ids);
        for (const [zone, group] of byCalendar(agents)) await this.award(group, zone, new Date());
      } catch (err) {
        // The next change or the next closed period tries again; nothing is lost meanwhile.
        this.ctx.log.warn({ err, agents: ids.length }, 'badges not computed after a change');
      }
    }
  }

  /** Computes and awards the badges of agents of one calendar. */
  private async award(agents: readonly AgentCalendar[], zone: string, now: Date): Promise<Badge[]> {
    const awarded: Badge[] = [];
    for (const group of chunks(agents, AGENTS_PER_READ)) {
      // A team coaching on behaviours, not scores, earns no badge made of customers' scores.
      const withAnswers = new Set(group.filter((a) => !a.behavioursOnly).map((a) => a.agentId));
      const evidence = await evidenceOf(
        this.ctx.db,
        this.ctx.standards,
        group.map((a) => a.agentId),
        zone,
        now,
        withAnswers,
      );
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
