// Where the command line finds the running sidebar: a small JSON file in the app's user data
// folder with the loopback port and the per-install secret, readable by this user only.
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const ENDPOINT_FILE = 'command-endpoint.json';

export interface EndpointInfo {
  port: number;
  secret: string;
}

/** Electron's userData for app name "Sidecoach", as main sets it, for the CLI (no Electron there). */
export function defaultUserDataDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  home = homedir(),
): string {
  if (env.SIDECOACH_USER_DATA_DIR) return env.SIDECOACH_USER_DATA_DIR;
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Sidecoach');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Sidecoach');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Sidecoach');
}

export function readEndpointFile(dir: string): EndpointInfo | undefined {
  try {
    const info = JSON.parse(
      readFileSync(join(dir, ENDPOINT_FILE), 'utf8'),
    ) as Partial<EndpointInfo>;
    if (typeof info.port === 'number' && typeof info.secret === 'string')
      return { port: info.port, secret: info.secret };
  } catch {
    /* missing or damaged: the caller says what to do */
  }
  return undefined;
}

/** The install's secret: kept across runs, created on the first. */
export function installSecret(dir: string): string {
  return readEndpointFile(dir)?.secret ?? randomBytes(32).toString('base64url');
}

/** Records this run's port with the secret, for this user's eyes only. */
export function writeEndpointFile(dir: string, info: EndpointInfo): void {
  const file = join(dir, ENDPOINT_FILE);
  writeFileSync(file, JSON.stringify(info), { mode: 0o600 });
  chmodSync(file, 0o600);
}
