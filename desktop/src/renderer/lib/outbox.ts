import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Bootstrap, ClientPayload } from '@sidecoach/shared';

/** Writes about the agent's own calls (replayed over the hub's records for the sidebar). */
export type CallWrite =
  | { event: 'call:start'; payload: ClientPayload<'call:start'> }
  | { event: 'call:tick'; payload: ClientPayload<'call:tick'> }
  | { event: 'call:end'; payload: ClientPayload<'call:end'> }
  | { event: 'call:retype'; payload: ClientPayload<'call:retype'> }
  | { event: 'assessment:submit'; payload: ClientPayload<'assessment:submit'> };

/** Coaching writes: observations, coaching notes, and the agent's "got it". */
export type NoteWrite =
  | { event: 'observation:note'; payload: ClientPayload<'observation:note'> }
  | { event: 'coaching:note'; payload: ClientPayload<'coaching:note'> }
  | { event: 'observation:read'; payload: ClientPayload<'observation:read'> };

/** The writes that go through the outbox, in the order the user made them. */
export type OutboxWrite = CallWrite | NoteWrite;

export type OutboxEntry<W extends OutboxWrite = OutboxWrite> = W & {
  seq: number;
  userId: string;
  createdAt: string;
};

const NOTE_EVENTS: ReadonlySet<string> = new Set<NoteWrite['event']>([
  'observation:note',
  'coaching:note',
  'observation:read',
]);
export const isNoteEntry = (e: OutboxEntry): e is OutboxEntry<NoteWrite> =>
  NOTE_EVENTS.has(e.event);
export const isCallEntry = (e: OutboxEntry): e is OutboxEntry<CallWrite> =>
  !NOTE_EVENTS.has(e.event);

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
export async function enqueue<W extends OutboxWrite>(
  userId: string,
  write: W,
): Promise<OutboxEntry<W>> {
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
