import { agentStatusOf, type FloorAgent, type FloorStatus } from '@sidecoach/shared';
import { ALL_TEAMS_ROOM, teamRoom, userRoom, type HubContext } from '../lib/context.js';
import { openCallOf, recentCalls } from '../lib/call-records.js';
import { nameAndRoleOf, namedObserversOf, teamIdsOf } from './records.js';

/**
 * The supervisors' floor: each agent's status from their calls, their connection and their
 * phone ringing; pushed to the agent's teams whenever it changes.
 */
export class Floor {
  /** Agents whose phone rings now (from their sidebar or the PBX); in memory, re-sent on reconnect. */
  private readonly ringing = new Set<string>();
  /** What was last sent per agent, so ticks and repeats do not spam the floor. */
  private readonly lastSent = new Map<string, string>();

  constructor(private readonly ctx: HubContext) {}

  connected(userId: string): boolean {
    return (this.ctx.io.sockets.adapter.rooms.get(userRoom(userId))?.size ?? 0) > 0;
  }

  setRinging(agentId: string, ringing: boolean) {
    if (ringing) this.ringing.add(agentId);
    else this.ringing.delete(agentId);
    void this.publish(agentId);
  }

  async agent(agentId: string): Promise<FloorAgent | undefined> {
    const { db } = this.ctx;
    const user = await nameAndRoleOf(db, agentId);
    if (user?.role !== 'agent') return undefined;
    const open = await openCallOf(db, agentId);
    const recent = await recentCalls(db, agentId, 5);
    const { status, callId } = agentStatusOf([...(open ? [open] : []), ...recent]);
    const call = open ?? recent.find((c) => c.id === callId);
    const online = this.connected(agentId);
    let shown: FloorStatus = status;
    if (status !== 'on-call') {
      if (!online) shown = 'offline';
      else if (this.ringing.has(agentId)) shown = 'ringing';
    }
    if (status === 'on-call' || !online) this.ringing.delete(agentId);
    const observers = await namedObserversOf(db, agentId);
    return {
      agentId,
      displayName: user.display_name,
      status: shown,
      callId: call?.id ?? null,
      callType: call?.callType ?? null,
      callStartedAt: call && shown === 'on-call' ? call.startedAt : null,
      observers: observers.filter((o) => this.connected(o.id)).map((o) => o.display_name),
    };
  }

  /** Sends the agent's floor entry to their teams' supervisors and leads, if it changed. */
  async publish(agentId: string): Promise<void> {
    const teams = await teamIdsOf(this.ctx.db, agentId);
    const rooms = [...teams.map(teamRoom), ALL_TEAMS_ROOM];
    const { rooms: open } = this.ctx.io.sockets.adapter;
    if (!rooms.some((room) => (open.get(room)?.size ?? 0) > 0)) {
      // Nobody is looking at this agent's floor: floor:list computes it fresh when they do.
      this.lastSent.delete(agentId);
      return;
    }
    const entry = await this.agent(agentId).catch((err: unknown) => {
      this.ctx.log.error({ err, agentId }, 'floor update failed');
      return undefined;
    });
    if (!entry) return;
    const json = JSON.stringify(entry);
    if (this.lastSent.get(agentId) === json) return;
    this.lastSent.set(agentId, json);
    this.ctx.io.to(rooms).emit('floor:agent', entry);
  }
}
