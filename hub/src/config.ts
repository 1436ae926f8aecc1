import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything the hub can be told, from flags first, then environment, then laptop defaults. */
export interface HubConfig {
  host: string;
  port: number;
  dataDir: string;
  /** Seed the demo team when the database has no users. */
  demo: boolean;
  /** Built renderer served as the web sidebar. */
  rendererDir: string;
  /** Folder of standards packs (*.yaml). */
  standardsDir: string;
  /** The pack calls are checked and scored against. */
  packId: string;
  /** Browser origins besides the hub's own and the desktop app's that may connect. */
  allowOrigins: string[];
  sessionHours: number;
  logLevel: string;
}

export const DEFAULT_PORT = 4780;
/** The origin of the Electron renderer (a custom privileged scheme, see desktop/src/main). */
export const DESKTOP_ORIGIN = 'app://sidecoach';

export const USAGE = `Usage: sidecoach-hub [options]
       sidecoach-hub create-admin --username NAME [--display-name NAME] [--data-dir DIR]

Options (environment variable in brackets):
  --host HOST            address to listen on (SIDECOACH_HOST, default 127.0.0.1;
                         use 0.0.0.0 to serve the floor)
  --port N               port, 0 for any free one (SIDECOACH_PORT, default ${DEFAULT_PORT})
  --data-dir DIR         where the SQLite database lives (SIDECOACH_DATA_DIR, default ./data)
  --demo                 seed a demo team when the database has no users
  --renderer-dir DIR     built web sidebar (default desktop/dist/renderer)
  --standards-dir DIR    standards packs as YAML (default assets/standards)
  --pack ID              active standards pack id (default sidecoach-default)
  --allow-origin URL     another browser origin allowed to connect (repeatable)
  --session-hours N      sign-in lifetime (default 168)
  --log-level LEVEL      trace|debug|info|warn|error (LOG_LEVEL, default info)
  --help`;

export class ConfigError extends Error {}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): HubConfig & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      'standards-dir': { type: 'string' },
      pack: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'session-hours': { type: 'string' },
      'log-level': { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? env.SIDECOACH_PORT ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`--port must be a whole number from 0 to 65535, got "${values.port}"`);
  }
  const sessionHours = Number(values['session-hours'] ?? 168);
  if (!(sessionHours > 0 && sessionHours <= 24 * 90)) {
    throw new ConfigError('--session-hours must be between 0 and 2160');
  }
  const allowOrigins = (values['allow-origin'] ?? []).map((o) => {
    try {
      return new URL(o).origin;
    } catch {
      throw new ConfigError(`--allow-origin "${o}" is not a URL`);
    }
  });
  return {
    help: values.help,
    host: values.host ?? env.SIDECOACH_HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(values['data-dir'] ?? env.SIDECOACH_DATA_DIR ?? 'data'),
    demo: values.demo,
    rendererDir: resolve(values['renderer-dir'] ?? join(repoRoot, 'desktop/dist/renderer')),
    standardsDir: resolve(values['standards-dir'] ?? join(repoRoot, 'assets/standards')),
    packId: values.pack ?? 'sidecoach-default',
    allowOrigins,
    sessionHours,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
  };
}
