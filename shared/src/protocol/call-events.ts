import { z } from 'zod';
import { CallSourceSchema } from './calls.js';
import { IsoTimeSchema } from './common.js';

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

/**
 * How to reach the customer after the call, as the PBX or CRM attaches it to a call event
 * (CTI "attached data"). Used by the hub for post-call surveys and never shown to agents.
 */
export const CustomerContactSchema = z.strictObject({
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{3,32}$/, 'a phone number')
    .optional(),
  /** The customer's language (BCP 47), for the survey. */
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag')
    .max(35)
    .optional(),
});
export type CustomerContact = z.infer<typeof CustomerContactSchema>;
