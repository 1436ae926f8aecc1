// The period a request asks about: the last `days` up to now, or a custom range of calendar
// days of the hub's time zone (the hub runs in the site's), `to` included and never past now.

const DAY_MS = 86_400_000;

export interface PeriodRequest {
  days: number;
  from?: string | undefined;
  to?: string | undefined;
}

/** The instants a period starts and ends, ISO 8601 UTC. */
export function periodRange(period: PeriodRequest, now = new Date()): { from: string; to: string } {
  if (period.from !== undefined && period.to !== undefined) {
    // A date-time without an offset is local time: the hub's midnight.
    const start = new Date(`${period.from}T00:00:00`);
    const end = new Date(`${period.to}T00:00:00`);
    end.setDate(end.getDate() + 1);
    return {
      from: start.toISOString(),
      to: new Date(Math.min(end.getTime(), now.getTime())).toISOString(),
    };
  }
  return {
    from: new Date(now.getTime() - period.days * DAY_MS).toISOString(),
    to: now.toISOString(),
  };
}
