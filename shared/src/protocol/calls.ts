import { z } from 'zod';
import { AnswerSchema, ScoreResultSchema } from '../domain/scoring.js';
import { StandardsPackSchema } from '../domain/standards.js';
import { UserProfileSchema } from './auth.js';
import { IsoTimeSchema, RecordIdSchema } from './common.js';

// The agent's calls: started, ticked, ended, retyped, self-assessed; and the sidebar's bootstrap.

const ItemIdSchema = z.string().min(1).max(64);

/** What an agent is doing, as shown to them and (later) on the supervisor's floor view. */
export const AgentStatusSchema = z.enum(['available', 'on-call', 'wrap-up', 'offline']);
export type AgentStatus = z.infer<typeof AgentStatusSchema>;

/** Where a call came from: the agent's manual controls, a softphone adapter, a command hook, the PBX. */
export const CALL_SOURCES = ['manual', 'baresip', 'command', 'cti'] as const;
export const CallSourceSchema = z.enum(CALL_SOURCES);
export type CallSource = z.infer<typeof CallSourceSchema>;

// ---- Socket payloads, client to hub ----
export const CallStartSchema = z.strictObject({
  id: RecordIdSchema,
  callType: z.string().min(1).max(64),
  startedAt: IsoTimeSchema,
  source: CallSourceSchema.default('manual'),
  /** The source's own id for the call (softphone or PBX call id), to reconcile its events. */
  externalId: z.string().min(1).max(128).optional(),
});
export type CallStart = z.infer<typeof CallStartSchema>;

export const CallTickSchema = z.strictObject({
  callId: RecordIdSchema,
  itemId: ItemIdSchema,
  checked: z.boolean(),
  at: IsoTimeSchema,
});
export type CallTick = z.infer<typeof CallTickSchema>;

export const CallEndSchema = z.strictObject({ callId: RecordIdSchema, endedAt: IsoTimeSchema });

/** Corrects the call type (a call the phone started gets the agent's last type until they pick). */
export const CallRetypeSchema = z.strictObject({
  callId: RecordIdSchema,
  callType: z.string().min(1).max(64),
});
export type CallRetype = z.infer<typeof CallRetypeSchema>;
export type CallEnd = z.infer<typeof CallEndSchema>;

export const NEXT_TIME_MAX = 500;
export const AssessmentSubmitSchema = z.discriminatedUnion('status', [
  z.strictObject({
    id: RecordIdSchema,
    callId: RecordIdSchema,
    status: z.literal('submitted'),
    answers: z.record(ItemIdSchema, AnswerSchema),
    nextTime: z.string().trim().max(NEXT_TIME_MAX).optional(),
    at: IsoTimeSchema,
  }),
  z.strictObject({
    id: RecordIdSchema,
    callId: RecordIdSchema,
    status: z.literal('skipped'),
    at: IsoTimeSchema,
  }),
]);
/** A self-assessment, submitted or explicitly skipped (skips are recorded too). */
export type AssessmentSubmit = z.infer<typeof AssessmentSubmitSchema>;

export const CallListSchema = z.strictObject({
  limit: z.number().int().min(1).max(100).default(20),
  /** Whose calls: defaults to the signed-in user. */
  agentId: z.string().min(1).max(64).optional(),
});
export type CallList = z.input<typeof CallListSchema>;

export const CallGetSchema = z.strictObject({ callId: RecordIdSchema });
export type CallGet = z.infer<typeof CallGetSchema>;

// ---- Records, hub to client ----
export const AssessmentRecordSchema = z.object({
  id: z.string(),
  callId: z.string(),
  status: z.enum(['submitted', 'skipped']),
  answers: z.record(z.string(), AnswerSchema),
  nextTime: z.string().nullable(),
  score: ScoreResultSchema.nullable(),
  submittedAt: IsoTimeSchema,
});
/** A stored self-assessment, scored against the pack version of its call. */
export type AssessmentRecord = z.infer<typeof AssessmentRecordSchema>;

export const CallRecordSchema = z.object({
  id: z.string(),
  agentId: z.string(),
  callType: z.string(),
  packId: z.string(),
  packVersion: z.number().int(),
  source: CallSourceSchema,
  externalId: z.string().nullable(),
  startedAt: IsoTimeSchema,
  endedAt: IsoTimeSchema.nullable(),
  /** Handle time in milliseconds, once ended. */
  durationMs: z.number().int().nullable(),
  /** Checklist items ticked during the call. */
  ticked: z.array(z.string()),
  /** When each ticked item was ticked (for observers' timelines). */
  tickedAt: z.record(z.string(), IsoTimeSchema).optional(),
  assessment: AssessmentRecordSchema.nullable(),
});
/** A call as stored by the hub, with its ticks and self-assessment. */
export type CallRecord = z.infer<typeof CallRecordSchema>;

export const StatusChangedSchema = z.object({
  userId: z.string(),
  status: AgentStatusSchema,
  callId: z.string().nullable(),
});
export type StatusChanged = z.infer<typeof StatusChangedSchema>;

// ---- session:bootstrap ----
export const BootstrapSchema = z.object({
  user: UserProfileSchema,
  status: AgentStatusSchema,
  pack: StandardsPackSchema,
  /**
   * The versions the open and recent calls started with, other than `pack` (a scorecard published
   * during a call): each call is checked and assessed against its own. Absent from older hubs.
   */
  callPacks: z.array(StandardsPackSchema).default([]),
  openCall: CallRecordSchema.nullable(),
  recentCalls: z.array(CallRecordSchema),
  serverTime: IsoTimeSchema,
});
/** Everything a sidebar needs right after connecting. */
export type Bootstrap = z.infer<typeof BootstrapSchema>;
