import type { ParseKeys } from 'i18next';

/** Any key `t()` accepts (plural keys without their `_one`/`_other` suffix). */
export type MessageKey = ParseKeys<'translation'>;

/**
 * What a kept message fills in. The names are listed, not any string: `t()`'s options also
 * carry `context`, `count` and `keyPrefix`, and an open record would say it has them, which
 * changes the keys `t()` accepts.
 */
export type MessageValues = Readonly<Partial<Record<ValueName, string | number>>>;
type ValueName =
  | 'message'
  | 'url'
  | 'detail'
  | 'line'
  | 'column'
  | 'size'
  | 'max'
  | 'current'
  | 'next'
  | 'got'
  | 'name'
  | 'team'
  | 'date'
  | 'version'
  | 'revision'
  /** The number a plural key is chosen by (`errors.busy`: minutes to wait). */
  | 'count';

/**
 * A message kept to show later (a store's notice or error): its key and values, shown with
 * `t(message.key, message.values)` in the language of the moment.
 */
export interface Message {
  key: MessageKey;
  values?: MessageValues;
}
