import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso, type Db } from '../store/db.js';

/** A secret the hub will not sign with: start-up stops with this message (no stack). */
export class SecretRefused extends Error {
  override readonly name = 'SecretRefused';
}

/** The shortest shared secret accepted, from the environment or a file. */
export const MIN_SECRET_LENGTH = 16;

export interface StoredSecret {
  secret: string;
  /** The file it is kept in; absent when it came from the environment. */
  file?: string;
}

/**
 * A shared secret: the one the environment variable `envVar` gave (read by config.ts) when set,
 * otherwise a random one kept in the data directory (created on first start, readable by the
 * hub's user only).
 */
export function storedSecret(
  dataDir: string,
  fromEnv: string | undefined,
  { envVar, file }: { envVar: string; file: string },
): StoredSecret {
  if (fromEnv !== undefined && fromEnv !== '') {
    if (fromEnv.trim().length < MIN_SECRET_LENGTH)
      throw new SecretRefused(`${envVar} needs at least ${MIN_SECRET_LENGTH} characters`);
    return { secret: fromEnv };
  }
  const path = join(dataDir, file);
  let stored: string | undefined;
  try {
    stored = readFileSync(path, 'utf8').trim();
  } catch {
    // Not there yet: made below.
  }
  if (stored !== undefined) {
    // An empty or short file would sign with a guessable key: refused, never used.
    if (stored.length < MIN_SECRET_LENGTH)
      throw new SecretRefused(
        `${path} holds a secret of ${stored.length} characters; it needs at least ${MIN_SECRET_LENGTH} (delete the file to have a new one made, or put a longer one in it or in ${envVar})`,
      );
    return { secret: stored, file: path };
  }
  const secret = randomBytes(32).toString('base64url');
  // On PostgreSQL nothing else creates the data directory.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return { secret, file: path };
}

/**
 * Where secrets nobody gave in the environment are kept: a file per secret in the data
 * directory (one hub process), or the database's `hub_secrets` (PostgreSQL: every node must
 * sign and check with the same one, so never a node's local file).
 */
export interface SecretStore {
  get(fromEnv: string | undefined, names: { envVar: string; file: string }): Promise<StoredSecret>;
}

export function fileSecrets(dataDir: string): SecretStore {
  return { get: (fromEnv, names) => Promise.resolve(storedSecret(dataDir, fromEnv, names)) };
}

export function databaseSecrets(db: Db): SecretStore {
  return {
    async get(fromEnv, { envVar, file }) {
      if (fromEnv) return storedSecret('', fromEnv, { envVar, file });
      // The first node to start makes it; the others read that one.
      await db
        .insertInto('hub_secrets')
        .values({ name: file, value: randomBytes(32).toString('base64url'), created_at: nowIso() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('hub_secrets')
        .select('value')
        .where('name', '=', file)
        .executeTakeFirstOrThrow();
      return { secret: row.value, file: `the database (hub_secrets.${file})` };
    },
  };
}
