import { randomUUID } from 'node:crypto';
import type { CallEvent } from '@sidecoach/shared';
import { nowIso, type Db } from '../store/db.js';

/** The active user the PBX knows by this extension. */
export function agentByExtension(db: Db, extension: string) {
  return db
    .selectFrom('users')
    .select('id')
    .where('extension', '=', extension)
    .where('disabled', '=', 0)
    .executeTakeFirst();
}

/** Keeps the PBX event as received, customer contact included (surveys read it from here). */
export async function storeCtiEvent(db: Db, userId: string, event: CallEvent): Promise<void> {
  await db
    .insertInto('cti_events')
    .values({
      id: randomUUID(),
      user_id: userId,
      call_id: event.callId,
      kind: event.kind,
      event: JSON.stringify(event),
      received_at: nowIso(),
    })
    .execute();
}
