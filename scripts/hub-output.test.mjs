import { describe, expect, it } from 'vitest';
import { formatHubLine, sidebarHubUrl } from './hub-output.mjs';

const pino = (fields) =>
  JSON.stringify({
    level: 30,
    time: 1767225600000,
    pid: 4242,
    hostname: 'laptop',
    service: 'sidecoach-hub',
    ...fields,
  });

describe('formatHubLine', () => {
  it('shortens pino lines to level, message and the small fields', () => {
    expect(
      formatHubLine(pino({ msg: 'database ready', file: '/data/x.sqlite', migrated: 3 })),
    ).toEqual({
      text: 'info  database ready file=/data/x.sqlite migrated=3',
      level: 30,
      listening: null,
    });
    expect(
      formatHubLine(pino({ level: 40, msg: 'no users yet', hint: 'run create-admin' })).text,
    ).toBe('warn  no users yet hint="run create-admin"');
  });

  it('keeps the message of an error, the request line and status, and drops other objects', () => {
    const line = pino({
      level: 50,
      msg: 'unclean stop',
      err: { type: 'Error', message: 'disk full', stack: 'Error: disk full\n    at x' },
      extra: { nested: true },
    });
    expect(formatHubLine(line).text).toBe('error unclean stop err="disk full"');
    const request = pino({ msg: 'incoming request', req: { method: 'GET', url: '/healthz' } });
    expect(formatHubLine(request).text).toBe('info  incoming request GET /healthz');
    const done = pino({ msg: 'request completed', res: { statusCode: 200 }, responseTime: 6.2931 });
    expect(formatHubLine(done).text).toBe('info  request completed status=200 responseTime=6.3');
  });

  it('spots the listening line and its address', () => {
    const line = pino({ msg: 'hub listening', url: 'http://127.0.0.1:4780', demoSeeded: true });
    expect(formatHubLine(line)).toEqual({
      text: 'info  hub listening url=http://127.0.0.1:4780 demoSeeded=true',
      level: 30,
      listening: 'http://127.0.0.1:4780',
    });
  });

  it('passes other lines through unchanged', () => {
    for (const line of [
      'Sidecoach demo team (password for every account: sidecoach-demo)',
      '  agent1      agent       Ava Agent',
      'sidecoach-hub: listen EADDRINUSE: address already in use 127.0.0.1:4780',
      '',
      '42',
      '[1,2]',
      '{"not":"pino"}',
    ]) {
      expect(formatHubLine(line)).toEqual({ text: line, level: null, listening: null });
    }
  });
});

describe('sidebarHubUrl', () => {
  it('reaches a hub on every interface through loopback', () => {
    expect(sidebarHubUrl('http://0.0.0.0:4780')).toBe('http://127.0.0.1:4780');
    expect(sidebarHubUrl('http://[::]:4780')).toBe('http://[::1]:4780');
    expect(sidebarHubUrl('http://127.0.0.1:4780')).toBe('http://127.0.0.1:4780');
    expect(sidebarHubUrl('http://localhost:4780/')).toBe('http://localhost:4780');
  });
});
