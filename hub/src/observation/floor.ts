import { agentStatusOf, type FloorAgent, type FloorStatus } from '@sidecoach/shared';
import { ALL_TEAMS_ROOM, teamRoom, type HubContext } from '../lib/context.js';
import { openCallOf, recentCalls } from '../lib/call-records.js';
import { nameAndRoleOf, namedObserversOf, teamIdsOf } from './records.js';

/**
 * The supervisors' floor: each agent's status from their calls, their connection and their
 * phone ringing (both kept by the cluster node in the database, so every hub node shows the
 * same); pushed to the agent's teams whenever it changes.
 */
export class Floor {
  /** What was last sent per agent, so ticks and repeats do not spam the floor. */
  private readonly lastSent = new Map<string, string>();
  /** Updates under way (the last sockets' disconnects at a stop start some). */
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly ctx: HubContext) {}

  setRinging(agentId: string, ringing: boolean) {
    void this.ctx.cluster
      .setRinging(agentId, ringing)
      .then(() => this.publish(agentId))
      .catch((err: unknown) => this.ctx.log.error({ err, agentId }, 'ringing not recorded'));
  }

  async agent(agentId: string): Promise<FloorAgent | undefined> {
    const { db } = this.ctx;
    const user = await nameAndRoleOf(db, agentId);
    if (user?.role !== 'agent') return undefined;
    const open = await openCallOf(db, agentId);
    const recent = await recentCalls(db, agentId, 5);
    const { status, callId } = agentStatusOf([...(open ? [open] : []), ...recent]);
    const call = open ?? recent.find((c) => c.id === callId);
    const { cluster } = this.ctx;
    const [online, ringing] = await Promise.all([
      cluster.isOnline(agentId),
      cluster.isRinging(agentId),
    ]);
    let shown: FloorStatus = status;
    if (status !== 'on-call') {
      if (!online) shown = 'offline';
      else if (ringing) shown = 'ringing';
    }
    if (ringing && (status === 'on-call' || !online)) await cluster.setRinging(agentId, false);
    const observers = await namedObserversOf(db, agentId);
    const watching = await cluster.online(observers.map((o) => o.id));
    return {
      agentId,
      displayName: user.display_name,
      status: shown,
      callId: call?.id ?? null,
      callType: call?.callType ?? null,
      callStartedAt: call && shown === 'on-call' ? call.startedAt : null,
      observers: observers.filter((o) => watching.has(o.id)).map((o) => o.display_name),
    };
  }

  /** Sends the agent's floor entry to their teams' supervisors and leads, if it changed. */
  publish(agentId: string): Promise<void> {
    const update = this.send(agentId)
      .catch((err: unknown) => this.ctx.log.error({ err, agentId }, 'floor update failed'))
      .finally(() => this.inFlight.delete(update));
    this.inFlight.add(update);
    return update;
  }

  /** Resolves once the updates under way have finished (before the database closes). */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private async send(agentId: string): Promise<void> {
    const teams = await teamIdsOf(this.ctx.db, agentId);
    const rooms = [...teams.map(teamRoom), ALL_TEAMS_ROOM];
    const { rooms: open } = this.ctx.io.sockets.adapter;
    // Coaches on other nodes cannot be seen in this node's rooms: with several, always send.
    if (!this.ctx.cluster.shared && !rooms.some((room) => (open.get(room)?.size ?? 0) > 0)) {
      // Nobody is looking at this agent's floor: floor:list computes it fresh when they do.
      this.lastSent.delete(agentId);
      return;
    }
    const entry = await this.agent(agentId).catch((err: unknown) => {
      this.ctx.log.error({ err, agentId }, 'floor update failed');
      return undefined;
    });
    if (!entry) return;
    // Other nodes send entries too, so with several this node's last one may not be the last
    // the coaches saw: send every change then.
    const json = JSON.stringify(entry);
    if (!this.ctx.cluster.shared && this.lastSent.get(agentId) === json) return;
    this.lastSent.set(agentId, json);
    this.ctx.io.to(rooms).emit('floor:agent', entry);
  }
}
