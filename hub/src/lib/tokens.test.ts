import { describe, expect, it } from 'vitest';
import { bearerToken } from './tokens.js';

describe('bearerToken', () => {
  it('reads a well-formed bearer token only', () => {
    expect(bearerToken('Bearer abcdefghijklmnop_-12')).toBe('abcdefghijklmnop_-12');
    expect(bearerToken('Basic abcdefghijklmnop')).toBeUndefined();
    expect(bearerToken('Bearer short')).toBeUndefined();
    expect(bearerToken('Bearer has spaces in it')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
