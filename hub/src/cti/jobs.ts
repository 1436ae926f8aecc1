import type { Logger } from '../lib/log.js';
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
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const sweep = () =>
    sweepEventKeys(db)
      .then((swept) => {
        if (swept > 0) log.debug({ swept }, 'expired CTI event keys swept');
      })
      .catch((err: unknown) => log.warn({ err }, 'CTI event key sweep failed; retried'));
  let running = sweep();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  void running.finally(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
