import { z } from 'zod';

// What every topic's schemas are built from.

/** Client-generated record ids (UUID v7 recommended): the idempotency key of every write. */
export const RecordIdSchema = z.uuid();
export const IsoTimeSchema = z.iso.datetime({ offset: true });

/** The payload of an event that takes none. */
export const EmptySchema = z.strictObject({});

/** A calendar day, YYYY-MM-DD (a day of the hub's calendar: it runs in the site's time zone). */
export const DaySchema = z.iso.date();

/** The periods every screen offers: the last 7, 30 or 90 days, or a custom range of days. */
export const PERIOD_DAYS = [7, 30, 90] as const;

/**
 * A custom period in a request that also takes `days`: `from` and `to` (both included)
 * instead of the last `days`, together or not at all, in order, at most `maxDays` long.
 */
export function withPeriod<T extends z.ZodRawShape>(shape: T, maxDays: number) {
  return z
    .strictObject({ ...shape, from: DaySchema.optional(), to: DaySchema.optional() })
    .superRefine((v, ctx) => {
      const { from, to } = v as { from?: string; to?: string };
      if ((from === undefined) !== (to === undefined))
        return ctx.addIssue({ code: 'custom', path: ['to'], message: 'give from and to together' });
      if (from === undefined || to === undefined) return;
      if (from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to is before from' });
      else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1 > maxDays)
        ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${maxDays} days` });
    });
}
