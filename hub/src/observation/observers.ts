import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';

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
      .values({ observer_id: observerId, agent_id: agentId, joined_at: nowIso() })
      .onConflict((oc) => oc.columns(['observer_id', 'agent_id']).doNothing())
      .execute();
    if (!this.shared) (await this.of(agentId)).add(observerId);
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
