import type { Logger } from '../lib/log.js';
import { repeat } from '../lib/repeat.js';
import type { Db } from '../store/db.js';
import { sweepEventKeys } from './records.js';

/** How often each node forgets expired event keys (any node's sweep serves all). */
export const EVENT_KEY_SWEEP_MS = 60_000;

/**
 * Keeps `cti_event_keys` bounded: a sweep at start (keys left by a stopped hub), then one every
 * `intervalMs`. Deleting is idempotent, so nodes sweeping at once need no claim. One sweep at a
 * time; `stop` ends the timer and waits for a sweep under way.
 */
export function startEventKeySweep(db: Db, log: Logger, intervalMs = EVENT_KEY_SWEEP_MS) {
  const { stop } = repeat(
    intervalMs,
    async () => {
      const swept = await sweepEventKeys(db);
      if (swept > 0) log.debug({ swept }, 'expired CTI event keys swept');
    },
    (err) => log.warn({ err }, 'CTI event key sweep failed; retried'),
    { atStart: true },
  );
  return { stop };
}
