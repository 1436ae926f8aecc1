import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import { startCommandEndpoint, type CommandEndpoint } from './command-endpoint.js';
import { defaultUserDataDir } from './endpoint-file.js';

describe('command endpoint', () => {
  let endpoint: CommandEndpoint;
  const events: CallEvent[] = [];
  const post = (path: string, body: string, secret = 's3cret-for-tests') =>
    fetch(`http://127.0.0.1:${endpoint.port}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body,
    });

  beforeAll(async () => {
    endpoint = await startCommandEndpoint({
      secret: 's3cret-for-tests',
      onEvent: (e) => events.push(e),
      now: () => new Date('2026-11-24T10:00:00Z'),
    });
  });
  afterAll(() => endpoint?.close());

  it('turns a command into a call event stamped on arrival', async () => {
    const res = await post(
      '/call-event',
      JSON.stringify({ action: 'hold', id: 'abc', direction: 'outbound' }),
    );
    expect(res.status).toBe(200);
    expect(events.at(-1)).toEqual({
      kind: 'held',
      callId: 'abc',
      direction: 'outbound',
      remoteParty: null,
      at: '2026-11-24T10:00:00.000Z',
      source: 'command',
    });
  });

  it('refuses what it cannot use, with a reason', async () => {
    const count = events.length;
    expect((await post('/call-event', '{"action":"answer","id":"x"}', 'wrong')).status).toBe(401);
    expect((await post('/elsewhere', '{}')).status).toBe(404);
    const bad = await post('/call-event', JSON.stringify({ action: 'answer' }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/id/);
    expect((await post('/call-event', 'not json')).status).toBe(400);
    expect((await post('/call-event', 'x'.repeat(10_000))).status).toBe(413);
    expect(events.length).toBe(count);
  });
});

describe('defaultUserDataDir', () => {
  it('matches where Electron keeps the app’s data on each platform', () => {
    expect(defaultUserDataDir({}, 'linux', '/home/a')).toBe('/home/a/.config/Sidecoach');
    expect(defaultUserDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/Sidecoach');
    expect(defaultUserDataDir({}, 'darwin', '/Users/a')).toBe(
      '/Users/a/Library/Application Support/Sidecoach',
    );
    expect(
      defaultUserDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a'),
    ).toMatch(/Roaming.Sidecoach$/);
    expect(defaultUserDataDir({ SIDECOACH_USER_DATA_DIR: '/t' }, 'linux')).toBe('/t');
  });
});

describe('baresipAddress', () => {
  it('takes loopback host:port only', async () => {
    const { baresipAddress } = await import('./sources.js');
    expect(baresipAddress('127.0.0.1:4444')).toEqual({ host: '127.0.0.1', port: 4444 });
    expect(baresipAddress('[::1]:4444')).toEqual({ host: '::1', port: 4444 });
    expect(baresipAddress('10.0.0.5:4444')).toBeUndefined();
    expect(baresipAddress('127.0.0.1:99999')).toBeUndefined();
    expect(baresipAddress(undefined)).toBeUndefined();
    expect(baresipAddress(null)).toBeUndefined();
  });
});
