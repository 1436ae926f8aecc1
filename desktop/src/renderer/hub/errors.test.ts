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

  it('tells no-answer messages apart', () => {
    expect(isNetworkMessage(messageFor('offline', ''))).toBe(true);
    expect(isNetworkMessage(messageFor('timeout', ''))).toBe(true);
    expect(isNetworkMessage(messageFor('forbidden', ''))).toBe(false);
    expect(isNetworkMessage(null)).toBe(false);
  });
});
