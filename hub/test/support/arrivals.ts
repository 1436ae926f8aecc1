// Waiting for what arrives from outside the test (inbox messages, emails): the condition is
// checked at every arrival, and the wait is bounded, instead of a timer polling it.

/** A stream of arrivals that tests wait on; its owner calls `arrived()` after each one. */
export class Arrivals {
  private readonly waiting = new Set<() => void>();

  /** Something arrived: check every waiting condition again. */
  arrived(): void {
    for (const check of [...this.waiting]) check();
  }

  /** Resolves with what `find` returns once it is neither undefined nor false, bounded. */
  until<T>(what: string, find: () => T | false | undefined, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(check);
      };
      const check = () => {
        let found: T | false | undefined;
        try {
          found = find();
        } catch (err) {
          done();
          reject(err instanceof Error ? err : new Error(String(err)));
          return;
        }
        if (found === undefined || found === false) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiting.add(check);
      check();
    });
  }
}
