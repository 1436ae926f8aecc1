import { describe, expect, it } from 'vitest';
import { isLoopbackHost, isPlainHttpToNetwork } from './hub-address.js';

describe('plain http to the network', () => {
  it('is an http address of another machine, by name or address', () => {
    for (const address of [
      'http://hub.example.com:4780',
      'http://coach.centre.lan/',
      'http://10.0.0.5:4780',
      'http://192.168.1.20',
      'http://[fe80::1]:4780',
      'http://[2001:db8::7]',
      'HTTP://Hub.Example.com',
      ' http://hub.example.com ',
      // Not loopback: 0.0.0.0 is "any address" and localhost.example.com is a DNS name.
      'http://0.0.0.0:4780',
      'http://localhost.example.com',
      'http://128.0.0.1',
    ]) {
      expect(isPlainHttpToNetwork(address), address).toBe(true);
    }
  });

  it('is not https, nor http that stays on this PC, in any spelling of loopback', () => {
    for (const address of [
      'https://hub.example.com',
      'https://10.0.0.5:4780',
      'http://127.0.0.1:4780',
      'http://127.255.10.2',
      'http://localhost:4780',
      'http://LOCALHOST',
      'http://localhost.:4780',
      'http://[::1]:4780',
      'http://[0:0:0:0:0:0:0:1]',
      'http://[::ffff:127.0.0.1]:4780',
      // Spellings the URL parser turns into 127.0.0.1.
      'http://127.1',
      'http://0x7f.0.0.1',
      'http://2130706433',
    ]) {
      expect(isPlainHttpToNetwork(address), address).toBe(false);
    }
  });

  it('says nothing about what is not an address (the form validates that)', () => {
    for (const address of ['', 'hub.example.com', 'http://', 'ftp://hub.example.com']) {
      expect(isPlainHttpToNetwork(address), address).toBe(false);
    }
  });

  it('reads canonical host names only', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('[::ffff:7f00:1]')).toBe(true);
    expect(isLoopbackHost('[::ffff:a00:5]')).toBe(false); // ::ffff:10.0.0.5
    expect(isLoopbackHost('127.0.0.1.example.com')).toBe(false);
  });
});
