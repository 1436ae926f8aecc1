import { describe, expect, it } from 'vitest';
import { isNetworkMessage, messageFor } from './errors.js';

describe('one mapping from a failure to a message', () => {
  it('gives every refusal a general message with the hub’s words', () => {
    expect(messageFor('forbidden', 'not your team')).toEqual({
      key: 'errors.forbidden',
      values: { message: 'not your team' },
    });
    // Codes without a sentence of their own never show a bare key.
    expect(messageFor('internal', 'boom').key).toBe('errors.generic');
    expect(messageFor('unknown_event', 'x').key).toBe('errors.outdated');
  });

  it('lets a view name its own sentence per failure, or for every refusal', () => {
    const overrides = { conflict: 'surveyPack.refused', refused: 'surveys.error.other' } as const;
    expect(messageFor('conflict', 'v2').key).toBe('errors.conflict');
    expect(messageFor('conflict', 'v2', overrides).key).toBe('surveyPack.refused');
    expect(messageFor('not_found', '', overrides).key).toBe('surveys.error.other');
    // "refused" is for the hub's refusals: no answer keeps the general words.
    expect(messageFor('offline', '', overrides).key).toBe('errors.offline');
    expect(messageFor('timeout', '', overrides).key).toBe('errors.timeout');
  });

  it('says how many minutes to wait when a request budget is spent', () => {
    expect(messageFor('rate_limited', 'too many', {}, 90)).toEqual({
      key: 'errors.busy',
      values: { message: 'too many', count: 2 },
    });
    expect(messageFor('rate_limited', '', {}, 1).values?.count).toBe(1);
    // Without the hub's wait (sign-in over HTTP, an older hub), the general words.
    expect(messageFor('rate_limited', '').key).toBe('errors.rate_limited');
    // A view's own sentence for the code still wins; a catch-all for refusals does not.
    expect(messageFor('rate_limited', '', { rate_limited: 'signIn.expired' }, 90).key).toBe(
      'signIn.expired',
    );
    expect(messageFor('rate_limited', '', { refused: 'surveys.error.other' }, 90).key).toBe(
      'errors.busy',
    );
  });

  it('tells no-answer messages apart', () => {
    expect(isNetworkMessage(messageFor('offline', ''))).toBe(true);
    expect(isNetworkMessage(messageFor('timeout', ''))).toBe(true);
    expect(isNetworkMessage(messageFor('forbidden', ''))).toBe(false);
    expect(isNetworkMessage(null)).toBe(false);
  });
});
