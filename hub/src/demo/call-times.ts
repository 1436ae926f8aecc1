import { addDays, localDate, wallInstant } from '@sidecoach/shared';
import type { Trx } from '../lib/jobs.js';
import type { Db } from '../store/db.js';

// When the demo's calls happened: in their team's business hours, not at the seed's time of day
// (a demo seeded around midnight would otherwise read as a floor that works only at night, and
// a mystery wave planned on it would ask for night calls only).

/** A floor's business hours as the demo places calls in them (local minutes from 00:00). */
export interface DemoHours {
  zone: string;
  /** Opening, in minutes after local midnight. */
  start: number;
  /** Closing, in minutes after local midnight; past 1440 when the shift runs past midnight. */
  end: number;
}

/** The hours of a team that has none set: 09:00 to 17:00 in its zone. */
export const DEFAULT_DEMO_HOURS = { start: 9 * 60, end: 17 * 60 } as const;

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
};

/** A team's hours from its row: work_start-work_end in its zone, else 09:00-17:00 there. */
export function demoHoursOf(team: {
  time_zone: string;
  work_start: string | null;
  work_end: string | null;
}): DemoHours {
  if (!team.work_start || !team.work_end) return { zone: team.time_zone, ...DEFAULT_DEMO_HOURS };
  const start = minutesOf(team.work_start);
  let end = minutesOf(team.work_end);
  if (end <= start) end += 1440;
  return { zone: team.time_zone, start, end };
}

/** The business hours of an agent's team (09:00-17:00 UTC for an agent in no team). */
export async function demoHoursOfAgent(db: Db | Trx, agentId: string): Promise<DemoHours> {
  const team = await db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.time_zone', 'teams.work_start', 'teams.work_end'])
    .where('team_members.user_id', '=', agentId)
    .orderBy('teams.id')
    .executeTakeFirst();
  return team ? demoHoursOf(team) : { zone: 'UTC', ...DEFAULT_DEMO_HOURS };
}

/** Golden-ratio steps: consecutive slots land far apart in the day, and every day differs. */
const GOLDEN = 0.6180339887498949;
const MINUTE_MS = 60_000;

/**
 * When a demo call of `minutes` started: on the local day `daysAgo` days before today in the
 * floor's zone, between its opening and its closing less the call's length, at a point of the
 * day that `slot` decides (slot n and n + 1 land hours apart), on a whole minute. The same
 * inputs give the same instant; a call that would not have ended by `now` (today, or a night
 * shift's small hours) is moved back a day at a time, so no call is in the future.
 */
export function demoCallStart(
  hours: DemoHours,
  daysAgo: number,
  slot: number,
  now: number,
  minutes: number,
): number {
  const span = Math.max(0, hours.end - hours.start - minutes);
  const offset = hours.start + Math.floor((((slot + 1) * GOLDEN) % 1) * span);
  const today = localDate(new Date(now), hours.zone);
  // A week back at most: a day is 23 to 25 hours, so one or two steps always suffice.
  for (let back = Math.max(0, daysAgo); back <= Math.max(0, daysAgo) + 7; back++) {
    const start = wallInstant(addDays(today, -back), offset, hours.zone);
    if (start + minutes * MINUTE_MS <= now) return start;
  }
  return now - minutes * MINUTE_MS;
}
