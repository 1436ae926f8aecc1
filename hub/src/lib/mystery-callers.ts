import { phoneKey, type CallerProfile } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { nowIso } from '../store/db.js';
import type { Trx } from './jobs.js';

// A mystery caller's own rows beside their account: the profile a wave matches callers to, and
// the numbers they call from (one row a number, by its phoneKey: how a number is recognised as
// a caller's, never surveyed, and how their calls are matched). The demo's callers and tests'
// callers are written with it; the mystery capability's caller form writes the same rows.

export async function insertCallerProfile(
  db: Db | Trx,
  userId: string,
  caller: { phones: readonly string[]; profile: CallerProfile },
  at = nowIso(),
): Promise<void> {
  await db
    .insertInto('mystery_callers')
    .values({
      user_id: userId,
      region: caller.profile.region,
      age_band: caller.profile.ageBand,
      language: caller.profile.language,
      phones: JSON.stringify(caller.phones),
      email: null,
      declared_at: at,
      created_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const byKey = new Map(caller.phones.map((p) => [phoneKey(p), p]));
  byKey.delete('');
  if (byKey.size > 0)
    await db
      .insertInto('mystery_caller_phones')
      .values([...byKey].map(([key, phone]) => ({ phone_key: key, user_id: userId, phone })))
      .execute();
}
