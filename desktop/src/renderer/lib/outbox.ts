import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Bootstrap, ClientEventName, ClientPayload } from '@sidecoach/shared';

/** The writes that go through the outbox (stored on the device until the hub acknowledges them). */
export const OUTBOX_EVENTS = [
  'call:start',
  'call:tick',
  'call:end',
  'call:retype',
  'assessment:submit',
  'observation:note',
  'coaching:note',
  'coaching:reply',
  'observation:read',
] as const satisfies readonly ClientEventName[];
export type OutboxEvent = (typeof OUTBOX_EVENTS)[number];

/** One write, in the order the user made it. */
export type OutboxWrite<E extends OutboxEvent = OutboxEvent> = {
  [K in E]: { event: K; payload: ClientPayload<K> };
}[E];

export type OutboxEntry<E extends OutboxEvent = OutboxEvent> = OutboxWrite<E> & {
  seq: number;
  userId: string;
  createdAt: string;
};

interface SidecoachDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { byUser: string } };
  /** The last bootstrap per user, so a reload without the hub still shows the sidebar. */
  snapshots: { key: string; value: Bootstrap };
  /** Per user: the last inbox sequence number handled, sent in the handshake to replay the rest. */
  inbox: { key: string; value: number };
}

let dbPromise: Promise<IDBPDatabase<SidecoachDb>> | undefined;
const db = () =>
  (dbPromise ??= openDB<SidecoachDb>('sidecoach', 2, {
    // Each step runs once per device, from the version it has: an outbox from version 1 is kept.
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const outbox = database.createObjectStore('outbox', {
          keyPath: 'seq',
          autoIncrement: true,
        });
        outbox.createIndex('byUser', 'userId');
        database.createObjectStore('snapshots');
      }
      if (oldVersion < 2) database.createObjectStore('inbox');
    },
  }));

/** Stores a write before anything is shown or sent: it survives reloads and crashes. */
export async function enqueue(userId: string, write: OutboxWrite): Promise<OutboxEntry> {
  const entry = { ...write, userId, createdAt: new Date().toISOString() };
  const seq = await (await db()).add('outbox', entry as OutboxEntry);
  return { ...entry, seq };
}

export async function pending(userId: string): Promise<OutboxEntry[]> {
  const all = await (await db()).getAllFromIndex('outbox', 'byUser', userId);
  return all.sort((a, b) => a.seq - b.seq);
}

export async function remove(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq);
}

export async function saveSnapshot(userId: string, snapshot: Bootstrap): Promise<void> {
  await (await db()).put('snapshots', snapshot, userId);
}

export async function loadSnapshot(userId: string): Promise<Bootstrap | undefined> {
  return (await db()).get('snapshots', userId);
}

export async function saveLastSeq(userId: string, seq: number): Promise<void> {
  await (await db()).put('inbox', seq, userId);
}

export async function loadLastSeq(userId: string): Promise<number | undefined> {
  return (await db()).get('inbox', userId);
}
