import { z } from 'zod';
import { withPeriod } from './common.js';

// How each coach words their notes, week by week (the leads' "Coaching language" view).

/** The longest period the view reads: a year of weeks. */
export const LANGUAGE_STATS_DAYS_MAX = 364;
/** The last `days` (90 by default), or a range of days; weeks are Monday to Sunday (UTC). */
export const LanguageStatsRequestSchema = withPeriod(
  { days: z.number().int().min(1).max(LANGUAGE_STATS_DAYS_MAX).default(90) },
  LANGUAGE_STATS_DAYS_MAX,
);
export const LanguageStatsSchema = z.object({
  /** Monday of each week (UTC, YYYY-MM-DD), oldest first. */
  weeks: z.array(z.string()),
  coaches: z.array(
    z.object({
      coachId: z.string(),
      displayName: z.string(),
      /** Notes written per week (observations with text and coaching notes). */
      notes: z.array(z.number().int()),
      /** Findings per week for each language pattern (see the analyzer's categories). */
      counts: z.record(z.string(), z.array(z.number().int())),
    }),
  ),
});
/** How each coach words their notes, week by week: so the coaches can be coached. */
export type LanguageStats = z.infer<typeof LanguageStatsSchema>;
