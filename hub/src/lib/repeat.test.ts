import { describe, expect, it, vi } from 'vitest';
import { repeat } from './repeat.js';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
};

describe('repeat', () => {
  it('runs once at start when asked, then every interval, one run at a time', async () => {
    let runs = 0;
    let overlapping = false;
    let busy = false;
    const job = repeat(
      10,
      async () => {
        if (busy) overlapping = true;
        busy = true;
        runs++;
        await new Promise((r) => setTimeout(r, 15));
        busy = false;
      },
      () => undefined,
      { atStart: true },
    );
    expect(runs).toBe(1);
    await until(() => runs >= 3);
    await job.stop();
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(overlapping).toBe(false);
  });

  it('hands a failure over and tries again at the next interval', async () => {
    const failures: unknown[] = [];
    let runs = 0;
    const job = repeat(
      5,
      () => {
        runs++;
        return runs === 1 ? Promise.reject(new Error('database away')) : Promise.resolve();
      },
      (err) => failures.push(err),
    );
    await until(() => runs >= 2);
    await job.stop();
    expect(failures).toEqual([new Error('database away')]);
  });

  it('waits in stop for the run under way, says it is stopped, and runs no more', async () => {
    vi.useFakeTimers();
    try {
      let runs = 0;
      let finished = false;
      const job = repeat(
        10,
        async () => {
          runs++;
          await new Promise((r) => setTimeout(r, 30));
          finished = true;
        },
        () => undefined,
        { atStart: true },
      );
      expect(job.stopped).toBe(false);
      const stopping = job.stop();
      expect(job.stopped).toBe(true);
      await vi.advanceTimersByTimeAsync(30);
      await stopping;
      expect(finished).toBe(true);
      // Time goes on well past many intervals: no timer is left to start another run.
      await vi.advanceTimersByTimeAsync(1_000);
      expect(runs).toBe(1);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
