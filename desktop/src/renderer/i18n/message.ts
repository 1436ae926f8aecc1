import i18next, { type ParseKeys, type TFunction } from 'i18next';
import type { ErrorBody, ErrorCode } from '@sidecoach/shared';

/** Any key `t()` accepts (plural keys without their `_one`/`_other` suffix). */
export type MessageKey = ParseKeys<'translation'>;

/**
 * What a kept message fills in. The names are listed, not any string: `t()`'s options also
 * carry `context`, `count` and `keyPrefix`, and an open record would say it has them, which
 * changes the keys `t()` accepts.
 */
export type MessageValues = Readonly<Partial<Record<ValueName, string | number>>>;
type ValueName =
  'message' | 'url' | 'detail' | 'line' | 'column' | 'size' | 'max' | 'current' | 'next' | 'got';

/**
 * A message kept to show later (a store's notice or error): its key and values, shown with
 * `t(message.key, message.values)` in the language of the moment.
 */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}

// The one mapping from a hub error code to its message; a new code in @sidecoach/shared is a
// type error here until it has one.
const HUB_ERRORS = {
  bad_request: 'errors.bad_request',
  unauthorized: 'errors.unauthorized',
  forbidden: 'errors.forbidden',
  not_found: 'errors.not_found',
  conflict: 'errors.conflict',
  rate_limited: 'errors.rate_limited',
  unknown_event: 'errors.generic',
  payload_too_large: 'errors.generic',
  internal: 'errors.generic',
} as const satisfies Record<ErrorCode, MessageKey>;

/** A hub error as a message (what `{ key: \`errors.${code}\` }` meant, for every code). */
export function hubErrorMessage(error: ErrorBody): Message {
  return { key: HUB_ERRORS[error.code], values: { message: error.message } };
}

/** Whether a key built at run time names a string (every language has the same keys). */
export function isMessageKey(key: string): key is MessageKey {
  return i18next.exists(key);
}

/**
 * Until a store keeps `Message`: its `{ key: string }` checked against the strings, an unknown
 * key shown as the generic error rather than as the bare key.
 */
export function toMessage(
  kept: Message | { key: string; values?: Record<string, string> },
): Message {
  const { key, values } = kept;
  if (isMessageKey(key)) return values ? { key, values } : { key };
  return { key: 'errors.generic', values: { message: values?.message ?? key } };
}

/** A kept message in the language of the moment (a store's `Message`, or one not yet typed). */
export function messageText(
  t: TFunction,
  message: Message | { key: string; values?: Record<string, string> },
): string {
  const { key, values } = toMessage(message);
  return t(key, values);
}
