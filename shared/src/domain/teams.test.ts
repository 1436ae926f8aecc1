import { describe, expect, it } from 'vitest';
import { checkMoveDate, isCalendarDate, isTimeZone, localDate, startOfLocalDate } from './teams.js';

describe('team dates', () => {
  it('knows IANA zones and refuses the rest', () => {
    expect(isTimeZone('Europe/Riga')).toBe(true);
    expect(isTimeZone('Asia/Shanghai')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('+02:00')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('reads the local date of an instant', () => {
    const instant = new Date('2026-03-01T22:30:00Z');
    expect(localDate(instant, 'UTC')).toBe('2026-03-01');
    expect(localDate(instant, 'Europe/Riga')).toBe('2026-03-02'); // UTC+2 in winter
    expect(localDate(instant, 'America/New_York')).toBe('2026-03-01');
  });

  it('finds when a local day starts, across clock changes', () => {
    expect(startOfLocalDate('2026-01-15', 'Europe/Riga').toISOString()).toBe(
      '2026-01-14T22:00:00.000Z',
    );
    expect(startOfLocalDate('2026-07-15', 'Europe/Riga').toISOString()).toBe(
      '2026-07-14T21:00:00.000Z',
    );
    expect(startOfLocalDate('2026-05-01', 'Asia/Shanghai').toISOString()).toBe(
      '2026-04-30T16:00:00.000Z',
    );
    // Santiago skips from 00:00 to 01:00 when summer time starts (2026-09-06).
    const skipped = startOfLocalDate('2026-09-06', 'America/Santiago');
    expect(localDate(skipped, 'America/Santiago')).toBe('2026-09-06');
    expect(localDate(new Date(skipped.getTime() - 1000), 'America/Santiago')).toBe('2026-09-05');
  });

  it('takes today and later, never a backdated move', () => {
    const now = new Date('2026-03-01T22:30:00Z'); // already 2 March in Riga
    expect(checkMoveDate('2026-03-02', 'Europe/Riga', now)).toMatchObject({
      ok: true,
      today: true,
    });
    expect(checkMoveDate('2026-03-05', 'Europe/Riga', now)).toMatchObject({
      ok: true,
      today: false,
    });
    const back = checkMoveDate('2026-03-01', 'Europe/Riga', now);
    expect(back).toEqual({
      ok: false,
      reason: 'a move cannot be backdated: 2026-03-01 is before today (2026-03-02 in Europe/Riga)',
    });
    expect(checkMoveDate('2026-02-30', 'UTC', now).ok).toBe(false);
    expect(isCalendarDate('2028-02-29')).toBe(true);
  });
});
