import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { originAllowed } from './socket-auth.js';

const request = (origin: string | undefined, host = '10.1.2.3:4780') =>
  ({ headers: { origin, host } }) as unknown as IncomingMessage;
const allowed = ['app://sidecoach', 'https://coach.example.com'];

describe('originAllowed', () => {
  it('accepts the hub’s own origin, the desktop app and configured origins', () => {
    expect(originAllowed(request('http://10.1.2.3:4780'), allowed)).toBe(true);
    expect(originAllowed(request('app://sidecoach'), allowed)).toBe(true);
    expect(originAllowed(request('https://coach.example.com'), allowed)).toBe(true);
  });

  it('accepts clients that are not browsers (no Origin): they still need a token', () => {
    expect(originAllowed(request(undefined), allowed)).toBe(true);
  });

  it('refuses other sites, look-alikes and garbage', () => {
    for (const origin of [
      'https://evil.example',
      'http://10.1.2.3:4781',
      'http://10.1.2.3:4780.evil.example',
      'https://coach.example.com.evil.example',
      'app://sidecoach-evil',
      'file://',
      'null',
      'not a url',
    ]) {
      expect(originAllowed(request(origin), allowed), origin).toBe(false);
    }
  });
});
