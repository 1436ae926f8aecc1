import { z } from 'zod';
import { CallSourceSchema, IsoTimeSchema } from './schemas.js';

export const CALL_EVENT_KINDS = ['ringing', 'answered', 'held', 'resumed', 'ended'] as const;
export const CallEventKindSchema = z.enum(CALL_EVENT_KINDS);
export type CallEventKind = z.infer<typeof CallEventKindSchema>;

/**
 * One model for every call source (softphone adapter, command hook, PBX webhook, manual):
 * what happened to which call, in which direction, with whom, when.
 */
export const CallEventSchema = z.strictObject({
  kind: CallEventKindSchema,
  /** The source's own id for the call (baresip call id, PBX call id...). */
  callId: z.string().min(1).max(128),
  direction: z.enum(['inbound', 'outbound']),
  /** The other party (SIP URI, phone number), when known. */
  remoteParty: z.string().max(256).nullable(),
  at: IsoTimeSchema,
  source: CallSourceSchema,
  /** Why the call ended, when the source says. */
  reason: z.string().max(256).optional(),
});
export type CallEvent = z.infer<typeof CallEventSchema>;
