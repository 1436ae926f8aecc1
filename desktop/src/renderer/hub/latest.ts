/**
 * Guards a view against answers that arrive out of order: each request takes a ticket, and only
 * the newest ticket's answer may be applied. `cancel()` voids every ticket out (sign-out, reset).
 */
export interface Latest {
  /** A new request: returns the check to make when its answer arrives. */
  next(): () => boolean;
  cancel(): void;
}

export function latest(): Latest {
  let current = 0;
  return {
    next() {
      const mine = ++current;
      return () => mine === current;
    },
    cancel() {
      current++;
    },
  };
}
