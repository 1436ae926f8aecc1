import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { Trx } from '../lib/jobs.js';

/**
 * Who observes whom: stored (it survives restarts, so notes keep reaching every observer) and
 * kept in memory per agent, read once and then changed only by join and leave, because this
 * process is the only one that writes it. Every note asks it for its recipients.
 */
export class Observers {
  private readonly byAgent = new Map<string, Promise<Set<string>>>();

  constructor(private readonly db: Db) {}

  /** Inside an inbox job pass its transaction: the database has one connection, which it holds. */
  of(agentId: string, db: Db | Trx = this.db): Promise<Set<string>> {
    let observers = this.byAgent.get(agentId);
    if (!observers) {
      observers = db
        .selectFrom('observation_sessions')
        .select('observer_id')
        .where('agent_id', '=', agentId)
        .execute()
        .then((rows) => new Set(rows.map((r) => r.observer_id)));
      this.byAgent.set(agentId, observers);
      observers.catch(() => this.byAgent.delete(agentId));
    }
    return observers;
  }

  async join(observerId: string, agentId: string): Promise<void> {
    await this.db
      .insertInto('observation_sessions')
      .values({ observer_id: observerId, agent_id: agentId, joined_at: nowIso() })
      .onConflict((oc) => oc.columns(['observer_id', 'agent_id']).doNothing())
      .execute();
    (await this.of(agentId)).add(observerId);
  }

  async leave(observerId: string, agentId: string): Promise<void> {
    await this.db
      .deleteFrom('observation_sessions')
      .where('observer_id', '=', observerId)
      .where('agent_id', '=', agentId)
      .execute();
    (await this.of(agentId)).delete(observerId);
  }
}
