import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { nowIso } from '../store/db.js';
import type { Trx } from './jobs.js';
import { hashPassword } from './passwords.js';
import { tokenHash } from './tokens.js';

// One-time codes for a first sign-in or a reset: issued by an admin (account:issue-code) and
// to a new mystery caller (mystery:caller-save). Redeeming them is the account capability's.

/** Letters and digits that cannot be misread over the phone (no I, L, O, U, 0, 1). */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
const CODE_LENGTH = 12;

/** A code as the admin reads it out: three groups of four (about 59 bits). */
function newCode(): string {
  const chars = Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(30)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * A new one-time code for the user, ending any live one: the code and link token are answered
 * once and only their hashes stored.
 */
export async function issueCode(trx: Trx, userId: string, issuedBy: string, hours: number) {
  const code = newCode();
  const token = randomBytes(32).toString('base64url');
  const now = nowIso();
  const expiresAt = new Date(Date.now() + hours * 3_600_000).toISOString();
  const replaced = await trx
    .updateTable('one_time_codes')
    .set({ ended_at: now, end_reason: 'replaced' })
    .where('user_id', '=', userId)
    .where('ended_at', 'is', null)
    .returning('id')
    .execute();
  await trx
    .insertInto('one_time_codes')
    .values({
      id: randomUUID(),
      user_id: userId,
      code_hash: await hashPassword(code),
      token_hash: tokenHash(token),
      issued_by: issuedBy,
      created_at: now,
      expires_at: expiresAt,
      ended_at: null,
      end_reason: null,
    })
    .execute();
  return { code, token, expiresAt, replaced: replaced.length };
}
