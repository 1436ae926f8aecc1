import { describe, expect, it } from 'vitest';
import { isLoopback, plainAddress, sameNetwork } from './self-answer.js';

describe('comparing an answer’s address with staff sign-ins', () => {
  it('compares IPv4 exactly, an IPv4 client on a dual-stack socket as IPv4', () => {
    expect(sameNetwork('203.0.113.50', '203.0.113.50')).toBe(true);
    expect(sameNetwork('203.0.113.50', '203.0.113.51')).toBe(false);
    expect(sameNetwork('::ffff:203.0.113.50', '203.0.113.50')).toBe(true);
    expect(plainAddress('::FFFF:10.0.0.5')).toBe('10.0.0.5');
  });

  it('compares IPv6 by its /64 network, in any spelling', () => {
    expect(sameNetwork('2001:db8:10:20::5', '2001:db8:10:20:a1b2:c3d4:e5f6:1')).toBe(true);
    expect(sameNetwork('2001:0db8:0010:0020:0:0:0:5', '2001:db8:10:20::9')).toBe(true);
    expect(sameNetwork('2001:db8:10:20::5', '2001:db8:10:21::5')).toBe(false);
    expect(sameNetwork('2001:db8:10:20::5', '203.0.113.50')).toBe(false);
    expect(sameNetwork('not an address', 'not an address')).toBe(false);
  });

  it('tells nothing from the hub’s own machine', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });
});
