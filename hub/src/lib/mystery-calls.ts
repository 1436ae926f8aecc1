import { sql, type RawBuilder } from 'kysely';
import { phoneKey } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import type { Trx } from './jobs.js';

// What other capabilities leave out because of mystery calls (the mystery capability owns the
// tables): a call a mystery caller's report was matched to is no real customer's, so it is never
// drawn for QA, and no survey answered on it counts in customer satisfaction; a mystery caller's
// registered number is never sent a survey. Nothing here tells an agent anything: the calls are
// left out silently, as internal numbers are, and what an agent reads only once the call's wave
// is released (notReleasedMysteryCall).

/**
 * A `where` that is true for calls no mystery report was matched to, `callId` naming the column
 * that holds the call's id (`c.id`, `s.call_id`). Any report counts, whatever its review: a
 * matched call was the caller's, not a customer's, even when the report was rejected.
 */
export const notMysteryCall = (callId: string): RawBuilder<boolean> =>
  sql<boolean>`not exists (select 1 from mystery_reports as mystery_match where mystery_match.call_id = ${sql.ref(callId)})`;

/**
 * A `where` that is true for calls that are no mystery call of a released wave: what the agent's
 * own views (their customers' answers, their reflective session) leave out. Until the wave's
 * results are released, a call matched to a report stays in them as it was before the match:
 * an answer that vanished from the agent's list the day a quality manager matched it by hand
 * would tell the agent which call was a mystery call. From the release on, when the reflective
 * session shows the call as one, its answers leave the customers' too.
 */
export const notReleasedMysteryCall = (callId: string): RawBuilder<boolean> =>
  sql<boolean>`not exists (select 1 from mystery_reports as mystery_match inner join mystery_waves as mystery_wave on mystery_wave.id = mystery_match.wave_id where mystery_match.call_id = ${sql.ref(callId)} and mystery_wave.released_at is not null)`;

/**
 * Digits two numbers written differently must share at their end to be one number (shared's
 * mystery matching rule: a national "26123456" is the international "+371 26123456").
 */
const SUFFIX_DIGITS = 7;
/** How many digits a phoneKey keeps: a number written with fewer is written short. */
const keyDigits = () => phoneKey('9'.repeat(32)).length;

/**
 * Whether a number is one a mystery caller registered: the same phoneKey (the last digits,
 * country and trunk prefixes dropped), or, for a number written with fewer digits than a key
 * keeps, one ending the other in at least SUFFIX_DIGITS digits. Short numbers match only exactly.
 */
export async function isMysteryCallerNumber(db: Db | Trx, phone: string): Promise<boolean> {
  const key = phoneKey(phone);
  if (key === '') return false;
  // Registered numbers shorter than this one's key that end it; and, when this one is written
  // short, registered keys it ends.
  const shorter: string[] = [];
  for (let n = SUFFIX_DIGITS; n < key.length; n++) shorter.push(key.slice(-n));
  const row = await db
    .selectFrom('mystery_caller_phones')
    .select('phone_key')
    .where((eb) =>
      eb.or([
        eb('phone_key', 'in', [key, ...shorter]),
        ...(key.length >= SUFFIX_DIGITS && key.length < keyDigits()
          ? [eb('phone_key', 'like', `%${key}`)]
          : []),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}
