import { z } from 'zod';
import { STANDARD_AREAS } from '../domain/standards.js';
import { UserProfileSchema } from './auth.js';
import { CallRecordSchema } from './calls.js';
import { IsoTimeSchema, RecordIdSchema } from './common.js';
import { StandardsPackSchema } from '../domain/standards.js';

// Side-by-side observation, the floor, and coaching notes (delivered through inbox.ts).

/** One-tap tags a supervisor puts on an observation (see DOMAIN.md, "Who uses it"). */
export const OBSERVATION_TAGS = [
  'posture',
  'system-navigation',
  'tone',
  'questioning',
  'listening',
  'process-step',
] as const;
export const ObservationTagSchema = z.enum(OBSERVATION_TAGS);
export type ObservationTag = z.infer<typeof ObservationTagSchema>;

/** What a supervisor saw of a standard item: met, or missed (reflective sessions compare these). */
export const ObservationVerdictSchema = z.enum(['met', 'missed']);
export type ObservationVerdict = z.infer<typeof ObservationVerdictSchema>;

/** Private: the coach's record only. Shared: the agent sees it too. */
export const VisibilitySchema = z.enum(['private', 'shared']);
export type Visibility = z.infer<typeof VisibilitySchema>;
/** When a shared note reaches the agent: at once (a quiet note) or when the call ends. */
export const DeliverySchema = z.enum(['now', 'after-call']);
export type Delivery = z.infer<typeof DeliverySchema>;

export const OBSERVATION_TEXT_MAX = 2000;
export const COACHING_TEXT_MAX = 5000;
/** An agent's reply to a coaching note: one short answer, not a second note. */
export const COACHING_REPLY_MAX = 500;
const UserIdSchema = z.string().min(1).max(64);
/** The language a note is written in (BCP 47), for the language coach; English when absent. */
export const NoteLanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 language tag')
  .max(35);

/** Where the floor view's status goes beyond the agent's own: ringing comes from the phone. */
export const FloorStatusSchema = z.enum(['available', 'ringing', 'on-call', 'wrap-up', 'offline']);
export type FloorStatus = z.infer<typeof FloorStatusSchema>;

// ---- client to hub ----

export const ObservationJoinSchema = z.strictObject({ agentId: UserIdSchema });
export const ObservationLeaveSchema = z.strictObject({ agentId: UserIdSchema });

export const ObservationNoteSchema = z
  .strictObject({
    /** Client-generated (UUID v7): a retry of the same id is stored once. */
    id: RecordIdSchema,
    agentId: UserIdSchema,
    /** The call observed; null for a note between calls. */
    callId: RecordIdSchema.nullable(),
    /** Milliseconds from the call's answer to the moment observed. */
    offsetMs: z
      .number()
      .int()
      .min(0)
      .max(24 * 3600_000)
      .nullable(),
    itemId: z.string().min(1).max(64).optional(),
    area: z.enum(STANDARD_AREAS).optional(),
    /** Whether the standard (`itemId`) was met or missed in what was observed; needs `itemId`. */
    verdict: ObservationVerdictSchema.nullable().default(null),
    tags: z.array(ObservationTagSchema).max(OBSERVATION_TAGS.length).default([]),
    text: z.string().trim().max(OBSERVATION_TEXT_MAX).default(''),
    visibility: VisibilitySchema,
    delivery: DeliverySchema.default('now'),
    lang: NoteLanguageSchema.default('en'),
    at: IsoTimeSchema,
  })
  .refine((n) => n.text.length > 0 || n.tags.length > 0 || n.itemId || n.area, {
    message: 'an observation needs text, a tag or a standard',
  })
  .refine((n) => n.verdict === null || n.itemId !== undefined, {
    message: 'met or missed needs the standard item it judges',
    path: ['verdict'],
  });
export type ObservationNote = z.input<typeof ObservationNoteSchema>;

/** The agent read (acknowledged) a shared note. */
export const ObservationReadSchema = z.strictObject({ id: RecordIdSchema });
export const ObservationListSchema = z.strictObject({
  agentId: UserIdSchema,
  callId: RecordIdSchema.optional(),
  limit: z.number().int().min(1).max(200).default(100),
});
export const FloorListSchema = z.strictObject({});
/** Ringing on the agent's own softphone (the hub hears of it only from the sidebar or the PBX). */
export const PresenceSchema = z.strictObject({ ringing: z.boolean() });

