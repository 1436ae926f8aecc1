import type { TFunction } from 'i18next';
import type { PasswordProblem } from '@sidecoach/shared';
import { HubError } from '../../hub/client.js';
import type { MessageKey } from '../../i18n/message.js';
import { waitTime } from '../../lib/format.js';

/**
 * What a refused sign-in request says to the user: the hub unreachable, a wrong credential
 * (`wrongKey`), too many tries, or the rules a chosen password breaks.
 */
export function signInFailure(
  err: unknown,
  t: TFunction,
  wrongKey: MessageKey,
  language: string,
): { text: string; problems: PasswordProblem[] } {
  const none: PasswordProblem[] = [];
  if (!(err instanceof HubError))
    return {
      text: t('errors.generic', { message: err instanceof Error ? err.message : String(err) }),
      problems: none,
    };
  if (err.code === 'network')
    return {
      text: t('errors.network', { url: URL.parse(err.message)?.origin ?? '' }),
      problems: none,
    };
  if (err.code === 'unauthorized') return { text: t(wrongKey), problems: none };
  if (err.code === 'rate_limited')
    return {
      text:
        err.retryAfterSeconds === null
          ? t('errors.rate_limited')
          : t('errors.rate_limited_wait', { wait: waitTime(err.retryAfterSeconds, language) }),
      problems: none,
    };
  if (err.code === 'bad_request' && err.problems.length > 0)
    return { text: err.message, problems: err.problems };
  return { text: t('errors.generic', { message: err.message }), problems: none };
}
