import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nowIso, type Db } from '../store/db.js';

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
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error(`${envVar} needs at least 16 characters`);
    return { secret: fromEnv };
  }
  const path = join(dataDir, file);
  try {
    return { secret: readFileSync(path, 'utf8').trim(), file: path };
  } catch {
    const secret = randomBytes(32).toString('base64url');
    // On PostgreSQL nothing else creates the data directory.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, file: path };
  }
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
