import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt parameters, stored with each hash so they can be raised without invalidating existing
// passwords: a hash made with other ones is made anew at the owner's next sign-in (needsRehash).
// N=2^17, r=8, p=1 (128 MiB) is OWASP's first scrypt setting. Measured with
// bench/password-cost.mjs: about 4x the cost before (N=2^15), and 2 cores still check the
// password of 500 agents signing in within the same two minutes of a shift start in about 70 s
// (sessions last a week, so most agents do not sign in at every shift). The password gate
// (password-gate.ts) holds at most one hash per core at a time, so memory stays bounded.
const PARAMS = { N: 1 << 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, p: { N: number; r: number; p: number }) {
  const options: ScryptOptions = { N: p.N, r: p.r, p: p.p, maxmem: 128 * p.N * p.r * 2 };
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

/** `scrypt$N$r$p$salt$hash` (salt and hash base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return [
    'scrypt',
    PARAMS.N,
    PARAMS.r,
    PARAMS.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

/**
 * What a user without a password holds (made by an admin and waiting for a one-time code, or
 * created by single sign-on): no scrypt hash, so nothing verifies against it (a sign-in against
 * it still takes as long as any other). Random, so two such users' rows differ.
 */
export function unusableHash(): string {
  return `${UNUSABLE_PREFIX}${randomBytes(16).toString('base64url')}`;
}
const UNUSABLE_PREFIX = '!no-password$';

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) {
    // As long as a real comparison, so timing does not tell which accounts have no password.
    await verifyPassword(password, DUMMY_HASH);
    return false;
  }
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The stored hash was made with other scrypt parameters than today's: make it anew. */
export function needsRehash(stored: string): boolean {
  const [scheme, n, r, p] = stored.split('$');
  return (
    scheme === 'scrypt' &&
    (Number(n) !== PARAMS.N || Number(r) !== PARAMS.r || Number(p) !== PARAMS.p)
  );
}

/** A hash of nothing, compared against when the user does not exist, so timing does not tell. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;
