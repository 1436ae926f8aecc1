import { z } from 'zod';
import { IsoTimeSchema, RecordIdSchema } from './common.js';

// Recognition that rewards the standards met. Badges are earned from the records (every call in
// a week with a critical step done, a month of evaluations with no critical fail, a streak of
// satisfied customers) and awarded once: the award's key is the agent, the badge and the period
// (or the streak's first answer), so replayed events award nothing twice. Shout-outs are given
// by a lead or a peer and name a standard and the behaviour seen (checked by the
// constructive-language coach: no "Good job!" without the what). Both reach the agent through
// the inbox (kind 'recognition') and never take focus. The team wall shows the team's; the lead
// gets a monthly summary. Leaderboards are a team setting (KpiSettings.leaderboard), off by
// default and never shown to teams that coach on behaviours, not scores.

const IdSchema = z.string().min(1).max(64);

export const BADGE_KINDS = [
  /** Every call of an ISO week (at least 5) with a given critical step done (`itemId`). */
  'standard-week',
  /** A calendar month with at least 3 released evaluations and none with a critical fail. */
  'no-critical-month',
  /** 10 survey answers in a row of 4 or 5. */
  'csat-streak',
  /** Every call of an ISO week (at least 5) self-assessed. */
  'reflective-week',
] as const;
export const BadgeKindSchema = z.enum(BADGE_KINDS);
export type BadgeKind = z.infer<typeof BadgeKindSchema>;

export const BadgeSchema = z.object({
  id: z.string(),
  agentId: IdSchema,
  agentName: z.string(),
  teamId: IdSchema.nullable(),
  kind: BadgeKindSchema,
  /** standard-week: the standards pack item (e.g. proc-verify-identity). */
  itemId: z.string().nullable(),
  /** What the badge is for: the week's Monday, the month's first day, or the streak's first day. */
  period: z.string(),
  /** The evidence as counted: calls, evaluations or answers. */
  count: z.number().int(),
  awardedAt: IsoTimeSchema,
});
export type Badge = z.infer<typeof BadgeSchema>;

export const ShoutoutSaveSchema = z.strictObject({
  /** Client-generated: the idempotency key (a retry gives the same shout-out). */
  id: RecordIdSchema,
  agentId: IdSchema,
  /** The standard recognised: an item of the active standards pack. */
  itemId: z.string().min(1).max(64),
  /** The behaviour seen, in the giver's words (at least a sentence: checked by the coach). */
  behaviour: z.string().trim().min(12).max(1000),
  /** BCP 47 language of the text, for the coach's check. */
  lang: z.string().min(2).max(35),
  /** The call it was seen on, when there was one. */
  callId: z.string().max(64).optional(),
  /** Team: on the team wall; private: only to the agent (and their leads). */
  visibility: z.enum(['team', 'private']).default('team'),
});
export type ShoutoutSave = z.infer<typeof ShoutoutSaveSchema>;

export const ShoutoutSchema = z.object({
  id: z.string(),
  agentId: IdSchema,
  agentName: z.string(),
  fromId: IdSchema,
  fromName: z.string(),
  /** lead: from one of the agent's leads or a supervisor; peer: from a teammate. */
  fromRole: z.enum(['lead', 'peer']),
  teamId: IdSchema.nullable(),
  itemId: z.string(),
  behaviour: z.string(),
  lang: z.string(),
  callId: z.string().nullable(),
  visibility: z.enum(['team', 'private']),
  at: IsoTimeSchema,
});
export type Shoutout = z.infer<typeof ShoutoutSchema>;

/** recognition:wall: a team's badges and shout-outs, newest first. */
export const RecognitionWallRequestSchema = z.strictObject({
  teamId: IdSchema,
  before: IsoTimeSchema.optional(),
  limit: z.number().int().min(1).max(100).default(30),
});
export const RecognitionWallSchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  /**
   * The team's agents (active accounts, by name): whom the shout-out composer offers (a peer
   * picks a teammate, the viewer left out by the client; a lead an agent of the team). Agents
   * have no other way to know their teammates.
   */
  members: z.array(z.object({ agentId: IdSchema, agentName: z.string() })),
  entries: z.array(
    z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('badge'), badge: BadgeSchema }),
      z.object({ kind: z.literal('shoutout'), shoutout: ShoutoutSchema }),
    ]),
  ),
  /**
   * Present only when the team has leaderboards on and does not coach on behaviours only. This
   * month's (the team's calendar) badges and team shout-outs per agent, most first; private
   * shout-outs are not counted, and agents with neither are left out.
   */
  leaderboard: z
    .array(
      z.object({
        agentId: IdSchema,
        agentName: z.string(),
        badges: z.number().int(),
        shoutouts: z.number().int(),
      }),
    )
    .nullable(),
});
export type RecognitionWall = z.infer<typeof RecognitionWallSchema>;

/** recognition:mine: the agent's own badges and shout-outs. */
export const MyRecognitionSchema = z.object({
  badges: z.array(BadgeSchema),
  shoutouts: z.array(ShoutoutSchema),
});
export type MyRecognition = z.infer<typeof MyRecognitionSchema>;

/** recognition:summary: the monthly recognition summary for a team's lead. */
export const RecognitionSummaryRequestSchema = z.strictObject({
  teamId: IdSchema,
  /** YYYY-MM of the team's calendar. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month, YYYY-MM'),
});
export const RecognitionSummarySchema = z.object({
  teamId: IdSchema,
  teamName: z.string(),
  month: z.string(),
  agents: z.array(
    z.object({
      agentId: IdSchema,
      agentName: z.string(),
      badges: z.number().int(),
      shoutoutsReceived: z.number().int(),
      shoutoutsGiven: z.number().int(),
      /** The standards most recognised for this agent (item ids, most first). */
      standards: z.array(z.string()),
    }),
  ),
  /** Agents with no recognition this month (a lead's prompt to look for what they do well). */
  unrecognised: z.array(z.object({ agentId: IdSchema, agentName: z.string() })),
  badgesByKind: z.array(z.object({ kind: BadgeKindSchema, count: z.number().int() })),
  standards: z.array(z.object({ itemId: z.string(), count: z.number().int() })),
});
export type RecognitionSummary = z.infer<typeof RecognitionSummarySchema>;

/** The inbox message's content: a badge earned or a shout-out received. */
export const RecognitionMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('badge'), badge: BadgeSchema }),
  z.object({ type: z.literal('shoutout'), shoutout: ShoutoutSchema }),
]);
export type RecognitionMessage = z.infer<typeof RecognitionMessageSchema>;
