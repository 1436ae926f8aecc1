import type { Socket } from 'socket.io';
import type { Logger } from './log.js';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../store/dialect.js';
import { z } from 'zod';
import {
  clientEventSchemas,
  fail,
  type AckResponse,
  type ClientEventName,
  type ClientEventResults,
} from '@sidecoach/shared';

type Parsed<E extends ClientEventName> = z.output<(typeof clientEventSchemas)[E]>;
export type EventHandler<E extends ClientEventName> = (
  payload: Parsed<E>,
) => Promise<AckResponse<ClientEventResults[E]>>;

/**
 * Registers a handler that never throws to socket.io: the payload is parsed with its schema
 * first (failure: `bad_request`), errors become `internal`, and an event sent without an
 * acknowledgement callback is logged and dropped (there is nobody to answer).
 */
export function onEvent<E extends ClientEventName>(
  socket: Socket,
  log: Logger,
  event: E,
  handler: EventHandler<E>,
) {
  const name: string = event; // widened: socket.io's listener type needs a concrete name
  socket.on(name, async (...args: unknown[]) => {
    const ack = args[args.length - 1];
    if (typeof ack !== 'function') {
      log.warn({ event }, 'event without acknowledgement dropped');
      return;
    }
    const reply = ack as (response: AckResponse<unknown>) => void;
    if (args.length !== 2) return reply(fail('bad_request', `${event} takes one payload object`));
    if (hasNul(args[0])) return reply(fail('bad_request', NUL_REFUSED));
    const parsed = clientEventSchemas[event].safeParse(args[0]);
    if (!parsed.success) return reply(fail('bad_request', z.prettifyError(parsed.error)));
    try {
      reply(await handler(parsed.data as Parsed<E>));
    } catch (err) {
      if (isDatabaseUnavailable(err)) {
        log.warn({ err, event }, 'database unavailable');
        return reply(fail('unavailable', DATABASE_UNAVAILABLE));
      }
      log.error({ err, event }, 'handler failed');
      reply(fail('internal', 'internal error; nothing was changed'));
    }
  });
}

/** Events nobody handles get an `unknown_event` error instead of silence. */
export function answerUnknownEvents(socket: Socket) {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (Object.hasOwn(clientEventSchemas, event)) return;
    const ack = args[args.length - 1];
    if (typeof ack === 'function') {
      (ack as (r: AckResponse<never>) => void)(fail('unknown_event', `unknown event "${event}"`));
    }
  });
}

export const NUL_REFUSED = 'text may not contain NUL characters (\\u0000)';

/**
 * A NUL character anywhere in a payload: PostgreSQL refuses it in text, so it would fail the
 * write as an internal error (which sidebars retry for ever); it is refused up front instead.
 */
export function hasNul(payload: unknown, depth = 0): boolean {
  if (typeof payload === 'string') return payload.includes('\0');
  if (depth > 20 || payload === null || typeof payload !== 'object') return false;
  return Object.entries(payload).some(([k, v]) => k.includes('\0') || hasNul(v, depth + 1));
}
