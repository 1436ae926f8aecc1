import type { HubContext } from '../lib/context.js';
import { rightsChanged } from '../lib/rights.js';
import { repeat } from '../lib/repeat.js';
import { nowIso } from '../store/db.js';
import { applyDueMove, dueMoves } from './records.js';

/** Moves taken per sweep (the rest in the next one). */
const SWEEP_BATCH = 200;

/**
 * Applies future-dated team moves when their day starts: every `intervalMs` on each hub node.
 * Idempotent across nodes (records.ts `applyDueMove` claims a move in its own transaction).
 * One sweep at a time; `stop` ends the timer and waits for a sweep under way.
 */
export function startMoveSweep(ctx: HubContext, intervalMs: number) {
  async function sweep(): Promise<number> {
    const due = await dueMoves(ctx.db, nowIso(), SWEEP_BATCH);
    let applied = 0;
    for (const move of due) {
      const affected = await ctx.db.transaction().execute((trx) => applyDueMove(trx, move));
      if (!affected) continue; // another node took it
      applied++;
      ctx.log.info(
        { moveId: move.id, agentId: move.agent_id, teamId: move.to_team_id },
        'team move took effect',
      );
      await rightsChanged(ctx, affected);
    }
    return applied;
  }

  const { stop } = repeat(intervalMs, sweep, (err) =>
    ctx.log.warn({ err }, 'team move sweep failed; retried'),
  );
  return {
    /** One sweep now (at start: moves due while the hub was down). */
    sweep,
    stop,
  };
}
