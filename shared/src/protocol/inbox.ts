import { z } from 'zod';
import { CoachingNoteRecordSchema, ObservationRecordSchema, ReceiptSchema } from './observation.js';
import { SurveyResponseSchema, SurveyStatusSchema } from './surveys.js';
import { RecognitionMessageSchema } from './recognition.js';

// The per-recipient inbox: what a user must not miss, numbered and replayed in order.

/** The client has every inbox message up to and including `seq`. */
export const InboxAckSchema = z.strictObject({ seq: z.number().int().min(0) });
export const MyNotesRequestSchema = z.strictObject({
  limit: z.number().int().min(1).max(200).default(50),
});

/**
 * A message in a user's inbox. `seq` counts up by one per recipient: a client that reconnects
 * sends the last one it saw (handshake `auth.lastSeq`) and gets every later one once, in order.
 */
export const InboxMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('observation'),
    observation: ObservationRecordSchema,
  }),
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('receipt'),
    receipt: ReceiptSchema,
  }),
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('coaching-note'),
    note: CoachingNoteRecordSchema,
  }),
  /** A customer answered a survey: to the agent's leads (and the agent, if the team allows). */
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('survey-response'),
    response: SurveyResponseSchema,
  }),
  /** To the agent: a link-channel survey to show the customer, or their exclusion recorded. */
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('survey-status'),
    survey: SurveyStatusSchema,
  }),
  /** To the agent: a badge earned or a shout-out received (shown without taking focus). */
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal('recognition'),
    recognition: RecognitionMessageSchema,
  }),
]);
export type InboxMessage = z.infer<typeof InboxMessageSchema>;
/** An inbox message before the hub numbers it. */
export type InboxContent = InboxMessage extends infer M
  ? M extends { seq: number }
    ? Omit<M, 'seq'>
    : never
  : never;

/** The agent's shared notes and coaching notes, newest last, for the sidebar after (re)loading. */
export const MyNotesSchema = z.object({
  observations: z.array(ObservationRecordSchema),
  coachingNotes: z.array(CoachingNoteRecordSchema),
  inboxSeq: z.number().int().min(0),
});
export type MyNotes = z.infer<typeof MyNotesSchema>;
