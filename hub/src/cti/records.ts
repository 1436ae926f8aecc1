import { createHash, randomUUID } from 'node:crypto';
import type { CallEvent } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';
import { MAX_SKEW_SECONDS } from '../lib/signature.js';

/** The active user the PBX knows by this extension. */
export function agentByExtension(db: Db, extension: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('extension', '=', extension)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/**
 * How long an accepted event's key is kept. A signed request is valid while its timestamp is
 * within MAX_SKEW_SECONDS of the hub's clock, on either side: one signed up to that far ahead
 * (a PBX clock running fast) can still be replayed until twice the window after it arrived.
 * The minute on top covers the clocks of several nodes differing a little.
 */
export const EVENT_KEY_KEEP_MS = (2 * MAX_SKEW_SECONDS + 60) * 1000;

/**
 * What makes a PBX event the same event: the PBX's own event id when it sends one (scoped to
 * the extension, so two PBXs numbering alike do not collide), else the event itself: extension,
 * call, kind and time (the time as an instant, whatever its ISO spelling). Hashed: the key's
 * length is fixed whatever the ids' lengths.
 */
export function eventKey(extension: string, eventId: string | undefined, event: CallEvent) {
  const parts =
    eventId !== undefined
      ? ['id', extension, eventId]
      : ['event', extension, event.callId, event.kind, new Date(event.at).toISOString()];
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * Accepts a PBX event once: claims its key and keeps the event as received (customer contact
 * included; surveys read it from here) in one transaction. False: the key was claimed already
 * (a replay, or a retry of a delivered event), and nothing was stored. The primary key decides,
 * so two nodes receiving the same request at once store it once.
 */
export async function acceptCtiEvent(
  db: Db,
  userId: string,
  key: string,
  event: CallEvent,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const receivedAt = nowIso();
    const claimed = await trx
      .insertInto('cti_event_keys')
      .values({ key, received_at: receivedAt })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    if (Number(claimed.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx
      .insertInto('cti_events')
      .values({
        id: randomUUID(),
        user_id: userId,
        call_id: event.callId,
        kind: event.kind,
        event: JSON.stringify(event),
        received_at: receivedAt,
      })
      .execute();
    return true;
  });
}

/** Forgets the keys of events accepted longer ago than EVENT_KEY_KEEP_MS; answers how many. */
export async function sweepEventKeys(db: Db, now = Date.now()): Promise<number> {
  const before = new Date(now - EVENT_KEY_KEEP_MS).toISOString();
  const result = await db
    .deleteFrom('cti_event_keys')
    .where('received_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Keeps the recording a CTI event names on the agent's call with that PBX id. A call the
 * sidebar has not started yet gets it from the stored event when the evaluator opens it.
 */
export async function keepRecording(
  db: Db,
  agentId: string,
  externalId: string,
  url: string,
): Promise<void> {
  await db
    .updateTable('calls')
    .set({ recording_url: url })
    .where('agent_id', '=', agentId)
    .where('external_id', '=', externalId)
    .execute();
}
