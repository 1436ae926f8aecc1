import { usernameKey, type OneTimeCredential } from '@sidecoach/shared';
import type { Db } from '../store/db.js';
import { DUMMY_HASH, verifyPassword } from '../lib/passwords.js';
import { recordAudit } from '../lib/audit.js';
import {
  countWrongCode,
  liveCodeOfToken,
  liveCodeOfUsername,
  normalizeCode,
  type LiveCode,
} from './records.js';
import { CODE_ATTEMPT_CAP } from './policy.js';

/**
 * The live code a credential names, or undefined. A wrong code for a user with a live one
 * counts toward its cap; the last wrong one ends it (audited). A code is always verified, even
 * when the user has none, so a refusal takes as long whatever the reason.
 */
export async function redeemable(
  db: Db,
  credential: OneTimeCredential,
  ip: string,
): Promise<LiveCode | undefined> {
  if ('token' in credential) return liveCodeOfToken(db, credential.token);
  const live = await liveCodeOfUsername(db, credential.username);
  const right = await verifyPassword(normalizeCode(credential.code), live?.codeHash ?? DUMMY_HASH);
  if (live && right) return live;
  if (live && (await countWrongCode(db, live.id, CODE_ATTEMPT_CAP))) {
    await recordAudit(db, {
      actorId: null,
      action: 'password.code-locked',
      targetType: 'user',
      targetId: live.user.id,
      after: { wrongCodes: CODE_ATTEMPT_CAP },
      ip,
    });
  }
  return undefined;
}

/** The rate limit's key: address and username (one guesser does not lock out a floor's NAT). */
export function oneTimeKey(ip: string, body: unknown): string {
  const b = body as { username?: unknown; token?: unknown } | undefined;
  const who = typeof b?.username === 'string' ? usernameKey(b.username) : 'link';
  return `${ip}|${who}`;
}
