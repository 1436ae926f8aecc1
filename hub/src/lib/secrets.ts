import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface StoredSecret {
  secret: string;
  /** The file it is kept in; absent when it came from the environment. */
  file?: string;
}

/**
 * A shared secret: from the environment variable when set, otherwise a random one kept in the
 * data directory (created on first start, readable by the hub's user only).
 */
export function storedSecret(
  dataDir: string,
  env: NodeJS.ProcessEnv,
  { envVar, file }: { envVar: string; file: string },
): StoredSecret {
  const fromEnv = env[envVar];
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error(`${envVar} needs at least 16 characters`);
    return { secret: fromEnv };
  }
  const path = join(dataDir, file);
  try {
    return { secret: readFileSync(path, 'utf8').trim(), file: path };
  } catch {
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, file: path };
  }
}

/** The CTI webhook's secret (SIDECOACH_CTI_SECRET or `cti-secret` in the data directory). */
export const ctiSecret = (dataDir: string, env: NodeJS.ProcessEnv) =>
  storedSecret(dataDir, env, { envVar: 'SIDECOACH_CTI_SECRET', file: 'cti-secret' });
