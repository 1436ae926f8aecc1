import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ErrorBody, ErrorCode } from '@sidecoach/shared';
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable } from '../store/dialect.js';
import { hasNul, NUL_REFUSED } from './on-event.js';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unknown_event: 400,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export function sendError(
  reply: FastifyReply,
  code: ErrorCode,
  message: string,
  problems?: string[],
) {
  const body: { error: ErrorBody } = {
    error: problems ? { code, message, problems } : { code, message },
  };
  return reply.code(STATUS[code]).send(body);
}

/** Every HTTP failure answers `{ error: { code, message } }` with a matching status. */
export function installErrorHandlers(app: FastifyInstance) {
  // As on the sockets: a NUL character in a body is refused before any handler sees it.
  app.addHook('preValidation', async (request, reply) => {
    if (hasNul(request.body)) return sendError(reply, 'bad_request', NUL_REFUSED);
  });
  app.setErrorHandler(
    (error: { statusCode?: number; code?: string; message: string }, request, reply) => {
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, 'database unavailable');
        return sendError(reply, 'unavailable', DATABASE_UNAVAILABLE);
      }
      const status = error.statusCode ?? 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      const code: ErrorCode =
        status === 413
          ? 'payload_too_large'
          : status === 429
            ? 'rate_limited'
            : status === 401
              ? 'unauthorized'
              : status === 404
                ? 'not_found'
                : status < 500
                  ? 'bad_request'
                  : 'internal';
      return sendError(reply, code, status >= 500 ? 'internal error' : error.message);
    },
  );
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 'not_found', `no route ${request.method} ${request.url.split('?')[0]}`),
  );
}
