import { z } from 'zod';
import { CallRecordSchema } from './calls.js';
import { IsoTimeSchema, withPeriod } from './common.js';
import { CoachingNoteRecordSchema, ObservationRecordSchema } from './observation.js';

// An agent's history as their coach reads it: past calls with their checklist ticks and
// self-assessments, the observations and coaching notes on them, over a period.

/** The most calls one answer carries (newest first); the view says when there are more. */
export const HISTORY_CALLS_MAX = 200;

export const AgentHistoryRequestSchema = withPeriod(
  {
    agentId: z.string().min(1).max(64),
    days: z.number().int().min(1).max(365).default(30),
    /** One call type only. */
    callType: z.string().min(1).max(64).optional(),
  },
  365,
);
export type AgentHistoryRequest = z.input<typeof AgentHistoryRequestSchema>;

export const AgentHistorySchema = z.object({
  agent: z.object({ id: z.string(), displayName: z.string() }),
  from: IsoTimeSchema,
  to: IsoTimeSchema,
  /** Newest first, at most HISTORY_CALLS_MAX. */
  calls: z.array(CallRecordSchema),
  /** More calls matched than were sent. */
  truncated: z.boolean(),
  /** Observations in the period (on these calls, or between calls), oldest first. */
  observations: z.array(ObservationRecordSchema),
  coachingNotes: z.array(CoachingNoteRecordSchema),
});
export type AgentHistory = z.infer<typeof AgentHistorySchema>;
