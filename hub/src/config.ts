import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { isLoopbackHost, RoleSchema } from '@sidecoach/shared';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SurveyConfig } from './surveys/config.js';
import { MATCH_CLAIMS, type MatchClaim, type SsoConfig } from './auth/sso-config.js';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** Everything the hub can be told, from flags first, then environment, then laptop defaults. */
export interface HubConfig {
  host: string;
  port: number;
  dataDir: string;
  /** PostgreSQL instead of the embedded SQLite file (postgres://user:pass@host:5432/db). */
  databaseUrl: string | null;
  /** Seed the demo team when the database has no users. */
  demo: boolean;
  /** With `demo`: also four weeks of one agent's calls, observations, QA and surveys. */
  demoHistory: boolean;
  /** Built renderer served as the web sidebar. */
  rendererDir: string;
  /** Folder of standards packs (*.yaml). */
  standardsDir: string;
  /** The pack calls are checked and scored against. */
  packId: string;
  /**
   * Proxies (load balancers) whose X-Forwarded-For is believed: addresses or CIDR ranges. Behind
   * one, without it every request has the proxy's address and per-address limits are global.
   */
  trustProxy: string[];
  /** Browser origins besides the hub's own and the desktop app's that may connect. */
  allowOrigins: string[];
  sessionHours: number;
  /** How long a one-time sign-in code (or reset link) an admin issues stays valid. */
  oneTimeCodeHours: number;
  /** How often each node applies team moves whose day has started (ms). */
  teamMoveSweepMs: number;
  /** How often each node draws the QA sample of active plans' ended slots (ms). */
  qaDrawSweepMs: number;
  /** How often each node looks for weeks and months that closed, to award their badges (ms). */
  recognitionSweepMs: number;
  /** An observer with no connected socket for this long stops observing (seconds). */
  observerGraceSeconds: number;
  logLevel: string;
  surveys: SurveyConfig;
  secrets: HubSecrets;
  /** The hub's address as browsers reach it (survey links, the SSO redirect); null: listen URL. */
  publicUrl: string | null;
  /** false: password sign-in is off, except for break-glass admins (create-admin --break-glass). */
  passwords: boolean;
  /** Single sign-on through an OpenID Connect provider; null when off. */
  sso: SsoConfig | null;
  /** HTTPS and WSS with this certificate and key (PEM files); null: plain HTTP. */
  tls: { certFile: string; keyFile: string } | null;
  /**
   * Host names (and addresses) the hub answers to, compared with each request's Host header
   * against DNS rebinding; empty: this machine's names and addresses, loopback and the public
   * URL's host.
   */
  allowedHosts: string[];
  /**
   * Failed password (or one-time code) checks one address may make in 15 minutes, whatever
   * usernames it tries: high enough for a whole floor behind one NAT address.
   */
  signInFailuresPerAddress: number;
}

/**
 * Shared secrets given in the environment (at least 16 characters). Each one left unset is
 * generated once and kept in a file in the data directory (see lib/secrets.ts).
 */
export interface HubSecrets {
  /** SIDECOACH_CTI_SECRET: the PBX signs CTI webhook calls with it. */
  cti: string | undefined;
  /** SIDECOACH_SURVEY_SECRET: signs survey links. */
  survey: string | undefined;
  /** SIDECOACH_SURVEY_WEBHOOK_SECRET: the hub signs SMS/IVR gateway calls with it. */
  surveyWebhook: string | undefined;
}

export const DEFAULT_PORT = 4780;
/** The origin of the Electron renderer (a custom privileged scheme, see desktop/src/main). */
export const DESKTOP_ORIGIN = 'app://sidecoach';

