import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permissions.js';

describe('permissionAllowed', () => {
  it('lets our page reach the hub on the local network and write the clipboard', () => {
    for (const permission of [
      'local-network-access',
      'local-network',
      'loopback-network',
      'clipboard-sanitized-write',
    ]) {
      expect(permissionAllowed(permission, 'app://sidecoach/index.html')).toBe(true);
      expect(permissionAllowed(permission, 'app://sidecoach')).toBe(true);
    }
  });

  it('denies everything else, and everything to other origins', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      expect(permissionAllowed(permission, 'app://sidecoach/index.html')).toBe(false);
    }
    expect(permissionAllowed('loopback-network', 'https://evil.example/')).toBe(false);
    expect(permissionAllowed('loopback-network', 'http://127.0.0.1:4780/')).toBe(false);
    expect(permissionAllowed('loopback-network', undefined)).toBe(false);
    expect(permissionAllowed('loopback-network', '')).toBe(false);
  });
});
