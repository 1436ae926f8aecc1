import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Bootstrap, ClientPayload } from '@sidecoach/shared';

/** The writes that go through the outbox, in the order the agent made them. */
export type OutboxWrite =
  | { event: 'call:start'; payload: ClientPayload<'call:start'> }
  | { event: 'call:tick'; payload: ClientPayload<'call:tick'> }
  | { event: 'call:end'; payload: ClientPayload<'call:end'> }
  | { event: 'call:retype'; payload: ClientPayload<'call:retype'> }
  | { event: 'assessment:submit'; payload: ClientPayload<'assessment:submit'> };

export type OutboxEntry = OutboxWrite & { seq: number; userId: string; createdAt: string };

interface SidecoachDb extends DBSchema {
  outbox: { key: number; value: OutboxEntry; indexes: { byUser: string } };
  /** The last bootstrap per user, so a reload without the hub still shows the sidebar. */
  snapshots: { key: string; value: Bootstrap };
}

let dbPromise: Promise<IDBPDatabase<SidecoachDb>> | undefined;
const db = () =>
  (dbPromise ??= openDB<SidecoachDb>('sidecoach', 1, {
    upgrade(database) {
      const outbox = database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      outbox.createIndex('byUser', 'userId');
      database.createObjectStore('snapshots');
    },
  }));

/** Stores a write before anything is shown or sent: it survives reloads and crashes. */
export async function enqueue(userId: string, write: OutboxWrite): Promise<OutboxEntry> {
  const entry = { ...write, userId, createdAt: new Date().toISOString() } as Omit<
    OutboxEntry,
    'seq'
  >;
  const seq = await (await db()).add('outbox', entry as OutboxEntry);
  return { ...entry, seq } as OutboxEntry;
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
