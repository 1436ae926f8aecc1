import { describe, expect, it } from 'vitest';
import { HubUrlSchema, IPV6_HUB_REFUSED } from '@sidecoach/shared';
import { buildCsp, cspCache, hubSources } from './csp.js';

describe('buildCsp', () => {
  it('allows the hub over HTTP and WebSocket and nothing else beyond the app', () => {
    expect(buildCsp('http://127.0.0.1:4780')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' http://127.0.0.1:4780 ws://127.0.0.1:4780; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('follows the hub URL it is given', () => {
    expect(buildCsp('https://coach.example.com')).toContain(
      "connect-src 'self' https://coach.example.com wss://coach.example.com;",
    );
  });

  it('falls back to the app alone for an unusable hub URL', () => {
    for (const bad of ['', 'not a url', 'javascript:alert(1)', 'file:///etc']) {
      expect(buildCsp(bad)).toContain("connect-src 'self';");
    }
  });
});

describe('hubSources', () => {
  it('keeps ports and drops paths and credentials', () => {
    expect(hubSources('http://localhost:4780/some/path')).toEqual([
      'http://localhost:4780',
      'ws://localhost:4780',
    ]);
    expect(hubSources('https://u:p@hub.example:8443')).toEqual([
      'https://hub.example:8443',
      'wss://hub.example:8443',
    ]);
  });

  it('names no IPv6 address, which Chromium would drop, and the setting refuses one', () => {
    expect(hubSources('http://[::1]:4780')).toEqual([]);
    expect(hubSources('https://[2001:db8::10]')).toEqual([]);
    for (const url of ['http://[::1]:4780', 'https://[2001:db8::10]:8443'])
      expect(HubUrlSchema.safeParse(url).error?.issues[0]?.message).toBe(IPV6_HUB_REFUSED);
    for (const url of ['http://localhost:4780', 'http://10.1.2.3:4780', 'https://hub.example'])
      expect(HubUrlSchema.safeParse(url).success).toBe(true);
  });

  it('cannot be used to inject directives', () => {
    expect(hubSources("http://hub.example;script-src 'unsafe-inline'")).toEqual([]);
    expect(hubSources('http://a;report-uri')).toEqual([]);
    expect(hubSources("http://a'b,c")).toEqual([]);
    expect(buildCsp('http://a;sandbox')).not.toContain('sandbox');
  });
});

describe('cspCache', () => {
  it('builds the policy once per hub URL and follows a change', () => {
    const cache = cspCache('http://127.0.0.1:4780');
    const first = cache.current();
    expect(cache.current()).toBe(first);
    cache.hubUrlChanged('http://127.0.0.1:4780');
    expect(cache.current()).toBe(first);
    cache.hubUrlChanged('https://coach.example.com');
    expect(cache.current()).toContain('wss://coach.example.com');
    expect(cache.current()).not.toContain('127.0.0.1');
  });
});
