import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';
import type { ClusterNode } from '../lib/cluster.js';
import { databaseTime } from '../store/dialect.js';

/**
 * Who observes whom: stored (it survives restarts, so notes keep reaching every observer).
 * Every note asks it for its recipients. On one hub process it is kept in memory per agent,
 * read once and then changed only by join and leave; with several nodes on one database
 * (`shared`) another node's join must count at once, so it is read from the database each time.
 */
export class Observers {
  private readonly byAgent = new Map<string, Promise<Set<string>>>();

  constructor(
    private readonly db: Db,
    private readonly shared: boolean,
  ) {}

  /** Inside an inbox job pass its transaction: SQLite has one connection, which it holds. */
  of(agentId: string, db: Db | Trx = this.db): Promise<Set<string>> {
    if (this.shared) return this.read(agentId, db);
    let observers = this.byAgent.get(agentId);
    if (!observers) {
      observers = this.read(agentId, db);
      this.byAgent.set(agentId, observers);
      observers.catch(() => this.byAgent.delete(agentId));
    }
    return observers;
  }

  private read(agentId: string, db: Db | Trx): Promise<Set<string>> {
    return db
      .selectFrom('observation_sessions')
      .select('observer_id')
      .where('agent_id', '=', agentId)
      .execute()
      .then((rows) => new Set(rows.map((r) => r.observer_id)));
  }

  /** Who observes whom among rows naming these users (as observer or as agent). */
  async involving(userIds: readonly string[]): Promise<{ observerId: string; agentId: string }[]> {
    if (userIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('observation_sessions')
      .select(['observer_id', 'agent_id'])
      .where((eb) => eb.or([eb('observer_id', 'in', userIds), eb('agent_id', 'in', userIds)]))
      .execute();
    return rows.map((r) => ({ observerId: r.observer_id, agentId: r.agent_id }));
  }

  /** Drops what is kept in memory for these agents: read from the database next time. */
  forget(agentIds: readonly string[]): void {
    for (const id of agentIds) this.byAgent.delete(id);
  }

  async join(observerId: string, agentId: string): Promise<void> {
    await this.db
      .insertInto('observation_sessions')
      .values({ observer_id: observerId, agent_id: agentId, joined_at: nowIso(), away_since: null })
      // Joined again (a reconnect): here now, whatever a sweep found a moment ago.
      .onConflict((oc) => oc.columns(['observer_id', 'agent_id']).doUpdateSet({ away_since: null }))
      .execute();
    if (!this.shared) (await this.of(agentId)).add(observerId);
  }

  /**
   * Ends the observations of observers who have had no socket on a live node (`present`, the
   * cluster's subquery) for `graceMs`, by the database's clock, and answers them. Each call
   * marks the observers it finds away (from now) and back; any node may run it at any time:
   * each ended observation is answered to one caller only.
   */
  async endAway(
    present: ReturnType<ClusterNode['presentUsers']>,
    graceMs: number,
  ): Promise<{ observerId: string; agentId: string }[]> {
    await this.db
      .updateTable('observation_sessions')
      .set({ away_since: null })
      .where('away_since', 'is not', null)
      .where('observer_id', 'in', present)
      .execute();
    await this.db
      .updateTable('observation_sessions')
      .set({ away_since: databaseTime(this.db) })
      .where('away_since', 'is', null)
      .where('observer_id', 'not in', present)
      .execute();
    const ended = await this.db
      .deleteFrom('observation_sessions')
      .where('away_since', '<', databaseTime(this.db, graceMs))
      .where('observer_id', 'not in', present)
      .returning(['observer_id', 'agent_id'])
      .execute();
    const pairs = ended.map((r) => ({ observerId: r.observer_id, agentId: r.agent_id }));
    this.forget(pairs.map((p) => p.agentId));
    return pairs;
  }

  async leave(observerId: string, agentId: string): Promise<void> {
    await this.db
      .deleteFrom('observation_sessions')
      .where('observer_id', '=', observerId)
      .where('agent_id', '=', agentId)
      .execute();
    if (!this.shared) (await this.of(agentId)).delete(observerId);
  }
}
