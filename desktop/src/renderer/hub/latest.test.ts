import { describe, expect, it } from 'vitest';
import { latest } from './latest.js';

describe('latest()', () => {
  it('applies only the newest request’s answer', () => {
    const guard = latest();
    const first = guard.next();
    const second = guard.next();
    expect(first()).toBe(false);
    expect(second()).toBe(true);
  });

  it('voids every request out on cancel', () => {
    const guard = latest();
    const pending = guard.next();
    guard.cancel();
    expect(pending()).toBe(false);
    expect(guard.next()()).toBe(true);
  });
});
