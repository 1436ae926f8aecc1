import { describe, expect, it } from 'vitest';
import { localDate } from '@sidecoach/shared';
import { demoCallStart, demoHoursOf } from './call-times.js';

const local = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(ms));
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

describe('demo call times', () => {
  // Seeded a minute after midnight in Rīga: the old demo put every call at 00:01.
  const now = Date.parse('2025-03-12T22:01:00Z');

  it('puts a team without hours between 09:00 and 17:00 in its zone, spread over the day', () => {
    const hours = demoHoursOf({ time_zone: 'Europe/Riga', work_start: null, work_end: null });
    const starts = Array.from({ length: 16 }, (_, n) => demoCallStart(hours, n + 1, n, now, 4));
    for (const [n, s] of starts.entries()) {
      const at = minutesOf(local(s, 'Europe/Riga'));
      expect(at).toBeGreaterThanOrEqual(9 * 60);
      expect(at + 4).toBeLessThanOrEqual(17 * 60);
      // On the local day n + 1 days before the seed's.
      expect(localDate(new Date(s), 'Europe/Riga')).toBe(
        new Date(Date.parse('2025-03-13T12:00:00Z') - (n + 1) * 86_400_000)
          .toISOString()
          .slice(0, 10),
      );
    }
    // Spread: morning and afternoon both, and no two calls at the same minute of the day.
    const times = starts.map((s) => local(s, 'Europe/Riga'));
    expect(times.some((x) => x < '12:00')).toBe(true);
    expect(times.some((x) => x >= '12:00')).toBe(true);
    expect(new Set(times).size).toBe(times.length);
  });

  it('is the same instant for the same inputs, and never in the future', () => {
    const hours = demoHoursOf({ time_zone: 'UTC', work_start: null, work_end: null });
    expect(demoCallStart(hours, 3, 5, now, 6)).toBe(demoCallStart(hours, 3, 5, now, 6));
    // Today's call at 09:00-17:00 when it is 08:00: yesterday's hours, not the future.
    const early = Date.parse('2025-03-12T08:00:00Z');
    const today = demoCallStart(hours, 0, 2, early, 6);
    expect(today + 6 * 60_000).toBeLessThanOrEqual(early);
    expect(localDate(new Date(today), 'UTC')).toBe('2025-03-11');
  });

  it("reads a shift's own hours, past midnight too", () => {
    const night = demoHoursOf({ time_zone: 'Asia/Taipei', work_start: '22:00', work_end: '06:00' });
    expect(night).toEqual({ zone: 'Asia/Taipei', start: 22 * 60, end: 30 * 60 });
    for (let n = 0; n < 10; n++) {
      const at = minutesOf(local(demoCallStart(night, 2, n, now, 5), 'Asia/Taipei'));
      expect(at >= 22 * 60 || at + 5 <= 6 * 60).toBe(true);
    }
  });
});