export const USAGE = `Usage: sidecoach-hub [options]
       sidecoach-hub create-admin --username NAME [--display-name NAME] [--data-dir DIR]
                         [--break-glass] (signs in with a password even when
                         --disable-passwords is on; every such sign-in is audited)
       sidecoach-hub copy-to-postgres [--data-dir DIR] --database URL
                         (the hub stopped: copies its SQLite database into an empty
                         PostgreSQL one)

Options (environment variable in brackets):
  --host HOST            address to listen on (SIDECOACH_HOST, default 127.0.0.1;
                         use 0.0.0.0 to serve the floor)
  --port N               port, 0 for any free one (SIDECOACH_PORT, default ${DEFAULT_PORT})
  --data-dir DIR         where the SQLite database lives (SIDECOACH_DATA_DIR, default ./data)
  --database URL         PostgreSQL instead: postgres://user:pass@host:5432/sidecoach
                         (SIDECOACH_DATABASE_URL; default: embedded SQLite in --data-dir)
  --demo                 seed a demo team when the database has no users
  --demo-empty           with --demo: the accounts only, without the demo agent's history
  --renderer-dir DIR     built web sidebar (default desktop/dist/renderer)
  --standards-dir DIR    standards packs as YAML (default assets/standards)
  --pack ID              active standards pack id (default sidecoach-default)
  --trust-proxy ADDR     a load balancer's address or CIDR whose X-Forwarded-For is believed
                         (repeatable; SIDECOACH_TRUST_PROXY, comma-separated)
  --allow-origin URL     another browser origin allowed to connect (repeatable)
  --session-hours N      sign-in lifetime (default 168)
  --one-time-code-hours N
                         how long a one-time code or reset link an admin issues stays valid
                         (SIDECOACH_ONE_TIME_CODE_HOURS, default 24)
  --team-move-sweep-ms N how often future-dated team moves are looked for (default 60000)
  --qa-draw-sweep-ms N   how often active QA plans' ended slots are drawn (default 600000)
  --recognition-sweep-ms N
                         how often closed weeks and months are looked for to award badges
                         (default 600000)
  --observer-grace-seconds N
                         an observer with no connection for N seconds stops observing
                         (SIDECOACH_OBSERVER_GRACE_SECONDS, default 120)
  --log-level LEVEL      trace|debug|info|warn|error (LOG_LEVEL, default info)
  --disable-passwords    no password sign-in except break-glass admins (create-admin
                         --break-glass; SIDECOACH_DISABLE_PASSWORDS=1)

Security:
  --tls-cert FILE        serve HTTPS and WSS with this PEM certificate (chain), with
  --tls-key FILE         its PEM private key (SIDECOACH_TLS_CERT, SIDECOACH_TLS_KEY); sends
                         HSTS. Behind a TLS proxy instead: --trust-proxy and --public-url
  --allowed-host NAME    a host name the hub answers to (repeatable; SIDECOACH_ALLOWED_HOSTS,
                         comma-separated); others get 421. Default: this machine's names and
                         addresses, localhost and the --public-url host
  --sign-in-failures-per-address N
                         failed sign-ins one address may make in 15 minutes across all
                         usernames (SIDECOACH_SIGN_IN_FAILURES_PER_ADDRESS, default 300)

Single sign-on (OpenID Connect; the redirect is PUBLIC_URL/api/auth/oidc/callback):
  --oidc-issuer URL      the provider's issuer URL; turns SSO on (SIDECOACH_OIDC_ISSUER)
  --oidc-client-id ID    (SIDECOACH_OIDC_CLIENT_ID)
  --oidc-client-secret-file FILE
                         the client secret (or SIDECOACH_OIDC_CLIENT_SECRET); neither: a
                         public client (PKCE only)
  --oidc-label NAME      the provider's name on the sign-in button (default: its host)
  --oidc-scopes LIST     scopes asked for (default "openid profile email")
  --oidc-match-claim C   preferred_username|email|sub: the claim matched to a username on a
                         first sign-in (default preferred_username)
  --oidc-create-users    create people no username matches (else they are refused)
  --oidc-default-role R  the role of people created (default agent)
  --oidc-groups-claim C  the claim listing groups (e.g. groups), with --oidc-group-map
  --oidc-group-map FILE  YAML or JSON mapping group names to a role and teams

Post-call surveys:
  --surveys FILE         survey pack YAML (default assets/surveys/default.yaml)
  --public-url URL       the hub's address as customers reach it, for survey links
                         (SIDECOACH_PUBLIC_URL, default http://HOST:PORT)
  --smtp-url URL         SMTP server for email surveys, smtp[s]://user:pass@host:port
                         (SIDECOACH_SMTP_URL; unset: email surveys wait, retried)
  --mail-from ADDRESS    sender of survey emails (SIDECOACH_MAIL_FROM)
  --survey-webhook URL   SMS/IVR gateway for sms and ivr surveys, HMAC-signed
                         (SIDECOACH_SURVEY_WEBHOOK; secret: SIDECOACH_SURVEY_WEBHOOK_SECRET
                         or the file survey-webhook-secret in the data directory)
  --survey-delay S       seconds after a call before its survey is sent (default 120)
  --survey-retry S       first retry of a failed send after S seconds (default 30)
  --survey-give-up H     hours of retrying before a send is marked failed (default 72)
  --survey-link-days N   days a survey link stays valid (default 7)
  --survey-lang LANG     survey language when the customer's is unknown (default en)
  --help`;

