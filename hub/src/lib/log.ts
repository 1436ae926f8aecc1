import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';

/** The hub's logger: pino, typed as Fastify sees it so one instance serves both. */
export type Logger = FastifyBaseLogger;

/** What a redacted value is written as. */
export const REDACTED = '[redacted]';

/**
 * Fields that hold a secret wherever they are: pino replaces them before the line is written
 * (headers of logged requests, bodies and objects handed to a log call). Not `email` or `phone`:
 * those names also label channel states ("email": "smtp"); an address or number itself is
 * caught in the text by IN_TEXT below.
 */
const SECRET_FIELDS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'secret',
  'clientSecret',
  'authorization',
  'cookie',
];
const REDACT_PATHS = [
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((f) => `*.${f}`),
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-sidecoach-signature"]',
  'res.headers["set-cookie"]',
];

/**
 * Secrets that travel inside text (a request's URL, an error's message): the survey link's
 * token in `/s/<token>`, a single sign-on callback's `code` and `state`, any `token` or
 * `password` query parameter, bearer credentials, and customers' email addresses and phone
 * numbers (a mail server's refusal quotes the address). Applied to every line as written.
 */
const IN_TEXT: [RegExp, string][] = [
  [/(\/s\/)(?!assets\/)[A-Za-z0-9._~-]{8,}/g, `$1${REDACTED}`],
  [/([?&](?:code|state|token|access_token|id_token|password|secret)=)[^&\s"#]+/gi, `$1${REDACTED}`],
  [/(bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g, '[email]'],
  [/(?:tel:)?\+\d[\d ().-]{6,}\d/g, '[phone]'],
];

/** A written log line with the secrets in its text replaced. */
export function redactLine(line: string): string {
  let out = line;
  for (const [pattern, replacement] of IN_TEXT) out = out.replace(pattern, replacement);
  return out;
}

/**
 * Structured JSON logs on stdout (pino); one line an event. Secrets never reach the line:
 * known fields are replaced by pino's `redact`, secrets inside text by `redactLine`.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'sidecoach-hub' },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: { streamWrite: redactLine },
  });
}
