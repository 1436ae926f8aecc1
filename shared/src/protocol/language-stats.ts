import { z } from 'zod';

// How each coach words their notes, week by week (the leads' "Coaching language" view).

export const LanguageStatsRequestSchema = z.strictObject({
  weeks: z.number().int().min(1).max(52).default(12),
});
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