export class ConfigError extends Error {}

/** The data directory: flag, then SIDECOACH_DATA_DIR, then ./data (the hub and its commands). */
const dataDirOf = (flag: string | undefined, env: NodeJS.ProcessEnv) =>
  resolve(flag ?? env.SIDECOACH_DATA_DIR ?? 'data');

/** The database: --database, then SIDECOACH_DATABASE_URL; none means embedded SQLite. */
function databaseUrlOf(flag: string | undefined, env: NodeJS.ProcessEnv): string | null {
  const value = flag ?? env.SIDECOACH_DATABASE_URL;
  if (!value) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`--database "${redacted(value)}" is not a URL`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
    throw new ConfigError('--database must be a postgres:// URL (without it: embedded SQLite)');
  return value;
}

/** A database URL with its password left out, for messages and logs. */
export function redacted(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

/** `create-admin`'s flags; the password is read from standard input, not from here. */
export function parseCreateAdminConfig(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      'break-glass': { type: 'boolean', default: false },
    },
  });
  return {
    breakGlass: values['break-glass'],
    username: values.username,
    displayName: values['display-name'],
    dataDir: dataDirOf(values['data-dir'], env),
    databaseUrl: databaseUrlOf(values.database, env),
  };
}

/** `copy-to-postgres`'s flags: the SQLite hub's data directory and the PostgreSQL target. */
export function parseCopyConfig(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'data-dir': { type: 'string' },
      database: { type: 'string' },
    },
  });
  const databaseUrl = databaseUrlOf(values.database, env);
  if (!databaseUrl)
    throw new ConfigError(
      'copy-to-postgres needs --database postgres://user:pass@host:5432/sidecoach (or SIDECOACH_DATABASE_URL)',
    );
  return { dataDir: dataDirOf(values['data-dir'], env), databaseUrl };
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

/** The `--oidc-*` flags: null when no issuer is given (SSO off). */
function ssoConfigOf(
  values: Record<string, string | boolean | string[] | undefined>,
  env: NodeJS.ProcessEnv,
): SsoConfig | null {
  const text = (flag: string) => values[flag] as string | undefined;
  const issuer = text('oidc-issuer') ?? env.SIDECOACH_OIDC_ISSUER;
  const rest = Object.keys(values).filter((k) => k.startsWith('oidc-') && values[k] !== undefined);
  if (!issuer) {
    if (rest.some((k) => values[k] !== false))
      throw new ConfigError('the --oidc-* flags need --oidc-issuer (SIDECOACH_OIDC_ISSUER)');
    return null;
  }
  let issuerUrl: URL;
  try {
    issuerUrl = new URL(issuer);
  } catch {
    throw new ConfigError(`--oidc-issuer "${issuer}" is not a URL`);
  }
  // Plain-http providers are accepted on this machine only (a test or a local provider).
  if (issuerUrl.protocol !== 'https:' && !isLoopbackHost(issuerUrl.hostname))
    throw new ConfigError('--oidc-issuer must be https:// (plain http only on this machine)');
  const clientId = text('oidc-client-id') ?? env.SIDECOACH_OIDC_CLIENT_ID;
  if (!clientId) throw new ConfigError('--oidc-issuer needs --oidc-client-id');
  const secretFile = text('oidc-client-secret-file');
  let clientSecret = env.SIDECOACH_OIDC_CLIENT_SECRET ?? null;
  if (secretFile) {
    try {
      clientSecret = readFileSync(secretFile, 'utf8').trim();
    } catch (err) {
      throw new ConfigError(
        `--oidc-client-secret-file ${secretFile}: ${(err as Error).message.split('\n')[0]}`,
      );
    }
    if (!clientSecret) throw new ConfigError(`--oidc-client-secret-file ${secretFile} is empty`);
  }
  const matchClaim = text('oidc-match-claim') ?? 'preferred_username';
  if (!(MATCH_CLAIMS as readonly string[]).includes(matchClaim))
    throw new ConfigError(`--oidc-match-claim must be one of ${MATCH_CLAIMS.join(', ')}`);
  // Staff roles only: mystery callers are never made by single sign-on (mystery:caller-save).
  const staffRoles = RoleSchema.exclude(['caller']);
  const role = staffRoles.safeParse(text('oidc-default-role') ?? 'agent');
  if (!role.success)
    throw new ConfigError(`--oidc-default-role must be one of ${staffRoles.options.join(', ')}`);
  const groupsClaim = text('oidc-groups-claim') ?? null;
  const groupMapFile = text('oidc-group-map') ?? null;
  if ((groupsClaim === null) !== (groupMapFile === null))
    throw new ConfigError('--oidc-groups-claim and --oidc-group-map go together');
  const scopes = new Set((text('oidc-scopes') ?? 'openid profile email').split(/[\s,]+/));
  scopes.delete('');
  scopes.add('openid');
  return {
    issuer,
    clientId,
    clientSecret,
    label: text('oidc-label') ?? issuerUrl.hostname,
    scopes: [...scopes].join(' '),
    matchClaim: matchClaim as MatchClaim,
    createUsers: values['oidc-create-users'] === true,
    defaultRole: role.data,
    groupsClaim,
    groupMapFile: groupMapFile && resolve(groupMapFile),
  };
}

