import type { z } from 'zod';
import type { Ack } from './errors.js';
import type { CallEvent } from './call-events.js';
import {
  AssessmentSubmitSchema,
  CallEndSchema,
  CallGetSchema,
  CallListSchema,
  CallRetypeSchema,
  CallStartSchema,
  CallTickSchema,
  EmptySchema,
  type Bootstrap,
  type CallRecord,
  type StatusChanged,
} from './schemas.js';

/** The runtime schema of every client-to-hub event's payload; the hub parses with these first. */
export const clientEventSchemas = {
  'session:bootstrap': EmptySchema,
  'call:start': CallStartSchema,
  'call:tick': CallTickSchema,
  'call:end': CallEndSchema,
  'call:retype': CallRetypeSchema,
  'assessment:submit': AssessmentSubmitSchema,
  'call:list': CallListSchema,
  'call:get': CallGetSchema,
} as const;
export type ClientEventName = keyof typeof clientEventSchemas;
export type ClientPayload<E extends ClientEventName> = z.input<(typeof clientEventSchemas)[E]>;

/** What each client event's acknowledgement carries on success. */
export interface ClientEventResults {
  'session:bootstrap': Bootstrap;
  'call:start': CallRecord;
  'call:tick': CallRecord;
  'call:end': CallRecord;
  'call:retype': CallRecord;
  'assessment:submit': CallRecord;
  'call:list': { calls: CallRecord[] };
  'call:get': CallRecord;
}

/** Client to hub: every event takes one payload and an acknowledgement callback. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientPayload<E>, ack: Ack<ClientEventResults[E]>) => void;
};

/** Hub to client. */
export interface ServerToClientEvents {
  /** The agent's status changed (sent to all of the agent's sessions). */
  'status:changed': (payload: StatusChanged) => void;
  /** One of the agent's calls changed in another session (another sidebar, a reload). */
  'call:changed': (payload: CallRecord) => void;
  /** A call event for this agent from the PBX (CTI webhook), to drive the sidebar. */
  'softphone:event': (payload: CallEvent) => void;
}

/** For the cluster adapter later. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface InterServerEvents {}

/** Largest socket message the hub accepts, in bytes; larger frames close the connection. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
