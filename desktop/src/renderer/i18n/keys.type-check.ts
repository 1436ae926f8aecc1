// Compiled by `tsc -b` (desktop/tsconfig.web.json), never run or bundled: each `@ts-expect-error`
// fails the build if the line under it stops being an error, so the key check is itself checked.
import type { TFunction } from 'i18next';
import type { AgentStatus, ErrorBody } from '@sidecoach/shared';
import { messageFor } from '../hub/errors.js';
import type { Message, MessageKey } from './message.js';
import type { Translation } from './types.js';

export function keysAreChecked(t: TFunction, status: AgentStatus, code: string) {
  t('signIn.title');
  t('header.pending', { count: 2 }); // a plural key, without its _one/_other
  t('surveys.nav.feedback'); // a feature file's keys, under its own key
  t(`status.${status}`); // a key built from a union of real values
  // @ts-expect-error a misspelt key
  t('signIn.titel');
  // @ts-expect-error a key English does not have
  t('surveys.nav.nowhere');
  // @ts-expect-error a key built from any string
  t(`errors.${code}`);
  // @ts-expect-error an object of strings is not a string
  t('signIn');
}

export function messagesAreChecked(t: TFunction, message: Message, error: ErrorBody) {
  t(message.key, message.values);
  const fromHub: Message = messageFor(error.code, error.message);
  // @ts-expect-error a kept message's key is a real key
  const misspelt: Message = { key: 'errors.genric' };
  // @ts-expect-error its values are named, so `t()` options (context, keyPrefix) cannot slip in
  const counted: Message = { key: 'errors.generic', values: { context: 'x' } };
  const key: MessageKey = 'reflection.error.stale';
  return [fromHub, misspelt, counted, key];
}

// Every language has every key (translation.zh-CN.ts is a `Translation`), so none falls back.
// @ts-expect-error an incomplete language is not a Translation
export const incomplete: Translation = { app: { name: 'Sidecoach' } };
