import { randomUUID } from 'node:crypto';
import type { Logger } from './log.js';
import { nowIso, type Db } from '../store/db.js';
import { databaseTime } from '../store/dialect.js';

/** How often a node says it is alive, and how long after its last word it is taken as gone. */
export interface ClusterTiming {
  heartbeatMs: number;
  goneAfterMs: number;
}

export const DEFAULT_TIMING: ClusterTiming = { heartbeatMs: 2_000, goneAfterMs: 10_000 };

/**
 * This hub process among the others on the same database: its heartbeat (by the database's
 * clock, so nodes whose clocks differ agree on who is alive), who is connected to
 * it, and which agents' phones ring. Kept in the database, not in socket.io's rooms, so every
 * node's floor shows the same people online, and a node that dies (SIGKILL, power) stops
 * showing its users online on the others once it has been silent for `goneAfterMs`.
 *
 * On SQLite there is one process by definition: anything left by a previous run is cleared at
 * start (a crash cannot leave anyone shown online).
 */
export class ClusterNode {
  readonly nodeId = randomUUID();
  private timer: NodeJS.Timeout | undefined;
  private readonly presenceListeners: Array<(userIds: string[]) => void> = [];
  /** This node's sockets (socket id -> user id), to register again after a long outage. */
  private readonly local = new Map<string, string>();

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    /** Several hub processes may share the database (PostgreSQL). */
    readonly shared: boolean,
    private readonly timing: ClusterTiming = DEFAULT_TIMING,
  ) {}

  async start(): Promise<void> {
    const now = nowIso();
    const seen = databaseTime(this.db);
    if (!this.shared) {
      await this.db.deleteFrom('presence').execute();
      await this.db.deleteFrom('ringing').execute();
      await this.db.deleteFrom('hub_nodes').execute();
    }
    await this.db
      .insertInto('hub_nodes')
      .values({ node_id: this.nodeId, started_at: now, seen_at: seen })
      .execute();
    this.timer = setInterval(() => void this.beat(), this.timing.heartbeatMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    // A clean stop leaves nobody shown online on the others (no need to wait for the timeout).
    const users = await this.usersOf([this.nodeId]);
    await this.forget([this.nodeId]);
    if (users.length > 0) this.log.info({ users: users.length }, 'node stopped: presence cleared');
  }

  /** Told the users whose presence changed in bulk (a node found gone, or back after an outage). */
  onPresenceChanged(listener: (userIds: string[]) => void): void {
    this.presenceListeners.push(listener);
  }

  async connected(socketId: string, userId: string): Promise<void> {
    this.local.set(socketId, userId);
    await this.db
      .insertInto('presence')
      .values({
        socket_id: socketId,
        node_id: this.nodeId,
        user_id: userId,
        connected_at: nowIso(),
      })
      .onConflict((oc) => oc.column('socket_id').doNothing())
      .execute();
  }

  async disconnected(socketId: string): Promise<void> {
    this.local.delete(socketId);
    await this.db.deleteFrom('presence').where('socket_id', '=', socketId).execute();
  }

  /** Which of these users have a socket open on a live node. */
  async online(userIds: string[]): Promise<Set<string>> {
    if (userIds.length === 0) return new Set();
    const rows = await this.db
      .selectFrom('presence')
      .innerJoin('hub_nodes', 'hub_nodes.node_id', 'presence.node_id')
      .select('presence.user_id')
      .distinct()
      .where('presence.user_id', 'in', userIds)
      .where('hub_nodes.seen_at', '>=', this.liveSince())
      .execute();
    return new Set(rows.map((r) => r.user_id));
  }

  /**
   * The users with a socket open on a live node, as a subquery for `where … in (…)`: what other
   * tables' sweeps compare with (an observer without one for a while stops observing).
   */
  presentUsers() {
    return this.db
      .selectFrom('presence')
      .innerJoin('hub_nodes', 'hub_nodes.node_id', 'presence.node_id')
      .select('presence.user_id')
      .where('hub_nodes.seen_at', '>=', this.liveSince());
  }

  async isOnline(userId: string): Promise<boolean> {
    return (await this.online([userId])).has(userId);
  }

  async setRinging(userId: string, ringing: boolean): Promise<void> {
    if (!ringing) {
      await this.db.deleteFrom('ringing').where('user_id', '=', userId).execute();
      return;
    }
    await this.db
      .insertInto('ringing')
      .values({ user_id: userId, node_id: this.nodeId, since: nowIso() })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ node_id: this.nodeId }))
      .execute();
  }

  async isRinging(userId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('ringing')
      .innerJoin('hub_nodes', 'hub_nodes.node_id', 'ringing.node_id')
      .select('ringing.user_id')
      .where('ringing.user_id', '=', userId)
      .where('hub_nodes.seen_at', '>=', this.liveSince())
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The oldest heartbeat of a node still taken as alive, by the database's clock. */
  private liveSince() {
    return databaseTime(this.db, this.timing.goneAfterMs);
  }

  private async beat(): Promise<void> {
    try {
      const seen = await this.db
        .updateTable('hub_nodes')
        .set({ seen_at: databaseTime(this.db) })
        .where('node_id', '=', this.nodeId)
        .executeTakeFirst();
      // Silent for longer than the timeout (the database was away): the others took this node
      // for gone and cleared its rows. It is back: so are its users.
      if (Number(seen.numUpdatedRows) === 0) await this.rejoin();
      await this.dropStale();
      const gone = await this.db
        .selectFrom('hub_nodes')
        .select('node_id')
        .where('seen_at', '<', this.liveSince())
        .execute();
      if (gone.length === 0) return;
      const nodes = gone.map((g) => g.node_id);
      const users = await this.usersOf(nodes);
      await this.forget(nodes);
      this.log.warn({ nodes, users: users.length }, 'hub nodes gone: their users are offline');
      for (const listener of this.presenceListeners) listener(users);
    } catch (err) {
      // The database is away: the next beat tries again (nodes are only taken as gone by age).
      this.log.warn({ err }, 'cluster heartbeat failed');
    }
  }

  /** Rows of this node's sockets that have gone (a delete failed while the database was away). */
  private async dropStale(): Promise<void> {
    const rows = await this.db
      .selectFrom('presence')
      .select(['socket_id', 'user_id'])
      .where('node_id', '=', this.nodeId)
      .execute();
    const stale = rows.filter((r) => !this.local.has(r.socket_id));
    if (stale.length === 0) return;
    await this.db
      .deleteFrom('presence')
      .where(
        'socket_id',
        'in',
        stale.map((r) => r.socket_id),
      )
      .execute();
    for (const listener of this.presenceListeners)
      listener([...new Set(stale.map((r) => r.user_id))]);
  }

  private async rejoin(): Promise<void> {
    const now = nowIso();
    await this.db
      .insertInto('hub_nodes')
      .values({ node_id: this.nodeId, started_at: now, seen_at: databaseTime(this.db) })
      .onConflict((oc) => oc.column('node_id').doUpdateSet({ seen_at: databaseTime(this.db) }))
      .execute();
    const rows = [...this.local].map(([socket_id, user_id]) => ({
      socket_id,
      user_id,
      node_id: this.nodeId,
      connected_at: now,
    }));
    if (rows.length > 0)
      await this.db
        .insertInto('presence')
        .values(rows)
        .onConflict((oc) => oc.column('socket_id').doNothing())
        .execute();
    this.log.warn({ sockets: rows.length }, 'node back after an outage: presence registered again');
    for (const listener of this.presenceListeners) listener([...new Set(this.local.values())]);
  }

  private async usersOf(nodes: string[]): Promise<string[]> {
    const [present, ringing] = await Promise.all([
      this.db.selectFrom('presence').select('user_id').where('node_id', 'in', nodes).execute(),
      this.db.selectFrom('ringing').select('user_id').where('node_id', 'in', nodes).execute(),
    ]);
    return [...new Set([...present, ...ringing].map((r) => r.user_id))];
  }

  private async forget(nodes: string[]): Promise<void> {
    await this.db.deleteFrom('presence').where('node_id', 'in', nodes).execute();
    await this.db.deleteFrom('ringing').where('node_id', 'in', nodes).execute();
    await this.db.deleteFrom('hub_nodes').where('node_id', 'in', nodes).execute();
  }
}
