import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CTI webhook's shared secret: SIDECOACH_CTI_SECRET when set, otherwise a random one kept
 * in the data directory (created on first start, readable by the hub's user only).
 */
export function ctiSecret(
  dataDir: string,
  env: NodeJS.ProcessEnv,
): { secret: string; file?: string } {
  const fromEnv = env.SIDECOACH_CTI_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 16) throw new Error('SIDECOACH_CTI_SECRET needs at least 16 characters');
    return { secret: fromEnv };
  }
  const file = join(dataDir, 'cti-secret');
  try {
    return { secret: readFileSync(file, 'utf8').trim(), file };
  } catch {
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    return { secret, file };
  }
}
