import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';

/** The hub's logger: pino, typed as Fastify sees it so one instance serves both. */
export type Logger = FastifyBaseLogger;

/** Structured JSON logs on stdout (pino); one line an event. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: 'sidecoach-hub' } });
}
