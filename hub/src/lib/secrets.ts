import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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
