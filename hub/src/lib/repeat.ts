/** A periodic job as `repeat` runs it. */
export interface Repeating {
  /** Set once `stop` was called: a long run may end early. */
  readonly stopped: boolean;
  /** Ends the timer and waits for a run under way. */
  stop: () => Promise<void>;
}

/**
 * Runs `work` every `intervalMs`, one run at a time (the next is timed from the end of the last),
 * until stopped; with `atStart`, once at once too. A failed run goes to `failed` and the next
 * interval tries again. The timer never keeps the process alive. For the hub's sweeps.
 */
export function repeat(
  intervalMs: number,
  work: () => Promise<unknown>,
  failed: (err: unknown) => void,
  { atStart = false }: { atStart?: boolean } = {},
): Repeating {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = () => work().then(() => undefined, failed);
  let running: Promise<void> = atStart ? run() : Promise.resolve();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(schedule);
    }, intervalMs);
    timer.unref();
  };
  void running.finally(schedule);
  return {
    get stopped() {
      return stopped;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
