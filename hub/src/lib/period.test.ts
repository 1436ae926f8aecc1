import { describe, expect, it } from 'vitest';
import { periodRange } from './period.js';

describe('the period of a request', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('is the last `days` up to now', () => {
    expect(periodRange({ days: 7 }, now)).toEqual({
      from: '2026-11-24T12:00:00.000Z',
      to: '2026-12-01T12:00:00.000Z',
    });
  });

  it('is whole days of the hub’s calendar for a custom range, never past now', () => {
    const range = periodRange({ days: 30, from: '2026-11-02', to: '2026-11-08' }, now);
    expect(new Date(range.from).getTime()).toBe(new Date('2026-11-02T00:00:00').getTime());
    expect(new Date(range.to).getTime()).toBe(new Date('2026-11-09T00:00:00').getTime());
    expect(periodRange({ days: 30, from: '2026-11-20', to: '2026-12-01' }, now).to).toBe(
      now.toISOString(),
    );
  });
});
