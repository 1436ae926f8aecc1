// Teams, shifts and moves between them: the date rules, with no I/O. Times are IANA time zones
// read through Intl (the platform's time-zone database), never fixed offsets.

export const LOCAL_DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const WORK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether Intl knows the zone (an IANA name such as Europe/Riga or Asia/Shanghai). */
export function isTimeZone(zone: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone) && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, instant: Date) {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The calendar date (YYYY-MM-DD) the instant falls on in the zone. */
export function localDate(instant: Date, zone: string): string {
  const p = partsIn(zone, instant);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The zone's offset from UTC at the instant, in milliseconds (east positive). */
function offsetMs(instant: Date, zone: string): number {
  const p = partsIn(zone, instant);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/** Whether a YYYY-MM-DD text names a real calendar day. */
export function isCalendarDate(date: string): boolean {
  if (!LOCAL_DATE_PATTERN.test(date)) return false;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d));
  return utc.getUTCMonth() === m - 1 && utc.getUTCDate() === d;
}

/**
 * The first instant of the calendar date in the zone (midnight, or the first minute after it
 * when a clock change skips midnight).
 */
export function startOfLocalDate(date: string, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(y, m - 1, d);
  // Two passes: the offset at the guess may differ from the offset at the answer.
  let guess = midnightUtc - offsetMs(new Date(midnightUtc), zone);
  guess = midnightUtc - offsetMs(new Date(guess), zone);
  // Midnight did not exist there (skipped forward): the day starts at the first instant on it.
  while (localDate(new Date(guess), zone) < date) guess += 60_000;
  while (localDate(new Date(guess - 60_000), zone) === date) guess -= 60_000;
  return new Date(guess);
}

export type MoveDateCheck =
  { ok: true; effectiveAt: Date; today: boolean } | { ok: false; reason: string };

/** A move's date: today or later in the destination team's zone, never backdated. */
export function checkMoveDate(date: string, zone: string, now = new Date()): MoveDateCheck {
  if (!isCalendarDate(date)) return { ok: false, reason: `${date} is not a calendar date` };
  const today = localDate(now, zone);
  if (date < today)
    return {
      ok: false,
      reason: `a move cannot be backdated: ${date} is before today (${today} in ${zone})`,
    };
  return { ok: true, effectiveAt: startOfLocalDate(date, zone), today: date === today };
}

/**
 * Who may be in how many teams: an agent in one team at a time (none while unassigned), so the
 * floor, the coaches and the figures all agree whose agent they are; supervisors, leads and
 * admins in any number (a supervisor covering two shifts).
 */
export function teamLimitOf(role: string): number {
  return role === 'agent' ? 1 : Number.POSITIVE_INFINITY;
}

/** Roles that may hold the evaluator and arbitrator permissions. */
export const PERMISSION_ROLES = ['supervisor', 'lead', 'admin'] as const;
export const mayHoldPermissions = (role: string) =>
  (PERMISSION_ROLES as readonly string[]).includes(role);
