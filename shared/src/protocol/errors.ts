import { z } from 'zod';

/** Every error code the hub answers with, on sockets and over HTTP. */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'unknown_event',
  'payload_too_large',
  'rate_limited',
  /** The hub cannot reach its database now: nothing was changed; try again shortly. */
  'unavailable',
  'internal',
] as const;
export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** With `bad_request` for a chosen password: which rules it breaks (see domain/passwords.ts). */
  problems: z.array(z.string()).optional(),
  /**
   * With `rate_limited`: whole seconds until the request would be accepted again (the socket
   * twin of HTTP's `Retry-After`). Optional: sidebars that do not read it show a general text.
   */
  retryAfter: z.number().int().min(0).optional(),
});
/** The error half of an acknowledgement, also the body of every HTTP 4xx/5xx answer (`{ error }`). */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** Acknowledgement of a client event: success with data, or an error with a code. */
export type AckResponse<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
/** The trailing callback socket.io hands to a handler. */
export type Ack<T> = (response: AckResponse<T>) => void;

export function ok<T>(data: T): AckResponse<T> {
  return { ok: true, data };
}

export function fail(code: ErrorCode, message: string, problems?: string[]): AckResponse<never> {
  return { ok: false, error: problems ? { code, message, problems } : { code, message } };
}

/** Refused for now: this user spent a budget; accepted again in `retryAfter` seconds. */
export function rateLimited(message: string, retryAfter: number): AckResponse<never> {
  return { ok: false, error: { code: 'rate_limited', message, retryAfter } };
}
