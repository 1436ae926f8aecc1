// The app's own `call ...` command under Node, against the real loopback endpoint and endpoint
// file: the argv Electron gives, the hand-over decision and its exit codes. The single-instance
// lock is the one thing of Electron's: its answer (and the data it carries) is a parameter.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CallEvent } from '@sidecoach/shared';
import {
  appArguments,
  callArguments,
  HANDOVER_KEY,
  runAppCommand,
  secondInstanceRequest,
} from './command-line.js';
import {
  commandToEvent,
  startCommandEndpoint,
  type CommandEndpoint,
} from './softphone/command-endpoint.js';
import { installSecret, writeEndpointFile } from './softphone/endpoint-file.js';

describe('the arguments of the app’s executable', () => {
  it('are what follows the executable, or the app folder when run as electron <folder>', () => {
    const words = ['call', 'answer', '--id', 'c-1'];
    expect(appArguments(['/opt/Sidecoach/sidecoach', ...words], false)).toEqual(words);
    expect(appArguments(['C:\\Sidecoach\\Sidecoach.exe', ...words], false)).toEqual(words);
    expect(appArguments(['/x/electron', '--no-sandbox', '/repo/desktop', ...words], true)).toEqual(
      words,
    );
    expect(appArguments(['/x/electron', '--no-sandbox'], true)).toEqual([]);
  });

  it('hold a call command only when `call` is the first word (switches before it skipped)', () => {
    expect(callArguments(['call', 'end', '--id', 'x'])).toEqual(['call', 'end', '--id', 'x']);
    expect(callArguments(['--no-sandbox', 'call', 'end', '--id', 'x'])).toEqual([
      'call',
      'end',
      '--id',
      'x',
    ]);
    expect(callArguments([])).toBeNull();
    expect(callArguments(['--enable-logging'])).toBeNull();
    expect(callArguments(['something', 'call'])).toBeNull();
  });
});

describe('sidecoach call … on the app’s executable', () => {
  let dir: string;
  let secret: string;
  let endpoint: CommandEndpoint;
  const events: CallEvent[] = [];
  /** What a second instance asked of the single-instance lock, and what the lock answers. */
  let lockRequests: Record<string, unknown>[];
  let lockIsOurs: boolean;
  const host = () => ({
    userDataDir: dir,
    requestSingleInstanceLock: (data: Record<string, unknown>) => {
      lockRequests.push(data);
      return lockIsOurs;
    },
  });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sidecoach-app-command-'));
    secret = installSecret(dir);
    endpoint = await startCommandEndpoint({ secret, onEvent: (e) => events.push(e) });
  });
  beforeEach(() => {
    writeEndpointFile(dir, { port: endpoint.port, secret });
    lockRequests = [];
    lockIsOurs = false;
  });
  afterAll(async () => {
    await endpoint?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('posts to the running sidebar’s endpoint and exits 0, without touching the lock', async () => {
    const result = await runAppCommand(
      ['call', 'start', '--id', 'c-1', '--from', '+371 2000 0000'],
      host(),
    );
    expect(result).toEqual({ code: 0, message: '' });
    expect(events.at(-1)).toMatchObject({
      kind: 'ringing',
      callId: 'c-1',
      remoteParty: '+371 2000 0000',
      source: 'command',
    });
    expect(lockRequests).toEqual([]);
  });

  it('exits 2 on a usage mistake before anything is sent', async () => {
    const count = events.length;
    const transfer = await runAppCommand(['call', 'transfer', '--id', 'c-1'], host());
    expect(transfer.code).toBe(2);
    expect(transfer.message).toMatch(/unknown call command "transfer"/);
    const sideways = await runAppCommand(
      ['call', 'start', '--id', 'c-1', '--direction', 'sideways'],
      host(),
    );
    expect(sideways.code).toBe(2);
    expect(sideways.message).toMatch(/direction/);
    expect((await runAppCommand(['call', 'answer'], host())).message).toMatch(/--id is required/);
    expect(events.length).toBe(count);
    expect(lockRequests).toEqual([]);
  });

  it('exits 4 when the endpoint refuses the secret, and hands nothing over', async () => {
    writeEndpointFile(dir, { port: endpoint.port, secret: 'another-install' });
    const refused = await runAppCommand(['call', 'answer', '--id', 'c-2'], host());
    expect(refused.code).toBe(4);
    expect(refused.message).toMatch(/wrong secret/);
    expect(lockRequests).toEqual([]);
  });

  it('exits 3 when no endpoint answers and the lock is free: nobody is running', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sidecoach-app-command-none-'));
    try {
      lockIsOurs = true;
      const result = await runAppCommand(['call', 'end', '--id', 'c-3'], {
        ...host(),
        userDataDir: empty,
      });
      expect(result.code).toBe(3);
      expect(result.message).toMatch(/Sidecoach is not running/);
      expect(lockRequests).toHaveLength(1);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('hands the command over with the lock when the endpoint does not answer, and exits 0', async () => {
    // A port nothing listens on: the sidebar that wrote the file is still starting its endpoint.
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    writeEndpointFile(dir, { port: closed, secret });
    const count = events.length;
    const result = await runAppCommand(['call', 'hold', '--id', 'c-4'], host());
    expect(result).toEqual({ code: 0, message: '' });
    expect(events.length).toBe(count);
    expect(lockRequests).toEqual([
      { [HANDOVER_KEY]: { action: 'hold', id: 'c-4', direction: 'inbound' } },
    ]);

    // The running instance turns what it was handed into the event the endpoint would have made.
    const wanted = secondInstanceRequest(
      [
        '/opt/Sidecoach/sidecoach',
        'call',
        'hold',
        '--id',
        'c-4',
        '--original-process-start-time=1',
      ],
      lockRequests[0],
      false,
    );
    expect(wanted.kind).toBe('call');
    if (wanted.kind !== 'call') return;
    const at = new Date('2026-11-24T10:00:00Z');
    expect(commandToEvent(wanted.request, at)).toEqual({
      kind: 'held',
      callId: 'c-4',
      direction: 'inbound',
      remoteParty: null,
      at: at.toISOString(),
      source: 'command',
    });
  });
});

describe('what the running instance makes of a second instance', () => {
  it('reads the command from argv when no data came with it, past Chromium’s added switches', () => {
    expect(
      secondInstanceRequest(
        [
          '/x/electron',
          '--no-sandbox',
          '/repo/desktop',
          'call',
          'answer',
          '--id',
          'c-5',
          '--original-process-start-time=13370000000',
        ],
        {},
        true,
      ),
    ).toEqual({ kind: 'call', request: { action: 'answer', id: 'c-5', direction: 'inbound' } });
  });

  it('shows the sidebar for a plain second launch, and refuses a malformed command', () => {
    expect(secondInstanceRequest(['/opt/Sidecoach/sidecoach'], {}, false)).toEqual({
      kind: 'launch',
    });
    expect(secondInstanceRequest(['/opt/Sidecoach/sidecoach', '--foo'], null, false).kind).toBe(
      'launch',
    );
    expect(
      secondInstanceRequest(['/opt/Sidecoach/sidecoach'], { [HANDOVER_KEY]: { id: 'x' } }, false)
        .kind,
    ).toBe('invalid');
    expect(
      secondInstanceRequest(['/opt/Sidecoach/sidecoach', 'call', 'dial', '--id', 'x'], {}, false),
    ).toMatchObject({ kind: 'invalid', reason: expect.stringMatching(/unknown call command/) });
  });
});
