import type { Transaction } from 'kysely';
import type { InboxContent } from '@sidecoach/shared';
import type { Database } from '../store/schema.js';

export type Trx = Transaction<Database>;

/** A message for one recipient, before the hub numbers it. */
export interface Draft {
  recipientId: string;
  /** Identifies the message per recipient (`obs:<id>`): the same ref is stored once. */
  refId: string;
  content: InboxContent;
}

/** A unit of work: writes its records and names the messages they cause, in one transaction. */
export type Job<T> = (trx: Trx) => Promise<{ result: T; messages: Draft[] }>;

/** The inbox as capabilities use it (inbox/inbox.ts): its group commit and its numbering. */
export interface JobQueue {
  /** Runs the job in the next group commit; resolves with its result once it is durable. */
  submit<T>(job: Job<T>): Promise<T>;
  /** The recipient's latest sequence number (0 before their first message). */
  head(recipientId: string): Promise<number>;
}
