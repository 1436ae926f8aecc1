import { describe, expect, it } from 'vitest';
import { isLoopbackRedirect } from './sso.js';

describe('isLoopbackRedirect', () => {
  it('accepts the desktop app’s loopback callback on 127.0.0.1 and [::1], any port', () => {
    expect(isLoopbackRedirect('http://127.0.0.1:1/callback')).toBe(true);
    expect(isLoopbackRedirect('http://127.0.0.1:65535/callback')).toBe(true);
    expect(isLoopbackRedirect('http://[::1]:49152/callback')).toBe(true);
  });

  it('refuses every other address, path, port or spelling', () => {
    for (const uri of [
      'http://localhost:5000/callback',
      'http://127.0.0.1:5000/callback/',
      'http://127.0.0.1:5000/Callback',
      'http://127.0.0.1:5000/callback?x=1',
      'http://127.0.0.1:05000/callback',
      'http://127.0.0.1:0/callback',
      'http://127.0.0.1:65536/callback',
      'http://127.0.0.1/callback',
      'https://127.0.0.1:5000/callback',
      'http://[::ffff:127.0.0.1]:5000/callback',
      'http://127.0.0.1:5000@example.com/callback',
      'http://example.com/callback',
      ' http://127.0.0.1:5000/callback',
    ])
      expect(isLoopbackRedirect(uri), uri).toBe(false);
  });
});
