import type { Bootstrap, ClientEventResults, InboxMessage, UserProfile } from '@sidecoach/shared';
import type { OutboxEntry, OutboxEvent } from '../lib/outbox.js';
import type { HubSocket, Session } from './session-store.js';

/** Who handles each kind of inbox message (every kind exactly once: see main.tsx). */
export type InboxRoutes = {
  [K in InboxMessage['kind']]: (message: Extract<InboxMessage, { kind: K }>) => void;
};

/** Who shows each kind of outbox write: on queueing, and when the hub acknowledged or refused it. */
export type OutboxRoutes = {
  [K in OutboxEvent]: {
    queued(entry: OutboxEntry<K>): void;
    /** The hub's answer, or null when a final refusal dropped the write. */
    settled(entry: OutboxEntry<K>, data: ClientEventResults[K] | null): void;
  };
};

/**
 * What a feature tells the session lifecycle. The lifecycle never imports a feature: the entry
 * file hands it the list, and every hook is optional except `reset`.
 */
export interface Feature {
  name: string;
  /** Back to nothing: on sign-out, and before another user's session starts. */
  reset(): void;
  /** Signed in: what this device kept (the last bootstrap, unsent writes), before the hub answers. */
  restore?(snapshot: Bootstrap | undefined, pending: OutboxEntry[]): void;
  /** The hub's bootstrap, at every connection and after a profile change. */
  bootstrapped?(boot: Bootstrap, pending: OutboxEntry[]): void;
  /** Connected and bootstrapped (the first time, and after every reconnect). */
  connected?(user: UserProfile): void | Promise<void>;
  /** The hub changed the user's profile (a team setting): reload what may carry numbers. */
  profileChanged?(user: UserProfile): void;
  /** Listens to the hub's pushes on a new socket (listeners go with the socket). */
  listen?(socket: HubSocket, session: Session): void;
  /** While signed in: device events, other stores. Returns the unsubscribe. */
  subscribe?(session: Session): () => void;
  /** Before the socket closes on sign-out (say goodbye to the hub, bounded in time). */
  signingOut?(): Promise<void>;
}