export const CoachingNoteSchema = z.strictObject({
  id: RecordIdSchema,
  agentId: UserIdSchema,
  callId: RecordIdSchema.nullable(),
  /** The observations this note was written from. */
  observationIds: z.array(RecordIdSchema).max(200).default([]),
  text: z.string().trim().min(1).max(COACHING_TEXT_MAX),
  lang: NoteLanguageSchema.default('en'),
  at: IsoTimeSchema,
});
export type CoachingNoteInput = z.input<typeof CoachingNoteSchema>;

/** The agent answers a coaching note written to them, once (coaching as a conversation). */
export const CoachingReplySchema = z.strictObject({
  /** The reply's own id: a retry of the same reply is stored once. */
  id: RecordIdSchema,
  noteId: RecordIdSchema,
  text: z.string().trim().min(1).max(COACHING_REPLY_MAX),
  lang: NoteLanguageSchema.default('en'),
  at: IsoTimeSchema,
});
export type CoachingReplyInput = z.input<typeof CoachingReplySchema>;

// ---- records, hub to client ----

export const ObservationRecordSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  agentId: z.string(),
  callId: z.string().nullable(),
  offsetMs: z.number().int().nullable(),
  itemId: z.string().nullable(),
  area: z.enum(STANDARD_AREAS).nullable(),
  verdict: ObservationVerdictSchema.nullable(),
  tags: z.array(ObservationTagSchema),
  text: z.string(),
  visibility: VisibilitySchema,
  delivery: DeliverySchema,
  lang: z.string(),
  at: IsoTimeSchema,
  /** When the hub let the agent have it (null: private, or held until the call ends). */
  releasedAt: IsoTimeSchema.nullable(),
  /** When one of the agent's devices confirmed it has it. */
  deliveredAt: IsoTimeSchema.nullable(),
  /** When the agent acknowledged it. */
  readAt: IsoTimeSchema.nullable(),
});
/** An observation as stored. Agents only ever receive shared, released ones. */
export type ObservationRecord = z.infer<typeof ObservationRecordSchema>;

export const CoachingNoteRecordSchema = z.object({
  id: z.string(),
  authorId: z.string(),
  authorName: z.string(),
  agentId: z.string(),
  callId: z.string().nullable(),
  observationIds: z.array(z.string()),
  text: z.string(),
  lang: z.string(),
  at: IsoTimeSchema,
  /** The agent's reply (null: none yet). */
  reply: z
    .object({ id: z.string(), text: z.string(), lang: z.string(), at: IsoTimeSchema })
    .nullable()
    .default(null),
});
export type CoachingNoteRecord = z.infer<typeof CoachingNoteRecordSchema>;

export const ReceiptSchema = z.object({
  observationId: z.string(),
  agentId: z.string(),
  releasedAt: IsoTimeSchema.nullable(),
  deliveredAt: IsoTimeSchema.nullable(),
  readAt: IsoTimeSchema.nullable(),
});
export type Receipt = z.infer<typeof ReceiptSchema>;

export const FloorAgentSchema = z.object({
  agentId: z.string(),
  displayName: z.string(),
  status: FloorStatusSchema,
  callId: z.string().nullable(),
  callType: z.string().nullable(),
  /** When the open call was answered (for the elapsed time). */
  callStartedAt: IsoTimeSchema.nullable(),
  /** Display names of everyone observing the agent now. */
  observers: z.array(z.string()),
});
/** One agent on the supervisor's floor view. */
export type FloorAgent = z.infer<typeof FloorAgentSchema>;

export const ObservationJoinedSchema = z.object({
  agent: UserProfileSchema,
  floor: FloorAgentSchema,
  pack: StandardsPackSchema,
  /** The open call, else the latest one. */
  call: CallRecordSchema.nullable(),
  /** Observations of that call (or recent ones between calls), oldest first. */
  observations: z.array(ObservationRecordSchema),
  /** The user's inbox position when joining: messages after it arrive live. */
  inboxSeq: z.number().int().min(0),
});
export type ObservationJoined = z.infer<typeof ObservationJoinedSchema>;

export const FloorSchema = z.object({
  agents: z.array(FloorAgentSchema),
  serverTime: IsoTimeSchema,
});
export type Floor = z.infer<typeof FloorSchema>;