export function parseConfig(argv: string[], env: NodeJS.ProcessEnv): HubConfig & { help: boolean } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: false,
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      database: { type: 'string' },
      demo: { type: 'boolean', default: false },
      'demo-empty': { type: 'boolean', default: false },
      'renderer-dir': { type: 'string' },
      'standards-dir': { type: 'string' },
      pack: { type: 'string' },
      'allow-origin': { type: 'string', multiple: true },
      'trust-proxy': { type: 'string', multiple: true },
      'session-hours': { type: 'string' },
      'one-time-code-hours': { type: 'string' },
      'team-move-sweep-ms': { type: 'string' },
      'qa-draw-sweep-ms': { type: 'string' },
      'recognition-sweep-ms': { type: 'string' },
      'observer-grace-seconds': { type: 'string' },
      'log-level': { type: 'string' },
      surveys: { type: 'string' },
      'public-url': { type: 'string' },
      'smtp-url': { type: 'string' },
      'mail-from': { type: 'string' },
      'survey-webhook': { type: 'string' },
      'survey-delay': { type: 'string' },
      'survey-retry': { type: 'string' },
      'survey-give-up': { type: 'string' },
      'survey-link-days': { type: 'string' },
      'survey-lang': { type: 'string' },
      'disable-passwords': { type: 'boolean', default: false },
      'oidc-issuer': { type: 'string' },
      'oidc-client-id': { type: 'string' },
      'oidc-client-secret-file': { type: 'string' },
      'oidc-label': { type: 'string' },
      'oidc-scopes': { type: 'string' },
      'oidc-match-claim': { type: 'string' },
      'oidc-create-users': { type: 'boolean', default: false },
      'oidc-default-role': { type: 'string' },
      'oidc-groups-claim': { type: 'string' },
      'oidc-group-map': { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      'sign-in-failures-per-address': { type: 'string' },
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
  const oneTimeCodeHours = Number(
    values['one-time-code-hours'] ?? env.SIDECOACH_ONE_TIME_CODE_HOURS ?? 24,
  );
  if (!(oneTimeCodeHours > 0 && oneTimeCodeHours <= 24 * 14)) {
    throw new ConfigError('--one-time-code-hours must be between 0 and 336');
  }
  const allowOrigins = (values['allow-origin'] ?? []).map((o) => {
    try {
      return new URL(o).origin;
    } catch {
      throw new ConfigError(`--allow-origin "${o}" is not a URL`);
    }
  });
  const number = (flag: string, value: string | undefined, fallback: number, max: number) => {
    const n = Number(value ?? fallback);
    if (!(n >= 0 && n <= max)) throw new ConfigError(`--${flag} must be a number from 0 to ${max}`);
    return n;
  };
  const url = (flag: string, value: string | undefined, protocols: string[]) => {
    if (!value) return null;
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new ConfigError(`--${flag} "${value}" is not a URL`);
    }
    if (!protocols.includes(parsed.protocol))
      throw new ConfigError(`--${flag} must start with ${protocols.join(' or ')}//`);
    return value;
  };
  const surveys: SurveyConfig = {
    packFile: resolve(values.surveys ?? join(repoRoot, 'assets/surveys/default.yaml')),
    publicUrl:
      url('public-url', values['public-url'] ?? env.SIDECOACH_PUBLIC_URL, [
        'http:',
        'https:',
      ])?.replace(/\/+$/, '') ?? null,
    smtpUrl: url('smtp-url', values['smtp-url'] ?? env.SIDECOACH_SMTP_URL, ['smtp:', 'smtps:']),
    mailFrom: values['mail-from'] ?? env.SIDECOACH_MAIL_FROM ?? 'Sidecoach <surveys@localhost>',
    webhookUrl: url('survey-webhook', values['survey-webhook'] ?? env.SIDECOACH_SURVEY_WEBHOOK, [
      'http:',
      'https:',
    ]),
    delaySeconds: number('survey-delay', values['survey-delay'], 120, 86_400),
    retrySeconds: number('survey-retry', values['survey-retry'], 30, 3_600),
    giveUpHours: number('survey-give-up', values['survey-give-up'], 72, 24 * 30),
    linkDays: number('survey-link-days', values['survey-link-days'], 7, 90),
    defaultLang: values['survey-lang'] ?? 'en',
  };
  const teamMoveSweepMs = number(
    'team-move-sweep-ms',
    values['team-move-sweep-ms'],
    60_000,
    3_600_000,
  );
  if (teamMoveSweepMs < 10) throw new ConfigError('--team-move-sweep-ms must be at least 10');
  const qaDrawSweepMs = number('qa-draw-sweep-ms', values['qa-draw-sweep-ms'], 600_000, 86_400_000);
  if (qaDrawSweepMs < 10) throw new ConfigError('--qa-draw-sweep-ms must be at least 10');
  const recognitionSweepMs = number(
    'recognition-sweep-ms',
    values['recognition-sweep-ms'],
    600_000,
    86_400_000,
  );
  if (recognitionSweepMs < 10) throw new ConfigError('--recognition-sweep-ms must be at least 10');
  const observerGraceSeconds = number(
    'observer-grace-seconds',
    values['observer-grace-seconds'] ?? env.SIDECOACH_OBSERVER_GRACE_SECONDS,
    120,
    86_400,
  );
  if (observerGraceSeconds < 1)
    throw new ConfigError('--observer-grace-seconds must be at least 1');
  if (surveys.linkDays === 0) throw new ConfigError('--survey-link-days must be at least 1');
  const certFile = values['tls-cert'] ?? env.SIDECOACH_TLS_CERT;
  const keyFile = values['tls-key'] ?? env.SIDECOACH_TLS_KEY;
  if (!certFile !== !keyFile) throw new ConfigError('--tls-cert and --tls-key go together');
  const signInFailuresPerAddress = number(
    'sign-in-failures-per-address',
    values['sign-in-failures-per-address'] ?? env.SIDECOACH_SIGN_IN_FAILURES_PER_ADDRESS,
    300,
    1_000_000,
  );
  if (!Number.isInteger(signInFailuresPerAddress) || signInFailuresPerAddress < 1)
    throw new ConfigError('--sign-in-failures-per-address must be a whole number, at least 1');
  const allowedHosts = (values['allowed-host'] ?? env.SIDECOACH_ALLOWED_HOSTS?.split(',') ?? [])
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  for (const h of allowedHosts)
    if (!/^(\[[0-9a-f:.]+\]|[\p{L}\p{N}.-]+)$/u.test(h))
      throw new ConfigError(`--allowed-host "${h}" is not a host name (no scheme, no port)`);
  return {
    tls: certFile && keyFile ? { certFile: resolve(certFile), keyFile: resolve(keyFile) } : null,
    allowedHosts,
    signInFailuresPerAddress,
    surveys,
    publicUrl: surveys.publicUrl,
    passwords: !(values['disable-passwords'] || truthy(env.SIDECOACH_DISABLE_PASSWORDS)),
    sso: ssoConfigOf(values, env),
    help: values.help,
    host: values.host ?? env.SIDECOACH_HOST ?? '127.0.0.1',
    port,
    dataDir: dataDirOf(values['data-dir'], env),
    databaseUrl: databaseUrlOf(values.database, env),
    demo: values.demo,
    demoHistory: values.demo && !values['demo-empty'],
    rendererDir: resolve(values['renderer-dir'] ?? join(repoRoot, 'desktop/dist/renderer')),
    standardsDir: resolve(values['standards-dir'] ?? join(repoRoot, 'assets/standards')),
    packId: values.pack ?? 'sidecoach-default',
    allowOrigins,
    trustProxy: (values['trust-proxy'] ?? env.SIDECOACH_TRUST_PROXY?.split(',') ?? [])
      .map((p) => p.trim())
      .filter(Boolean),
    sessionHours,
    oneTimeCodeHours,
    teamMoveSweepMs,
    qaDrawSweepMs,
    recognitionSweepMs,
    observerGraceSeconds,
    logLevel: values['log-level'] ?? env.LOG_LEVEL ?? 'info',
    secrets: {
      cti: env.SIDECOACH_CTI_SECRET,
      survey: env.SIDECOACH_SURVEY_SECRET,
      surveyWebhook: env.SIDECOACH_SURVEY_WEBHOOK_SECRET,
    },
  };
}
