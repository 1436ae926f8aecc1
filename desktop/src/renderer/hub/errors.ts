import type { ErrorCode } from '@sidecoach/shared';
import type { Message, MessageKey } from '../i18n/message.js';

export type { Message } from '../i18n/message.js';

/** Why a request failed: the hub's refusal, or no answer (not connected, or too late). */
export type FailureCode = ErrorCode | 'offline' | 'timeout';

/**
 * Keys a view shows instead of the general ones, per failure; `refused` stands for every refusal
 * by the hub without a key of its own (offline and timeout keep the general ones unless named).
 */
export type MessageOverrides = Partial<Record<FailureCode | 'refused', MessageKey>>;

/** The one mapping from a failure to what the user reads. */
const GENERAL = {
  offline: 'errors.offline',
  timeout: 'errors.timeout',
  bad_request: 'errors.bad_request',
  unauthorized: 'errors.generic',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  unknown_event: 'errors.outdated',
  payload_too_large: 'errors.generic',
  rate_limited: 'errors.rate_limited',
  unavailable: 'errors.unavailable',
  internal: 'errors.generic',
} as const satisfies Record<FailureCode, MessageKey>;

/**
 * `retryAfter`: with `rate_limited`, the seconds the hub said to wait (a request budget spent):
 * the message says how many minutes, unless the view names its own for `rate_limited`.
 */
export function messageFor(
  code: FailureCode,
  message: string,
  overrides: MessageOverrides = {},
  retryAfter?: number,
): Message {
  if (code === 'rate_limited' && retryAfter !== undefined && !overrides.rate_limited)
    return {
      key: 'errors.busy',
      values: { message, count: Math.max(1, Math.ceil(retryAfter / 60)) },
    };
  const network = code === 'offline' || code === 'timeout';
  const key: MessageKey =
    overrides[code] ?? (network ? undefined : overrides.refused) ?? GENERAL[code];
  return { key, values: { message } };
}

/** No answer came: the same request may be sent again (with the same id). */
export const isNetworkFailure = (code: FailureCode): boolean =>
  code === 'offline' || code === 'timeout';

/** Whether a message says no answer came (a view may leave that to the header's status). */
export const isNetworkMessage = (message: Message | null): boolean =>
  message?.key === GENERAL.offline || message?.key === GENERAL.timeout;
