import { sql, type RawBuilder } from 'kysely';
import { phoneKey } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from './jobs.js';

// What other capabilities leave out because of mystery calls (the mystery capability owns the
// tables): a call a mystery caller's report was matched to is no real customer's, so it is never
// drawn for QA, and no survey answered on it counts in customer satisfaction; a mystery caller's
// registered number is never sent a survey. Nothing here tells an agent anything: the calls are
// left out silently, as internal numbers are.

/**
 * A `where` that is true for calls no mystery report was matched to, `callId` naming the column
 * that holds the call's id (`c.id`, `s.call_id`). Any report counts, whatever its review: a
 * matched call was the caller's, not a customer's, even when the report was rejected.
 */
export const notMysteryCall = (callId: string): RawBuilder<boolean> =>
  sql<boolean>`not exists (select 1 from mystery_reports as mystery_match where mystery_match.call_id = ${sql.ref(callId)})`;

/** Whether a number is one a mystery caller registered (compared as shared's phoneKey does). */
export async function isMysteryCallerNumber(db: Db | Trx, phone: string): Promise<boolean> {
  const key = phoneKey(phone);
  if (key === '') return false;
  const row = await db
    .selectFrom('mystery_caller_phones')
    .select('phone_key')
    .where('phone_key', '=', key)
    .executeTakeFirst();
  return row !== undefined;
}
